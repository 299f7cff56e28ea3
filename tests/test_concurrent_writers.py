"""Several processes on one database, and processes killed midway (issue 16, items 3 and 4).

Real processes (forked, so that they share this module's imports) on real databases. Where the outcome
depends on how the processes interleave, events and barriers force the interleaving that used to fail.
"""

from __future__ import annotations

import multiprocessing
import os
import signal

import pytest

from sitrep.model import Document
from sitrep.store import Store, migrations, store as store_module
from sitrep.store.migrations import MIGRATIONS

from .conftest import fresh_database
from .test_store import mention

ALL_MIGRATIONS = [name for name, _ in MIGRATIONS]
_fork = multiprocessing.get_context("fork")


def _report(results, function, args) -> None:
    try:
        results.put(("ok", function(*args)))
    except BaseException as error:  # noqa: BLE001 - the test reads what went wrong
        results.put(("error", f"{type(error).__name__}: {error}"))


def together(*calls: tuple, timeout: float = 180) -> list[tuple[str, object]]:
    """Run each call (function, *args) in a process of its own, all at once; each one's ("ok", value) or
    ("error", message), in the order they finish."""
    results = _fork.Queue()
    processes = [_fork.Process(target=_report, args=(results, call[0], call[1:])) for call in calls]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=timeout) for _ in processes]
    for process in processes:
        process.join(timeout)
    return outcomes


def _open(target: str, barrier) -> None:
    barrier.wait(timeout=60)
    Store.open(target).close()


# Item 3: migrations ----------------------------------------------------------------------------------


def test_a_migration_that_fails_midway_leaves_nothing_and_runs_in_full_next_time(db_target, monkeypatch):
    def half_done(db):
        db.execute("ALTER TABLE mentions ADD COLUMN seq INTEGER")
        raise RuntimeError("stopped after the first statement")

    monkeypatch.setattr(migrations, "MIGRATIONS", [MIGRATIONS[0], ("002_serve", half_done), *MIGRATIONS[2:]])
    with pytest.raises(RuntimeError, match="first statement"):
        Store.open(db_target)
    monkeypatch.undo()
    with Store.open(db_target) as store:  # used to fail for good: "duplicate column name: seq"
        assert store.applied_migrations() == ALL_MIGRATIONS
        store.add_document(Document("d1", "text"), [mention("d1")])
        assert store.connection.execute("SELECT seq FROM mentions").fetchall() == [(1,)]


def _open_killed_at(path: str, statement: str) -> None:
    """Open a new database; SIGKILL this process as SQLite starts the first statement beginning so."""

    def trace(sql: str) -> None:
        if sql.lstrip().startswith(statement):
            os.kill(os.getpid(), signal.SIGKILL)

    def connect(*args, **kwargs):
        connection = connect_sqlite(*args, **kwargs)
        connection.set_trace_callback(trace)
        return connection

    connect_sqlite, store_module.connect_sqlite = store_module.connect_sqlite, connect
    Store.open(path)


@pytest.mark.parametrize("statement", [
    "CREATE TABLE events",  # midway through the first migration
    "CREATE INDEX mentions_seq",  # after the first statement of 002_serve, `ALTER TABLE mentions ADD COLUMN seq`
    "INSERT INTO migrations",  # after a migration, before the row that records it
])
def test_a_schema_upgrade_killed_midway_completes_next_time(tmp_path, statement):
    path = str(tmp_path / "events.db")
    process = _fork.Process(target=_open_killed_at, args=(path, statement))
    process.start()
    process.join(60)
    assert process.exitcode == -signal.SIGKILL
    with Store.open(path) as store:
        assert store.applied_migrations() == ALL_MIGRATIONS


def _open_pausing_in_first_migration(target: str, migrating, other_opened) -> None:
    """Open a new database, holding the first migration's transaction open until the other process has
    opened the database too: that cannot happen while migrations take turns, so it ends after 3 s."""
    name, script = migrations.MIGRATIONS[0]

    def first(db):
        db.executescript(script)
        migrating.set()
        other_opened.wait(timeout=3)

    migrations.MIGRATIONS[0] = (name, first)  # this process's own copy of the list
    Store.open(target).close()


def _open_during_migration(target: str, migrating, opened) -> None:
    assert migrating.wait(timeout=60)
    try:
        Store.open(target).close()
    finally:
        opened.set()


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_a_process_opening_a_database_while_another_migrates_it_waits(engine, tmp_path):
    migrating, opened = _fork.Event(), _fork.Event()
    with fresh_database(engine, tmp_path) as target:
        outcomes = together(
            (_open_pausing_in_first_migration, target, migrating, opened),
            (_open_during_migration, target, migrating, opened),
        )
        assert outcomes == [("ok", None), ("ok", None)]
        with Store.open(target) as store:
            assert store.applied_migrations() == ALL_MIGRATIONS


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_processes_opening_a_new_database_at_the_same_moment_all_succeed(engine, tmp_path):
    # 7 to 14 of 30 such pairs used to fail on SQLite (bench/concurrency.py): a table created twice, or a
    # busy database when both switch a new file to WAL.
    for pair in range(10):
        barrier, folder = _fork.Barrier(2), tmp_path / str(pair)
        folder.mkdir()
        with fresh_database(engine, folder) as target:
            assert together((_open, target, barrier), (_open, target, barrier)) == [("ok", None), ("ok", None)]
