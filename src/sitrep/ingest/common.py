"""Small pieces every reader shares: the item type, newline normalisation, date parsing."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

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
