"""The pipeline: clean -> annotate -> geocode -> extract, composed and nothing more.

spaCy runs only on the sentences that may report an event, batched across documents; everything else is
rules and look-ups, which is what keeps ingest fast on a laptop.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from .clean import Sentence, segment
from .extractors.classify import NO_EVENT, LinearModel
from .extractors.double_reports import split_double_reports
from .extractors.mentions import extract_mentions, refers_back, strikes_of_the_side_named
from .extractors.report_classifier import ReportModel, load_report_model
from .extractors.reportable import screen
from .extractors.short_reports import is_short, short_report_labels
from .extractors.triggers import may_report_event
from .geo import Gazetteer, find_places
from .language import with_language
from .model import Document, Mention
from .nlp import entity_spans, load_nlp, may_be_a_place, names_person, overrules_gazetteer


@dataclass(frozen=True)
class Result:
    document: Document
    mentions: list[Mention]
    dropped: list[Mention] = field(default_factory=list)  # reports that are no event, each saying why


class Pipeline:
    """Turns documents into event mentions. Loads spaCy and the gazetteer once, on first use."""

    def __init__(self, gazetteer: Gazetteer | None = None, batch_size: int = 64, report_model: ReportModel | None = None,
                 event_model: LinearModel | None = None):
        """`report_model`: the event-report classifier of articles (default: the shipped one; see `reportable`);
        `event_model`: the sub-event classifier of short reports (default: the shipped one; see `short_reports`)."""
        self._gazetteer = gazetteer
        self.batch_size = batch_size
        self.report_model = report_model or load_report_model()
        self.event_model = event_model

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer.open()
        return self._gazetteer

    def process(self, documents: Iterable[Document]) -> Iterator[Result]:
        """Results in the order of `documents`, batched so spaCy sees many sentences at once."""
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= self.batch_size:
                yield from self._process_batch(batch)
                batch = []
        if batch:
            yield from self._process_batch(batch)

    def mentions(self, document: Document) -> list[Mention]:
        return self.read(document).mentions

    def read(self, document: Document) -> Result:
        """One document's events and the reports held back from the event table, each saying why."""
        return next(self._process_batch([document]))

    def _process_batch(self, documents: list[Document]) -> Iterator[Result]:
        documents = [with_language(doc) for doc in documents]
        segmented = {doc.id: segment(doc.text) for doc in documents}
        labels = short_report_labels([segmented[doc.id] for doc in documents], self.event_model)
        candidates = {doc.id: _sentences_to_annotate(segmented[doc.id], label) for doc, label in zip(documents, labels)}
        # a report the classifier says tells of no event is not geocoded: its names are not looked for
        pieces = [(s.text, (doc.id, s.start)) for doc, label in zip(documents, labels) if label != NO_EVENT
                  for s in _to_name(candidates[doc.id], short=is_short(segmented[doc.id]))]
        non_places: dict[str, list[tuple[int, int]]] = {doc.id: [] for doc in documents}
        people: dict[str, list[tuple[int, int]]] = {doc.id: [] for doc in documents}
        misread: dict[str, list[tuple[int, int]]] = {doc.id: [] for doc in documents}
        if pieces:
            for (doc_id, _offset), entities in entity_spans(load_nlp(), pieces):
                non_places[doc_id].extend((s, e) for s, e, label, text in entities if overrules_gazetteer(label, text))
                people[doc_id].extend((s, e) for s, e, label, text in entities if names_person(label, text))
                misread[doc_id].extend((s, e) for s, e, label, text in entities if may_be_a_place(label, text))
        for doc, label in zip(documents, labels):
            if label == NO_EVENT or not (candidates[doc.id] or label):
                yield Result(doc, [])  # nothing reports an event: no need to geocode
                continue
            places = find_places(doc.text, self.gazetteer, exclude_spans=non_places[doc.id], person_spans=people[doc.id],
                                 maybe_places=misread[doc.id])
            sentences = segmented[doc.id] if label else split_double_reports(segmented[doc.id], places)
            found = extract_mentions(doc, sentences, places, label)
            screened = screen(found, sentences, places, doc.published, self.report_model)
            yield Result(doc, strikes_of_the_side_named(screened.kept), screened.dropped)


def _sentences_to_annotate(sentences: list[Sentence], label: str | None) -> list[Sentence]:
    """The sentences whose people and organisations matter: those that may report or continue an event; all of
    a short report the classifier reads as an event (`label`), whose places come from any of its sentences."""
    return [
        s for s in sentences if s.usable and (label not in (None, NO_EVENT) or may_report_event(s.text) or refers_back(s.text))
    ]


# In an article, the NER model reads only the sentences with a name of two capitalised words ("John Kirby",
# "Chasiv Yar") or one after "the" ("the Rusi thinktank"): a lone capitalised word there is a person's where
# the article names them in full elsewhere, or a first name or a title says so (`geo.candidates.person_words`).
# A short report has no elsewhere: all of its candidate sentences are read.
# Read from the start of each run of word characters only, the run's first capital to its end at once: tried from
# every capital of "A.A.A.…" it was quadratic in the run (issue 16's `make fuzz`); the same sentences match.
_NAME_SHAPED = re.compile(r"(?<![\w'’.-])(?>[\w'’.-]*?\b[A-Z])[\w'’.-]*+\s+[A-Z]|\b[Tt]he\s+[A-Z]")


def _to_name(sentences: list[Sentence], short: bool) -> list[Sentence]:
    """The sentences whose names the NER model is asked about."""
    return sentences if short else [s for s in sentences if _NAME_SHAPED.search(s.text)]


_default: Pipeline | None = None


def extract(text: str, published: date | None = None, source: str | None = None) -> list[Mention]:
    """The event mentions of one text: `sitrep.extract("A drone hit ...", published=date(2024, 12, 31))`."""
    return read(text, published, source).mentions


def read(text: str, published: date | None = None, source: str | None = None) -> Result:
    """The event mentions of one text and the reports in it that are no event, each saying why."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default.read(Document(id="text", text=text, published=published, source=source))
