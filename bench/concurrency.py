"""Concurrent writers and killed processes on one SQLite database (issue 16, items 3 and 4).

    PYTHONPATH=src python bench/concurrency.py [--pairs 30] [--ingest-rounds 3] [--corpus FILE --docs 40]

1. Fresh opens: `pairs` times, two processes open one new database at once (released by a barrier);
   how many pairs fail, and with what.
2. kill -9 during the schema upgrade: a process creating a fresh database is killed at each SQL statement
   in turn (a trace callback sends SIGKILL as the statement starts); how many of those databases then fail
   to open, or open without every migration.
3. Concurrent ingests: two `sitrep ingest` processes into one fresh database, on the same file and on
   disjoint files (the two example articles; with --corpus, the first `docs` lines of a JSONL file split in
   two halves), compared with one sequential run: documents, mentions and events, and duplicate `seq`s.

Needs a built gazetteer (`sitrep gazetteer info` builds the embedded one; SITREP_GAZETTEER to point at one).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def _open(path: str, barrier, errors) -> None:
    from sitrep.store import Store

    barrier.wait()
    try:
        Store.open(path).close()
    except Exception as error:
        errors.put(f"{type(error).__name__}: {error}".replace(path, "DB"))


def fresh_opens(pairs: int, folder: Path) -> None:
    context = multiprocessing.get_context("fork")
    failed, messages = 0, Counter()
    for pair in range(pairs):
        path = str(folder / f"fresh-{pair}.db")
        barrier, errors = context.Barrier(2), context.Queue()
        processes = [context.Process(target=_open, args=(path, barrier, errors)) for _ in range(2)]
        for process in processes:
            process.start()
        for process in processes:
            process.join()
        found = []
        while not errors.empty():
            found.append(errors.get())
        failed += bool(found)
        messages.update(found)
    print(f"fresh opens: {failed} of {pairs} concurrent pairs failed")
    for message, count in messages.most_common():
        print(f"  {count} x {message}")


_KILL_AT = """
import os, signal, sys
from sitrep.store import store

count, kill_at = 0, int(sys.argv[2])

def trace(statement):
    global count
    count += 1
    if count == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)

def connect(*args, **kwargs):
    connection = connect_sqlite(*args, **kwargs)
    connection.set_trace_callback(trace)
    return connection

connect_sqlite, store.connect_sqlite = store.connect_sqlite, connect
store.Store.open(sys.argv[1]).close()
print(count)
"""


def killed_migrations(folder: Path) -> None:
    """Kill a fresh open at each statement it runs; then open the database normally."""
    from sitrep.store import Store
    from sitrep.store.migrations import MIGRATIONS

    run = subprocess.run([sys.executable, "-c", _KILL_AT, str(folder / "count.db"), "0"],
                         capture_output=True, text=True, check=True)
    statements = int(run.stdout)
    broken = Counter()
    for kill_at in range(1, statements + 1):
        path = folder / f"killed-{kill_at}.db"
        run = subprocess.run([sys.executable, "-c", _KILL_AT, str(path), str(kill_at)], capture_output=True, text=True)
        assert run.returncode == -signal.SIGKILL, run.stderr
        try:
            with Store.open(path) as store:
                if store.applied_migrations() != [name for name, _ in MIGRATIONS]:
                    broken["opens without every migration"] += 1
        except Exception as error:
            broken[f"{type(error).__name__}: {error}".replace(str(path), "DB")] += 1
    print(f"kill -9 during a fresh open: {sum(broken.values())} of {statements} kill points leave a broken database")
    for message, count in broken.most_common():
        print(f"  {count} x {message}")


def _ingest(db: Path, *paths: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "sitrep.cli", "ingest", *map(str, paths), "--db", str(db), "--quiet"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _contents(db: Path) -> dict:
    with sqlite3.connect(db) as connection:
        return {
            "documents": sorted(connection.execute("SELECT id, hash, text FROM documents")),
            "mentions": sorted(connection.execute("SELECT id, document_id, event_id, data FROM mentions")),
            "events": sorted(connection.execute("SELECT id, data, record FROM events")),
        }


def _duplicate_seqs(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT COUNT(*) - COUNT(DISTINCT seq) FROM mentions").fetchone()[0]


def concurrent_ingests(name: str, first: list[Path], second: list[Path], rounds: int, folder: Path) -> None:
    reference = folder / f"{name}-sequential.db"
    for paths in (first, second):
        assert _ingest(reference, *paths).wait() == 0
    expected = _contents(reference)
    failed, different, duplicates = 0, 0, 0
    for index in range(rounds):
        db = folder / f"{name}-{index}.db"
        processes = [_ingest(db, *first), _ingest(db, *second)]
        outcomes = [(p.wait(), p.stderr.read()) for p in processes]
        crashed = [err.strip().splitlines()[-1] for code, err in outcomes if code != 0]
        failed += bool(crashed)
        for message in crashed:
            print(f"  {name}: {message}")
        duplicates += _duplicate_seqs(db)
        different += _contents(db) != expected
    counts = {table: len(rows) for table, rows in expected.items()}
    print(f"ingest {name} {counts}: {failed} of {rounds} runs had a process fail; {different} of {rounds} "
          f"databases differ from the sequential one; {duplicates} duplicate mention seqs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=30)
    parser.add_argument("--ingest-rounds", type=int, default=3)
    parser.add_argument("--corpus", type=Path, help="a JSONL file of documents for the disjoint ingests")
    parser.add_argument("--docs", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        fresh_opens(args.pairs, folder)
        killed_migrations(folder)
        a, b = sorted(EXAMPLES.glob("*.txt"))[:2]  # the two English articles (a Ukrainian and a Russian post follow)
        concurrent_ingests("same-file", [a], [a], args.ingest_rounds, folder)
        concurrent_ingests("disjoint-files", [a], [b], args.ingest_rounds, folder)
        if args.corpus:
            lines = args.corpus.read_text(encoding="utf-8").splitlines()[: args.docs]
            halves = [folder / "first.jsonl", folder / "second.jsonl"]
            for half, part in zip(halves, (lines[: len(lines) // 2], lines[len(lines) // 2 :])):
                half.write_text("\n".join(part) + "\n", encoding="utf-8")
            concurrent_ingests("disjoint-corpus", [halves[0]], [halves[1]], args.ingest_rounds, folder)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONPATH", str(ROOT / "src"))
    main()
