"""Toponym candidates: capitalised word runs of a text with the context that tells what kind of place they are.

No NLP model: runs of capitalised words are cut into the longest names the gazetteer knows, and the words
around each ("district", "region", "city of", "south of") set what is looked up and at what precision.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from sitrep.casefree import could_find
from sitrep.geo.normalize import normalise
from sitrep.geo.wordlists import admin1_of_region, aliases, stopwords
from sitrep.nlp import english_stop_words

MAX_NAME_WORDS = 4

_LETTERS = r"[^\W\d_]"
_WORD_TAIL = rf"(?:['’ʼ]{_LETTERS}+)*(?:-{_LETTERS}+(?:['’ʼ]{_LETTERS}+)*)*"  # "’s", "-held", "-e Suf"
WORD = re.compile(rf"{_LETTERS}+{_WORD_TAIL}")
# The WORD matches (as WORD.finditer finds them) that open with a letter other than a-z, so every capitalised one:
# led by that letter, so that re skips to such letters, and begun where no WORD match reads on through it (after a
# letter, or after an apostrophe or a hyphen after a letter). Scanning every word made a match of each.
_CAPITAL_LED_WORD = re.compile(
    rf"[^\W\d_a-z](?<!{_LETTERS}{_LETTERS})(?<!{_LETTERS}['’ʼ-]{_LETTERS}){_LETTERS}*{_WORD_TAIL}")
_ALPHANUMERIC = re.compile(r"[^\W_]")  # str.isalnum, a character at a time
_WORD_CHARS = re.compile(r"\w+")
_POSSESSIVE = re.compile(r"['’ʼ]s$")
_SENTENCE_BREAK = re.compile(r"[.!?]['\"”’)]*\s+|\n\s*")

# ("the Donetsk regional governor", "Belgorod Governor Gladkov", "the governor of Kharkiv": a region's words)
# ("the head of the Donetsk military administration": an oblast's, so the oblast, not the city, unless it says "city")
_ADMIN1_WORDS = (r"regions?|regional|oblasts?|obl|provinces?|provincial|governor|krai|kray|governorates?|"
                 r"(?:people['’]s\s+)?republic|(?:civil[- ]?)?military\s+administration")
_ADMIN2_WORDS = r"districts?|raions?|rayons?"
UNIT_AFTER = re.compile(rf"^[ \t]+({_ADMIN1_WORDS}|{_ADMIN2_WORDS})\b", re.IGNORECASE)
# "Kursk and Belgorod regions": the first name of a list takes the unit word of the last.
LISTED_UNIT_AFTER = re.compile(
    rf"^(?:,\s*{_LETTERS}[\w'’-]*(?:\s+[A-Z][\w'’-]*)?)*,?\s+and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+"
    rf"({_ADMIN1_WORDS}|{_ADMIN2_WORDS})\b"
)
# "the Kyivskyi and Saltivskyi districts of the city", "the city's Shevchenkivskyi district": a district of the
# town the text tells of, not a namesake district elsewhere ("the district of the city of X" names its town)
_CITY = r"(?:city|town)"
_LISTED_NAMES = r"(?:[A-Z][\w'’-]*(?:,[ \t]*|,?[ \t]+and[ \t]+))*"
CITY_DISTRICT_AFTER = re.compile(
    rf"^(?:(?:,[ \t]*|,?[ \t]+and[ \t]+)[A-Z][\w'’-]*)*[ \t]+(?i:{_ADMIN2_WORDS})[ \t]+of[ \t]+the[ \t]+{_CITY}\b"
    r"(?![ \t]+of\b)")
CITY_DISTRICT_BEFORE = re.compile(rf"\bthe\s+{_CITY}['’]s\s+{_LISTED_NAMES}$")
# "the border region of Kursk", "the district of Yartsevo": the unit word stands before the name.
UNIT_BEFORE = re.compile(rf"\b({_ADMIN1_WORDS}|{_ADMIN2_WORDS})\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# (and each town of a list of them: "in the Toretsk and Pokrovsk directions")
DIRECTION_AFTER = re.compile(r"^(?:(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+)[A-Z][\w'’-]*)*[ \t]+(directions?|axis|axes|sectors?|front)\b",
                             re.IGNORECASE)
# "the Ukraine-controlled Donetsk cities of Sloviansk and Bakhmut": a name before towns it holds is their region's
TOWNS_OF_A_REGION_AFTER = re.compile(r"^[ \t]+(?:cities|towns|villages|settlements)\s+of\b", re.IGNORECASE)
SETTLEMENT_BEFORE = re.compile(
    r"\b(?:city|town|village|settlement|hamlet|urban-type settlement)s?\s+of\s+$", re.IGNORECASE
)
VILLAGE_BEFORE = re.compile(r"\b(?:village|settlement|hamlet|urban-type settlement)s?\s+of\s+$", re.IGNORECASE)
_COMPASS = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
RELATIVE_BEFORE = re.compile(
    r"\b(?:near|nearby|outside(?:\s+of)?|(?:the\s+)?outskirts\s+of|close\s+to|next\s+to|not\s+far\s+from|"
    rf"(?:the\s+)?vicinity\s+of|{_COMPASS}\s+of|(?:a\s+few|several|\d+)\s+(?:miles|km|kilometres|kilometers)"
    r"\s+(?:\w+\s+)?(?:from|of)|approach(?:es)?\s+to|towards?|around)\s+(?:the\s+)?"
    r"(?:(?:city|town|village|settlement)\s+of\s+)?$",
    re.IGNORECASE,
)
LABEL_AFTER = re.compile(r"[ \t]*:[ \t]")
PLACE_WORD_BEFORE = re.compile(
    r"\b(?:in|at|into|from|villages?|towns?|settlements?|hamlets?|"
    # what is done to a place: "shelling of X", "attack on X", "shelled X", "captured X"
    r"(?:shelling|bombardment|attacks?|strikes?|assault|offensive|raids?)\s+(?:of|on)(?:\s+the)?|"
    r"shell(?:s|ed)|hit|struck|attacked|bombed|captured|liberated|retook|entered)\s+$",
    re.IGNORECASE,
)
# "Donetsk News Agency", "Skhid task force", "Telegram channel Baza": the name is part of an organisation's
ORGANISATION_AFTER = re.compile(
    r"^[ \t]+(?:news\s+agency|agency|task\s+force|tv|channel|newspaper|media|"
    # ("the 155th Naval Infantry Brigade": a unit's kind may stand between its name and "brigade")
    r"(?:(?:infantry|marine|mechani[sz]ed|motori[sz]ed(?:\s+rifle)?|rifle|tank|assault|airborne|air\s+assault|"
    r"guards|artillery|territorial\s+defen[cs]e)\s+)?(?:brigade|battalion|regiment|division)|"
    r"think[\s-]?tank|institute|foundation|university|"
    # a ship or a river is named like a town and is neither ("the Saratov landing ship", "the Donets river")
    r"(?:landing\s+|missile\s+)?(?:ship|warship|cruiser|frigate|submarine|vessel|tug|corvette)|"
    r"(?:(?-i:[A-Z])[\w'’-]*[ \t]+)?river|"  # (and a river's first name: "the Siverskyi Donets River")
    # an avenue is named like a town and is none ("a drone shot down over Leninsky Prospekt"; not a highway or a
    # street, which an article names by the town it leads to or lies in)
    r"avenue|prospekt|prospect|boulevard|embankment|"
    r"park|square|gardens)\b",  # ("a missile struck near a playground in Shevchenko Park")
    re.IGNORECASE,
)
# "the left bank of the Dnipro", "across the Dnipro", "crossed the Dnipro": a river named like a town (geo_aliases.yaml
# rivers), not the town; "in Dnipro", "the Dnipro region" are the town and its unit.
RIVER_BEFORE = re.compile(
    r"\b(?:of|on|in|into|across|along|over|beyond|behind|crossing|crossed|cross|crosses|banks?|sides?|shores?|mouth|"
    r"bed|upstream|downstream)\s+the\s+$", re.IGNORECASE)
ORGANISATION_BEFORE = re.compile(r"\b(?:channel|outlet|newspaper|tabloid|website|agency)\s+$", re.IGNORECASE)
# "78 drones launched from the directions of Oryol, Bryansk and Millerovo", "missiles from the Kursk region": where
# the weapons came from, not where they struck (every name of such a list)
ORIGIN_BEFORE = re.compile(
    r"\b(?i:(?:(?:launched|launching|fired|firing|flown|flew|flying|took\s+off|coming|came|approaching)\s+(?:in\s+)?from|"
    r"(?:missiles?|drones?|UAVs?|rockets?|bombers?|aircraft|jets|warplanes|helicopters)\s+from)\s+(?:the\s+)?"
    r"(?:(?:directions?|areas?|territory|side|airspace|waters)\s+of\s+(?:the\s+)?)?"
    # ("fired from occupied Crimea")
    r"(?:(?:temporarily\s+)?(?:occupied|russian-occupied|russian-held|annexed)\s+)?)"
    # (each name of the list, and the country of one: "from the Kursk region of the Russian Federation"; "from the
    # Kursk and Bryansk regions and from Cape Chauda in occupied Crimea")
    r"(?:[A-Z][\w'’-]*+(?:[ \t]+[A-Z][\w'’-]*+)*+(?:[ \t]+(?:region|oblast|province|krai)s?)?"
    r"(?:\s*,\s*|\s*,?\s+and\s+(?:from\s+)?(?:the\s+)?|[ \t]+of[ \t]+(?:the[ \t]+)?|"
    r"[ \t]+in[ \t]+(?:(?:temporarily[ \t]+)?(?:occupied|russian-occupied|annexed)[ \t]+)?))*+$")
# "the injured man was taken to hospital in Chuhuiv", "the bodies were taken to Al-Aqsa Martyrs Hospital in nearby
# Deir al-Balah": where the hospital or the morgue is, not the event
HOSPITAL_BEFORE = re.compile(
    r"\b(?:hospitali[sz]ed|treated|(?:taken|brought|rushed|transported|transferred|evacuated|airlifted|flown|sent|admitted)"
    r"\s+to)\s+(?:(?:a|the)\s+)?(?:(?:local|regional|military|district|city|nearby)\s+)?(?:(?:[\w'’-]+\s+){0,3}?"
    r"(?:hospitals?|clinic|morgue|medical\s+facilit(?:y|ies)))?\s*(?:in|at)\s+(?:the\s+)?(?:nearby\s+)?"
    r"(?:(?:city|town)\s+of\s+)?$", re.IGNORECASE)
# ... each with how many characters back it is looked for (a list of a few names after "from the directions of")
# "not to be confused with Udachny in Yakutia": the namesake a text warns of, and where it lies
NOT_TO_BE_CONFUSED_BEFORE = re.compile(r"\bnot\s+to\s+be\s+confused\s+with\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)
ELSEWHERE_BEFORE = ((ORIGIN_BEFORE, 150), (HOSPITAL_BEFORE, 80), (NOT_TO_BE_CONFUSED_BEFORE, 70))
# Weapons are named after storms, flowers and towns ("Uragan and Smerch rockets", "Buk, Tor and Osa systems",
# "a Tochka-U missile"): every name of such a list is a weapon's. Not "the Odesa missile strike", whose
# name is the place struck, nor "Kyiv’s air defence systems", which are where the drones fell.
# From the first space of a run only (linear in a run of spaces), that space read first: re skips to a space
# before trying the pattern, where a look-behind first had it try every character.
WEAPON_NOUN = re.compile(
    r"\s(?<!\s\s)\s*(?:(?:multiple\s+)?(?:rocket|missile)\s+)?(?:missiles?|rockets?|(?:rocket\s+)?launchers?|howitzers?|"
    r"guns?|mortars?|shells|(?:anti-aircraft\s+|missile\s+)?(?:systems?|complex(?:es)?)|MLRS)\b"
    r"(?!\s+(?:strikes?|attacks?|barrages?|fire|hit|struck|landed))"
)
# the list of names before a weapon word, read in a bounded window (so the search stays linear in the text)
WEAPON_NAMES_BEFORE = re.compile(r"[A-Z]\w*(?:-\w+)*(?:(?:\s*,\s*|\s*,?\s+(?:and|or)\s+)[A-Z]\w*(?:-\w+)*)*+$")
WEAPON_LIST_REACH = 160
# Endings of East Slavic surnames: a capitalised word the gazetteer does not know, ending so, after another
# one makes the pair a person's name.
SURNAME = re.compile(r"(?:[oe]v|[oe]va|yov|[iy]n|[iy]na|sk[iy]i?|skyy|ska|enko|[cy]?[hy]?uk|[iy]ch|vich|kov|liv|niv)$")
LIST_GAP = re.compile(r"^\s*(?:,|and|,\s*and|or)\s*$")
# ("the village of Kanan in the northwestern Sagaing region": a word of where in it, or of its state, may stand
# between "the" and the unit's name)
_REGION_ADJECTIVE = (rf"(?:{_COMPASS}|central|(?:north|south|east|west)ernmost|far[- ](?:north|south|east|west)(?:ern)?|"
                     r"restive|neighbou?ring|embattled|war-torn|troubled|front-?line|border|mountainous|remote|"
                     # "of the Russian-backed Donetsk People's Republic", "of the so-called Luhansk region"
                     r"(?:russian|moscow|kremlin)-(?:backed|controlled|occupied|installed|annexed)|so-called|"
                     r"self-proclaimed|separatist|occupied)")
PARENT_GAP = re.compile(rf"^\s*(?:,|\(|of|in|,\s*in)\s*(?:the\s+)?(?:{_REGION_ADJECTIVE}\s+)?$", re.IGNORECASE)
# "the Leninsky district of Luhansk": a city's district lies in the city's province (many cities have one
# of that Soviet name)
CITY_PARENT_GAP = re.compile(r"^\s+of\s+(?:the\s+)?(?:city\s+of\s+)?$", re.IGNORECASE)
# "Serhiivka, 50km south of Odesa", "a village about 30 miles (48km) east of Kharkiv": the place lies in the
# province of the town it is measured from.
DISTANCE_GAP = re.compile(
    r"^\s*,\s*(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,2})?(?:about\s+|some\s+|around\s+|roughly\s+|nearly\s+)?"
    rf"\d+\s*(?:km|kilometres|kilometers|miles)\s*(?:\([^)]{{0,20}}\)\s*)?{_COMPASS}\s+of\s+"
    r"(?:the\s+(?:city|town|port|village|regional\s+capital)\s+of\s+)?$",
    re.IGNORECASE,
)


# The most runs of non-space characters a match of each pattern above that ends in $ spans ("a few miles north
# from the city of": 8); see _ends_with.
_WORDS_OF = {UNIT_BEFORE: 4, SETTLEMENT_BEFORE: 3, VILLAGE_BEFORE: 3, RELATIVE_BEFORE: 8, PLACE_WORD_BEFORE: 3}
# _WORDS_OF by the patterns' ids: a compiled pattern's own hash reads all of its compiled code each time
_WORDS_BY_ID = {id(pattern): words for pattern, words in _WORDS_OF.items()}
_MODEL_NUMBER = re.compile(r"-\d")  # "Su-25", "Tu-22M3"
_ADMIN2_WORD = re.compile(_ADMIN2_WORDS, re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    """A span of the text that may name a place, and what its context says about it."""

    start: int  # the name and its unit word: "Smolensk region"
    end: int
    name: str  # the name words only: "Smolensk"
    known: bool  # the gazetteer knows the name (else only a fuzzy match may resolve it)
    sentence: int
    unit: str | None = None  # 'admin1' | 'admin2' | None
    settlement: bool = False  # "city of X", "village of X"
    village: bool = False  # "village of X": no city of the name is meant
    relative: bool = False  # "near X", "south of X", "X direction": geo_precision 2
    sentence_initial: bool = False  # capitalised because it opens a sentence (or the text is title case)
    place_context: bool = False  # "in X", "villages X": allowed to fuzzy-match
    parent: int | None = None  # index of the candidate naming the unit that contains this one
    other_names: tuple[str, ...] = ()  # other forms the words may be read in ("удачное" beside "удачный")
    city_part: bool = False  # "the city's X district": a part of the town the text tells of (CITY_DISTRICT_AFTER)
    label: bool = False  # "Avdiivka: ...", "• Izmail: ...": a sentence's opening label, the place of what follows


@dataclass(frozen=True)
class Token:
    """A word of the text, where it stands, and whether it opens its sentence."""
    start: int
    end: int
    text: str
    sentence: int
    sentence_initial: bool


def find_candidates(
    text: str,
    is_known: Callable[[str], bool],
    exclude_spans: Sequence[tuple[int, int]] = (),
    person_spans: Sequence[tuple[int, int]] = (),
) -> list[Candidate]:
    """Candidate toponyms of `text` in document order; is_known(name) says whether the gazetteer has it.
    `person_spans`: names of people an NER model found, whose words are then no place anywhere in the text."""
    found: list[Candidate] = []
    title_case = _is_title_case(text)
    spans = _Spans(exclude_spans)
    runs = _joined_over_particles(text, _capitalised_runs(text, spans, title_case), is_known)
    runs = _with_particle_led_names(text, runs, is_known, spans)
    words_of_text = set(_WORD_CHARS.findall(text))
    split = [c for run in runs for c in _split_run(text, run, is_known, words_of_text, title_case)]
    # a name the text gives a person or an organisation somewhere is theirs everywhere in it ("an expert at the
    # Rusi thinktank" ... "estimates provided to Rusi": no village in Romania)
    not_places = person_words(text, runs, is_known, person_spans)
    weapons = _weapon_lists(text)
    organisations = {c for c in split if _names_organisation(text, c) or _names_weapon(c, weapons)}
    not_places.update(normalise(c.name) for c in organisations)
    found = [c for c in split if c not in organisations and not _names_person(c, not_places) and not _names_river(text, c)
             and not _names_elsewhere(text, c)]
    found = _with_list_context(text, found)
    return _with_parents(text, found)


# A capital that begins a word: r"\b[A-Z]", with the capital first. re looks for a pattern's first character
# before trying it, but for none after a leading \b: it tried each of a text's characters.
WORD_START_CAPITAL = r"[A-Z](?<!\w[A-Z])"
# "Serhii, 44, a miner": a name and an age are a person's.
# (A name of at most 40 characters: the search tries every capital of "A-A-A-...", and must not read on to its end.)
_NAME_AND_AGE = re.compile(rf"({WORD_START_CAPITAL}[\w'’-]{{1,40}}+),\s+(?:aged\s+)?\d{{1,2}},")
# "a resident, Antonina, told AFP": a name set off by commas after a noun (a person's, if the noun is one of
# geo_stopwords.txt's person nouns).
_SET_OFF_NAME = re.compile(r"\b(?P<noun>[a-z]{2,20}+),\s+(?P<name>[A-Z][\w'’-]{1,40}+),")
# "Shevchenko's mother": a name and its kin (geo_stopwords.txt's [kin]).
_NAME_AND_KIN = re.compile(rf"({WORD_START_CAPITAL}[\w-]{{1,40}}+)['’]s\s+([a-z]+)\b")
# "Mr. Mau", "Dr. Horn": an honorific and a dot, which the runs of capitalised words do not join.
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Maj)\.\s+([A-Z][\w'’-]+)")


def person_words(
    text: str, runs: list[list[Token]], is_known: Callable[[str], bool], person_spans: Sequence[tuple[int, int]] = ()
) -> set[str]:
    """Words that name a person somewhere in the text, and so name that person everywhere in it: "Pentagon
    spokesman John Kirby ... Kirby said" (the second "Kirby" is no town in Texas). Found after a title or a
    first name, after "Mr.", as an unknown surname-shaped second word, and in NER person names."""
    stop = stopwords()
    words: set[str] = set()
    for run in runs:
        first = normalise(run[0].text)
        titled = first in stop.titles or _after_a_title(text, run[0].start)
        if len(run) > 1 and (titled or first in stop.given_names) and not UNIT_AFTER.match(" " + run[1].text):
            words.update(normalise(t.text) for t in run[1:] if normalise(t.text) not in stop.titles)
        elif len(run) == 2 and SURNAME.search(run[1].text) and not is_known(text[run[0].start:run[1].end]):
            words.add(normalise(run[1].text))
    words.update(normalise(m.group(1)) for m in _HONORIFIC.finditer(text))
    words.update(normalise(m.group(1)) for m in _NAME_AND_AGE.finditer(text))
    words.update(normalise(m.group(1)) for m in _NAME_AND_KIN.finditer(text) if normalise(m.group(2)) in stop.kin)
    words.update(normalise(m.group("name")) for m in _SET_OFF_NAME.finditer(text)
                 if normalise(m.group("noun")) in stop.person_nouns)
    for start, end in person_spans:
        words.update(normalise(w) for w in WORD.findall(text[start:end])[1:])  # the surname and any later names
    return words


# "police spokesman Abdifatah Aden Hassan": a title in lower case, right before a name
_WORD_BEFORE = re.compile(r"\b([a-z]+)\s+$")


def _after_a_title(text: str, start: int) -> bool:
    """Does a title in lower case stand right before the name at `start` ("police spokesman Ali Hassan")?"""
    before = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return before is not None and normalise(before.group(1)) in stopwords().titles


def _names_person(cand: Candidate, people: set[str]) -> bool:
    """A one-word candidate that names a person elsewhere in the text, unless the text says it is a place
    here ("the town of X", "X district")."""
    if " " in cand.name or cand.unit or cand.settlement:
        return False
    return normalise(cand.name) in people


def _names_organisation(text: str, cand: Candidate) -> bool:
    if cand.unit:
        return False
    return bool(ORGANISATION_AFTER.match(text[cand.end:cand.end + 40])
                or ORGANISATION_BEFORE.search(text[max(0, cand.start - 40):cand.start]))


def _names_river(text: str, cand: Candidate) -> bool:
    """"on the left bank of the Dnipro", "across the Dnipro": the river of a town's name, by the words before it.
    Only this mention: the text may name the town elsewhere ("a missile hit Dnipro")."""
    if cand.unit or cand.settlement or normalise(cand.name) not in aliases().rivers:
        return False
    return (RIVER_BEFORE.search(text, max(0, cand.start - 30), cand.start) is not None
            and DIRECTION_AFTER.match(text[cand.end:cand.end + 40]) is None)


def _names_elsewhere(text: str, cand: Candidate) -> bool:
    """A place the event did not happen in: "drones launched from the directions of Oryol and Bryansk" (where the
    weapons came from), "taken to hospital in Chuhuiv" (where the wounded were treated)."""
    return any(before_it.search(text, max(0, cand.start - reach), cand.start) for before_it, reach in ELSEWHERE_BEFORE)


def _weapon_lists(text: str) -> list[tuple[int, int]]:
    """Spans of the names listed before a weapon word ("Buk, Tor and Osa" of "Buk, Tor and Osa systems")."""
    spans = []
    for noun in WEAPON_NOUN.finditer(text):
        start = max(0, noun.start() - WEAPON_LIST_REACH)
        names = WEAPON_NAMES_BEFORE.search(text, start, noun.start())
        if names:
            spans.append((names.start(), noun.start()))
    return spans


def _names_weapon(cand: Candidate, weapons: list[tuple[int, int]]) -> bool:
    return not (cand.unit or cand.settlement) and any(start <= cand.start and cand.end <= end for start, end in weapons)


def sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE_BREAK.finditer(text)]


def under_their_headings(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """"Кореневский район. В селе Любимовка ...": a sentence that is only a district's or a province's name heads
    what follows; the places named after it, up to the next such heading, lie inside it (a governor's round-up,
    district by district, whose paragraphs after the first of a district do not name it again)."""
    starts = sentence_starts(text) + [len(text)]
    out = list(candidates)
    heading: int | None = None
    for i, cand in enumerate(candidates):
        sentence = text[starts[cand.sentence]:starts[cand.sentence + 1]].strip().rstrip(".:")
        if cand.unit in ("admin1", "admin2") and sentence == text[cand.start:cand.end]:
            heading = i
        elif heading is not None and cand.unit is None and cand.parent is None:
            out[i] = replace(cand, parent=heading)
    return out


class _Spans:
    """Spans (NER's people and organisations) that a word may overlap, asked in log time: a scan of them all
    for each word of a long text was quadratic."""

    def __init__(self, spans: Sequence[tuple[int, int]]):
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    def overlap(self, start: int, end: int) -> bool:
        last = bisect_left(self._starts, end) - 1  # the last span that starts before `end`
        return last >= 0 and self._ends[last] > start


# "St. Paul", "Mt. Hood", "Ft. Worth": the dot of an abbreviation joins a name, it does not end a sentence.
_ABBREVIATED_TITLES = frozenset({"St", "Ste", "Mt", "Ft"})


def _capitalised_runs(text: str, exclude_spans: _Spans, title_case: bool = False) -> list[list[Token]]:
    """Runs of capitalised words; in a title-case text every word counts as capitalised whatever it is,
    like a sentence's first word."""
    starts = sentence_starts(text)
    runs: list[list[Token]] = []
    current: list[Token] = []
    first_alphanumeric: dict[int, int] = {}  # of each sentence asked about: where its first letter or digit stands
    # (a lower-case word between two capitalised ones parts them as it did when every word was read: the gap
    # between them is then no space)
    for match in _CAPITAL_LED_WORD.finditer(text):
        start = match.start()
        if not text[start].isupper():  # a lower-case letter beyond a-z: no name word (see _is_name_word)
            continue
        sentence = bisect_right(starts, start) - 1
        word = match.group()
        possessive = _POSSESSIVE.search(word)
        if possessive:
            word = word[:possessive.start()]  # "Kiev's Independence Square", "Donetsk’s suburb"
        # the first word of its sentence: nothing alphanumeric before it in the sentence
        initial = title_case or _first_alphanumeric(text, starts[sentence], first_alphanumeric) >= start
        token = Token(match.start(), match.start() + len(word), word, sentence, initial)
        gap = text[current[-1].end:token.start] if current else ""
        joined = bool(current) and (gap == " " or (gap == ". " and current[-1].text in _ABBREVIATED_TITLES)) and (
            current[-1].sentence == sentence or gap == ". ")
        if possessive and _is_name_word(text, token, exclude_spans):
            if current and not joined:
                runs.append(current)
                current = []
            runs.append([*current, token] if joined else [token])  # a possessive ends a name
            current = []
            continue
        if not _is_name_word(text, token, exclude_spans):
            if current:
                runs.append(current)
            current = []
            continue
        if not joined and current:
            runs.append(current)
            current = []
        current.append(token)
    if current:
        runs.append(current)
    return runs


# "Deir al-Balah", "Deir ez Zor", "Dar es Salaam": a lower-case article or particle inside a name, then its next
# capitalised word (which, after a hyphen, is no capital-led word of its own)
_ARABIC_ARTICLES = r"al|el|ad|ar|as|ash|at|az|ed|en|es|ez|an|ul|ur"
_PARTICLE_AND_WORD = re.compile(
    rf" (?:{_ARABIC_ARTICLES}|bin|ibn|de|del|da|dos|das|do|di|du|la|le)[- ][^\W\d_a-z]{_LETTERS}*")


def _joined_over_particles(text: str, runs: list[list[Token]], is_known: Callable[[str], bool]) -> list[list[Token]]:
    """Runs whose last word and a particle and a capitalised word after it make a name the gazetteer knows hold
    them as one word ("Deir al-Balah" is no "Deir", a district in Iran); only a known name: "Kharkiv as Russian
    forces ..." stays Kharkiv."""
    out: list[list[Token]] = []
    swallowed_to = -1  # where the last joined name ends: a run's first word before it was taken into it
    for run in runs:
        if run[0].start < swallowed_to:
            run = [t for t in run if t.start >= swallowed_to]
            if not run:
                continue
        last = run[-1]
        after = _PARTICLE_AND_WORD.match(text, last.end)
        if after and is_known(text[last.start:after.end()]):
            run = [*run[:-1], replace(last, end=after.end(), text=text[last.start:after.end()])]
            swallowed_to = after.end()
        out.append(run)
    return out


# "al-Kiswah", "el-Obeid", "as-Suwayda": a name led by a lower-case Arabic article, no capital-led word of its own
_PARTICLE_LED_NAME = re.compile(rf"(?<![\w'’-])(?:{_ARABIC_ARTICLES})-[^\W\d_a-z]{_LETTERS}*")


def _with_particle_led_names(
    text: str, runs: list[list[Token]], is_known: Callable[[str], bool], exclude_spans: _Spans
) -> list[list[Token]]:
    """The runs, and a run of each name led by a lower-case article that the gazetteer knows whole ("near
    al-Kiswah, south of Damascus"); one unknown ("al-Qaeda", "al-Shabaab") is none."""
    led = [match for match in _PARTICLE_LED_NAME.finditer(text)
           if is_known(match.group()) and not exclude_spans.overlap(match.start(), match.end())]
    if not led:
        return runs
    named = _Spans([(run[0].start, run[-1].end) for run in runs])  # ("Deir al-Balah" joined already)
    led = [match for match in led if not named.overlap(match.start(), match.end())]
    starts = sentence_starts(text)
    added = [[Token(m.start(), m.end(), m.group(), bisect_right(starts, m.start()) - 1, False)] for m in led]
    return sorted(runs + added, key=lambda run: run[0].start)


def _first_alphanumeric(text: str, sentence_start: int, found: dict[int, int]) -> int:
    """Where the first letter or digit from `sentence_start` on stands (len(text) if none), kept in `found`: each
    sentence is read once, however many capitalised words it has."""
    if sentence_start not in found:
        first = _ALPHANUMERIC.search(text, sentence_start)
        found[sentence_start] = first.start() if first else len(text)
    return found[sentence_start]


def _is_name_word(text: str, token: Token, exclude_spans: _Spans) -> bool:
    word = token.text
    if not word[0].isupper():
        return False
    if len(word) > 1 and word.isupper() and normalise(word) not in aliases().regions:
        return False  # acronyms: HIMARS, NATO, UAV (but DPR is a region)
    if _MODEL_NUMBER.match(text[token.end:token.end + 2]):
        return False  # model names: Su-25, Tu-22M3
    return not exclude_spans.overlap(token.start, token.end)


def _is_title_case(text: str) -> bool:
    """"Shelling Hits Donetsk Suburbs": every word capitalised, so capitals say little."""
    words = [w for w in WORD.findall(text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) > 0.85 * len(words)


def _split_run(
    text: str, run: list[Token], is_known: Callable[[str], bool], words_of_text: set[str], title_case: bool = False
) -> list[Candidate]:
    stop = stopwords()
    first = normalise(run[0].text)
    if first in stop.titles:
        return []  # "President Zelensky", "Governor Gladkov"
    # a first name with a word after it opens a person's name, whatever the gazetteer says
    named = next((k for k in range(len(run) - 1) if normalise(run[k].text) in stop.given_names
                  and not UNIT_AFTER.match(" " + run[k + 1].text)), None)
    if named == 0:
        return []  # "Vladimir Putin", "Roman Zakharov"
    if named is not None:
        run = run[:named]  # "Volunteer Ivan Poltavets": the words before it, not "Ivan", a Hungarian village
    if len(run) == 2 and SURNAME.search(run[1].text) and not is_known(run[1].text) \
            and not is_known(text[run[0].start:run[1].end]):
        return []  # "Serhiy Yelyseyev", "Demian Danyliv": a first name the list lacks, and a surname
    candidates = []
    i = 0
    after_unknown = False  # the word before is a capitalised word the gazetteer does not know
    while i < len(run):
        if _qualifies_the_next(run, i, is_known):
            after_unknown = False  # "Kremlin-controlled Olenivka": a name's qualifier, not another name's start
            i += 1
            continue
        for size in range(min(MAX_NAME_WORDS, len(run) - i), 0, -1):
            words = run[i:i + size]
            name = text[words[0].start:words[-1].end]
            if _is_stop(words, stop.not_places) or (size == 1 and _is_common_word(text, words[0], words_of_text)):
                continue
            if size > 1 and normalise(words[0].text) in english_stop_words():
                continue  # "The Belgorod": a name does not start with "The"
            known = is_known(name)
            if known and size == 1 and after_unknown and not title_case:
                # "Special Monitoring Mission", "Independence Day": the last word of some other name
                after_unknown = False
                i += 1
                break
            if known or size == 1:
                candidates.append(_candidate(text, words, name, known=known))
                after_unknown = not known and not words[0].sentence_initial  # a sentence opener says nothing
                i += size
                break
        else:
            after_unknown = False
            i += 1
    return candidates


# The shortest name read after a qualifier ("Iran-backed Al Houthi militia": no town "Al").
MIN_QUALIFIED_NAME = 4


def _qualifies_the_next(run: list[Token], i: int, is_known: Callable[[str], bool]) -> bool:
    """Is the run's i-th word a compound adjective, unknown to the gazetteer, before a name long enough to read?"""
    word = run[i].text
    return i + 1 < len(run) and len(run[i + 1].text) >= MIN_QUALIFIED_NAME and _compound_adjective(word) and not is_known(word)


def _compound_adjective(word: str) -> bool:
    """"Kremlin-controlled", "Russian-held", "Kyiv-based": a capitalised word whose last hyphened part is a
    lower-case word (not the "e" of "Dar-e Suf")."""
    head, hyphen, last = word.rpartition("-")
    return bool(hyphen and head and len(last) >= 3 and last.islower())


def _is_stop(words: list[Token], not_places: frozenset[str]) -> bool:
    if len(words) == 1:
        norm = normalise(words[0].text)
        return norm in not_places or norm in english_stop_words() or UNIT_AFTER.match(" " + words[0].text) is not None
    return normalise(words[-1].text) in not_places or UNIT_AFTER.match(" " + words[-1].text) is not None


def _is_common_word(text: str, token: Token, words_of_text: set[str]) -> bool:
    """A sentence-initial word that the same text also writes in lower case ("Shelling ... shelling"), or a common
    noun that opens sentences ("Man describes ...": geo_stopwords.txt, sentence nouns).
    `words_of_text`: the text's runs of word characters, so that most words are a look-up, not a search of
    the whole text (for every word of a title-case text, that was quadratic)."""
    if not token.sentence_initial:
        return False
    lower = token.text.lower()
    if normalise(lower) in stopwords().sentence_nouns:
        return True
    parts = _WORD_CHARS.findall(lower)
    if parts == [lower]:
        return lower in words_of_text
    if not all(part in words_of_text for part in parts):
        return False
    return re.search(rf"\b{re.escape(lower)}\b", text) is not None  # "Pro-Russian ... pro-russian"


def _candidate(text: str, words: list[Token], name: str, known: bool) -> Candidate:
    start, end = words[0].start, words[-1].end
    after = text[end:end + 120]
    before = text[max(0, start - 80):start]
    unit = None
    unit_match = UNIT_AFTER.match(after)
    if unit_match:
        end += unit_match.end()
        unit = _unit_level(unit_match.group(1))
    elif listed := LISTED_UNIT_AFTER.match(after):
        unit = _unit_level(listed.group(1))
    elif unit_before := _ends_with(UNIT_BEFORE, before):
        unit = _unit_level(unit_before.group(1))
    elif TOWNS_OF_A_REGION_AFTER.match(after):
        unit = "admin1"
    relative = bool(_ends_with(RELATIVE_BEFORE, before) or DIRECTION_AFTER.match(after))
    settlement = bool(_ends_with(SETTLEMENT_BEFORE, before))
    city_part = unit == "admin2" and bool(CITY_DISTRICT_AFTER.match(after) or CITY_DISTRICT_BEFORE.search(before))
    return Candidate(
        start=start, end=end, name=name, known=known, sentence=words[0].sentence, unit=unit,
        settlement=settlement, village=bool(_ends_with(VILLAGE_BEFORE, before)), relative=relative,
        sentence_initial=words[0].sentence_initial,
        place_context=settlement or relative or bool(_ends_with(PLACE_WORD_BEFORE, before)), city_part=city_part,
        label=words[0].sentence_initial and LABEL_AFTER.match(after) is not None,
    )


def _unit_level(unit_word: str) -> str:
    return "admin2" if _ADMIN2_WORD.match(unit_word) else "admin1"


def _ends_with(pattern: re.Pattern, before: str) -> re.Match | None:
    """`pattern.search(before)` for a pattern of _WORDS_OF, read from where the last runs of non-space characters
    that a match of it may span begin: no match begins before them (its words are parted by \\s+, the spaces
    str.split parts at), so the match is the same, and the 80 characters before a name are not each tried as
    its start (those searches were a fifth of the geocoder's time). Most find nothing, which their
    case-sensitive twins tell sooner (`casefree`)."""
    words = _WORDS_BY_ID[id(pattern)]
    parts = before.rsplit(maxsplit=words)
    start = len(parts[0]) if len(parts) > words else 0
    return pattern.search(before, start) if could_find(pattern, before, start) else None


def _with_list_context(text: str, found: list[Candidate]) -> list[Candidate]:
    """In "in Igomenka and Dragonsko" the second name shares the place context of the first."""
    out: list[Candidate] = []
    for cand in found:
        prev = out[-1] if out else None
        if prev and prev.place_context and not cand.place_context and LIST_GAP.match(text[prev.end:cand.start]):
            cand = replace(cand, place_context=True)
        out.append(cand)
    return out


def _with_parents(text: str, found: list[Candidate]) -> list[Candidate]:
    """"Yartsevo district of the Smolensk region": Yartsevo must lie in the unit named next; "Serhiivka, 50km
    south of Odesa" and "the Leninsky district of Luhansk" in the province of the town named next."""
    out = list(found)
    for i in range(len(out) - 1):
        child, parent = out[i], out[i + 1]
        gap = text[child.end:parent.start]
        if child.unit == "admin2" and parent.unit != "admin1" and CITY_PARENT_GAP.match(gap):
            # the word "district" is the child's: the parent is the city, not "the district of Y"
            out[i] = replace(child, parent=i + 1)
            out[i + 1] = replace(parent, unit=None)
        elif child.unit != "admin1" and (
            # ("Andriivka, DPR": a republic of one oblast holds it as the oblast does)
            ((parent.unit == "admin1" or admin1_of_region(parent.name)) and PARENT_GAP.match(gap))
            or DISTANCE_GAP.match(gap)
        ):
            out[i] = replace(child, parent=i + 1)
    return out
