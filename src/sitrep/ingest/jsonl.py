"""JSON Lines: one document per line, {id, url, title, published, source, text}."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from sitrep.errors import InputError
from sitrep.ingest.common import DocumentOrError, load_json, optional_str, parse_date
from sitrep.ingest.decoding import read_text
from sitrep.model import Document


def read_jsonl_file(
    path: Path, published: date | None = None, source: str | None = None
) -> Iterator[DocumentOrError]:
    """Yield a Document per good line and an InputError (with its line number) per bad one.

    published and source are defaults for lines that do not give their own. The text is
    kept verbatim, newlines included: gold annotations may hold offsets into it.
    """
    try:
        content = read_text(path)
    except InputError as err:
        yield err
        return
    first_line_of: dict[str, int] = {}
    # split("\n"), not splitlines(): JSON strings may hold a raw U+2028, which is no line break.
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            document = parse_line(line, default_id=f"{path.stem}-{number}", published=published, source=source)
        except ValueError as err:
            yield InputError(path, str(err), line=number)
            continue
        if document.id in first_line_of:
            problem = f"duplicate id {document.id!r} (first on line {first_line_of[document.id]})"
            yield InputError(path, problem, line=number)
            continue
        first_line_of[document.id] = number
        yield document


def parse_line(line: str, default_id: str, published: date | None, source: str | None) -> Document:
    """One JSONL line as a Document; ValueError saying what is wrong with it."""
    try:
        record = load_json(line)
    except ValueError as err:
        raise ValueError(f"invalid JSON: {err}") from None
    return parse_record(record, default_id, published, source)


def parse_record(
    record: object, default_id: str, published: date | None = None, source: str | None = None, kind: str = "jsonl"
) -> Document:
    """A document record {id, url, title, published, source, text} as a Document; ValueError if it is wrong.

    Shared by the JSONL and Parquet readers and the API's POST /api/documents; published may also be a date
    or datetime (Parquet's types).
    """
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("no 'text' (a non-empty string is required)")
    value = record.get("published")
    if isinstance(value, datetime):
        value = value.date().isoformat()
    elif isinstance(value, date):
        value = value.isoformat()
    try:
        line_published = parse_date(value)
    except ValueError as err:
        raise ValueError(f"field 'published': {err}") from None
    return Document(
        id=_document_id(record.get("id"), default_id),
        text=text,
        published=line_published or published,
        source=optional_str(record, "source") or source,
        url=optional_str(record, "url"),
        title=optional_str(record, "title"),
        kind=kind,
    )


def _document_id(value: object, default_id: str) -> str:
    """The given id exactly (gold evaluation matches on it); default_id when absent."""
    if value is None or value == "":
        return default_id
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"field 'id' must be a string or integer, got {type(value).__name__}")
    return str(value)
