"""A small linear classifier of ACLED sub-event types, beside the trigger rules.

Rules know words ("shelled", "tear gas"); the classifier weighs the whole sentence, and has learnt which
texts report no event at all (accidents, disasters, diplomacy). Its input is the sentence's hashed word and
character n-grams plus what the rules found, so it refines the rules rather than replacing them. The
weights live in `sitrep/data/event_classifier.npz` (a numpy archive, no pickle), trained by
`bench/train_event_classifier.py` on the dev gold; hashing keeps the training text out of the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import HashingVectorizer

from .lexicon import taxonomy
from .triggers import Trigger

NO_EVENT = "none"
# Texts known to report an event whose sub-type nobody coded (UCDP headlines): they teach the classifier
# what is not "none", and never win as a type.
SOME_EVENT = "event"
N_FEATURES = 2**16
RULE_WEIGHT = 0.5
MODEL_FILE = "event_classifier.npz"


@dataclass(frozen=True)
class Verdict:
    label: str  # the most probable class: a sub-event type, "none" or "event"
    probability: float
    sub_event_type: str  # the most probable sub-event type


def rule_columns() -> list[str]:
    """One column per sub-event type the rules can name, one for "no trigger", one for "only a death"."""
    return sorted(taxonomy()) + ["no trigger", "fallback"]


def featurise(texts: list[str], triggers: list[Trigger | None]) -> csr_matrix:
    columns = rule_columns()
    rules = np.zeros((len(texts), len(columns)), dtype=np.float64)
    for row, trigger in enumerate(triggers):
        if trigger is None:
            rules[row, columns.index("no trigger")] = RULE_WEIGHT
        else:
            rules[row, columns.index(trigger.sub_event_type)] = RULE_WEIGHT
            rules[row, columns.index("fallback")] = RULE_WEIGHT * trigger.fallback
    words, chars = _vectorisers()
    return hstack([words.transform(texts), chars.transform(texts), csr_matrix(rules)]).tocsr()


@cache
def _vectorisers() -> tuple[HashingVectorizer, HashingVectorizer]:
    words = HashingVectorizer(n_features=N_FEATURES, ngram_range=(1, 2), alternate_sign=False, norm="l2")
    chars = HashingVectorizer(n_features=N_FEATURES, analyzer="char_wb", ngram_range=(3, 5), alternate_sign=False, norm="l2")
    return words, chars


@dataclass(frozen=True)
class LinearModel:
    classes: tuple[str, ...]
    coef: np.ndarray  # classes x features
    intercept: np.ndarray

    def verdicts(self, texts: list[str], triggers: list[Trigger | None]) -> list[Verdict]:
        if not texts:
            return []
        scores = featurise(texts, triggers) @ self.coef.T + self.intercept
        scores = np.asarray(scores)
        probabilities = np.exp(scores - scores.max(axis=1, keepdims=True))
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        types = [i for i, c in enumerate(self.classes) if c not in (NO_EVENT, SOME_EVENT)]
        out = []
        for row in probabilities:
            best = int(row.argmax())
            best_type = max(types, key=lambda i: row[i])
            out.append(Verdict(self.classes[best], float(row[best]), self.classes[best_type]))
        return out

    def save(self, path) -> None:
        np.savez_compressed(path, classes=np.array(self.classes), coef=self.coef.astype(np.float32),
                            intercept=self.intercept.astype(np.float32))


@cache
def load_model() -> LinearModel | None:
    """The shipped model, or None when the package has none (the rules then decide alone)."""
    resource = resources.files("sitrep.data").joinpath(MODEL_FILE)
    if not resource.is_file():
        return None
    with resources.as_file(resource) as path, np.load(path) as data:
        return LinearModel(tuple(str(c) for c in data["classes"]), data["coef"].astype(np.float64), data["intercept"].astype(np.float64))
