"""Dense fronts: gold events with another gold event close by in place and time (issue 15).

Where many separate events share a town and a day or two, merging by place and date joins what coders kept
apart. `sitrep eval` reports found and link precision over such events beside the figures over all, so that
a merge tuned on a sparse period shows what it does where fronts are dense.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from ..geo.distance import distance_km
from .gold import GoldRow

DENSE_KM = 15.0
DENSE_DAYS = 1


def dense_rows(rows: list[GoldRow], indices: list[int]) -> set[int]:
    """The indices of gold events with another gold event within DENSE_KM and DENSE_DAYS days."""
    by_day: dict[date, list[tuple[int, float, float]]] = defaultdict(list)
    for i in indices:
        where = _point_and_day(rows[i])
        if where:
            by_day[where[2]].append((i, where[0], where[1]))
    dense: set[int] = set()
    for day, here in by_day.items():
        near = [e for k in range(-DENSE_DAYS, DENSE_DAYS + 1) for e in by_day.get(day + timedelta(days=k), [])]
        for i, lat, lon in here:
            if any(j != i and distance_km(lat, lon, lat2, lon2) <= DENSE_KM for j, lat2, lon2 in near):
                dense.add(i)
    return dense


def _point_and_day(row: GoldRow) -> tuple[float, float, date] | None:
    event = row.event or {}
    lat, lon, start = event.get("latitude"), event.get("longitude"), event.get("date_start")
    if lat is None or lon is None or not start:
        return None
    return float(lat), float(lon), date.fromisoformat(start)
