"""Event rows: the columns an event is stored and filtered on, and the WHERE clause of a filter."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

from ..export import LANGUAGE_SEPARATOR, event_record
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


def span_days(event: Event) -> int | None:
    """How many days the event's dates run past its first day (0 for one day; None undated)."""
    if event.event_date is None:
        return None
    return ((event.event_date_end or event.event_date) - event.event_date).days


def source_rows(event: Event) -> list[tuple[str, str]]:
    return [(event.id, source) for source in dict.fromkeys(event.sources)]


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

    def where(
        self, longest_span: int | None = None, country_codes: list[str] | None = None,
        admin1_names: list[str] | None = None,
    ) -> tuple[list[str], list[str | float]]:
        """The WHERE clauses and their parameters. `longest_span`, the most days any stored event runs past its
        first, bounds where events ending on or after `since` can start: an index can seek there. So can the
        ISO codes `country` names and the stored spellings of `admin1` (`country_codes`, `admin1_names`, looked
        up by the store), where a name in any case cannot."""
        clauses: list[str] = ["event_date IS NULL"] if self.undated else []
        params: list[str | float] = []
        if self.since:
            clauses.append("COALESCE(event_date_end, event_date) >= ?")
            params.append(self.since.isoformat())
            if longest_span is not None:
                clauses.append("date_key >= ?")
                params.append((self.since - timedelta(days=longest_span)).isoformat())
        if self.until:
            clauses.append("event_date <= ?")
            params.append(self.until.isoformat())
        if self.country and country_codes is not None:
            clauses.append(f"iso IN ({', '.join('?' * len(country_codes))})" if country_codes else "0 = 1")
            params += country_codes
        elif self.country:
            clauses.append("(lower(country) = lower(?) OR lower(iso) = lower(?))")
            params += [self.country, self.country]
        if self.admin1 and admin1_names is not None:
            clauses.append(f"admin1 IN ({', '.join('?' * len(admin1_names))})" if admin1_names else "0 = 1")
            params += admin1_names
        elif self.admin1:
            clauses.append("lower(admin1) = lower(?)")
            params.append(self.admin1)
        if self.event_type:
            clauses.append("(lower(event_type) = lower(?) OR lower(sub_event_type) = lower(?))")
            params += [self.event_type, self.event_type]
        if self.sub_event_type:
            clauses.append("lower(sub_event_type) = lower(?)")
            params.append(self.sub_event_type)
        if self.verification:
            clauses.append("verification = ?")
            params.append(self.verification)
        if self.language:
            # the column holds "ru|uk" for an event reported in both: match one code between separators
            clauses.append(f"('{LANGUAGE_SEPARATOR}' || language || '{LANGUAGE_SEPARATOR}') LIKE ?")
            params.append(f"%{LANGUAGE_SEPARATOR}{self.language.lower()}{LANGUAGE_SEPARATOR}%")
        if self.source:
            clauses.append("id IN (SELECT event_id FROM event_sources WHERE source = ?)")
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
