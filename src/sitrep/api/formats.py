"""A page of events as JSON, GeoJSON or CSV, with the same records and columns as `sitrep export`."""

from __future__ import annotations

import base64
import csv
import io
import json

from ..export import COLUMNS, csv_row, geojson_feature
from .errors import ApiError

FORMATS = {"json": "application/json", "geojson": "application/geo+json", "csv": "text/csv; charset=utf-8"}


def negotiate(format_param: str | None, accept: str | None) -> str:
    """?format= first, else the first format the Accept header names, else JSON."""
    if format_param:
        return format_param
    for part in (accept or "").split(","):
        media = part.split(";")[0].strip().lower()
        if media == "application/geo+json":
            return "geojson"
        if media == "text/csv":
            return "csv"
        if media in ("application/json", "*/*"):
            return "json"
    return "json"


def encode_cursor(date_key: str, event_id: str) -> str:
    return base64.urlsafe_b64encode(json.dumps([date_key, event_id]).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str]:
    try:
        value = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value):
            return value[0], value[1]
    except ValueError:
        pass
    raise ApiError(422, f"cursor {cursor!r} is not one this API gave out (use the 'next' of a previous page)")


def render(fmt: str, records_json: list[bytes], next_cursor: str | None) -> bytes | str:
    if fmt == "json":
        # The records are stored as JSON already: join them instead of decoding and encoding each one.
        return b'{"events":[' + b",".join(records_json) + b'],"next":' + json.dumps(next_cursor).encode() + b"}"
    records = [json.loads(r) for r in records_json]
    if fmt == "geojson":
        # "next" is a foreign member of the FeatureCollection, as GeoJSON (RFC 7946, 6.1) allows.
        collection = {"type": "FeatureCollection", "features": [geojson_feature(r) for r in records], "next": next_cursor}
        return json.dumps(collection, ensure_ascii=False)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(csv_row(r) for r in records)
    return out.getvalue()
