"""Which files to read, and what kind each one is."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from sitrep.errors import InputError
from sitrep.ingest.common import load_json
from sitrep.ingest.text import PUBLISHED_SIDECAR

TEXT, JSONL, HTML, TELEGRAM, PARQUET = "text", "jsonl", "html", "telegram", "parquet"

KIND_BY_SUFFIX = {
    "": TEXT,
    ".txt": TEXT,
    ".md": TEXT,
    ".jsonl": JSONL,
    ".ndjson": JSONL,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".json": TELEGRAM,
    ".parquet": PARQUET,
}
_SNIFF_CHARS = 4096
# A database in the folder being read (often sitrep's own, events.db and its journals) holds no documents.
SQLITE_HEADER = b"SQLite format 3\x00"
_DATABASE_JOURNALS = ("-wal", "-shm", "-journal")


def input_files(paths: Iterable[str | Path], on_error: Callable[[InputError], None] | None = None) -> list[Path]:
    """Files to read, in order: directories expanded recursively and sorted.

    Hidden files and folders, and published.json date sidecars, are skipped. A path that does not exist
    is kept, so that reading it reports the problem; a folder that cannot be listed goes to `on_error`.
    """
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(_files_under(path, on_error or (lambda error: None))))
        elif path.name != PUBLISHED_SIDECAR:
            files.append(path)
    return files


def _files_under(folder: Path, on_error: Callable[[InputError], None]) -> Iterator[Path]:
    def unreadable(error: OSError) -> None:
        on_error(InputError(error.filename or folder, f"cannot read folder: {error.strerror or error}"))

    # os.walk, not Path.rglob: rglob passes over a folder it cannot list without a word.
    for root, folders, names in os.walk(folder, onerror=unreadable):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in names:
            path = Path(root, name)
            if name != PUBLISHED_SIDECAR and not name.startswith(".") and path.is_file() and not is_database(path):
                yield path


def is_database(path: Path) -> bool:
    """A SQLite database or one of its journals: never read as documents."""
    if path.name.endswith(_DATABASE_JOURNALS):
        return Path(str(path).rsplit("-", 1)[0]).is_file()
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False  # the reader will report the problem


def kind_of(path: Path) -> str:
    """The kind of a file from its extension, or from its first few kilobytes if unknown."""
    kind = KIND_BY_SUFFIX.get(path.suffix.lower())
    return kind if kind is not None else sniff_kind(path)


def sniff_kind(path: Path) -> str:
    """Guess a file's kind from how it starts; text when nothing else fits."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_CHARS).decode("utf-8-sig", errors="replace").lstrip()
    except OSError:
        return TEXT  # the text reader will report the problem
    lowered = head[:1024].lower()
    if lowered.startswith("<") and ("<html" in lowered or "<!doctype html" in lowered):
        return HTML
    if head.startswith("{"):
        try:
            first = load_json(head.split("\n", 1)[0])
        except ValueError:
            return TELEGRAM  # an object spread over many lines: result.json is pretty-printed
        if isinstance(first, dict):
            return TELEGRAM if "messages" in first and "text" not in first else JSONL
    return TEXT
