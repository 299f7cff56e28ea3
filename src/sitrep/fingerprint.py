"""Near-duplicate texts: MinHash over word shingles, so that a reprint or light rewrite of one article counts
as one source however many outlets carry it."""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash

NUM_PERM = 64
SHINGLE_WORDS = 4
# Estimated Jaccard similarity of shingle sets above which two texts are one article.
REPRINT_SIMILARITY = 0.7

_WORD = re.compile(r"\w+", re.UNICODE)
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=11)  # its permutations are reused: they cost more than the hashing


def fingerprint(text: str) -> str:
    """A hex MinHash signature of `text`'s word shingles (lower-cased, punctuation ignored)."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        shingles = {" ".join(words)}
    else:
        shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    signature = MinHash(num_perm=NUM_PERM, permutations=_TEMPLATE.permutations, scheme=_TEMPLATE.scheme)
    signature.update_batch([s.encode("utf-8") for s in shingles])
    return signature.hashvalues.astype(np.uint32).tobytes().hex()


def similarity(a: str, b: str) -> float:
    """Estimated Jaccard similarity of the texts behind two fingerprints."""
    x = np.frombuffer(bytes.fromhex(a), dtype=np.uint32)
    y = np.frombuffer(bytes.fromhex(b), dtype=np.uint32)
    if x.shape != y.shape:
        return 0.0
    return float(np.mean(x == y))


def is_reprint(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and similarity(a, b) >= REPRINT_SIMILARITY
