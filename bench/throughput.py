"""Ingest throughput: articles/s and words/s, end to end into a fresh SQLite database, beside the spaCy
tokenizer alone on the same text (the floor no pipeline built on spaCy can beat).

    python bench/throughput.py [CORPUS.jsonl] [--limit N]

The corpus defaults to ../shared/corpus/guardian_nyt_ukraine_2022.jsonl (407 Guardian/NYT articles).
The gazetteer is built (or opened) before the clock starts: it is a one-off cost, not a per-article one.
Run it pinned to one core for the issue's figure: taskset -c 0 python bench/throughput.py
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "guardian_nyt_ukraine_2022.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, help="only the first N articles")
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"bench: corpus not found: {args.corpus}", file=sys.stderr)
        return 2

    from sitrep.geo import Gazetteer
    from sitrep.jobs import ingest_paths
    from sitrep.nlp import load_nlp
    from sitrep.pipeline import Pipeline
    from sitrep.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        lines = args.corpus.read_text(encoding="utf-8").splitlines()[: args.limit]
        corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
        texts = [json.loads(line)["text"] for line in lines]
        words = sum(len(t.split()) for t in texts)

        gazetteer = Gazetteer.open()
        nlp = load_nlp()
        start = time.perf_counter()
        for text in texts:
            nlp.tokenizer(text)
        tokenizer_seconds = time.perf_counter() - start

        store = Store.open(Path(tmp) / "bench.db")
        start = time.perf_counter()
        summary = ingest_paths([corpus], store, Pipeline(gazetteer), progress=False)
        ingest_seconds = time.perf_counter() - start
        store.close()

    print(f"corpus: {args.corpus.name}: {len(texts)} articles, {words} words")
    print(f"ingest: {summary}")
    print(f"sitrep ingest, end to end into SQLite: {len(texts) / ingest_seconds:8.1f} articles/s {words / ingest_seconds:10.0f} words/s")
    print(f"spaCy tokenizer alone:                 {len(texts) / tokenizer_seconds:8.1f} articles/s {words / tokenizer_seconds:10.0f} words/s")
    print(f"ratio ingest / tokenizer: {tokenizer_seconds / ingest_seconds:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
