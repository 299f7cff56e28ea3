"""Does a sentence of an article report a specific occurrence, or only speak of violence?

"Russian forces shelled Lysychansk on Tuesday" reports an event; "Russia's attack on Ukraine has broken all
the rules", "the fight for democracy", "Putin threatened to strike" and "since February, 10,000 civilians have
been killed" do not, though each has an attack word. A linear model over the sentence's hashed word and
character n-grams (`hashing`), and over how old the date the sentence gives is, says how likely the sentence
is a report. It was trained by `bench/train_report_classifier.py` on corpus sentences we labelled
by reading, under the coding rules of ../shared/gold/CODING.md (`bench/labels/corpus_sentences.jsonl`, none
of them from a gold article); its cross-validated scores are in that script's output and the README.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import numpy as np

from .classify import shipped_arrays
from .dates import resolve_date
from .hashing import FeatureRows, text_features

MODEL_FILE = "report_classifier.npz"
# Days between publication and the end of the date a sentence gives: none given, 2 days, a month, older.
AGE_BUCKETS = ("undated", "days", "month", "older")


def age_bucket(sentence: str, published: date | None) -> str:
    found = resolve_date(sentence, 0, published) if published else None
    if found is None or published is None:
        return "undated"
    age = (published - found.end).days
    return "days" if age <= 2 else "month" if age <= 30 else "older"


def featurise(sentences: list[str], published: list[date | None]) -> FeatureRows:
    ages = np.zeros((len(sentences), len(AGE_BUCKETS)))
    for row, (sentence, day) in enumerate(zip(sentences, published)):
        ages[row, AGE_BUCKETS.index(age_bucket(sentence, day))] = 1.0
    return text_features(sentences, ages)


@dataclass(frozen=True)
class ReportModel:
    coef: np.ndarray  # one row of weights
    intercept: float
    threshold: float  # the probability from which a sentence is read as a report

    def probabilities(self, sentences: list[str], published: list[date | None]) -> list[float]:
        if not sentences:
            return []
        scores = featurise(sentences, published).scores(self.coef.reshape(1, -1))[:, 0] + self.intercept
        return [float(p) for p in 1.0 / (1.0 + np.exp(-scores))]

    def save(self, path: str | Path) -> None:
        np.savez_compressed(path, coef=self.coef.astype(np.float32), intercept=np.float32(self.intercept),
                            threshold=np.float32(self.threshold))


@cache
def load_report_model() -> ReportModel | None:
    """The shipped model, or None when the package has none (then every placed, recent report is kept)."""
    data = shipped_arrays(MODEL_FILE)
    if data is None:
        return None
    return ReportModel(data["coef"].astype(np.float64), float(data["intercept"]), float(data["threshold"]))
