"""Toponym resolution: every place a text names, as `Place`s with the span that names it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from sitrep.geo.candidates import (
    RELATIVE_BEFORE,
    WORD_START_CAPITAL,
    Candidate,
    find_candidates,
    sentence_starts,
    under_their_headings,
)
from sitrep.geo.cyrillic import UKRAINE, cyrillic_candidates, home_first, where_the_war_is
from sitrep.geo.disambiguate import DocumentContext, Option, choose
from sitrep.geo.gazetteer import Gazetteer, GazetteerEntry
from sitrep.geo.metonymy import not_where_it_happened
from sitrep.geo.normalize import CITY_UNIT_WORDS, consonant_key, normalise
from sitrep.geo.sentence_places import (
    along_the_border_told,
    as_its_province_places_it,
    as_the_body_reads_them,
    beside_the_sentence_places,
    beside_their_landmarks,
    in_the_region_told,
    inside_the_sentence_regions,
)
from sitrep.geo.wordlists import aliases, city_district_key, district_key, stopwords
from sitrep.language import is_cyrillic_text, written_in_ukrainian
from sitrep.model import GEO_PRECISION_NEAR, GEO_PRECISION_REGION, Place

FUZZY_THRESHOLD = 85.0
FUZZY_SURE = 92.0  # a ratio from which a near-miss is the name misspelt, whatever its consonants
_CUE_WORD = re.compile(rf"{WORD_START_CAPITAL}[A-Z]{{1,4}}\b")  # r"\b[A-Z]{2,5}\b", the capital first (see there)


def find_places(
    text: str,
    gazetteer: Gazetteer,
    *,
    exclude_spans: Sequence[tuple[int, int]] = (),
    country_hint: str | None = None,
    person_spans: Sequence[tuple[int, int]] = (),
    maybe_places: Sequence[tuple[int, int]] = (),
) -> list[Place]:
    """Every place named in `text`, in document order, each with the span of its mention.

    exclude_spans: person/organisation spans found by NER; they win over gazetteer hits.
    country_hint: ISO code of the country the document is about, when the caller knows it.
    person_spans: people's names found by NER: their surnames are no place anywhere in the text.
    maybe_places: those of exclude_spans that may still be a town the NER model misread (`nlp.may_be_a_place`).
    """
    return _resolve(text, gazetteer, exclude_spans, country_hint, person_spans, maybe_places)[0]


def _resolve(
    text: str, gazetteer: Gazetteer, exclude_spans: Sequence[tuple[int, int]], country_hint: str | None,
    person_spans: Sequence[tuple[int, int]] = (), maybe_places: Sequence[tuple[int, int]] = (),
) -> tuple[list[Place], DocumentContext]:
    cues = _cue_admin1(text)
    cyrillic = is_cyrillic_text(text)
    misread: set[tuple[int, int]] = set()  # NER names that are towns word for word (English only)
    if cyrillic:
        # Russian and Ukrainian: names in their dictionary form; the English NER spans say nothing here
        candidates = under_their_headings(text, cyrillic_candidates(text, lambda name, unit: _is_known_as(gazetteer, name, unit)))
        ukrainian = written_in_ukrainian(text)
        options = [home_first(_options(gazetteer, cand), ukrainian) for cand in candidates]
    else:
        misread = _places_read_as_names(text, maybe_places, gazetteer)
        exclude_spans = [span for span in exclude_spans if span not in misread]
        person_spans = [span for span in person_spans if span not in misread]
        candidates = under_their_headings(text, find_candidates(text, gazetteer.knows, exclude_spans, person_spans))
        candidates = [_power_plant_town(text, cand) for cand in candidates]
        options = [_options(gazetteer, cand) for cand in candidates]
    at_war = _wars_by_sentence(text, candidates)
    if misread:
        options = _home_places_only(candidates, options, misread, country_hint, cues, at_war)
    # a district many cities have votes for no country: "the Kievsky district of Donetsk" is not near Moscow
    voting = [[] if _many_cities_district(cand) else opts for cand, opts in zip(candidates, options)]
    context = DocumentContext.build(candidates, voting, country_hint, cues, at_war)
    if cyrillic:  # a namesake far from the war needs the document's support ("в Удачном" is no town in Yakutia)
        options = [where_the_war_is(opts, context) for opts in options]

    person_words = _person_words(text, exclude_spans)
    chosen: list[Option | None] = [None] * len(candidates)
    # parents (named after their children) first, so a child can be held inside its parent
    for i in sorted(range(len(candidates)), key=lambda i: candidates[i].parent is None, reverse=True):
        cand = candidates[i]
        parent = chosen[cand.parent] if cand.parent is not None else None
        parent_admin1 = parent.entry.admin1_code if parent else None
        chosen[i] = choose(cand, _in_the_district(options[i], parent), context, parent_admin1)
        if chosen[i] is None and not cand.known and normalise(cand.name) not in person_words:
            chosen[i] = _fuzzy_option(gazetteer, cand, context, parent_admin1)

    chosen = _in_the_town_told_of(candidates, chosen)
    if cyrillic:
        chosen = beside_the_sentence_places(candidates, options, chosen)
    else:
        chosen = beside_their_landmarks(text, candidates, options, chosen)
    chosen = inside_the_sentence_regions(candidates, options, chosen)
    chosen = along_the_border_told(text, candidates, options, chosen)
    chosen = as_the_body_reads_them(candidates, options, chosen)
    chosen = as_its_province_places_it(candidates, options, chosen)
    chosen = in_the_region_told(candidates, options, chosen)
    # (whether each candidate owns the next as a town of its own: "Gaza's Nuseirat")
    owns = [_a_town_of_its_own(text, candidates[i], chosen[i], candidates[i + 1], chosen[i + 1])
            for i in range(len(candidates) - 1)] + [False]
    places = []
    for i, (cand, option) in enumerate(zip(candidates, chosen)):
        part = i > 0 and not owns[i - 1] and _part_of_a_town(text, candidates[i - 1], chosen[i - 1], cand)
        if option is not None and not owns[i] and not part:
            places.append(_to_place(gazetteer, cand, option))
    if told := _the_capital_told(text, gazetteer, context.dominant_country):
        places = sorted(places + told, key=lambda p: p.start or 0)
    return places, context


def _the_capital_told(text: str, gazetteer: Gazetteer, country: str | None) -> list[Place]:
    """"Eight were killed in the capital": the capital of the country the text is about, wherever words for it
    stand; near it after "south-east of" (as "south-east of Kyiv" would be)."""
    if country is None:
        return []
    said = list(_the_capital().finditer(text))
    capital = gazetteer.capital(country) if said else None
    if capital is None:
        return []
    return [capital.to_place(m.start(), m.end(), GEO_PRECISION_NEAR if RELATIVE_BEFORE.search(
        text, max(0, m.start() - _RELATIVE_REACH), m.start()) else None) for m in said]


_RELATIVE_REACH = 60  # how far before "the capital" its "20 km south of" may begin


@lru_cache(maxsize=1)
def _the_capital() -> re.Pattern:
    """"killed in the capital", "у столиці": words for the capital of the country told of (geo_aliases.yaml
    capital_words), where no name follows to say which place ("the capital, Kyiv", "the capital of the region"),
    nor a word of money ("the capital markets")."""
    words = "|".join(map(re.escape, aliases().capital_words))
    money = r"markets?|gains?|controls?|flight|expenditures?|investments?|requirements?|punishment"
    return re.compile(rf"(?<!\w)(?i:{words})(?!\w)(?!\s*,?\s+(?:of\b|[A-ZА-ЯІЇЄҐ]|(?i:{money})\b))")


_POWER_PLANT_AFTER = re.compile(r"(?<![ \t])[ \t]+(?:(?:nuclear|atomic)(?:[ \t]+power)?[ \t]+(?:plant|station)|NPP\b)", re.I)


def _in_the_district(options: list[Option], parent: Option | None) -> list[Option]:
    """"Шахтарська громада Павлоградського району": of the readings, those in the district named after the name,
    when the gazetteer says which district they lie in (GeoNames' own files do); else all."""
    if parent is None or parent.entry.feature_code != "ADM2" or not parent.entry.admin2_code:
        return options
    district = (parent.entry.admin1_code, parent.entry.admin2_code)
    return [o for o in options if (o.entry.admin1_code, o.entry.admin2_code) == district] or options


def _power_plant_town(text: str, cand: Candidate) -> Candidate:
    """"the Zaporizhzhia nuclear power plant": the plant's name, read as the town it stands in (Enerhodar)."""
    town = aliases().power_plants.get(normalise(cand.name))
    if town is None or not _POWER_PLANT_AFTER.match(text, cand.end):
        return cand
    return replace(cand, name=town, known=True, unit=None, settlement=True)


def _in_the_town_told_of(candidates: list[Candidate], chosen: list[Option | None]) -> list[Option | None]:
    """"Drones hit the Kyivskyi district of the city", or a district many cities have ("the Dniprovskyi district"
    in a story about Kherson, geo_aliases.yaml city_districts): near (in) the town the text tells of, whatever
    namesake district lies elsewhere: the town its sentence names before it, else the town named most so far (not the
    capital named once as who acts: "as Moscow kept up its pressure"); none when no town was named."""
    out = list(chosen)
    towns: list[tuple[Candidate, Option]] = []
    for i, cand in enumerate(candidates):
        shared = _many_cities_district(cand)
        if cand.city_part or shared:
            # ("the Budyonnovsky district of the Donetsk People's Republic": a town of that province, if any)
            told = towns if cand.parent is None else [(c, o) for c, o in towns if _inside(o, chosen[cand.parent])]
            here = [option for c, option in told if c.sentence == cand.sentence]
            counts = Counter(option.entry.geonameid for _, option in told)
            # the latest of the most named: max keeps the first of equals, so read them from the last
            town = here[-1] if here else max(reversed([o for _, o in told]), key=lambda o: counts[o.entry.geonameid],
                                             default=None)
            read = chosen[i]
            if shared and (town is None or (read is not None and read.entry.admin1_code == town.entry.admin1_code)):
                continue  # (a district many cities have, before any town or in the town told of: as the gazetteer reads it)
            out[i] = Option(town.entry, GEO_PRECISION_NEAR) if town is not None else None
        elif (option := chosen[i]) is not None and option.entry.feature_class == "P" and not cand.relative:
            towns.append((cand, option))
    return out


def _inside(town: Option, province: Option | None) -> bool:
    return province is not None and town.entry.admin1_code == province.entry.admin1_code


def _many_cities_district(cand: Candidate) -> bool:
    """A district named as many cities have one (geo_aliases.yaml city_districts: "the Kyivskyi district")."""
    return cand.unit == "admin2" and city_district_key(cand.name) in aliases().city_districts


_POSSESSIVE_GAP = re.compile(r"['’]s\s+")


def _a_town_of_its_own(text: str, owner: Candidate, owners: Option | None, cand: Candidate, option: Option | None) -> bool:
    """"Gaza's Nuseirat": a name after a place's possessive that is a town of its own in the owner's province, no
    part of a city (GeoNames' PPLX): the event is in that town, and the owner only says where the town is."""
    return (owners is not None and option is not None and option.entry.feature_class == "P"
            and option.entry.feature_code != "PPLX" and option.entry.geonameid != owners.entry.geonameid
            and option.entry.admin1_code == owners.entry.admin1_code
            and bool(_POSSESSIVE_GAP.fullmatch(text, owner.end, cand.start)))


def _part_of_a_town(text: str, before: Candidate, town: Option | None, cand: Candidate) -> bool:
    """"Istanbul's Ataturk airport", "Kyiv's Obolon": a name right after a town's possessive is a part of the
    town (not the village Atatürk): the event is in the town. A part the text calls a district or a region is
    a place of its own ("Kharkiv's Saltivka district")."""
    return (town is not None and town.entry.feature_class == "P" and not (cand.unit or cand.settlement)
            and bool(_POSSESSIVE_GAP.fullmatch(text, before.end, cand.start)))


def geocode_document(
    text: str,
    gazetteer: Gazetteer,
    *,
    exclude_spans: Sequence[tuple[int, int]] = (),
    country_hint: str | None = None,
) -> list[Place]:
    """The distinct places of a text, main place first: a point (a town, or the place "near X" names) before
    a region or country; a place of the document's country before a foreign one ("Minsk talks on Gorlovka
    shelling"); then the most mentioned, then the first. A country or capital only ever named as an actor
    ("Kiev forces", "...: Kiev"), or a city only named for talks held there ("the Minsk summit"), comes last."""
    places, context = _resolve(text, gazetteer, exclude_spans, country_hint)
    counts = Counter(_identity(p) for p in places)
    first: dict[tuple, Place] = {}
    for place in places:
        first.setdefault(_identity(place), place)
    acting = {_identity(p) for p in places if not_where_it_happened(p, text)} - {
        _identity(p) for p in places if not not_where_it_happened(p, text)
    }
    focus = context.dominant_country

    def key(p: Place) -> tuple:
        foreign = focus is not None and p.iso != focus
        return (_identity(p) in acting, p.geo_precision >= GEO_PRECISION_REGION, foreign, -counts[_identity(p)],
                p.start or 0)

    return sorted(first.values(), key=key)


def _wars_by_sentence(text: str, candidates: Sequence[Candidate]) -> dict[int, frozenset[str]]:
    """Per sentence of a candidate (as `sentence_starts` numbers them), the countries of the wars whose sides its
    words name (geo_aliases.yaml wars)."""
    starts = sentence_starts(text) + [len(text)]
    return {
        index: frozenset(iso for countries, pattern in _war_patterns()
                         if pattern.search(text, starts[index], starts[index + 1]) for iso in countries)
        for index in {cand.sentence for cand in candidates}
    }


@lru_cache(maxsize=1)
def _war_patterns() -> list[tuple[frozenset[str], re.Pattern]]:
    return [(countries, re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + ")", re.I))
            for countries, words in aliases().wars]


