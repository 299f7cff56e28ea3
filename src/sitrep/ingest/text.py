"""Plain text files: one file, one document, the text kept exactly (newlines aside)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from sitrep.errors import InputError, InputWarning
from sitrep.ingest.common import DocumentOrError, load_json, normalise_newlines, parse_date
from sitrep.ingest.decoding import read_text
from sitrep.model import Document

# A folder may date its files in a sidecar: {"000_9f7d75213e9a4504.txt": "2024-12-31"}.
PUBLISHED_SIDECAR = "published.json"


def read_text_file(
    path: Path, published: date | None = None, source: str | None = None
) -> Iterator[DocumentOrError]:
    """Yield the file as one Document (id = file stem), or the InputError that stops it; an InputWarning
    first when stray bytes were replaced."""
    try:
        decoded = read_text(path)
        if published is None:
            published = sidecar_date(path)
    except InputError as err:
        yield err
        return
    if decoded.note:
        yield InputWarning(path, decoded.note)
    yield Document(
        id=path.stem,
        text=normalise_newlines(decoded.text),
        published=published,
        source=source,
        kind="text",
    )


def sidecar_date(path: Path) -> date | None:
    """The date published.json next to path gives it (by file name or stem), else None."""
    sidecar = path.parent / PUBLISHED_SIDECAR
    if not sidecar.is_file():
        return None
    try:
        dates = load_json(sidecar.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as err:  # UnicodeDecodeError and JSON errors are ValueErrors
        raise InputError(sidecar, f"cannot read dates for {path.name}: {err}") from None
    if not isinstance(dates, dict):
        raise InputError(sidecar, "must map file names to ISO dates")
    value = dates.get(path.name, dates.get(path.stem))
    try:
        return parse_date(value)
    except ValueError as err:
        raise InputError(sidecar, f"{path.name}: {err}") from None
