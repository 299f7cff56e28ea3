"""Gold rows: the gold event JSONL of /work/shared/gold/README.md, read into `GoldRow`s."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..model import Document


@dataclass(frozen=True)
class GoldRow:
    id: str
    dataset: str
    documents: tuple[Document, ...]
    event: dict[str, Any] | None
    ucdp: dict[str, Any] | None = None
    lang: str | None = None  # the gold's language of its text ("uk", "ru", "ru|uk" where either), where given

    @property
    def document_ids(self) -> frozenset[str]:
        return frozenset(d.id for d in self.documents)


# ---------------------------------------------------------------- reading and running


def load_gold(paths: Iterable[Path], limit: int | None = None) -> tuple[list[GoldRow], list[str]]:
    """Gold rows of every file (the first `limit` of each), and notes on files skipped."""
    rows: list[GoldRow] = []
    notes: list[str] = []
    for path in paths:
        raw = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
        if raw and "documents" not in raw[0]:
            notes.append(f"{Path(path).name}: skipped, neither gold events (no 'documents') nor WikiEvents")
            continue
        for item in raw[:limit]:
            documents = tuple(
                Document(
                    id=d["id"],
                    text=d["text"],
                    published=date.fromisoformat(d["published"]) if d.get("published") else None,
                    source=d.get("source"),
                )
                for d in item["documents"]
            )
            rows.append(GoldRow(item["id"], item.get("dataset", Path(path).stem), documents, item["event"], item.get("ucdp"),
                                item.get("lang")))
    return rows, notes


def distinct_documents(rows: Iterable[GoldRow]) -> list[Document]:
    seen: dict[str, Document] = {}
    for row in rows:
        for document in row.documents:
            seen.setdefault(document.id, document)
    return list(seen.values())


# ---------------------------------------------------------------- an honest split of one gold file

# Rules are tuned looking at the "tune" half of a gold file; the "check" half is the figure to report and to
# pin, read only as scores. A row's half follows its first document, so an article and all its events fall
# in one half.
SPLITS = ("tune", "check")


def row_hash(row: GoldRow) -> int:
    """A number for a row from its first document's id: stable across runs and machines, the same for every
    row of one document (so an article and all its events fall in one half, or one fold)."""
    key = min(d.id for d in row.documents) if row.documents else row.id
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16)


def split_of(row: GoldRow) -> str:
    return SPLITS[row_hash(row) % 2]


def in_split(rows: list[GoldRow], split: str | None) -> list[GoldRow]:
    """The rows of one half (`tune` or `check`), or all rows for None."""
    if split is None:
        return rows
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}: one of {', '.join(SPLITS)}")
    return [r for r in rows if split_of(r) == split]


# ---------------------------------------------------------------- a split by time

def row_date(row: GoldRow) -> date | None:
    """When a row was reported: its earliest document's publication date, else the event's first day."""
    published = [d.published for d in row.documents if d.published]
    if published:
        return min(published)
    start = (row.event or {}).get("date_start")
    return date.fromisoformat(start) if start else None


def in_period(rows: list[GoldRow], since: date | None = None, until: date | None = None) -> list[GoldRow]:
    """The rows reported from `since` to `until` (either open); rows with no date are outside any period.
    Rules tuned on an earlier period are scored on a later one, as a user meets them (issue 15)."""
    if since is None and until is None:
        return rows
    return [r for r in rows if (d := row_date(r)) is not None and (since is None or d >= since)
            and (until is None or d <= until)]

