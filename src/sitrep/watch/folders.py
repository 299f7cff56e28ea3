"""Folders: files dropped into them (text, JSONL, HTML, Telegram exports) become documents."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..errors import InputError
from ..ingest import input_files
from ..jobs import documents_of
from ..model import Document
from .config import SourceConfig
from .items import Item, ItemNotReady, SourceError

T = TypeVar("T")


def folder_items(
    source: SourceConfig, log_problem: Callable[[str], None], settle: float = 1.0
) -> list[Item]:
    """One item per file, keyed by path, size and modification time: a file that grows (a JSONL log, a
    newer Telegram export) is read again, and the documents already stored are skipped by their hash.

    A file still being written must not be stored half (a text file is one document: its completed text
    could never replace the half). Files changed less than `settle` seconds ago wait for the next turn;
    so do, when loaded, files another process holds open for writing (a stalled copy or download) and
    files that changed while they were read.
    """
    folder = Path(source.location)
    if not folder.is_dir():
        raise SourceError(f"folder {folder}: no such folder")
    items = []
    now = time.time()
    writing = _once(files_open_for_writing)  # looked up by the first file loaded this turn, if any
    for path in _files_in(folder, log_problem):
        try:
            stat = path.stat()
        except OSError:
            continue  # removed since it was listed
        if now - stat.st_mtime < settle:
            continue
        key = f"{path.relative_to(folder)}|{stat.st_size}|{stat.st_mtime_ns}"
        items.append(Item(key, _loader(path, stat, source.source, log_problem, writing)))
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


def _loader(
    path: Path, listed: os.stat_result, label: str | None, log_problem: Callable[[str], None],
    writing: Callable[[], set[tuple[int, int]]],
) -> Callable[[], list[Document]]:
    def load() -> list[Document]:
        if (listed.st_dev, listed.st_ino) in writing():
            raise ItemNotReady("still open for writing by another process")
        documents = list(documents_of(path, log_problem, source=label))
        if _changed(path, listed):
            raise ItemNotReady("changed while it was read")
        return documents

    return load


def _changed(path: Path, listed: os.stat_result) -> bool:
    try:
        now = path.stat()
    except OSError:
        return True
    return (now.st_size, now.st_mtime_ns, now.st_ino) != (listed.st_size, listed.st_mtime_ns, listed.st_ino)


def files_open_for_writing() -> set[tuple[int, int]]:
    """(device, inode) of every file a process holds open for writing, as far as /proc shows: on Linux every
    process's for root, the user's own otherwise; nothing where there is no /proc."""
    found: set[tuple[int, int]] = set()
    try:
        pids = [name for name in os.listdir("/proc") if name.isdigit()]
    except OSError:
        return found
    for pid in pids:
        try:
            descriptors = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue  # gone, or another user's
        for fd in descriptors:
            try:
                with open(f"/proc/{pid}/fdinfo/{fd}", encoding="ascii") as info:
                    flags = next(int(line.split()[1], 8) for line in info if line.startswith("flags:"))
                if flags & (os.O_WRONLY | os.O_RDWR):
                    target = os.stat(f"/proc/{pid}/fd/{fd}")
                    found.add((target.st_dev, target.st_ino))
            except (OSError, StopIteration, ValueError, IndexError):
                continue  # closed meanwhile, or not ours to see
    return found


def _once(compute: Callable[[], T]) -> Callable[[], T]:
    """compute(), called at most once, on first use."""
    cache: list[T] = []

    def get() -> T:
        if not cache:
            cache.append(compute())
        return cache[0]

    return get
