"""One sentence that lists several places tells of one event at each (gold/CODING.md: "Missiles hit Kyiv,
Lviv and Dnipro on Monday" is three events); a toll it gives for all of them belongs to none alone, but one it
gives each ("three in Bakhmut and two in Avdiivka") is that place's. A region's toll ("killed five civilians
in the Donetsk region") is never one town's."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import cast

from ..geo.cyrillic import cyrillic_data
from ..geo.metonymy import not_where_it_happened
from ..language import is_cyrillic_text
from ..model import GEO_PRECISION_REGION, Evidence, Mention, Place
from .casualties import COUNT, parse_number
from .cyrillic_reports import cyrillic_incident
from .triggers import find_trigger

# A figure told for one place of a list: "three in Bakhmut", "two people near Izium", "two residents of
# Kostiantynivka" (not "five missiles in").
_EACH = (
    rf"(?P<num>{COUNT})\s+(?:(?:residents|inhabitants|civilians|people|citizens)\s+of\s+|"
    r"(?:(?!(?:strikes?|missiles?|rockets?|drones?|shells?|attacks?|times|km|miles)\b)[\w-]+\s+)?"
    r"(?:in|near|at)\s+)(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?"
)
_TOLL_BEFORE_PLACE = re.compile(rf"\b{_EACH}$", re.I)
# Between two names of one list: "Kharkiv, Zhytomyr and Lviv", "the regions of Odesa and Mykolaiv", "the cities
# of Mykolaiv, Kharkiv, and communities of Zaporizhzhia region", "three in Bakhmut and two in Avdiivka", "in the
# southern Mykolaiv region and in the eastern Donetsk region".
_LIST_GAP = re.compile(
    rf"^\s*(?:,|and|or|,\s*and|,\s*or)\s*(?:{_EACH}|(?:in|at|near)\s+)?(?:the\s+)?"
    r"(?:(?:north|south)?-?(?:east|west)?ern\s+|central\s+)?"
    r"(?:(?:cities|towns|villages|settlements|regions|provinces|oblasts|communities)\s+of\s+(?:the\s+)?)?$",
    re.I,
)


@cache
def _cyrillic_list_gap() -> re.Pattern:
    """Between two names of a Russian or Ukrainian list: "у Житомирі та Черняхові", "в Харькове и в Павлограде",
    "нафтобазу у Макіївці, склад у Донецьку та базу в Чорнобаївці" (what was hit at each, in lower case, before
    its preposition), "в Борисполе (Киевская область), Озерном" (a town's oblast in brackets: it holds the
    town, so it is no event of its own), "12 над территорией Брянской области, 5 над территорией Орловской" (a
    count for each, and a word of the area after the preposition). The words are in cyrillic_places.yaml."""
    words = cyrillic_data().words
    joins = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words.list_joins, key=len, reverse=True))
    prepositions = "|".join(re.escape(w) for w in sorted(words.list_prepositions, key=len, reverse=True))
    count = r"(?:\d+\s*(?:[–—-]\s*)?)?"
    word = r"[а-яіїєґё’'ʼ-]+\s+"
    # ("Берислав, Зміївка, Тягинка": a village the gazetteer lacks may stand between two it has)
    unknown = r"(?:\s*,\s*[А-ЯІЇЄҐЁ][а-яіїєґё’'ʼ-]+(?:\s+[А-ЯІЇЄҐЁ][а-яіїєґё’'ʼ-]+)?)*"
    # ("...: Берислав, Тягинка; Херсонського району: Білозерка, Садове; а також місто Херсон": a list of lists, by
    # district)
    district = (r";\s*(?:[А-ЯІЇЄҐЁ]?[а-яіїєґё’'ʼ-]+\s+){1,2}?(?:району|районів|района|районов|громади|громад|округу|округа)"
                r"\s*:|;\s*(?:а\s+також|а\s+также)\s+(?:(?:місто|город|село|селище|смт|пгт)\s+)?")
    return re.compile(rf"^{unknown}\s*(?:{district}|\(|\)?\s*(?:,|,?\s*(?:{joins}))\s*(?:{count}(?:{word}){{0,3}}?"
                      rf"(?:{prepositions})\s+(?:{word})?)?)\s*$")


def _is_list_gap(gap: str) -> bool:
    return bool(_LIST_GAP.match(gap) or _cyrillic_list_gap().match(gap))


@cache
def _cyrillic_clause_gap() -> re.Pattern:
    """Between the places of a Russian or Ukrainian headline of several clauses: "у Новій Каховці вибух, у
    Донецьку горить вокзал", "удари по НПЗ, також вибухи в районі", "вибухи у Рівному, під обстріл потрапило місто
    Запоріжжя", "... в Луганську — Буданов про удари РФ по Умані": the rest of one clause, a break, a few words (its
    speaker or side may be capitalised) and the next clause's preposition (cyrillic_places.yaml
    `list_prepositions`) or its name of a town as the clause's subject or object."""
    prepositions = "|".join(re.escape(w) for w in sorted(cyrillic_data().words.list_prepositions, key=len, reverse=True))
    return re.compile(rf"^[^.!?\n]*?(?:[,;:]|\s[–—-])\s*(?:(?:[\w’'ʼ-]+\s+){{0,4}}?(?:{prepositions})\s+|"
                      rf"(?P<bare>(?:[\w’'ʼ-]+\s+){{0,4}}))$")


