"""Geocoding speed: gazetteer look-ups per second (cold and warm cache) and UCDP headlines geocoded per second.

    python bench/geocode.py [GOLD.jsonl] [--gazetteer PATH] [--repeat N]

Look-ups: `Gazetteer.lookup` over the capitalised words of the UCDP dev headlines (place names, other names
and misses alike) plus made-up misses; "cold" right after `clear_cache()`, "warm" the same names again.
Documents: `geocode_document` (the code path of `sitrep geocode --jsonl`) over every distinct UCDP dev headline,
once cold and once warm. Targets: >= 5,000 look-ups/s and >= 200 documents/s.
The gazetteer is opened before the clock starts (SITREP_HOME / SITREP_GAZETTEER as for `sitrep`).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

DEFAULT_GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold" / "ucdp_ukraine_2014_2021.dev.jsonl"
LOOKUP_TARGET, DOCS_TARGET = 5_000, 200


def headlines(path: Path) -> list[str]:
    seen: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            for document in json.loads(line)["documents"]:
                seen.setdefault(document["id"], document["text"])
    return list(seen.values())


def lookup_names(texts: list[str]) -> list[str]:
    names = [w for text in texts for w in re.findall(r"\b[A-Z][\w'’-]+", text)]
    misses = [f"Zzyqville{k}" for k in range(len(names) // 10)]  # names no gazetteer holds
    return names + misses


def rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("inf")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--gazetteer", type=Path, help="gazetteer file (default: the user's, as for `sitrep`)")
    args = parser.parse_args()
    if not args.gold.is_file():
        print(f"bench: gold file not found: {args.gold}", file=sys.stderr)
        return 2

    from sitrep.geo import Gazetteer, geocode_document

    gazetteer = Gazetteer.open(args.gazetteer)
    texts = headlines(args.gold)
    names = lookup_names(texts)
    print(f"gazetteer: {gazetteer.path}")
    print(f"{len(names)} names to look up ({len(set(names))} distinct), {len(texts)} headlines")

    gazetteer.clear_cache()
    start = time.perf_counter()
    hits = sum(1 for name in names if gazetteer.lookup(name))
    cold = time.perf_counter() - start
    start = time.perf_counter()
    for name in names:
        gazetteer.lookup(name)
    warm = time.perf_counter() - start
    print(f"look-ups, cold cache: {rate(len(names), cold):>10,.0f}/s   ({hits} of {len(names)} found)")
    print(f"look-ups, warm cache: {rate(len(names), warm):>10,.0f}/s")
    distinct = list(dict.fromkeys(names))
    gazetteer.clear_cache()
    start = time.perf_counter()
    for name in distinct:
        gazetteer.lookup(name)
    uncached = time.perf_counter() - start
    print(f"look-ups, every name new (SQLite): {rate(len(distinct), uncached):>10,.0f}/s")

    gazetteer.clear_cache()
    start = time.perf_counter()
    places = sum(len(geocode_document(text, gazetteer)) for text in texts)
    docs_cold = time.perf_counter() - start
    start = time.perf_counter()
    for text in texts:
        geocode_document(text, gazetteer)
    docs_warm = time.perf_counter() - start
    print(f"headlines geocoded, cold cache: {rate(len(texts), docs_cold):>8,.0f} docs/s   ({places} places)")
    print(f"headlines geocoded, warm cache: {rate(len(texts), docs_warm):>8,.0f} docs/s")

    ok = rate(len(names), cold) >= LOOKUP_TARGET and rate(len(texts), docs_cold) >= DOCS_TARGET
    print(f"targets (cold): >= {LOOKUP_TARGET:,} look-ups/s and >= {DOCS_TARGET} docs/s: {'met' if ok else 'NOT met'}")
    gazetteer.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
