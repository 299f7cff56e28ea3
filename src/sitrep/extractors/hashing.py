"""A text's hashed word and character n-grams, the classifiers' sparse features, without scikit-learn.

They are exactly what scikit-learn's HashingVectorizer gives (word 1-2-grams and char_wb 3-5-grams, lower-cased,
no alternating sign, each block scaled to unit length), so models trained with scikit-learn read the same
columns; the hash is murmurhash3, from the `murmurhash` package spaCy already needs. scikit-learn and scipy are
needed to train (`pip install 'sitrep[train]'`), not to read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from murmurhash.mrmr import hash as murmurhash3_32

N_FEATURES = 2**16
_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_SPACES = re.compile(r"\s\s+")
_MOST_NEGATIVE = -(2**31)  # its absolute value is no int32: HashingVectorizer maps it as below


def word_ngrams(text: str) -> list[str]:
    words = _TOKEN.findall(text.lower())
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def _word_char_ngrams(word: str) -> list[str]:
    """3- to 5-character pieces of a word padded with a space each side; a word shorter than a piece once."""
    grams: list[str] = []
    padded = f" {word} "
    for n in range(3, 6):
        grams.extend(padded[i:i + n] for i in range(max(1, len(padded) - n + 1)))
        if len(padded) <= n:
            break  # the whole word is in: no longer piece of it
    return grams


def char_columns(text: str) -> list[int]:
    """The columns of the text's words' character n-grams, in order; each word's are hashed once and kept
    (words repeat)."""
    return [column for word in _SPACES.sub(" ", text.lower()).split() for column in _word_char_columns(word)]


@lru_cache(maxsize=2**16)
def _word_char_columns(word: str) -> tuple[int, ...]:
    return tuple(map(_column, _word_char_ngrams(word)))


def _column(gram: str) -> int:
    h = murmurhash3_32(gram)
    return ((2**31 - 1) - (N_FEATURES - 1)) % N_FEATURES if h == _MOST_NEGATIVE else abs(h) % N_FEATURES


def hashed(grams: Iterable[str]) -> tuple[np.ndarray, np.ndarray]:
    """The columns the n-grams hash to, sorted, and their counts scaled to unit length."""
    return _counted(np.fromiter(map(_column, grams), dtype=np.int64))


def _counted(columns: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct columns, sorted, and how often each is found scaled to unit length."""
    unique, counts = np.unique(columns, return_counts=True)
    values = counts.astype(np.float64)
    norm = np.linalg.norm(values)
    return unique, values / norm if norm else values


@dataclass(frozen=True)
class FeatureRows:
    """One sparse row per text: its columns and values. Words, then characters, then the dense columns."""

    rows: list[tuple[np.ndarray, np.ndarray]]
    width: int

    def scores(self, coef: np.ndarray) -> np.ndarray:
        """texts x classes: each row's dot product with each class's weights (coef is classes x width)."""
        out = np.zeros((len(self.rows), coef.shape[0]))
        for i, (columns, values) in enumerate(self.rows):
            out[i] = coef[:, columns] @ values
        return out

    def to_csr(self) -> Any:
        """The rows as a scipy matrix, for training with scikit-learn."""
        from scipy.sparse import csr_matrix

        lengths = [len(columns) for columns, _ in self.rows]
        indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        columns = np.concatenate([c for c, _ in self.rows]) if self.rows else np.zeros(0, np.int64)
        values = np.concatenate([v for _, v in self.rows]) if self.rows else np.zeros(0)
        return csr_matrix((values, columns, indptr), shape=(len(self.rows), self.width))


def text_features(texts: list[str], dense: np.ndarray) -> FeatureRows:
    """Each text's hashed word and character n-grams, then its row of `dense` (texts x k)."""
    rows = []
    tail = 2 * N_FEATURES + np.arange(dense.shape[1])
    for text, extra in zip(texts, dense):
        words, word_values = hashed(word_ngrams(text))
        chars, char_values = _counted(np.array(char_columns(text), dtype=np.int64))
        filled = extra != 0
        rows.append((
            np.concatenate([words, N_FEATURES + chars, tail[filled]]),
            np.concatenate([word_values, char_values, extra[filled]]),
        ))
    return FeatureRows(rows, 2 * N_FEATURES + dense.shape[1])
