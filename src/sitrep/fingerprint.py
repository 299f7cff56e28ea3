"""Near-duplicate texts: MinHash over word shingles, so that a reprint or light rewrite of one article counts
as one source however many outlets carry it."""

from __future__ import annotations

import hashlib
import re
from typing import cast

import numpy as np

NUM_PERM = 64
SHINGLE_WORDS = 4
# Estimated Jaccard similarity of shingle sets above which two texts are one article.
REPRINT_SIMILARITY = 0.7
SEED = 11

_WORD = re.compile(r"\w+", re.UNICODE)


def _permutations(seed: int, count: int) -> tuple[np.ndarray, np.ndarray]:
    """The affine permutations h -> a*h + b mod 2**32 (odd a) of datasketch 2's MinHash(seed, scheme
    "affine32"): the signatures stored since it was used are the same, and its import (scipy) is not paid."""
    generator = np.random.RandomState(seed)  # numpy keeps this legacy stream unchanged across versions
    a = generator.randint(0, 1 << 31, count, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, count, dtype=np.uint32)
    return a, b


_A, _B = _permutations(SEED, NUM_PERM)
_CHUNK = 4096


def _mix(hashes: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser, which datasketch applies before the permutations."""
    hashes = hashes ^ (hashes >> np.uint32(16))
    hashes = hashes * np.uint32(0x85EBCA6B)
    hashes = hashes ^ (hashes >> np.uint32(13))
    hashes = hashes * np.uint32(0xC2B2AE35)
    mixed: np.ndarray = hashes ^ (hashes >> np.uint32(16))
    return mixed


def fingerprint(text: str) -> str:
    """A hex MinHash signature of `text`'s word shingles (lower-cased, punctuation ignored): the first 4
    bytes of each shingle's SHA-1, mixed, permuted 64 ways, the least of each."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        shingles = {" ".join(words)}
    else:  # each run of SHINGLE_WORDS words, zipped from the list and its shifts (no slice made for each)
        shingles = set(map(" ".join, zip(*(words[shift:] for shift in range(SHINGLE_WORDS)))))
    sha1 = hashlib.sha1
    digests = b"".join([sha1(s.encode("utf-8")).digest()[:4] for s in shingles])
    hashes = _mix(np.frombuffer(digests, dtype="<u4").astype(np.uint32))
    signature = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)
    for start in range(0, len(hashes), _CHUNK):  # a huge text's shingles a part at a time: bounded memory
        part = hashes[start : start + _CHUNK, None]
        signature = np.minimum(signature, (part * _A + _B).min(axis=0))
    return signature.tobytes().hex()


def reprint_pairs(fingerprints: list[str | None]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of the fingerprints whose texts are one article, all compared at once."""
    known = [i for i, f in enumerate(fingerprints) if f is not None]
    if len(known) < 2:
        return []
    signatures = np.stack([np.frombuffer(bytes.fromhex(cast(str, fingerprints[i])), dtype=np.uint32) for i in known])
    agreement = (signatures[:, None, :] == signatures[None, :, :]).mean(axis=2)
    rows, cols = np.nonzero(np.triu(agreement >= REPRINT_SIMILARITY, k=1))
    return [(known[r], known[c]) for r, c in zip(rows.tolist(), cols.tolist())]
