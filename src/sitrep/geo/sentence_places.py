"""Namesakes settled by what their sentence says beside them: a village "north of Kherson" is the one near
Kherson, a village of a sentence that names the Kherson region lies in it, and in Russian and Ukrainian a
village named beside a town ("у Калинівці під Києвом") is the one near that town. Where the gazetteer has no
such namesake, the name is left unplaced, so the event stands at the landmark or the province the sentence
names, not at a namesake across the country."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from sitrep.geo.candidates import RELATIVE_BEFORE, Candidate, sentence_starts
from sitrep.geo.disambiguate import BIG_CITY, VILLAGE, Option
from sitrep.geo.distance import distance_km
from sitrep.geo.gazetteer import GazetteerEntry
from sitrep.geo.normalize import normalise
from sitrep.geo.wordlists import aliases
from sitrep.model import GEO_PRECISION_NEAR

NEIGHBOUR_KM = 60  # a village this near a place its sentence names is that place's namesake meant


def beside_the_sentence_places(
    candidates: list[Candidate], options: list[list[Option]], chosen: list[Option | None]
) -> list[Option | None]:
    """"у Калинівці під Києвом", "склад у Павлівці на підступах до Вугледара": of the towns a name may be, the
    one beside a town its sentence names beyond doubt (the only town of its name, or a city), when the one
    chosen lies far from every such town. Russian and Ukrainian texts name many villages of shared names."""
    out = list(chosen)
    # a village moved as far from its sentence's towns is no town to steer the others by ("біля Торецька,
    # Щербинівки, X та Y", X and Y read as towns of two other provinces): asked again until none is moved
    while True:
        moved = False
        for i, (cand, option) in enumerate(zip(candidates, out)):
            if option is None or cand.unit or option.entry.feature_class != "P":
                continue
            # (the towns nearest in the text first)
            sure = {j: town for j, other in enumerate(candidates) if j != i and other.sentence == cand.sentence
                    and (town := _sure_town(out[j], options[j])) is not None}
            beside = sorted(sure, key=lambda j: abs(j - i))
            anchors = [sure[j].entry for j in beside]
            if not anchors or any(_km(option.entry, a) <= NEIGHBOUR_KM for a in anchors):
                continue
            near = [o for o in options[i] if o.entry.feature_class == "P"
                    and any(_km(o.entry, a) <= NEIGHBOUR_KM for a in anchors)]
            if near:
                out[i] = max(near, key=lambda o: o.entry.population)
            elif (cand.relative or any(candidates[j].relative for j in beside)) and _a_far_namesake(option.entry, anchors):
                # a front's report ("біля", "в районі", "на напрямку"), not a list of strikes ("по Горлівці та
                # Скадовську", whose last lies in another province): near the town named nearest to it, so that a
                # list it stands in stays one (`place_lists` joins the places of a list named one after another)
                out[i], moved = Option(anchors[0], GEO_PRECISION_NEAR), True
        if not moved:
            return out


FAR_NAMESAKE_TOWN = 20_000  # a town smaller than this may share its name with villages the gazetteer lacks
FAR_KM = 150  # a village this far from the towns its sentence names beside it is no neighbour of theirs


def _a_far_namesake(entry: GazetteerEntry, anchors: list[GazetteerEntry]) -> bool:
    """"бої біля Торецька та біля Дачного" (the Dachne the gazetteer has lies in Odesa Oblast): a village named beside
    towns of one province, read as a namesake of another far from them all, is a village of theirs the gazetteer
    lacks; better near the towns named than across the country. Not when the towns lie in several provinces (a
    list of strikes across the country) or are capitals (named for their governments)."""
    towns = [a for a in anchors if a.feature_code != "PPLC"]
    return (entry.population < FAR_NAMESAKE_TOWN and len(towns) == len(anchors)
            and len({a.admin1_code for a in towns}) == 1 and entry.admin1_code != towns[0].admin1_code
            and all(_km(entry, a) > FAR_KM for a in towns))


LANDMARK_TOWN = 10_000  # a town a text can steer by is this big, or the only one of its name
# what may stand between a name and its landmark's "north of", "near": a comma or an opening bracket ("Kamianka
# (south of Belgorod)"), and a distance
_BEFORE_LANDMARK = re.compile(
    r"\s*[,(]?\s*(?:(?:about|some|just|roughly)\s+)?(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?", re.IGNORECASE
)


def beside_their_landmarks(
    text: str, candidates: list[Candidate], options: list[list[Option]], chosen: list[Option | None]
) -> list[Option | None]:
    """"the village of Ivanivka, north of Kherson", "Pisky near Donetsk": a name told by a landmark town is the
    place of that name near it. When the gazetteer has none near it (a village too small for it), the
    name is dropped, so the event stands "near" the landmark rather than at a namesake across the country. A
    sentence that opens on a town ("In Sevastopol, ... a house in the village of Lyubimovka") sets the scene
    of the villages it names: that town is their landmark."""
    out = list(chosen)
    told: dict[str, Option | None] = {}  # the names a landmark told, and where (None: at none of its namesakes)
    scenes = _scenes(text, candidates)
    provinces = {o.entry.admin1_code for o in chosen if o is not None and o.entry.feature_code == "ADM1"}
    for i, (cand, option) in enumerate(zip(candidates, chosen)):
        if cand.unit or option is None or option.entry.feature_class != "P":
            continue
        j = _landmark_of(text, candidates, i, scenes)
        if j is None or j != i + 1 and option.entry.population >= VILLAGE:
            continue  # (a town is itself, whatever town its sentence opens on)
        # "Tver, north-west of Moscow": a city is itself, however far its landmark, unless a namesake lies by the
        # landmark ("Shevchenko (south of Pokrovsk)" is the village there, not a city of that name elsewhere); a
        # village is the one near it, even when the gazetteer has no other village of its name (a small namesake
        # far away is no such village, only one the gazetteer has)
        city = _sure_town(option, options[i]) is not None and option.entry.population >= VILLAGE
        # (a small town of a shared name steers too when the text names its province: "Fighting went on in Kursk
        # Oblast ... near Lyubimovka (south of Korenevo)", a Korenevo lying in Moscow Oblast as well)
        anchor = _sure_town(chosen[j], options[j], LANDMARK_TOWN) or _in_a_province_named(chosen[j], provinces)
        if anchor is None or not _same_side(anchor.entry.iso, option.entry.iso):
            # (a landmark abroad is a misreading: "near the Church of St Andrew" is no English village; but a war's
            # countries face each other: "Kamianka (south of Belgorod)" is no village of central Ukraine)
            continue
        if j != i + 1 and anchor.entry.feature_code == "PPLC":
            continue  # "In Kyiv, Zelensky said ... the village of X": the capital is where it was said
        reach = max(NEIGHBOUR_KM, _stated_km(text[cand.end:candidates[j].start]) * STATED_SLACK) if j == i + 1 else NEIGHBOUR_KM
        if _km(option.entry, anchor.entry) > reach:
            near = [o for o in options[i] if o.entry.feature_class == "P" and o.entry.is_main
                    and _km(o.entry, anchor.entry) <= reach]
            if city and not near:
                continue
            out[i] = max(near, key=lambda o: o.entry.population) if near else None
        told[normalise(cand.name)] = out[i]
    return _where_told(candidates, options, out, told)


STATED_SLACK = 1.5  # a distance a text states ("100 km south-west of Donetsk") is by road or rounded
_DISTANCE = re.compile(r"(\d+(?:\.\d+)?)\s*(km|kilomet|mi)", re.IGNORECASE)


def _same_side(a: str | None, b: str | None) -> bool:
    """One country, or two at war with each other (geo_aliases.yaml wars), whose border a landmark may stand
    across from its village."""
    return a == b or any(a in countries and b in countries for countries, _ in aliases().wars)


def _stated_km(gap: str) -> float:
    """The distance the words between a name and its landmark state ("80km", "50 miles"), in km; 0 when none."""
    found = _DISTANCE.search(gap)
    if found is None:
        return 0.0
    return float(found.group(1)) * (1.609 if found.group(2).lower() == "mi" else 1.0)


# "In Sevastopol, the governor said ...": a sentence opened by a town and a comma is set in it
_SCENE_BEFORE = re.compile(r"\s*(?:In|At)\s+")


def _scenes(text: str, candidates: list[Candidate]) -> dict[int, int]:
    """The sentences that open on a town ("In Sevastopol, ..."), each with the index of that town's candidate."""
    starts = sentence_starts(text)
    scenes = {}
    for i, cand in enumerate(candidates):
        if (cand.sentence not in scenes and not cand.unit and text.startswith(",", cand.end)
                and _SCENE_BEFORE.fullmatch(text, starts[cand.sentence], cand.start)):
            scenes[cand.sentence] = i
    return scenes