def _cue_admin1(text: str) -> list[str]:
    cues = aliases().context_cues
    return [code for word in dict.fromkeys(_CUE_WORD.findall(text)) for code in cues.get(word, ())]


def _identity(place: Place) -> tuple:
    return (place.geonameid, place.name, place.geo_precision)


def _person_words(text: str, exclude_spans: Sequence[tuple[int, int]]) -> set[str]:
    """Words that name people here (NER spans) or anywhere (first names): never fuzzy-matched to towns."""
    words = set(stopwords().given_names)
    for start, end in exclude_spans:
        words.update(normalise(text[start:end]).split())
    return words


def _places_read_as_names(
    text: str, entity_spans: Sequence[tuple[int, int]], gazetteer: Gazetteer
) -> set[tuple[int, int]]:
    """The entity spans the NER model read as a person's or an organisation's name of several words that are,
    word for word, a town the gazetteer knows: the small English model tags many two-word Ukrainian and Russian
    towns ("Chasiv Yar", "Kryvyi Rih") as PERSON or FAC. Only spans not opened by a first name or a title."""
    stop = stopwords()
    found = set()
    for start, end in entity_spans:
        name = text[start:end].strip()
        first = normalise(name.split()[0]) if " " in name else ""
        if first and first not in stop.given_names and first not in stop.titles and (
                gazetteer.lookup(name) or gazetteer.region_lookup(name)):  # ("Donetsk People's Republic" as PERSON)
            found.add((start, end))
    return found


