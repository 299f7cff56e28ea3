"""Peak memory of `sitrep ingest` as the input file grows (issue 16, item 5): it should stay flat.

    PYTHONPATH=src python bench/memory.py [--sizes 10,100] [--gb] [--unique-text] [--corpus FILE]

For each size (in MB; --gb adds 1024) a JSONL file of that size is built by repeating the corpus articles,
each copy with its own id, then `sitrep ingest FILE --db NEW.db --quiet` runs in a child process, and its
peak resident set size (from wait4's rusage), wall time and summary line are reported in one table.

The copies share their text, so after the first copy every document is skipped by its hash: the figures
are what reading, checking and storing cost. --unique-text appends the copy's number to each text, so that
every document goes through the whole pipeline, is stored and merged (about 35 articles/s a core: 100 MB
is some 34,000 articles).

Needs a built gazetteer (`sitrep gazetteer info` builds the embedded one); the bench opens it first, so
that building it is not measured.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "guardian_nyt_ukraine_2022.jsonl"
MB = 1024 * 1024


def build_jsonl(corpus: Path, target: Path, size: int, unique_text: bool) -> int:
    """Write corpus articles again and again, each copy with a unique id, until `size` bytes; the count."""
    articles = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    written = count = copy = 0
    with target.open("w", encoding="utf-8") as out:
        while written < size:
            for article in articles:
                record = {**article, "id": f"{article['id']}-copy{copy}"}
                if unique_text:
                    record["text"] = f"{article['text']}\n\n(Copy {copy}.)"
                line = json.dumps(record, ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
                count += 1
                if written >= size:
                    break
            copy += 1
    return count


def measure(path: Path, db: Path) -> tuple[float, float, str]:
    """Peak RSS in MB, wall seconds and the summary line of one `sitrep ingest` in a child process."""
    command = [sys.executable, "-m", "sitrep.cli", "ingest", str(path), "--db", str(db), "--quiet"]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err, text=True)
        _, _, usage = os.wait4(child.pid, 0)  # this child's own rusage (RUSAGE_CHILDREN would mix runs)
        seconds = time.perf_counter() - started
        child.returncode = 0  # reaped here: keep Popen from waiting for it again
        out.seek(0), err.seek(0)
        lines, problems = out.read().splitlines(), err.read().strip().splitlines()
    summary = next((line for line in lines if " files: " in line), (problems or ["?"])[-1])
    return usage.ru_maxrss / 1024, seconds, summary  # ru_maxrss is in KiB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", default="10,100", help="file sizes in MB, comma-separated (default: 10,100)")
    parser.add_argument("--gb", action="store_true", help="also a 1 GB file (1024 MB)")
    parser.add_argument("--unique-text", action="store_true", help="every copy a new text: the whole pipeline runs")
    parser.add_argument("--folder", type=Path, help="where to build the files (default: a temporary folder)")
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"bench: corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    sizes = [int(s) for s in args.sizes.split(",") if s] + ([1024] if args.gb else [])

    from sitrep.geo import Gazetteer

    Gazetteer.open().close()  # built once here, not inside the first measurement
    with tempfile.TemporaryDirectory(dir=args.folder) as tmp:
        baseline = Path(tmp) / "one.jsonl"
        baseline.write_text(args.corpus.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
        rows = [("1 article", 1, *measure(baseline, Path(tmp) / "one.db"))]
        for size in sorted(sizes):
            path = Path(tmp) / f"{size}mb.jsonl"
            count = build_jsonl(args.corpus, path, size * MB, args.unique_text)
            rows.append((f"{size} MB", count, *measure(path, Path(tmp) / f"{size}mb.db")))
            path.unlink()
    text = "unique texts" if args.unique_text else "repeated texts"
    print(f"sitrep ingest of generated JSONL ({text}), peak RSS of the process:")
    print(f"{'file':>10} {'documents':>10} {'peak RSS':>12} {'wall':>9}  summary")
    for name, count, peak, seconds, summary in rows:
        print(f"{name:>10} {count:>10,} {peak:9.0f} MB {seconds:8.1f}s  {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
