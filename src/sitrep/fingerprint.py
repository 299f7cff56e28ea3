"""Near-duplicate texts: MinHash over word shingles, so that a reprint or light rewrite of one article counts
as one source however many outlets carry it."""

from __future__ import annotations

import re
from typing import cast

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
    hashes: np.ndarray = signature.hashvalues
    return hashes.astype(np.uint32).tobytes().hex()


def reprint_pairs(fingerprints: list[str | None]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of the fingerprints whose texts are one article, all compared at once."""
    known = [i for i, f in enumerate(fingerprints) if f is not None]
    if len(known) < 2:
        return []
    signatures = np.stack([np.frombuffer(bytes.fromhex(cast(str, fingerprints[i])), dtype=np.uint32) for i in known])
    agreement = (signatures[:, None, :] == signatures[None, :, :]).mean(axis=2)
    rows, cols = np.nonzero(np.triu(agreement >= REPRINT_SIMILARITY, k=1))
    return [(known[r], known[c]) for r, c in zip(rows.tolist(), cols.tolist())]
