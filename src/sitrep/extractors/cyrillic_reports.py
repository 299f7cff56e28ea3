"""Russian and Ukrainian tolls and claimants: "загинули двоє", "погибли 3 человека", "є поранені", "жертв
немає"; "повідомив у Telegram голова ОВА", "как сообщил губернатор". The words are data (lexicon.yaml,
`cyrillic_tolls` and `cyrillic_claims`); the readings follow the English ones (`casualties`, `claims`): the
lowest figure a sentence gives, "nobody died" is 0, an unnumbered plural at least two, a running total none,
a side's count of enemy soldiers it killed no more than the floor of such claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..model import PARTISAN_CLAIM_FLOOR, Evidence
from .lexicon import lexicon

_ENEMY = re.compile(
    r"\b(окупант\w*|оккупант\w*|загарбник\w*|націоналіст\w*|националист\w*|бойовик\w*|боевик\w*|найманц\w*|"
    r"наемник\w*|русак\w*|орк\w*|укронацист\w*|всушник\w*)", re.I)
# "Противник потерял 250 человек убитыми", "ворог втратив 40 осіб": a side's count of the enemy's losses
_ENEMY_LOSSES = re.compile(r"\b(противник\w*|враг\w*|ворог\w*|неприятел\w*)\b.{0,80}?\b(потерял\w*|потеряв\w*|втратив|втратил\w*|"
                           r"потер[иья]\w*|втрат\w*)", re.I)
_SINGULAR_KILLED = re.compile(r"\b(загинув|загинула|погиб|погибла|убит|убита|вбитий|вбита|вбито|загиблий|загибла|погибший|погибшая)\b", re.I)
_SINGULAR_WOUNDED = re.compile(
    r"\b(поранений|поранена|поранено|ранен|ранена|ранено|раненый|раненая|постраждав|постраждала|постраждалий|пострадал|"
    r"пострадала|пострадавший|пострадавшая|"
    r"травмований|травмована|травмирован|травмирована|госпіталізований|госпіталізована|госпитализирован)\b", re.I)
_HEADS = (
    r"(?:голов[аиі]|глав[аы]|губернатор\w*|мер\w{0,2}|міськ\w* голов\w*|речни\w*|спікер\w*|представни\w*|"
    r"прес-?служб\w*|пресс-?служб\w*|командувач\w*|командующ\w*|міністр\w*|министр\w*|радни\w*|советни\w*|"
    r"начальни\w*|керівни\w*|руководител\w*|генштаб\w*|міноборони|минобороны|повітрян\w* сил\w*|ова|ода|дснс|"
    r"гснс|мчс|сбу|фсб|зсу|всу|поліці\w*|полици\w*|прокуратур\w*|ок)"
)
_LEADING_NOISE = re.compile(
    r"^(?:(?:вчора|вчера|сьогодні|сегодня|вночі|ночью|уночі|зранку|утром|також|также|про це|об этом|як|как|і|и|а|та|"
    r"що|что|це|это|згодом|позже|раніше|ранее)\s+)+", re.I)


@dataclass(frozen=True)
class Toll:
    killed: int | None
    wounded: int | None
    killed_evidence: Evidence | None
    wounded_evidence: Evidence | None


@cache
def _tolls() -> dict:
    tolls: dict = lexicon()["cyrillic_tolls"]
    return tolls


@cache
def _number_words() -> dict[str, int]:
    return {str(word).casefold(): int(value) for value, words in _tolls()["numbers"].items() for word in words}


# years of an age told after the person ("чоловік 71 року", "мужчина 52 лет"): no count
_YEARS_OF_AGE = r"(?:року|років|роки|рік|лет|года|год)"


@cache
def _patterns() -> dict[str, re.Pattern]:
    data = _tolls()
    words = sorted(_number_words(), key=len, reverse=True)
    # (not an age: "загинув 59-річний чоловік", "загинув чоловік 71 року", "погибла женщина 63 лет" are one dead)
    number = rf"(?P<num>\d{{1,6}}|{'|'.join(re.escape(w) for w in words)})(?![\w’'ʼ]|-\w|\s+{_YEARS_OF_AGE}(?!\w))"
    people = rf"(?:{data['people']}\s+)"
    out = {}
    for kind in ("killed", "wounded"):
        verb = data[kind]
        out[kind + "_before"] = re.compile(rf"\b{number}\s+{people}{{0,3}}?(?:(?:було|было|були|были)\s+)?{verb}(?!\w)", re.I)
        out[kind + "_after"] = re.compile(rf"\b{verb}\s+{people}{{0,3}}?{number}", re.I)
        # "кількість загиблих ... зросла до 14"
        out[kind + "_rose"] = re.compile(rf"\b(?:кількість|число|количество)\s+{data[kind + '_count']}(?!\w)[^.;!?]{{0,80}}?"
                                         rf"\b{data['count_rose']}\s+(?:до\s+)?{number}", re.I)
    for name in ("no_casualties", "no_injuries", "some_killed", "some_wounded", "running_total"):
        out[name] = re.compile(rf"\b{data[name]}(?!\w)", re.I)
    return out


def parse_cyrillic_number(text: str) -> int | None:
    text = text.casefold().strip()
    if text in _number_words():
        return _number_words()[text]
    return int(text) if text.isdecimal() and len(text) <= 6 else None


def _lowest(kind: str, sentence: str, offset: int) -> tuple[int, Evidence] | None:
    patterns = _patterns()
    best: tuple[int, Evidence] | None = None
    for pattern in (patterns[kind + "_before"], patterns[kind + "_after"], patterns[kind + "_rose"]):
        for match in pattern.finditer(sentence):
            value = parse_cyrillic_number(match.group("num"))
            if value is None:
                continue
            if _ENEMY.search(sentence, match.start(), min(len(sentence), match.end() + 30)) or _ENEMY_LOSSES.search(
                    sentence, 0, match.start()):
                value = min(value, PARTISAN_CLAIM_FLOOR)  # "знищено 70 окупантів": a side's claim of the enemy dead
            if best is None or value < best[0]:
                best = (value, Evidence(offset + match.start(), offset + match.end(), match.group()))
    return best


def _evidence(match: re.Match, offset: int) -> Evidence:
    return Evidence(offset + match.start(), offset + match.end(), match.group())


def _told_without_a_figure(sentence: str, offset: int, none: re.Pattern, some: re.Pattern,
                           one: re.Pattern) -> tuple[int, Evidence] | None:
    """A count the words give without a figure: none ("жертв немає"), some (at least two), one (a singular verb)."""
    for value, pattern in ((0, none), (2, some), (1, one)):
        if match := pattern.search(sentence):
            return value, _evidence(match, offset)
    return None


def counts_a_running_total(sentence: str) -> bool:
    """Does a Russian or Ukrainian sentence count since a war or a year began ("з початку року загинули 100")?"""
    return bool(_patterns()["running_total"].search(sentence))


def cyrillic_toll(sentence: str, offset: int = 0) -> Toll:
    """The dead and wounded a Russian or Ukrainian sentence counts (None where it counts none)."""
    patterns = _patterns()
    if counts_a_running_total(sentence):
        return Toll(None, None, None, None)  # "з початку війни загинули 300": no one event's toll
    killed = _lowest("killed", sentence, offset)
    wounded = _lowest("wounded", sentence, offset)
    if killed is None:
        killed = _told_without_a_figure(sentence, offset, patterns["no_casualties"], patterns["some_killed"], _SINGULAR_KILLED)
    if wounded is None:
        wounded = _told_without_a_figure(sentence, offset, patterns["no_injuries"], patterns["some_wounded"], _SINGULAR_WOUNDED)
    if killed is None and wounded and wounded[0] and not re.search(_tolls()["killed"], sentence, re.I):
        killed = (0, wounded[1])  # a count of wounded that counts no dead: 0 killed, as in English
    return Toll(killed[0] if killed else None, wounded[0] if wounded else None,
                killed[1] if killed else None, wounded[1] if wounded else None)


@cache
def cyrillic_incident() -> re.Pattern:
    """Words that tell an incident without an attack word ("горить вокзал"): a clause of its own in a headline
    of several (lexicon.yaml `cyrillic_clauses`)."""
    return re.compile(rf"\b{lexicon()['cyrillic_clauses']['incidents']}", re.I)


@cache
def _roundup_heading() -> re.Pattern:
    return re.compile(rf"\b{lexicon()['cyrillic_clauses']['roundup_heading']}(?!\w)", re.I)


@cache
def _back_reference() -> re.Pattern:
    return re.compile(rf"\b{lexicon()['cyrillic_clauses']['back_reference']}(?!\w)", re.I)


@cache
def _new_story() -> re.Pattern:
    return re.compile(lexicon()["cyrillic_clauses"]["new_story"], re.I)


def turns_to_another_event(sentence: str) -> bool:
    """Does a Russian or Ukrainian sentence open on a turn to another event ("Також ...", "Кроме того, ...")?"""
    return bool(_new_story().match(sentence))


def refers_back_in_cyrillic(sentence: str) -> bool:
    """Does a Russian or Ukrainian sentence speak of the event told before ("это произошло в селе X")?"""
    return bool(_back_reference().search(sentence))


def is_roundup_heading(sentence: str) -> bool:
    """Does a Russian or Ukrainian heading open a digest of the day's news ("220-й день війни — головне")?"""
    return bool(_roundup_heading().search(sentence))


