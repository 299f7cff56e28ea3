"""Which files to read, and what kind each one is."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

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


def input_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files to read, in order: directories expanded recursively and sorted.

    Hidden files and folders, and published.json date sidecars, are skipped. A path that
    does not exist is kept, so that reading it reports the problem.
    """
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p.relative_to(path))))
        elif path.name != PUBLISHED_SIDECAR:
            files.append(path)
    return files


def _wanted(relative: Path) -> bool:
    return relative.name != PUBLISHED_SIDECAR and not any(part.startswith(".") for part in relative.parts)


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
