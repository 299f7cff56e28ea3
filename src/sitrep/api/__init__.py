"""`sitrep serve`: the REST API and the map page over an event database (SQLite or PostgreSQL)."""

from .app import ServeConfig, create_app

__all__ = ["ServeConfig", "create_app"]
