"""Schema migrations, applied in order and each recorded in a table once applied.

A migration is portable SQL (a script that runs as it is on SQLite and on PostgreSQL: TEXT, INTEGER and REAL
columns, `?` placeholders) or a function of the connection (see `db.py`) for what SQL alone cannot say the
same way on both, such as filling a new column from the JSON of each row.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

_001_INITIAL = """
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

# For the API: mentions keep their insertion order in a column (PostgreSQL has no rowid); events keep the
# export record the API lists (so a page of events needs no decoding), a sort key for keyset pagination with
# undated events last, and their sources in a table of their own to filter on. A page of events in a box is
# read from one index in (date, id) order, the box tested on the coordinates inside it: no sort, and it stops
# at the page's end (a separate longitude/latitude index tempts SQLite into sorting every event in the box).
_002_SERVE = """
ALTER TABLE mentions ADD COLUMN seq INTEGER;
CREATE INDEX mentions_seq ON mentions (seq);
ALTER TABLE events ADD COLUMN date_key TEXT;
ALTER TABLE events ADD COLUMN record TEXT;
CREATE INDEX events_page ON events (date_key, id, longitude, latitude);
CREATE INDEX events_admin1 ON events (admin1);
CREATE TABLE event_sources (
    event_id TEXT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (event_id, source)
);
CREATE INDEX event_sources_source ON event_sources (source, event_id);
"""


def _002_serve(db) -> None:
    from .codec import event_from_dict
    from .events import event_columns, source_rows

    db.executescript(_002_SERVE)
    if db.dialect == "sqlite":
        db.execute("UPDATE mentions SET seq = rowid")
    for event_id, data in db.execute("SELECT id, data FROM events").fetchall():
        event = event_from_dict(json.loads(data))
        columns = event_columns(event)
        db.execute(
            "UPDATE events SET date_key = ?, record = ? WHERE id = ?", (columns["date_key"], columns["record"], event_id)
        )
        db.executemany("INSERT INTO event_sources (event_id, source) VALUES (?, ?)", source_rows(event))


# A MinHash signature of each document's text (sitrep.fingerprint), so that reprints count as one source;
# documents stored before it have none and count by outlet alone.
_003_DOCUMENT_FINGERPRINT = "ALTER TABLE documents ADD COLUMN fingerprint TEXT;"

# What `sitrep watch` has seen and when it polled each source.
_004_WATCH = """
CREATE TABLE watch_seen (
    source TEXT NOT NULL,
    item TEXT NOT NULL,
    document_id TEXT,
    first_seen TEXT NOT NULL,
    PRIMARY KEY (source, item)
);
CREATE TABLE watch_sources (
    source TEXT PRIMARY KEY,
    last_polled TEXT,
    next_poll REAL,
    failures INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE TABLE watch_http (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    fetched_at TEXT NOT NULL
);
"""

# The language of each document (sitrep.language) and of each event (its documents' languages, "ru|uk"), to
# filter on. Documents stored before are read for it here, and their events take it, in the one transaction.
_005_LANGUAGE = """
ALTER TABLE documents ADD COLUMN language TEXT;
ALTER TABLE events ADD COLUMN language TEXT;
CREATE INDEX events_language ON events (language);
"""


def _005_language(db) -> None:
    from ..corroboration import document_languages
    from ..language import detect_language
    from ..model import DocumentInfo
    from .codec import event_from_dict
    from .events import event_columns

    db.executescript(_005_LANGUAGE)
    languages = {}
    for document_id, text in db.execute("SELECT id, text FROM documents").fetchall():
        languages[document_id] = detect_language(text)
        db.execute("UPDATE documents SET language = ? WHERE id = ?", (languages[document_id], document_id))
    infos = {doc_id: DocumentInfo(language=lang) for doc_id, lang in languages.items()}
    for event_id, data in db.execute("SELECT id, data FROM events").fetchall():
        event = event_from_dict(json.loads(data))
        event = replace(event, languages=document_languages(list(event.mentions), infos))
        columns = event_columns(event)
        db.execute(
            "UPDATE events SET language = ?, data = ?, record = ? WHERE id = ?",
            (columns["language"], columns["data"], columns["record"], event_id),
        )


