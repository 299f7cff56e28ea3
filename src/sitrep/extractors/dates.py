"""Event dates from the words of a sentence and the publication date of its document.

Reports rarely give a full date: "overnight on December 31", "late last night", "on Saturday". Each is
resolved against the publication date, preferring the past (news reports what has happened). With no
year in the text and no publication date there is no date: one is never invented.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ..casefree import could_find
from ..model import (
    TIME_PRECISION_DAY,
    TIME_PRECISION_MONTH,
    TIME_PRECISION_WEEK,
    Evidence,
)
from .lexicon import flagged_pattern, lexicon

_CYRILLIC = lexicon()["cyrillic_calendar"]
_MONTHS = {name.casefold(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.casefold(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTHS.update({name: month for month, names in _CYRILLIC["months"].items() for name in names})
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ANY_MONTH = _MONTH.replace("?P<month>", "?:")  # a month in a pattern that reads none
_WEEKDAYS = {name.casefold(): i for i, name in enumerate(calendar.day_name)}
_WEEKDAYS.update({name: day for day, names in _CYRILLIC["weekdays"].items() for name in names})
_WEEKDAY = r"(?P<weekday>" + "|".join(re.escape(name) for name in _WEEKDAYS) + r")"
_IN_CYRILLIC = "|".join(_CYRILLIC["prepositions"])
_BEFORE_A_YEAR = "|".join(_CYRILLIC["before_a_year"])
_YEAR_WORDS = "|".join(re.escape(word) for word in _CYRILLIC["year_words"])
_LAST_YEAR = "|".join(name.replace(" ", r"\s+") for name in _CYRILLIC["last_year"])
_ON = "|".join(("on", "late", "early", "last", "this", _IN_CYRILLIC))
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# A day that names a movement dates nothing: "the March 23 Movement (M23)", "the 6 April Youth Movement"
_NOT_A_NAME = r"(?!\s+(?:(?:Youth|Revolutionary)\s+)?Movement\b)"
# Most specific first: the first pattern that matches decides.
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("month_day", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR})?{_NOT_A_NAME}", re.I)),
    ("day_month", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b{_NOT_A_NAME}", re.I)),
    # Russian and Ukrainian beside the English: "вчера", "сьогодні вранці", "утром"
    ("yesterday", re.compile(r"\b(yesterday|last night|the previous (day|night)|on the eve|"
                             r"вчера|вчора|накануне|напередодні|прошлой ночью|минулої ночі)\b", re.I)),
    # ("one year ago today" is a year ago: `ago` reads it)
    ("today", re.compile(r"(?<!ago\s)\b(today|this morning|this afternoon|this evening|tonight|earlier today|сегодня|сьогодні)\b",
                         re.I)),
    # "Sunday night's attack", "Saturday's strike": the day of the event itself, before the day anyone spoke
    ("weekday", re.compile(rf"\b{_WEEKDAY}(?:\s+(?:night|morning|evening|afternoon))?['’]s\b", re.I)),
    ("weekday", re.compile(rf"\b(?:{_ON})\s+{_WEEKDAY}\b", re.I)),
    ("weekend", re.compile(r"\b(?:over|at|during|on|this|last)\s+the\s+weekend\b|\b(?:this|last|a)\s+weekend\b|"
                           r"\bweekend['’]s\b", re.I)),
    # "утром", "ввечері": today's, unless a day is named beside them ("утром в понедельник")
    ("today", re.compile(r"\b(" + "|".join(_CYRILLIC["parts_of_today"]) + r")\b", re.I)),
    ("overnight", re.compile(r"\b(overnight|during the night|in the early hours|ночью|вночі|уночі|этой ночью|цієї ночі)\b", re.I)),
    ("last_week", re.compile(r"(?<!ago\s)\b(last week|earlier this week|this week|past week)\b", re.I)),
    ("ago", re.compile(r"\b(?P<count>a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d{1,2})\s+"
                       r"(?P<unit>days?|weeks?|fortnights?|months?|years?)\s+(?:ago|earlier)\b", re.I)),
    # "a recent attack on Vinnytsia", "was recently shelled": before the news of the day, by days or weeks
    ("recent", re.compile(r"\b(?:a|the|its|their)\s+recent\b|\brecently\b", re.I)),
    ("this_month", re.compile(r"\b(?:earlier\s+)?this month\b", re.I)),
    ("last_month", re.compile(r"\blast month\b", re.I)),
    # "last spring": a season gone by, at least months before the news (read as last year's: background either way)
    ("year", re.compile(r"\b(?:last (?:year|spring|summer|autumn|fall|winter)|(?:in|since|during)\s+(?:early\s+|late\s+|mid-?)?(?:the\s+(?:spring|summer|autumn|fall|"
                        r"winter)\s+of\s+)?(?P<year>(?:19|20)\d\d))\b", re.I)),
    ("year", re.compile(rf"\b(?:{_LAST_YEAR}|(?:{_BEFORE_A_YEAR})\s+(?P<year>(?:19|20)\d\d)\s+(?:{_YEAR_WORDS}))(?!\w)", re.I)),
    # Not "since August": that is when a count began or what a toll is compared with ("bloodiest since August").
    ("month_only", re.compile(rf"\b(?:(?:in|during|early|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of|{_IN_CYRILLIC})\s+|"
                              rf"(?:in\s+)?mid-?\s*){_MONTH}(?:\s+{_YEAR})?\b", re.I)),
]


_LAST_WEEKDAY = re.compile(r"last\s", re.I)  # (the weekday pattern opens on "last", never on "прошлую")
# gold/CODING.md: an event is coded only when it falls within 30 days before publication.
MAX_AGE_DAYS = 30
SAID_REACH = 80  # characters before a date in which its speech verb is read
# A live blog's stamp ("12 Jul 2022 20.36 Death toll rises to 45"): the day of the post, like a day a source spoke.
_POSTED_AT = re.compile(r"\s+\d{1,2}[.:]\d{2}\b")
RECENT_DAYS = 21  # "a recent attack": some days or weeks before the news of the day
SINCE_MAX_DAYS = 7  # "since Monday" spans the days up to publication; "since 5 June" a month ago does not
_SINCE = re.compile(r"\b(?:since|until|till|before|с|со|з|із|від|до|начиная\s+с|починаючи\s+з)\s+(?:the\s+)?(?:(?:early|late|mid-?)\s+)?$", re.I)


@dataclass(frozen=True)
class EventDate:
    start: date
    end: date
    precision: int
    evidence: Evidence | None


# A vague expression ("in August") dates the event only when it stands near the event's words; further
# away it usually dates something else ("territory taken in a surprise offensive in August").
_VAGUE_KINDS = {"month_only", "last_week", "recent", "weekday", "weekend", "this_month", "last_month", "year"}
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "a few": 3, "several": 3}
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013]")
# "three days after she was killed": what follows happened that long before the sentence's own day
_DAYS_AFTER = re.compile(r"\b(?P<count>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<unit>days?|weeks?)\s+"
                         r"after\s+(?:she|he|they|it|the|a|an|his|her|their|its)\b", re.I)
MAX_VAGUE_DISTANCE = 80


def resolve_date(
    sentence: str, offset: int, published: date | None, anchor: int = 0, anchor_end: int | None = None
) -> EventDate | None:
    """The date an event sentence gives, as a range with ACLED's time_precision, or None.

    `offset` is the sentence's start in its document, so the evidence points into the document;
    `anchor` (to `anchor_end`) is where the event's words stand in the sentence.
    """
    undated = _without_dateline(sentence)
    told = _told_date(undated, offset, published, anchor, anchor_end)
    if told is None and undated is not sentence:
        # a wire story's lead tells its day at the end of a long clause ("YANGON, Jan 12 - An airstrike hit ... in
        # the X region on Sunday"); else the dateline's day is the only one
        told = (_told_date(undated, offset, published, anchor, anchor_end, whole_clause=True)
                or _told_date(sentence, offset, published, anchor, anchor_end))
    return _days_before_it(sentence, offset, published, anchor, told) or told


# A wire story's dateline: "TBILISI, May 2 - ", "KYIV, Ukraine, July 21 (Reuters) - ", "June 5 (Reuters) - ". Its
# day is the story's, the event's only when the sentence names no other ("... late on Wednesday" is the day before).
_DAY_OF_MONTH = rf"(?:{_ANY_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_ANY_MONTH})(?:,?\s+(?:19|20)\d\d)?\s*"
_DATELINE = re.compile(rf"^\s*(?:[A-Z][A-Z .'’-]{{1,40}}(?:,\s*[A-Z][\w .'’-]{{1,30}})?,\s*{_DAY_OF_MONTH}(?:\([A-Za-z]+\)\s*)?|"
                       rf"{_DAY_OF_MONTH}\([A-Za-z]+\)\s*)[-\u2013\u2014]\s", re.I)


def _without_dateline(sentence: str) -> str:
    """The sentence with its opening dateline blanked (offsets kept)."""
    match = _DATELINE.match(sentence) if sentence[:1].isupper() or sentence[:1].isspace() else None
    return " " * match.end() + sentence[match.end():] if match else sentence


# A timeline's or a diary's heading that opens a paragraph: "FEB 24, 2022 - Putin announces ...", "24 February
# 2022: ...", "APRIL 2022 - Russian troops withdraw ..." (a month alone)
_HEADING = re.compile(rf"[ \t]*(?P<date>{_ANY_MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d|\d{{1,2}}\s+{_ANY_MONTH}\s+(?:19|20)\d\d|"
                      rf"(?P<alone>{_ANY_MONTH}\s+(?:19|20)\d\d))\s*[-\u2013\u2014:]\s", re.I)


def heading_date(text: str, position: int, published: date | None) -> EventDate | None:
    """The date a dated heading opening the paragraph at `position` gives what the paragraph tells (None when
    the paragraph opens on none)."""
    start = text.rfind("\n", 0, position) + 1
    match = _HEADING.match(text, start)
    if match is None:
        return None
    words = match.group("date")
    told = _told_date(f"in {words}" if match.group("alone") else words, 0, published, 0, None)
    if told is None:
        return None
    return EventDate(told.start, told.end, told.precision, Evidence(match.start("date"), match.end("date"), words))


def _days_before_it(
    sentence: str, offset: int, published: date | None, anchor: int, told: EventDate | None
) -> EventDate | None:
    """"... carried her coffin on Sunday, three days after she was killed by a missile strike": the event's words
    follow "N days after", so the event is N days before the day the sentence tells (or its publication)."""
    match = _DAYS_AFTER.search(sentence, max(0, anchor - MAX_VAGUE_DISTANCE), anchor + 1)
    reference = told.start if told is not None and told.precision == TIME_PRECISION_DAY else published
    if match is None or reference is None or _CLAUSE_BREAK.search(sentence, match.end(), anchor):
        return None  # "Two days after the strike, four more were killed": the event is not what came after
    count, unit = _count_and_unit(match)
    days = count * unit
    day = reference - timedelta(days=days)
    evidence = Evidence(offset + match.start(), offset + match.end(), match.group())
    precision = TIME_PRECISION_DAY if told is not None and reference == told.start and days < 7 else TIME_PRECISION_WEEK
    return EventDate(day, day, precision, evidence)


def _told_date(
    sentence: str, offset: int, published: date | None, anchor: int, anchor_end: int | None, whole_clause: bool = False
) -> EventDate | None:
    """The date the sentence tells for the event's words at `anchor`; `whole_clause`: a weekday or a month
    anywhere in their clause, not only beside them."""
    said_on: EventDate | None = None
    for index, (kind, _pattern) in enumerate(_PATTERNS):
        for match in _matches(sentence, index):
            if (_is_vague(kind, match) and _distance(match, anchor, anchor_end) > MAX_VAGUE_DISTANCE
                    and not (whole_clause and _in_the_clause(sentence, match, anchor, anchor_end))):
                continue
            resolved = _resolve(kind, match, published)
            if resolved is not None and kind != "year" and _SINCE.search(sentence, 0, match.start()):
                # "30 attacks since early Sept 27" counts from then to now; "the first attack since 5 June"
                # says when the last one was, not when this one was
                resolved = _since(resolved, published)
            if resolved is not None:
                start, end, precision = resolved
                evidence = Evidence(offset + match.start(), offset + match.end(), match.group())
                # the day a source spoke or a toll was revised ("said on Monday that ..."): the event's only if no other
                said = flagged_pattern("said_on").search(sentence, max(0, match.start() - SAID_REACH), match.start())
                if not said and not _POSTED_AT.match(sentence, match.end()):
                    return EventDate(start, end, precision, evidence)
                said_on = said_on or EventDate(start, end, precision, evidence)
    return said_on


def _is_vague(kind: str, match: re.Match) -> bool:
    """"in April 2023" names its month and year: it dates the sentence wherever it stands; "in August" alone
    dates only the words beside it."""
    return kind in _VAGUE_KINDS and not (kind == "month_only" and match.group("year"))


@lru_cache(maxsize=8192)
def _matches(sentence: str, index: int) -> tuple[re.Match, ...]:
    """The matches of the index-th pattern in a sentence. Cached: the sentences of reports are dated twice, by
    the report classifier and by extraction; each pattern is read only once resolve_date gets to it."""
    pattern = _PATTERNS[index][1]
    return tuple(pattern.finditer(sentence)) if could_find(pattern, sentence) else ()


def _in_the_clause(sentence: str, match: re.Match, start: int, end: int | None) -> bool:
    """Do the event's words and the date stand in one clause, however long ("an airstrike hit a church and a
    school in the village of X in the Y region on Sunday")?"""
    end = start if end is None else end
    between = sentence[end:match.start()] if match.start() >= end else sentence[match.end():start]
    return _CLAUSE_BREAK.search(_ASIDE.sub("", between)) is None


