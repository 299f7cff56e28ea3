"""A small linear classifier of ACLED sub-event types, beside the trigger rules.

Rules know words ("shelled", "tear gas"); the classifier weighs the whole sentence, and has learnt which
texts report no event at all (accidents, disasters, diplomacy). Its input is the sentence's hashed word and
character n-grams, the mean of its words' static vectors (en_core_web_md's, pruned and shipped in
`word_vectors.npz`: "overran" lands near "captured" though training never saw it), plus what the rules
found, so it refines the rules rather than replacing them. The weights live in
`sitrep/data/event_classifier.npz` (a numpy archive, no pickle), trained by `bench/train_event_classifier.py`
on the dev gold; hashing keeps the training text out of the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from ..nlp import load_nlp, tokenizable
from .hashing import FeatureRows, text_features
from .lexicon import taxonomy, telltales
from .triggers import Trigger

NO_EVENT = "none"
# Texts known to report an event whose sub-type nobody coded (UCDP headlines): they teach the classifier
# what is not "none", and never win as a type.
SOME_EVENT = "event"
# Those texts are reports of deaths in organised violence: where "some event" is the most probable class, the
# sub-type it stands for is the likeliest of these event types' (not a protest's or an agreement's).
SOME_EVENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
RULE_WEIGHT = 0.5
# Scale of the (unit-length) mean word vector beside the hashed n-grams; chosen by cross-validation.
VECTOR_WEIGHT = 1.0
MODEL_FILE = "event_classifier.npz"
VECTORS_FILE = "word_vectors.npz"


@dataclass(frozen=True)
class Verdict:
    label: str  # the most probable class: a sub-event type, "none" or "event"
    probability: float
    sub_event_type: str  # the most probable sub-event type


def _may_be(sub_event_type: str, text: str) -> bool:
    """Can the text be of this sub-event type? Not of one its words must name (`telltales`: a chemical weapon, a
    suicide bomb) where they do not: a headline of deaths and shelling is neither, whatever its other words."""
    telltale = telltales().get(sub_event_type)
    return telltale is None or bool(telltale.search(text))


def rule_columns() -> list[str]:
    """One column per sub-event type the rules can name, one for "no trigger", one for "only a death"."""
    return sorted(taxonomy()) + ["no trigger", "fallback"]


def featurise(texts: list[str], triggers: list[Trigger | None]) -> FeatureRows:
    columns = rule_columns()
    rules = np.zeros((len(texts), len(columns)), dtype=np.float64)
    for row, trigger in enumerate(triggers):
        if trigger is None:
            rules[row, columns.index("no trigger")] = RULE_WEIGHT
        else:
            rules[row, columns.index(trigger.sub_event_type)] = RULE_WEIGHT
            rules[row, columns.index("fallback")] = RULE_WEIGHT * trigger.fallback
    return text_features(texts, np.hstack([mean_vectors(texts) * VECTOR_WEIGHT, rules]))


def mean_vectors(texts: list[str]) -> np.ndarray:
    """Each text's mean static word vector over its content words, scaled to unit length (zero if none)."""
    table, keys, rows = _static_vectors()
    tokenizer = load_nlp().tokenizer  # the English tokenizer, already loaded for NER
    out = np.zeros((len(texts), table.shape[1]), dtype=np.float64)
    for i, text in enumerate(texts):
        content = [t for t in tokenizer(tokenizable(text)) if not (t.is_stop or t.is_punct)]
        found = _rows_of(np.array([t.orth for t in content], dtype=np.uint64),
                         np.array([t.lower for t in content], dtype=np.uint64), keys, rows)
        if found.size:
            mean = table[found].mean(axis=0)
            norm = np.linalg.norm(mean)
            out[i] = mean / norm if norm else mean
    return out


def _rows_of(words: np.ndarray, lowercase: np.ndarray, keys: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The vector row of each word as written, else of its lowercase form; words in neither are left out."""
    def lookup(hashes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        at = np.minimum(np.searchsorted(keys, hashes), len(keys) - 1)
        return keys[at] == hashes, rows[at]

    as_written, written_rows = lookup(words)
    as_lower, lower_rows = lookup(lowercase)
    found: np.ndarray = np.where(as_written, written_rows, lower_rows)[as_written | as_lower]
    return found


@cache
def _static_vectors() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """en_core_web_md's word vectors (dequantised), and the hashes of lowercase words (sorted) with the row
    of each: `sitrep/data/word_vectors.npz`, built by `bench/build_word_vectors.py`."""
    data = shipped_arrays(VECTORS_FILE)
    if data is None:
        raise FileNotFoundError(f"sitrep/data/{VECTORS_FILE} is missing from the installed package")
    table = data["vectors"].astype(np.float32) * data["scale"][:, None]
    return table, data["keys"], data["rows"].astype(np.int64)


@dataclass(frozen=True)
class LinearModel:
    classes: tuple[str, ...]
    coef: np.ndarray  # classes x features
    intercept: np.ndarray

    def verdicts(self, texts: list[str], triggers: list[Trigger | None]) -> list[Verdict]:
        if not texts:
            return []
        scores = featurise(texts, triggers).scores(self.coef) + self.intercept
        probabilities = np.exp(scores - scores.max(axis=1, keepdims=True))
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        types = [i for i, c in enumerate(self.classes) if c not in (NO_EVENT, SOME_EVENT)]
        lethal = [i for i in types if taxonomy()[self.classes[i]] in SOME_EVENT_TYPES]
        out = []
        for text, row in zip(texts, probabilities):
            best = int(row.argmax())
            candidates = lethal if self.classes[best] == SOME_EVENT else types
            best_type = max([i for i in candidates if _may_be(self.classes[i], text)] or candidates, key=lambda i: row[i])
            out.append(Verdict(self.classes[best], float(row[best]), self.classes[best_type]))
        return out

    def save(self, path: str | Path) -> None:
        np.savez_compressed(path, classes=np.array(self.classes), coef=self.coef.astype(np.float32),
                            intercept=self.intercept.astype(np.float32))


def shipped_arrays(name: str) -> dict[str, np.ndarray] | None:
    """The arrays of a model file shipped in `sitrep/data` (a numpy archive, no pickle), or None when the
    package has none."""
    resource = resources.files("sitrep.data").joinpath(name)
    if not resource.is_file():
        return None
    with resources.as_file(resource) as path, np.load(path) as data:
        return {key: data[key] for key in data.files}


@cache
def load_model() -> LinearModel | None:
    """The shipped model, or None when the package has none (the rules then decide alone)."""
    data = shipped_arrays(MODEL_FILE)
    if data is None:
        return None
    return LinearModel(tuple(str(c) for c in data["classes"]), data["coef"].astype(np.float64), data["intercept"].astype(np.float64))
