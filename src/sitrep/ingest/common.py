"""Small pieces every reader shares: the item type, newline normalisation, date parsing."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sitrep.errors import InputError
from sitrep.model import Document

# Readers yield errors instead of raising them, so one bad file (or line) never stops a batch.
DocumentOrError = Document | InputError
Reader = Callable[[Path, date | None, str | None], Iterator[DocumentOrError]]


TOO_DEEP = "JSON nested too deeply to read (over about 1,000 levels)"


def load_json(text: str) -> object:
    """The value of a JSON text; ValueError (json.JSONDecodeError among them) when it is none. Python's parser
    gives up on arrays or objects nested about a thousand deep with a RecursionError: here a ValueError too."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError(TOO_DEEP) from None


def normalise_newlines(text: str) -> str:
    """Turn \\r\\n and lone \\r into \\n; nothing else changes, so offsets stay meaningful."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_date(value: object) -> date | None:
    """The calendar date of an ISO date or datetime string; None for null or "".

    A datetime keeps the date as written (no time zone conversion): a post stamped
    2024-12-31T23:30:00-05:00 was published on the 31st where it was written.
    Raises ValueError for anything else.
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"date must be a string, got {type(value).__name__}")
    text = value.strip()
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError(f"unrecognised date {value!r} (expected ISO 8601, e.g. 2024-12-31)") from None


def optional_str(record: dict[str, object], key: str) -> str | None:
    """record[key] as a non-empty string, None when absent, null or blank; ValueError otherwise."""
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"field {key!r} must be a string, got {type(value).__name__}")
    return value.strip() or None


class FirstSeen:
    """The line (or row) each document id of a file was first on, to name a duplicate's first. Kept as 64-bit
    hashes in sorted arrays, 16 bytes an id where a dict of the ids takes about 135: a file of millions of lines
    is read in flat memory. Two ids of one hash (a chance in 40 million for a million ids) would be named
    duplicates."""

    _RECENT = 1 << 16  # ids kept in a dict until then, then sorted into the arrays

    def __init__(self) -> None:
        self._recent: dict[int, int] = {}
        self._keys: Any = None  # numpy arrays, sorted by key: imported only for a file of that many ids
        self._lines: Any = None

    def get(self, document_id: str) -> int | None:
        key = _id_hash(document_id)
        if key in self._recent:
            return self._recent[key]
        if self._keys is None:
            return None
        at = int(self._keys.searchsorted(self._keys.dtype.type(key)))
        return int(self._lines[at]) if at < len(self._keys) and int(self._keys[at]) == key else None

    def add(self, document_id: str, line: int) -> None:
        self._recent[_id_hash(document_id)] = line
        if len(self._recent) >= self._RECENT:
            import numpy as np

            count = len(self._recent)
            keys = np.fromiter(self._recent.keys(), np.uint64, count)
            lines = np.fromiter(self._recent.values(), np.uint64, count)
            if self._keys is not None:
                keys, lines = np.concatenate([self._keys, keys]), np.concatenate([self._lines, lines])
            order = keys.argsort()
            self._keys, self._lines, self._recent = keys[order], lines[order], {}


def _id_hash(document_id: str) -> int:
    digest = hashlib.blake2b(document_id.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little")