# A name's short form in brackets breaks no clause: "fired by the Rapid Support Forces (RSF) struck ... on Sunday"
_ASIDE = re.compile(r"\([^(),;:]{1,40}\)")


def _distance(match: re.Match, start: int, end: int | None) -> int:
    """Characters between a date expression and the event's words ("a strike ... that killed 87 in May")."""
    end = start if end is None else end
    if match.end() <= start:
        return start - match.end()
    return max(0, match.start() - end)


def long_before(told: EventDate | None, published: date | None) -> bool:
    """Is the date the text tells more than `MAX_AGE_DAYS` before publication: background, not news?"""
    return told is not None and published is not None and (published - told.end).days > MAX_AGE_DAYS


def date_from_publication(published: date | None) -> EventDate | None:
    """With no date in the text, a report is of the day it was published or the day before."""
    if published is None:
        return None
    return EventDate(published - timedelta(days=1), published, TIME_PRECISION_WEEK, None)


def _resolve(kind: str, match: re.Match, published: date | None):
    if kind in ("iso", "month_day", "day_month"):
        return _calendar_date(match, published)
    if published is None:
        return None
    if kind == "yesterday":
        day = published - timedelta(days=1)
        return day, day, TIME_PRECISION_DAY
    if kind == "today":
        return published, published, TIME_PRECISION_DAY
    if kind == "weekday":
        back = (published.weekday() - _WEEKDAYS[match.group("weekday").casefold()]) % 7
        if back == 0 and _LAST_WEEKDAY.match(match.group()):
            back = 7  # "last Thursday" in a Thursday's paper is a week ago
        day = published - timedelta(days=back)
        return day, day, TIME_PRECISION_DAY
    if kind == "overnight":
        return published - timedelta(days=1), published, TIME_PRECISION_DAY
    if kind == "weekend":
        back = (published.weekday() - 5) % 7  # the Saturday on or before publication
        saturday = published - timedelta(days=back)
        return saturday, min(saturday + timedelta(days=1), published), TIME_PRECISION_WEEK
    if kind == "last_week":
        return published - timedelta(days=7), published, TIME_PRECISION_WEEK
    if kind == "month_only":
        return _month_range(match, published)
    if kind == "ago":
        return _ago(match, published)
    if kind == "recent":
        return published - timedelta(days=RECENT_DAYS), published - timedelta(days=1), TIME_PRECISION_MONTH
    if kind == "this_month":
        return published.replace(day=1), published, TIME_PRECISION_MONTH
    if kind == "last_month":
        end = published.replace(day=1) - timedelta(days=1)
        return end.replace(day=1), end, TIME_PRECISION_MONTH
    if kind == "year":
        year = int(match.group("year")) if match.group("year") else published.year - 1
        if year >= published.year:
            return None  # "in 2016" in a report of 2016 says no more than its publication date
        # "since 2014" began then: only its start is known to be that old
        return date(year, 1, 1), min(date(year, 12, 31), published), TIME_PRECISION_MONTH
    return None


