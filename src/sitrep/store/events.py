"""Event rows: the columns an event is stored and filtered on, and the WHERE clause of a filter."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ..export import LANGUAGE_SEPARATOR, RECORD_FIELDS, event_record
from ..model import Event, to_dict

UNDATED = "9999-99-99"  # sort key of undated events: after every date
EVENT_COLUMNS = (
    "id", "event_type", "sub_event_type", "event_date", "event_date_end", "country", "iso", "admin1",
    "latitude", "longitude", "geo_precision", "geonameid", "verification", "language",
    "data", "date_key", "span_days", "record", "span_class",
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
        "span_class": span_class(span_days(event)),
        "record": json.dumps(record, ensure_ascii=False),
    }


def narrowed_record(fields: Sequence[str], dialect: str) -> str:
    """SQL for the export record narrowed to `fields` (names of RECORD_FIELDS, in that order), as JSON text
    built by the database: the fields stored as columns read from them, the others from the stored record.
    Numbers are written as the database writes them (SQLite: 15 significant digits; coordinates have 5 decimals)."""
    unknown = [name for name in fields if name not in RECORD_FIELDS]
    if unknown or not fields:
        raise ValueError(f"not a record field: {', '.join(unknown) or 'none given'}")

    def value(name: str) -> str:
        # (qualified: a page of one outlet or language reads joined tables that share some column names)
        if name in _RECORD_COLUMNS:
            return f"events.{name}"
        # SQLite's json_extract gives arrays and objects as JSON, which json_object keeps as such
        return f"json_extract(events.record, '$.{name}')" if dialect == "sqlite" else f"events.record::json -> '{name}'"

    pairs = ", ".join(f"'{name}', {value(name)}" for name in fields)
    return f"json_object({pairs})" if dialect == "sqlite" else f"json_build_object({pairs})::text"


# The filters the store looks up as stored column values (see `EventFilter.where`): each filter's field, and
# the columns its value may be found in.
LOOKED_UP = {
    "country": ("iso",), "admin1": ("admin1",), "event_type": ("event_type", "sub_event_type"),
    "sub_event_type": ("sub_event_type",),
}


def value_rows(columns: Mapping) -> set[tuple[str, str, str]]:
    """The rows of table event_values (migration 010) that an event's columns need: (column, stored value,
    what a filter seeks), the last being the value itself but for a country's name, which seeks its ISO code.
    The table only grows: a value no event has any more finds no event, as before."""
    rows = {(column, columns[column], columns[column]) for column in ("iso", "admin1", "event_type", "sub_event_type") if columns[column]}
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


def span_class(span: int | None) -> int | None:
    """0 for a one-day event; k for a span of 2**(k-1) to 2**k - 1 days more (see `_straddling`)."""
    return None if span is None else span.bit_length()


def source_rows(event: Event) -> list[tuple[str, str]]:
    return [(event.id, source) for source in dict.fromkeys(event.sources)]


def language_rows(event_id: str, columns: Mapping) -> list[tuple[str, str, str]]:
    """The rows of table event_languages: one for each language the event was reported in ("ru|uk": two)."""
    return [(event_id, language, columns["date_key"]) for language in (columns["language"] or "").split(LANGUAGE_SEPARATOR) if language]


# Filters of values an event has several of, each in a table of its own (the event's id, the value, and the
# event's date_key; migrations 011 and 012), so that the events of one value come in page order from its index
# (table_page), each joined to its row: sorting every event of a common outlet to list the first hundred cost
# 16 ms, and a language stored in several combinations ("uk", "ru|uk") had its events sought one by one.
LISTED = {"source": "event_sources", "language": "event_languages"}


def _straddling(since: date, widest_class: int) -> tuple[str, list[str | float]]:
    """A clause true for the events that began before `since` and may run into it, one index seek per span
    class (events_span_class, migration 011): an event of class k runs at most 2**k - 1 days past its first,
    so began on or after since less that. Only events of a long span are read that far back, not every event
    of the days the longest span covers (one event of 29 days had every month's page read 4,000 more)."""
    terms: list[str] = []
    params: list[str | float] = []
    for k in range(1, widest_class + 1):  # class 0, one day, cannot run into a later day
        terms.append("(span_class = ? AND date_key >= ? AND date_key < ?)")
        params += [k, (since - timedelta(days=2**k - 1)).isoformat(), since.isoformat()]
    return f"({' OR '.join(terms)})" if terms else "0 = 1", params


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

    def tables(self, straddling: bool = False) -> tuple[str, str]:
        """What the clauses of `where` read from, and in what page order (the same as date_key, id): the rows
        of the first value of `LISTED` given, joined to their events, else the events (the events that began
        before `since` by the index of their span); the rows of other values of `LISTED` joined to the events.
        CROSS JOIN keeps SQLite to this order of the tables."""
        listed = [table for field, table in LISTED.items() if getattr(self, field)]
        if straddling or not listed:
            return " CROSS JOIN ".join(["events", *listed]), "date_key, id"
        return " CROSS JOIN ".join([listed[0], "events", *listed[1:]]), f"{listed[0]}.event_date_key, {listed[0]}.event_id"

    def where(
        self, stored: Mapping[str, dict[str, list[str]]] | None = None, straddling: int | None = None
    ) -> tuple[list[str], list[str | float]]:
        """The WHERE clauses and their parameters, over `tables(straddling is not None)`. The filters of
        `LOOKED_UP`, given in any case, seek the column values they stand for (`stored`: filter -> column ->
        values, looked up by the store), as the text itself cannot. With `since`, the events come in two parts,
        each read from an index in page order, the first all before the second: those that began before `since`
        and run into it (`straddling`: the widest span class stored, see `span_class`), then those that begin on
        or after it (straddling None)."""
        clauses: list[str] = ["event_date IS NULL"] if self.undated else []
        params: list[str | float] = []
        date_key = self.tables(straddling is not None)[1].split(",")[0]  # an index can seek on it
        if self.since:
            clauses.append("COALESCE(event_date_end, event_date) >= ?")  # never true of an undated event
            params.append(self.since.isoformat())
            if straddling is None:
                clauses.append(f"{date_key} >= ?")
                params.append(self.since.isoformat())
            else:
                clause, bounds = _straddling(self.since, straddling)
                clauses.append(clause)
                params += bounds
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
        for field, table in LISTED.items():
            if value := getattr(self, field):
                clauses += [f"{table}.{field} = ?", f"{table}.event_id = events.id"]
                params.append(value.lower() if field == "language" else value)  # languages are stored in lower case
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