def _home_places_only(
    candidates: list[Candidate], options: list[list[Option]], misread: set[tuple[int, int]],
    country_hint: str | None, cue_admin1: list[str], at_war: dict[int, frozenset[str]],
) -> list[list[Option]]:
    """The readings of each candidate, where a name the NER model gave a person or an organisation keeps only
    those in the country the rest of the document is about ("shelling of Chasiv Yar" in a story on Ukraine):
    "the White House" is named in many stories and is a town in several countries, none of them the story's.
    Where the rest names no place, the countries of the war its own sentence names ("where Ukrainian soldiers
    repelled assaults") are the story's."""
    def recovered(cand: Candidate) -> bool:
        return any(start <= cand.start and cand.end <= end for start, end in misread)

    rest = [(c, o) for c, o in zip(candidates, options) if not recovered(c)]
    home = DocumentContext.build([c for c, _ in rest], [o for _, o in rest], country_hint, cue_admin1).dominant_country

    def at_home(cand: Candidate, option: Option) -> bool:
        if home is not None:
            return option.entry.iso == home
        return option.entry.iso in at_war.get(cand.sentence, ())

    return [[o for o in opts if at_home(cand, o)] if recovered(cand) else opts
            for cand, opts in zip(candidates, options)]


def _is_known_as(gazetteer: Gazetteer, name: str, unit: str | None) -> int:
    """Known as the kind of place a unit word after it says ("Донецької області": an oblast, not the town
    Donetskyi), as a country (unit "country"), as a town (unit "town"), else as any place: 0 when not, else 1
    more than the population of the biggest town of the name (a unit or a country: 1)."""
    if unit == "country":
        return int(gazetteer.country_lookup(name) is not None)
    towns = [e.population + 1 for e in gazetteer.lookup(name) if e.feature_class == "P"]
    if unit == "town":
        return max(towns, default=0)
    if unit == "admin1":
        return int(bool(gazetteer.admin1_lookup(name)))
    if unit == "admin2":
        return int(bool(gazetteer.admin2_lookup(name)) or gazetteer.knows(name))
    # a bare name is read as a town, a country or a region (`_options`), never as an oblast: "Курську" is Kursk,
    # not the "Курська" of Kursk Oblast
    return max(towns, default=0) or int(bool(
        gazetteer.lookup(name) or gazetteer.country_lookup(name) or gazetteer.region_lookup(name)))


