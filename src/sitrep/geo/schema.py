"""The gazetteer's SQLite schema and the one writer of place rows that every importer shares."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.geo.normalize import is_usable_name, normalise
from sitrep.wal import use_wal

SCHEMA_VERSION = 1
BUSY_WAIT_MS = 5000  # how long a write waits for another's lock: sqlite3's default
# How long a process opening a gazetteer waits for another that is setting it up (the embedded build takes
# 15-25 s here, 47-62 s at load 7; a slow machine gets ten minutes).
SET_UP_WAIT_MS = 600_000

SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    geonameid INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    norm TEXT NOT NULL,
    iso TEXT,
    admin1 TEXT,            -- full code: 'RU.69'
    admin2 TEXT,            -- full code: 'RU.69.468850'
    lat REAL,
    lon REAL,
    feature_class TEXT,
    feature_code TEXT,
    population INTEGER NOT NULL DEFAULT 0,
    source TEXT
);
CREATE INDEX IF NOT EXISTS places_admin1 ON places(admin1, feature_class);
CREATE TABLE IF NOT EXISTS names (
    norm TEXT NOT NULL,
    geonameid INTEGER NOT NULL,
    is_main INTEGER NOT NULL DEFAULT 0,   -- 1 when the norm is the place's own name
    PRIMARY KEY (norm, geonameid)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS admin1 (
    code TEXT PRIMARY KEY,    -- 'RU.69'
    iso TEXT NOT NULL,
    name TEXT,                -- readable English: 'Smolensk Oblast' (derived, see admin_index)
    local_name TEXT,          -- as given by the source: "Smolenskaya oblast'"
    kind TEXT,                -- 'Administrative region', 'Republic', 'City', ...
    aliases TEXT NOT NULL DEFAULT '[]',
    geonameid INTEGER,
    lat REAL,
    lon REAL
);
CREATE TABLE IF NOT EXISTS admin2 (
    code TEXT PRIMARY KEY,    -- 'RU.69.468850'
    admin1 TEXT NOT NULL,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',
    geonameid INTEGER
);
CREATE INDEX IF NOT EXISTS admin2_admin1 ON admin2(admin1);
CREATE TABLE IF NOT EXISTS admin_keys (
    norm TEXT NOT NULL,
    level INTEGER NOT NULL,   -- 1 or 2
    code TEXT NOT NULL,
    rank INTEGER NOT NULL,    -- 0 best: see admin_index.KEY_RANKS
    PRIMARY KEY (norm, level, code)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS spellings (  -- derived: names by their romanisation key (see normalize.spelling_key)
    key TEXT NOT NULL,
    norm TEXT NOT NULL,
    PRIMARY KEY (key, norm)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS countries (
    iso TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    norm TEXT NOT NULL,
    geonameid INTEGER,
    capital TEXT,
    population INTEGER,
    lat REAL,
    lon REAL
);
CREATE INDEX IF NOT EXISTS countries_norm ON countries(norm);
CREATE TABLE IF NOT EXISTS imports (
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    rows INTEGER NOT NULL,
    seconds REAL NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
# Names by place: only an import that replaces places needs it (to drop their old names), so it is made by
# the first such import, not by every gazetteer (15 of the embedded default's 78 MB).
NAMES_BY_PLACE = "CREATE INDEX IF NOT EXISTS names_geonameid ON names(geonameid)"


@dataclass
class PlaceRow:
    """One place ready to be written, with every name it goes by."""

    geonameid: int
    name: str
    iso: str | None
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    feature_class: str
    feature_code: str
    population: int
    source: str
    alternate_names: Iterable[str] = field(default_factory=tuple)

    def name_rows(self) -> list[tuple[str, int, int]]:
        main = normalise(self.name)
        rows = {main: 1}
        for alt in dict.fromkeys(self.alternate_names):  # GeoNames repeats the ascii name among them
            if is_usable_name(alt):
                norm = normalise(alt)
                if norm:
                    rows.setdefault(norm, 0)
        return [(norm, self.geonameid, is_main) for norm, is_main in rows.items()]


def connect(path: Path | str) -> sqlite3.Connection:
    """The gazetteer at `path`, its tables created if need be. Of processes opening a new file at once, those
    that find another creating its tables, or already building its places in the transaction that creates
    them, wait for it (up to SET_UP_WAIT_MS): with sqlite3's 5 s they failed "database is locked"."""
    conn = sqlite3.connect(str(path))
    conn.row_factory = sqlite3.Row
    use_wal(conn, wait=SET_UP_WAIT_MS / 1000)
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(f"PRAGMA busy_timeout = {SET_UP_WAIT_MS}")
    conn.executescript(SCHEMA)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_WAIT_MS}")
    return conn


