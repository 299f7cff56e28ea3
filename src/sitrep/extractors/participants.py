"""Who acted, on whom, with what weapon, against what target."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from ..language import is_cyrillic_text
from ..model import Evidence
from .claims import claimant_side, find_speaker, headline_source
from .lexicon import (
    FirstOf,
    NamedPatterns,
    all_actors,
    all_targets,
    all_weapons,
    civilian_victims_pattern,
    ends_at,
    locative_tail_pattern,
    lower_keeping_offsets,
    place_nouns_pattern,
    side_cues,
)
from .roles import find_roles, looks_like_party

UKRAINE_2019 = "Military Forces of Ukraine (2019-)"
UKRAINE_2014 = "Military Forces of Ukraine (2014-2019)"
# ACLED's code for the Ukrainian state changes with the presidency (Zelensky took office on 20 May 2019).
UKRAINE_CODE_CHANGE = date(2019, 5, 20)


@dataclass(frozen=True)
class Found:
    value: str | None  # an ACLED name or class; None where the words fit none ("Camp Shorabak")
    evidence: Evidence
    text: str = ""  # the words themselves, where they differ from the value


@dataclass(frozen=True)
class Parties:
    """Who a sentence says acted, on whom, and what was hit."""

    actor1: Found | None = None
    actor2: Found | None = None
    civilians: Evidence | None = None  # the side hit is civilians (named with the event's country later)
    target: Found | None = None


def find_parties(
    sentence: str, offset: int, event_date: date | None, country: str | None, places: Sequence[tuple[int, int]] = (),
    in_order: bool = True, event_words: Evidence | None = None,
) -> Parties:
    """From the attacker's and the target's words where the sentence has them ("Taliban gunmen attacked Camp
    Shorabak"), else from the actors in the order the sentence names them. Whoever a headline credits at its
    end ("...: rebels") is its source, not a side; the side hit is never taken for the one that acted; a
    place named as what was hit ("shelled Odesa") is where, not what (`places`: spans of place names).
    Without `in_order`, actors are taken only from the roles: a sentence that tells more of a report named
    before ("warnings were given to ... the police") names people who are not its sides. A side named in the
    event's own words (`event_words`: "a Ukrainian rocket launcher roared into action") goes before the order."""
    actors = find_actors(sentence, offset, event_date, country)
    if source := headline_source(sentence, offset):
        actors = [a for a in actors if not a.evidence.overlaps(source)]
    roles = find_roles(sentence, offset)
    if roles.target and any(start <= roles.target.start and roles.target.end <= end for start, end in places):
        roles = replace(roles, target=None)
    attacker = _named_within(actors, roles.attacker)
    hit = _named_within(actors, roles.target) or _hit_in_cyrillic(actors, sentence, offset)
    others = [a for a in actors if a is not attacker and a is not hit] if in_order else []
    holders = [a for a in others if _holds_what_was_hit(a, sentence, offset)]
    others = [a for a in others if a not in holders]
    if others and (office := _office_speaking(sentence, offset)):
        others = [a for a in others if not a.evidence.overlaps(office)]
    # "liberated Snake Island from Russian forces": the side a place is taken from lost it, it did not act
    others.sort(key=lambda a: (_taken_from(a, sentence, offset), not _names_the_event(a, event_words)))
    actor1 = None
    if roles.attacker and (attacker or looks_like_party(roles.attacker.quote)):  # an attacker is named within roles.attacker
        actor1 = Found(attacker.value if attacker else roles.attacker.quote, roles.attacker)
    elif (own := _own_act(sentence, offset, event_date)) and not (hit and hit.value == own.value):
        actor1 = own
    elif others and not (hit and others[0].evidence.start > hit.evidence.start) and not _taken_from(
            others[0], sentence, offset):
        actor1 = others.pop(0)
    actor2 = civilians = target = None
    if hit and roles.target and (actor1 is None or hit.value != actor1.value):  # a hit is named within roles.target
        actor2 = Found(hit.value, roles.target)
    elif roles.target and civilians_named(roles.target.quote, roles.target.start):
        civilians = roles.target
    elif roles.target and not hit:
        kind = find_target(roles.target.quote, roles.target.start)
        if kind or not _names_a_place(roles.target, places):
            target = Found(kind.value if kind else None, roles.target, roles.target.quote)
    if actor2 is None and hit and not roles.target and (actor1 is None or hit.value != actor1.value):
        actor2 = hit  # (a Russian or Ukrainian side hit: no roles are read there)
    if actor2 is None and not roles.target and others and (actor1 is None or others[0].value != actor1.value):
        actor2 = others[0]
    if actor2 is None and holders and (actor1 is None or holders[0].value != actor1.value):
        actor2 = holders[0]
    return Parties(actor1, actor2, civilians, target or find_target(sentence, offset))


def _names_a_place(words: Evidence, places: Sequence[tuple[int, int]]) -> bool:
    """Words hit that end in a place, not a thing ("the town of Kreminna", "the capital Kyiv", "the region"); a
    thing placed is a thing ("the federal building in Oklahoma City")."""
    head = locative_tail_pattern().split(words.quote, maxsplit=1)[0].rstrip()
    end = words.start + len(head)
    if any(start < end <= stop for start, stop in places):
        return True
    nouns = lower_keeping_offsets(head).split()
    of = nouns.index("of") if "of" in nouns[1:] else len(nouns)  # "the town of X": the town
    return bool(place_nouns_pattern().fullmatch(nouns[of - 1]))


def _office_speaking(sentence: str, offset: int) -> Evidence | None:
    """"..., Ukraine's northern military command said": an office telling of the event is no side of it by the
    order of the sentence's names (troops telling of their own act are: "Russian forces said they took X")."""
    speaker = find_speaker(sentence, offset)
    return speaker if speaker and side_cues()["office"].search(speaker.quote) else None


_STATE_FORCES = {"Russia": "Military Forces of Russia (2000-)", "Ukraine": UKRAINE_2019}
STATES_AT_WAR = tuple(_STATE_FORCES)


def state_forces(country: str | None, event_date: date | None) -> str | None:
    """The armed forces of a state at war whose sides sitrep names ("Military Forces of Ukraine (2019-)")."""
    return _dated_actor(_STATE_FORCES[country], event_date) if country in _STATE_FORCES else None


def _own_act(sentence: str, offset: int, event_date: date | None) -> Found | None:
    """The state forces a sentence's speaker speaks for, when it tells of its own act."""
    cues = side_cues()
    match = cues["own_act"].search(sentence)
    if match is None or not cues["state_forces_speaker"].search(match.group("who")):
        return None
    forces = state_forces(claimant_side(match.group("who"), None), event_date)
    if forces is None:
        return None
    return Found(forces, Evidence(offset + match.start("who"), offset + match.end("who"), match.group("who")))


def _taken_from(actor: Found, sentence: str, offset: int) -> bool:
    """An actor named as "from X" after a verb of taking ground: the side that lost the place."""
    start = actor.evidence.start - offset
    return actor.evidence.quote.lower().startswith("from ") and bool(
        side_cues()["taken_from_before"].search(sentence, max(0, start - 100), start))


def _hit_in_cyrillic(actors: list[Found], sentence: str, offset: int) -> Found | None:
    """The side a Russian or Ukrainian sentence says was hit ("поражение живой силе и технике ВСУ")."""
    if not is_cyrillic_text(sentence):
        return None
    cue = side_cues()["cyrillic_hit_before"]
    return next((a for a in actors if ends_at(cue, sentence, a.evidence.start - offset)), None)


def _names_the_event(actor: Found, event_words: Evidence | None) -> bool:
    """A side whose name holds the event's words ("a Ukrainian rocket launcher", "Russian shelling"); not one named
    within them as what was hit ("shelled Ukrainian positions"), nor the troops of "forces withdrew from"."""
    if event_words is None:
        return False
    return actor.evidence.start <= event_words.start and event_words.end <= actor.evidence.end


def _holds_what_was_hit(actor: Found, sentence: str, offset: int) -> bool:
    """A side named as the holder of a place or site ("sites used by the Ukrainian armed forces", "an airport
    where Ukraine's fighter bombers are kept"): the side hit, not the one that acted."""
    cues = side_cues()
    start, end = actor.evidence.start - offset, actor.evidence.end - offset
    if ends_at(cues["where_before"], sentence, start):
        return bool(cues["kept_after"].match(sentence, end))
    return bool(ends_at(cues["holder_before"], sentence, start)) and not sentence.startswith(" to ", end)


def _named_within(actors: list[Found], words: Evidence | None) -> Found | None:
    """The first actor whose name overlaps these words ("by Ukraine" for the attacker "Ukraine")."""
    return next((a for a in actors if a.evidence.overlaps(words)), None) if words else None


def find_actors(sentence: str, offset: int, event_date: date | None, country: str | None = None) -> list[Found]:
    """The actors a sentence names, in order of appearance, each once, as ACLED names them for an event in
    `country` (the police of France are "Police Forces of France")."""
    found: dict[str, Found] = {}
    for actor, match in all_actors().each(sentence):
        if actor.holds_in(country):
            name = _dated_actor(actor.name_in(country), event_date)
            evidence = _evidence(match, sentence, offset)
            if not any(f.evidence.overlaps(evidence) for f in found.values()):
                found.setdefault(name, Found(name, evidence))  # the first (most specific) name of these words
    return sorted(found.values(), key=lambda f: f.evidence.start)


def civilians_named(sentence: str, offset: int) -> Evidence | None:
    match = civilian_victims_pattern().search(lower_keeping_offsets(sentence))
    return _evidence(match, sentence, offset) if match else None


def find_target(sentence: str, offset: int) -> Found | None:
    """The thing hit: its class and the noun phrase naming it."""
    best = _earliest(all_targets(), sentence)
    if best is None:
        return None
    entry, match = best
    start = _extend_left(sentence, match.start())
    words = sentence[start:match.end()]
    return Found(entry.name, Evidence(offset + start, offset + match.end(), words), words)


def find_weapon(sentence: str, offset: int) -> Found | None:
    if found := all_weapons().search(sentence):
        entry, match = found
        return Found(entry.name, _evidence(match, sentence, offset))
    return None


_DETERMINER_OR_MODIFIER = re.compile(r"\b(?:a|an|the|two|three|several|major|key|large|huge|local|main|big|another)\s+$", re.I)


def _extend_left(sentence: str, start: int) -> int:
    """Take in the article and modifiers before a target ("a key oil facility"), one word at a time."""
    while match := ends_at(_DETERMINER_OR_MODIFIER, sentence, start):
        start = match.start()
    return start


def _earliest(entries: FirstOf, sentence: str) -> tuple[NamedPatterns, re.Match[str]] | None:
    found = entries.each(sentence)
    return min(found, key=lambda pair: pair[1].start()) if found else None


def _dated_actor(name: str, event_date: date | None) -> str:
    if name == UKRAINE_2019 and event_date is not None and event_date < UKRAINE_CODE_CHANGE:
        return UKRAINE_2014
    return name


def _evidence(match: re.Match, sentence: str, offset: int) -> Evidence:
    """Evidence quotes the original words (matches are made on lower-cased text)."""
    return Evidence(offset + match.start(), offset + match.end(), sentence[match.start():match.end()])
