"""Cross-validated scores: each fold of a gold file read by a sub-event classifier trained on the other folds.

The shipped classifier learnt from the dev gold (CASE 2021 task 2), so its scores on that file are training
scores. `sitrep eval --cv K` and the quality gate score such a file fold by fold instead, each with a model that
never saw the fold's rows: the honest estimate of what a user gets on reports of the same kind.
"""

from __future__ import annotations

from ..errors import SitrepError
from ..model import Event
from ..pipeline import Pipeline
from .gold import GoldRow, row_hash


def fold_of(row: GoldRow, folds: int) -> int:
    """A row's fold (see `gold.row_hash`)."""
    return row_hash(row) % folds


def cross_validated(rows: list[GoldRow], pipeline: Pipeline, folds: int) -> tuple[list[Event], list[Event]]:
    """The events (and held reports) of every row, each fold read with a classifier trained on the others."""
    from .run import predict_with_held  # run imports this module

    try:
        from ..extractors.classifier_training import examples, fit_examples
    except ImportError as error:  # scikit-learn trains; reading needs none of it
        raise SitrepError(f"cross-validated scores train classifiers, which needs scikit-learn: "
                          f"pip install 'sitrep[train]' ({error})") from error
    if folds < 2:
        raise ValueError(f"cross-validation needs 2 folds or more, not {folds}")
    events: list[Event] = []
    held: list[Event] = []
    fold_of_row = [fold_of(r, folds) for r in rows]
    for fold in range(folds):
        inside = [r for r, f in zip(rows, fold_of_row) if f == fold]
        if not inside:
            continue
        model = fit_examples(*examples(_as_json(r) for r, f in zip(rows, fold_of_row) if f != fold))
        reader = Pipeline(pipeline.gazetteer, pipeline.batch_size, pipeline.report_model, event_model=model)
        found, kept_back = predict_with_held(inside, reader)
        events += found
        held += kept_back
    return events, held


def _as_json(row: GoldRow) -> dict:
    return {"documents": [{"id": d.id, "text": d.text} for d in row.documents], "event": row.event}
