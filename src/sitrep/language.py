"""The language of a document: English, Russian, Ukrainian, or "unknown" when the text cannot tell.

py3langid reads the text; its verdict is kept only when it is clear. A text too short to judge, a text in
another language, a text mixing scripts, or a close call between Russian and Ukrainian is "unknown": never
a guess. Unknown and English texts take the same (English) reading; only "ru" and "uk" take the Cyrillic one.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from .model import Document

ENGLISH, RUSSIAN, UKRAINIAN, UNKNOWN = "en", "ru", "uk", "unknown"
LANGUAGES = (ENGLISH, RUSSIAN, UKRAINIAN, UNKNOWN)
CYRILLIC_LANGUAGES = frozenset({RUSSIAN, UKRAINIAN})

MIN_LETTERS = 12  # "Взрыв", "ok": too short to say
SAMPLE_CHARS = 2000  # the start of a text tells its language as well as the whole, at a fixed cost
MAIN_SCRIPT_SHARE = 0.7  # below it, a text mixes Latin and Cyrillic too much to be read as either
MIN_CYRILLIC_PROBABILITY = 0.7  # Russian against Ukrainian: a closer call is unknown
MIN_CYRILLIC_SHARE = 0.5  # of a text's letters, for its words to be read as Russian or Ukrainian ones
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def detect_language(text: str) -> str:
    """"en", "ru", "uk" or "unknown" (too short, another language, mixed scripts, or unsure)."""
    sample = text[:SAMPLE_CHARS]
    latin = cyrillic = 0
    for ch in sample:
        if ch.isalpha():
            if "\u0400" <= ch <= "\u04ff":
                cyrillic += 1
            elif ch.isascii() or "\u00c0" <= ch <= "\u024f":
                latin += 1
    letters = latin + cyrillic
    if letters < MIN_LETTERS:
        return UNKNOWN
    if cyrillic >= MAIN_SCRIPT_SHARE * letters:
        # Russian against Ukrainian alone: Belarusian or Bulgarian words in a Russian post must not make it unknown
        scores = dict(_identifier().rank(sample))
        ru, uk = scores.get(RUSSIAN, 0.0), scores.get(UKRAINIAN, 0.0)
        if ru + uk <= 0:
            return UNKNOWN
        language, probability = (RUSSIAN, ru) if ru >= uk else (UKRAINIAN, uk)
        return language if probability / (ru + uk) >= MIN_CYRILLIC_PROBABILITY else UNKNOWN
    if latin >= MAIN_SCRIPT_SHARE * letters:
        # English only when the model, free to choose any of its 97 languages, chooses English: a French or
        # German text is unknown, not English
        language, _ = _identifier().classify(sample)
        return ENGLISH if language == ENGLISH else UNKNOWN
    return UNKNOWN


def is_cyrillic_text(text: str) -> bool:
    """Most of the text's letters are Cyrillic: it is read as Russian or Ukrainian (places, the short-report
    classifier) whatever its detected language. No model: `sitrep geocode TEXT` asks it of bare text."""
    if not _CYRILLIC.search(text):
        return False  # English text: one scan in C
    letters = sum(1 for ch in text if ch.isalpha())
    return letters > 0 and len(_CYRILLIC.findall(text)) >= MIN_CYRILLIC_SHARE * letters


def with_language(document: Document) -> Document:
    """The document with its language, detected unless it was given."""
    if document.language:
        return document
    return replace(document, language=detect_language(document.text))


def is_cyrillic_language(language: str | None) -> bool:
    return language in CYRILLIC_LANGUAGES


@lru_cache(maxsize=1)
def _identifier() -> Any:  # py3langid's LanguageIdentifier (the package has no types)
    """py3langid's model (1 s to load): loaded on the first document, once a process."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
