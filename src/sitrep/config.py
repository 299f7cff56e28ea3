"""Where sitrep keeps its files: one place to read paths from flags, environment and defaults."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "sitrep"


def data_dir() -> Path:
    """The user's data directory for sitrep (created on demand)."""
    path = Path(os.environ.get("SITREP_HOME") or platformdirs.user_data_dir(APP_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db() -> str:
    """The event database: SITREP_DB, else events.db in the data directory."""
    return os.environ.get("SITREP_DB") or str(data_dir() / "events.db")


def default_gazetteer() -> Path:
    """The local gazetteer: SITREP_GAZETTEER, else gazetteer.db in the data directory."""
    env = os.environ.get("SITREP_GAZETTEER")
    return Path(env) if env else data_dir() / "gazetteer.db"