def _landmark_of(text: str, candidates: list[Candidate], i: int, scenes: dict[int, int]) -> int | None:
    """The candidate that tells where the village i lies: the next, when the words between say how it lies from
    it ("Ivanivka, north of Kherson"); else the town its sentence opens on, for a village called one."""
    cand = candidates[i]
    if i + 1 < len(candidates) and candidates[i + 1].relative and _told_by_landmark(text[cand.end:candidates[i + 1].start]):
        return i + 1
    scene = scenes.get(cand.sentence)
    if not cand.settlement or scene is None or scene > i:
        return None
    # a province the sentence names says where its villages lie (`inside_the_sentence_regions`)
    return None if any(c.sentence == cand.sentence and c.unit == "admin1" and c.known for c in candidates) else scene


def _where_told(
    candidates: list[Candidate], options: list[list[Option]], chosen: list[Option | None],
    told: dict[str, Option | None],
) -> list[Option | None]:
    """A name its landmark told once ("Serhiivka, 50km south of Odesa") is that place wherever else the text
    names it bare ("the double missile strike in Serhiivka"), not the namesake the name alone gives; a name its
    landmark told to be none of the gazetteer's ("Lyubimovka (south of Korenevo)", whose only namesake lies
    across the border) is none of them bare either ("advanced near Lyubimovka")."""
    out = list(chosen)
    for i, (cand, option) in enumerate(zip(candidates, chosen)):
        name = normalise(cand.name)
        if name not in told or option is None or cand.unit:
            continue
        placed = told[name]
        out[i] = None if placed is None else next(
            (o for o in options[i] if o.entry.geonameid == placed.entry.geonameid), option)
    return out


