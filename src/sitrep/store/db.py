"""One connection API over SQLite and PostgreSQL: the part of `sqlite3.Connection` that the store uses.

SQL is written once, in the subset both databases share, with `?` placeholders: `execute`, `executemany`,
`executescript` and `with connection:` for a transaction behave the same on both. On PostgreSQL the
placeholders become psycopg's, and table definitions get PostgreSQL's names for SQLite's column types
(SQLite's REAL and INTEGER are 8 bytes; PostgreSQL's words of the same name are 4).

Statements outside `with connection:` commit one by one. `with connection:` is one write transaction, DDL
included, and writers take turns: SQLite's BEGIN IMMEDIATE, PostgreSQL's advisory lock on the schema. So what
a transaction reads is still true when it commits (the next mention number, whether a migration is applied),
and a writer that finds the database busy waits up to `BUSY_TIMEOUT` rather than fail at once, then fails with
a clear error (on PostgreSQL a `BusyError`, through the transaction's lock_timeout), never hangs. A `with`
inside another is a savepoint.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, Literal, Protocol

from ..errors import SitrepError
from ..wal import use_wal

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(target: str) -> bool:
    return target.startswith(POSTGRES_SCHEMES)


def redact(target: str) -> str:
    """A database address fit to print: no password."""
    return re.sub(r"^(postgres(?:ql)?://[^:/@]+):[^@]*@", r"\1:***@", target)


BUSY_TIMEOUT = 60.0  # seconds a writer waits for another's transaction before it gives up


class BusyError(SitrepError):
    """Another process held the database's write lock (or a table's lock) past `BUSY_TIMEOUT`."""


class _Transactional(Protocol):
    """What `_Scripts` needs of the class it is mixed into."""

    def __enter__(self) -> Any: ...
    def __exit__(self, kind: Any, value: Any, traceback: Any, /) -> Any: ...
    def execute(self, sql: str, /) -> Any: ...


class _Scripts:
    def executescript(self: _Transactional, script: str) -> None:
        """The statements of `script`, in one transaction (sqlite3's own would commit before it, and each
        DDL statement would commit alone)."""
        with self:
            for statement in split_statements(script):
                self.execute(statement)


# sqlite3's executescript returns a cursor and commits first; the store's returns nothing and never calls sqlite3's.
class SQLiteConnection(_Scripts, sqlite3.Connection):  # type: ignore[misc]
    """Transactions as the module docstring says. Opened by `connect_sqlite` with isolation_level=None, so
    that the sqlite3 module begins and commits nothing on its own: with its default it begins a transaction
    only before INSERT, UPDATE or DELETE, so DDL and reads before them commit alone, and its `executescript`
    commits whatever is open first."""

    dialect = "sqlite"
    _depth = 0  # transactions open: the outermost is BEGIN IMMEDIATE, those inside it savepoints

    def __enter__(self) -> "SQLiteConnection":
        # IMMEDIATE takes the write lock now, waiting for it if need be: a deferred transaction that has
        # read and then wants to write fails at once when another wrote in between.
        self.execute("BEGIN IMMEDIATE" if self._depth == 0 else f"SAVEPOINT nested_{self._depth}")
        self._depth += 1
        return self

    def __exit__(self, kind, value, traceback) -> Literal[False]:
        self._depth -= 1
        if self._depth > 0:
            if kind is not None:
                self.execute(f"ROLLBACK TO nested_{self._depth}")
            self.execute(f"RELEASE nested_{self._depth}")
        elif kind is None:
            try:
                self.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise
        else:
            self._rollback()
        return False

    def _rollback(self) -> None:
        if self.in_transaction:  # SQLite rolls back by itself after some errors (a full disk)
            self.execute("ROLLBACK")

    def has_table(self, name: str) -> bool:
        row = self.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
        return row is not None


def connect_sqlite(path: str, **kwargs) -> SQLiteConnection:
    connection = sqlite3.connect(
        path, factory=SQLiteConnection, isolation_level=None, timeout=BUSY_TIMEOUT, **kwargs
    )
    use_wal(connection, BUSY_TIMEOUT)
    connection.execute("PRAGMA foreign_keys=ON")
    return connection


_LOCK_NOT_AVAILABLE = "55P03"  # PostgreSQL's SQLSTATE for a lock waited for past lock_timeout


class PostgresConnection(_Scripts):
    """A psycopg 3 connection that takes the store's SQL. Autocommit outside `with`, as sqlite3 reads are."""

    dialect = "postgresql"

    def __init__(self, raw):
        self.raw = raw
        self._transactions: list = []

    @classmethod
    def connect(cls, url: str) -> "PostgresConnection":
        import psycopg

        raw = psycopg.connect(url, autocommit=True)
        # The store's queries are few and indexed: plan each once (psycopg prepares a query after its fifth
        # run) rather than re-plan it for every bounding box; 13% less time per page of events.
        raw.execute("SET plan_cache_mode = force_generic_plan")
        # Parallel workers take milliseconds to start: more than any of these queries takes (a page of events
        # by language took 12 ms with two workers, 0.1 ms without).
        raw.execute("SET max_parallel_workers_per_gather = 0")
        return cls(raw)

    def execute(self, sql: str, params: Sequence[Any] = ()):
        # Results in binary: a page's records come as the bytes stored (Store.event_page), where text format
        # would send them as hex, twice the size and 0.8 ms of CPU to decode.
        cursor = self.raw.cursor(binary=True)
        try:
            cursor.execute(postgres_sql(sql), tuple(params))
        except Exception as error:
            if getattr(error, "sqlstate", None) == _LOCK_NOT_AVAILABLE:  # past the transaction's lock_timeout
                raise BusyError(f"the database was kept busy by another process past the time allowed "
                                f"({BUSY_TIMEOUT:g} s): {' '.join(str(error).split())}") from error
            raise
        return cursor

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]):
        cursor = self.raw.cursor()
        rows = [tuple(row) for row in rows]
        if rows:
            cursor.executemany(postgres_sql(sql), rows)
        return cursor

    def has_table(self, name: str) -> bool:
        return bool(self.execute("SELECT to_regclass(?) IS NOT NULL", (name,)).fetchone()[0])

    def commit(self) -> None:
        """Like sqlite3's commit outside a transaction: nothing to do, every statement is already committed."""

    def close(self) -> None:
        self.raw.close()

    def __enter__(self) -> "PostgresConnection":
        transaction = self.raw.transaction()
        transaction.__enter__()
        if not self._transactions:
            try:  # writers take turns, as on SQLite; the lock is the schema's, released at commit or rollback
                # Waited for as long as SQLite's busy timeout, then a BusyError: never a hang (nor a lock on a
                # table, such as a migration's, waited for without end).
                self.execute(f"SET LOCAL lock_timeout = {int(BUSY_TIMEOUT * 1000)}")
                self.execute("SELECT pg_advisory_xact_lock(hashtext('sitrep:' || current_schema()))")
            except BaseException as error:
                transaction.__exit__(type(error), error, error.__traceback__)
                raise
        self._transactions.append(transaction)
        return self

    def __exit__(self, *exc) -> bool:
        return bool(self._transactions.pop().__exit__(*exc))


