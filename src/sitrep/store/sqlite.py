"""The event database on SQLite: documents, their mentions with evidence, and merged events.

Rows keep the full value as JSON beside the columns that queries filter on, so the data model can grow
without a migration for every field; the columns are what gets indexed.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timezone
from pathlib import Path

from ..errors import SitrepError
from ..model import Document, Event, Mention, to_dict
from .codec import event_from_dict, mention_from_dict
from .migrations import migrate


class StoreError(SitrepError):
    pass


class Store:
    def __init__(self, connection: sqlite3.Connection, path: str):
        self.connection = connection
        self.path = path

    @classmethod
    def open(cls, path: str | Path) -> "Store":
        path = str(path)
        if path != ":memory:":
            Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        try:
            connection = sqlite3.connect(path)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA foreign_keys=ON")
            migrate(connection)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{path}: not a sitrep database ({error})") from error
        return cls(connection, path)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # Documents ---------------------------------------------------------------------------------------

    def has_document(self, document: Document) -> bool:
        row = self.connection.execute("SELECT 1 FROM documents WHERE hash = ?", (document.hash,)).fetchone()
        return row is not None

    def document_id_taken(self, document: Document) -> bool:
        """Another text is already stored under this document's id."""
        row = self.connection.execute(
            "SELECT 1 FROM documents WHERE id = ? AND hash != ?", (document.id, document.hash)
        ).fetchone()
        return row is not None

    def add_document(self, document: Document, mentions: list[Mention]) -> None:
        """Store a document and its mentions in one transaction: all or nothing."""
        with self.connection:
            self.connection.execute(
                "INSERT INTO documents (id, hash, published, source, url, title, kind, text, ingested_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    document.id,
                    document.hash,
                    document.published.isoformat() if document.published else None,
                    document.source,
                    document.url,
                    document.title,
                    document.kind,
                    document.text,
                    datetime.now(timezone.utc).isoformat(timespec="seconds"),
                ),
            )
            self.connection.executemany(
                "INSERT OR IGNORE INTO mentions (id, document_id, event_id, sub_event_type, event_date, data)"
                " VALUES (?, ?, NULL, ?, ?, ?)",
                [
                    (
                        m.key,
                        m.document_id,
                        m.sub_event_type,
                        m.event_date.isoformat() if m.event_date else None,
                        json.dumps(to_dict(m)),
                    )
                    for m in mentions
                ],
            )

    def add_documents(self, results: Iterable[tuple[Document, list[Mention]]]) -> int:
        """Store many documents and their mentions in one transaction (bulk loads); returns how many."""
        documents, mentions = [], []
        ingested_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        for document, found in results:
            documents.append((
                document.id, document.hash, document.published.isoformat() if document.published else None,
                document.source, document.url, document.title, document.kind, document.text, ingested_at,
            ))
            mentions += [
                (m.key, m.document_id, m.sub_event_type, m.event_date.isoformat() if m.event_date else None,
                 json.dumps(to_dict(m)))
                for m in found
            ]
        with self.connection:
            self.connection.executemany(
                "INSERT INTO documents (id, hash, published, source, url, title, kind, text, ingested_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", documents,
            )
            self.connection.executemany(
                "INSERT OR IGNORE INTO mentions (id, document_id, event_id, sub_event_type, event_date, data)"
                " VALUES (?, ?, NULL, ?, ?, ?)", mentions,
            )
        return len(documents)

    def document(self, document_id: str) -> Document | None:
        row = self.connection.execute(
            "SELECT id, text, published, source, url, title, kind FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            return None
        return Document(
            id=row[0], text=row[1], published=date.fromisoformat(row[2]) if row[2] else None,
            source=row[3], url=row[4], title=row[5], kind=row[6],
        )

    def document_sources(self, document_ids: Iterable[str]) -> dict[str, str | None]:
        ids = list(document_ids)
        rows = self.connection.execute(
            f"SELECT id, source FROM documents WHERE id IN ({','.join('?' * len(ids))})", ids
        ).fetchall()
        return dict(rows)

    def count(self, table: str) -> int:
        if table not in ("documents", "mentions", "events"):
            raise ValueError(table)
        return self.connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    # Mentions ----------------------------------------------------------------------------------------

    def unassigned_mentions(self) -> list[Mention]:
        rows = self.connection.execute(
            "SELECT data FROM mentions WHERE event_id IS NULL ORDER BY rowid"
        ).fetchall()
        return [mention_from_dict(json.loads(r[0])) for r in rows]

    def mentions_of(self, event_id: str) -> list[Mention]:
        rows = self.connection.execute(
            "SELECT data FROM mentions WHERE event_id = ? ORDER BY rowid", (event_id,)
        ).fetchall()
        return [mention_from_dict(json.loads(r[0])) for r in rows]

    # Events ------------------------------------------------------------------------------------------

    def save_events(self, events: Iterable[Event]) -> None:
        """Insert or replace events and point their mentions at them, in one transaction."""
        with self.connection:
            for event in events:
                place = event.place
                self.connection.execute(
                    "INSERT OR REPLACE INTO events (id, event_type, sub_event_type, event_date, event_date_end,"
                    " country, iso, admin1, latitude, longitude, verification, data)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        event.id,
                        event.event_type,
                        event.sub_event_type,
                        event.event_date.isoformat() if event.event_date else None,
                        event.event_date_end.isoformat() if event.event_date_end else None,
                        place.country if place else None,
                        place.iso if place else None,
                        place.admin1 if place else None,
                        place.latitude if place else None,
                        place.longitude if place else None,
                        event.verification,
                        json.dumps(to_dict(event)),
                    ),
                )
                self.connection.executemany(
                    "UPDATE mentions SET event_id = ? WHERE id = ?", [(event.id, m.key) for m in event.mentions]
                )

    def event(self, event_id: str) -> Event | None:
        row = self.connection.execute("SELECT data FROM events WHERE id = ?", (event_id,)).fetchone()
        return event_from_dict(json.loads(row[0])) if row else None

    def events(
        self,
        since: date | None = None,
        until: date | None = None,
        country: str | None = None,
        event_type: str | None = None,
        verification: str | None = None,
    ) -> Iterator[Event]:
        """Events, oldest first, filtered on date range, country (name or ISO code), type or sub-type."""
        clauses, params = [], []
        if since:
            clauses.append("COALESCE(event_date_end, event_date) >= ?")
            params.append(since.isoformat())
        if until:
            clauses.append("event_date <= ?")
            params.append(until.isoformat())
        if country:
            clauses.append("(lower(country) = lower(?) OR lower(iso) = lower(?))")
            params += [country, country]
        if event_type:
            clauses.append("(lower(event_type) = lower(?) OR lower(sub_event_type) = lower(?))")
            params += [event_type, event_type]
        if verification:
            clauses.append("verification = ?")
            params.append(verification)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        query = f"SELECT data FROM events {where} ORDER BY event_date IS NULL, event_date, id"
        for (data,) in self.connection.execute(query, params):
            yield event_from_dict(json.loads(data))
