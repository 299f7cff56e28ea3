"""One Store per thread (the event loop's for reads, a worker thread's for an ingest): SQLite connections
belong to the thread that opened them, and a PostgreSQL connection serves one query at a time."""

from __future__ import annotations

import threading

from ..store import Store

MMAP_BYTES = 1 << 31


class Stores:
    def __init__(self, target: str):
        self.target = target
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open: list[Store] = []
        self.get()  # open (and migrate) once now, so a bad address fails at start

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
        with self._lock:
            for store in self._open:
                store.close()
            self._open.clear()


def _broken(store: Store) -> bool:
    """A PostgreSQL connection lost (server restarted): open a new one rather than fail every request."""
    raw = getattr(store.connection, "raw", None)
    return raw is not None and raw.closed
