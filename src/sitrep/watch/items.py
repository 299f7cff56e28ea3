"""What a polled source hands the watcher: items, each a unit to store and to remember as seen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Document


class SourceError(Exception):
    """The source as a whole failed this turn (feed unreachable, broken XML, folder gone)."""


class ItemSkipped(Exception):
    """An item that will never give a document (a 404 page, a page too large): seen, with none stored."""


class ItemNotReady(Exception):
    """An item to take on a later turn (a file still being written): not seen, nothing stored."""


@dataclass(frozen=True)
class Item:
    key: str  # unique within its source: a feed entry's guid, or a file's path, size and time
    load: Callable[[], list[Document]]  # raises ItemSkipped, or ItemNotReady or a transient FetchError to retry next turn
