"""One sentence, two events: "Russian forces shelled the Chernihiv region, and intensified their shelling of
Kharkiv" tells of shelling in two places (gold/CODING.md: strikes on two named places are two events).

Extraction reads one event a sentence; such a sentence is read as two, cut where its second clause begins,
when each clause has words of an event of its own and places of its own. A clause that only goes on about
the same place ("shelled Kharkiv, and a fire broke out in Kharkiv") or names no place stays with the first.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..clean import Sentence
from ..language import is_cyrillic_text
from ..model import Place
from .triggers import find_trigger

# where a second clause with a subject or verb of its own begins
SEMICOLON = re.compile(r";\s+")
# (", but one drone slammed into a building in Sumy" after drones downed over the Kyiv region: a strike of its own)
SECOND_CLAUSE = re.compile(rf",\s+(?:and|while|as well as|but)\s+|{SEMICOLON.pattern}")
HEADLINE_CLAUSE = re.compile(rf",\s+(?:(?:and|while|as well as|but)\s+)?|{SEMICOLON.pattern}")


def split_double_reports(sentences: list[Sentence], places: list[Place]) -> list[Sentence]:
    """The sentences of an article, each that tells of two events at two places cut in two."""
    out: list[Sentence] = []
    for sentence in sentences:
        out.extend(_halves(sentence, places) if sentence.usable and not is_cyrillic_text(sentence.text) else [sentence])
    return out


def _halves(sentence: Sentence, places: list[Place]) -> list[Sentence]:
    first = find_trigger(sentence.text)
    if first is None:
        return [sentence]
    for join in _joins_after_the_first_event(sentence.text, first.evidence.start, first.evidence.end, is_headline(sentence)):
        second = find_trigger(sentence.text[join.end():])
        if second is None or second.generic or second.fallback:
            continue
        before = _names(places, sentence.start, sentence.start + join.start())
        after = _names(places, sentence.start + join.end(), sentence.end)
        if before and after and not before & after:
            return [
                replace(sentence, end=sentence.start + join.start(), text=sentence.text[:join.start()]),
                replace(sentence, start=sentence.start + join.end(), text=sentence.text[join.end():]),
            ]
    return [sentence]


def _joins_after_the_first_event(text: str, start: int, end: int, headline: bool) -> list[re.Match]:
    """Where a second clause may begin: after the sentence's first event words (in a headline, at a bare comma
    too: "Shelling kills two in Kherson, drone kills man in Beryslav"); or at a semicolon before them when the
    words before it tell an event of their own ("... struck a recruitment centre in Poltava; a jet was also
    shot down over the Donetsk region": shooting down is the rule tried first)."""
    if headline:  # (the words found first may be the second clause's: "Shelling kills two ..., drone kills man ...")
        return [join for join in HEADLINE_CLAUSE.finditer(text)
                if join.start() >= end or find_trigger(text[:join.start()]) is not None]
    semicolons = [join for join in SEMICOLON.finditer(text, 0, start) if find_trigger(text[:join.start()]) is not None]
    return semicolons + list(SECOND_CLAUSE.finditer(text, end))


def is_headline(sentence: Sentence) -> bool:
    """Is the sentence an article's headline: its first line, with no full stop of its own?"""
    return sentence.start == 0 and not sentence.text.rstrip().endswith((".", "!", "?"))


def _names(places: list[Place], start: int, end: int) -> set[str]:
    """The regions and towns named between two offsets (a country places no event on its own)."""
    return {p.name for p in places if p.admin1 and p.start is not None and start <= p.start < end}
