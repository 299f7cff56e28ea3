"""sitrep's hashed n-grams are the columns scikit-learn's HashingVectorizer gives: the shipped weights were
trained on those."""

import numpy as np
import pytest

from sitrep.extractors.hashing import N_FEATURES, text_features

TEXTS = [
    "Shelling hit the outskirts of Kupiansk overnight, the regional governor said on Telegram.",
    "a", "I", "ab cd", "  two   spaces\tand a tab ", "", "Обстріл Харкова: двоє загиблих", "İstanbul talks",
    "e.g. U.S.-made HIMARS struck a depot", "x" * 3,
]


def test_the_features_are_hashing_vectorizers_columns():
    sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")
    from scipy.sparse import csr_matrix, hstack

    words = sklearn_text.HashingVectorizer(n_features=N_FEATURES, ngram_range=(1, 2), alternate_sign=False, norm="l2")
    chars = sklearn_text.HashingVectorizer(n_features=N_FEATURES, analyzer="char_wb", ngram_range=(3, 5),
                                           alternate_sign=False, norm="l2")
    dense = np.arange(len(TEXTS) * 3, dtype=float).reshape(len(TEXTS), 3) % 4
    expected = hstack([words.transform(TEXTS), chars.transform(TEXTS), csr_matrix(dense)]).tocsr()
    features = text_features(TEXTS, dense)
    assert abs(features.to_csr() - expected).max() == 0.0
    coef = np.random.default_rng(0).standard_normal((4, expected.shape[1]))
    assert np.allclose(features.scores(coef), np.asarray(expected @ coef.T))
