"""Several processes on one database, and processes killed midway (issue 16, items 3 and 4).

Real processes (forked, so that they share this module's imports) on real databases. Where the outcome
depends on how the processes interleave, events and barriers force the interleaving that used to fail.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
from dataclasses import replace

import pytest

from sitrep.model import Document
from sitrep.store import Store, StoreError, migrations
from sitrep.store import db as db_module
from sitrep.store import store as store_module
from sitrep.store.migrations import MIGRATIONS

from .conftest import EXAMPLES, fresh_database
from .test_store import mention

ALL_MIGRATIONS = [name for name, _ in MIGRATIONS]
_fork = multiprocessing.get_context("fork")


def _report(results, function, args) -> None:
    try:
        results.put(("ok", function(*args)))
    except BaseException as error:
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


def test_a_database_kept_busy_past_the_timeout_is_said_to_be_busy(tmp_path, monkeypatch):
    path = str(tmp_path / "events.db")
    Store.open(path).close()
    monkeypatch.setattr(migrations, "MIGRATIONS", [*MIGRATIONS, ("999_later", "CREATE TABLE later (x TEXT)")])
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT", 0.2)
    holder = db_module.connect_sqlite(path)
    with holder:  # another writer's transaction, open past the timeout
        with pytest.raises(StoreError, match="kept busy by another process"):
            Store.open(path)
    holder.close()
    with Store.open(path) as store:
        assert store.applied_migrations()[-1] == "999_later"


def _guarded(target: str) -> str:
    """The PostgreSQL address `target` with a statement timeout of 10 s: a test of a wait that used to be endless
    fails (with another error) instead of hanging."""
    return f"{target}%20-cstatement_timeout%3D10000"


def test_a_postgresql_database_kept_busy_past_the_timeout_is_said_to_be_busy(tmp_path, monkeypatch):
    # The advisory lock that makes writers take turns was waited for without end: a process holding it (a
    # stuck ingest, a migration in a session left open) hung every other writer, `Store.open` included.
    with fresh_database("postgresql", tmp_path) as target:
        Store.open(target).close()
        monkeypatch.setattr(migrations, "MIGRATIONS", [*MIGRATIONS, ("999_later", "CREATE TABLE later (x TEXT)")])
        monkeypatch.setattr(db_module, "BUSY_TIMEOUT", 0.2)
        holder = db_module.PostgresConnection.connect(target)
        try:
            with holder:  # another writer's transaction, open past the timeout
                with pytest.raises(StoreError, match="kept busy by another process past the time allowed"):
                    Store.open(_guarded(target))
        finally:
            holder.close()
        with Store.open(target) as store:
            assert store.applied_migrations()[-1] == "999_later"
            holder = db_module.PostgresConnection.connect(target)
            try:
                with holder:  # and a write of an open store: a BusyError (one line from the CLI), no hang
                    with pytest.raises(db_module.BusyError, match="kept busy"):
                        with Store.open(_guarded(target)) as writer:
                            writer.add_document(Document("d1", "A drone hit Yartsevo."), [mention("d1")])
            finally:
                holder.close()
            assert store.count("documents") == 0


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_processes_opening_a_new_database_at_the_same_moment_all_succeed(engine, tmp_path):
    # 7 to 14 of 30 such pairs used to fail on SQLite (bench/concurrency.py): a table created twice, or a
    # busy database when both switch a new file to WAL.
    for pair in range(10):
        barrier, folder = _fork.Barrier(2), tmp_path / str(pair)
        folder.mkdir()
        with fresh_database(engine, folder) as target:
            assert together((_open, target, barrier), (_open, target, barrier)) == [("ok", None), ("ok", None)]


# Item 4: concurrent ingests ---------------------------------------------------------------------------


def _store_after_barrier(target: str, document: Document, barrier) -> bool:
    with Store.open(target) as store:
        assert not store.has_document(document)
        barrier.wait(timeout=60)  # both have found the document new; now both store it
        return store.add_document(document, [mention(document.id)])


def test_one_document_stored_by_two_processes_at_once_is_stored_once(db_target):
    document, barrier = Document("d1", "A drone hit Yartsevo overnight."), _fork.Barrier(2)
    outcomes = together(
        (_store_after_barrier, db_target, document, barrier), (_store_after_barrier, db_target, document, barrier)
    )
    assert sorted(outcomes) == [("ok", False), ("ok", True)]  # used to be a UNIQUE constraint error
    with Store.open(db_target) as store:
        assert store.count("documents") == 1 and store.unassigned_mentions() == [mention("d1")]


def _store_many(target: str, prefix: str, barrier) -> None:
    with Store.open(target) as store:
        for i in range(10):
            document = Document(f"{prefix}{i}", f"Text {prefix}{i}.")
            barrier.wait(timeout=60)  # the two processes write at the same moment, ten times
            store.add_document(document, [mention(document.id), replace(mention(document.id), sentence_start=50)])


def test_mentions_stored_by_two_processes_at_once_have_distinct_numbers(db_target):
    barrier = _fork.Barrier(2)
    assert together((_store_many, db_target, "a", barrier), (_store_many, db_target, "b", barrier)) == [
        ("ok", None), ("ok", None)
    ]
    with Store.open(db_target) as store:
        seqs = [row[0] for row in store.connection.execute("SELECT seq FROM mentions").fetchall()]
    assert sorted(seqs) == list(range(1, 41))  # numbers read before the transaction were taken twice


def test_duplicate_numbers_left_by_concurrent_ingests_before_the_fix_are_harmless(db_target):
    # Databases written by two ingests at once before the numbers were read inside the transaction may hold
    # mentions sharing a seq. They are left as they are: every reader orders by (seq, id), so the order stays
    # total and each mention is read once, and the next number is still past the largest.
    with Store.open(db_target) as store:
        for i in range(6):
            store.add_document(Document(f"d{i}", f"Text {i}."), [mention(f"d{i}")])
        with store.connection:
            store.connection.execute("UPDATE mentions SET seq = CASE WHEN document_id < 'd3' THEN 2 ELSE 1 END")
        read, after = [], None
        while batch := store.unassigned_batch(after, limit=2):
            read += [m.document_id for _, m in batch]
            after = batch[-1][0]
        assert sorted(read[:3]) == ["d3", "d4", "d5"] and sorted(read[3:]) == ["d0", "d1", "d2"]  # by seq, then id
        assert [m.document_id for m in store.unassigned_mentions()] == read
        store.add_document(Document("d6", "Text 6."), [mention("d6")])
        assert store.connection.execute("SELECT seq FROM mentions WHERE document_id = 'd6'").fetchone()[0] == 3


def _ingest(db: str, paths: list[str], barrier=None) -> tuple[int, int, list[str]]:
    """`sitrep ingest PATHS --db DB` in this process; with a barrier, each document is stored only once the
    other process has reached the same point."""
    from sitrep.jobs import ingest_paths

    with Store.open(db) as store:
        if barrier is not None:
            add_document = store.add_document

            def add_when_both_are_here(document, mentions):
                barrier.wait(timeout=120)
                return add_document(document, mentions)

            store.add_document = add_when_both_are_here
        summary = ingest_paths(paths, store, progress=False)
    return summary.documents, summary.unchanged, summary.errors


def _contents(db: str) -> dict[str, list]:
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(*) = COUNT(DISTINCT seq) FROM mentions").fetchone() == (1,)
        return {
            "documents": sorted(connection.execute("SELECT id, hash, text FROM documents")),
            "mentions": sorted(connection.execute("SELECT id, document_id, event_id, data FROM mentions")),
            "events": sorted(connection.execute("SELECT id, data, record FROM events")),
        }


@pytest.mark.parametrize("same_file", [True, False], ids=["same-file", "disjoint-files"])
def test_two_ingests_at_once_give_the_database_of_one_after_the_other(tmp_path, embedded_gazetteer_path,
                                                                     monkeypatch, same_file):
    monkeypatch.setenv("SITREP_GAZETTEER", str(embedded_gazetteer_path))
    first, second = sorted(str(path) for path in EXAMPLES.glob("*.txt"))[:2]  # the two English articles
    if same_file:
        second = first
    sequential, concurrent = str(tmp_path / "sequential.db"), str(tmp_path / "concurrent.db")
    (outcome,) = together((_ingest, sequential, [first]))
    assert outcome[0] == "ok", outcome
    if not same_file:
        (outcome,) = together((_ingest, sequential, [second]))
        assert outcome[0] == "ok", outcome
    barrier = _fork.Barrier(2)
    outcomes = together((_ingest, concurrent, [first], barrier), (_ingest, concurrent, [second], barrier))
    assert all(status == "ok" for status, _ in outcomes), outcomes
    if same_file:  # both read it as new, one stored it, the other found it stored
        assert sorted(value[:2] for _, value in outcomes) == [(0, 1), (1, 0)]
    assert _contents(concurrent) == _contents(sequential)
