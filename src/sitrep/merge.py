"""Reports of one real-world event, from different documents, become one Event.

A mention joins the first existing event that `sitrep.match.compare` finds to be the same; failing that, the
only event it could be (no other of its days and place competes for it) when they share the same toll, or a
count revised on the same days by a report that names only the country, or when it is told of other days
(issue 15); otherwise it starts a new event. There is no transitive chaining: each candidate is compared with
the event's own merged fields, not with the report it happens to resemble. One mention per document and event: a
document never reports the same event twice (its own reports were merged when it was read).

Candidates come from an index by event type and day, and by place for undated reports, so merging stays
linear in the number of mentions.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta
from itertools import islice
from typing import Any

from .corroboration import (
    TollRange,
    document_languages,
    independent_sources,
    outlets_and_claimants,
    report_dates,
    toll_range,
    verification,
)
from .match import DATE_SLACK, MAX_DISTANCE_KM, REVISED_COUNT, compare, family, may_compete
from .model import GEO_PRECISION_REGION, DocumentInfo, Event, Mention, Place
from .notes import summarise

# Grid cells of the place index, in degrees: wider than the largest distance two places of one event may be.
_CELL_DEGREES = 0.5
assert MAX_DISTANCE_KM[2] < _CELL_DEGREES * 111, "a place's neighbours must lie within the cells around it"


def event_id(first: Mention) -> str:
    """Stable across runs: an event is named after the first report that made it."""
    return "ev-" + hashlib.sha1(first.key.encode("utf-8")).hexdigest()[:12]


class CandidateIndex:
    """Events by family of event types, day and place, so that a new report is compared only with the events
    it could be: those of its days in its place's grid cell and the cells around it, or, for a report placed
    no more precisely than a region, those of its days placed as vaguely (they may share a toll). An undated
    report, or an undated event, joins only the very same place (`match._where`): those are found by it."""

    def __init__(self, order: dict[str, int]) -> None:
        self._order = order  # event id -> when it was made: older events are tried first
        self._dated: dict[tuple, list[str]] = defaultdict(list)
        self._undated: dict[tuple, list[str]] = defaultdict(list)
        self._any_date: dict[tuple, list[str]] = defaultdict(list)

    def add(self, event: Event) -> None:
        kind = family(event.event_type)
        same = very_same_place(event.place)
        if same:
            self._any_date[(kind, same)].append(event.id)
        if event.event_date is None:
            if same:
                self._undated[(kind, same)].append(event.id)
            return
        keys = _place_keys(event.place, neighbours=False)
        for day in _days(event.event_date, event.event_date_end):
            for key in keys:
                self._dated[(kind, day, key)].append(event.id)

    def candidates(self, mention: Mention) -> list[str]:
        """Ids of events that may be the mention's, oldest first (stale entries are harmless: the caller
        compares with the event's current fields)."""
        kind = family(mention.event_type)
        same = very_same_place(mention.place)
        if mention.event_date is None:
            pools = [self._any_date.get((kind, same), ())] if same else []
        else:
            start = mention.event_date - DATE_SLACK
            days = _days(start, (mention.event_date_end or mention.event_date) + DATE_SLACK)
            keys = _place_keys(mention.place, neighbours=True)
            pools = [self._dated.get((kind, day, key), ()) for day in days for key in keys]
            pools += [self._undated.get((kind, same), ())] if same else []
        return sorted({eid for pool in pools for eid in pool}, key=self._order.__getitem__)


_VAGUE = ("vague",)


def very_same_place(place: Place | None) -> tuple | None:
    """What an undated report must share with an event to join it: the GeoNames place, at the same precision
    (a country alone, or a region without its first-level unit, places nothing)."""
    if place is None or place.geonameid is None or place.country_only:
        return None
    return ("same", place.geonameid, place.geo_precision)