def _options(gazetteer: Gazetteer, cand: Candidate) -> list[Option]:
    """Every reading of a candidate at the precision its context gives it, best prior first."""
    if cand.unit == "admin2" and (town := _town_of_the_district(gazetteer, cand.name)):
        return [Option(e, GEO_PRECISION_NEAR) for e in town] + [
            Option(u, GEO_PRECISION_NEAR) for u in gazetteer.admin2_lookup(cand.name)]
    if not cand.known:
        return []
    if cand.unit == "admin1":
        units = gazetteer.admin1_lookup(cand.name)
        country = gazetteer.country_lookup(cand.name)
        if country is not None and not any(normalise(u.name) == normalise(cand.name) for u in units):
            # "the Republic of Armenia": the country, not Quindío, a province only its capital's name calls so
            return [Option(country, GEO_PRECISION_REGION)]
        if units:
            return [Option(u, GEO_PRECISION_REGION) for u in units]
        if region := _region_option(gazetteer, cand.name):
            return [region]
        if country is not None:
            return [Option(country, GEO_PRECISION_REGION)]  # "the governor of Ukraine's Luhansk region"
        # "X region" where X is no admin1: the area around the town X
        return [Option(e, GEO_PRECISION_NEAR) for e in gazetteer.lookup(cand.name) if e.feature_class == "P"]
    if cand.unit == "admin2":
        # (and the towns of the unit's other names: "Шахтарська громада" may be Shakhtarske's as well as Shakhtarsk's;
        # in Russian and Ukrainian, the town of the unit's own name counts as named by its own name, however the
        # gazetteer spells it: "Ізюмського району" is Izium's, not the village Iziumske's beside it; a Latin alternate
        # name may be a historical one: "Pokrovsk district" is no Engels, once called Pokrovsk)
        own = [replace(e, is_main=True) if is_cyrillic_text(cand.name) else e for e in gazetteer.lookup(cand.name)]
        towns = [Option(e, GEO_PRECISION_NEAR) for e in _with_namesakes(own, gazetteer, cand.other_names)
                 if e.feature_class == "P"]
        districts = [Option(u, GEO_PRECISION_NEAR) for u in gazetteer.admin2_lookup(cand.name)]
        return towns + districts
    if country := gazetteer.country_lookup(cand.name):
        return [Option(country, GEO_PRECISION_REGION)]
    if region := _region_option(gazetteer, cand.name):
        return [region]
    entries = _with_namesakes(gazetteer.lookup(cand.name), gazetteer, cand.other_names)
    words = cand.name.split()
    if not entries and len(words) > 1 and normalise(words[-1]) in CITY_UNIT_WORDS:
        # "Donetsk City Council": the city, whatever unit the gazetteer knows as "Donetsk City"
        entries = [e for e in gazetteer.lookup(" ".join(words[:-1])) if e.feature_class == "P"]
    if cand.settlement:
        entries = [e for e in entries if e.feature_class == "P"] or entries
    return [Option(e, _precision(e, cand)) for e in entries]


