"""The event database, on SQLite or PostgreSQL: documents, their mentions with evidence, and merged events.

Rows keep the full value as JSON beside the columns that queries filter on, so the data model can grow
without a migration for every field; the columns are what gets indexed. The SQL is the same on both
databases (see `db.py`), and every value goes in as a parameter.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ..errors import SitrepError
from ..fingerprint import fingerprint
from ..model import Document, DocumentInfo, Event, Mention, to_dict
from .codec import event_from_dict, mention_from_dict
from .db import BusyError, PostgresConnection, SQLiteConnection, connect_sqlite, is_postgres, redact
from .events import (
    EVENT_COLUMNS,
    LOOKED_UP,
    UNDATED,
    EventFilter,
    event_columns,
    language_rows,
    narrowed_record,
    value_rows,
)
from .migrations import migrate

# What merging chooses the events to read by (Store.event_keys), dates as dates.
_EVENT_KEY_COLUMNS = ("id, event_type, event_date, event_date_end, latitude, longitude, iso, admin1, geo_precision, "
                      "geonameid")


def _event_key(row: tuple) -> tuple:
    return (*row[:2], *(date.fromisoformat(d) if d else None for d in row[2:4]), *row[4:])


_UPSERT_EVENT = (
    f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))})"
    " ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in EVENT_COLUMNS if c != "id")
)


# A document whose id or text is already stored is left as it is (the insert changes no row): another process
# may have stored it since this one checked.
_INSERT_DOCUMENT = (
    "INSERT INTO documents (id, hash, published, source, url, title, kind, text, ingested_at, fingerprint, language)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
)


def _document_row(document: Document, ingested_at: str) -> tuple:
    return (
        document.id, document.hash, document.published.isoformat() if document.published else None,
        document.source, document.url, document.title, document.kind, document.text, ingested_at,
        fingerprint(document.text), document.language,
    )


def _mention_rows(mentions: list[Mention]) -> list[tuple]:
    return [
        (m.key, m.document_id, m.sub_event_type, m.event_date.isoformat() if m.event_date else None,
         json.dumps(to_dict(m)))
        for m in mentions
    ]


class StoreError(SitrepError):
    pass


class Store:
    def __init__(self, connection: SQLiteConnection | PostgresConnection, path: str):
        self.connection = connection  # sqlite3.Connection or db.PostgresConnection: the same calls work on both
        self.path = path  # printable: a file path, or a PostgreSQL address without its password

    @classmethod
    def open(cls, target: str | Path, check_same_thread: bool = True, create: bool = True) -> "Store":
        """The database at a SQLite path (or ":memory:") or a postgresql:// address, migrated to this version.
        With create=False a SQLite file that does not exist is an error, not a new empty database."""
        target = str(target)
        if is_postgres(target):
            return cls._open_postgres(target)
        path = str(Path(target).expanduser()) if target != ":memory:" else target
        if path != ":memory:":
            if not create and not Path(path).is_file():
                raise StoreError(f"{path}: no such database (`sitrep ingest PATH --db {path}` creates one)")
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        connection = None
        try:
            connection = connect_sqlite(path, check_same_thread=check_same_thread)
            migrate(connection)
        except sqlite3.DatabaseError as error:
            if connection is not None:
                connection.close()
            busy = error.sqlite_errorcode == sqlite3.SQLITE_BUSY
            problem = "kept busy by another process past the time allowed" if busy else "not a sitrep database"
            raise StoreError(f"{path}: {problem} ({error})") from error
        store = cls(connection, path)
        store.refresh_records()
        return store

    @classmethod
    def _open_postgres(cls, url: str) -> "Store":
        try:
            import psycopg
        except ImportError as error:  # not installed, or installed without a libpq (psycopg[binary] has its own)
            raise StoreError(f"{redact(url)}: a PostgreSQL database needs psycopg: pip install 'sitrep[postgres]' "
                             f"({' '.join(str(error).split())})") from None

        try:
            connection = PostgresConnection.connect(url)
        except psycopg.Error as error:
            raise StoreError(f"{redact(url)}: cannot connect to PostgreSQL ({' '.join(str(error).split())})") from error
        try:
            migrate(connection)
        except BusyError as error:
            connection.close()
            raise StoreError(f"{redact(url)}: {error}") from error
        except psycopg.Error as error:
            connection.close()
            raise StoreError(f"{redact(url)}: not a sitrep database ({' '.join(str(error).split())})") from error
        store = cls(connection, redact(url))
        store.refresh_records()
        return store

    @property
    def dialect(self) -> str:
        return self.connection.dialect

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def transaction(self) -> SQLiteConnection | PostgresConnection:
        """One write transaction over several calls (which join it): no other writer comes between what is
        read in it and what is written (see `db.py`)."""
        return self.connection

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

    def add_document(self, document: Document, mentions: list[Mention]) -> bool:
        """Store a document and its mentions in one transaction: all or nothing. False if it was already
        there (its text, or its id), stored by another process since it was checked: nothing is written."""
        return bool(self.add_documents([(document, mentions)]))

    def add_documents(self, results: Iterable[tuple[Document, list[Mention]]]) -> list[Document]:
        """Store many documents and their mentions in one transaction (bulk loads); returns the documents
        stored, leaving out (with their mentions) those already there, as `add_document` does."""
        ingested_at = datetime.now(UTC).isoformat(timespec="seconds")
        rows = [(document, _document_row(document, ingested_at), _mention_rows(found)) for document, found in results]
        stored, mentions = [], []
        with self.connection:
            for document, row, found in rows:
                if self.connection.execute(_INSERT_DOCUMENT, row).rowcount == 1:
                    stored.append(document)
                    mentions += found
            # Read inside the transaction, which no other writer shares: no two mentions get one number.
            (last,) = self.connection.execute("SELECT COALESCE(MAX(seq), 0) FROM mentions").fetchone()
            self.connection.executemany(
                "INSERT INTO mentions (id, document_id, event_id, sub_event_type, event_date, data, seq)"
                " VALUES (?, ?, NULL, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                [(*row, last + i + 1) for i, row in enumerate(mentions)],
            )
        return stored

    def document(self, document_id: str) -> Document | None:
        row = self.connection.execute(
            "SELECT id, text, published, source, url, title, kind, language FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            return None
        return Document(
            id=row[0], text=row[1], published=date.fromisoformat(row[2]) if row[2] else None,
            source=row[3], url=row[4], title=row[5], kind=row[6], language=row[7],
        )

    def document_infos(self, document_ids: Iterable[str]) -> dict[str, DocumentInfo]:
        """Outlet, publication date and fingerprint of each document, for merging and corroboration."""
        ids = list(dict.fromkeys(document_ids))
        infos: dict[str, DocumentInfo] = {}
        for start in range(0, len(ids), 500):  # SQLite caps the number of parameters of one query
            chunk = ids[start : start + 500]
            rows = self.connection.execute(
                f"SELECT id, source, published, fingerprint, language FROM documents WHERE id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            for doc_id, source, published, signature, language in rows:
                infos[doc_id] = DocumentInfo(
                    source, date.fromisoformat(published) if published else None, signature, language
                )
        return infos

    def count(self, table: str) -> int:
        if table not in ("documents", "mentions", "events"):
            raise ValueError(table)
        return int(self.connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    # Mentions ----------------------------------------------------------------------------------------

    def unassigned_mentions(self) -> list[Mention]:
        rows = self.connection.execute(
            "SELECT data FROM mentions WHERE event_id IS NULL ORDER BY seq, id"
        ).fetchall()
        return [mention_from_dict(json.loads(r[0])) for r in rows]

    def unassigned_batch(self, after: tuple[int, str] | None, limit: int) -> list[tuple[tuple[int, str], Mention]]:
        """Up to `limit` of `unassigned_mentions`, those past the position `after` (None: from the first), each
        as (its position, the mention)."""
        rows = self.connection.execute(
            "SELECT COALESCE(seq, 0), id, data FROM mentions WHERE event_id IS NULL AND (COALESCE(seq, 0), id) > (?, ?)"
            " ORDER BY COALESCE(seq, 0), id LIMIT ?", (*(after or (-1, "")), limit),
        )
        return [((seq, key), mention_from_dict(json.loads(data))) for seq, key, data in rows]

    def mentions_of(self, event_id: str) -> list[Mention]:
        rows = self.connection.execute(
            "SELECT data FROM mentions WHERE event_id = ? ORDER BY seq, id", (event_id,)
        ).fetchall()
        return [mention_from_dict(json.loads(r[0])) for r in rows]

    # Events ------------------------------------------------------------------------------------------

    def mentions_in(self, document_id: str) -> list[tuple[Mention, str | None]]:
        """The mentions of one document, each with the id of its event (None before merging)."""
        rows = self.connection.execute(
            "SELECT data, event_id FROM mentions WHERE document_id = ? ORDER BY seq, id", (document_id,)
        ).fetchall()
        return [(mention_from_dict(json.loads(data)), event_id) for data, event_id in rows]

    # Events ------------------------------------------------------------------------------------------

    def save_events(self, events: Iterable[Event]) -> None:
        """Insert or replace events and point their mentions at them, in one transaction."""
        values: set[tuple[str, str, str]] = set()
        with self.connection:
            for event in events:
                columns = event_columns(event)
                self.connection.execute(_UPSERT_EVENT, [columns[c] for c in EVENT_COLUMNS])
                self.connection.execute("DELETE FROM event_sources WHERE event_id = ?", (event.id,))
                self.connection.executemany(
                    "INSERT INTO event_sources (event_id, source, event_date_key) VALUES (?, ?, ?)",
                    [(event.id, source, columns["date_key"]) for source in dict.fromkeys(event.sources)],
                )
                self.connection.execute("DELETE FROM event_languages WHERE event_id = ?", (event.id,))
                self.connection.executemany(
                    "INSERT INTO event_languages (event_id, language, event_date_key) VALUES (?, ?, ?)",
                    language_rows(event.id, columns),
                )
                self.connection.executemany(
                    "UPDATE mentions SET event_id = ? WHERE id = ?", [(event.id, m.key) for m in event.mentions]
                )
                values |= value_rows(columns)
            self.connection.executemany(
                "INSERT INTO event_values (col, value, code) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", sorted(values)
            )

    def refresh_records(self) -> int:
        """Rebuild the stored export records if `export.event_record` has changed since they were written
        (checked on one event: they are all written by the same code); returns how many were rebuilt."""
        row = self.connection.execute("SELECT data, record FROM events ORDER BY id LIMIT 1").fetchone()
        if row is None or event_columns(event_from_dict(json.loads(row[0])))["record"] == row[1]:
            return 0
        rows = self.connection.execute("SELECT id, data FROM events").fetchall()
        with self.connection:
            self.connection.executemany(
                "UPDATE events SET record = ? WHERE id = ?",
                [(event_columns(event_from_dict(json.loads(data)))["record"], event_id) for event_id, data in rows],
            )
        return len(rows)

    def event(self, event_id: str) -> Event | None:
        row = self.connection.execute("SELECT data FROM events WHERE id = ?", (event_id,)).fetchone()
        return event_from_dict(json.loads(row[0])) if row else None

    def event_keys(self, since: date, until: date) -> list[tuple]:
        """(id, event_type, event_date, event_date_end, latitude, longitude, iso, admin1, geo_precision,
        geonameid) of the events of some day from `since` to `until`, dates as dates: what merging chooses the
        events to read by, without decoding them."""
        rows: list[tuple] = []
        for query, params in self._queries(_EVENT_KEY_COLUMNS, EventFilter(since, until)):
            rows += self.connection.execute(query, params).fetchall()
        return [_event_key(row) for row in rows]

    def event_keys_at(self, places: Iterable[int], undated: bool = False) -> list[tuple]:
        """`event_keys` of the events of these GeoNames places (`undated`: only their undated events)."""
        ids, rows = sorted(places), []
        for start in range(0, len(ids), 500):  # SQLite caps the number of parameters of one query
            chunk = ids[start : start + 500]
            where = f"geonameid IN ({','.join('?' * len(chunk))})" + (" AND date_key = ?" if undated else "")
            rows += self._event_keys(where, [*chunk, *([UNDATED] if undated else [])])
        return rows

    def _event_keys(self, where: str, params: list) -> list[tuple]:
        rows = self.connection.execute(f"SELECT {_EVENT_KEY_COLUMNS} FROM events WHERE {where}", params)
        return [_event_key(row) for row in rows]

    def events_by_id(self, ids: Iterable[str]) -> list[Event]:
        """The stored events of these ids, oldest first: in the order their first reports were stored."""
        ids = list(ids)
        found: list[tuple] = []
        for start in range(0, len(ids), 500):  # SQLite caps the number of parameters of one query
            chunk = ids[start : start + 500]
            found += self.connection.execute(
                "SELECT (SELECT MIN(COALESCE(seq, 0)) FROM mentions WHERE event_id = events.id), id, data"
                f" FROM events WHERE id IN ({','.join('?' * len(chunk))})", chunk,
            ).fetchall()
        return [event_from_dict(json.loads(data)) for _, _, data in sorted(found, key=lambda row: (row[0] or 0, row[1]))]

    def events(
        self,
        since: date | None = None,
        until: date | None = None,
        country: str | None = None,
        event_type: str | None = None,
        verification: str | None = None,
        **more: Any,
    ) -> Iterator[Event]:
        """Events, oldest first (undated last), filtered on date range, country (name or ISO code), type or
        sub-type, verification, and any other field of `EventFilter` (admin1, source, bbox...)."""
        where = EventFilter(since, until, country, event_type=event_type, verification=verification, **more)
        for query, params in self._queries("data", where):
            for (data,) in self.connection.execute(query, params):
                yield event_from_dict(json.loads(data))

    def _queries(self, columns: str, where: EventFilter, after: tuple[str, str] | None = None) -> list[tuple[str, list]]:
        """Queries of `columns` of the events matching `where` (after the page key `after`): their rows, the
        first query's then the second's, are in page order (see `EventFilter.where`)."""
        stored = {field: self._stored_values(field, getattr(where, field))
                  for field in LOOKED_UP if getattr(where, field)}
        parts: list[int | None] = [None]
        if where.since and (after is None or after[0] < where.since.isoformat()):
            if widest := self._widest_span_class():
                parts.insert(0, widest)  # first the events that began before `since` and run into it
        queries = []
        for straddling in parts:
            clauses, params = where.where(stored, straddling)
            tables, key = where.tables(straddling is not None)
            if after is not None:
                clauses.append(f"({key}) > (?, ?)")
                params += list(after)
            sql_where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
            queries.append((f"SELECT {columns} FROM {tables} {sql_where} ORDER BY {key}", params))
        return queries

    def _stored_values(self, field: str, value: str) -> dict[str, list[str]]:
        """The values of each column of `field` that `value` stands for, whatever its case: a country's name is
        one ISO code's, and a code itself."""
        found: dict[str, list[str]] = {}
        for column in LOOKED_UP[field]:
            # Read from the small table of the values stored (event_values), not from the events: an index of
            # the events could not always be trusted to be used (with one country stored, SQLite's planner
            # rightly expects any name to match every event, and scans them all, 250 ms for 100,000).
            named = "country" if field == "country" else column
            rows = self.connection.execute(
                "SELECT code FROM event_values WHERE col = ? AND lower(value) = lower(?)", (named, value)).fetchall()
            if field == "country":  # an ISO code as given in any case
                rows += self.connection.execute("SELECT code FROM event_values WHERE col = 'iso' AND value = ?", (value.upper(),)).fetchall()
            found[column] = sorted({code for (code,) in rows})
        return found

    def _widest_span_class(self) -> int:
        """The widest span class of a stored event (read from its index; see `events.span_class`)."""
        row = self.connection.execute("SELECT MAX(span_class) FROM events").fetchone()
        return int(row[0] or 0) if row else 0

    def event_page(
        self, where: EventFilter, after: tuple[str, str] | None = None, limit: int = 100,
        fields: Sequence[str] | None = None,
    ) -> list[tuple[str, str, bytes]]:
        """One page of events in (date, id) order, after the (date_key, id) cursor of the previous page:
        (date_key, id, export record as UTF-8 JSON) rows, read straight from an index; with `fields` (names of
        export record fields), each record narrowed to those fields, in that order. The records come as bytes,
        to be sent as they are: decoded and encoded again, records with text beyond ASCII took a fifth of a
        page's CPU (bench/serve_load.py during an ingest of the corpus)."""
        text = "events.record" if fields is None else narrowed_record(fields, self.dialect)
        record = f"CAST({text} AS BLOB)" if self.dialect == "sqlite" else f"convert_to({text}, 'UTF8')"
        rows: list[tuple[str, str, bytes]] = []
        for query, params in self._queries(f"date_key, id, {record}", where, after):
            # The limit written out, not a parameter: PostgreSQL's generic plan then knows a page is few rows.
            rows += self.connection.execute(f"{query} LIMIT {int(limit) - len(rows)}", params).fetchall()
            if len(rows) >= limit:
                break
        return rows

    def applied_migrations(self) -> list[str]:
        return [row[0] for row in self.connection.execute("SELECT name FROM migrations ORDER BY name").fetchall()]