class Lookups:
    """What `CandidateIndex.candidates` will look up for some mentions, so that a stored event can be told from
    its indexed columns alone to be one they may find or not (never a wrong no: of a place without coordinates,
    the columns do not tell which)."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self._by_day: dict[tuple[str, date], set] = defaultdict(set)  # dated pools: (family, day) -> keys
        self._undated: dict[str, set] = defaultdict(set)  # undated events' pools, of the dated mentions' places
        self._any_date: dict[str, set] = defaultdict(set)  # pools of any date, of the undated mentions' places
        for mention in mentions:
            kind, same = family(mention.event_type), very_same_place(mention.place)
            if mention.event_date is None:
                self._any_date[kind] |= {same} if same else set()
                continue
            self._undated[kind] |= {same} if same else set()
            keys = {_by_columns(key) for key in _place_keys(mention.place, neighbours=True)}
            start = mention.event_date - DATE_SLACK
            for day in _days(start, (mention.event_date_end or mention.event_date) + DATE_SLACK):
                self._by_day[(kind, day)] |= keys

    def places(self, undated: bool) -> set[int]:
        """The GeoNames ids of the places whose events of any date (or, `undated`, whose undated events) the
        mentions look up."""
        pools = self._undated if undated else self._any_date
        return {same[1] for found in pools.values() for same in found}

    def may_find(
        self, event_type: str, start: date | None, end: date | None, latitude: float | None,
        longitude: float | None, iso: str | None, admin1: str | None, geo_precision: int | None,
        geonameid: int | None,
    ) -> bool:
        """Whether a look-up may find the event of these columns (its type, dates and place's; no precision:
        no place)."""
        kind = family(event_type)
        place = None if geo_precision is None else Place(
            "", None, iso, admin1, None, latitude, longitude, geonameid, geo_precision=geo_precision
        )
        same = very_same_place(place)
        if same in self._any_date.get(kind, ()):
            return True
        if start is None:
            return same in self._undated.get(kind, ())
        keys = {_by_columns(key) for key in _place_keys(place, neighbours=False)}
        return any(keys & self._by_day.get((kind, day), set()) for day in _days(start, end))


def _by_columns(key: object) -> object:
    """A place key as an event's columns tell it: a place without coordinates, not which one."""
    return ("place",) if isinstance(key, tuple) and key[0] == "place" else key


def _days(start: date, end: date | None) -> list[date]:
    days, day, last = [], start, end or start
    while day <= last:
        days.append(day)
        day += timedelta(days=1)
    return days


