"""The geo data files (aliases, regions, stop words) loaded once, on first use."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from sitrep.errors import GazetteerError
from sitrep.geo.normalize import normalise

ALIASES_FILE = "geo_aliases.yaml"
STOPWORDS_FILE = "geo_stopwords.txt"


@dataclass(frozen=True)
class Region:
    """An area that is no single admin unit, such as Donbas."""

    name: str
    iso: str
    admin1_codes: tuple[str, ...]
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Aliases:
    variants: dict[str, tuple[str, ...]]  # norm -> the other norms of its group
    regions: dict[str, Region]  # norm of any of its names -> region
    admin1_names: dict[str, str]  # 'UA.11' -> 'Crimea'
    country_names: dict[str, str]  # norm -> ISO code
    context_cues: dict[str, tuple[str, ...]]  # word as written ("JFO") -> admin1 codes it places a story in
    power_plants: dict[str, str]  # norm of the name a plant goes by -> the town it stands in
    admin1_around: dict[str, str]  # a city that is a first-level unit -> the unit around it ('UA.20' -> 'UA.11')
    wars: tuple[tuple[frozenset[str], tuple[str, ...]], ...]  # (ISO codes of a war's countries, stems naming its sides)
    rivers: frozenset[str] = frozenset()  # norms of rivers named like a town ("dnipro")
    borders: tuple[tuple[tuple[str, ...], frozenset[str]], ...] = ()  # (words naming a border, admin1 codes along it)
    capital_words: tuple[str, ...] = ()  # "the capital", "столиці": the capital of the country told of
    city_districts: frozenset[str] = frozenset()  # city_district_key of districts many cities have ("dnprvsk")


@dataclass(frozen=True)
class StopWords:
    not_places: frozenset[str]
    titles: frozenset[str]
    given_names: frozenset[str]
    person_nouns: frozenset[str]  # "a resident, Antonina, said": the name set off after one is a person's
    kin: frozenset[str]  # "Shevchenko's mother": the name whose kin these are is a person's
    sentence_nouns: frozenset[str] = frozenset()  # "Man describes ...": no town as a sentence's first word


# libyaml's parser where PyYAML was built with it: the same data, read some ten times faster (40 ms of a
# one-document `sitrep ingest`)
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_data(name: str) -> str:
    try:
        return resources.files("sitrep").joinpath("data", name).read_text(encoding="utf-8")
    except OSError as exc:
        raise GazetteerError(f"sitrep/data/{name}: cannot read ({exc})") from exc


def read_yaml(name: str) -> dict:
    """A YAML data file of sitrep's, as a dict (empty if the file is)."""
    try:
        return yaml.load(read_data(name), Loader=YAML_LOADER) or {}
    except yaml.YAMLError as exc:
        raise GazetteerError(f"sitrep/data/{name}: not valid YAML ({exc})") from exc


@lru_cache(maxsize=1)
def aliases() -> Aliases:
    raw = read_yaml(ALIASES_FILE)
    variants: dict[str, tuple[str, ...]] = {}
    for group in raw.get("variants", []):
        norms = [normalise(n) for n in group]
        for norm in norms:
            others = tuple(o for o in norms if o != norm)
            variants[norm] = tuple(dict.fromkeys(variants.get(norm, ()) + others))
    regions: dict[str, Region] = {}
    for name, spec in (raw.get("regions") or {}).items():
        region = Region(name, spec["iso"], tuple(spec.get("admin1", ())), spec.get("lat"), spec.get("lon"))
        for alias in [name, *spec.get("variants", [])]:
            regions[normalise(alias)] = region
    country_names = {
        normalise(alias): iso for iso, names in (raw.get("countries") or {}).items() for alias in names
    }
    cues = {word: tuple(codes) for word, codes in (raw.get("context_cues") or {}).items()}
    plants = {normalise(name): town for name, town in (raw.get("power_plants") or {}).items()}
    around = {str(city): str(unit) for city, unit in (raw.get("admin1_around") or {}).items()}
    wars = tuple((frozenset(map(str, war["countries"])), tuple(map(str, war["words"]))) for war in raw.get("wars") or [])
    rivers = frozenset(normalise(str(name)) for name in raw.get("rivers") or ())
    borders = tuple((tuple(str(w).casefold() for w in border["words"]), frozenset(map(str, border["provinces"])))
                    for border in raw.get("borders") or [])
    return Aliases(variants, regions, dict(raw.get("admin1_names") or {}), country_names, cues, plants, around, wars,
                   rivers, borders, tuple(str(w) for w in raw.get("capital_words") or ()),
                   frozenset(city_district_key(str(name)) for name in raw.get("city_districts") or ()))


_ADJECTIVE_ENDING = re.compile(r"(?<=sk)(?:yi|yy|iy|ii|y|i)$|(?<=n)(?:yi|yy|iy|y)$")


def district_key(name: str) -> str:
    """A district's name without its adjective's ending, however romanised: "Dniprovskyi", "Dniprovsky" ->
    "dniprovsk"."""
    return _ADJECTIVE_ENDING.sub("", normalise(name))


_VOWELS = re.compile(r"[aeiouy]+")
_DOUBLED = re.compile(r"(.)\1+")


def city_district_key(name: str) -> str:
    """A city district's name as its consonants, so that Russian and Ukrainian romanisations meet: "Kievsky",
    "Kyivskyi" -> "kvsk"; "Budyonnovsky", "Budionnivskyi" -> "bdnvsk". Compared only with the few names of
    `Aliases.city_districts`."""
    return _DOUBLED.sub(r"\1", _VOWELS.sub("", district_key(name).replace(" ", "")))


def admin1_of_region(name: str) -> str | None:
    """The one admin1 unit a listed region lies in ("DPR": Donetsk Oblast's code), else None ("Donbas": two)."""
    region = aliases().regions.get(normalise(name))
    return region.admin1_codes[0] if region is not None and len(region.admin1_codes) == 1 else None


@lru_cache(maxsize=1)
def stopwords() -> StopWords:
    sections: dict[str, set[str]] = {"not places": set(), "titles": set(), "given names": set(), "person nouns": set(),
                                     "kin": set(), "sentence nouns": set()}
    current = sections["not places"]
    for line in read_data(STOPWORDS_FILE).splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
            continue
        current.add(normalise(line))
    return StopWords(
        frozenset(sections["not places"]), frozenset(sections["titles"]), frozenset(sections["given names"]),
        frozenset(sections["person nouns"]), frozenset(sections["kin"]), frozenset(sections["sentence nouns"]),
    )
