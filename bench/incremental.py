"""Incremental ingest (issue 19): batches of documents merged one after the other into one growing database;
the merge time per document should stay flat as the stored events grow.

    python bench/incremental.py [--batches 25] [--batch-size 400] [--cache FILE] [--db FILE]

The corpus is repeated as `bench/dask_throughput.py` does: each copy with its own ids and its publication
dates shifted by 366 days a copy, so that no copy is a reprint and each year has its own events. They come in
that order, but one in twenty arrives late, in a random later batch (fixed seed), as a backfilled or delayed
report does: most batches then report days years apart, and every event between them was read. --order
chronological has none late (a batch covers a year or two); --order shuffled mixes them all, so that the
stored years grow denser rather than more (the events a report may join grow with them). The pipeline reads every document once, before the clock (its
results are kept in --cache, if given, for the next run: delete the file when the pipeline changes); then
each batch's documents and reports are stored and merged, and the merge (`jobs.merge_new_mentions`: reading
the stored events, merging, writing) is timed per batch, wall and CPU. Keep the database with --db to export
its events (`sitrep export --db FILE`), e.g. to compare runs.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import pickle
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "guardian_nyt_ukraine_2022.jsonl"


def copies(corpus: Path, count: int) -> list:
    """`count` documents: the corpus articles again and again, each copy with unique ids and shifted dates."""
    from sitrep.ingest.jsonl import parse_record

    articles = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    documents = []
    for n in range(count):
        copy, article = divmod(n, len(articles))
        record = dict(articles[article])
        if copy:
            record["id"] = f"{record['id']}-copy{copy}"
            if record.get("published"):
                shifted = date.fromisoformat(record["published"][:10]) + timedelta(days=366 * copy)
                record["published"] = shifted.isoformat()
        documents.append(parse_record(record, default_id=f"line-{n}"))
    return documents


def read_all(documents: list, cache: Path | None) -> list:
    """(document, mentions) of every document, from the cache if it holds these documents."""
    if cache and cache.is_file():
        results = pickle.loads(cache.read_bytes())
        if [d.id for d, _ in results] == [d.id for d in documents]:
            print(f"pipeline results read from {cache}")
            return results
    from sitrep.pipeline import Pipeline

    start = time.perf_counter()
    results = [(r.document, r.mentions) for r in Pipeline().process(documents)]
    print(f"pipeline: {len(documents):,} documents read in {time.perf_counter() - start:.0f} s")
    if cache:
        cache.write_bytes(pickle.dumps(results))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--batches", type=int, default=25)
    parser.add_argument("--batch-size", type=int, default=400)
    parser.add_argument("--order", choices=["late", "chronological", "shuffled"], default="late")
    parser.add_argument("--cache", type=Path, help="keep the pipeline's results here for the next run")
    parser.add_argument("--db", type=Path, help="the database to build (default: a temporary one); must not exist")
    args = parser.parse_args()
    if args.db and args.db.exists():
        print(f"bench: {args.db} exists; give a new path", file=sys.stderr)
        return 2

    from sitrep.jobs import merge_new_mentions
    from sitrep.store import Store

    results = read_all(copies(args.corpus, args.batches * args.batch_size), args.cache)
    gc.freeze()  # the results held here are no ingest's: keep the collector from walking them in every merge
    rng = random.Random(1)
    if args.order == "shuffled":
        rng.shuffle(results)
    elif args.order == "late":  # a twentieth of the documents each moved to a random later place
        place = {id(r): n + (rng.uniform(0, len(results) - n) if rng.random() < 0.05 else 0) for n, r in enumerate(results)}
        results.sort(key=lambda r: place[id(r)])
    print(f"{len(results):,} documents, order: {args.order}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(args.db or Path(tmp) / "incremental.db")
        print(f"{'batch':>5} {'mentions':>8} {'events before':>13} {'merge s':>8} {'ms/doc':>7} {'CPU ms/doc':>10}  load")
        for number in range(args.batches):
            batch = results[number * args.batch_size : (number + 1) * args.batch_size]
            store.add_documents(batch)
            before = store.count("events")
            start, cpu = time.perf_counter(), time.process_time()
            merge_new_mentions(store)
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
            rows.append((before, seconds / len(batch), cpu / len(batch)))
            print(f"{number + 1:>5} {sum(len(m) for _, m in batch):>8} {before:>13,} {seconds:>8.2f} "
                  f"{1000 * seconds / len(batch):>7.2f} {1000 * cpu / len(batch):>10.2f}  {os.getloadavg()[0]:.1f}")
        events = store.count("events")
        store.close()

    # The first and last three batches, by CPU (steadier than wall time on a shared machine); the median, which
    # one batch slowed by another process moves less.
    first, last = (statistics.median(r[2] for r in part) for part in (rows[:3], rows[-3:]))
    print(f"{events:,} events; merge CPU per document, median of the first 3 batches {1000 * first:.2f} ms, "
          f"of the last 3 {1000 * last:.2f} ms: {last / first:.2f}x (goal: within 1.5x)")
    # A straight line through (stored events, CPU per document), to say what 100,000 stored events would cost.
    xs, ys = [r[0] for r in rows], [r[2] for r in rows]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / (sum((x - mean_x) ** 2 for x in xs) or 1)
    print(f"projected at 100,000 stored events: {1000 * (mean_y + slope * (100_000 - mean_x)):.2f} ms CPU per document "
          f"({1e6 * slope:.3f} ms more per 1,000 events)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
