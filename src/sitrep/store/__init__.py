"""Where events are kept: SQLite by default."""

from .sqlite import Store, StoreError

__all__ = ["Store", "StoreError"]
