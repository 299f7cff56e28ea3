"""Archives on a Dask cluster: `sitrep ingest --engine dask`.

The driver reads the files, skips what the database already holds, and sends the rest in partitions
to the workers; each worker runs the same Pipeline (loaded once per worker thread) and sends back each
document's language and mentions. The driver stores each partition in one transaction, in input order, and
merges the new mentions into events at the end, exactly as the single-process ingest does: the result is
the same.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from .errors import SitrepError
from .jobs import IngestSummary, batches, merge_new_mentions, new_documents, read_paths, store_results
from .model import Document, Mention
from .pipeline import Pipeline
from .progress import progress_bar
from .store import Store

PARTITION_SIZE = 16  # documents a task: enough sentences for spaCy batches, small enough to spread evenly
_worker = threading.local()


def process_partition(documents: list[Document]) -> list[tuple[str | None, list[Mention]]]:
    """Runs on a worker: the language and the mentions of each document, in order. The pipeline is loaded
    once per worker thread (spaCy and a gazetteer connection are not shared between threads)."""
    pipeline = getattr(_worker, "pipeline", None)
    if pipeline is None:
        pipeline = _worker.pipeline = Pipeline()
    return [(result.document.language, result.mentions) for result in pipeline.process(documents)]


def ingest_paths_dask(
    paths: Iterable[str | Path],
    store: Store,
    scheduler: str | None = None,
    workers: int | None = None,
    published: date | None = None,
    source: str | None = None,
    partition_size: int = PARTITION_SIZE,
    processes: bool = True,
    progress: bool = True,
    client=None,
) -> IngestSummary:
    """ingest_paths on a Dask cluster: `client` (kept open), else `scheduler` ("tcp://host:8786"), else a
    LocalCluster of `workers` processes (one thread each; processes=False runs them as threads, for tests)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise SitrepError("--engine dask needs dask and distributed: pip install 'sitrep[scale]'") from None
    summary = IngestSummary()
    own_client = client is None
    cluster = None
    if client is None and scheduler:
        client = Client(scheduler)
    elif client is None:
        _ensure_gazetteer()  # built once here, not by every worker at the same time
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=processes,
            dashboard_address=None, silence_logs=logging.WARNING,
        )
        client = Client(cluster)
    try:
        in_flight = 2 * max(1, len(client.scheduler_info().get("workers", {})) or (workers or 1))
        bar = progress_bar(desc="ingest", unit="doc", show=progress)
        pending: deque[tuple[list[Document], Any]] = deque()  # (partition, its future)
        for partition in _partitions(paths, store, summary, published, source, partition_size):
            pending.append((partition, client.submit(process_partition, partition, pure=False)))
            if len(pending) >= in_flight:
                _store(*pending.popleft(), store, summary, bar)
        while pending:
            _store(*pending.popleft(), store, summary, bar)
        bar.close()
    finally:
        if own_client:
            client.close()
        if cluster is not None:
            cluster.close()
    merge_new_mentions(store, summary)
    return summary


def _store(partition: list[Document], future, store: Store, summary: IngestSummary, bar) -> None:
    read = future.result()
    store_results([(replace(document, language=language), mentions)
                   for document, (language, mentions) in zip(partition, read)], store, summary)
    bar.update(len(partition))


def _partitions(
    paths: Iterable[str | Path], store: Store, summary: IngestSummary, published: date | None, source: str | None,
    size: int,
) -> Iterator[list[Document]]:
    """The new documents of all files, in order, in lists of `size`; the same checks as ingest_documents.
    Read lazily: the driver holds the partitions in flight, never a whole file."""
    documents = read_paths(paths, summary, published, source)
    return batches(new_documents(documents, store, summary), size)


def _ensure_gazetteer() -> None:
    from .geo import Gazetteer

    Gazetteer.open().close()
