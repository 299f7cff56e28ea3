"""`sitrep geocode`: the places a text names, the main place first, as JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

from .errors import InputError
from .geo import Gazetteer, geocode_document
from .ingest import read_documents
from .model import Place

PLACE_FIELDS = ["name", "geonameid", "admin1", "admin2", "country", "iso", "latitude", "longitude",
                "feature_class", "feature_code", "geo_precision", "start", "end"]


def place_record(place: Place) -> dict:
    return {name: getattr(place, name) for name in PLACE_FIELDS}


def geocode_text(text: str, out: TextIO, gazetteer: Gazetteer | None = None) -> int:
    places = geocode_document(text, gazetteer or Gazetteer.open())
    out.write(json.dumps([place_record(p) for p in places], ensure_ascii=False, indent=2) + "\n")
    return 0


def geocode_jsonl(path: Path, out: TextIO, gazetteer: Gazetteer | None = None) -> int:
    """One line per document: {"document_id", "places": [...]}. Returns 1 when some lines failed."""
    gazetteer = gazetteer or Gazetteer.open()
    failed = False
    for item in read_documents([path]):
        if isinstance(item, InputError):
            print(f"sitrep: {item}", file=sys.stderr)
            failed = True
            continue
        places = geocode_document(item.text, gazetteer)
        out.write(json.dumps({"document_id": item.id, "places": [place_record(p) for p in places]}, ensure_ascii=False) + "\n")
    return 1 if failed else 0
