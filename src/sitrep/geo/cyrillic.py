"""Toponym candidates of Russian and Ukrainian text: inflected names looked up in their dictionary form.

"у Ніжині" names Ніжин, "в Харьковской области" the oblast of "Харьковская область", "під Бахмутом" a place
near Бахмут, "Сімферопольського району" the district "Сімферопольський район", "на Донеччині" Donetsk Oblast.
pymorphy3 (its Russian and Ukrainian dictionaries, loaded on the first Cyrillic text) gives each capitalised
word its dictionary forms; the first form the gazetteer knows (GeoNames keeps Cyrillic names of places as
alternate names) is the candidate's name. The words around a name (`cyrillic_places.yaml`) set what is looked
up and at what precision, as `candidates.py` does for English. People's names (a word pymorphy knows only as
a surname or a first name) are never places.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import product
from typing import Any

from sitrep.errors import GazetteerError
from sitrep.geo.candidates import WORD, Candidate, Token, sentence_starts
from sitrep.geo.disambiguate import BIG_CITY, UNSUPPORTED_TOWN, DocumentContext, Option
from sitrep.geo.normalize import normalise, romanise
from sitrep.geo.wordlists import admin1_of_region, read_yaml

DATA_FILE = "cyrillic_places.yaml"
LANGUAGES = ("uk", "ru")
MAX_NAME_WORDS = 3
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_PERSON_TAGS = frozenset({"Surn", "Name", "Patr"})
# The forms an adjectival name may take when it stands alone or heads a name ("Нова Каховка", "Кривий Ріг").
_NOMINATIVE_FORMS = ({"femn", "nomn"}, {"masc", "nomn"}, {"neut", "nomn"})
_GENDERS = frozenset({"masc", "femn", "neut"})
_SECTIONS = ("place_before", "near_before", "settlement_before", "village_before", "admin1_after", "admin2_after",
             "direction_after", "not_places", "list_joins", "list_prepositions", "named_object_before", "government_cities",
             "crossing_before", "river_before", "facility_before", "city_districts", "bank_before", "river_names",
             "along_before", "admin1_after_two")
# How many agreeing adjectives may stand between a town's adjective and its noun ("Бердянський морський порт").
MAX_MODIFIER_GAP = 2
MIN_TOWN_LETTERS = 4  # a town made from an adjective's stem: "Оде" is no town
MAX_LISTED_UNITS = 4  # names in a list that share one unit word after the last
MAX_PART_FORMS = 4  # forms of each part of a hyphenated name tried with those of the other parts
UKRAINE = "UA"
FAR_BIGGER = 10  # a namesake this many times bigger than a Ukrainian text's Ukrainian readings of a name stays


@dataclass(frozen=True)
class PlaceWords:
    """One language's words of place (see the data file): sets of lower-case words or lemmas."""

    place_before: frozenset[str]
    near_before: frozenset[str]
    settlement_before: frozenset[str]
    village_before: frozenset[str]  # of settlement_before, the words that say it is no city ("село")
    admin1_after: frozenset[str]
    admin2_after: frozenset[str]
    direction_after: frozenset[str]  # a front's direction named by a town's adjective ("Ізюмський напрямок")
    not_places: frozenset[str]
    list_joins: frozenset[str]  # words that join the names of a list (not lemmas)
    list_prepositions: frozenset[str]  # prepositions a list repeats after its joining word
    named_object_before: frozenset[str]  # a thing whose own name follows in quotes ("крейсер «Москва»"): lemmas
    government_cities: frozenset[str]  # capitals, which open sentences for their governments ("Київ закликав")
    crossing_before: frozenset[str]  # a crossing or bridge, whose "через X" names a river ("переправа через Дніпро")
    river_before: frozenset[str]  # a river, whose name follows ("річка Оскіл"): lemmas
    facility_before: frozenset[str]  # a facility whose name may be a common word ("підстанція «Промінь»"): lemmas
    city_districts: frozenset[str]  # a city's district, no raion ("у Київському районі" of Kharkiv): lemmas
    bank_before: frozenset[str]  # a river's bank or bed, whose name follows ("на березі Дніпра"): lemmas
    river_names: frozenset[str]  # rivers named like a town ("Дніпро"): lemmas
    along_before: frozenset[str]  # across or along, before a river's name ("через Дніпро", "вздовж Дніпра")
    admin1_after_two: frozenset[str]  # two words after a name that make it an oblast ("військової адміністрації")


@dataclass(frozen=True)
class CyrillicData:
    words: PlaceWords  # both languages' words together: a Russian word never means a place in Ukrainian
    admin1_names: dict[str, str]  # lemma of an oblast's other name -> the admin1 unit, in English
    other_names: dict[str, str]  # lemma -> a multi-unit region or a country, in English
    home_countries: frozenset[str]
    # adjective ending -> the endings its town's name may have ("кременчуцький" -> "кременчук"), longest first
    adjective_towns: tuple[tuple[str, tuple[str, ...]], ...] = ()
    power_plants: dict[str, str] = field(default_factory=dict)  # a plant's adjective or acronym -> its town
    power_plant_words: frozenset[str] = frozenset()  # what follows a plant's adjective ("АЕС", "атомна")
    war_area: frozenset[str] = frozenset()  # ISO and admin1 codes of where the war the texts report is fought
    # adjective ending -> the endings of the village a district's or community's seat may also be ("покровське")
    seat_towns: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # a Russian spelling's ending -> the Ukrainian spelling's ("урожайное" -> "урожайне"), longest first
    ukrainian_endings: tuple[tuple[str, str], ...] = ()

    def named_area(self, lemma: str) -> tuple[str, str | None] | None:
        """(English name, unit) of a listed area name: ("Donetsk Oblast", "admin1"), ("Donbas", None)."""
        if lemma in self.admin1_names:
            return self.admin1_names[lemma], "admin1"
        if lemma in self.other_names:
            return self.other_names[lemma], None
        return None


