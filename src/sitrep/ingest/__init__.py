"""Read input files into Documents: plain text, JSON Lines, Parquet, HTML pages, Telegram exports.

Problems come out as InputError items alongside the documents rather than as raised
exceptions, so one bad file never stops a batch; the caller reports them and exits non-zero.
An InputWarning (a document read, but not exactly as written) comes before its document:
the caller says it, and stores the document.

    for item in read_documents(["articles/"]):
        if isinstance(item, InputError): report(item)
        else: store(item)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from sitrep.errors import InputError
from sitrep.ingest.common import DocumentOrError, Reader
from sitrep.ingest.files import HTML, JSONL, PARQUET, TELEGRAM, TEXT, input_files, is_database, kind_of
from sitrep.ingest.html import read_html_file
from sitrep.ingest.jsonl import read_jsonl_file
from sitrep.ingest.parquet import read_parquet_file
from sitrep.ingest.telegram import read_telegram_export
from sitrep.ingest.text import read_text_file

__all__ = ["DocumentOrError", "count_inputs", "input_files", "kind_of", "read_documents", "read_file"]

READERS: dict[str, Reader] = {
    TEXT: read_text_file,
    JSONL: read_jsonl_file,
    HTML: read_html_file,
    TELEGRAM: read_telegram_export,
    PARQUET: read_parquet_file,
}


def read_documents(
    paths: Iterable[str | Path], published: date | None = None, source: str | None = None
) -> Iterator[DocumentOrError]:
    """Every Document in the given files and directories, with an InputError per problem.

    published and source apply to documents that carry none of their own: plain text
    always, JSONL lines without the field, HTML pages without a date or site name.
    """
    unreadable: list[InputError] = []
    files = input_files(paths, unreadable.append)
    yield from unreadable
    for path in files:
        yield from read_file(path, published, source)


def read_file(path: Path, published: date | None = None, source: str | None = None) -> Iterator[DocumentOrError]:
    """The Documents of one file (for callers that show progress per file)."""
    if not path.exists():
        yield InputError(path, "no such file or directory")
        return
    if is_database(path):
        yield InputError(path, "a SQLite database, not documents (a database to write to is given with --db)")
        return
    try:
        yield from READERS[kind_of(path)](path, published, source)
    except OSError as err:
        yield InputError(path, f"cannot read: {err.strerror or err}")


def count_inputs(paths: Iterable[str | Path]) -> int:
    """How many files read_documents will read: the total for a progress bar."""
    return len(input_files(paths))