def as_the_body_reads_them(
    candidates: list[Candidate], options: list[list[Option]], chosen: list[Option | None]
) -> list[Option | None]:
    """"В Удачном погибла пенсионерка" over "обстреляли Удачное Покровского района": a name of the first
    sentence (a headline) is the place the rest of the text reads the same name as, when it reads it as one
    place only and that is one of the name's readings: the body says more of it than the headline."""
    body: dict[str, set[int | None]] = {}
    for cand, option in zip(candidates, chosen):
        if cand.sentence > 0 and option is not None and not cand.unit and option.entry.feature_class == "P":
            for name in _names(cand):  # (a town: "the Kharkiv region" is no reading of the headline's "Kharkiv")
                body.setdefault(name, set()).add(option.entry.geonameid)
    return _read_as(candidates, options, chosen, body, lambda cand, option: cand.sentence == 0 and not cand.unit)


def as_its_province_places_it(
    candidates: list[Candidate], options: list[list[Option]], chosen: list[Option | None]
) -> list[Option | None]:
    """"Russian bomb kills three in Ukraine's Zolochiv" ... "the town of Zolochiv in the Kharkiv region": where the
    text names a town's province beside it (its parent, or a province its sentence names) and reads the name as one
    place there, every bare mention of the name is that place (not the bigger Zolochiv of Lviv Oblast)."""
    provinces: dict[int, set[str]] = {}
    for cand, option in zip(candidates, chosen):
        if cand.unit == "admin1" and option is not None and option.entry.admin1_code:
            provinces.setdefault(cand.sentence, set()).add(option.entry.admin1_code)
    held: dict[str, set[int | None]] = {}
    for cand, option in zip(candidates, chosen):
        if option is None or cand.unit or option.entry.feature_class != "P":
            continue
        if cand.parent is not None or option.entry.admin1_code in provinces.get(cand.sentence, ()):
            for name in _names(cand):
                held.setdefault(name, set()).add(option.entry.geonameid)
    return _read_as(candidates, options, chosen, held, lambda cand, option: cand.parent is None and not cand.unit and (
        option.entry.admin1_code not in provinces.get(cand.sentence, ())))


def _read_as(
    candidates: list[Candidate], options: list[list[Option]], chosen: list[Option | None],
    readings: dict[str, set[int | None]], follows: Callable[[Candidate, Option], bool],
) -> list[Option | None]:
    """Each mention that `follows` the text's readings of its name (geonameids by name) reads it as they do, when
    they are one place and one of the mention's own readings."""
    out = list(chosen)
    for i, (cand, option) in enumerate(zip(candidates, chosen)):
        if option is None or not follows(cand, option):
            continue
        read = set().union(*(readings.get(name, set()) for name in _names(cand)))
        if len(read) == 1 and option.entry.geonameid not in read:
            out[i] = next((o for o in options[i] if o.entry.geonameid in read), option)
    return out


def in_the_region_told(
    candidates: list[Candidate], options: list[list[Option]], chosen: list[Option | None]
) -> list[Option | None]:
    """"контратаки под Новоандреевкой" in a headline, "под Новоандреевкой Запорожской области" in the body: a name
    the text places in a province where the gazetteer has no village of it is no namesake of another province where
    it stands bare either (the headline's was the Novoandreyevka of Crimea): better the province than far away."""
    regions: dict[str, set[str]] = {}
    for cand, option in zip(candidates, chosen):
        parent = chosen[cand.parent] if cand.parent is not None else None
        if option is None and not cand.unit and parent is not None and parent.entry.admin1_code:
            for name in _names(cand):
                regions.setdefault(name, set()).add(parent.entry.admin1_code)
    out = list(chosen)
    for i, (cand, option) in enumerate(zip(candidates, chosen)):
        if cand.parent is not None or cand.unit or option is None or option.entry.feature_class != "P":
            continue
        told = set().union(*(regions.get(name, set()) for name in _names(cand)))
        if told and option.entry.admin1_code not in told:
            out[i] = None
    return out