@lru_cache(maxsize=1)
def cyrillic_data() -> CyrillicData:
    raw = read_yaml(DATA_FILE)
    sections: dict[str, set[str]] = {name: set() for name in _SECTIONS}
    for language in LANGUAGES:
        words = raw.get(language)
        if not isinstance(words, dict) or set(words) - set(_SECTIONS):
            raise GazetteerError(f"sitrep/data/{DATA_FILE}: '{language}' must map {', '.join(_SECTIONS)} to lists")
        for name in _SECTIONS:
            sections[name].update(str(w).casefold() for w in words.get(name) or ())
    names = {}
    for section in ("admin1_names", "other_names"):
        names[section] = raw.get(section) or {}
        if not isinstance(names[section], dict):
            raise GazetteerError(f"sitrep/data/{DATA_FILE}: '{section}' must map names to places")
    admin1_names, other_names = ({str(k).casefold(): str(v) for k, v in names[s].items()} for s in ("admin1_names", "other_names"))
    return CyrillicData(
        PlaceWords(**{name: frozenset(values) for name, values in sections.items()}),
        admin1_names, other_names,
        frozenset(raw.get("home_countries") or ()),
        _adjective_towns(raw.get("adjective_towns")),
        {str(k).casefold(): str(v) for k, v in (raw.get("power_plants") or {}).items()},
        frozenset(str(w).casefold() for w in raw.get("power_plant_words") or ()),
        frozenset(str(code) for code in raw.get("war_area") or ()),
        _adjective_towns(raw.get("seat_towns")),
        _ukrainian_endings(raw.get("ukrainian_endings")),
    )


def _adjective_towns(raw: object) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Both languages' adjective endings and their towns' endings, longest adjective ending first."""
    rules: dict[str, list[str]] = {}
    for language in LANGUAGES:
        endings = raw.get(language) if isinstance(raw, dict) else None
        if not isinstance(endings, dict) or not all(isinstance(v, list) for v in endings.values()):
            raise GazetteerError(f"sitrep/data/{DATA_FILE}: adjective endings must map {language} endings to lists")
        for ending, towns in endings.items():
            rules.setdefault(str(ending), []).extend(str(t or "") for t in towns)
    return tuple(sorted(((e, tuple(dict.fromkeys(t))) for e, t in rules.items()), key=lambda r: -len(r[0])))


def _ukrainian_endings(raw: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(raw, dict):
        raise GazetteerError(f"sitrep/data/{DATA_FILE}: ukrainian_endings must map Russian endings to Ukrainian ones")
    return tuple(sorted(((str(e), str(u)) for e, u in raw.items()), key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def _analyzers() -> tuple:
    """pymorphy3's Ukrainian and Russian analysers (0.3 s): loaded on the first Cyrillic text only."""
    import pymorphy3

    return tuple(pymorphy3.MorphAnalyzer(lang=language) for language in LANGUAGES)


@lru_cache(maxsize=100_000)
def _parses(word: str) -> tuple:
    return tuple(p for analyzer in _analyzers() for p in analyzer.parse(word))


@lru_cache(maxsize=100_000)
def _known_parses(word: str) -> tuple:
    """The word's readings a dictionary knows (not the analysers' guesses), in order: asked of a word often."""
    return tuple(p for p in _parses(word) if p.is_known)


def lemmas(word: str) -> list[str]:
    """The dictionary forms of a word, most likely first, in lower case: "Ніжині" -> ["ніжин"]."""
    return list(dict.fromkeys(p.normal_form for p in _parses(word)))


@lru_cache(maxsize=100_000)
def name_forms(word: str, adjective_first: bool = False) -> tuple[str, ...]:
    """The forms a word of a place name may be looked up under: the dictionary forms pymorphy knows as a place
    name, then as written, its nouns' dictionary forms, then
    for an adjective its nominative in each gender ("Харківській" -> "харківська", "харківський",
    "харківське"). A town before an adjective ("Луганську" is Луганськ, not the village Луганське), unless
    a unit word follows (`adjective_first`: "Харківській області")."""
    nouns, adjectives, places = [], [], []
    for parse in _parses(word):
        if "Geox" in parse.tag and "NOUN" in parse.tag:
            places.append(parse.normal_form)  # "Львове": Львов, before the village spelt Львове
        elif "ADJF" in parse.tag:
            # an adjectival name keeps its gender: "Артемівська" (feminine) is no form of "Артемівський" (a
            # district of Luhansk), "Кропивницького" (masculine or neuter) may be either's
            genders = {parse.tag.gender} & _GENDERS or _GENDERS
            if "masc" in genders:
                adjectives.append(parse.normal_form)
            for grammemes in _NOMINATIVE_FORMS:
                inflected = parse.inflect(grammemes) if grammemes & genders else None
                if inflected is not None:
                    adjectives.append(inflected.word)
        else:
            nouns.append(parse.normal_form)
    forms = [*places, word.casefold(), *(adjectives + nouns if adjective_first else nouns + adjectives)]
    if "-" in word:  # "Каменке-Днепровской": each part in its own forms ("каменка-днепровская")
        parts = [name_forms(part, adjective_first)[:MAX_PART_FORMS] for part in word.split("-") if part]
        forms += ["-".join(combination) for combination in product(*parts)]
    return tuple(dict.fromkeys(forms))


def noun_forms(word: str) -> list[str]:
    """The dictionary forms of the word's noun readings ("Василькові" -> "васильків")."""
    return list(dict.fromkeys(p.normal_form for p in _parses(word) if "NOUN" in p.tag))


def is_person_name(word: str) -> bool:
    """Every reading pymorphy knows of the word is a surname, first name or patronymic ("Путін")."""
    known = _known_parses(word)
    return bool(known) and all(_PERSON_TAGS & set(p.tag.grammemes) for p in known)


def is_given_name(word: str) -> bool:
    """Every reading pymorphy knows of the word is a first name ("Олександр", "Александр")."""
    known = _known_parses(word)
    return bool(known) and all("Name" in p.tag.grammemes for p in known)


def may_be_given_name(word: str) -> bool:
    """Some reading of the word is a first name ("Владимир": a name, and a city)."""
    return any("Name" in p.tag.grammemes for p in _known_parses(word))


def is_surname_only(word: str) -> bool:
    """A capitalised word pymorphy reads as a surname and as no place ("Рогов"; not "Гусев", a town too)."""
    return word[:1].isupper() and may_be_surname(word) and not any(
        "Geox" in p.tag.grammemes for p in _known_parses(word))


def may_be_surname(word: str) -> bool:
    """Some reading of the word is a surname ("Гусев": a surname, and a town in Kaliningrad Oblast)."""
    return any("Surn" in p.tag.grammemes for p in _known_parses(word))


