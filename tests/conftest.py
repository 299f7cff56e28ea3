"""Fixtures shared by all tests: an isolated data folder, and one real embedded gazetteer per session."""

from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A browser test (tests/test_serve_browser.py) that fails leaves its page as it was then in
    tests/output/failed_<test>.png, beside the screenshots of the tests that pass: CI's artefacts."""
    report = yield
    page = item.funcargs.get("page") if report.when == "call" and report.failed else None
    if page is not None and hasattr(page, "screenshot"):
        output = Path(__file__).resolve().parent / "output"
        output.mkdir(exist_ok=True)
        try:
            page.screenshot(path=str(output / f"failed_{item.name}.png"))
        except Exception as error:  # a closed page: the failure's own report matters more
            report.sections.append(("screenshot", f"none: {error}"))
    return report


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """No test reads or writes the user's own sitrep folder."""
    monkeypatch.setenv("SITREP_HOME", str(tmp_path / "sitrep-home"))
    monkeypatch.delenv("SITREP_DB", raising=False)


@pytest.fixture(scope="session")
def embedded_gazetteer_path(tmp_path_factory) -> Path:
    """The real embedded default gazetteer (from the tables in sitrep/data), built once for the whole session."""
    from sitrep.geo import Gazetteer

    path = tmp_path_factory.mktemp("gazetteer") / "gazetteer.db"
    Gazetteer.open(path, progress=False).close()
    return path


@pytest.fixture
def embedded_gazetteer(embedded_gazetteer_path, monkeypatch):
    from sitrep.geo import Gazetteer

    monkeypatch.setenv("SITREP_GAZETTEER", str(embedded_gazetteer_path))
    gazetteer = Gazetteer.open(embedded_gazetteer_path, progress=False)
    yield gazetteer
    gazetteer.close()


POSTGRES = os.environ.get("SITREP_TEST_POSTGRES")
NO_POSTGRES = "PostgreSQL tests need SITREP_TEST_POSTGRES=postgresql://... (.ci/run installs PostgreSQL and sets it)"


@contextmanager
def fresh_database(engine: str, folder: Path):
    """A new, empty event database: a SQLite file in `folder`, or a PostgreSQL schema of its own."""
    if engine == "sqlite":
        yield str(folder / "events.db")
        return
    if not POSTGRES:
        if os.environ.get("CI"):
            pytest.fail(NO_POSTGRES)  # in CI a missing database is a failure, never a quiet skip
        pytest.skip(NO_POSTGRES)
    import psycopg

    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{POSTGRES}{'&' if '?' in POSTGRES else '?'}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(POSTGRES, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request, tmp_path):
    """A fresh, empty event database on each engine."""
    with fresh_database(request.param, tmp_path) as target:
        yield target
