"""Training the sub-event classifier of `classify` (for the shipped model and for cross-validated scores).

`bench/train_event_classifier.py` trains the shipped model with it; `sitrep eval --cv K` and the quality gate
train one model per fold with it, so that a gold file the model learnt from is scored on rows it never saw.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Iterable, Mapping

from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

from ..clean import segment
from .classify import NO_EVENT, SOME_EVENT, LinearModel, featurise
from .short_reports import first_trigger, report_text
from .triggers import Trigger

C = 100.0
# Classes are weighted "balanced" (each sub-type counts as much as any other, for macro-F1), except that the
# uncoded event reports weigh 3 times that: most of what sitrep reads is conflict news like them, and with
# less weight the model calls more bare conflict headlines "none" (found on the UCDP gold dropped) while
# cross-validation on CASE 2021 is the same either way.
SOME_EVENT_WEIGHT = 3.0


def examples(rows: Iterable[Mapping]) -> tuple[list[str], list[str]]:
    """(text, label) examples of gold rows (../shared/gold/README.md): a row's documents with its sub-event
    type, or "none" for `event: null`.

    A row that codes an event but not its sub-type (UCDP) gives each of its documents as an example of
    "some event": those teach the classifier that a report of deaths in fighting is not "none". Only the
    documents in which the rules find an event word are taken (a bare report title teaches nothing).
    """
    texts, labels, seen = [], [], set()
    for row in rows:
        event = row.get("event")
        if event is None or event.get("sub_event_type"):
            texts.append(" ".join(d["text"] for d in row["documents"]))
            labels.append(event["sub_event_type"] if event else NO_EVENT)
            continue
        for document in row["documents"]:
            if document["id"] not in seen and first_trigger(segment(document["text"])):
                seen.add(document["id"])
                texts.append(document["text"])
                labels.append(SOME_EVENT)
    return texts, labels


def fit_examples(texts: list[str], labels: list[str]) -> LinearModel:
    """A model from (text, label) examples, each text read as a short report is (its usable sentences)."""
    segmented = [segment(t) for t in texts]
    return fit([report_text(s) for s in segmented], labels, [first_trigger(s) for s in segmented])


def fit(texts: list[str], labels: list[str], triggers: list[Trigger | None]) -> LinearModel:
    """A model of `labels` (sub-event types, "none", "event") from report texts and their first triggers."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model = LogisticRegression(C=C, max_iter=3000, class_weight=class_weights(labels))
        model.fit(featurise(texts, triggers).to_csr(), labels)
    return LinearModel(tuple(model.classes_), model.coef_, model.intercept_)


def class_weights(labels: list[str]) -> dict[str, float]:
    counts = Counter(labels)
    balanced = {label: len(labels) / (len(counts) * n) for label, n in counts.items()}
    if SOME_EVENT in balanced:
        balanced[SOME_EVENT] *= SOME_EVENT_WEIGHT
    return balanced
