"""CLI start: the CPU (user + system) of one `sitrep ingest` call on one short document, into a fresh data folder.

    python bench/cli_start.py [--runs N] [--against OTHER/src]

Each run is a new process with a new, empty SITREP_HOME (so a new event database), reading a gazetteer built
beforehand (SITREP_GAZETTEER, else the data folder's; built once, untimed, if missing): what is timed is
importing sitrep and spaCy, loading the models and lexicons, reading the document and storing its event.
--against SRC alternates each run with the same call importing sitrep from SRC (another checkout's src/), for
a before/after on a shared machine. Run it pinned to one core for the issue's figure (its goal: 1.5 s):
taskset -c 0 python bench/cli_start.py
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
DOCUMENT = ("Kyiv, 5 March 2022. Russian forces shelled Kharkiv overnight, killing two civilians, the regional "
            "governor said.\n")


def cpu_of_one_call(src: Path, document: Path, gazetteer: Path) -> float:
    """User + system CPU seconds of `sitrep ingest DOCUMENT` importing sitrep from `src`, in a fresh home."""
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, PYTHONPATH=str(src), SITREP_HOME=home, SITREP_GAZETTEER=str(gazetteer))
        env.pop("SITREP_DB", None)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-m", "sitrep.cli", "ingest", "--quiet", str(document)], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--against", type=Path, metavar="SRC", help="another checkout's src/, run in turn with this one")
    args = parser.parse_args()

    sys.path.insert(0, str(SRC))
    from sitrep import config
    from sitrep.geo import Gazetteer

    gazetteer = config.default_gazetteer()
    Gazetteer.open(gazetteer).conn.close()  # built or unpacked now if missing, not in a timed run
    trees = {"this": SRC} | ({"against": args.against.resolve()} if args.against else {})
    seconds: dict[str, list[float]] = {name: [] for name in trees}
    with tempfile.TemporaryDirectory() as folder:
        document = Path(folder) / "short.txt"
        document.write_text(DOCUMENT, encoding="utf-8")
        for src in trees.values():  # a first call of each, untimed: Python's bytecode caches written
            cpu_of_one_call(src, document, gazetteer)
        for run in range(args.runs):
            for name, src in trees.items():
                seconds[name].append(cpu_of_one_call(src, document, gazetteer))
                print(f"run {run + 1} {name:8} {seconds[name][-1]:.2f} s CPU", flush=True)
    for name, values in seconds.items():
        print(f"{name:8} ({trees[name]}): CPU {min(values):.2f}-{max(values):.2f} s, median {statistics.median(values):.2f} s"
              f" over {len(values)} calls of `sitrep ingest` of one short document")
    return 0


if __name__ == "__main__":
    sys.exit(main())
