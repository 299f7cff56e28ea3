"""Field scorers: right or wrong for each field a gold event codes."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from ..geo.distance import distance_km
from ..geo.normalize import spelling_key
from ..model import Event
from .gold import GoldRow

# What happened, where, when and the toll: the fields a tie between two predicted events is broken on.
EVENT_FIELDS = ("event_type", "sub_event_type", "date", "admin1", "point", "fatalities")
FIELDS = (*EVENT_FIELDS, "actor1", "actor2", "verification")
# Whole-article gold codes verification as "claimed" (a party's claim the article flags as unverified or
# claimed) or "reported" (gold/CODING.md); sitrep's finer statuses fold onto those two.
GOLD_VERIFICATION = {"claimed": "claimed", "unverified": "claimed", "disputed": "claimed",
                     "reported": "reported", "confirmed": "reported"}
# Whole articles coded by reading (gold/CODING.md): a predicted event is that gold event only when it agrees
# on at least two of type, date and place (gold/README.md, "How scores are counted").
FULL_ARTICLE = "fullarticle"
FULL_ARTICLE_MIN_AGREEMENT = 2
# VIINA's Russian and Ukrainian reports: its own geocoder put each on the populated place it read in the text
# (silver: a text naming only a region gets some town of it)
VIINA = "viina-ru-uk"


def field_outcomes(row: GoldRow, event: Event | None) -> dict[str, bool]:
    """Right or wrong for every field the gold row codes (an unmatched row is wrong on all of them)."""
    gold = row.event or {}
    out: dict[str, bool] = {}
    if gold.get("event_type"):
        out["event_type"] = event is not None and event.event_type == gold["event_type"]
    if gold.get("sub_event_type"):
        out["sub_event_type"] = event is not None and event.sub_event_type == gold["sub_event_type"]
    if gold.get("date_start") and any(d.published for d in row.documents):
        out["date"] = event is not None and date_right(event, gold)
    if gold.get("admin1"):
        out["admin1"] = event is not None and event.place is not None and admin1_same(event.place.admin1, gold["admin1"])
    if point_scored(row):
        km = point_km(row, event)
        out["point"] = km is not None and km <= point_radius(row)
    if any(gold.get(k) is not None for k in ("fatalities_low", "fatalities_best", "fatalities_high")):
        out["fatalities"] = event is not None and fatalities_right(event.fatalities, gold)
    for side in ("actor1", "actor2"):  # scored where the coder found the side stated
        if gold.get(side):
            out[side] = event is not None and getattr(event, side) == gold[side]
    if gold.get("verification"):
        out["verification"] = event is not None and GOLD_VERIFICATION.get(event.verification) == gold["verification"]
    return out


def full_article_agreement(row: GoldRow, event: Event) -> int:
    """How many of event type, date and place (admin1 or point) a predicted event gets right."""
    outcomes = field_outcomes(row, event)
    place = outcomes.get("admin1", False) or outcomes.get("point", False)
    return outcomes.get("event_type", False) + outcomes.get("date", False) + place


def counts_as(row: GoldRow, event: Event) -> bool:
    """May `event` be matched to the gold event of `row` at all? Only on whole articles is there a bar."""
    return row.dataset != FULL_ARTICLE or full_article_agreement(row, event) >= FULL_ARTICLE_MIN_AGREEMENT


def date_right(event: Event, gold: dict[str, Any]) -> bool:
    if event.event_date is None:
        return False
    start, end = event.event_date, event.event_date_end or event.event_date
    gold_start = date.fromisoformat(gold["date_start"])
    gold_end = date.fromisoformat(gold.get("date_end") or gold["date_start"])
    overlaps = start <= gold_end + timedelta(days=1) and end >= gold_start - timedelta(days=1)
    return overlaps and (end - start) <= (gold_end - gold_start) + timedelta(days=2)


def fatalities_right(predicted: int | None, gold: dict[str, Any]) -> bool:
    values = [gold[k] for k in ("fatalities_low", "fatalities_best", "fatalities_high") if gold.get(k) is not None]
    return predicted is not None and bool(values) and min(values) <= predicted <= max(values)


def point_scored(row: GoldRow) -> bool:
    """UCDP's town, near-a-town and district points (where_prec 1-3); on whole articles, a town or near one
    (geo_precision 1-2: a region's point is its capital, which admin1 already scores)."""
    gold = row.event or {}
    has_point = gold.get("latitude") is not None and gold.get("longitude") is not None
    if row.dataset == FULL_ARTICLE:
        return has_point and gold.get("geo_precision") in (1, 2)
    if row.dataset == VIINA:
        return has_point
    return has_point and (row.ucdp or {}).get("where_prec") in (1, 2, 3)


def point_radius(row: GoldRow) -> float:
    if row.dataset == FULL_ARTICLE:
        return 25.0 if (row.event or {}).get("geo_precision") == 1 else 50.0
    if row.dataset == VIINA:
        return 25.0
    return 25.0 if (row.ucdp or {}).get("where_prec") == 1 else 50.0


def point_km(row: GoldRow, event: Event | None) -> float | None:
    place = event.place if event else None
    if place is None or place.latitude is None or place.longitude is None or row.event is None:
        return None
    return distance_km(place.latitude, place.longitude, row.event["latitude"], row.event["longitude"])




# admin1 names: strip the unit words, map transliterations and Ukrainian adjective forms to one stem.
_UNIT_WORDS = re.compile(
    r"(?<!\s)\s++(special republican city|autonomous republic|republic|oblast|region|province|krai|kray|city|municipality)$"
)
_ALIASES = {
    "kiev": "kyiv", "kyivska": "kyiv", "kievskaya": "kyiv",
    "kharkov": "kharkiv",
    "zaporozhye": "zaporizhzhia", "zaporizhia": "zaporizhzhia", "zaporozhe": "zaporizhzhia",
    "zaporizka": "zaporizhzhia", "zaporozhskaya": "zaporizhzhia",
    "lugansk": "luhansk", "luganskaya": "luhansk",
    "odessa": "odesa", "odeska": "odesa", "odesskaya": "odesa",
    "nikolaev": "mykolaiv", "nikolayev": "mykolaiv",
    "dnepropetrovsk": "dnipropetrovsk", "dnepropetrovskaya": "dnipropetrovsk",
    "transcarpathia": "zakarpattia", "zakarpatska": "zakarpattia",
}
_ADJECTIVE = re.compile(r"(skaya|s'ka|ska|sk)$")


def admin1_key(name: str) -> tuple[str, str]:
    """(stem, unit): "Kiev Special Republican city" -> ("kyiv", "city"); "Donetska oblast" -> ("donet", "oblast");
    "Donets'k" (GeoNames' older romanisation, VIINA's) -> ("donet", "")."""
    text = re.sub("['’ʼ]", "", name.casefold()).replace("-", " ").strip()
    text = re.sub(r"^(autonomous )?republic of ", "", text)
    unit = ""
    while match_ := _UNIT_WORDS.search(text):
        unit = unit or ("city" if match_.group(1) in ("city", "special republican city") else "oblast")
        text = text[: match_.start()].strip()
    text = _ALIASES.get(text, text)
    stem = _ADJECTIVE.sub("", text) if len(text) > 6 else text
    return _ALIASES.get(stem, stem), unit


def admin1_same(predicted: str | None, gold: str | None) -> bool:
    if not predicted or not gold:
        return False
    (p_stem, p_unit), (g_stem, g_unit) = admin1_key(predicted), admin1_key(gold)
    if spelling_key(p_stem) != spelling_key(g_stem):  # Zaporizhzhya/Zaporizhzhia, Mykolayiv/Mykolaiv
        return False
    # Kyiv the city and Kyiv the oblast are two admin1 units; a bare "Kyiv" matches either.
    return p_stem != "kyiv" or not p_unit or not g_unit or p_unit == g_unit
