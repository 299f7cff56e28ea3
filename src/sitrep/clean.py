"""Split a document into sentences and mark those that must not yield events.

Articles carry photo captions and repeated paragraphs; a caption restates the story and a repeated paragraph
reports nothing new, so both are marked here and skipped by extraction. Offsets always point into the
original text, so evidence quotes stay exact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .extractors.lexicon import flagged_pattern
from .extractors.triggers import find_trigger
from .language import is_cyrillic_text

# A sentence ends at . ! ? or … (optionally followed by a closing quote or bracket) before white space and a
# capital, digit or opening quote. Abbreviations and initials that end in a dot are guarded below. Tried only
# at the first mark of a run, each repeat possessive: a run of 100,000 dots is read once, not once a dot.
_SENTENCE_END = re.compile(r"""(?<![.!?…])[.!?…]++["'”’)\]]*+(?=\s++["'“‘(\[]?[A-ZА-ЯЁІЇЄ0-9])""")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt", "st", "jr", "sr", "prof", "rev",
    "gov", "sen", "rep", "no", "vs", "u.s", "u.k", "u.n", "e.g", "i.e", "approx", "est", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp",
}
_TERMINAL = re.compile(r"""[.!?…:;]["'”’)\]]*\s*$""")
_WORD = re.compile(r"\w+")
CAPTION_MAX_WORDS = 45
FRAGMENT_MAX_WORDS = 3
# A Russian or Ukrainian headline of three words with an event word reports in full ("Вибухи у Криму": event,
# preposition, place); "Ще одна Чорнобаївка" does not.
CYRILLIC_FRAGMENT_MAX_WORDS = 2
LIST_ITEM_MAX_WORDS = 20  # a line of a list that goes on one sentence (longer: a paragraph of its own)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    repeated: bool = False  # the same sentence stood earlier in the document
    caption: bool = False  # a photo caption or stand-alone line inside an article
    fragment: bool = False  # too short to report anything

    @property
    def usable(self) -> bool:
        return not (self.repeated or self.caption or self.fragment)


def segment(text: str) -> list[Sentence]:
    """The sentences of `text`, in order, with repeats, captions and fragments marked."""
    paragraphs = _lists_joined(text, list(_paragraphs(text)))
    is_article = len(paragraphs) > 1
    seen: set[str] = set()
    sentences: list[Sentence] = []
    for index, (p_start, p_end) in enumerate(paragraphs):
        paragraph_text = text[p_start:p_end]
        caption = is_article and index > 0 and _looks_like_caption(paragraph_text)
        for s_start, s_end in _split_sentences(paragraph_text):
            start, end = p_start + s_start, p_start + s_end
            sentence_text = text[start:end]
            words = _WORD.findall(sentence_text.casefold())
            key = " ".join(words)  # normalise(sentence_text)
            # case-folding ASCII changes no letter into more or fewer word characters: the same words, counted
            n_words = len(words) if sentence_text.isascii() else len(_WORD.findall(sentence_text))
            sentences.append(
                Sentence(
                    start=start,
                    end=end,
                    text=sentence_text,
                    paragraph=index,
                    repeated=key in seen,
                    caption=caption,
                    fragment=_is_fragment(sentence_text, n_words),
                )
            )
            seen.add(key)
    return sentences


def _is_fragment(sentence: str, n_words: int) -> bool:
    """Too short to report anything, unless a Russian or Ukrainian sentence of three words has an event word."""
    if n_words > FRAGMENT_MAX_WORDS:
        return False
    if n_words <= CYRILLIC_FRAGMENT_MAX_WORDS:
        return True
    return not (is_cyrillic_text(sentence) and find_trigger(sentence) is not None)


def normalise(sentence: str) -> str:
    """A sentence's words, lower-cased: the key under which repeats are recognised."""
    return " ".join(_WORD.findall(sentence.casefold()))


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line, stripped of surrounding white space."""
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + (len(raw) - len(raw.lstrip()))
            yield start, start + len(stripped)


def _lists_joined(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One sentence told over several lines is one paragraph: a line that ends in a colon and the short items
    after it that go on with a comma or a semicolon, up to the item that ends it ("уничтожены 30 беспилотников:
    \n14 – над территорией X,\n9 – над территорией Y."). Bullets that are sentences of their own (each ends in a
    full stop) stay apart."""
    def goes_on(line: tuple[int, int]) -> bool:
        return text[line[1] - 1] in ",;"

    def is_item(line: tuple[int, int]) -> bool:
        return len(_WORD.findall(text, *line)) <= LIST_ITEM_MAX_WORDS

    joined: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        start, end = lines[index]
        index += 1
        if text[end - 1] == ":" and index < len(lines) and goes_on(lines[index]):
            while index < len(lines) and is_item(lines[index]):
                end = lines[index][1]
                index += 1
                if not goes_on(lines[index - 1]):
                    break
        joined.append((start, end))
    return joined


def _split_sentences(paragraph: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        end = match.end()
        if _is_abbreviation(paragraph, start, end):
            continue
        yield start, end
        start = _skip_space(paragraph, end)
    if start < len(paragraph):
        yield start, len(paragraph)


def _is_abbreviation(paragraph: str, start: int, end: int) -> bool:
    """Does the sentence paragraph[start:end] end in an abbreviation or an initial ("Gen.", "J.")? Only its
    last word is read: "A. B. C. ..." has a candidate end at every initial."""
    if paragraph[end - 1] != ".":
        return False
    word_start = end
    while word_start > start and not paragraph[word_start - 1].isspace():
        word_start -= 1
    last = paragraph[word_start:end].rstrip(".").casefold()
    return last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def _looks_like_caption(paragraph: str) -> bool:
    """A short line with no closing punctuation inside an article: a caption, a heading or a credit; or one a
    label opens as a caption ("Photo: ...")."""
    if _TERMINAL.search(paragraph) and not flagged_pattern("caption_label").match(paragraph):
        return False
    return len(_WORD.findall(paragraph)) <= CAPTION_MAX_WORDS  # words counted last