_DISTRICT_ADJECTIVE = re.compile(r"(?<=sk)(?:yi|yy|iy|y)$", re.IGNORECASE)  # "Pokrovskyi", "Novoazovsky"


def _town_of_the_district(gazetteer: Gazetteer, name: str) -> list[GazetteerEntry]:
    """"the Pokrovskyi district", "Bakhmutskyi district" in English: a Ukrainian raion named by its town's adjective
    is the town's (Pokrovsk, Bakhmut), not a village somewhere spelt like the adjective; the Ukrainian towns of that
    name, else none."""
    if is_cyrillic_text(name) or not _DISTRICT_ADJECTIVE.search(name) or city_district_key(name) in aliases().city_districts:
        return []  # ("the Kyivskyi district" is a city's, not Kyiv's: `_in_the_town_told_of`)
    stem = district_key(name)  # pokrovsk, bakhmutsk
    for form in (stem, stem[:-2]):  # Pokrovsk; Bakhmut
        towns = [e for e in gazetteer.lookup(form) if e.feature_class == "P" and e.iso == UKRAINE]
        if towns:
            return towns
    return []


def _with_namesakes(entries: list[GazetteerEntry], gazetteer: Gazetteer, names: Sequence[str]) -> list[GazetteerEntry]:
    """The entries of a name and those of its other forms ("удачный", "удачное": Udachny in Yakutia, Udachne in
    Donetsk Oblast), each place once: the document's context chooses among them all."""
    seen = {e.geonameid for e in entries}
    for name in names:
        found = [e for e in gazetteer.lookup(name) if e.geonameid not in seen]
        seen.update(e.geonameid for e in found)
        entries = entries + found
    return entries


