"""What `sitrep watch` remembers between runs, in the event database (tables of migration 002_watch).

Plain SQL with `?` placeholders over the Store's connection, so that a PostgreSQL store can run it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from ..store import Store


def _now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class SourceState:
    next_poll: float | None = None  # clock seconds before which the source is not polled again
    failures: int = 0  # consecutive failed polls: the back-off grows with them
    last_error: str | None = None


class WatchState:
    def __init__(self, store: Store):
        self.db = store.connection

    # Items already turned into documents ----------------------------------------------------------------

    def seen(self, source: str, item: str) -> bool:
        row = self.db.execute("SELECT 1 FROM watch_seen WHERE source = ? AND item = ?", (source, item)).fetchone()
        return row is not None

    def mark_seen(self, source: str, item: str, document_id: str | None) -> None:
        with self.db:
            if not self.seen(source, item):
                self.db.execute(
                    "INSERT INTO watch_seen (source, item, document_id, first_seen) VALUES (?, ?, ?, ?)",
                    (source, item, document_id, _now_text()),
                )

    def seen_count(self, source: str | None = None) -> int:
        if source is None:
            return int(self.db.execute("SELECT COUNT(*) FROM watch_seen").fetchone()[0])
        return int(self.db.execute("SELECT COUNT(*) FROM watch_seen WHERE source = ?", (source,)).fetchone()[0])

    # Poll state of each source --------------------------------------------------------------------------

    def source(self, source: str) -> SourceState:
        row = self.db.execute(
            "SELECT next_poll, failures, last_error FROM watch_sources WHERE source = ?", (source,)
        ).fetchone()
        return SourceState(*row) if row else SourceState()

    def record_poll(self, source: str, next_poll: float, failures: int, error: str | None) -> None:
        with self.db:
            self.db.execute("DELETE FROM watch_sources WHERE source = ?", (source,))
            self.db.execute(
                "INSERT INTO watch_sources (source, last_polled, next_poll, failures, last_error) VALUES (?, ?, ?, ?, ?)",
                (source, _now_text(), next_poll, failures, error),
            )

    # HTTP validators for conditional GET, per URL -------------------------------------------------------

    def validators(self, url: str) -> tuple[str | None, str | None]:
        row = self.db.execute("SELECT etag, last_modified FROM watch_http WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self.db:
            self.db.execute("DELETE FROM watch_http WHERE url = ?", (url,))
            if etag or last_modified:
                self.db.execute(
                    "INSERT INTO watch_http (url, etag, last_modified, fetched_at) VALUES (?, ?, ?, ?)",
                    (url, etag, last_modified, _now_text()),
                )
