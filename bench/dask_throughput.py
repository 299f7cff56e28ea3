"""Dask throughput: documents/s of `sitrep ingest --engine dask` with 1 and 2 local worker processes,
beside the single-process ingest, on the same corpus into a fresh SQLite database each time.

    python bench/dask_throughput.py [CORPUS.jsonl] [--limit N] [--repeat K] [--workers 1 2]

The corpus defaults to ../shared/corpus/guardian_nyt_ukraine_2022.jsonl (407 Guardian/NYT articles);
--repeat K feeds it K times (ids made unique, dates shifted so no copy is a reprint) for a longer run.
Workers are started and their pipelines loaded before the clock starts: start-up is paid once per
worker, not per document. The figures include reading, the driver's bulk writes and the final merge.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "guardian_nyt_ukraine_2022.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"bench: corpus not found: {args.corpus}", file=sys.stderr)
        return 2

    import logging

    from dask.distributed import Client, LocalCluster, get_task_stream

    from sitrep.dask_ingest import ingest_paths_dask, process_partition
    from sitrep.geo import Gazetteer
    from sitrep.jobs import ingest_paths
    from sitrep.model import Document
    from sitrep.pipeline import Pipeline
    from sitrep.store import Store

    Gazetteer.open().close()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = _corpus(args.corpus, args.limit, args.repeat, Path(tmp) / "corpus.jsonl")
        documents = sum(1 for _ in corpus.open())
        results, worker_cpu, occupancy = {}, {}, {}

        pipeline = Pipeline()
        pipeline.mentions(Document("warm", "A drone hit Yartsevo on December 30."))
        with Store.open(Path(tmp) / "local.db") as store:
            start = time.perf_counter()
            ingest_paths([corpus], store, pipeline, progress=False)
            results["local (1 process)"] = time.perf_counter() - start

        driver = _driver_seconds(corpus, Path(tmp) / "local.db", Path(tmp) / "driver.db")
        for n in args.workers:
            with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                              silence_logs=logging.WARNING) as cluster, Client(cluster) as client:
                warm = [client.submit(process_partition, [Document(f"warm{i}", "A drone hit Yartsevo on December 30.")],
                                      pure=False, workers=[w]) for i, w in enumerate(client.scheduler_info()["workers"])]
                client.gather(warm)
                cpu_before = client.run(time.process_time)
                with Store.open(Path(tmp) / f"dask{n}.db") as store, get_task_stream(client) as stream:
                    start = time.perf_counter()
                    summary = ingest_paths_dask([corpus], store, client=client, progress=False)
                    results[f"dask, {n} worker{'s' * (n > 1)}"] = wall = time.perf_counter() - start
                busy = sum(s["stop"] - s["start"] for task in stream.data for s in task["startstops"]
                           if s["action"] == "compute")
                occupancy[n] = busy / (n * wall)
                cpu_after = client.run(time.process_time)
                worker_cpu[n] = [cpu_after[w] - cpu_before[w] for w in cpu_after]

    print(f"corpus: {args.corpus.name} x{args.repeat}: {documents} documents; machine: {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f} at the end")
    print(f"last dask run: {summary}")
    base = results.get("dask, 1 worker")
    for name, seconds in results.items():
        speedup = f"  {base / seconds:4.2f}x dask 1 worker" if base and name.startswith("dask") else ""
        print(f"{name:20s} {seconds:7.1f} s {documents / seconds:7.1f} documents/s {seconds / documents * 1000:7.1f} ms/document{speedup}")
    print("driver alone (read, check, bulk write, merge; the serial part): "
          + ", ".join(f"{k} {v:.2f} s" for k, v in driver.items())
          + f"; {sum(driver.values()) / documents * 1000:.1f} ms/document")
    for n, per_worker in worker_cpu.items():
        seconds = sum(per_worker)
        print(f"worker CPU time, {n} worker{'s' * (n > 1)}: {seconds:.1f} s, {seconds / documents * 1000:.1f} ms/document; "
              f"workers busy computing {occupancy[n]:.0%} of the wall time")
    if 1 in worker_cpu and 2 in worker_cpu:
        # On a machine shared with other work, wall time measures the neighbours. With cores of its own, a run
        # lasts about as long as its busiest worker's CPU time plus the driver's final merge:
        one = sum(worker_cpu[1]) + driver["merge"]
        two = max(worker_cpu[2]) + driver["merge"]
        print(f"projected on free cores from CPU time: 2 workers {one / two:.2f}x one worker "
              f"(busiest of 2 workers {max(worker_cpu[2]):.1f} s CPU, 1 worker {sum(worker_cpu[1]):.1f} s)")
    return 0


def _driver_seconds(corpus: Path, stored: Path, fresh: Path) -> dict[str, float]:
    """What the driver does besides waiting for workers, replayed with the mentions a run already found."""
    import json as json_lib

    from sitrep.ingest import read_documents
    from sitrep.jobs import merge_new_mentions
    from sitrep.store import Store
    from sitrep.store.codec import mention_from_dict

    with Store.open(stored) as done:
        found: dict[str, list] = {}
        for doc_id, data in done.connection.execute("SELECT document_id, data FROM mentions ORDER BY rowid"):
            found.setdefault(doc_id, []).append(mention_from_dict(json_lib.loads(data)))
    times = {}
    with Store.open(fresh) as store:
        start = time.perf_counter()
        documents, hashes = [], set()
        for document in read_documents([corpus]):
            if document.hash not in hashes and not store.has_document(document):
                hashes.add(document.hash)
                documents.append(document)
        times["read"] = time.perf_counter() - start
        start = time.perf_counter()
        for i in range(0, len(documents), 16):
            store.add_documents((d, found.get(d.id, [])) for d in documents[i:i + 16])
        times["write"] = time.perf_counter() - start
        start = time.perf_counter()
        merge_new_mentions(store)
        times["merge"] = time.perf_counter() - start
    return times


def _corpus(source: Path, limit: int | None, repeat: int, out: Path) -> Path:
    lines = source.read_text(encoding="utf-8").splitlines()[:limit]
    with out.open("w", encoding="utf-8") as handle:
        for copy in range(repeat):
            for line in lines:
                record = json.loads(line)
                if copy:
                    record["id"] = f"{record['id']}-copy{copy}"
                    if record.get("published"):
                        shifted = date.fromisoformat(record["published"][:10]) + timedelta(days=366 * copy)
                        record["published"] = shifted.isoformat()
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out


if __name__ == "__main__":
    sys.exit(main())