def is_common_word(word: str) -> bool:
    """A word the dictionaries know and never as a name ("Вибухи", "Удар"): capitalised only because it
    opens a sentence or a headline."""
    known = _known_parses(word)
    return bool(known) and not any({"Geox", "Surn", "Name", "Abbr", "Orgn"} & set(p.tag.grammemes) for p in known)


def _tokens(text: str) -> list[Token]:
    starts = sentence_starts(text)
    tokens: list[Token] = []
    sentence, previous_sentence = 0, -1
    for match in WORD.finditer(text):
        while sentence + 1 < len(starts) and starts[sentence + 1] <= match.start():
            sentence += 1
        # only a sentence's first word may open it: the stretch before it is read once a sentence (linear time)
        initial = sentence != previous_sentence and not any(
            ch.isalnum() for ch in text[starts[sentence]:match.start()]
        )
        previous_sentence = sentence
        tokens.append(Token(match.start(), match.end(), match.group(), sentence, initial))
    return tokens


def cyrillic_candidates(text: str, is_known: Callable[[str, str | None], int]) -> list[Candidate]:
    """Candidate toponyms of a Russian or Ukrainian text, in text order; `name` is the form to look up.
    is_known(name, unit): whether the gazetteer knows the name as a place, or as a unit of that kind: 0 when
    not, else a figure that grows with the biggest such place's population."""
    data = cyrillic_data()
    tokens = _tokens(text)
    found: list[Candidate] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not _may_name(token):
            i += 1
            continue
        for size in range(min(MAX_NAME_WORDS, len(tokens) - i), 0, -1):
            words = tokens[i:i + size]
            if not _joined(text, words) or not all(_may_name(w) for w in words):
                continue
            candidate = _candidate(text, tokens, i, size, is_known, data)
            if candidate is not None:
                found.append(candidate)
                i += size
                break
        else:
            i += 1
    return _with_parents(text, found, lambda name: is_known(name, "town"))


# "у Чарівному Херсонської області", "в Борисполе (Киевская область)", "в поселке Чапаевка в Луганской области",
# "між Киселівкою та Чорнобаївкою Херсонської області": the towns lie in the oblast named right after them (the
# list's every town); "у Карпівській громаді Криворізького району": in the oblast of the district named after them.
_PARENT_GAP = re.compile(r"^\s*+(?:[,(]|,?\s*(?:у|в|во)\s)?\s*$", re.I)  # possessive: linear in a gap of spaces
_LIST_GAP = re.compile(r"^\s*(?:,|та|і|й|и|або|или)\s*$")


def _with_parents(text: str, found: list[Candidate], town_size: Callable[[str], int]) -> list[Candidate]:
    out = list(found)
    for i in range(len(out) - 2, -1, -1):
        child, parent = out[i], out[i + 1]
        if child.unit == "admin1":
            continue
        gap = text[child.end:parent.start]
        if "," in gap and town_size(child.name) > BIG_CITY:
            # "над Одесою, у Житомирській області горить склад": a city is known without its oblast, so an
            # oblast after a comma more likely opens a clause of its own than holds it
            continue
        # ("Ивановку ДНР", "за Калиновку (ДНР)": a republic of one oblast holds it as the oblast does)
        if ((parent.unit == "admin1" or admin1_of_region(parent.name)) and _PARENT_GAP.match(gap)
                or parent.unit == "admin2" and child.end < parent.start and not gap.strip()):
            # (a district's name right after, not listed after a comma: "в Баштанському, Бериславському районах")
            out[i] = replace(child, parent=i + 1)
        elif parent.parent is not None and parent.unit == child.unit and _LIST_GAP.match(gap):
            # a list's items of one kind (towns; "Краснопільську та Миропільську громади Сумської області") all lie
            # in the oblast named after the last
            out[i] = replace(child, parent=parent.parent)
    return out


# "дрони, запущені з напрямку Брянська, Курська та Орла", "ракетами с территории Курской области", "штурмовики
# вошли в посёлок со стороны Старомайорского": where the weapons or troops came from, not where they struck (every
# name of such a list)
_LAUNCHED_FROM = re.compile(
    r"(?i:\b(?:з|із|зі|с|со|из)\s+(?:напрямк\w*|направлени\w*|територі\w*|территори\w*|акваторі\w*|стороны)\s+)"
    r"(?:[А-ЯІЇЄҐ][\w'’-]*+(?:[ \t]+[\w'’-]+)?(?:\s*,\s*|\s+(?:та|і|й|и)\s+))*+$")
# "доставлен в Климовскую ЦРБ", "госпіталізували до лікарні Харкова": where the hospital is, not the event
_TAKEN_TO_HOSPITAL = re.compile(
    r"(?i:\b(?:доставлен\w*|доставил\w*|госпитализир\w*|госпіталізу\w*|госпіталізован\w*|доправлен\w*|доправил\w*|"
    r"привез\w*|відвез\w*|відвезл\w*)\s+(?:в|во|у|до)\s+(?:\w+\s+){0,2})$")
# "на улице Дзержинского", "ул. Шевченко", "вулиця Героїв": a street's name, no town of that name (one street: "на
# вулицях Донецька" are the city's streets)
_STREET_BEFORE = re.compile(
    r"(?i:\b(?:(?:ул|вул|просп|пр-т|пер|пров|бул|пл)\.|улиц[аеуы]|улицей|вулиц[яію]|вулицею|проспект[аеу]?|переул(?:ок|ке|ка)|"
    r"провул(?:ок|ку|ка)|бульвар[аеу]?|площад[ьи]|площ[аіеу]|шоссе|шосе|набережн(?:ая|ой|ую|а|ій|у)|узвоз[ае]?|узвіз|узвозі))\s*$")
_WHENCE_OR_WHITHER = re.compile(r"(?:(?:из|із|з)-(?:под|під)|\b(?:отступ\w*|відступ\w*|отош[её]л\w*|отошли|відійш\w*|отходит\w*|отходят|"
                        r"відходит\w*|відходять)\s+(?:к|до|в\s+сторону|у\s+бік))\s+$", re.I)
