"""Ingest throughput: articles/s and words/s, end to end into a fresh SQLite database, beside the spaCy
tokenizer alone on the same text (the floor no pipeline built on spaCy can beat), with each stage's share.

    python bench/throughput.py [CORPUS.jsonl] [--limit N] [--no-stages]

The corpus defaults to ../shared/corpus/guardian_nyt_ukraine_2022.jsonl (407 Guardian/NYT articles).
The gazetteer is built (or opened), spaCy loaded and one example document read (which loads the models and
lexicons used on first use) before the clock starts: one-off costs, not per-article ones, timed on their own. The tokenizer is timed cold (its first pass over the text adds every new word to the vocabulary) and
warm (a second pass). Stage shares (of CPU time, with each stage's wall time beside) come from timing wrappers
put around the pipeline's stage functions; they add well under 1% (--no-stages leaves them out).
Run it pinned to one core for the issue's figure: taskset -c 0 python bench/throughput.py
"""

from __future__ import annotations

import argparse
import functools
import inspect
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

WARM_UP = ("A Ukrainian drone attack targeted a fuel depot in Yartsevo district of the Smolensk region overnight on "
           "December 31, the district head said. Two people were killed.")
DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "guardian_nyt_ukraine_2022.jsonl"

# (module, function, stage): the functions each stage is made of, patched where they are called from.
STAGES = [
    ("sitrep.jobs", "read_paths", "read files"),
    ("sitrep.jobs", "new_documents", "store (dedupe, write)"),
    ("sitrep.jobs", "store_results", "store (dedupe, write)"),
    ("sitrep.pipeline", "with_language", "language"),
    ("sitrep.pipeline", "segment", "segment"),
    ("sitrep.pipeline", "_sentences_to_annotate", "sentence filter"),
    ("sitrep.pipeline", "entity_spans", "spaCy NER"),
    ("sitrep.pipeline", "short_report_labels", "short-report classifier"),
    ("sitrep.pipeline", "find_places", "geocoding"),
    ("sitrep.pipeline", "extract_mentions", "extraction"),
    ("sitrep.pipeline", "screen", "screening"),
    ("sitrep.jobs", "merge_new_mentions", "merge"),
]


def time_stages() -> dict[str, list[float]]:
    """Wrap the stage functions; returns the [wall, CPU] seconds spent in each stage, filled as they run."""
    import importlib

    spent: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for module_name, name, stage in STAGES:
        module = importlib.import_module(module_name)
        setattr(module, name, _timed(getattr(module, name), stage, spent))
    return spent


def _add_since(spent: list[float], wall: float, cpu: float) -> None:
    spent[0] += time.perf_counter() - wall
    spent[1] += time.process_time() - cpu


def _timed(function, stage: str, spent: dict[str, list[float]]):
    if inspect.isgeneratorfunction(function):
        @functools.wraps(function)
        def generator(*args, **kwargs):
            items = function(*args, **kwargs)
            while True:
                wall, cpu = time.perf_counter(), time.process_time()
                try:
                    item = next(items)
                except StopIteration:
                    return
                finally:
                    _add_since(spent[stage], wall, cpu)
                yield item
        return generator

    @functools.wraps(function)
    def plain(*args, **kwargs):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            _add_since(spent[stage], wall, cpu)
    return plain


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--no-stages", action="store_true", help="no timing wrappers, no stage shares")
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"bench: corpus not found: {args.corpus}", file=sys.stderr)
        return 2

    from sitrep.geo import Gazetteer
    from sitrep.jobs import ingest_paths
    from sitrep.model import Document
    from sitrep.nlp import load_nlp
    from sitrep.pipeline import Pipeline
    from sitrep.store import Store

    spent = {} if args.no_stages else time_stages()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        lines = args.corpus.read_text(encoding="utf-8").splitlines()[: args.limit]
        corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
        texts = [json.loads(line)["text"] for line in lines]
        words = sum(len(t.split()) for t in texts)

        gazetteer = Gazetteer.open()
        nlp = load_nlp()
        tokenizer = {}  # run: (wall, CPU) seconds
        for run in ("cold", "warm"):
            start, cpu = time.perf_counter(), time.process_time()
            for text in texts:
                nlp.tokenizer(text)
            tokenizer[run] = (time.perf_counter() - start, time.process_time() - cpu)

        # The models and lexicons a pipeline loads on first use (language identifier, classifiers, word
        # vectors, patterns): loaded by one example document before the clock, and timed on their own.
        start = time.perf_counter()
        pipeline = Pipeline(gazetteer)
        pipeline.read(Document(id="warm-up", text=WARM_UP, published=date(2024, 12, 31)))
        warm_up_seconds = time.perf_counter() - start
        for stage in spent:
            spent[stage] = [0.0, 0.0]

        store = Store.open(Path(tmp) / "bench.db")
        start, cpu = time.perf_counter(), time.process_time()
        summary = ingest_paths([corpus], store, pipeline, progress=False)
        ingest_seconds, ingest_cpu = time.perf_counter() - start, time.process_time() - cpu
        store.close()

    print(f"corpus: {args.corpus.name}: {len(texts)} articles, {words} words")
    print(f"ingest: {summary}")
    print(f"sitrep ingest, end to end into SQLite: {len(texts) / ingest_seconds:8.1f} articles/s {words / ingest_seconds:10.0f} words/s"
          f"  (CPU {1000 * ingest_cpu / len(texts):.1f} ms/article)")
    with_loads = ingest_seconds + warm_up_seconds
    print(f"  with the one-off loads ({warm_up_seconds:.2f} s): {len(texts) / with_loads:8.1f} articles/s")
    for run, (seconds, cpu) in tokenizer.items():
        print(f"spaCy tokenizer alone, {run}:            {len(texts) / seconds:8.1f} articles/s {words / seconds:10.0f} words/s"
              f"  (CPU {1000 * cpu / len(texts):.2f} ms/article)")
    # Speed as a ratio to the tokenizer's, by wall time and by CPU time (steadier when others share the core).
    for run, (seconds, cpu) in tokenizer.items():
        print(f"ratio ingest / tokenizer {run}: {seconds / ingest_seconds:.4f} wall, {cpu / ingest_cpu:.4f} CPU")
    if spent:
        # CPU shares: steadier than wall time's when others share the core (wall time adds the commits' waits)
        print("stage shares of the ingest's CPU time (CPU ms/article, wall ms/article):")
        for stage, (seconds, cpu) in sorted(spent.items(), key=lambda item: -item[1][1]):
            print(f"  {stage:24} {100 * cpu / ingest_cpu:5.1f}%  {1000 * cpu / len(texts):6.2f}  {1000 * seconds / len(texts):6.2f}")
        other_cpu = ingest_cpu - sum(cpu for _, cpu in spent.values())
        other = ingest_seconds - sum(seconds for seconds, _ in spent.values())
        print(f"  {'other (glue, first use)':24} {100 * other_cpu / ingest_cpu:5.1f}%  {1000 * other_cpu / len(texts):6.2f}"
              f"  {1000 * other / len(texts):6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
