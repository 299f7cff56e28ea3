"""Folders: files dropped into them (text, JSONL, HTML, Telegram exports) become documents."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from ..errors import InputError
from ..ingest import input_files
from ..jobs import documents_of
from ..model import Document
from .config import SourceConfig
from .items import Item, SourceError


def folder_items(
    source: SourceConfig, log_problem: Callable[[str], None], settle: float = 1.0
) -> list[Item]:
    """One item per file, keyed by path, size and modification time: a file that grows (a JSONL log, a
    newer Telegram export) is read again, and the documents already stored are skipped by their hash.

    Files changed less than `settle` seconds ago may still be being written: they wait for the next turn.
    """
    folder = Path(source.location)
    if not folder.is_dir():
        raise SourceError(f"folder {folder}: no such folder")
    items = []
    now = time.time()
    for path in _files_in(folder, log_problem):
        try:
            stat = path.stat()
        except OSError:
            continue  # removed since it was listed
        if now - stat.st_mtime < settle:
            continue
        key = f"{path.relative_to(folder)}|{stat.st_size}|{stat.st_mtime_ns}"
        items.append(Item(key, _loader(path, source.source, log_problem)))
    return items


def _files_in(folder: Path, log_problem: Callable[[str], None]) -> list[Path]:
    """The folder's files; a subfolder that cannot be listed is logged, the folder itself a failed poll."""
    unreadable: list[InputError] = []
    files = input_files([folder], unreadable.append)
    for error in unreadable:
        if Path(error.path) == folder:
            raise SourceError(f"folder {folder}: {error.problem}")
        log_problem(str(error))
    return files


def _loader(path: Path, label: str | None, log_problem: Callable[[str], None]) -> Callable[[], list[Document]]:
    def load() -> list[Document]:
        return list(documents_of(path, log_problem, source=label))

    return load