# "Не путать с городом Удачный в Якутии": the namesake a text warns of, and where it lies, are no place of its news
_NOT_TO_BE_CONFUSED = re.compile(r"(?i:\b(?:не\s+путать|не\s+плутати|не\s+плутайте)\s+(?:с|со|з|із)\s+)(?:[\w'’-]+\s+){0,3}$")
# The words before a name that make it no place of the event, each with how many characters back it is looked for
# (a list of a few names after "з напрямку"): "перебрасывает резервы из-под Запорожья", "противник отступил к
# Курахово", "дроны с направления Курска", "доставлен в Шебекинскую ЦРБ" (where they come from or go), "на улице
# Дзержинского" (a street)
_NOT_HERE_BEFORE = ((_WHENCE_OR_WHITHER, 30), (_LAUNCHED_FROM, 120), (_TAKEN_TO_HOSPITAL, 60), (_STREET_BEFORE, 14),
                    (_NOT_TO_BE_CONFUSED, 60))


def _may_name(token: Token) -> bool:
    """A capitalised Cyrillic word that may be (part of) a name; upper-case acronyms only when listed."""
    word = token.text
    if not _CYRILLIC.match(word) or not word[0].isupper():
        return False
    if len(word) > 1 and word.isupper():  # "ДНР", "РФ", "ЗАЕС"; not "ЗСУ", "ППО"
        return cyrillic_data().named_area(word.casefold()) is not None or word.casefold() in cyrillic_data().power_plants
    return True


def _joined(text: str, words: list[Token]) -> bool:
    return all(text[a.end:b.start] == " " and a.sentence == b.sentence for a, b in zip(words, words[1:]))


def _candidate(
    text: str, tokens: list[Token], i: int, size: int, is_known: Callable[[str, str | None], int],
    data: CyrillicData,
) -> Candidate | None:
    words = tokens[i:i + size]
    before = tokens[i - 1] if i > 0 and tokens[i - 1].sentence == words[0].sentence else None
    after = tokens[i + size] if i + size < len(tokens) and tokens[i + size].sentence == words[-1].sentence else None
    before_lemmas = set(lemmas(before.text.casefold())) | {before.text.casefold()} if before else set()
    # a lower-case word, or an acronym ("Полтавська ОДА": the oblast's administration)
    acronym_after = after is not None and after.text.isupper() and text[words[-1].end:after.start] == " "
    after_lemmas = set(lemmas(after.text.casefold())) if after and (after.text[0].islower() or acronym_after) else set()
    unit_after = ("admin1" if after_lemmas & data.words.admin1_after or _administration_after(tokens, i + size, text, data)
                  else "admin2" if after_lemmas & data.words.admin2_after else None)
    unit = unit_after or _unit_of_the_list(text, words[-1].end, data)
    plant = _power_plant_town(words, after, data) if size == 1 and unit is None else None
    if plant is not None:  # "Запорізька АЕС", "на ЗАЕС": the town the plant stands in (Enerhodar)
        return Candidate(start=words[0].start, end=words[0].end, name=plant, known=True, sentence=words[0].sentence,
                         settlement=True, sentence_initial=words[0].sentence_initial, place_context=True)
    place_context = bool(before_lemmas & (data.words.place_before | data.words.near_before | data.words.settlement_before))
    # (a name right after "село", "посёлок" is the settlement's own: "в посёлке Октябрьский повреждена кровля")
    modifier = (size == 1 and unit is None and not before_lemmas & data.words.settlement_before
                and _modifies_a_noun(tokens, i, text))
    understood = (_unit_understood(tokens, i, data) if size == 1 and unit is None and not modifier
                  and before_lemmas & data.words.place_before else None)
    if understood == "direction":  # "..., на Ізюмському знищено склад": near the town of the adjective
        town = _town_of_adjective(words[0].text, lambda form: is_known(form, "town"), data)
        if town is not None:
            return Candidate(start=words[0].start, end=words[0].end, name=town[0], known=True,
                             sentence=words[0].sentence, relative=True, sentence_initial=words[0].sentence_initial,
                             place_context=True)
    elif understood is not None:  # "у Херсонській області ..., у Запорізькій": the oblast again
        unit = understood
    start = words[0].start
    if any(before_it.search(text, max(0, start - reach), start) for before_it, reach in _NOT_HERE_BEFORE):
        return None
    if unit is None and after is None and _DASH_BEFORE.search(text, max(0, words[0].start - 3), words[0].start):
        return None  # "..., – Садовий": a headline's closing credit names who said it, not a place
    if (before is not None and _QUOTE_BEFORE.search(text, max(0, words[0].start - 12), words[0].start)
            and before_lemmas & data.words.named_object_before):
        return None  # "крейсер «Москва»", "підстанція "Луч"": the thing's own name, no place
    if size == 1 and unit is None and before is not None and _names_the_facility(before, words[0], text, data):
        return None  # "підстанції «Промінь»": a facility's own name, a common word, is no village of that name
    if unit is None and (_crosses(tokens, i, data) or _names_a_river(tokens, i, data) or _on_a_river(tokens, i, data)):
        # "переправу через Дніпро", "форсировала реку Оскол", "на лівому березі Дніпра": a river, not the town
        # of its name
        return None
    if size == 1 and unit is None:
        word = words[0].text
        if is_person_name(word) or not data.words.not_places.isdisjoint(lemmas(word)):
            return None  # "Путін"; "Українська авіація" (no town Українськ)
        if before is not None and text[before.end:words[0].start] == " " and is_given_name(before.text) and (
                may_be_surname(word)):
            return None  # "губернатор Александр Гусев": a man's surname, not the town of Gusev
        if (after is not None and text[words[0].end:after.start] == " " and may_be_given_name(word)
                and is_surname_only(after.text)):
            return None  # "член совета Владимир Рогов": a man's first name, not the city of Vladimir
        opens_as_a_town = words[0].sentence_initial and not modifier and _opens_as_a_town(words[0], text, is_known)
        if (words[0].sentence_initial and is_common_word(word) and not before_lemmas & data.words.place_before
                and not modifier and not opens_as_a_town):
            return None
        # "Ізюм: ...": the headline's place, believed as if "у" stood before it
        place_context = place_context or opens_as_a_town
        if (after is not None and _opens_a_longer_name(words[0], after, text)
                or before is not None and _opens_a_longer_name(before, words[0], text)):
            return None  # "Нової Кам’янки", a name the gazetteer lacks: not the hamlet Novy, nor any Kamyanka alone
    other_names: tuple[str, ...] = ()
    if modifier:
        # "Кременчуцький НПЗ", "на Бердянському аеродромі": the adjective of a town, not a village's own name;
        # "Зерновая сделка": no place at all; but "у Василькові пошкоджений склад" is in Васильків
        known_name = _town_of_adjective(words[0].text, lambda form: is_known(form, "town"), data) or _known_name(
            words, unit, lambda form: is_known(form, "town"), data, nouns_only=True)
        if known_name is None:
            return None
    else:
        known_name = None
        if size == 1 and unit == "admin2":
            if not data.words.city_districts.isdisjoint(lemmas(words[0].text.casefold())):
                return None  # "у Київському районі" of the city told of: a city's district, not around Kyiv
            if unit_after and _city_after_the_unit(tokens, i + 1, text, lambda form: is_known(form, "town"), data):
                # "у Дніпровському районі Херсона": a district of the city named next, not the village Дніпровка;
                # the city's own name after "районі" places it near (in) the city
                return None
            # "у Новомосковському районі": the district around the town it is named after (the town's own
            # namesakes abroad are weighed as the town's, not as districts of other countries)
            known_name = _town_of_adjective(words[0].text, lambda form: is_known(form, "town"), data)
            if known_name is not None:
                # "у Шахтарській громаді Дніпропетровської області": Shakhtarske's, not Shakhtarsk's of Donetsk Oblast;
                # the other towns of the adjective, for the oblast named (or the context) to choose among
                other_names = _towns_of_adjective(words[0].text, lambda form: is_known(form, "town"), data, seats=True)[1:]
        if known_name is None:
            names = _known_names(words, unit, lambda form: is_known(form, unit), data)
            known_name = names[0] if names else None
            if unit is None:  # the namesakes of a bare name's other forms, for its context to choose among
                other_names = tuple(name for name, _ in names[1:])
                if size == 1:  # and of its Ukrainian spelling: "Урожайное" may be Urozhaine, not only Urozhaynoye
                    ukrainian = _ukrainian_spelling(known_name[0] if known_name else words[0].text, data)
                    if ukrainian is not None and is_known(ukrainian, None):
                        known_name = known_name or (ukrainian, None)
                        other_names += (ukrainian,) if ukrainian not in (known_name[0], *other_names) else ()
        if known_name is None and place_context and unit is None:
            known_name = _known_in_latin(words, lambda form: is_known(form, None), data)
    if known_name is not None and not place_context and is_known(known_name[0], "country"):
        return None  # "Росія вдарила", "удару РФ": a country that acts, not where it happened
    if known_name is None:
        if size > 1 or unit:
            return None
        name = _unknown_name(words[0].text, data)
        if name is None:
            return None
        known = False
    else:
        known = True
        name, region_unit = known_name
        unit = unit or region_unit
    end = after.end if unit_after and after is not None else words[-1].end  # "Харківській області"
    return Candidate(
        start=words[0].start, end=end, name=name, known=known, sentence=words[0].sentence, unit=unit,
        settlement=bool(before_lemmas & data.words.settlement_before),
        village=bool(before_lemmas & data.words.village_before),
        # "під Бахмутом"; "на Бахмутському напрямку": a front's direction is near its town, not in it
        relative=bool(before_lemmas & data.words.near_before or after_lemmas & data.words.direction_after),
        sentence_initial=words[0].sentence_initial,
        place_context=place_context,
        other_names=other_names,
    )