_CLAUSE_BREAK = re.compile(r"[,;:]|\s[–—-]\s")
# A dash right after the later clause's place, and a count, stand for the verb of the clause before: "в Сумской
# области уничтожены два склада, в Полтаве – один" (not "у Конотопі – евакуація": no count, another matter).
_ELLIPSIS = re.compile(r"\s[–—-]\s+(?:\d+|ще|ещё|еще|один|одна|одно|одне|два|две|дві|три|чотири|четыре|п[’'ʼ]?ять|пять)\b",
                       re.I)
_CLAUSE_END = re.compile(r"[,;:.!?\n]")  # (not a dash: "у Василькові - пожежа" is one clause)
# "..., а літаки – по складах у X": "а", the later clause's subject or time, and a dash that stands for the verb
# of the clause before (what struck, where)
_GAPPED = re.compile(r"^\s*а\s+(?:[\w’'ʼ-]+\s+){1,3}?[–—-]\s+\w", re.I)


MAX_CLAUSE_CHARS = 200  # how far back a place's clause is looked for (a headline's clause is short)


def _clause_tells_an_incident(text: str, previous: Place, current: Place) -> bool:
    """Is the gap between two places a clause break, and does each place's clause tell an incident of its own
    ("у Новій Каховці вибух, у Донецьку горить вокзал", not "евакуація з Азовсталі, удар по Одесі")? Then
    each is its own report."""
    first, gap_start, gap_end = cast(int, previous.start), cast(int, previous.end), cast(int, current.start)
    gap = _cyrillic_clause_gap().match(text[gap_start:gap_end])
    if not gap:
        return False
    # the first break: "аеропорт Запоріжжя, авіаударів - Бердянський порт" has the later clause's words before a dash
    between = next(_CLAUSE_BREAK.finditer(text, gap_start, gap_end))
    window = max(0, first - MAX_CLAUSE_CHARS)
    opens = max((m.end() for m in _CLAUSE_END.finditer(text, window, first)), default=window)
    closes = _CLAUSE_END.search(text, cast(int, current.end), cast(int, current.end) + MAX_CLAUSE_CHARS)
    later_end = closes.start() if closes else min(len(text), cast(int, current.end) + MAX_CLAUSE_CHARS)
    earlier, later = text[opens:between.start()], text[between.end():later_end]
    if not (find_trigger(earlier) or cyrillic_incident().search(earlier)):
        return False
    if cyrillic_incident().search(later) or _ELLIPSIS.match(text, cast(int, current.end)) or _GAPPED.match(later):
        return True
    trigger = find_trigger(later)
    # a clause that names its place with no preposition and tells only of deaths ("удар по Харкову, загинули
    # двоє жителів Салтівки") counts the dead of the clause before
    return trigger is not None and not (gap.group("bare") is not None and trigger.fallback)


# After a toll, the words that say where its dead were: "killed five civilians in the Donetsk region".
# A count of the places a report covers ("shelled 20 settlements of the region", "обстріляли 34 населені пункти"):
# a roundup of the region, whatever town it names as one of them.
_MANY_SETTLEMENTS = re.compile(r"\b(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|dozens?\s+of)\s+(?:\w+\s+)?"
                               r"(?:settlements|towns|villages|localities|communities|населен\w*\s+пункт\w*|громад\w*|"
                               r"сіл|сел|сёл|селах|села|міст|містах|городов|городах|поселк\w*|селищ\w*)\b", re.I)
