"""JSON Lines: one document per line, {id, url, title, published, source, text}."""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from sitrep.errors import InputError, InputWarning
from sitrep.ingest.common import DocumentOrError, FirstSeen, load_json, optional_str, parse_date
from sitrep.ingest.decoding import decode_bytes, looks_binary
from sitrep.model import Document

_SNIFF_BYTES = 8192  # enough to tell a binary file, or a UTF-16 BOM


def read_jsonl_file(
    path: Path, published: date | None = None, source: str | None = None
) -> Iterator[DocumentOrError]:
    """Yield a Document per good line and an InputError (with its line number) per bad one.

    The file is read line by line, so memory stays flat however large it is, and each line is decoded on
    its own: stray bytes spoil (or are replaced in) one line, not the file. published and source are
    defaults for lines that do not give their own. The text is kept verbatim, newlines included: gold
    annotations may hold offsets into it.
    """
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
        handle.seek(0)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            # newline="\n": JSON strings may hold a raw U+2028 or \r, which end no line.
            lines: Iterable[bytes | str] = io.TextIOWrapper(handle, encoding="utf-16", errors="replace", newline="\n")
        elif looks_binary(head):
            yield InputError(path, "binary file, not text")
            return
        else:
            lines = handle  # bytes, split at b"\n" only
        yield from _read_lines(path, lines, published, source)


def _read_lines(
    path: Path, lines: Iterable[bytes | str], published: date | None, source: str | None
) -> Iterator[DocumentOrError]:
    first_line_of = FirstSeen()
    empty = True
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        empty = False
        if isinstance(line, bytes):
            try:
                decoded = decode_bytes(line)
            except ValueError as err:
                yield InputError(path, str(err), line=number)
                continue
            if decoded.note:
                yield InputWarning(path, decoded.note, line=number)
            line = decoded.text
        try:
            document = parse_line(line, default_id=f"{path.stem}-{number}", published=published, source=source)
        except ValueError as err:
            yield InputError(path, str(err), line=number)
            continue
        if (first := first_line_of.get(document.id)) is not None:
            yield InputError(path, f"duplicate id {document.id!r} (first on line {first})", line=number)
            continue
        first_line_of.add(document.id, number)
        yield document
    if empty:
        yield InputError(path, "empty file")


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