_DDL = re.compile(r"^\s*(CREATE|ALTER)\s+TABLE\b", re.IGNORECASE)
_TYPES = [
    (re.compile(r"\bINTEGER\s+PRIMARY\s+KEY(\s+AUTOINCREMENT)?\b", re.IGNORECASE), "BIGSERIAL PRIMARY KEY"),
    (re.compile(r"\bINTEGER\b", re.IGNORECASE), "BIGINT"),
    (re.compile(r"\bREAL\b", re.IGNORECASE), "DOUBLE PRECISION"),
    (re.compile(r"\bBLOB\b", re.IGNORECASE), "BYTEA"),
]


@lru_cache(maxsize=512)
def postgres_sql(sql: str) -> str:
    """`?` placeholders as psycopg's `%s` (a literal `%` doubled), outside quoted strings; column types of
    table definitions in PostgreSQL's words."""
    if _DDL.match(sql):
        for pattern, replacement in _TYPES:
            sql = pattern.sub(replacement, sql)
    out, quote = [], None
    for char in sql:
        if quote:
            if char == quote:
                quote = None
        elif char in "'\"":
            quote = char
        elif char == "?":
            out.append("%s")
            continue
        out.append("%%" if char == "%" else char)
    return "".join(out)


def split_statements(script: str) -> list[str]:
    """The statements of a script, split on semicolons outside quoted strings."""
    statements: list[str] = []
    current: list[str] = []
    quote = None
    for char in script:
        if quote:
            if char == quote:
                quote = None
        elif char in "'\"":
            quote = char
        elif char == ";":
            statements.append("".join(current))
            current = []
            continue
        current.append(char)
    statements.append("".join(current))
    return [s.strip() for s in statements if s.strip()]