_TOLL_PLACE_GAP = re.compile(r"^\s+(?:[\w’'-]+\s+){0,3}?(?:in|across|throughout)\s+(?:the\s+)?$", re.I)


# "the rail link between Kherson and Crimea", "the road from Bakhmut to Siversk": a route, not a list of events;
# so "між Х та Y", "между станциями X и Y" (the lower-case words between: what lies there).
_BETWEEN = re.compile(r"\b(?:between|from)\s+(?:the\s+)?(?:(?:city|town|village|cities|towns)\s+(?:of\s+)?)?$|"
                      r"(?<![\w’'ʼ])(?:між|между)\s+(?:[а-яіїєґё’'ʼ-]+\s+){0,2}$", re.I)
BETWEEN_REACH = 20  # how far before a list's first place its "between" is looked for
CYRILLIC_BETWEEN_REACH = 32  # ... in Russian or Ukrainian, with the words of what lies between ("між станціями")


# "В Глушковском районе, в посёлке Тёткино", "in the Kupiansk district, in the village of Kindrashivka": a district
# named to say where the village after it lies
_DISTRICT_WORD = re.compile(r"\b(?:district|raion|rayon|community|hromada|район\w*|р-н|округ\w*|громад\w*)\s*$", re.I)
# (or its villages listed after a colon: "Бериславського району: Берислав, Зміївка")
_VILLAGE_OF_THE_DISTRICT = re.compile(
    r"\s*(?::|[,:]?\s*(?:(?:in\s+)?the\s+(?:village|town|settlement)\s+of|(?:(?:в|у|во)\s+)?(?:посёлк\w*|поселк\w*|"
    r"сел[оеі]|селищ\w*|міст[оі]|город\w*|деревн\w*|хутор\w*|станиц\w*|смт|пгт|с\.|м\.)))\s*$", re.IGNORECASE)


def without_districts_of_their_villages(places: list[Place], text: str) -> list[Place]:
    """The places of a text but the districts named only to say where the village right after lies: the village
    is where it happened, not somewhere else in its district."""
    return [p for p, following in zip(places, [*places[1:], None])
            if not _district_of(p, following, text)]


def _district_of(place: Place, following: Place | None, text: str) -> bool:
    if following is None or None in (place.start, place.end, following.start) or following.admin1 != place.admin1:
        return False
    return bool(_DISTRICT_WORD.search(text, cast(int, place.start), cast(int, place.end))
                and _VILLAGE_OF_THE_DISTRICT.match(text, cast(int, place.end), cast(int, following.start)))


def listed_with(place: Place | None, sentence_places: list[Place], text: str) -> list[Place]:
    """The places a sentence lists together with its event's place, the place first: "Russia said it hit
    military targets in Chernihiv, Zhytomyr and Lviv" tells of three strikes. Empty when there is no list."""
    if place is None or place not in sentence_places:
        return []
    # "Ukrainian troops push into the Kursk region, Moscow says": a capital that speaks lists no place of the event
    ordered = sorted((p for p in sentence_places if p.start is not None and (p is place or not not_where_it_happened(p, text))),
                     key=lambda p: cast(int, p.start))
    cyrillic = is_cyrillic_text(text)
    if cyrillic:  # "..., загалом в Україні збили 21 дрон, у X ...": a country between clauses joins none
        ordered = [p for p in ordered if p is place or not p.country_only]
    chains: list[list[Place]] = []
    reach = CYRILLIC_BETWEEN_REACH if cyrillic else BETWEEN_REACH
    for current in ordered:
        previous = chains[-1][-1] if chains else None
        if previous is not None and _joined(text, previous, current, cyrillic) and not _BETWEEN.search(
                text, max(0, cast(int, previous.start) - reach), cast(int, previous.start)):
            chains[-1].append(current)
        else:
            chains.append([current])
    chain = next(c for c in chains if place in c)
    distinct = list({(p.geonameid, p.name): p for p in chain}.values())
    if any(p.country_only for p in distinct):
        return []  # a list of countries ("Russia and Ukraine"): no event's places
    # "two villages of the Kherson region, Andriivka and Lozove": the region is where the listed places are
    distinct = [p for p in distinct if not _holds_others(p, distinct)]
    if len(distinct) < 2:
        return []
    first = place if place in distinct else distinct[0]
    return [first] + [p for p in distinct if p is not first]