def _administration_after(tokens: list[Token], i: int, text: str, data: CyrillicData) -> bool:
    """Do the two lower-case words at token i make the name before them an oblast, as its administration
    ("Донецької військової адміністрації", `admin1_after_two`)?"""
    if i + 1 >= len(tokens) or tokens[i + 1].sentence != tokens[i].sentence or not tokens[i].text[0].islower():
        return False
    return any(f"{a} {b}" in data.words.admin1_after_two
               for a in lemmas(tokens[i].text.casefold()) for b in lemmas(tokens[i + 1].text.casefold()))


CITY_WITH_DISTRICTS = UNSUPPORTED_TOWN  # a town this big may have districts of its own


def _city_after_the_unit(
    tokens: list[Token], i: int, text: str, is_known: Callable[[str], int], data: CyrillicData,
) -> bool:
    """Does a town's name (a noun: "Херсона", "Харькова") follow the unit word at token i, so the unit is one of
    the town's districts? Not an oblast ("району Донецької області", "района Харьковщины")."""
    if i + 1 >= len(tokens) or tokens[i + 1].sentence != tokens[i].sentence or text[tokens[i].end:tokens[i + 1].start] != " ":
        return False
    town, after = tokens[i + 1], tokens[i + 2] if i + 2 < len(tokens) else None
    if not town.text[0].isupper():
        return False
    if after is not None and after.sentence == town.sentence and not _unit_words(data).isdisjoint(lemmas(after.text.casefold())):
        return False  # "району Донецька область"
    forms = noun_forms(town.text)
    return not any(data.named_area(f) for f in forms) and max(map(is_known, forms), default=0) > CITY_WITH_DISTRICTS


def _unit_words(data: CyrillicData) -> frozenset[str]:
    return data.words.admin1_after | data.words.admin2_after


def _names_a_river(tokens: list[Token], i: int, data: CyrillicData) -> bool:
    """Is the name at token i (or a name it ends: "Донец" of "Северский Донец") right after a word for a river
    ("річку Оскіл", "[реку] Северский Донец")?"""
    j = i - 1
    while j >= 0 and i - j <= MAX_NAME_WORDS and tokens[j].text[0].isupper() and tokens[j].sentence == tokens[i].sentence:
        j -= 1
    return (j >= 0 and tokens[j].sentence == tokens[i].sentence
            and not data.words.river_before.isdisjoint(lemmas(tokens[j].text.casefold())))


def _on_a_river(tokens: list[Token], i: int, data: CyrillicData) -> bool:
    """Is the name at token i a river's, by the word right before it: a bank or bed ("на берегах Дніпра", "на
    лівобережжі Дніпра", not a region's "правобережжя Херсонщини"), or a word of going across or along before a
    river's name ("через Дніпро", "вздовж Дніпра")?"""
    if i == 0 or tokens[i - 1].sentence != tokens[i].sentence:
        return False
    before = set(lemmas(tokens[i - 1].text.casefold())) | {tokens[i - 1].text.casefold()}
    names = lemmas(tokens[i].text.casefold())
    if before & data.words.along_before:
        return not data.words.river_names.isdisjoint(names)
    return not before.isdisjoint(data.words.bank_before) and not any(data.named_area(name) for name in names)