def _since(resolved: tuple[date, date, int], published: date | None):
    """The range from a recent "since" date to publication; an older one dates something else."""
    start = resolved[0]
    if published is None or not timedelta(0) <= published - start <= timedelta(days=SINCE_MAX_DAYS):
        return None
    return start, published, TIME_PRECISION_DAY if published - start <= timedelta(days=1) else TIME_PRECISION_WEEK


def _count_and_unit(match: re.Match) -> tuple[int, int]:
    """The count of a span of time ("two", "a few", "12") and its unit in days, from a match's `count` and `unit`."""
    count_text = match.group("count").casefold()
    count = int(count_text) if count_text.isdigit() else _COUNTS[count_text]
    return count, _UNIT_DAYS[match.group("unit").casefold().rstrip("s")]


def _ago(match: re.Match, published: date):
    """"two days ago", "a few weeks ago": a day for days, else a range around the day it points to."""
    count, unit = _count_and_unit(match)
    day = published - timedelta(days=count * unit)
    if unit == 1:
        return day, day, TIME_PRECISION_DAY
    slack = timedelta(days=min(unit * count // 4, 30))
    return day - slack, min(day + slack, published), TIME_PRECISION_WEEK if unit <= 14 else TIME_PRECISION_MONTH


def _calendar_date(match: re.Match, published: date | None):
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.casefold().rstrip(".")]
    day = int(match.group("day"))
    year_text = match.groupdict().get("year")
    if year_text:
        year = int(year_text)
    elif published is not None:
        year = published.year
        # "December 31" in a report published on 2 January is last year's.
        if (this_year := _safe_date(year, month, day)) and this_year > published + timedelta(days=1):
            year -= 1
    else:
        return None
    resolved = _safe_date(year, month, day)
    return (resolved, resolved, TIME_PRECISION_DAY) if resolved else None


def _month_range(match: re.Match, published: date):
    month = _MONTHS[match.group("month").casefold().rstrip(".")]
    year = int(match.group("year")) if match.group("year") else published.year
    if not match.group("year") and date(year, month, 1) > published:
        year -= 1
    last_day = calendar.monthrange(year, month)[1]
    first, last = _part_of_month(match.group().casefold(), last_day)
    return date(year, month, first), date(year, month, last), TIME_PRECISION_MONTH


def _part_of_month(words: str, last_day: int) -> tuple[int, int]:
    """"early June" (the 1st to the 10th), "mid-June" (11th to 20th), "at the end of June" (21st to the last);
    "in June", the whole month."""
    words = words.removeprefix("in ").removeprefix("the ")
    if words.startswith(("early", "beginning", "start")):
        return 1, 10
    if words.startswith(("mid", "middle")):
        return 11, 20
    if words.startswith(("late", "end")):
        return 21, last_day
    return 1, last_day


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
