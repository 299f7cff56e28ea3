"""Switching a SQLite file to WAL (readers never wait for a writer) when other processes may open the same
new file at the same moment: the event store (store.db) and the gazetteer (geo.schema).

Imports nothing of sitrep: the package build imports the gazetteer's builder alone.
"""

from __future__ import annotations

import sqlite3
import time


def use_wal(connection: sqlite3.Connection, wait: float) -> None:
    """PRAGMA journal_mode=WAL, tried again for up to `wait` seconds while the database is busy: the switch
    reports a busy database at once, without the busy timeout, when another process opens the new file at
    the same moment (1 to 2 of 100 gazetteer opens at once failed so, 7 to 14 of 30 event-store pairs)."""
    deadline = time.monotonic() + wait
    while True:
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:
                raise
            time.sleep(0.01)
