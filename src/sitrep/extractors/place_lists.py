"""One sentence that lists several places tells of one event at each (gold/CODING.md: "Missiles hit Kyiv,
Lviv and Dnipro on Monday" is three events); a toll it gives for all of them belongs to none alone."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import GEO_PRECISION_REGION, Evidence, Mention, Place

# Between two names of one list: "Kharkiv, Zhytomyr and Lviv", "the regions of Odesa and Mykolaiv", "the cities
# of Mykolaiv, Kharkiv, and communities of Zaporizhzhia region".
_LIST_GAP = re.compile(
    r"^\s*(?:,|and|or|,\s*and|,\s*or)\s*(?:the\s+)?"
    r"(?:(?:cities|towns|villages|settlements|regions|provinces|oblasts|communities)\s+of\s+(?:the\s+)?)?$",
    re.I,
)


def listed_with(place: Place | None, sentence_places: list[Place], text: str) -> list[Place]:
    """The places a sentence lists together with its event's place, the place first: "Russia said it hit
    military targets in Chernihiv, Zhytomyr and Lviv" tells of three strikes. Empty when there is no list."""
    if place is None or place not in sentence_places:
        return []
    ordered = sorted((p for p in sentence_places if p.start is not None), key=lambda p: p.start)
    chains: list[list[Place]] = []
    for current in ordered:
        previous = chains[-1][-1] if chains else None
        if previous is not None and _LIST_GAP.match(text[previous.end:current.start]):
            chains[-1].append(current)
        else:
            chains.append([current])
    chain = next(c for c in chains if place in c)
    distinct = list({(p.geonameid, p.name): p for p in chain}.values())
    if any(p.geo_precision >= GEO_PRECISION_REGION and not p.admin1 for p in distinct):
        return []  # a list of countries ("Russia and Ukraine"): no event's places
    # "two villages of the Kherson region, Andriivka and Lozove": the region is where the listed places are
    distinct = [p for p in distinct if not _holds_others(p, distinct)]
    if len(distinct) < 2:
        return []
    first = place if place in distinct else distinct[0]
    return [first] + [p for p in distinct if p is not first]


def _holds_others(region: Place, places: list[Place]) -> bool:
    return region.geo_precision >= GEO_PRECISION_REGION and any(
        p.geo_precision < GEO_PRECISION_REGION and p.admin1 == region.admin1 for p in places)


def split_by_places(mention: Mention, listed: list[Place], text: str) -> list[Mention]:
    """One mention per place a report lists, each with its own place; a toll told for all of them together
    belongs to none of them alone."""
    if len(listed) < 2:
        return [mention]
    pieces = []
    for index, place in enumerate(listed):
        evidence = {k: v for k, v in mention.evidence.items() if k not in ("fatalities", "injuries")}
        evidence["location"] = Evidence(place.start, place.end, text[place.start:place.end])
        note = f"one of {len(listed)} places its sentence lists"
        pieces.append(replace(
            mention, place=place, fatalities=None, injuries=None, evidence=evidence, why=(*mention.why, note),
            # each piece is its own report: the later ones start where their place is named (a distinct key)
            sentence_start=mention.sentence_start if index == 0 else place.start,
        ))
    return pieces
