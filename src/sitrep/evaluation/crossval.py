"""Cross-validated scores: each fold of a gold file read by a sub-event classifier trained on the other folds.

The shipped classifier learnt from the dev gold (CASE 2021 task 2), so its scores on that file are training
scores. `sitrep eval --cv K` and the quality gate score such a file fold by fold instead, each with a model that
never saw the fold's rows: the honest estimate of what a user gets on reports of the same kind.
"""

from __future__ import annotations

import hashlib

from ..extractors.classifier_training import examples, fit_examples
from ..model import Event
from ..pipeline import Pipeline
from .gold import GoldRow


def fold_of(row: GoldRow, folds: int) -> int:
    """A row's fold, from its first document's id: stable across runs and machines, the same for every row
    of one document."""
    key = min(d.id for d in row.documents) if row.documents else row.id
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % folds


def cross_validated(rows: list[GoldRow], pipeline: Pipeline, folds: int) -> tuple[list[Event], list[Event]]:
    """The events (and held reports) of every row, each fold read with a classifier trained on the others."""
    from .run import predict_with_held  # run imports this module

    if folds < 2:
        raise ValueError(f"cross-validation needs 2 folds or more, not {folds}")
    events: list[Event] = []
    held: list[Event] = []
    for fold in range(folds):
        inside = [r for r in rows if fold_of(r, folds) == fold]
        if not inside:
            continue
        model = fit_examples(*examples(_as_json(r) for r in rows if fold_of(r, folds) != fold))
        reader = Pipeline(pipeline.gazetteer, pipeline.batch_size, pipeline.report_model, event_model=model)
        found, kept_back = predict_with_held(inside, reader)
        events += found
        held += kept_back
    return events, held


def _as_json(row: GoldRow) -> dict:
    return {"documents": [{"id": d.id, "text": d.text} for d in row.documents], "event": row.event}
