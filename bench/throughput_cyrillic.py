"""Ingest throughput on Russian and Ukrainian text (issue 18): the distinct documents of VIINA's dev gold
(headlines and snippets), end to end into a fresh SQLite database, as reports/s and words/s, by language.

    python bench/throughput_cyrillic.py [GOLD.jsonl] [--limit N] [--repeat K]

The gazetteer and the Russian and Ukrainian dictionaries (pymorphy3) are loaded before the clock starts: a
one-off cost, not a per-report one. `--repeat K` reads the texts K times over (each copy its own document,
so none is skipped as already stored) for a steadier figure on a small file. English throughput is
bench/throughput.py. Run it pinned to one core for a per-core figure: taskset -c 0 python bench/throughput_cyrillic.py
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

DEFAULT_GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold" / "viina_ru_uk_2022.dev.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--limit", type=int, help="only the first N distinct documents")
    parser.add_argument("--repeat", type=int, default=1, help="read the texts this many times over")
    args = parser.parse_args()
    if not args.gold.is_file():
        print(f"bench: gold file not found: {args.gold}", file=sys.stderr)
        return 2

    from sitrep.geo import Gazetteer
    from sitrep.geo.cyrillic import lemmas
    from sitrep.jobs import ingest_paths
    from sitrep.language import detect_language
    from sitrep.pipeline import Pipeline
    from sitrep.store import Store

    documents: dict[str, dict] = {}
    for line in args.gold.read_text(encoding="utf-8").splitlines():
        for document in json.loads(line)["documents"]:
            documents.setdefault(document["id"], document)
    chosen = list(documents.values())[: args.limit]
    texts = [d["text"] for d in chosen] * args.repeat
    words = sum(len(t.split()) for t in texts)
    languages = Counter(detect_language(d["text"]) for d in chosen)

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "reports.jsonl"
        with corpus.open("w", encoding="utf-8") as out:
            for copy in range(args.repeat):
                for d in chosen:
                    out.write(json.dumps({"id": f"{d['id']}-{copy}", "text": d["text"], "published": d.get("published"),
                                          "source": d.get("source")}, ensure_ascii=False) + "\n")
        gazetteer = Gazetteer.open()
        lemmas("Харкові")  # load both dictionaries before the clock starts
        store = Store.open(Path(tmp) / "bench.db")
        start = time.perf_counter()
        summary = ingest_paths([corpus], store, Pipeline(gazetteer), progress=False)
        seconds = time.perf_counter() - start
        store.close()

    print(f"reports: {len(texts)} ({', '.join(f'{k} {v}' for k, v in languages.most_common())} per copy), "
          f"{words} words, {summary.mentions} mentions")
    print(f"ingest: {seconds:.1f} s, {len(texts) / seconds:.1f} reports/s, {words / seconds:,.0f} words/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