# ---------------------------------------------------------------- who says so


@cache
def _claims() -> dict[str, re.Pattern]:
    data = lexicon()["cyrillic_claims"]
    speech, according = data["speech"], data["according_to"]
    who_after = r"(?P<who>[^,.;:!?«»\"()]{2,80}?)"
    stop = r"(?=\s*[,.;:!?()]|\s+(?:у|в)\s+(?:telegram|телеграм\w*|соцмереж\w*|соцсет\w*|фейсбук\w*|своєму|своем)\b|\s*$)"
    capital = r"[А-ЯІЇЄҐA-Z][\w'’ʼ.-]*"
    word = r"[\w'’ʼ«»\".-]+"
    return {
        "according": re.compile(rf"\b{according}\s+{who_after}{stop}", re.I),
        # "Голова Харківської ОВА Олег Синєгубов повідомив": the claimant's words before the verb
        "before": re.compile(rf"(?P<who>(?:(?-i:{capital})|{_HEADS})(?:\s+{word}){{0,6}}?)\s+{speech}\b", re.I),
        # "сообщил губернатор Вячеслав Гладков", "повідомив у Telegram голова ОВА"
        "after": re.compile(
            rf"\b{speech}(?:\s+(?:у|в)\s+(?:telegram|телеграм\w*|соцмереж\w*|соцсет\w*|фейсбук\w*))?\s+"
            rf"(?P<who>(?:{_HEADS}|(?-i:{capital}))[^,.;:!?«»\"()]{{0,70}}?){stop}", re.I),
        "back_reference": re.compile(rf"\b{data['back_reference']}\b", re.I),
        "denies": re.compile(rf"\b{data['denies']}", re.I),
        "claims responsibility": re.compile(rf"\b{data['responsibility']}", re.I),
        "confirms": re.compile(rf"\b{data['confirms']}", re.I),
        "claims": re.compile(rf"\b{data['claims']}", re.I),
    }


def cyrillic_speaker(sentence: str, offset: int = 0) -> Evidence | None:
    """Who a Russian or Ukrainian sentence says told its report: "за даними Генштабу", "голова ОВА повідомив",
    "сообщил губернатор"."""
    patterns = _claims()
    for name in ("according", "after", "before"):
        match = patterns[name].search(sentence)
        if match is None:
            continue
        who = match.group("who")
        lead = _LEADING_NOISE.match(who)
        start = match.start("who") + (lead.end() if lead else 0)
        who = who[lead.end() if lead else 0:].strip(" -–—")
        if len(who) >= 2:
            return Evidence(offset + start, offset + start + len(who), who)
    return None


def cyrillic_stance(sentence: str) -> str | None:
    """What the claimant of a Russian or Ukrainian sentence does with its report, or None when it says not."""
    for stance in ("denies", "claims responsibility", "confirms", "claims"):
        if _claims()[stance].search(sentence):
            return stance
    return None


def tells_who_said(sentence: str) -> bool:
    """Does a Russian or Ukrainian sentence tell who said the report before it ("Про це повідомив ...")?"""
    return bool(_claims()["back_reference"].search(sentence))