@contextmanager
def bulk_writes(conn: sqlite3.Connection, cache_mb: int = 256) -> Iterator[None]:
    """Settings for a large import (allCountries: millions of rows in one transaction), restored after.

    A rollback journal instead of WAL: pages appended to the file are not journaled, where WAL writes
    every page twice (log, then checkpoint). No fsync until the end, and a page cache big enough for
    the names index's random inserts. If the process dies, the journal restores the last committed
    gazetteer; only a power cut mid-import could damage it (re-import then).
    """
    conn.execute(f"PRAGMA cache_size = -{cache_mb * 1024}")
    conn.execute("PRAGMA synchronous = OFF")
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.OperationalError:
        pass  # another connection holds the file open: stay in WAL
    try:
        yield
    finally:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA cache_size = -2000")


def write_places(
    conn: sqlite3.Connection, rows: list[PlaceRow], replace_names: bool = True, names_table: str = "names"
) -> None:
    """Insert or replace places and their names (a replaced place loses its old names). A large import
    passes a staging table for the names (see `staged_names`)."""
    if replace_names:
        conn.execute(NAMES_BY_PLACE)
        # only places already there have names to drop: one probe per batch, not one DELETE per row
        ids = [r.geonameid for r in rows]
        for start in range(0, len(ids), 10_000):  # under SQLite's limit of bound parameters
            chunk = ids[start:start + 10_000]
            known = conn.execute(
                f"SELECT geonameid FROM places WHERE geonameid IN ({','.join('?' * len(chunk))})", chunk
            ).fetchall()
            conn.executemany("DELETE FROM names WHERE geonameid = ?", known)
    conn.executemany(
        "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (r.geonameid, r.name, normalise(r.name), r.iso, r.admin1, r.admin2, r.lat, r.lon,
             r.feature_class, r.feature_code, r.population, r.source)
            for r in rows
        ],
    )
    conn.executemany(
        f"INSERT OR IGNORE INTO {names_table} VALUES (?,?,?)", [n for r in rows for n in r.name_rows()]
    )


@contextmanager
def staged_names(conn: sqlite3.Connection) -> Iterator[str]:
    """A staging table for the names of a large import, moved into `names` in key order at the end.

    `names` is clustered on (norm, geonameid): millions of inserts in file order land all over its b-tree
    and slow down as it outgrows the cache. Appended to a plain table, then inserted sorted (with the
    geonameid index built afresh afterwards), the same rows are written front to back.
    """
    conn.execute("DROP TABLE IF EXISTS temp.names_stage")
    conn.execute("CREATE TEMP TABLE names_stage (norm TEXT NOT NULL, geonameid INTEGER NOT NULL, is_main INTEGER)")
    yield "temp.names_stage"
    conn.execute("DROP INDEX IF EXISTS names_geonameid")
    conn.execute("INSERT OR IGNORE INTO names SELECT norm, geonameid, is_main FROM temp.names_stage ORDER BY norm, geonameid")
    conn.execute(NAMES_BY_PLACE)
    conn.execute("DROP TABLE temp.names_stage")


def record_import(conn: sqlite3.Connection, source: str, kind: str, rows: int, seconds: float) -> None:
    conn.execute(
        "INSERT INTO imports VALUES (?,?,?,?,?)",
        (source, kind, rows, round(seconds, 2), time.strftime("%Y-%m-%dT%H:%M:%S")),
    )


def set_meta(conn: sqlite3.Connection, key: str, value: object) -> None:
    conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, json.dumps(value)))


def get_meta(conn: sqlite3.Connection, key: str, default: object = None) -> object:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else default
