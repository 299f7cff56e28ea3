"""Event rows: the columns an event is stored and filtered on, and the WHERE clause of a filter."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from ..export import event_record
from ..model import Event, to_dict

UNDATED = "9999-99-99"  # sort key of undated events: after every date
EVENT_COLUMNS = (
    "id", "event_type", "sub_event_type", "event_date", "event_date_end", "country", "iso", "admin1",
    "latitude", "longitude", "verification", "language", "data", "date_key", "span_days", "record",
)


# The columns filtered on are fields of the export record: one place decides how an event reads.
_RECORD_COLUMNS = EVENT_COLUMNS[: EVENT_COLUMNS.index("data")]


def event_columns(event: Event) -> dict:
    record = event_record(event)
    return {
        **{name: record[name] for name in _RECORD_COLUMNS},
        "data": json.dumps(to_dict(event)),
        "date_key": record["event_date"] or UNDATED,
        "span_days": span_days(event),
        "record": json.dumps(record, ensure_ascii=False),
    }


# The filters the store looks up as stored column values (see `EventFilter.where`): each filter's field, and
# the columns its value may be found in.
LOOKED_UP = {
    "country": ("iso",), "admin1": ("admin1",), "event_type": ("event_type", "sub_event_type"),
    "sub_event_type": ("sub_event_type",), "language": ("language",),
}


def value_rows(columns: Mapping) -> set[tuple[str, str, str]]:
    """The rows of table event_values (migration 010) that an event's columns need: (column, stored value,
    what a filter seeks), the last being the value itself but for a country's name, which seeks its ISO code.
    The table only grows: a value no event has any more finds no event, as before."""
    rows = {(column, columns[column], columns[column]) for column in ("iso", "admin1", "event_type", "sub_event_type", "language") if columns[column]}
    if columns["country"] and columns["iso"]:
        rows.add(("country", columns["country"], columns["iso"]))
    return rows


def _one_of(values_by_column: dict[str, list[str]]) -> tuple[str, list[str]]:
    """A clause true where a column holds one of its values ("0 = 1" when none is stored anywhere)."""
    parts = [f"{column} IN ({', '.join('?' * len(values))})" for column, values in values_by_column.items() if values]
    values = [value for column_values in values_by_column.values() for value in column_values]
    if not parts:
        return "0 = 1", []
    return (parts[0] if len(parts) == 1 else f"({' OR '.join(parts)})"), values


def span_days(event: Event) -> int | None:
    """How many days the event's dates run past its first day (0 for one day; None undated)."""
    if event.event_date is None:
        return None
    return ((event.event_date_end or event.event_date) - event.event_date).days


def source_rows(event: Event) -> list[tuple[str, str]]:
    return [(event.id, source) for source in dict.fromkeys(event.sources)]


# The events of one outlet come in page order from its own index (event_sources_page, migration 011), each
# joined to its row: sorting every event of a common outlet to list the first hundred cost 16 ms.
_SOURCE_TABLES = "event_sources CROSS JOIN events"  # CROSS JOIN: SQLite keeps event_sources the outer loop
_SOURCE_KEY = "event_date_key, event_id"


@dataclass(frozen=True)
class EventFilter:
    """What the events listed must match; every field optional. `event_type` matches the type or the
    sub-type (as the CLI's --type does); `country` the name or the ISO code, in any case."""

    since: date | None = None
    until: date | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    verification: str | None = None
    source: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    language: str | None = None  # reported in this language (one of sitrep.language.LANGUAGES), maybe among others
    undated: bool = False  # only the events of no known date

    @property
    def tables(self) -> tuple[str, str]:
        """What the clauses of `where` read from, and its page order (the same as date_key, id)."""
        return (_SOURCE_TABLES, _SOURCE_KEY) if self.source else ("events", "date_key, id")

    def where(
        self, longest_span: int | None = None, stored: Mapping[str, dict[str, list[str]]] | None = None
    ) -> tuple[list[str], list[str | float]]:
        """The WHERE clauses and their parameters. `longest_span`, the most days any stored event runs past its
        first, bounds where events ending on or after `since` can start: an index can seek there. So can the
        column values that the filters of `LOOKED_UP`, given in any case, stand for (`stored`: filter -> column
        -> values, looked up by the store), where the text itself cannot. The clauses read from `tables`."""
        clauses: list[str] = ["event_date IS NULL"] if self.undated else []
        params: list[str | float] = []
        date_key = self.tables[1].split(",")[0]  # the first column of the page order: an index can seek on it
        if self.since:
            clauses.append("COALESCE(event_date_end, event_date) >= ?")
            params.append(self.since.isoformat())
            if longest_span is not None:
                clauses.append(f"{date_key} >= ?")
                params.append((self.since - timedelta(days=longest_span)).isoformat())
        if self.until:
            # The event's first day (undated: after every day), which bounds the index scan too: a window
            # with no events then reads none rather than every event after it.
            clauses.append(f"{date_key} <= ?")
            params.append(self.until.isoformat())
        stored = stored or {}
        if missing := [field for field in LOOKED_UP if getattr(self, field) and field not in stored]:
            raise ValueError(f"the filters {missing} need the values they stand for (the store looks them up)")
        for by_column in stored.values():
            clause, values = _one_of(by_column)
            clauses.append(clause)
            params += values
        if self.verification:
            clauses.append("verification = ?")
            params.append(self.verification)
        if self.source:  # over `tables`: the outlet's rows of event_sources, joined to their events
            clauses += ["source = ?", "id = event_id"]
            params.append(self.source)
        if self.bbox:
            min_lon, min_lat, max_lon, max_lat = self.bbox
            clauses.append("latitude BETWEEN ? AND ?")
            params += [min_lat, max_lat]
            if min_lon <= max_lon:
                clauses.append("longitude BETWEEN ? AND ?")
                params += [min_lon, max_lon]
            else:  # the box crosses the antimeridian
                clauses.append("(longitude >= ? OR longitude <= ?)")
                params += [min_lon, max_lon]
        return clauses, params
