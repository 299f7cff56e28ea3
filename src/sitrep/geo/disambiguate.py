"""Choosing among homonyms: what the rest of the document says about where it is, then priors."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from sitrep.geo.candidates import Candidate
from sitrep.geo.gazetteer import GazetteerEntry
from sitrep.geo.normalize import normalise
from sitrep.geo.wordlists import aliases

BIG_CITY = 100_000  # a bare name this big is evidence for its country
SMALL_PLACE = 1_000  # below this a place needs support from the document to be believed
UNSUPPORTED_TOWN = 10_000  # below this a bare name of another country's place is taken for a common word
VILLAGE = 10_000  # below this a place is known only within its province
# GeoNames gives admin units no population; a bare "Crimea" should weigh like a big city, not a hamlet
ADMIN1_WEIGHT = 100_000
_MAJOR_UNITS = {"ADM1", "PCLI", "PCL", "PCLD", "PCLF", "PCLS", "PCLIX"}  # believed on their own
_LESSER_CODES = {"PPLX", "PPLH", "PPLQ", "PPLW"}  # city sections, historical, abandoned, destroyed
MIN_SPELLING_LETTERS = 6  # an alternate name this long or longer may be another spelling of the place's name


@dataclass(frozen=True)
class Option:
    """One reading of a candidate: a gazetteer entry at a precision."""

    entry: GazetteerEntry
    precision: int


@dataclass
class DocumentContext:
    """Where the document is: admin1 units and countries it names, by sentence."""

    admin1_sentences: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    countries: Counter = field(default_factory=Counter)
    dominant_country: str | None = None
    at_war: dict[int, frozenset[str]] = field(default_factory=dict)  # sentence -> countries of the war it names
    # admin1 code -> (sentence, start) of each name of a town there beyond doubt (the only one of its name, or a city)
    towns: dict[str, set[tuple[int, int]]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def build(
        cls, candidates: Sequence[Candidate], options: Sequence[list[Option]], country_hint: str | None,
        cue_admin1: Iterable[str] = (), at_war: dict[int, frozenset[str]] | None = None,
    ) -> DocumentContext:
        """cue_admin1: admin1 codes of words that place the story without naming a place ("JFO", "DPR");
        at_war: per sentence, the countries of a war whose sides it names ("Russian missiles")."""
        context = cls(at_war=at_war or {})
        where: Counter = Counter()  # extra votes of places named with "in", "at", "near": for the focus only
        for code in cue_admin1:
            context.admin1_sentences[code].add(-1)  # the whole document, no sentence of its own
            context.countries[code.split(".")[0]] += 1
        for cand, opts in zip(candidates, options):
            if not opts:
                continue
            top = _likeliest(opts, cand).entry
            if top.feature_code == "PCLI":
                context.countries[top.iso] += 2
            elif top.feature_code == "RGN":
                region = aliases().regions.get(normalise(cand.name))
                for code in region.admin1_codes if region else ():
                    context.admin1_sentences[code].add(cand.sentence)
                context.countries[top.iso] += 2
            elif all(o.entry.feature_code == "ADM1" for o in opts[:1]) and (cand.unit == "admin1" or len(opts) == 1):
                if top.admin1_code is not None:  # (every first-level unit of GeoNames has its code)
                    context.admin1_sentences[top.admin1_code].add(cand.sentence)
                context.countries[top.iso] += 2
            elif cand.sentence_initial and not cand.place_context:
                continue  # "List of ...", "Driver of ...": a headline's first word is too weak to vote
            else:
                if top.admin1_code and _beyond_doubt(top, opts):
                    context.towns[top.admin1_code].add((cand.sentence, cand.start))
                if len({o.entry.iso for o in opts}) == 1 or top.population >= BIG_CITY:
                    context.countries[top.iso] += 1
                    if cand.place_context:
                        where[top.iso] += 1  # "dies in Donetsk" says where the story is
        context.countries.pop(None, None)
        where.pop(None, None)
        focus = context.countries + where
        context.dominant_country = country_hint or (focus.most_common(1)[0][0] if focus else None)
        return context

    def supports(self, entry: GazetteerEntry) -> bool:
        """The document names the entry's admin1 or country, beyond the single vote of the entry's own name."""
        return (
            entry.admin1_code in self.admin1_sentences
            or entry.iso == self.dominant_country
            or self.countries[entry.iso] > 1
        )

    def town_sentences(self, admin1_code: str | None, cand: Candidate) -> set[int]:
        """The sentences naming a town of the admin1 beyond doubt, other than the candidate's own name."""
        return {sentence for sentence, start in self.towns.get(admin1_code or "", ()) if start != cand.start}

    def admin1_near(self, sentence: int) -> list[str]:
        """Admin1 codes named in the document, those of the given sentence first."""
        return sorted(self.admin1_sentences, key=lambda code: sentence not in self.admin1_sentences[code])


