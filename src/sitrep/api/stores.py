"""One Store per thread (the event loop's for reads, a worker thread's for an ingest): SQLite connections
belong to the thread that opened them, and a PostgreSQL connection serves one query at a time.

On PostgreSQL the pages of events are read by a few threads of their own (`read`), each with its connection,
not on the event loop: a query there is a wait for another process (the database's), during which the loop
served nothing, and a database process that waited for a core stalled every request. On SQLite a page is
read in this process, on the loop (about a millisecond of CPU; a thread cost more than it saved).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from starlette.concurrency import run_in_threadpool

from ..store import Store

MMAP_BYTES = 1 << 31
# Threads (and so connections) reading pages of events on PostgreSQL, per server process. bench/serve_load.py,
# 50 clients at load 6-11: 2x the requests/s of reads on the loop, p95 87-155 ms against 425-2,078 ms.
READ_THREADS = 4
T = TypeVar("T")


class Stores:
    def __init__(self, target: str):
        self.target = target
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open: list[Store] = []
        first = self.get()  # open (and migrate) once now, so a bad address fails at start
        self._readers = (ThreadPoolExecutor(READ_THREADS, thread_name_prefix="sitrep-read")
                         if first.dialect == "postgresql" else None)

    async def read(self, function: Callable[[Store], T], *, large: bool = False) -> T:
        """`function` of a Store: on PostgreSQL in a reading thread (with that thread's Store), on SQLite here,
        unless it reads a large page (the map's thousands of events): that goes to a worker thread, so the
        loop serves other requests meanwhile."""
        if self._readers is None:
            if large:
                return await run_in_threadpool(lambda: function(self.get()))
            return function(self.get())
        return await asyncio.get_running_loop().run_in_executor(self._readers, lambda: function(self.get()))

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is not None and _broken(store):
            store = None
        if store is None:
            store = Store.open(self.target, check_same_thread=False)  # used by its thread, closed by any
            if store.dialect == "sqlite":
                # Reads map the file instead of copying each page in with a system call: a page of events is
                # ~100 rows spread over the file, and this took 30% off its CPU (bench/serve_load.py). SQLite
                # caps the size (2 GB by default); the rest of a larger file is read as before.
                store.connection.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            self._local.store = store
            with self._lock:
                self._open.append(store)
        return store

    def close(self) -> None:
        if self._readers is not None:
            self._readers.shutdown(wait=True)  # no read under way on a connection closed below
        with self._lock:
            for store in self._open:
                store.close()
            self._open.clear()


def _broken(store: Store) -> bool:
    """A PostgreSQL connection lost (server restarted): open a new one rather than fail every request."""
    raw = getattr(store.connection, "raw", None)
    return raw is not None and raw.closed
