"""Hashed word and character n-grams: scikit-learn's HashingVectorizer, for the two set-ups the classifiers
use, without importing scikit-learn (1.1 s at every start of `sitrep ingest`).

The same matrices as HashingVectorizer(n_features, ngram_range, analyzer "word" or "char_wb",
alternate_sign=False, norm="l2"): the same n-grams, the same MurmurHash3 (spaCy's murmurhash package, the
x86 32-bit function scikit-learn uses), the same counts and row norms (the counts are whole numbers, so their
sum of squares is exact in any order). tests/extract/test_hashing.py compares them with scikit-learn's.
"""

from __future__ import annotations

import re

import numpy as np
from murmurhash.mrmr import hash as murmurhash3_32
from scipy.sparse import csr_matrix

_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token_pattern
_WHITE_SPACES = re.compile(r"\s\s+")


class HashedNgrams:
    def __init__(self, n_features: int, ngram_range: tuple[int, int], analyzer: str = "word"):
        if analyzer not in ("word", "char_wb"):
            raise ValueError(analyzer)
        self.n_features = n_features
        self.ngram_range = ngram_range
        self.analyzer = analyzer

    def ngrams(self, text: str) -> list[str]:
        text = text.lower()
        return _word_ngrams(text, *self.ngram_range) if self.analyzer == "word" else _char_wb_ngrams(text, *self.ngram_range)

    def transform(self, texts: list[str]) -> csr_matrix:
        """One l2-normalised row of n-gram counts per text."""
        hashes: list[int] = []
        indptr = [0]
        for text in texts:
            hashes.extend(map(murmurhash3_32, self.ngrams(text)))
            indptr.append(len(hashes))
        indices = (np.abs(np.array(hashes, dtype=np.int64)) % self.n_features).astype(np.int32)
        matrix = csr_matrix(
            (np.ones(len(indices)), indices, np.array(indptr, dtype=np.int32)), shape=(len(texts), self.n_features)
        )
        matrix.sum_duplicates()  # sorts each row's indices and adds up the counts
        sizes = np.diff(matrix.indptr)
        filled = sizes > 0  # an empty row (no n-gram) stays empty
        norms = np.sqrt(np.add.reduceat(matrix.data**2, matrix.indptr[:-1][filled])) if matrix.nnz else []
        matrix.data /= np.repeat(norms, sizes[filled])
        return matrix


def _word_ngrams(text: str, low: int, high: int) -> list[str]:
    tokens = _TOKEN.findall(text)
    grams = list(tokens) if low == 1 else []
    for n in range(max(low, 2), min(high, len(tokens)) + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def _char_wb_ngrams(text: str, low: int, high: int) -> list[str]:
    """Character n-grams inside words, each word padded with a space at either end; a word shorter than n
    gives itself once."""
    grams: list[str] = []
    for word in _WHITE_SPACES.sub(" ", text).split():
        word = f" {word} "
        for n in range(low, high + 1):
            if len(word) <= n:
                grams.append(word)
                break
            grams.extend(word[i : i + n] for i in range(len(word) - n + 1))
    return grams