def _beyond_doubt(top: GazetteerEntry, options: list[Option]) -> bool:
    """A town no other place of its name may be: the only one, or a city."""
    return top.feature_class == "P" and (
        top.population >= BIG_CITY or len({o.entry.geonameid for o in options}) == 1)


def _named_near(entry: GazetteerEntry, context: DocumentContext) -> bool:
    """The document names the entry's province, or the entry lies in the country the document is about."""
    return entry.admin1_code in context.admin1_sentences or entry.iso == context.dominant_country


def score(option: Option, cand: Candidate, context: DocumentContext, by_towns: bool = True) -> float:
    """by_towns: weigh the provinces of the other towns the document names beyond doubt (`choose` says when:
    among villages, and only when the document names no reading's province, which says more)."""
    entry = option.entry
    population = entry.population or (ADMIN1_WEIGHT if entry.feature_code == "ADM1" else 0)
    points = 5 * math.log10(population + 1)
    sentences = context.admin1_sentences.get(entry.admin1_code or "")
    towns = context.town_sentences(entry.admin1_code, cand)
    if sentences:
        points += 40 + (30 if cand.sentence in sentences else 0)
    elif towns and by_towns:
        # a place in the province of other towns the document names ("Суми ... Червоне")
        points += 20 + (10 if cand.sentence in towns else 0)
    if entry.iso and entry.iso == context.dominant_country:
        points += 30
    elif entry.iso in context.countries:
        points += 15
    if entry.iso in context.at_war.get(cand.sentence, ()) and entry.population >= UNSUPPORTED_TOWN:
        points += 45  # "Russian missiles hit Odesa" in a newsletter that named Texas: the side's town
    if entry.is_main:
        points += 25  # GeoNames alternate names are noisy: Belgorod is also "Bilhorod-Dnistrovskyi"
    if entry.feature_code == "ADM1":
        points += 12  # "from Alabama" is the state, not a hamlet of New York; a city as big as its province wins
    if entry.feature_class == "P":
        points += 10
        if entry.feature_code == "PPLC":
            points += 10
        elif (entry.feature_code or "").startswith("PPLA"):
            points += 5
        elif entry.feature_code in _LESSER_CODES:
            points -= 15
    return points


def choose(cand: Candidate, options: list[Option], context: DocumentContext,
           parent_admin1: str | None = None) -> Option | None:
    """The best option, inside the parent unit when one is named ("X district of the Y region")."""
    if parent_admin1:
        # "Kamyanka, Donetsk Obl": a Kamyanka of another oblast is surely wrong; better none (then a fuzzy
        # match inside the oblast, or the oblast itself) than that
        options = [o for o in options if o.entry.admin1_code == parent_admin1]
    options = _own_names_first(options, cand.name)
    if not options:
        return None
    by_towns = _among_villages(options) and not any(o.entry.admin1_code in context.admin1_sentences for o in options)
    best = max(options, key=lambda o: score(o, cand, context, by_towns))
    best = _city_over_a_namesake(best, options, cand, context)
    if _unsupported_small_place(best, cand, context):
        return None
    return best


def _among_villages(options: list[Option]) -> bool:
    """Every reading is a village: the provinces of the other towns a document names choose among villages, not
    over a town ("у Смілі та Конотопі" is Smila, not the village Smile near Konotop) or a region ("Wales")."""
    return all(o.entry.feature_class == "P" and o.entry.population < VILLAGE for o in options)


def _city_over_a_namesake(best: Option, options: list[Option], cand: Candidate, context: DocumentContext) -> Option:
    """A bare "Mykolaiv" is the city of half a million, not the small town of a province another paragraph
    names: only the name's own sentence can make it the small one, or a word that says it is no city ("в посёлке
    Октябрьский" of a Belgorod post is no city of 100,000 in Bashkortostan)."""
    if best.entry.feature_class != "P" or best.entry.population >= BIG_CITY or cand.village:
        return best
    if cand.sentence in context.admin1_sentences.get(best.entry.admin1_code or "", ()):
        return best
    cities = [o for o in options if o.entry.feature_class == "P" and o.entry.is_main and o.entry.iso == best.entry.iso
              and o.entry.population >= max(BIG_CITY, 10 * best.entry.population)]
    return max(cities, key=lambda o: o.entry.population) if cities else best