def _joined(text: str, previous: Place, current: Place, cyrillic: bool) -> bool:
    """Are two places of a sentence names of one list? In Russian or Ukrainian, what was hit at each ("склад у
    X, базу в Y") lists them; a clause of its own ("..., удар по аеродрому в Y") only when both clauses tell an
    incident (`_clause_tells_an_incident`)."""
    gap = text[cast(int, previous.end):cast(int, current.start)]
    if not cyrillic or _LIST_GAP.match(gap):
        return _is_list_gap(gap)
    breaks = list(_CLAUSE_BREAK.finditer(gap))
    if _cyrillic_list_gap().match(gap) and not (breaks and find_trigger(gap[breaks[-1].end():])):
        return True
    return _clause_tells_an_incident(text, previous, current)


def _holds_others(region: Place, places: list[Place]) -> bool:
    return region.geo_precision >= GEO_PRECISION_REGION and any(
        p.geo_precision < GEO_PRECISION_REGION and p.admin1 == region.admin1 for p in places)


def split_by_places(mention: Mention, listed: list[Place], text: str) -> list[Mention]:
    """One mention per place a report lists, each with its own place; a toll told for all of them together
    belongs to none of them alone, one told for a place ("two in Izium") to that place."""
    if len(listed) < 2:
        return [mention]
    pieces = []
    for index, place in enumerate(listed):
        evidence = {k: v for k, v in mention.evidence.items() if k not in ("fatalities", "injuries")}
        evidence["location"] = location_evidence(place, text)
        toll = _toll_of(place, text)
        if toll is not None:
            evidence["fatalities"] = toll[1]
        note = f"one of {len(listed)} places its sentence lists"
        pieces.append(replace(
            mention, place=place, fatalities=toll[0] if toll else None, injuries=None, evidence=evidence,
            why=(*mention.why, note),
            # each piece is its own report: the later ones start where their place is named (a distinct key)
            sentence_start=mention.sentence_start if index == 0 else _span(place)[0],
        ))
    return pieces


def location_evidence(place: Place, text: str) -> Evidence:
    """The words of the text that name a place."""
    start, end = _span(place)
    return Evidence(start, end, text[start:end])


def _span(place: Place) -> tuple[int, int]:
    """Where the text names a place: every place listed or given evidence is named in it."""
    if place.start is None or place.end is None:
        raise ValueError(f"{place.name} is named nowhere in the text")
    return place.start, place.end


def _toll_of(place: Place, text: str) -> tuple[int, Evidence] | None:
    """The figure told for one listed place ("three in Bakhmut"), with its words."""
    start, end = _span(place)
    found = _TOLL_BEFORE_PLACE.search(text, max(0, start - 40), start)
    value = parse_number(found.group("num")) if found else None
    return (value, Evidence(found.start(), end, text[found.start():end])) if found and value is not None else None


def region_of_toll(mention: Mention, sentence_places: list[Place], text: str) -> Mention:
    """A report placed at a town whose toll is told for the region around it ("shelling killed five civilians
    in the Donetsk region, including in Bakhmut") is the region's event: never give one town a region's toll."""
    toll, place = mention.evidence.get("fatalities"), mention.place
    if toll is None or place is None or place.geo_precision >= GEO_PRECISION_REGION:
        return mention
    if _MANY_SETTLEMENTS.search(text, mention.sentence_start, mention.sentence_end):
        # "обстріляли 20 населених пунктів Запорізької області, зокрема Оріхів ... загинули двоє": the day's dead
        # of the whole count, not of the town named as one of them
        region = next((r for r in sentence_places if r.geo_precision >= GEO_PRECISION_REGION and r.admin1 == place.admin1), None)
        if region is not None:
            evidence = {**mention.evidence, "location": location_evidence(region, text)}
            return replace(mention, place=region, evidence=evidence,
                           why=(*mention.why, f"the toll is of the region's many places, not {place.name} alone"))
    for region in sentence_places:
        if (region.geo_precision >= GEO_PRECISION_REGION and region.admin1 and region.admin1 == place.admin1
                and region.start is not None and region.start > toll.end
                and _TOLL_PLACE_GAP.match(text[toll.end:region.start])):
            evidence = {**mention.evidence, "location": location_evidence(region, text)}
            return replace(mention, place=region, evidence=evidence,
                           why=(*mention.why, f"the toll is told for {region.name}, not {place.name} alone"))
    return mention
