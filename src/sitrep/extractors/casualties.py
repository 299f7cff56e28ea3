"""How many were killed and wounded, as the most conservative figure a sentence gives.

"No casualties" is 0 killed, and so is a casualty report that counts only wounded; no figure at all is
unknown (None), never 0. An unnumbered plural ("soldiers killed") is at least two.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..casefree import could_find
from ..language import is_cyrillic_text
from ..model import PARTISAN_CLAIM_FLOOR, Evidence
from .cyrillic_reports import counts_a_running_total, cyrillic_toll, parse_cyrillic_number
from .lexicon import ends_at

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a dozen": 12, "dozen": 12, "dozens": 12, "scores": 20, "hundreds": 100,
    "a couple": 2, "couple": 2, "several": 3, "a few": 3, "few": 3, "both": 2,
}
_VAGUE = {"a", "an", "dozen", "dozens", "scores", "hundreds", "several", "few", "couple", "both"}
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# "Twenty-two" before "two": a compound number is one figure, not its last word.
_COMPOUND = rf"(?:{'|'.join(_TENS)})[- ](?:{'|'.join(_UNITS)})"
FIGURE = (
    # "1,200" is one figure; the comma of "on July 15, dies" ends one.
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{_COMPOUND}|"
    + "|".join(sorted(map(re.escape, _NUMBER_WORDS), key=len, reverse=True))
    + r")(?![\w-])"
)
_NUM = rf"(?P<num>{FIGURE})"
# A figure that counts, not "a", "several" or "dozens": "1,200", "two", "twenty-two".
COUNT = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{_COMPOUND}|"
    + "|".join(w for w, n in _NUMBER_WORDS.items() if " " not in w and w.isalpha() and w not in _VAGUE)
    + r")(?![\w-])"
)
_QUALIFIER = r"(?:(?:at least|up to|more than|over|about|around|nearly|almost|some|another|at most|all)\s+)?"
# Who died, between the figure and the verb: "Ukrainian security service colonels", "soldiers, police",
# "civilians and troops". No word of it is a figure ("two soldiers and three civilians" are two groups), and
# a list goes on only with plurals the figure counts: in "two soldiers, army medic" the medic is one more.
_PLURAL_WORD = r"(?:[\w’'-]+s|\w*men|police|people|personnel|militia)\b"
_NOUN = (
    rf"(?:(?:(?:and|or)\s+(?={_PLURAL_WORD}))?(?!and\b|or\b|{FIGURE})[\w’'-]+(?:,(?=\s+{_PLURAL_WORD}))?\s+){{0,4}}?"
)
_KILLED_WORDS = r"killed|dead|died|dies|die|shot dead|fatally wounded|mortally wounded|slain|lost their lives|perished|massacred|executed|murdered|fatalities|deaths|KIA"
_KILLED = rf"(?:{_KILLED_WORDS})"
# Any word of death: a sentence that has one is no report of wounded alone.
_ANY_DEATH = re.compile(rf"\b(?:{_KILLED_WORDS}|kill\w*|deadly|death\w*|bod(?:y|ies))\b", re.I)
_WOUNDED = r"(?<!fatally )(?<!mortally )(?:wounded|injured|hurt|injuries|wounding|injuring|WIA)"

# "a strike on a printing house killed (at least) seven": the words before "killed" are what killed, not one dead.
_COUNT_AFTER = (rf"(?!\s+{_QUALIFIER}(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|dozens|"
                r"scores|hundreds)\s+(?!(?:days?|weeks?|months?|years?|hours?)\b))")
# "three days after she was killed": a span of time, not a count of dead.
_NOT_TIME = r"(?!\s+(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?)\b)"
# "a doctor put the toll at", "officials put the number of dead at": a count, and another source's
_PUT_THE_TOLL_AT = r"\bput(?:s|ting)?\s+the\s+(?:(?:death|casualty)\s+)?(?:toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|victims))\s+at"
_KILLED_PATTERNS = [
    re.compile(rf"\b{_QUALIFIER}{_NUM}{_NOT_TIME}\s+{_NOUN}(?:(?:were|was|have been|has been|had been|are|is)\s+)?{_KILLED}\b"
               rf"{_COUNT_AFTER}", re.I),
    # "Five civilians, including two children, died": the whole before the part.
    re.compile(rf"\b{_QUALIFIER}{_NUM}(?:\s+[\w-]+){{0,2}}?,?\s+(?:including|among them)\s+[^,;:]{{1,40}}?,?\s+(?:(?:were|have been)\s+)?{_KILLED}\b", re.I),
    re.compile(rf"\b(?:killing|kills|killed|kill|eliminated|eliminating|liquidated|neutrali[sz]ed|claimed the lives of|death of|deaths of|killing of)\s+{_QUALIFIER}{_NUM}\b(?!\s+(?:times|years|days|km|miles|percent|%))", re.I),
    re.compile(rf"\bdeath toll\s+(?:[\w’'-]+,?\s+){{0,14}}?(?:to|at|of|reached|rose to|rises to|climbs to)\s+{_QUALIFIER}{_NUM}\b", re.I),
    # (possessive: "killed" and 10,000 spaces is one way to read, not 10,000 ways to split them around no colon)
    re.compile(rf"\b{_KILLED}\s*+(?::\s*+)?{_QUALIFIER}{_NUM}\b(?!\s+(?:times|years|days|km|miles))", re.I),
    # "an ambush that claimed six lives", "the blast cost 12 lives"
    re.compile(rf"\b(?:claimed|claiming|claims|cost|costing|took|taking)\s+(?:the\s+)?{_QUALIFIER}{_NUM}\s+(?:more\s+)?lives\b", re.I),
    # "toll rises to three", "the toll in Kharkiv has risen to two": a toll that rises is one of the dead
    re.compile(rf"\btoll\s+(?:[\w’'-]+,?\s+){{0,10}}?(?:has\s+|had\s+)?(?:rose|rises|risen|climbed|climbs|jumped)\s+to\s+"
               rf"{_QUALIFIER}{_NUM}\b", re.I),
    # "a doctor put the toll at 11", "officials put the number of dead at nine"
    re.compile(rf"{_PUT_THE_TOLL_AT}\s+{_QUALIFIER}{_NUM}\b", re.I),
]
_WOUNDED_PATTERNS = [
    re.compile(rf"\b{_QUALIFIER}{_NUM}{_NOT_TIME}\s+{_NOUN}(?:(?:were|was|have been|has been|had been|are|is)\s+)?{_WOUNDED}\b", re.I),
    re.compile(rf"\b(?:wounding|injuring|wounded|injured|wounds|injures)\s+{_QUALIFIER}{_NUM}\b", re.I),
]
_NO_CASUALTIES = re.compile(
    r"\b(no (casualties|deaths|fatalities|one was (killed|hurt|injured)|victims|dead)|nobody was (killed|hurt|injured)|"
    r"no one was (killed|hurt|injured)|without casualties|no immediate reports? of casualties|no injuries or deaths)\b",
    re.I,
)
_NO_INJURIES = re.compile(r"\b(no (casualties|injuries|one was (hurt|injured))|nobody was (hurt|injured)|without casualties)\b", re.I)
# "Five civilians including two children": a figure that counts part of another, never the toll itself.
_PART_OF_A_WHOLE = re.compile(rf"\b(?:including|among them|of them|of whom)\s+{_QUALIFIER}$", re.I)
# "a boy aged 12", "three children aged eight, 12 and 17", "aged between 20 and 40": ages, not counts of the dead
_AGES = re.compile(r"\b(?:aged|between\s+the\s+ages\s+of)\s+(?:between\s+|from\s+)?(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)"
                   r"(?:(?:\s*,\s*|\s+and\s+|\s+to\s+|\s*[-\u2013]\s*)(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)\b)*", re.I)
# "a number of civilians", "a group of soldiers": an "a" that counts nothing
_NO_COUNT = re.compile(r"an?\s+(?:number|lot|group|host|handful|series|string|total|wave|spate|couple of dozen)\b", re.I)
# A bare "dead"/"killed" with no number: someone died, at least one.
_ONE_PERSON = (
    r"man|woman|child|boy|girl|soldier|serviceman|servicewoman|civilian|policeman|police officer|officer|"
    r"activist|protester|journalist|reporter|photographer|resident|militiaman|fighter|volunteer|defender|guard|"
    r"driver|doctor|medic|paramedic|teenager|pensioner|commander|sniper|service member|member|worker|rescuer|"
    r"mayor|colonel|general|official|deputy|lawmaker|cameraman|priest|leader|"
    r"(?:\d+|[a-z]+)-year-old"
)
# The word before says whose dead ("LPR service member dies", "rebel commander killed"): kept in the evidence.
# A word of at most 40 characters: the search starts at every capital, and "A-A-A-..." must not be read to its
# end from each of them.
_WHOSE = r"(?:(?:(?-i:[A-Z])[\w-]{0,40}+|rebel|separatist|militia|army)\s+)?"
# Words by which someone speaks of others' dead ("Commander says rebels killed"): the speaker is not the dead.
_SPEAKS = r"(?:say|says|said|claim|claims|report|reports|accuses|blames|denies|vows)"


def _one_person_then(verbs: str) -> re.Pattern:
    """One person, then what befell them: "LPR service member dies", "Ukrainian soldier wounded"."""
    return re.compile(rf"\b{_WHOSE}(?:a|one|{_ONE_PERSON})\s+(?:(?!{_SPEAKS}\b)\w+\s+){{0,2}}?(?:{verbs})\b", re.I)


_ONE_DEAD = _one_person_then("killed|shot dead|fatally wounded|mortally wounded|dies|died|dead|KIA")
# "Ukrainian soldier wounded amid nine enemy attacks": one wounded.
_ONE_WOUNDED = _one_person_then("wounded|injured|hurt")

# "Ukraine reports first combat death since new truce": one dead.
_ONE_DEATH = re.compile(r"\b(?:first|another)\s+(?:combat\s+)?death\b", re.I)
# "Shelling kills militiaman", "sniper kills a Ukrainian serviceman", "the death of a civilian": one dead.
_KILLS_ONE = re.compile(
    rf"\b(?:kills|killing|killed(?!\s+by\b)|kill|death of|killing of)\s+(?:an?\s+|one\s+)?(?:[\w’'-]+\s+){{0,2}}?(?:{_ONE_PERSON}|militant|rebel|separatist)\b(?!-)",
    re.I,
)

# A headline whose subject is one person: "Soldier, wounded on July 15, dies", "Driver of car that tries to break
# through checkpoint shot dead". Not when someone speaks of others' dead ("Commander says rebels killed").
_ONE_PERSON_HEADLINE = re.compile(
    rf"^\W*+(?:(?:the|a|an)\s+)?(?:[\w’'-]+\s+){{0,2}}?(?:{_ONE_PERSON})\b(?![-’'])"
    rf"(?:(?!\b(?:{_SPEAKS}|and|or)\b)[^.;:!?]){{0,80}}?"
    r"\b(?:killed|shot dead|dies|died)\b",
    re.I,
)
# "Soldiers killed in Ukraine", "Civilians killed as fighting flares": more than one, so at least two, the
# most conservative figure the words allow.
_PEOPLE = (
    r"(?:soldiers|servicemen|troops|civilians|people|militiamen|fighters|militants|rebels|separatists|"
    r"protesters|activists|policemen|police officers|residents|children|volunteers)"
)
_PLURAL_DEAD = re.compile(
    rf"\b{_PEOPLE}\s+(?:\w+\s+){{0,2}}?(?:killed|shot dead|die|died|dead)\b"
    rf"|\b(?:kill|kills|killing)\s+(?:\w+\s+){{0,2}}?{_PEOPLE}\b",
    re.I,
)
# "A 21-year-old woman and a 57-year-old man died": one dead for each person the list names.
_PERSON_LIST = re.compile(
    rf"\b(?P<list>(?:(?:a|an|one)\s+(?:[\w’'-]+\s+){{0,2}}?(?:{_ONE_PERSON})(?:,\s*|\s+and\s+|,\s+and\s+))+"
    rf"(?:a|an|one)\s+(?:[\w’'-]+\s+){{0,2}}?(?:{_ONE_PERSON}))\s+(?:(?:were|was|have been)\s+)?"
    r"(?:killed|shot dead|died|dead)\b",
    re.I,
)
_LISTED_PERSON = re.compile(r"\b(?:a|an|one)\s", re.I)
# "the photographer's killing", "a journalist's murder": one dead.
_ONES_KILLING = re.compile(rf"\b(?:{_ONE_PERSON})['’]s\s+(?:[\w\"“”-]+\s+)?(?:killing|murder|death)\b", re.I)

# "Demian Danyliv killed by enemy sniper", "Serhiy Yelyseyev died of his wounds": one named person, one dead.
# "One of their drivers, Yevhen Bilyi, was killed": the name set off by commas too.
# "he had been killed while performing a combat mission", "she died of her wounds": one person told of before.
_NAMED_DEAD = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+(?:[’'-][A-Za-z]+)?,?\s+(?:was\s+)?(?:killed|shot dead|dies|died)\b"
                         r"|\b(?i:he|she)\s+(?:(?:was|had\s+been|has\s+been)\s+(?:killed|shot dead|fatally wounded)|died|dies)\b")

# A cue of a pattern: a simpler pattern that every match of it holds, its word for the dead or the wounded (which
# opens the match or follows a space). A sentence without the cue is not searched with the pattern: the figure
# patterns try each word as the start of a figure, and most sentences they read count no dead or no wounded.
_DEAD_CUE = re.compile(rf"\b(?:{_KILLED_WORDS})", re.I)
_WOUNDED_CUE = re.compile(r"\b(?:wounded|injured|hurt|injuries|wounding|injuring|WIA)", re.I)
_CUES = {
    _KILLED_PATTERNS[0]: _DEAD_CUE, _KILLED_PATTERNS[1]: _DEAD_CUE, _KILLED_PATTERNS[4]: _DEAD_CUE, _ONE_DEAD: _DEAD_CUE,
    _WOUNDED_PATTERNS[0]: _WOUNDED_CUE, _ONE_WOUNDED: _WOUNDED_CUE,
    _ONES_KILLING: re.compile(r"\b(?:killing|murder|death)\b", re.I),
}
# _CUES by the patterns' ids: a compiled pattern's own hash reads all of its compiled code each time (up to 4 us)
_CUE_OF = {id(pattern): cue for pattern, cue in _CUES.items()}


def _may_match(pattern: re.Pattern, sentence: str) -> bool:
    """False only where `pattern` surely finds nothing: its cue (`_CUES`) is not in the sentence, or its
    case-sensitive twin finds nothing in the lower-cased sentence (`casefree`)."""
    cue = _CUE_OF.get(id(pattern))
    return (cue is None or _holds(cue, sentence)) and could_find(pattern, sentence)


@lru_cache(maxsize=16)
def _holds(cue: re.Pattern, sentence: str) -> bool:
    return cue.search(sentence) is not None  # cached: one cue serves several patterns of a sentence


def _search(pattern: re.Pattern, sentence: str) -> re.Match | None:
    return pattern.search(sentence) if _may_match(pattern, sentence) else None


@dataclass(frozen=True)
class Casualties:
    fatalities: int | None
    injuries: int | None
    fatalities_evidence: Evidence | None
    injuries_evidence: Evidence | None


# "40 killed and wounded", "killed or injured 12", "shelling kills and wounds nine": one count of both, which says
# how many died no more than how many were hurt.
_KILLED_AND_WOUNDED = re.compile(
    r"\b(?:killed|dead|kills|killing)\s+(?:and/or|and|or|&)\s+(?:wounded|injured|wounds|injures|wounding|injuring)\b|"
    r"\b(?:wounded|injured|wounds|injures|wounding|injuring)\s+(?:and/or|and|or|&)\s+(?:killed|dead|kills|killing)\b",
    re.I)


# "He did not say how many of the nine had died", "it was unclear how many of them were killed": no count
_HOW_MANY = re.compile(r"\bhow many\b(?:\s+of\s+(?:the|them|those|these))?[^.;,]{0,40}", re.I)


def _without_joint_counts(sentence: str) -> str:
    """The sentence with the words of a count of both dead and wounded, of a count not told ("how many of the nine
    died") and of ages blanked (offsets kept), so that no pattern reads them as a count of either."""
    if "aged" in sentence or "ages" in sentence:
        sentence = _AGES.sub(_blank, sentence)
    if "how many" in sentence.lower():
        sentence = _HOW_MANY.sub(_blank, sentence)
    if not could_find(_KILLED_AND_WOUNDED, sentence):
        return sentence  # (most sentences: no substitution is tried)
    return _KILLED_AND_WOUNDED.sub(_blank, sentence)


def _blank(match: re.Match) -> str:
    return " " * len(match.group())


def counts_only_running_totals(sentence: str) -> bool:
    """Are the sentence's dead all counted over a war or a season ("12 civilians have been killed since the
    incursion began")? Then no event of its own is told by them."""
    if is_cyrillic_text(sentence):
        return counts_a_running_total(sentence)
    sentence = _without_joint_counts(sentence)
    killed, _, running_total = _smallest(_KILLED_PATTERNS, sentence, 0, _Clauses(sentence))
    return killed is None and running_total


def find_casualties(sentence: str, offset: int = 0) -> Casualties:
    if is_cyrillic_text(sentence):  # Russian and Ukrainian: their words in lexicon.yaml (cyrillic_reports)
        toll = cyrillic_toll(sentence, offset)
        return Casualties(toll.killed, toll.wounded, toll.killed_evidence, toll.wounded_evidence)
    told, sentence = sentence, _without_joint_counts(sentence)
    clauses = _Clauses(sentence)
    killed: int | None
    killed_ev: Evidence | None
    if match := _search(_PERSON_LIST, sentence):
        killed, killed_ev = len(_LISTED_PERSON.findall(match.group("list"))), _evidence(match, offset)
    else:
        killed, killed_ev, running_total = _smallest(_KILLED_PATTERNS, sentence, offset, clauses)
        if killed is None and running_total:
            return Casualties(None, None, None, None)  # a running total: no toll of one event, not even "some"
    if killed is None:
        if (match := _search(_NO_CASUALTIES, sentence)):
            killed, killed_ev = 0, _evidence(match, offset)
        elif (match := _search(_ONE_DEAD, sentence) or _search(_KILLS_ONE, sentence) or _search(_ONE_DEATH, sentence)
                       or _NAMED_DEAD.search(sentence) or _search(_ONE_PERSON_HEADLINE, sentence)
                       or _search(_ONES_KILLING, sentence)):
            killed, killed_ev = 1, _evidence(match, offset)
        elif (match := _search(_PLURAL_DEAD, sentence)):
            killed, killed_ev = 2, _evidence(match, offset)
    wounded, wounded_ev, _ = _smallest(_WOUNDED_PATTERNS, sentence, offset, clauses)
    if wounded is None and (match := _search(_ONE_WOUNDED, sentence)):
        wounded, wounded_ev = 1, _evidence(match, offset)
    if killed is None and wounded and not _search(_ANY_DEATH, sentence):
        # "Two servicemen wounded amid 14 enemy attacks": a casualty report that counts no dead reports 0 killed.
        killed, killed_ev = 0, wounded_ev
    if wounded is None and (match := _search(_NO_INJURIES, sentence)):
        wounded, wounded_ev = 0, _evidence(match, offset)
    return Casualties(killed, wounded, _quoting(killed_ev, told, offset), _quoting(wounded_ev, told, offset))


def _quoting(evidence: Evidence | None, sentence: str, offset: int) -> Evidence | None:
    """The evidence with the sentence's own words, where what was blanked in it stood in the match."""
    if evidence is None:
        return None
    return Evidence(evidence.start, evidence.end, sentence[evidence.start - offset:evidence.end - offset])


# "The death toll rose to 45", "the number of dead has climbed to 12": a count that replaces the earlier ones.
_REVISED = re.compile(
    r"\b(?:toll|number of (?:the )?(?:dead|deaths|victims|those killed))\b[^.;]{0,120}?"
    r"\b(?:rose|rises|risen|climbed|climbs|jumped|jumps|increased|grew|went up|has reached)\b|"
    # "has died in hospital, bringing the death toll to three"
    r"\b(?:bringing|brings|brought|taking|takes|took)\s+(?:the\s+)?(?:death\s+)?toll\s+to\b|"
    # "кількість загиблих зросла до 14", "число погибших возросло до 14"
    r"\b(?:кількість|число|количество)\b[^.;]{0,120}?\b(?:зросла|зросло|зросли|збільшил\w*|сягнула|досягла|"
    r"возросло|выросло|увеличил\w*|достигл\w*)|"
    # "загинули вже п'ятеро": already as many
    r"\b(?:загинул\w*|загинуло|погибл\w*|погиб\w*)\s+(?:вже|уже)\b", re.I)


def revised_toll(quote: str) -> bool:
    """Do a toll's words revise an earlier count ("the death toll rose to 45")? The latest revision is the
    event's count, not the lowest of its reports (earlier counts were not yet complete)."""
    return bool(_REVISED.search(quote))


# Another source's count of the same dead, or words that announce one: "a doctor put the toll at 11", "the army
# gave a lower figure", "по другим данным", "за іншими даними".
_ANOTHER_COUNT = re.compile(
    rf"{_PUT_THE_TOLL_AT}\b|"
    r"\b(?:lower|smaller|more\s+conservative)\s+(?:death\s+)?(?:toll|figure|count|number|estimate)\b|"
    r"\bпо\s+(?:другим|иным)\s+данным\b|\bза\s+іншими\s+даними\b", re.I)


def another_count(sentence: str) -> bool:
    """Does the sentence give, or announce, another source's count of the dead told before ("A doctor put the
    toll at 11")? Of counts that differ by source, ACLED and gold/CODING.md take the lowest."""
    return bool(_ANOTHER_COUNT.search(sentence))


_VAGUE_FIGURE = re.compile(r"\b(?:dozens|a dozen|scores|hundreds|several|a few|few|a couple|couple|many)\b", re.I)


def vague_figure(quote: str) -> bool:
    """Does a toll's evidence give a round guess ("dozens killed", "several dead") rather than a count?"""
    return bool(_VAGUE_FIGURE.search(quote) or _PLURAL_DEAD.fullmatch(quote))


# No count of the dead has more digits; int() refuses a figure of 4,301 digits or more.
_MAX_DIGITS = 9


def parse_number(text: str) -> int | None:
    """The figure a toll's words give ("1,200", "twenty-two", "a dozen"); None for none, or one too long to be
    a count of anyone."""
    text = text.casefold().strip()
    if re.fullmatch(_COMPOUND, text):
        tens, units = re.split(r"[- ]", text)
        return _NUMBER_WORDS[tens] + _NUMBER_WORDS[units]
    if text in _NUMBER_WORDS:
        return _NUMBER_WORDS[text]
    digits = text.replace(",", "")
    if digits.isdecimal():
        return int(digits) if len(digits) <= _MAX_DIGITS else None
    return parse_cyrillic_number(text)


# A running total, not one event's dead: "since the invasion began", "since then", "have been killed ... this
# year" (not a headline's "killed this year": UCDP codes such counts), "in the past week", "100 a day on average".
# Read in the clause of the figure only: "Three were killed on Monday, bringing the toll since February to 300"
# keeps its three.
_CUMULATIVE = re.compile(
    r"\bsince (?:the (?:start|beginning|outbreak)|the (?:war|invasion|conflict)|(?:the )?(?:russian |full-scale )?invasion|"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|"
    r"(?:19|20)\d\d|last (?:year|month)|then\b|it began|(?:the|its|their) (?:[\w-]+ ){1,3}?(?:began|started|begun)\b|"
    r"(?:the )?(?:[\w-]+ ){0,2}?(?:incursion|offensive|counteroffensive|occupation|escalation|mobili[sz]ation|coup|"
    r"takeover|annexation|uprising|revolution|insurgency)\b)|"
    r"\bso far\b|\b(?:has|have) been (?:[\w-]+ ){0,8}?this (?:year|month)\b|\bin total\b|"
    r"\ba total of\b|\baltogether\b|\bto date\b|\b(?:over|in|during) the (?:past|last|previous) (?:few |several |\w+ )?(?:weeks?|fortnight|months?|years?)\b|"
    r"\b(?:throughout|during|in|of) the (?:war|conflict)\b|\ba day\b(?!\s+(?:earlier|later|before|after|ago)\b)|\bper day\b|\bevery day\b|\beach day\b|"
    r"\bon average\b|\bwar dead\b|\b(?:official )?statistics\b",
    re.I,
)
# "the bloodiest day since August", "the first such attack since 2019": a comparison, not a count since then.
_COMPARED = re.compile(r"\b(?:\w+iest|worst|biggest|largest|heaviest|first|most \w+)\s+(?:[\w-]+\s+){0,2}$", re.I)
_AGENT = re.compile(
    r"\b(?:strikes?|airstrikes?|attacks?|explosions?|blasts?|shells?|shelling|missiles?|rockets?|bombs?|drones?|"
    r"mines?|shots?|bullets?|raids?|barrages?|salvos?)\b", re.I)
# A side's own count of the enemy it killed ("claiming it had killed 600 fighters", "said its forces killed
# 300 Ukrainian servicemen"): a partisan loss claim, read at UCDP's floor for such claims, never as a count.
_PARTISAN_CLAIM = re.compile(r"\b(?:claim\w*|said|says|boast\w*)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:it|they|its|their)\b", re.I)
_COMBATANTS = re.compile(
    r"\b(?:soldiers|servicem[ae]n|troops|fighters|militants|nationalists|mercenaries|personnel|"
    r"(?:ukrainian|russian|enemy)\s+(?:military|forces|army|units))\b", re.I)
_ENEMY_WORDS = re.compile(r"\b(?:invaders|occupiers|occupants|nationalists|neo-?nazis|mercenaries|orcs)\b", re.I)
PARTISAN_REACH = 200  # characters before the figure in which a side's claim is read
# Where a clause breaks: each position (a lookahead, so that " and as " gives both).
# ("12 were killed and 121 injured since the incursion began": the wounded they are counted with are no new clause.)
_CLAUSE_BREAK = re.compile(
    r"(?=,(?!\d)|[;:–—]|\s(?:while|bringing|as|but|whereas)\s|"
    r"\sand\s(?![\d,]{1,12}\s(?:[a-z]+\s){0,2}(?:injured|wounded|hurt)\b))", re.I)


class _Clauses:
    """Where a sentence's clauses break, and where its first words of a running total end: found once for all
    its figures (searched for again from each figure, a sentence of many figures took quadratic time), and
    only once a figure asks (most sentences read have none; without a running total, the breaks say nothing)."""

    def __init__(self, sentence: str):
        self.sentence = sentence

    @cached_property
    def running_total_end(self) -> int | None:
        cumulative = next((m for m in _CUMULATIVE.finditer(self.sentence)
                           if not _COMPARED.search(self.sentence, max(0, m.start() - 40), m.start())),
                          None)
        return cumulative.end() if cumulative else None

    @cached_property
    def breaks(self) -> list[int]:
        return [m.start() for m in _CLAUSE_BREAK.finditer(self.sentence)]

    def running_total(self, match: re.Match) -> bool:
        """Do the figure's clause, or the words that lead to it, count deaths over a war or a season rather
        than in one event? ("Since the invasion, 10,000 have been killed"; not "Three were killed, bringing
        the toll since February to 300".)"""
        if self.running_total_end is None:
            return False
        after = bisect_left(self.breaks, match.end())
        clause_end = self.breaks[after] if after < len(self.breaks) else len(self.sentence)
        return self.running_total_end <= clause_end


def _partisan_claim(sentence: str, match: re.Match) -> bool:
    """Is the figure a side's claim of the enemy combatants it killed? So it is when the side says so, or
    when the words for the dead are a side's words for its enemy ("40 invaders", "nationalists")."""
    victims = sentence[match.start():match.end() + 30]
    if _ENEMY_WORDS.search(victims):
        return True
    claimed = _PARTISAN_CLAIM.search(sentence, max(0, match.start() - PARTISAN_REACH), match.start())
    return bool(claimed and _COMBATANTS.search(victims))


def _smallest(
    patterns: list[re.Pattern], sentence: str, offset: int, clauses: _Clauses
) -> tuple[int | None, Evidence | None, bool]:
    """The lowest figure any pattern finds (ACLED codes the most conservative report), its evidence, and
    whether some figure the patterns found was a running total."""
    best: tuple[int, Evidence] | None = None
    running_total = False
    for pattern in patterns:
        if not _may_match(pattern, sentence):
            continue
        for match in pattern.finditer(sentence):
            total = clauses.running_total(match)
            running_total = running_total or total
            if ends_at(_PART_OF_A_WHOLE, sentence, match.start("num")) or _NO_COUNT.match(sentence, match.start("num")):
                continue
            if total or _AGENT.search(match.group(), match.end("num") - match.start()):
                continue  # "a Himars strike killed 53": the figure counts the strikes, not the dead
            value = parse_number(match.group("num"))
            if value is None or value > 100_000:
                continue
            if _partisan_claim(sentence, match):
                value = min(value, PARTISAN_CLAIM_FLOOR)
            if best is None or value < best[0]:
                best = (value, _evidence(match, offset))
    return (*best, running_total) if best else (None, None, running_total)


def _evidence(match: re.Match, offset: int) -> Evidence:
    return Evidence(offset + match.start(), offset + match.end(), match.group())