# How many days each event runs past its first day, indexed: a filter on "ends on or after a day" can then start
# its scan of the date-ordered index at that day less the longest span, not at the oldest event.
_006_SPAN = """
ALTER TABLE events ADD COLUMN span_days INTEGER;
CREATE INDEX events_span ON events (span_days);
"""


def _006_span(db) -> None:
    from .codec import event_from_dict
    from .events import span_days

    db.executescript(_006_SPAN)
    for event_id, data in db.execute("SELECT id, data FROM events").fetchall():
        db.execute("UPDATE events SET span_days = ? WHERE id = ?", (span_days(event_from_dict(json.loads(data))), event_id))


# A country filter seeks the codes its name stands for, then the events of those codes in date order.
_007_COUNTRY_INDEXES = """
CREATE INDEX events_country_name ON events (lower(country));
CREATE INDEX events_iso_page ON events (iso, date_key, id);
"""
# A first-level unit likewise: its stored spelling, then its events in date order.
_008_ADMIN1_INDEXES = """
CREATE INDEX events_admin1_name ON events (lower(admin1));
CREATE INDEX events_admin1_page ON events (admin1, date_key, id);
"""
# Types, sub-types and languages likewise.
_009_TYPE_AND_LANGUAGE_INDEXES = """
CREATE INDEX events_type_name ON events (lower(event_type));
CREATE INDEX events_type_page ON events (event_type, date_key, id);
CREATE INDEX events_sub_type_name ON events (lower(sub_event_type));
CREATE INDEX events_sub_type_page ON events (sub_event_type, date_key, id);
CREATE INDEX events_language_page ON events (language, date_key, id);
"""

# The values stored in the columns that filters look up in any case (Store._stored_values), one row each, in a
# table of their own: read from the events' own indexes instead, a look-up was a scan of every event when the
# planner expected the value everywhere (one country stored), and PostgreSQL reads a whole index for DISTINCT.
# Kept by Store.save_events (events.value_rows); the expression indexes that served the look-ups go.
_010_EVENT_VALUES = """
CREATE TABLE event_values (
    col TEXT NOT NULL,
    value TEXT NOT NULL,
    code TEXT NOT NULL,
    PRIMARY KEY (col, value, code)
);
CREATE INDEX event_values_name ON event_values (col, lower(value));
INSERT INTO event_values (col, value, code) SELECT DISTINCT 'iso', iso, iso FROM events WHERE iso <> '';
INSERT INTO event_values (col, value, code) SELECT DISTINCT 'country', country, iso FROM events WHERE country <> '' AND iso <> '';
INSERT INTO event_values (col, value, code) SELECT DISTINCT 'admin1', admin1, admin1 FROM events WHERE admin1 <> '';
INSERT INTO event_values (col, value, code) SELECT DISTINCT 'event_type', event_type, event_type FROM events WHERE event_type <> '';
INSERT INTO event_values (col, value, code)
    SELECT DISTINCT 'sub_event_type', sub_event_type, sub_event_type FROM events WHERE sub_event_type <> '';
INSERT INTO event_values (col, value, code) SELECT DISTINCT 'language', language, language FROM events WHERE language <> '';
DROP INDEX events_country_name;
DROP INDEX events_admin1_name;
DROP INDEX events_type_name;
DROP INDEX events_sub_type_name;
DROP INDEX events_language;
"""
# An outlet's events in page order (see events._SOURCE_TABLES): each source row keeps its event's date_key
# (written with it by Store.save_events). A verification status seeks its events by index too, and so do the
# events that began before a day and run into it, by the class of their span (events._straddling), which
# replaces the index of the span itself.
_011_PAGE_INDEXES = """
ALTER TABLE event_sources ADD COLUMN event_date_key TEXT;
UPDATE event_sources SET event_date_key = (SELECT date_key FROM events WHERE events.id = event_sources.event_id);
CREATE INDEX event_sources_page ON event_sources (source, event_date_key, event_id);
DROP INDEX event_sources_source;
CREATE INDEX events_verification_page ON events (verification, date_key, id);
ALTER TABLE events ADD COLUMN span_class INTEGER;
CREATE INDEX events_span_class ON events (span_class, date_key);
"""