def _place_keys(place: Place | None, neighbours: bool) -> list[object]:
    """Index keys of a place: its grid cell (and, to look up, the cells around it) for a town; its region
    and the vague pool for a region; the vague pool alone for a country or no place. So that a placed report
    finds every event that competes for it (`match.may_compete`), a town is kept under its region and country
    too and looks up the vague pool, and a report placed in a country alone looks up that country's towns."""
    if place is None:
        return [_VAGUE]
    if place.geo_precision >= GEO_PRECISION_REGION:
        if place.admin1:
            return [_VAGUE, ("region", place.iso, place.admin1)]
        return [_VAGUE, ("country", place.iso)] if neighbours and place.iso else [_VAGUE]
    wider: list[object] = [_VAGUE] if neighbours else []
    if not neighbours:
        wider += [("region", place.iso, place.admin1)] if place.admin1 else []
        wider += [("country", place.iso)] if place.iso else []
    if place.latitude is None or place.longitude is None:
        return [("place", place.geonameid or place.name), *wider]
    row, col = int(place.latitude // _CELL_DEGREES), int(place.longitude // _CELL_DEGREES)
    steps = (-1, 0, 1) if neighbours else (0,)
    return [("cell", row + dr, col + dc) for dr in steps for dc in steps] + wider


def merge_mentions(
    mentions: Iterable[Mention],
    existing: Iterable[Event] = (),
    documents: dict[str, DocumentInfo] | None = None,
) -> list[Event]:
    """Events after adding `mentions` to `existing`; returns only the events that were made or changed."""
    documents = documents or {}
    groups: dict[str, list[Mention]] = {}
    summaries: dict[str, Event] = {}
    notes: dict[str, list[str]] = {}
    order: dict[str, int] = {}
    index = CandidateIndex(order)
    for event in existing:
        groups[event.id], summaries[event.id], notes[event.id] = list(event.mentions), event, list(event.merge_notes)
        order[event.id] = len(order)
        index.add(event)
    changed: dict[str, None] = {}  # ordered set
    for mention in mentions:
        target, reasons = _join(mention, [summaries[eid] for eid in index.candidates(mention)])
        if target is None:
            target = event_id(mention)
            if target in groups:  # the same report merged twice (re-run): nothing to do
                continue
            groups[target], notes[target] = [], []
            order[target] = len(order)
        else:
            notes[target].append(f"document {mention.document_id} joined: {reasons}")
        groups[target].append(mention)
        summaries[target] = build_event(target, groups[target], documents, tuple(notes[target]))
        index.add(summaries[target])
        changed[target] = None
    return [summaries[eid] for eid in changed]


def _join(mention: Mention, candidates: list[Event]) -> tuple[str | None, str]:
    """The event the mention joins, and why (None: none). The oldest that `compare` finds the same; failing
    that, the only event it could be, by a looser tie (issue 15: how many events compete in the place and
    days decides how much two reports must share)."""
    for event in candidates:
        verdict = compare(event, mention)
        if verdict.same:
            return event.id, verdict.reasons()
    rivals = list(islice((event for event in candidates if may_compete(event, mention)), 2))
    if len(rivals) == 1:
        verdict = compare(rivals[0], mention, sole=True)
        if verdict.same:
            return rivals[0].id, verdict.reasons()
    return None, ""


def _days_spanned(mention: Mention) -> int:
    """How many days past its first a dated mention's date range runs (0: one day)."""
    if mention.event_date is None or mention.event_date_end is None:
        raise ValueError(f"a mention of {mention.document_id} dated without its date range")
    return (mention.event_date_end - mention.event_date).days


def build_event(
    eid: str, mentions: list[Mention], documents: dict[str, DocumentInfo], merge_notes: tuple[str, ...] = ()
) -> Event:
    """The event's fields from its reports: the most specific place and date, the lowest death toll, and the
    state of the evidence across them."""
    first = mentions[0]
    typed = [m for m in mentions if m.sub_event_type == first.sub_event_type]
    place = min((m.place for m in mentions if m.place), key=lambda p: p.geo_precision, default=None)
    dated = [m for m in mentions if m.event_date]
    best_date = min(dated, key=lambda m: (m.time_precision or 9, _days_spanned(m)), default=None)
    injuries = [m.injuries for m in mentions if m.injuries is not None]
    claims = [c for m in mentions for c in m.claims]
    cues = [m.verification for m in mentions if m.verification in ("unverified", "disputed", "confirmed")]
    tolls = toll_range(mentions, documents)
    first_reported, last_reported = report_dates(mentions, documents)
    actor1 = _first_of(mentions, "actor1")
    revised_count = any(REVISED_COUNT in note for note in merge_notes)
    event = Event(
        id=eid,
        event_type=first.event_type,
        sub_event_type=first.sub_event_type,
        mentions=tuple(mentions),
        event_date=best_date.event_date if best_date else None,
        event_date_end=best_date.event_date_end if best_date else None,
        time_precision=best_date.time_precision if best_date else None,
        actor1=actor1,
        actor2=_first_of(mentions, "actor2"),
        place=place,
        target=_first_of(typed or mentions, "target"),
        target_class=_first_of(typed or mentions, "target_class"),
        weapon=_first_of(typed or mentions, "weapon"),
        # ACLED: the most conservative figure, unless a report revises the count or a count told again is placed;
        # 0 where no report tells of deaths (gold/CODING.md: "mentions no deaths for it")
        fatalities=_toll(mentions, tolls, revised_count),
        injuries=min(injuries) if injuries else None,
        verification=verification(claims, cues, actor1),
        sources=outlets_and_claimants(mentions, documents),
        fatalities_low=tolls.low,
        fatalities_high=tolls.high,
        fatalities_low_source=tolls.low_source,
        fatalities_high_source=tolls.high_source,
        source_count=independent_sources(mentions, documents),
        first_reported=first_reported,
        last_reported=last_reported,
        merge_notes=merge_notes,
        languages=document_languages(mentions, documents),
    )
    return replace(event, notes=summarise(event))


def _toll(mentions: list[Mention], tolls: TollRange, revised_count: bool) -> int:
    best = _placed_count(mentions, tolls.best) if revised_count and tolls.revised is None else tolls.best
    return 0 if best is None else best


def _placed_count(mentions: list[Mention], best: int | None) -> int | None:
    """Of an event tied by a count told again (`match._revised_count`), the lowest count of its best placed
    reports: the city's "ten killed" rather than the country's "four killed in the east"; `best` if none."""
    counted = [(m.place.geo_precision, m.fatalities) for m in mentions if m.fatalities is not None and m.place]
    if not counted:
        return best
    sharpest = min(precision for precision, _ in counted)
    return min(toll for precision, toll in counted if precision == sharpest)


def _first_of(mentions: list[Mention], name: str) -> Any:
    return next((getattr(m, name) for m in mentions if getattr(m, name) is not None), None)
