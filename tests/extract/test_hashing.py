"""The hashed n-grams of the classifiers are scikit-learn's HashingVectorizer's, bit for bit."""

import numpy as np
import pytest
from sklearn.feature_extraction.text import HashingVectorizer

from sitrep.extractors.hashing import HashedNgrams

TEXTS = [
    "A Ukrainian drone attack targeted a fuel depot in Yartsevo district of the Smolensk region overnight.",
    "Над Курской областью сбиты два беспилотника, сообщило Минобороны.",
    "",
    "  a  I x\t\ty\n\nz  ",
    "İstanbul ß ǅ — “quoted” Kyiv’s forces, 12 killed",
    "ab",
]


@pytest.mark.parametrize("analyzer, ngram_range", [("word", (1, 2)), ("char_wb", (3, 5))])
def test_the_same_matrix_as_scikit_learn(analyzer, ngram_range):
    ours = HashedNgrams(2**16, ngram_range, analyzer).transform(TEXTS)
    theirs = HashingVectorizer(n_features=2**16, analyzer=analyzer, ngram_range=ngram_range, alternate_sign=False,
                               norm="l2").transform(TEXTS)
    theirs.sort_indices()
    assert np.array_equal(ours.indptr, theirs.indptr)
    assert np.array_equal(ours.indices, theirs.indices)
    assert np.array_equal(ours.data, theirs.data)