def _011_page_indexes(db) -> None:
    from .events import span_class

    db.executescript(_011_PAGE_INDEXES)
    for (span,) in db.execute("SELECT DISTINCT span_days FROM events WHERE span_days IS NOT NULL").fetchall():
        db.execute("UPDATE events SET span_class = ? WHERE span_days = ?", (span_class(span), span))
    db.execute("DROP INDEX events_span")

# The languages of each event, one row each (events.language holds them joined, "ru|uk"), so that the events
# of one language come in page order from an index (see events.LISTED), as an outlet's do.
_013_EVENT_LANGUAGES = """
CREATE TABLE event_languages (
    event_id TEXT NOT NULL,
    language TEXT NOT NULL,
    event_date_key TEXT,
    PRIMARY KEY (event_id, language)
);
CREATE INDEX event_languages_page ON event_languages (language, event_date_key, event_id);
DROP INDEX events_language_page;
"""


def _013_event_languages(db) -> None:
    from .events import language_rows

    db.executescript(_013_EVENT_LANGUAGES)
    rows = db.execute("SELECT id, language, date_key FROM events WHERE language IS NOT NULL").fetchall()
    db.executemany(
        "INSERT INTO event_languages (event_id, language, event_date_key) VALUES (?, ?, ?)",
        [row for event_id, language, date_key in rows for row in language_rows(event_id, {"language": language, "date_key": date_key})],
    )


# Each event's place as merging tells it without decoding the event: its precision (a region, a country, no
# place are vague) and GeoNames id, which an undated report must share (the index finds an event's undated ones).
_012_MERGE_COLUMNS = """
ALTER TABLE events ADD COLUMN geo_precision INTEGER;
ALTER TABLE events ADD COLUMN geonameid INTEGER;
CREATE INDEX events_place ON events (geonameid, date_key);
"""


def _012_merge_columns(db) -> None:
    from .codec import event_from_dict

    db.executescript(_012_MERGE_COLUMNS)
    for event_id, data in db.execute("SELECT id, data FROM events").fetchall():
        place = event_from_dict(json.loads(data)).place
        db.execute(
            "UPDATE events SET geo_precision = ?, geonameid = ? WHERE id = ?",
            (place.geo_precision, place.geonameid, event_id) if place else (None, None, event_id),
        )


MIGRATIONS: list[tuple[str, str | Callable]] = [
    ("001_initial", _001_INITIAL),
    ("002_serve", _002_serve),
    ("003_document_fingerprint", _003_DOCUMENT_FINGERPRINT),
    ("004_watch", _004_WATCH),
    ("005_language", _005_language),
    ("006_span", _006_span),
    ("007_country_indexes", _007_COUNTRY_INDEXES),
    ("008_admin1_indexes", _008_ADMIN1_INDEXES),
    ("009_type_and_language_indexes", _009_TYPE_AND_LANGUAGE_INDEXES),
    ("010_event_values", _010_EVENT_VALUES),
    ("011_page_indexes", _011_page_indexes),
    ("012_merge_columns", _012_merge_columns),
    ("013_event_languages", _013_event_languages),
]


def migrate(db) -> list[str]:
    """Apply the migrations this database lacks; return their names.

    Each runs in one transaction with the row that records it, so a migration killed midway leaves nothing
    behind and runs again in full next time. Transactions take turns (see `db.py`), and each checks inside
    its own whether the migration is still to do: of two processes opening a new database at once, the
    second waits for the first, then finds its work done.
    """
    if {name for name, _ in MIGRATIONS} <= _applied(db):  # the usual case, found without taking the write lock
        return []
    applied = []
    for name, step in MIGRATIONS:
        with db:
            db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            if name in _applied(db):  # applied by another process while this one waited
                continue
            if callable(step):
                step(db)
            else:
                db.executescript(step)
            db.execute(
                "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                (name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
        applied.append(name)
    return applied


def _applied(db) -> set[str]:
    if not db.has_table("migrations"):
        return set()
    return {row[0] for row in db.execute("SELECT name FROM migrations").fetchall()}
