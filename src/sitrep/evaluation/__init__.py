"""Evaluation against human-coded gold data (see /work/shared/gold/README.md, "How scores are counted").

Modules: `gold` (reading gold files), `matching` (gold event -> predicted event), `fields` (field scorers),
`scores` (aggregate figures), `report` (wrong cases and the text report), `run` (pipeline over gold documents),
`wikievents` (the WikiEvents attack scorer) and `geocode` (`sitrep eval --task geocode`).

`evaluate_files` runs the pipeline over the gold documents into a fresh in-memory store and scores the
events it produces; `score` and `field_outcomes` are the pure scorers underneath, usable on hand-made events.
"""

from .fields import (
    FIELDS,
    admin1_key,
    admin1_same,
    date_right,
    fatalities_right,
    field_outcomes,
    point_km,
    point_radius,
    point_scored,
)
from .gold import GoldRow, distinct_documents, load_gold
from .matching import match
from .report import ERROR_TEXT_CHARS, errors, format_report
from .run import evaluate_files, predict
from .scores import NONE, score

__all__ = [
    "ERROR_TEXT_CHARS", "FIELDS", "NONE", "GoldRow", "admin1_key", "admin1_same", "date_right", "distinct_documents",
    "errors", "evaluate_files", "fatalities_right", "field_outcomes", "format_report", "load_gold",
    "match", "point_km", "point_radius", "point_scored", "predict", "score",
]