def _precision(entry: GazetteerEntry, cand: Candidate) -> int:
    if cand.relative:
        return max(entry.default_precision, GEO_PRECISION_NEAR)
    return entry.default_precision


def _region_option(gazetteer: Gazetteer, name: str) -> Option | None:
    found = gazetteer.region_lookup(name)
    return Option(found[1], GEO_PRECISION_REGION) if found else None


def _fuzzy_option(
    gazetteer: Gazetteer, cand: Candidate, context: DocumentContext, parent_admin1: str | None
) -> Option | None:
    """An unknown word in a place context ("in Dragonsko"), matched within an admin1 the text names."""
    if not cand.place_context or " " in cand.name:
        return None
    admin1_codes = [parent_admin1] if parent_admin1 else context.admin1_near(cand.sentence)
    best: tuple[float, GazetteerEntry] | None = None
    for code in admin1_codes:
        for entry, ratio in gazetteer.fuzzy(cand.name, code, threshold=FUZZY_THRESHOLD):
            if not _spelt_alike(cand.name, entry.name, ratio):
                continue
            if best is None or ratio > best[0]:
                best = (ratio, entry)
    if best is None:
        return None
    return Option(best[1], _precision(best[1], cand))


def _spelt_alike(name: str, known: str, ratio: float) -> bool:
    """Two spellings of one name differ in their vowels ("Dragonsko", "Dragunskoye"), seldom in their consonants
    ("Bobrivka" is no misspelt "Borivske"), unless nearly all letters agree."""
    return ratio >= FUZZY_SURE or consonant_key(name) == consonant_key(known)


def _to_place(gazetteer: Gazetteer, cand: Candidate, option: Option) -> Place:
    entry = option.entry
    if cand.unit == "admin2" and entry.feature_class == "P" and entry.admin2 is None and entry.admin1_code and (
            not cand.city_part):
        # "Yartsevo district": the town, with the district it heads
        districts = gazetteer.admin2_lookup(cand.name, admin1=entry.admin1_code)
        if districts:
            entry = replace(entry, admin2_code=districts[0].admin2_code, admin2=districts[0].admin2)
    return entry.to_place(cand.start, cand.end, option.precision)