_NAME_GAP = re.compile(r"\s*[\"«“„']*")  # between a facility's word and its own name: a space, opening quotes


def _names_the_facility(before: Token, word: Token, text: str, data: CyrillicData) -> bool:
    """Is the word a common noun right after a facility's word, so the facility's own name ("підстанції
    «Промінь»", "подстанция Восход")? Not an adjective ("подстанции Киевской ГЭС"), nor after a colon."""
    return (not data.words.facility_before.isdisjoint(lemmas(before.text.casefold()))
            and bool(_NAME_GAP.fullmatch(text, before.end, word.start))
            and is_common_word(word.text) and "NOUN" in _likeliest(word.text).tag)


MAX_CROSSING_GAP = 3  # words between a crossing and its "через"


def _crosses(tokens: list[Token], i: int, data: CyrillicData) -> bool:
    """Is the name at token i what a crossing or bridge spans ("переправа ворога через Дніпро", "мост через
    реку Ингулец")? Its "через" comes after a word of crossing (`crossing_before`) a few words back."""
    j = i - 1
    if j >= 0 and not data.words.river_before.isdisjoint(lemmas(tokens[j].text.casefold())):
        j -= 1  # "через річку Інгулець"
    if j < 0 or tokens[j].text.casefold() != "через" or tokens[j].sentence != tokens[i].sentence:
        return False
    return any(data.words.crossing_before & set(lemmas(tokens[k].text.casefold()))
               for k in range(max(0, j - 1 - MAX_CROSSING_GAP), j) if tokens[k].sentence == tokens[i].sentence)


_DASH_BEFORE = re.compile(r"\s[–—-]\s*$")
_LABEL_AFTER = re.compile(r"\s*:")  # "Харків: ...": a headline's label, the place of what follows
LABEL_TOWN = UNSUPPORTED_TOWN  # a town this big opens a headline as its label ("Ізюм: ...")


def _opens_as_a_town(word: Token, text: str, is_known: Callable[[str, str | None], int]) -> bool:
    """Is a word that opens a sentence a town, whatever else the dictionaries know it as? The Ukrainian
    dictionary marks no place names ("Харків", "Суми" read as plain nouns), and a Cyrillic name is only ever
    one of a place's alternate names: a town of more than `LABEL_TOWN` as the headline's label ("Ізюм: ...")
    or as where something happened ("Запоріжжя знову під обстрілом"); a capital only as a label, as it opens a
    sentence mostly for its government ("Київ закликав США", "Москва заявила": `government_cities`)."""
    forms = noun_forms(word.text)
    if not _LABEL_AFTER.match(text, word.end) and not cyrillic_data().words.government_cities.isdisjoint(forms):
        return False
    if any(_NOT_A_TOWNS_WORD & set(p.tag.grammemes) for p in _known_parses(word.text)):
        return False  # "По телевежі", "Чому Росія ...", "Владимир Зеленский": a word of another kind, or a person's
    if _of_a_district(word, text):
        # "Тёткино Глушковского района обстреляли": a village its district names, however small
        return max((is_known(form, "town") for form in forms), default=0) > 0
    if _NAME_GOES_ON.match(text, word.end):
        return False  # the first of a name of several words the gazetteer lacks
    return max((is_known(form, "town") for form in forms), default=0) > LABEL_TOWN


_NEXT_TWO_WORDS = re.compile(r" ([А-ЯІЇЄҐЁ][\w'’-]+) ([\w'’-]+)")


def _of_a_district(word: Token, text: str) -> bool:
    """Is the word followed by a district's adjective and unit word ("Тёткино Глушковского района")?"""
    found = _NEXT_TWO_WORDS.match(text, word.end)
    return found is not None and not cyrillic_data().words.admin2_after.isdisjoint(lemmas(found.group(2).casefold()))


# the readings that make a capitalised word opening a sentence no town's name: a pronoun, preposition,
# conjunction, particle or adverb ("По", "Чому", "Тому"), or a person's name
_NOT_A_TOWNS_WORD = frozenset({"NPRO", "PREP", "CONJ", "PRCL", "ADVB", "Name", "Surn", "Patr"})
_NAME_GOES_ON = re.compile(r" [А-ЯІЇЄҐЁ]")


_QUOTE_BEFORE = re.compile(r"\s[\"«“„']+$")


MAX_UNDERSTOOD_GAP = 12  # words back to the unit an adjective standing alone leaves understood


def _unit_understood(tokens: list[Token], i: int, data: CyrillicData) -> str | None:
    """The unit word an adjective standing alone leaves understood, said with another name earlier in its
    sentence: "у Херсонській області ..., у Запорізькій" (admin1), "На Харківському напрямку ..., на
    Ізюмському" ("direction"); None when the sentence says none or the adjective is no adjective."""
    word = tokens[i]
    likeliest = _likeliest(word.text)
    if "ADJF" not in likeliest.tag:
        return None
    for j in range(i - 1, max(0, i - MAX_UNDERSTOOD_GAP), -1):
        noun, adjective = tokens[j], tokens[j - 1]
        if noun.sentence != word.sentence:
            return None
        kinds = set(lemmas(noun.text.casefold()))
        kind = ("admin1" if kinds & data.words.admin1_after else "admin2" if kinds & data.words.admin2_after
                else "direction" if kinds & data.words.direction_after else None)
        if kind and adjective.text[0].isupper() and any(  # in the same gender and case ("Лисичанську" is no oblast)
                "ADJF" in p.tag and "ADJF" in q.tag and p.tag.gender == q.tag.gender and p.tag.case == q.tag.case
                for p in _parses(adjective.text) for q in _parses(word.text)):
            return kind
    return None


