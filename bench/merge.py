"""Merging at scale: 100,000 synthetic mentions merged into events, in memory and through the SQLite store.

    python bench/merge.py [--mentions 100000] [--seed 1]

The mentions imitate a busy feed: a few thousand towns, two years of days, four event types, each real
event told by one to five reports on the same or the next day, some undated and some placed nowhere.
The issue's floor: 100k mentions merged in under a minute.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sitrep.model import DocumentInfo, Mention, Place

TYPES = [
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Battles", "Armed clash"),
    ("Strategic developments", "Disrupted weapons use"),
]


def synthetic_mentions(count: int, seed: int) -> list[Mention]:
    rng = random.Random(seed)
    towns = [
        Place(f"Town {i}", "Ukraine", "UA", f"Oblast {i % 24}", None, rng.uniform(44.5, 52.3), rng.uniform(22.2, 40.2),
              100000 + i, "P", "PPL", 1)
        for i in range(3000)
    ]
    start = date(2023, 1, 1)
    mentions: list[Mention] = []
    while len(mentions) < count:
        event_type, sub_type = rng.choice(TYPES)
        place = rng.choice(towns)
        day = start + timedelta(days=rng.randrange(730))
        toll = rng.choice([None, None, 0, 1, 2, 3, 5])
        for _ in range(rng.randint(1, 5)):
            n = len(mentions)
            report_day = None if rng.random() < 0.05 else day + timedelta(days=rng.choice([0, 0, 1]))
            mentions.append(
                Mention(
                    f"doc-{n}", event_type, sub_type, 0, 80, report_day, report_day, 1 if report_day else None,
                    place=None if rng.random() < 0.05 else place, fatalities=toll,
                )
            )
    return mentions[:count]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    from sitrep.jobs import merge_new_mentions
    from sitrep.merge import merge_mentions
    from sitrep.model import Document
    from sitrep.store import Store

    mentions = synthetic_mentions(args.mentions, args.seed)
    documents = {m.document_id: DocumentInfo(f"outlet {i % 50}", m.event_date) for i, m in enumerate(mentions)}

    start, cpu = time.perf_counter(), time.process_time()
    events = merge_mentions(mentions, documents=documents)
    in_memory, in_memory_cpu = time.perf_counter() - start, time.process_time() - cpu
    # CPU seconds beside wall seconds: on a shared machine the wall clock also counts other processes' turns.
    print(f"in memory: {len(mentions):,} mentions -> {len(events):,} events in {in_memory:.1f} s "
          f"({in_memory_cpu:.1f} s CPU, {len(mentions) / in_memory_cpu:,.0f} mentions per CPU second)")

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "bench.db")
        late = mentions[-1000:]  # arrive after the rest is merged: the incremental case
        for m in mentions[:-1000]:  # documents and their mentions are stored first; merging is what is timed
            store.add_document(Document(m.document_id, f"text of {m.document_id}", m.event_date, "outlet"), [m])
        start, cpu = time.perf_counter(), time.process_time()
        changed = merge_new_mentions(store)
        stored, stored_cpu = time.perf_counter() - start, time.process_time() - cpu
        print(f"through SQLite (read mentions, merge, write events): {changed:,} events in {stored:.1f} s "
              f"({stored_cpu:.1f} s CPU)")
        for m in late:
            store.add_document(Document(m.document_id, f"text of {m.document_id}", m.event_date, "outlet"), [m])
        start = time.perf_counter()
        changed = merge_new_mentions(store)
        incremental = time.perf_counter() - start
        print(f"then {len(late):,} new mentions into {store.count('events'):,} stored events: {incremental:.1f} s")
        store.close()
    verdict = "ok" if max(in_memory_cpu, stored_cpu) < 60 else "FAILED"
    print(f"floor: 100k mentions merged in under 60 s (CPU): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
