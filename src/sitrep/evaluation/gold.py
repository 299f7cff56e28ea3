"""Gold rows: the gold event JSONL of /work/shared/gold/README.md, read into `GoldRow`s."""

from __future__ import annotations

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
            rows.append(GoldRow(item["id"], item.get("dataset", Path(path).stem), documents, item["event"], item.get("ucdp")))
    return rows, notes


def distinct_documents(rows: Iterable[GoldRow]) -> list[Document]:
    seen: dict[str, Document] = {}
    for row in rows:
        for document in row.documents:
            seen.setdefault(document.id, document)
    return list(seen.values())
