"""Reports of one real-world event, from different documents, become one Event.

Two mentions are one event when their types agree, their places are the same (or one contains the other),
and their date ranges overlap. A mention joins the first existing event that fits it; there is no
transitive chaining, since each candidate is compared with the event's own merged fields. One mention per
document and event: a document never reports the same event twice (its own reports were merged upstream).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from .extractors.mentions import verification_status
from .model import GEO_PRECISION_REGION, Event, Mention, Place
from .notes import summarise

# How far apart two places may be and still be one event's, by the coarser one's geo_precision.
MAX_DISTANCE_KM = {1: 15.0, 2: 40.0, 3: 300.0}
DATE_SLACK = timedelta(days=1)
# "One soldier killed" is reported every day; a toll of three or more on the same days is distinctive.
DISTINCTIVE_TOLL = 3


def event_id(first: Mention) -> str:
    """Stable across runs: an event is named after the first report that made it."""
    return "ev-" + hashlib.sha1(first.key.encode("utf-8")).hexdigest()[:12]


def merge_mentions(
    mentions: Iterable[Mention],
    existing: Iterable[Event] = (),
    document_sources: dict[str, str | None] | None = None,
) -> list[Event]:
    """Events after adding `mentions` to `existing`; returns only the events that were made or changed."""
    sources = document_sources or {}
    groups: dict[str, list[Mention]] = {}
    summaries: dict[str, Event] = {}
    # Candidates are looked for only among events of the same type, not by country: a report placed
    # nowhere may still join by its toll. A linear scan: an index by date and place is the next step
    # for large archives.
    by_type: dict[str, list[str]] = {}
    for event in existing:
        groups[event.id], summaries[event.id] = list(event.mentions), event
        by_type.setdefault(event.event_type, []).append(event.id)
    changed: list[str] = []
    for mention in mentions:
        same_type = by_type.setdefault(mention.event_type, [])
        target = next((eid for eid in same_type if same_event(summaries[eid], groups[eid], mention)), None)
        if target is None:
            target = event_id(mention)
            groups[target] = []
            same_type.append(target)
        groups[target].append(mention)
        summaries[target] = build_event(target, groups[target], sources)
        if target not in changed:
            changed.append(target)
    return [summaries[eid] for eid in changed]


def same_event(event: Event, members: list[Mention], mention: Mention) -> bool:
    if any(m.document_id == mention.document_id for m in members):
        return False
    if event.event_type != mention.event_type:
        return False
    if event.sub_event_type != mention.sub_event_type and mention.event_type != "Explosions/Remote violence":
        return False
    if not _dates_overlap(event.event_date, event.event_date_end, mention.event_date, mention.event_date_end):
        return False
    if event.event_date is None or mention.event_date is None:
        # undated, only the very same place will do: "killed in Ilovaisk" (2014) is not "near Donetsk
        # airport" (2015) just because the two lie 30 km apart
        return _same_place(event.place, mention.place)
    return places_match(event.place, mention.place) or _same_toll_nowhere_specific(event, mention)


def _same_toll_nowhere_specific(event: Event, mention: Mention) -> bool:
    """Two dated reports of the same death toll on the same days, neither placed more precisely than a
    region ("Six Ukraine soldiers killed in rebel ambush" / "Six Ukrainian soldiers killed in the east"),
    tell of one event: a specific toll is rarer than a place name."""
    if event.event_date is None or mention.event_date is None:
        return False
    if event.fatalities is None or event.fatalities < DISTINCTIVE_TOLL or event.fatalities != mention.fatalities:
        return False
    vague = [p for p in (event.place, mention.place) if p is None or p.geo_precision >= GEO_PRECISION_REGION]
    if len(vague) < 2:
        return False
    isos = {p.iso for p in (event.place, mention.place) if p is not None}
    return len(isos) <= 1


def _same_place(a: Place | None, b: Place | None) -> bool:
    return a is not None and b is not None and a.geonameid is not None and a.geonameid == b.geonameid \
        and a.geo_precision == b.geo_precision


def places_match(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return False  # a report that names no place joins nothing: "a drone hit X" stays apart from Y
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.iso and b.iso and a.iso != b.iso:
        return False
    coarse = max(a.geo_precision, b.geo_precision)
    if coarse >= GEO_PRECISION_REGION:
        return bool(a.admin1) and a.admin1 == b.admin1 and a.geo_precision == b.geo_precision
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= MAX_DISTANCE_KM[coarse]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def build_event(eid: str, mentions: list[Mention], document_sources: dict[str, str | None]) -> Event:
    """The event's fields from its reports: the most specific place and date, the lowest death toll."""
    first = mentions[0]
    typed = [m for m in mentions if m.sub_event_type == first.sub_event_type]
    place = min((m.place for m in mentions if m.place), key=lambda p: p.geo_precision, default=None)
    dated = [m for m in mentions if m.event_date]
    best_date = min(dated, key=lambda m: (m.time_precision or 9, (m.event_date_end - m.event_date).days), default=None)
    fatalities = [m.fatalities for m in mentions if m.fatalities is not None]
    injuries = [m.injuries for m in mentions if m.injuries is not None]
    claims = [c for m in mentions for c in m.claims]
    cues = [m.verification for m in mentions if m.verification in ("unverified", "disputed", "confirmed")]
    event = Event(
        id=eid,
        event_type=first.event_type,
        sub_event_type=first.sub_event_type,
        mentions=tuple(mentions),
        event_date=best_date.event_date if best_date else None,
        event_date_end=best_date.event_date_end if best_date else None,
        time_precision=best_date.time_precision if best_date else None,
        actor1=_first_of(mentions, "actor1"),
        actor2=_first_of(mentions, "actor2"),
        place=place,
        target=_first_of(typed or mentions, "target"),
        target_class=_first_of(typed or mentions, "target_class"),
        weapon=_first_of(typed or mentions, "weapon"),
        fatalities=min(fatalities) if fatalities else None,
        injuries=min(injuries) if injuries else None,
        verification=verification_status(claims, cues),
        sources=_sources(mentions, document_sources),
    )
    return _with_notes(event)


def _first_of(mentions: list[Mention], name: str):
    return next((getattr(m, name) for m in mentions if getattr(m, name) is not None), None)


def _sources(mentions: list[Mention], document_sources: dict[str, str | None]) -> tuple[str, ...]:
    """Who reported it: the outlets of the documents and the claimants they quote, each once."""
    names: list[str] = []
    for m in mentions:
        outlet = document_sources.get(m.document_id)
        if outlet:
            names.append(outlet)
        for claim in m.claims:
            if claim.claimant:
                names.append(f"{claim.claimant} ({claim.channel})" if claim.channel else claim.claimant)
    return tuple(dict.fromkeys(names))


def _dates_overlap(a_start: date | None, a_end: date | None, b_start: date | None, b_end: date | None) -> bool:
    if a_start is None and b_start is None:
        return False  # two undated reports of one kind in one town may be years apart
    if a_start is None or b_start is None:
        return True  # an undated report may join a dated event by place and type alone
    a_end, b_end = a_end or a_start, b_end or b_start
    return a_start - DATE_SLACK <= b_end and b_start - DATE_SLACK <= a_end


def _with_notes(event: Event) -> Event:
    return replace(event, notes=summarise(event))
