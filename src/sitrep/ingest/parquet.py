"""Parquet archives of documents: the JSONL document columns {id, url, title, published, source, text}."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from sitrep.errors import InputError
from sitrep.ingest.common import DocumentOrError, FirstSeen
from sitrep.ingest.jsonl import parse_record

COLUMNS = ("id", "url", "title", "published", "source", "text")
BATCH_ROWS = 1024


def read_parquet_file(
    path: Path, published: date | None = None, source: str | None = None
) -> Iterator[DocumentOrError]:
    """Yield a Document per good row and an InputError (with its row number) per bad one, batch by batch."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield InputError(path, "reading Parquet needs pyarrow: pip install 'sitrep[scale]'")
        return
    try:
        archive = pq.ParquetFile(path)
    except Exception as err:
        yield InputError(path, f"not a Parquet file: {err}")
        return
    names = set(archive.schema_arrow.names)
    if "text" not in names:
        yield InputError(path, f"no 'text' column (columns: {', '.join(sorted(names))})")
        return
    wanted = [c for c in COLUMNS if c in names]
    seen = FirstSeen()
    row = 0
    for batch in archive.iter_batches(batch_size=BATCH_ROWS, columns=wanted):
        for record in batch.to_pylist():
            row += 1
            try:
                document = parse_record(record, f"{path.stem}-{row}", published, source, kind="parquet")
            except ValueError as err:
                yield InputError(path, f"row {row}: {err}")
                continue
            if (first := seen.get(document.id)) is not None:
                yield InputError(path, f"row {row}: duplicate id {document.id!r} (first in row {first})")
                continue
            seen.add(document.id, row)
            yield document