def along_the_border_told(
    text: str, candidates: list[Candidate], options: list[list[Option]], chosen: list[Option | None]
) -> list[Option | None]:
    """"a drone hit a house in Zolochiv, about 15 km from the Russian border": a town whose sentence places it by a
    border (geo_aliases.yaml borders) is its namesake in a province along that border, when it has one."""
    starts = sentence_starts(text) + [len(text)]
    along: dict[int, frozenset[str]] = {}  # sentence -> the provinces along the borders it names
    out = list(chosen)
    for i, (cand, option) in enumerate(zip(candidates, chosen)):
        if cand.unit or option is None or option.entry.feature_class != "P":
            continue
        if cand.sentence not in along:
            sentence = text[starts[cand.sentence]:starts[cand.sentence + 1]].casefold()
            along[cand.sentence] = frozenset().union(
                *(provinces for words, provinces in aliases().borders if any(w in sentence for w in words)))
        provinces = along[cand.sentence]
        if not provinces or option.entry.admin1_code in provinces:
            continue
        there = [o for o in options[i] if o.entry.feature_class == "P" and o.entry.admin1_code in provinces]
        if there:
            out[i] = max(there, key=lambda o: o.entry.population)
    return out


def _names(cand: Candidate) -> set[str]:
    return {normalise(name) for name in (cand.name, *cand.other_names)}


def inside_the_sentence_regions(
    candidates: list[Candidate], options: list[list[Option]], chosen: list[Option | None]
) -> list[Option | None]:
    """"took back two villages in the north of the Kherson region, Andriivka and Lozove": a village whose sentence
    names provinces of its country is in one of them. When the gazetteer has no village of that name there (too
    small for it), the name is dropped, so the event stands in the province the sentence names rather than at a
    namesake of another province. Only a province named as such counts: "in Donbas" is too wide to say which
    village is meant. A province across a border says nothing of a village of the other country, unless the village
    is read only under another language's spelling ("positions in Kursk Oblast ... near Olgovka", a Ukrainian
    Olhivka's Russian spelling): then it is one of the province named that the gazetteer lacks."""
    out = list(chosen)
    for i, (cand, option) in enumerate(zip(candidates, chosen)):
        if cand.unit or option is None or option.entry.feature_class != "P" or option.entry.population >= VILLAGE:
            continue  # (a town is known beyond its province: "Lyman" beside "near Kupiansk in the Kharkiv region")
        named = {code for j, other in enumerate(chosen) if other is not None and j != i
                 and candidates[j].sentence == cand.sentence and other.entry.feature_code == "ADM1"
                 and (code := other.entry.admin1_code) is not None}
        area = _areas(named)
        if not named or _area(option.entry.admin1_code) & area:
            continue
        if option.entry.is_main and any(code.split(".")[0] != option.entry.iso for code in named):
            continue  # ("a village in Kursk region and Ivanivka" across a border says nothing of Ivanivka)
        inside = [o for o in options[i] if _area(o.entry.admin1_code) & area and o.entry.feature_class == "P"]
        out[i] = max(inside, key=lambda o: o.entry.population) if inside else None
    return out


def _area(admin1_code: str | None) -> set[str]:
    """A first-level unit, and the unit around it when it is a city (Sevastopol: itself and Crimea)."""
    if admin1_code is None:
        return set()
    around = aliases().admin1_around.get(admin1_code)
    return {admin1_code, around} if around else {admin1_code}


def _areas(codes: set[str]) -> set[str]:
    return set().union(*(_area(code) for code in codes))


def _told_by_landmark(gap: str) -> bool:
    """The words between a name and the next are ", north of", " near", ", 30 km west of"."""
    relation = RELATIVE_BEFORE.search(gap) if len(gap) <= 60 else None
    return relation is not None and bool(_BEFORE_LANDMARK.fullmatch(gap, 0, relation.start()))


def _in_a_province_named(option: Option | None, provinces: set[str | None]) -> Option | None:
    """The town chosen for a name, when it lies in a province the text names as such."""
    if option is None or option.entry.feature_class != "P" or option.entry.admin1_code not in provinces:
        return None
    return option


def _sure_town(option: Option | None, options: list[Option], big: int = BIG_CITY) -> Option | None:
    """The town chosen for a name, when no other town may be meant by it: its only one, or one of `big` people
    (a city; for a landmark to steer by, a town of some size)."""
    if option is None or option.entry.feature_class != "P":
        return None
    only = len({o.entry.geonameid for o in options}) == 1
    return option if only or option.entry.population >= big else None


def _km(a: GazetteerEntry, b: GazetteerEntry) -> float:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    return distance_km(a.lat, a.lon, b.lat, b.lon)
