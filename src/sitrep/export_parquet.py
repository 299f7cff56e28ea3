"""Events, or their mentions, as Parquet: the export contract's columns with real types.

Events: the columns of `export.COLUMNS` in that order (dates as date32, `sources` and `document_ids` as
lists of strings, `claims` as JSON text), then `evidence` as JSON text. Mentions: one row a report, with its
`event_id` and `document_id`, the same event fields, and the sentence's offsets.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

from .errors import SitrepError
from .export import COLUMNS, event_record
from .model import Event, Mention, to_dict

TABLES = ("events", "mentions")
ROW_GROUP = 10_000

_INT = (
    "time_precision", "year", "geo_precision", "fatalities", "injuries", "sentence_start", "sentence_end",
    "fatalities_low", "fatalities_high", "source_count",
)
_FLOAT = ("latitude", "longitude")
_LIST = ("sources", "document_ids")
_DATE = ("event_date", "event_date_end", "first_reported", "last_reported")
MENTION_COLUMNS = [
    "id", "event_id", "document_id", "event_type", "sub_event_type", "event_date", "event_date_end",
    "time_precision", "year", "actor1", "actor2", "country", "iso", "admin1", "admin2", "location", "latitude",
    "longitude", "geo_precision", "geonameid", "fatalities", "injuries", "target", "target_class", "weapon",
    "verification", "sentence_start", "sentence_end", "claims", "evidence",
]


def write_parquet(events: Iterable[Event], path: str | Path, table: str = "events") -> int:
    """Write the events (or all their mentions) to a Parquet file; returns how many rows."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise SitrepError("Parquet export needs pyarrow: pip install 'sitrep[scale]'") from None
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}: choose one of {', '.join(TABLES)}")
    columns = [*COLUMNS, "evidence"] if table == "events" else MENTION_COLUMNS
    schema = pa.schema([(name, _type(pa, name)) for name in columns])
    records = _event_rows(events) if table == "events" else _mention_rows(events)
    count = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        batch: list[dict] = []
        for record in records:
            batch.append(record)
            if len(batch) >= ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count, batch = count + len(batch), []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def _type(pa: ModuleType, name: str) -> Any:  # a pyarrow.DataType
    if name in _DATE:
        return pa.date32()
    if name in _INT:
        return pa.int32()
    if name == "geonameid":
        return pa.int64()
    if name in _FLOAT:
        return pa.float64()
    if name in _LIST:
        return pa.list_(pa.string())
    return pa.string()


def _event_rows(events: Iterable[Event]) -> Iterator[dict]:
    for event in events:
        record = event_record(event)
        yield _typed({**record, "claims": json.dumps(record["claims"], ensure_ascii=False),
                      "evidence": json.dumps(record["evidence"], ensure_ascii=False)})


def _mention_rows(events: Iterable[Event]) -> Iterator[dict]:
    for event in events:
        for mention in event.mentions:
            yield _typed(_mention_record(event.id, mention))


def _mention_record(event_id: str, m: Mention) -> dict:
    place = m.place
    return {
        "id": m.key, "event_id": event_id, "document_id": m.document_id, "event_type": m.event_type,
        "sub_event_type": m.sub_event_type, "event_date": m.event_date, "event_date_end": m.event_date_end,
        "time_precision": m.time_precision, "year": m.event_date.year if m.event_date else None,
        "actor1": m.actor1, "actor2": m.actor2,
        "country": place.country if place else None, "iso": place.iso if place else None,
        "admin1": place.admin1 if place else None, "admin2": place.admin2 if place else None,
        "location": place.name if place else None, "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None, "geo_precision": place.geo_precision if place else None,
        "geonameid": place.geonameid if place else None, "fatalities": m.fatalities, "injuries": m.injuries,
        "target": m.target, "target_class": m.target_class, "weapon": m.weapon, "verification": m.verification,
        "sentence_start": m.sentence_start, "sentence_end": m.sentence_end,
        "claims": json.dumps([to_dict(c) for c in m.claims], ensure_ascii=False),
        "evidence": json.dumps({k: to_dict(v) for k, v in m.evidence.items()}, ensure_ascii=False),
    }


def _typed(record: dict) -> dict:
    for name in _DATE:
        if isinstance(record.get(name), str):
            record[name] = date.fromisoformat(record[name])
    return record
