"""Where events are kept: SQLite by default, PostgreSQL when given a postgresql:// address."""

from .events import EventFilter
from .store import Store, StoreError

__all__ = ["EventFilter", "Store", "StoreError"]
