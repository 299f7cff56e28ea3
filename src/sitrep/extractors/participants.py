"""Who acted, on whom, with what weapon, against what target."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..model import Evidence
from .lexicon import (
    NamedPatterns,
    actor_patterns,
    civilian_victims_pattern,
    lower_keeping_offsets,
    target_patterns,
    weapon_patterns,
)

UKRAINE_2019 = "Military Forces of Ukraine (2019-)"
UKRAINE_2014 = "Military Forces of Ukraine (2014-2019)"
# ACLED's code for the Ukrainian state changes with the presidency (Zelensky took office on 20 May 2019).
UKRAINE_CODE_CHANGE = date(2019, 5, 20)


@dataclass(frozen=True)
class Found:
    value: str
    evidence: Evidence
    text: str = ""  # the words themselves, where they differ from the value


def find_actors(sentence: str, offset: int, event_date: date | None, country: str | None = None) -> list[Found]:
    """The actors a sentence names, in order of appearance, each once, as ACLED names them for an event in
    `country` (the police of France are "Police Forces of France")."""
    found: dict[str, Found] = {}
    for actor in actor_patterns():
        if actor.holds_in(country) and (match := actor.search(sentence)):
            name = _dated_actor(actor.name_in(country), event_date)
            evidence = _evidence(match, sentence, offset)
            if not any(f.evidence.start < evidence.end and evidence.start < f.evidence.end for f in found.values()):
                found.setdefault(name, Found(name, evidence))  # the first (most specific) name of these words
    return sorted(found.values(), key=lambda f: f.evidence.start)


def civilians_named(sentence: str, offset: int) -> Evidence | None:
    match = civilian_victims_pattern().search(lower_keeping_offsets(sentence))
    return _evidence(match, sentence, offset) if match else None


def find_target(sentence: str, offset: int) -> Found | None:
    """The thing hit: its class and the noun phrase naming it."""
    best = _earliest(target_patterns(), sentence)
    if best is None:
        return None
    entry, match = best
    start = _extend_left(sentence, match.start())
    words = sentence[start:match.end()]
    return Found(entry.name, Evidence(offset + start, offset + match.end(), words), words)


def find_weapon(sentence: str, offset: int) -> Found | None:
    for entry in weapon_patterns():
        if (match := entry.search(sentence)):
            return Found(entry.name, _evidence(match, sentence, offset))
    return None


_DETERMINER_AND_MODIFIERS = re.compile(r"(?:\b(?:a|an|the|two|three|several|major|key|large|huge|local|main|big|another)\s+)+$", re.I)


def _extend_left(sentence: str, start: int) -> int:
    """Take in the article and modifiers before a target ("a key oil facility")."""
    match = _DETERMINER_AND_MODIFIERS.search(sentence[:start])
    return match.start() if match else start


def _earliest(entries: tuple[NamedPatterns, ...], sentence: str):
    found = [(entry, m) for entry in entries if (m := entry.search(sentence))]
    return min(found, key=lambda pair: pair[1].start()) if found else None


def _dated_actor(name: str, event_date: date | None) -> str:
    if name == UKRAINE_2019 and event_date is not None and event_date < UKRAINE_CODE_CHANGE:
        return UKRAINE_2014
    return name


def _evidence(match: re.Match, sentence: str, offset: int) -> Evidence:
    """Evidence quotes the original words (matches are made on lower-cased text)."""
    return Evidence(offset + match.start(), offset + match.end(), sentence[match.start():match.end()])
