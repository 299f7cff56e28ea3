"""One-to-one matching of gold events to predicted events."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TypeVar

from ..model import Event
from .fields import EVENT_FIELDS, counts_as, field_outcomes
from .gold import GoldRow

T = TypeVar("T")


def match(rows: list[GoldRow], events: list[Event]) -> dict[int, Event]:
    """Gold row index -> its one predicted event: greatest Jaccard of document ids first, then field agreement.
    On whole articles a predicted event must agree with the gold event on two of type, date and place."""
    by_document: dict[str, list[int]] = defaultdict(list)
    for j, event in enumerate(events):
        for doc_id in event.document_ids:
            by_document[doc_id].append(j)
    candidates: list[tuple[float, int, int, int]] = []
    for i, row in enumerate(rows):
        if row.event is None:
            continue
        gold_ids = row.document_ids
        for j in sorted({j for d in gold_ids for j in by_document.get(d, [])}):
            if not counts_as(row, events[j]):
                continue
            predicted = set(events[j].document_ids)
            jaccard = len(gold_ids & predicted) / len(gold_ids | predicted)
            agreement = sum(1 for name, ok in field_outcomes(row, events[j]).items() if ok and name in EVENT_FIELDS)
            candidates.append((-jaccard, -agreement, i, j))
    return greedy_one_to_one(candidates, events)


def greedy_one_to_one(candidates: list[tuple], events: Sequence[T]) -> dict[int, T]:
    """Gold index -> predicted event (or whatever `events` lists), best candidate pairs first; candidates are
    (key, ..., gold i, event j) tuples that sort best first. Each gold item and each event is used once."""
    matched: dict[int, T] = {}
    used: set[int] = set()
    for *_, i, j in sorted(candidates):
        if i not in matched and j not in used:
            matched[i] = events[j]
            used.add(j)
    return matched
