"""`sitrep geocode`: the places a text names, the main place first, as JSON."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from .errors import InputError, InputWarning
from .geo import Gazetteer, geocode_document
from .ingest import read_documents
from .model import Document, Place

# The keys of a place record (issue 4 contract), in this order; EXTRA_FIELDS follow them.
PLACE_FIELDS = ["name", "geonameid", "admin1", "admin2", "country", "latitude", "longitude", "geo_precision",
                "start", "end"]
EXTRA_FIELDS = ["iso", "feature_class", "feature_code"]


def place_record(place: Place) -> dict:
    return {name: getattr(place, name) for name in PLACE_FIELDS + EXTRA_FIELDS}


def document_record(document: Document, gazetteer: Gazetteer) -> dict:
    """{"document_id", "places": [...]} for one document, main place first: one line of `geocode --jsonl`."""
    places = geocode_document(document.text, gazetteer)
    return {"document_id": document.id, "places": [place_record(p) for p in places]}


def document_records(documents: Iterable[Document], gazetteer: Gazetteer) -> Iterator[dict]:
    """The records of `geocode --jsonl`, one per document; `sitrep eval --task geocode` scores these."""
    for document in documents:
        yield document_record(document, gazetteer)


def geocode_text(text: str, out: TextIO, gazetteer: Gazetteer | None = None) -> int:
    places = geocode_document(text, gazetteer or Gazetteer.open())
    out.write(json.dumps([place_record(p) for p in places], ensure_ascii=False, indent=2) + "\n")
    return 0


def geocode_jsonl(path: Path, out: TextIO, gazetteer: Gazetteer | None = None) -> int:
    """One line per document: {"document_id", "places": [...]}. Returns 1 when some lines failed."""
    gazetteer = gazetteer or Gazetteer.open()
    failed = False
    for item in read_documents([path]):
        if isinstance(item, InputWarning):  # the document itself follows
            print(f"sitrep: warning: {item}", file=sys.stderr)
            continue
        if isinstance(item, InputError):
            print(f"sitrep: {item}", file=sys.stderr)
            failed = True
            continue
        out.write(json.dumps(document_record(item, gazetteer), ensure_ascii=False) + "\n")
    return 1 if failed else 0
