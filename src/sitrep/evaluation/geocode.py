"""`sitrep eval --task geocode`: toponym resolution alone, scored on the gold points.

The places come from `sitrep.geocoding.document_records`, the code path of `sitrep geocode --jsonl`. Scored:
every (gold event, document) pair where the gold event has a point (UCDP where_prec 1-3, a latitude and a
longitude) and the document's text names a place of the gold event. Only the FIRST place of the document's
record (its main place) is scored: within 25 km, within 161 km, admin1 right (the admin1 comparison of the
event scorer), median km over the resolved pairs, and the share of pairs with any place at all.

"The text names the place" (UCDP headlines often name none: "Ukraine says seven soldiers killed in east"):
a word of the text equals a place name of the gold `location` after the admin1 normalisation (Kiev/Kyiv,
Lugansk/Luhansk, -ska forms; see `fields.admin1_key`), a transliteration skeleton (Marinka/Maryinka) and a
changed ending of at most two letters (Debaltseve/Debaltsevo). The place names of a location are its runs
of capitalised words less generic words (City, Airport), regions and countries (Donbas, Ukraine) and the
runs that only say which admin unit holds the place ("near Pisky, Donetsk Obl", "Luhansk region",
"Lugansk People's Republic", "Mariupol direction"); a text word followed by such a unit word ("killed in
Donetsk region") names the unit, not the place. Pairs whose text names only the gold admin1 are left out
(`pairs_admin1_only`): the oblast is all such a text can give. Gold events without a location and admin1
keep all documents.

Wrong pairs (not within 25 km) are told apart as: `no_entry` (the gazetteer holds no place within 25 km of
the gold point under a name of the location or the text's spelling of it), `missed_name` (no place found),
`coarse` (the main place is a country or region: geo_precision 3 or a country feature), `wrong_homonym`
(the main place bears the head name of the gold location, see `head_stems`, but lies > 25 km away),
`person_or_org` (the main place's words lie in a PERSON or ORG entity of spaCy), `other` (another place of
the text, such as the town a gold village is "20 km from", or a common word read as a place).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ..geo.distance import distance_km
from ..geo.normalize import romanise
from ..model import GEO_PRECISION_REGION, Document
from .fields import admin1_key, admin1_same, point_scored
from .gold import GoldRow, in_split, load_gold
from .scores import _figure

if TYPE_CHECKING:
    from ..geo import Gazetteer

NEAR_KM, FAR_KM = 25.0, 161.0
ERROR_KINDS = ("missed_name", "no_entry", "wrong_homonym", "person_or_org", "coarse", "other")
ERROR_TEXT_CHARS = 300
_WORD = re.compile(r"[^\W\d_][^\W\d_'’]*")
_NAME = r"[^\W\d_]+(?:['’-][^\W\d_]+)*"
_TOKEN = re.compile(rf"{_NAME}|[^\w\s]|\d+")
_POSSESSIVE = re.compile(r"['’]s$")
# A word after a name that makes it the name of an area, not of a point ("Donetsk Obl", "Luhansk sector"),
# also romanised and inflected ("Kharkivskii oblasti", "Bakhmutskoho raionu", "hromady").
_UNIT_WORD = re.compile(
    r"(obl|oblast\w*|region|regions|district|raion\w*|rayon\w*|hromad\w*|republic|people['’]s|province|sector|"
    r"direction)$",
    re.IGNORECASE,
)
_GENERIC_LOCATION_WORDS = frozenset(
    "airport city town village settlement district raion rayon area region oblast province republic line "
    "government territory north south east west eastern western northern southern near outskirts "
    "suburb centre center station railway mine camp protest border checkpoint special republican "
    "multiple locations conflict zone basin highway road monument "
    # regions, countries and acronyms that never name a point
    "donbas donbass ukraine russia dpr lpr ato jfo livemap".split()
)


def _stem(word: str) -> str:
    return _skeleton(admin1_key(re.sub(r"['’]s?$", "", word))[0])


def _skeleton(stem: str) -> str:
    """What transliterations of one name share: Marinka/Maryinka, Avdiivka/Avdiyivka, Shchastia/Shchastya."""
    stem = stem.replace("'", "").replace("y", "i").replace("j", "i")
    return re.sub(r"(.)\1+", r"\1", stem)


def _similar(a: str, b: str) -> bool:
    """The same name but for a changed ending of at most two letters (Debaltseve/Debaltsevo), never a mere
    shared start ("Donbas" is not "Donetsk")."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) < 5:
        return False
    common = next((k for k, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    return common >= max(4, len(short) - 2) and len(long_) - common <= 3


def _name_runs(text: str) -> list[tuple[list[str], bool]]:
    """Runs of capitalised, non-generic words, each with whether it qualifies an admin unit ("Donetsk Obl",
    "Luhansk region", "Lugansk People's Republic", "Mariupol direction"): such a run names the area, not a
    place in it. Punctuation and a possessive end a run ("Donetsk’s Petrovsky district" names Donetsk)."""
    runs: list[tuple[list[str], bool]] = []
    current: list[str] = []

    def close(following: str) -> None:
        if current:
            runs.append((list(current), bool(_UNIT_WORD.match(following)) and not _POSSESSIVE.search(current[-1])))
            current.clear()

    for token in _TOKEN.findall(text.replace("/", " ")):
        bare = _POSSESSIVE.sub("", token).casefold()
        if token[0].isupper() and len(token) > 2 and bare not in _GENERIC_LOCATION_WORDS \
                and not _UNIT_WORD.match(token):
            current.append(token)
            if _POSSESSIVE.search(token):
                close("")
        else:
            close(token)
    close("")
    return runs


def location_stems(gold: dict[str, Any]) -> set[str]:
    """Stems of the place names of the gold `location` (both names of "Kiev/Kyiv"), less the names of the
    admin units, regions and countries that only say where it lies ("near Pisky, Donetsk Obl" -> Pisky)."""
    return {_stem(w) for words, qualifier in _name_runs(gold.get("location") or "") if not qualifier for w in words}


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


def text_place_stems(text: str) -> set[str]:
    """Stems of the words of a text that may name a place: not those naming an admin unit ("Donetsk region").
    Cyrillic is read romanised: "у Мелітополі" names Melitopol (an ending of at most two letters changed)."""
    words = re.findall(_NAME, romanise(text))
    return {
        _stem(w) for i, w in enumerate(words)
        if len(w) > 2 and not (i + 1 < len(words) and _UNIT_WORD.match(words[i + 1]))
    }


def names_place(text: str, gold: dict[str, Any]) -> str | None:
    """"location" when the text names the gold location, "admin1" when only its admin1 (the pair is then
    left out: "killed in Donetsk region" does not name the village UCDP placed it in), else None."""
    words = text_place_stems(text)
    if any(_similar(w, s) for s in location_stems(gold) for w in words):
        return "location"
    if gold.get("admin1"):
        stem = _skeleton(admin1_key(gold["admin1"])[0])
        if any(_similar(_stem(w), stem) for w in _WORD.findall(romanise(text)) if len(w) > 2):
            return "admin1"
    return None


Pair = tuple[GoldRow, Document, str]


def scored_pairs(rows: Iterable[GoldRow]) -> tuple[list[Pair], list[Pair]]:
    """(gold row, document, how the text names the place) pairs to score, and the pairs left out with why:
    "admin1" (the text names only the region of the place) or "none"."""
    pairs, left_out = [], []
    for row in rows:
        if row.event is None or not point_scored(row):
            continue
        gold = row.event
        for document in row.documents:
            if not gold.get("location") and not gold.get("admin1"):
                pairs.append((row, document, "unknown"))
            elif (named := names_place(document.text, gold)) == "location":
                pairs.append((row, document, named))
            else:
                left_out.append((row, document, named or "none"))
    return pairs, left_out


def first_place(record: dict | None) -> dict | None:
    places = (record or {}).get("places") or []
    return places[0] if places else None


def place_km(place: dict | None, gold: dict[str, Any]) -> float | None:
    if not place or place.get("latitude") is None or place.get("longitude") is None:
        return None
    return distance_km(place["latitude"], place["longitude"], gold["latitude"], gold["longitude"])


@dataclass(frozen=True)
class PairFacts:
    """What tells error kinds apart beyond the main place: does the gazetteer hold the gold place under a
    name of the gold location or of the text, and which spans of the text name people or organisations."""

    has_entry: bool = True
    non_place_spans: tuple[tuple[int, int], ...] = ()


def error_kind(place: dict | None, gold: dict[str, Any], text: str, facts: PairFacts = PairFacts()) -> str | None:
    """None when the main place is within 25 km of the gold point, else the kind of error."""
    km = place_km(place, gold)
    if km is not None and km <= NEAR_KM:
        return None
    if not facts.has_entry:
        return "no_entry"
    if place is None:
        return "missed_name"
    if (place.get("geo_precision") or 0) >= GEO_PRECISION_REGION or (place.get("feature_code") or "").startswith("PCL"):
        return "coarse"
    named = [place.get("name") or ""]
    start, end = place.get("start"), place.get("end")
    if start is not None and end is not None:
        named.append(romanise(text[start:end]))
    stems = head_stems(gold)
    if any(_similar(_stem(w), s) for name in named for w in _WORD.findall(name) for s in stems):
        return "wrong_homonym"
    if start is not None and end is not None and any(s < end and start < e for s, e in facts.non_place_spans):
        return "person_or_org"
    return "other"


def location_names(gold: dict[str, Any], text: str) -> list[str]:
    """The names under which a gazetteer may hold the gold place: the place-name runs of the gold location,
    their words, and the words of the text that match them (with the word after: "Stanytsia Luhanska")."""
    names = []
    for words, qualifier in _name_runs(gold.get("location") or ""):
        if not qualifier:
            names += [" ".join(words), *words]
    stems = location_stems(gold)
    words = re.findall(_NAME, text)
    for i, word in enumerate(words):
        # a Cyrillic word is compared romanised and looked up as written
        if len(word) > 2 and any(_similar(_stem(romanise(word)), s) for s in stems):
            names += [word, " ".join(words[i:i + 2])]
    return list(dict.fromkeys(re.sub(r"['’]s$", "", n) for n in names))


def pair_facts(gazetteer: Gazetteer, pairs: list[Pair]) -> dict[tuple[str, str], PairFacts]:
    """PairFacts of every pair: gazetteer look-ups of the location names, spaCy's PERSON/ORG spans."""
    from ..nlp import entity_spans, load_nlp

    texts = {document.id: document.text for _, document, _ in pairs}
    found_in: dict[str, list[tuple[int, int]]] = {doc_id: [] for doc_id in texts}
    for (doc_id, _), found in entity_spans(load_nlp(), ((t, (d, 0)) for d, t in texts.items())):
        found_in[doc_id].extend((s, e) for s, e, label, _ in found if label in ("PERSON", "ORG"))  # a long text comes in parts
    spans = {doc_id: tuple(found) for doc_id, found in found_in.items()}
    facts = {}
    for row, document, _ in pairs:
        gold = row.event or {}
        has_entry = any(
            distance_km(e.lat, e.lon, gold["latitude"], gold["longitude"]) <= NEAR_KM
            for name in location_names(gold, document.text) for e in gazetteer.lookup(name) if e.lat is not None and e.lon is not None
        )
        facts[(row.id, document.id)] = PairFacts(has_entry, spans.get(document.id, ()))
    return facts


def score_geocode(rows: list[GoldRow], records: dict[str, dict], facts: dict | None = None) -> dict[str, Any]:
    """Scores per dataset (and overall when several): records maps document id -> its `geocode --jsonl` line;
    facts ((gold id, document id) -> PairFacts) refine the error kinds."""
    result: dict[str, Any] = {"task": "geocode", "datasets": {}, "notes": []}
    datasets = sorted({r.dataset for r in rows})
    for name in datasets:
        result["datasets"][name] = _score_pairs([r for r in rows if r.dataset == name], records, facts or {})
    if len(datasets) > 1:
        result["datasets"]["overall"] = _score_pairs(rows, records, facts or {})
    return result


def _score_pairs(rows: list[GoldRow], records: dict[str, dict], facts: dict) -> dict[str, Any]:
    pairs, left_out = scored_pairs(rows)
    region_only = [(row, document) for row, document, why in left_out if why == "admin1"]
    near = far = resolved = admin1_n = admin1_ok = 0
    distances: list[float] = []
    kinds: Counter = Counter()
    for row, document, _ in pairs:
        gold = row.event or {}
        place = first_place(records.get(document.id))
        km = place_km(place, gold)
        resolved += place is not None
        if km is not None:
            distances.append(km)
            near += km <= NEAR_KM
            far += km <= FAR_KM
        if gold.get("admin1"):
            admin1_n += 1
            admin1_ok += place is not None and admin1_same(place.get("admin1"), gold["admin1"])
        if kind := error_kind(place, gold, document.text, facts.get((row.id, document.id), PairFacts())):
            kinds[kind] += 1
    n = len(pairs)
    out: dict[str, Any] = {
        "gold_events": len({row.id for row, _, _ in pairs}),
        "documents": len({document.id for _, document, _ in pairs}),
        "pairs": n,
        "pairs_skipped": len(left_out),
        "pairs_admin1_only": len(region_only),
        "within_25km": _figure(near, n),
        "within_161km": _figure(far, n),
        "admin1": _figure(admin1_ok, admin1_n),
        "resolved": _figure(resolved, n),
    }
    # the texts that name only the region: is their main place in it? (not a point: diagnosis only)
    out["admin1_only_admin1"] = _figure(sum(
        1 for row, document in region_only
        # scored_pairs leaves out only rows with a gold event
        if (place := first_place(records.get(document.id))) and admin1_same(place.get("admin1"), cast(dict, row.event)["admin1"])
    ), len(region_only))
    if distances:
        out["median_km"] = statistics.median(distances)
    out["error_kinds"] = {kind: kinds[kind] for kind in ERROR_KINDS}
    return out


def geocode_errors(
    rows: list[GoldRow], records: dict[str, dict], n: int, facts: dict | None = None
) -> dict[str, list[dict]]:
    """Up to `n` wrong pairs of each kind, with the gold location and point, the main place and the text."""
    out: dict[str, list[dict]] = defaultdict(list)
    pairs, _ = scored_pairs(rows)
    for row, document, _ in pairs:
        gold = row.event or {}
        place = first_place(records.get(document.id))
        kind = error_kind(place, gold, document.text, (facts or {}).get((row.id, document.id), PairFacts()))
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


def evaluate_geocode_files(
    paths: list[Path], gazetteer: Gazetteer | None = None, limit: int | None = None, errors_per_kind: int = 0, split: str | None = None
) -> dict:
    """Geocode the documents of the scored pairs as `sitrep geocode --jsonl` does, and score their main places;
    with `split` ("tune" or "check"), only that half of the gold rows."""
    from ..geo import Gazetteer
    from ..geocoding import document_records

    rows, notes = load_gold(paths, limit)
    rows = in_split(rows, split)
    pairs, left_out = scored_pairs(rows)
    region_only = [(row, document, why) for row, document, why in left_out if why == "admin1"]
    documents = list({document.id: document for _, document, _ in pairs + region_only}.values())
    gazetteer = gazetteer or Gazetteer.open()
    records = {record["document_id"]: record for record in document_records(documents, gazetteer)}
    facts = pair_facts(gazetteer, pairs)
    result = score_geocode(rows, records, facts)
    result["notes"] = notes + result["notes"]
    if not pairs:
        result["notes"].append("no gold event with a point (UCDP where_prec 1-3) whose documents name a place")
    if errors_per_kind:
        result["errors"] = geocode_errors(rows, records, errors_per_kind, facts)
    return result