_NOWHERE = DocumentContext()  # a document that has said nothing yet of where it is


def _likeliest(options: list[Option], cand: Candidate) -> Option:
    """The reading a name has before the document says where it is: "St Petersburg" is the Russian city, not
    the smaller one in Florida whose own name it is (the Russian one has it as an alternate name)."""
    return max(_own_names_first(options, cand.name), key=lambda o: score(o, cand, _NOWHERE))


def _own_names_first(options: list[Option], name: str) -> list[Option]:
    """Places found under their own name; a place found under an alternate name stays only if far bigger,
    and then counts as named by its own name: the Russian spelling of a Ukrainian city (Makeevka for
    Makiivka, Konstantinovka for Kostiantynivka) is what the text means, not a hamlet or a far smaller town
    spelt that way. Short alternate names are codes and abbreviations ("Kan." for Kansas is one of
    Ganzhou's): those never count as own names.

    GeoNames alternate names are noisy (Belgorod lists "Bilhorod-Dnistrovskyi"), so context must not
    pull a text's "Bilhorod-Dnistrovskyi" to Belgorod; but "Kiev" (alternate name only) still finds Kyiv.
    """
    own = [o for o in options if o.entry.is_main]
    if not own:
        return options
    biggest_own = max(o.entry.population for o in own)
    # (not over a place of its own name in the same region: "Hrodivka" is the village near Pokrovsk, though GeoNames
    # also lists it among the alternate names of Myrnohrad next door)
    own_regions = {(o.entry.iso, o.entry.admin1_code) for o in own}
    far_bigger = [o for o in options if not o.entry.is_main and o.entry.population >= 10 * max(biggest_own, 1)
                  and (o.entry.iso, o.entry.admin1_code) not in own_regions]
    if len(normalise(name)) < MIN_SPELLING_LETTERS:
        return own + far_bigger
    return own + [replace(o, entry=replace(o.entry, is_main=True)) for o in far_bigger]


def _shares_stem(a: str, b: str, letters: int = 5) -> bool:
    a, b = normalise(a), normalise(b)
    return a[:letters] == b[:letters] and min(len(a), len(b)) >= letters


def _unsupported_small_place(option: Option, cand: Candidate, context: DocumentContext) -> bool:
    """A hamlet of some other country called like a capitalised word is noise, not a place of this story.
    So is a district (ADM2 and below) that a bare word names ("Independence Day" is no Day County)."""
    entry = option.entry
    lesser_unit = entry.feature_class == "A" and entry.feature_code not in _MAJOR_UNITS
    if (entry.feature_class != "P" and not lesser_unit) or cand.settlement or cand.unit:
        return False
    if not entry.is_main and not cand.place_context and entry.population < BIG_CITY:
        # GeoNames alternate names are noisy ("Putin" is one of Putyatintsy's, "Human" one of Uman's): a bare
        # one needs a big place, or to be a spelling of the place's own name (Debaltsevo, Debaltseve)
        if cand.sentence_initial or not _shares_stem(cand.name, entry.name):
            return True
    if context.supports(entry) and (entry.population >= UNSUPPORTED_TOWN or _named_near(entry, context)):
        # a hamlet of another country needs its province named, not just its country: an article about
        # Ukraine that names the United States twice is no support for Virgin, Utah
        return False
    if context.dominant_country is None and cand.place_context and entry.is_main:
        return False  # "shelling near X" in a text that says nothing else about where it is
    if cand.sentence_initial and not cand.place_context and entry.population < BIG_CITY and not (
            cand.label and entry.is_main and entry.population >= UNSUPPORTED_TOWN):
        # "Driver of car that tried...", "Law enforcement officers...": a headline's first word is capitalised
        # whatever it is; only a well-known place is believed there without support, or a town by its own name
        # opening an item as its label ("• Izmail: drones struck the port")
        return True
    if context.dominant_country is not None and not cand.place_context:
        # In a story about Ukraine, a bare capitalised word ("Right Sector") that names a village in India
        # is noise; a real town of another country named in passing is kept, under its own name.
        return entry.population < UNSUPPORTED_TOWN or not entry.is_main
    return entry.population < SMALL_PLACE or not entry.is_main
