"""`sitrep eval --task geocode`: toponym resolution alone, scored on the gold points.

The places come from `sitrep.geocoding.document_records`, the code path of `sitrep geocode --jsonl`. Scored:
every (gold event, document) pair where the gold event has a point (UCDP where_prec 1-3, a latitude and a
longitude) and the document's text names a place of the gold event. Only the FIRST place of the document's
record (its main place) is scored: within 25 km, within 161 km, admin1 right (the admin1 comparison of the
event scorer), median km over the resolved pairs, and the share of pairs with any place at all.

"The text names a place" (UCDP headlines often name none: "Ukraine says seven soldiers killed in east"):
a word of the text equals, after the admin1 normalisation (Kiev/Kyiv, Lugansk/Luhansk, -ska forms; see
`fields.admin1_key`) and allowing a changed ending of at most two letters (Debaltseve/Debaltsevo), either
a capitalised word of the gold `location` (generic words such as City, Airport, Oblast left out; both names
of "Kiev/Kyiv" count) or the gold `admin1` name. Pairs are reported as named by the location itself
(`named_location`) or by the admin1 only. Gold events without a location and admin1 keep all documents.

Wrong pairs (not within 25 km) are told apart as: `missed_name` (no place found), `coarse` (the main place
is a country or region: geo_precision 3 or a country feature), `wrong_homonym` (the main place bears the head
name of the gold location, see `head_stems`, but lies > 25 km away), `other` (another place of the text, such
as the town a gold village is "20 km from", or a wrong match).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..model import GEO_PRECISION_REGION, Document
from .fields import admin1_key, admin1_same, haversine_km, point_scored
from .gold import GoldRow, load_gold
from .scores import _figure

NEAR_KM, FAR_KM = 25.0, 161.0
ERROR_KINDS = ("missed_name", "wrong_homonym", "coarse", "other")
ERROR_TEXT_CHARS = 300
_WORD = re.compile(r"[^\W\d_][^\W\d_'’]*")
_GENERIC_LOCATION_WORDS = frozenset(
    "airport city town village settlement district raion rayon area region oblast province republic line "  # noqa: SIM905
    "government territory north south east west eastern western northern southern near outskirts "
    "suburb centre center station railway mine camp protest border checkpoint special republican "
    "multiple locations conflict zone basin".split()
)


def _stem(word: str) -> str:
    return admin1_key(re.sub(r"['’]s?$", "", word))[0]


def _similar(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) < 5:
        return False
    common = next((k for k, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    return common >= len(short) - 2 and len(long_) - common <= 3


def location_stems(gold: dict[str, Any]) -> set[str]:
    """Stems of the capitalised, non-generic words of the gold `location` (both names of "Kiev/Kyiv")."""
    words = _WORD.findall((gold.get("location") or "").replace("/", " "))
    return {_stem(w) for w in words if w[0].isupper() and w.casefold() not in _GENERIC_LOCATION_WORDS and len(w) > 2}


def head_stems(gold: dict[str, Any]) -> set[str]:
    """Stems of the head name of the gold `location`: its first run of capitalised words, e.g. "Oktyabrske" in
    "Oktyabrske village, 20 km from Kramatorsk", "Kiev"/"Kyiv" in "Kiev/Kyiv city (Maidan ...)"."""
    heads: list[str] = []
    for token in re.findall(r"[^\W\d_][^\W\d_'’-]*|[(),;:]", (gold.get("location") or "").replace("/", " ")):
        generic = token.casefold() in _GENERIC_LOCATION_WORDS
        if token[0].isupper() and not generic:
            heads.append(token)
        elif heads and not generic:
            break
    return {_stem(w) for w in heads if len(w) > 2}


def names_place(text: str, gold: dict[str, Any]) -> str | None:
    """"location" when the text names the gold location, "admin1" when only its admin1, else None."""
    words = {_stem(w) for w in _WORD.findall(text) if len(w) > 2}
    if any(_similar(w, s) for s in location_stems(gold) for w in words):
        return "location"
    if gold.get("admin1"):
        stem = admin1_key(gold["admin1"])[0]
        if any(_similar(w, stem) for w in words):
            return "admin1"
    return None


def scored_pairs(rows: Iterable[GoldRow]) -> tuple[list[tuple[GoldRow, Document, str]], int]:
    """(gold row, document, how the text names the place) pairs to score, and how many pairs were left out."""
    pairs, skipped = [], 0
    for row in rows:
        if row.event is None or not point_scored(row):
            continue
        gold = row.event
        for document in row.documents:
            if not gold.get("location") and not gold.get("admin1"):
                pairs.append((row, document, "unknown"))
            elif named := names_place(document.text, gold):
                pairs.append((row, document, named))
            else:
                skipped += 1
    return pairs, skipped


def first_place(record: dict | None) -> dict | None:
    places = (record or {}).get("places") or []
    return places[0] if places else None


def place_km(place: dict | None, gold: dict[str, Any]) -> float | None:
    if not place or place.get("latitude") is None or place.get("longitude") is None:
        return None
    return haversine_km(place["latitude"], place["longitude"], gold["latitude"], gold["longitude"])


def error_kind(place: dict | None, gold: dict[str, Any], text: str) -> str | None:
    """None when the main place is within 25 km of the gold point, else the kind of error."""
    km = place_km(place, gold)
    if km is not None and km <= NEAR_KM:
        return None
    if place is None:
        return "missed_name"
    if (place.get("geo_precision") or 0) >= GEO_PRECISION_REGION or (place.get("feature_code") or "").startswith("PCL"):
        return "coarse"
    named = [place.get("name") or ""]
    if place.get("start") is not None and place.get("end") is not None:
        named.append(text[place["start"]:place["end"]])
    stems = head_stems(gold)
    if any(_similar(_stem(w), s) for name in named for w in _WORD.findall(name) for s in stems):
        return "wrong_homonym"
    return "other"


def score_geocode(rows: list[GoldRow], records: dict[str, dict]) -> dict[str, Any]:
    """Scores per dataset (and overall when several): records maps document id -> its `geocode --jsonl` line."""
    result: dict[str, Any] = {"task": "geocode", "datasets": {}, "notes": []}
    datasets = sorted({r.dataset for r in rows})
    for name in datasets:
        result["datasets"][name] = _score_pairs([r for r in rows if r.dataset == name], records)
    if len(datasets) > 1:
        result["datasets"]["overall"] = _score_pairs(rows, records)
    return result


def _score_pairs(rows: list[GoldRow], records: dict[str, dict]) -> dict[str, Any]:
    pairs, skipped = scored_pairs(rows)
    near = far = resolved = admin1_n = admin1_ok = 0
    near_location = location_n = 0
    distances: list[float] = []
    kinds: Counter = Counter()
    for row, document, named in pairs:
        gold = row.event or {}
        place = first_place(records.get(document.id))
        km = place_km(place, gold)
        resolved += place is not None
        if km is not None:
            distances.append(km)
            near += km <= NEAR_KM
            far += km <= FAR_KM
        if named == "location":
            location_n += 1
            near_location += km is not None and km <= NEAR_KM
        if gold.get("admin1"):
            admin1_n += 1
            admin1_ok += place is not None and admin1_same(place.get("admin1"), gold["admin1"])
        if kind := error_kind(place, gold, document.text):
            kinds[kind] += 1
    n = len(pairs)
    out: dict[str, Any] = {
        "gold_events": len({row.id for row, _, _ in pairs}),
        "documents": len({document.id for _, document, _ in pairs}),
        "pairs": n,
        "pairs_skipped": skipped,
        "within_25km": _figure(near, n),
        "within_161km": _figure(far, n),
        "admin1": _figure(admin1_ok, admin1_n),
        "resolved": _figure(resolved, n),
        "within_25km_named_location": _figure(near_location, location_n),
    }
    if distances:
        out["median_km"] = statistics.median(distances)
    out["error_kinds"] = {kind: kinds[kind] for kind in ERROR_KINDS}
    return out


def geocode_errors(rows: list[GoldRow], records: dict[str, dict], n: int) -> dict[str, list[dict]]:
    """Up to `n` wrong pairs of each kind, with the gold location and point, the main place and the text."""
    out: dict[str, list[dict]] = defaultdict(list)
    pairs, _ = scored_pairs(rows)
    for row, document, _ in pairs:
        gold = row.event or {}
        place = first_place(records.get(document.id))
        kind = error_kind(place, gold, document.text)
        if kind is None or len(out[kind]) >= n:
            continue
        km = place_km(place, gold)
        predicted = None
        if place:
            where = ", ".join(x for x in (place.get("admin1"), place.get("country")) if x)
            predicted = f"{place.get('name')} ({where}; {km:.0f} km)" if km is not None else place.get("name")
        out[kind].append({
            "id": f"{row.id}/{document.id}",
            "gold": f"{gold.get('location')} [{gold.get('admin1')}] ({gold.get('latitude')}, {gold.get('longitude')})",
            "predicted": predicted,
            "text": document.text[:ERROR_TEXT_CHARS],
        })
    return {kind: out[kind] for kind in ERROR_KINDS if out.get(kind)}


def evaluate_geocode_files(paths: list[Path], gazetteer=None, limit: int | None = None, errors_per_kind: int = 0) -> dict:
    """Geocode the documents of the scored pairs as `sitrep geocode --jsonl` does, and score their main places."""
    from ..geo import Gazetteer
    from ..geocoding import document_records

    rows, notes = load_gold(paths, limit)
    pairs, _ = scored_pairs(rows)
    documents = list({document.id: document for _, document, _ in pairs}.values())
    gazetteer = gazetteer or Gazetteer.open()
    records = {record["document_id"]: record for record in document_records(documents, gazetteer)}
    result = score_geocode(rows, records)
    result["notes"] = notes + result["notes"]
    if not pairs:
        result["notes"].append("no gold event with a point (UCDP where_prec 1-3) whose documents name a place")
    if errors_per_kind:
        result["errors"] = geocode_errors(rows, records, errors_per_kind)
    return result
