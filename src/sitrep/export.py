"""Events out: JSON lines, ACLED-style CSV and GeoJSON, all with the same field names (ACLED's where it has one)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import TextIO

from .model import Event, to_dict

FORMATS = ("jsonl", "csv", "geojson")

# The export contract: other tools rely on these names, in this order.
COLUMNS = [
    "id", "event_type", "sub_event_type", "event_date", "event_date_end", "time_precision", "year",
    "actor1", "actor2", "country", "iso", "admin1", "admin2", "location", "latitude", "longitude",
    "geo_precision", "geonameid", "fatalities", "injuries", "target", "target_class", "weapon",
    "verification", "sources", "source", "document_ids", "notes",
    "fatalities_low", "fatalities_high", "source_count", "first_reported", "last_reported", "claims",
    "language",
]
# Every field of an export record (event_record): the columns, then what only JSON carries.
RECORD_FIELDS = (*COLUMNS, "fatalities_low_source", "fatalities_high_source", "merge_notes", "evidence")
LANGUAGE_SEPARATOR = "|"  # an event reported in Russian and Ukrainian is "ru|uk"


def event_record(event: Event) -> dict:
    """An event as a flat record of the export columns, plus its claims and evidence."""
    place = event.place
    record = {
        "id": event.id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "event_date": event.event_date.isoformat() if event.event_date else None,
        "event_date_end": event.event_date_end.isoformat() if event.event_date_end else None,
        "time_precision": event.time_precision,
        "year": event.event_date.year if event.event_date else None,
        "actor1": event.actor1,
        "actor2": event.actor2,
        "country": place.country if place else None,
        "iso": place.iso if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "location": place.name if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "geo_precision": place.geo_precision if place else None,
        "geonameid": place.geonameid if place else None,
        "fatalities": event.fatalities,
        "injuries": event.injuries,
        "target": event.target,
        "target_class": event.target_class,
        "weapon": event.weapon,
        "verification": event.verification,
        "sources": list(event.sources),
        "source": "; ".join(event.sources),
        "document_ids": list(event.document_ids),
        "notes": event.notes,
        "fatalities_low": event.fatalities_low,
        "fatalities_high": event.fatalities_high,
        "fatalities_low_source": event.fatalities_low_source,
        "fatalities_high_source": event.fatalities_high_source,
        "source_count": event.source_count,
        "first_reported": event.first_reported.isoformat() if event.first_reported else None,
        "last_reported": event.last_reported.isoformat() if event.last_reported else None,
        "claims": [{**to_dict(c), "document_id": m.document_id} for m in event.mentions for c in m.claims],
        "merge_notes": list(event.merge_notes),
        "language": LANGUAGE_SEPARATOR.join(event.languages) or None,
        "evidence": {
            m.document_id: {name: to_dict(ev) for name, ev in m.evidence.items()} for m in event.mentions
        },
    }
    return record


def write_events(events: Iterable[Event], fmt: str, out: TextIO) -> int:
    """Write events to `out` in `fmt`; returns how many were written."""
    writer = {"jsonl": _write_jsonl, "csv": _write_csv, "geojson": _write_geojson}.get(fmt)
    if writer is None:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    return writer((event_record(e) for e in events), out)


def _write_jsonl(records: Iterable[dict], out: TextIO) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


# A spreadsheet runs a cell that starts with one of these as a formula ("=HYPERLINK(...)" in an actor's
# name taken from an article); OWASP's advice: start such a text cell with a quote.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_row(record: dict) -> dict:
    """An event record as a CSV row of the export columns (lists joined), its text cells safe to open in a
    spreadsheet; numbers (a negative longitude) stay numbers."""
    row = {name: record.get(name) for name in COLUMNS}
    row["sources"] = "; ".join(record["sources"])
    row["document_ids"] = ";".join(record["document_ids"])
    row["claims"] = "; ".join(_claim_text(c) for c in record["claims"])
    return {name: _no_formula(value) for name, value in row.items()}


def _no_formula(value: object) -> object:
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_STARTS) else value


def geojson_feature(record: dict) -> dict:
    """An event record as a GeoJSON feature: a point where the event is placed, no geometry otherwise."""
    geometry = None
    if record["latitude"] is not None and record["longitude"] is not None:
        geometry = {"type": "Point", "coordinates": [record["longitude"], record["latitude"]]}
    return {"type": "Feature", "id": record["id"], "geometry": geometry, "properties": record}


def _write_csv(records: Iterable[dict], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(csv_row(record))
        count += 1
    return count


def _claim_text(claim: dict) -> str:
    """One claim in a CSV cell: 'Roman Zakharov [Russia] via telegram: reports'."""
    who = claim["claimant"] or "unnamed source"
    side = f" [{claim['claimant_side']}]" if claim["claimant_side"] else ""
    channel = f" via {claim['channel']}" if claim["channel"] else ""
    return f"{who}{side}{channel}: {claim['stance']}"


def _write_geojson(records: Iterable[dict], out: TextIO) -> int:
    features = [geojson_feature(record) for record in records]
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)


def events_as_text(events: Iterable[Event], fmt: str) -> str:
    buffer = io.StringIO()
    write_events(events, fmt, buffer)
    return buffer.getvalue()
