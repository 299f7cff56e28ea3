"""The language of a document: English, Russian, Ukrainian, or "unknown" when the text cannot tell.

py3langid reads the text; its verdict is kept only when it is clear. A text too short to judge, a text in
another language, a text mixing scripts, or a close call between Russian and Ukrainian is "unknown": never
a guess. Unknown and English texts take the same (English) reading; only "ru" and "uk" take the Cyrillic one.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources
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
# A Latin text with at least this many English function words, this dense, is English without the model: on the
# 4,701 corpus and gold texts it agrees with the model on all 1,221 it decides (4 more, "Situation Update, east
# of Ukraine as of morning, ...", the model calls unknown); no French, German, Dutch, Spanish or Polish sentence
# tried passes it.
MIN_FUNCTION_WORDS = 2
MIN_FUNCTION_SHARE = 0.12
_LATIN_WORD = re.compile(r"[a-z']+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _letters(first: int, last: int) -> str:
    return "".join(re.escape(chr(code)) for code in range(first, last + 1) if chr(code).isalpha())


# The letters of the Cyrillic block, and the ASCII and Latin-1 to Latin Extended-B ones: counted in C, not
# a character at a time in Python.
_CYRILLIC_LETTER = re.compile(f"[{_letters(0x400, 0x4FF)}]")
_LATIN_LETTER = re.compile(f"[{_letters(0x00, 0x7F)}{_letters(0xC0, 0x24F)}]")


# A web address says nothing of the language its text is written in ("Вибух у Сумах https://.../vybukh-u-sumakh"):
# its letters are not counted.
_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s)\]]+", re.I)


def _without_addresses(text: str) -> str:
    return _ADDRESS.sub(" ", text) if "://" in text or "www." in text else text


def detect_language(text: str) -> str:
    """"en", "ru", "uk" or "unknown" (too short, another language, mixed scripts, or unsure)."""
    sample = _without_addresses(text[:SAMPLE_CHARS])
    cyrillic, latin = len(_CYRILLIC_LETTER.findall(sample)), len(_LATIN_LETTER.findall(sample))
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
        if _dense_in_english_function_words(sample):
            return ENGLISH
        # English only when the model, free to choose any of its 97 languages, chooses English: a French or
        # German text is unknown, not English
        language, _ = _identifier().classify(sample)
        return ENGLISH if language == ENGLISH else UNKNOWN
    return UNKNOWN


def _dense_in_english_function_words(sample: str) -> bool:
    words = _LATIN_WORD.findall(sample.lower())
    hits = sum(1 for word in words if word in _english_function_words())
    return hits >= MIN_FUNCTION_WORDS and hits >= MIN_FUNCTION_SHARE * len(words)


@lru_cache(maxsize=1)
def _english_function_words() -> frozenset[str]:
    text = resources.files("sitrep.data").joinpath("english_function_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=64)
def is_cyrillic_text(text: str) -> bool:
    """Most of the text's letters are Cyrillic: it is read as Russian or Ukrainian (places, the short-report
    classifier) whatever its detected language. No model: `sitrep geocode TEXT` asks it of bare text. Cached:
    extraction asks it of each report's sentence several times, and of the whole document for each report."""
    if not _CYRILLIC.search(text):
        return False  # English text: one scan in C
    text = _without_addresses(text)
    letters = sum(map(str.isalpha, text))
    return letters > 0 and len(_CYRILLIC.findall(text)) >= MIN_CYRILLIC_SHARE * letters


# Letters only one of the two languages writes: і ї є ґ are Ukrainian, ы э ъ ё Russian.
_UKRAINIAN_LETTER = re.compile("[іїєґІЇЄҐ]")
_RUSSIAN_LETTER = re.compile("[ыэъёЫЭЪЁ]")


def written_in_ukrainian(text: str) -> bool:
    """Does a Cyrillic text write Ukrainian's own letters, and none of Russian's? No model: the place
    resolver asks it of bare text (a Ukrainian text's namesake of a Russian town is the Ukrainian one)."""
    sample = text[:SAMPLE_CHARS]
    return bool(_UKRAINIAN_LETTER.search(sample)) and not _RUSSIAN_LETTER.search(sample)


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