def _power_plant_town(words: list[Token], after: Token | None, data: CyrillicData) -> str | None:
    """The town of a power plant named by its acronym ("ЗАЕС") or by an adjective before a plant word
    ("Запорізька АЕС", "Курской атомной станции"), from `power_plants` in the data file."""
    word = words[0].text.casefold()
    if words[0].text.isupper():  # "ЗАЕС"
        return data.power_plants.get(word)
    if after is None or not ({after.text.casefold(), *lemmas(after.text.casefold())} & data.power_plant_words):
        return None
    return next((data.power_plants[f] for f in lemmas(word) if f in data.power_plants), None)


@lru_cache(maxsize=1)
def _listed_before_a_unit() -> re.Pattern:
    """The rest of a list of names that ends in their one unit word: "[Запорожской] и Херсонской областях"."""
    joins = "|".join(re.escape(w) for w in sorted(cyrillic_data().words.list_joins, key=len, reverse=True))
    return re.compile(rf"(?:(?:\s*,\s*|\s*,?\s+(?:{joins})\s+)[А-ЯІЇЄҐЁ][\w’'ʼ-]*){{1,{MAX_LISTED_UNITS}}}\s+(\w+)")


def _unit_of_the_list(text: str, end: int, data: CyrillicData) -> str | None:
    """The unit a list's one unit word gives each of its names ("у Харківській та Сумській областях", "в
    Баштанському, Бериславському та Херсонському районах"), or None."""
    match = _listed_before_a_unit().match(text, end)
    if match is None or not any("plur" in p.tag for p in _known_parses(match.group(1).casefold())):
        return None  # "в Дубно, Ровенская область": a town and its oblast, not a list of oblasts
    unit_word = set(lemmas(match.group(1).casefold()))
    return "admin1" if unit_word & data.words.admin1_after else "admin2" if unit_word & data.words.admin2_after else None


def _modifies_a_noun(tokens: list[Token], i: int, text: str) -> bool:
    """Is the word an adjective that agrees with a lower-case noun or an acronym right after it (past at most
    `MAX_MODIFIER_GAP` agreeing adjectives): "Херсонській авіабазі", "Бердянський морський порт", "Кременчуцького
    НПЗ"? Not "у Синельниковому знищено", not "Нова Каховка"."""
    word = tokens[i]
    adjectives = [p for p in _parses(word.text) if "ADJF" in p.tag]
    if not adjectives or "ADJF" not in _likeliest(word.text).tag:
        return False  # "Чапаевка", "Синельниковому", "Василькові": a name first, whatever else pymorphy reads
    for gap, after in enumerate(tokens[i + 1:i + 2 + MAX_MODIFIER_GAP]):
        previous = tokens[i + gap]
        if after.sentence != word.sentence or text[previous.end:after.start] != " ":
            return False
        if not (after.text[0].islower() or (after.text.isupper() and len(after.text) > 1)):
            return False
        readings = _parses(after.text)
        acronym = after.text.isupper()  # "НПЗ": indeclinable, so it agrees in any case; "про" is no acronym
        if acronym and cyrillic_data().named_area(after.text.casefold()) is not None:
            return False  # "Ивановку ДНР": a village and the republic it lies in, not the town of an adjective
        if "NOUN" in _likeliest(after.text).tag and any(
                "NOUN" in p.tag and ("Fixd" not in p.tag or acronym) and _agree(a, p) for p in readings for a in adjectives):
            return True
        if not any("ADJF" in p.tag and _agree(a, p) for p in readings for a in adjectives):
            return False
    return False


def _opens_a_longer_name(word: Token, after: Token, text: str) -> bool:
    """A common adjective ("Нова", "Велика", "Южный") right before a capitalised word: the first word of a
    name of several words, not a name of its own. A town's adjective ("Донецької Народної") still names it."""
    adjectives = [p for p in _known_parses(word.text) if "ADJF" in p.tag]
    if not adjectives or not (word.text[0].isupper() and after.text[0].isupper()) or text[word.end:after.start] != " ":
        return False
    endings = tuple(ending for ending, _ in cyrillic_data().adjective_towns)
    if any(p.normal_form.endswith(endings) for p in adjectives):
        return False
    # only with a word it agrees with: "в Удачному Покровського району" is a village, then its district
    return any(_agree(a, p) and _same_gender(a, p) for a in adjectives for p in _parses(after.text))


def _likeliest(word: str) -> Any:  # a pymorphy3 parse (the package has no types)
    """The likeliest reading of a word: the first a dictionary knows (a Russian word's Russian reading, not the
    Ukrainian analyser's guess at it), else the first guess."""
    known = _known_parses(word)
    return known[0] if known else _parses(word)[0]


def _agree(adjective: Any, word: Any) -> bool:  # pymorphy3 parses (the package has no types)
    """Same case and number; an indeclinable acronym ("НПЗ") agrees in any case."""
    if "Fixd" in word.tag:
        return True
    if adjective.tag.case != word.tag.case or adjective.tag.case == "voct":
        return False  # (a vocative in news is a misreading: "после" is no "посол")
    return adjective.tag.number is None or word.tag.number is None or adjective.tag.number == word.tag.number


def _same_gender(adjective: Any, word: Any) -> bool:  # pymorphy3 parses
    """No gender told apart: a plural, or a word the dictionaries give none."""
    return adjective.tag.gender is None or word.tag.gender is None or adjective.tag.gender == word.tag.gender


def _town_of_adjective(word: str, is_known: Callable[[str], int], data: CyrillicData) -> tuple[str, str | None] | None:
    """The town an adjective is made from, by the endings in `adjective_towns` ("кременчуцький" -> "кременчук",
    "херсонській" -> "херсон", "одесский" -> "одесса"); None for a country's adjective or no town. The biggest
    town of them: "Николаевский" is Николаев (Mykolaiv), not the small Николаевск."""
    towns = _towns_of_adjective(word, is_known, data)
    return (towns[0], None) if towns else None


def _towns_of_adjective(word: str, is_known: Callable[[str], int], data: CyrillicData, seats: bool = False) -> tuple[str, ...]:
    """Every known town the adjective may be made from (`_town_of_adjective`), the biggest first; with `seats`,
    the villages a district's or community's seat may be too (`seat_towns`)."""
    forms = list(dict.fromkeys(p.normal_form for p in _parses(word) if "ADJF" in p.tag))
    rules = data.adjective_towns + data.seat_towns if seats else data.adjective_towns
    towns = [stem + town for form in forms for ending, endings in rules if form.endswith(ending)
             for stem in (form[:len(form) - len(ending)],) for town in endings]
    if any(f in data.words.not_places or data.named_area(f) for f in forms + towns):
        return ()  # "Українська авіація", "российские войска"
    sizes = [(size, -i, town) for i, town in enumerate(dict.fromkeys(towns))
             if len(town) >= MIN_TOWN_LETTERS and (size := is_known(town))]
    return tuple(town for _, _, town in sorted(sizes, reverse=True))


