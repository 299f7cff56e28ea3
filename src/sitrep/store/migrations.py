"""Schema migrations: named functions applied in order, each recorded in a table once applied."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timezone


def _001_initial(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            hash TEXT NOT NULL UNIQUE,
            published TEXT,
            source TEXT,
            url TEXT,
            title TEXT,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            event_type TEXT NOT NULL,
            sub_event_type TEXT NOT NULL,
            event_date TEXT,
            event_date_end TEXT,
            country TEXT,
            iso TEXT,
            admin1 TEXT,
            latitude REAL,
            longitude REAL,
            verification TEXT NOT NULL,
            data TEXT NOT NULL
        );
        CREATE INDEX events_date ON events (event_date);
        CREATE INDEX events_country ON events (iso);
        CREATE TABLE mentions (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents (id),
            event_id TEXT,
            sub_event_type TEXT NOT NULL,
            event_date TEXT,
            data TEXT NOT NULL
        );
        CREATE INDEX mentions_document ON mentions (document_id);
        CREATE INDEX mentions_event ON mentions (event_id);
        """
    )


def _002_watch(db: sqlite3.Connection) -> None:
    """What `sitrep watch` has seen and when it polled each source. Portable SQL: PostgreSQL runs it too."""
    for statement in (
        """CREATE TABLE watch_seen (
            source TEXT NOT NULL,
            item TEXT NOT NULL,
            document_id TEXT,
            first_seen TEXT NOT NULL,
            PRIMARY KEY (source, item)
        )""",
        """CREATE TABLE watch_sources (
            source TEXT PRIMARY KEY,
            last_polled TEXT,
            next_poll REAL,
            failures INTEGER NOT NULL DEFAULT 0,
            last_error TEXT
        )""",
        """CREATE TABLE watch_http (
            url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            fetched_at TEXT NOT NULL
        )""",
    ):
        db.execute(statement)


MIGRATIONS: list[tuple[str, Callable[[sqlite3.Connection], None]]] = [
    ("001_initial", _001_initial),
    ("002_watch", _002_watch),
]


def migrate(db: sqlite3.Connection) -> list[str]:
    """Apply the migrations this database lacks; return their names."""
    db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    done = {row[0] for row in db.execute("SELECT name FROM migrations")}
    applied = []
    for name, apply in MIGRATIONS:
        if name in done:
            continue
        with db:
            apply(db)
            db.execute(
                "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                (name, datetime.now(timezone.utc).isoformat(timespec="seconds")),
            )
        applied.append(name)
    return applied