def _known_name(
    words: list[Token], unit: str | None, is_known: Callable[[str], int], data: CyrillicData,
    nouns_only: bool = False,
) -> tuple[str, str | None] | None:
    """The likeliest of `_known_names`, or None."""
    return next(iter(_known_names(words, unit, is_known, data, nouns_only)), None)


def _known_names(
    words: list[Token], unit: str | None, is_known: Callable[[str], int], data: CyrillicData,
    nouns_only: bool = False,
) -> list[tuple[str, str | None]]:
    """The first form of the words that the gazetteer or the regions list knows, with the unit a listed
    region is ("admin1" for an oblast, None for a country or a multi-unit region); with `nouns_only`, the
    words' nouns' dictionary forms alone. A word that may be an adjective gives each of its known forms, that
    of the biggest place first ("Кропивницького" is the city Кропивницький before the village Кропивницьке):
    the document's context may still mean a smaller one ("в Удачном" in a text about Donbas is Udachne of
    Donetsk Oblast, not Udachny in Yakutia)."""
    forms = [form for w in words for form in noun_forms(w.text)] if nouns_only else _forms(words, unit)
    weigh_all = len(words) == 1 and any("ADJF" in p.tag for p in _parses(words[0].text))
    found: list[tuple[int, str]] = []
    for form in forms:
        if form in data.words.not_places:
            break
        area = data.named_area(form)
        if area is not None:
            return _biggest_first(found) or [area]
        size = is_known(form)
        if size:
            found.append((size, form))
            if not weigh_all:
                break
    names = _biggest_first(found)
    # a plural adjective ("у Смілі", read also as "смілі") names no village by its singular forms
    return names if _singular_adjective(words[0].text) else names[:1]


def _singular_adjective(word: str) -> bool:
    return any("ADJF" in p.tag and "plur" not in p.tag for p in _parses(word))


def _biggest_first(found: list[tuple[int, str]]) -> list[tuple[str, str | None]]:
    """(size, form) pairs as names, the biggest first and in their order among equals (a stable sort)."""
    return [(form, None) for _, form in sorted(found, key=lambda sized: -sized[0])]


MAX_LATIN_FORMS = 2  # of a word's dictionary forms, the likeliest few looked up in Latin letters


def _known_in_latin(words: list[Token], is_known: Callable[[str], int], data: CyrillicData) -> tuple[str, str | None] | None:
    """A town the gazetteer knows under its Latin names only: "по Кадіївці" (GeoNames keeps the town's new name
    in Latin letters, its Cyrillic under the old one); "в Великой Новосёлке" (the Russian spelling of a
    Ukrainian village, among its alternate names only as "Velikaya Novoselka"). Asked only of words after a
    place preposition."""
    if len(words) == 1:
        forms = [f for f in noun_forms(words[0].text)[:MAX_LATIN_FORMS] if f not in data.words.not_places]
    else:
        forms = list(_forms(words, None))
    return next(((latin, None) for f in forms if is_known(latin := romanise(normalise(f)))), None)


def _forms(words: list[Token], unit: str | None) -> Iterator[str]:
    """Forms to look the words up under, most likely first: each word's forms, joined."""
    options = [name_forms(w.text, adjective_first=unit is not None) for w in words]
    for combination in product(*options):
        yield " ".join(combination)


def _ukrainian_spelling(name: str, data: CyrillicData) -> str | None:
    """The name with its Russian ending spelt the Ukrainian way ("урожайное" -> "урожайне"), or None when it
    has no such ending."""
    form = name.casefold()
    for ending, ukrainian in data.ukrainian_endings:
        if form.endswith(ending) and len(form) > len(ending) + 2:
            return form[:len(form) - len(ending)] + ukrainian
    return None


def _unknown_name(word: str, data: CyrillicData) -> str | None:
    """An unknown word's name for a fuzzy match inside a named region: its dictionary form, romanised (the
    gazetteer's own names of places are in Latin letters)."""
    forms = lemmas(word)
    if not forms or forms[0] in data.words.not_places:
        return None
    return romanise(forms[0]).capitalize()


def home_first(options: list, ukrainian: bool = False) -> list:
    """The readings of a name in the countries a Russian or Ukrainian text is about (`home_countries`), when
    it has any: "Саки" is the Crimean town, not the Nigerian city. In a `ukrainian` text, the Ukrainian
    readings of a name Ukraine shares with another of them ("Новомосковськ" is in Dnipropetrovsk Oblast,
    not Tula Oblast), unless another is a city far bigger than any of them (Курськ is Kursk). The document's
    context still chooses among what is left."""
    home = [o for o in options if o.entry.iso in cyrillic_data().home_countries] or options
    if not ukrainian:
        return home
    ukraine = [o for o in home if o.entry.iso == UKRAINE]
    biggest = max((o.entry.population for o in ukraine), default=0)
    others = [o for o in home if o.entry.iso != UKRAINE and o.entry.population >= FAR_BIGGER * max(biggest, 1)
              and o.entry.population >= BIG_CITY]
    return ukraine + others if ukraine else home


def where_the_war_is(options: list[Option], context: DocumentContext) -> list[Option]:
    """The readings of a name where the war is (`war_area`), and those elsewhere that the document supports
    (their province named: "в Удачном (Якутия)") or that are cities, known by name ("во Владимире").
    "в Удачном" in a report of the war is Udachne of Donetsk Oblast, not the town Udachny in Yakutia."""
    inside = [o for o in options if _in_the_war_area(o.entry.iso, o.entry.admin1_code)]
    if not inside or len(inside) == len(options):
        return options
    return [o for o in options if o in inside or o.entry.admin1_code in context.admin1_sentences
            or o.entry.population >= BIG_CITY]


def _in_the_war_area(iso: str | None, admin1_code: str | None) -> bool:
    area = cyrillic_data().war_area
    return iso in area or admin1_code in area
