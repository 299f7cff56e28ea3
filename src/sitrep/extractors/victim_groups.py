"""One report that counts the dead of different kinds tells of different events.

"Three civilians, two soldiers killed in east Ukraine": soldiers killed at the front and civilians killed by
shelling of a town are coded as separate events by ACLED (a clash, violence against civilians or shelling)
and by UCDP (separate dyads and places). A mention whose sentence lists the dead as civilians and
combatants becomes one mention per kind, each with its own toll.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..model import Evidence, Mention
from .casualties import parse_number

# State forces: soldiers die in fighting with the other side, civilians mostly under shelling, two events.
# Rebels and civilians killed together are usually one side's losses to one attack ("Two civilians and one
# militiaman killed in shellings"), one event; they stay together.
_COMBATANTS = (
    r"soldiers?|troops?|servicem[ae]n|servicewom[ae]n|officers?|marines?|paratroopers?|policem[ae]n|police officers?"
)
_OTHER_FIGHTERS = r"militiam[ae]n|militias?|rebels?|fighters?|militants?|separatists?"
_CIVILIANS = r"civilians?|children|child|residents?|women|woman|journalists?|pensioners?|boys?|girls?"
# Figures and names are bounded (and possessive): a search tries every digit and capital, and must not read
# "1,1,1,..." or "A-A-A-..." to its end from each.
_COUNT = r"\d[\d,]{0,15}+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|dozens?"
_NAME = r"(?-i:[A-Z])[\w’'-]{0,40}+"
# A group of the dead: "19 civilians", "two Ukrainian soldiers", "soldier" (one, unnumbered).
_ANY_GROUP = rf"(?:(?:{_COUNT})\s+)?(?:{_NAME}\s+){{0,2}}(?:{_CIVILIANS}|{_COMBATANTS}|{_OTHER_FIGHTERS})\b"
_SEPARATOR = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
_LIST = rf"{_ANY_GROUP}(?:{_SEPARATOR}{_ANY_GROUP})+"
_KILLED = r"(?:killed|dead|die|died|slain)"
_DEAD_LISTS = [
    re.compile(rf"\b(?P<list>{_LIST}),?\s+(?:(?:were|are|have been|reported|reportedly|said)\s+)*{_KILLED}\b", re.I),
    re.compile(rf"\b(?:kills?|killing|killed)\s+(?P<list>{_LIST})", re.I),
]
# The word for killing every match of _DEAD_LISTS holds after a space or at its start: a sentence without one
# is not searched for lists of groups (each of its words tried as a list's first).
_DEATH_WORD = re.compile(r"\b(?:kill|dead|die|slain)", re.I)
_ONE_GROUP = re.compile(
    rf"(?:(?P<count>{_COUNT})\s+)?(?:{_NAME}\s+){{0,2}}"
    rf"(?:(?P<civilians>{_CIVILIANS})|(?P<combatants>{_COMBATANTS})|(?P<fighters>{_OTHER_FIGHTERS}))\b",
    re.I,
)
_KINDS = ("civilians", "combatants", "fighters")


@dataclass(frozen=True)
class _Group:
    kind: str  # civilians | combatants (state forces) | fighters (rebels, militias)
    count: int | None  # None: a plural with no number ("34 soldiers, civilians killed")
    start: int
    end: int


@lru_cache(maxsize=256)
def _dead_groups(sentence: str) -> tuple[_Group, ...]:
    """The groups of dead a sentence lists before or after its word for killing, in order. Cached: a mention's
    sentence is read for its victim groups and again for a listed toll."""
    if not _DEATH_WORD.search(sentence):
        return ()
    for pattern in _DEAD_LISTS:
        match = pattern.search(sentence)
        if match is None:
            continue
        groups = []
        offset = match.start("list")
        for group in _ONE_GROUP.finditer(match.group("list")):
            kind = next(k for k in _KINDS if group.group(k))
            noun, number = group.group(kind).casefold(), group.group("count")
            plural = noun.endswith("s") or noun in ("children", "women")
            count = parse_number(number) if number else (None if plural else 1)
            groups.append(_Group(kind, count, offset + group.start(), offset + group.end()))
        return tuple(groups)
    return ()


def victim_groups(sentence: str) -> list[tuple[str, int, int, int]]:
    """The kinds of dead a sentence counts, in order: (kind, toll, start, end) for "civilians" and
    "combatants", only when it counts both kinds and nothing else."""
    groups = _dead_groups(sentence)
    if any(g.count is None or g.kind == "fighters" for g in groups):
        return []  # a toll shared by both kinds, or one side's losses to one attack: no split
    tolls: dict[str, list] = {}
    for group in groups:
        if group.kind in tolls:
            tolls[group.kind][1] += group.count
            tolls[group.kind][3] = group.end
        else:
            tolls[group.kind] = [group.kind, group.count, group.start, group.end]
    if len(tolls) < 2:
        return []
    return [tuple(v) for v in sorted(tolls.values(), key=lambda v: v[2])]


def listed_toll(sentence: str) -> tuple[int, int, int] | None:
    """The dead of one event counted by groups ("Two civilians and one militiaman killed"): their sum,
    with its span, when every group has a number."""
    groups = _dead_groups(sentence)
    counts = [g.count for g in groups if g.count is not None]
    if len(groups) < 2 or len(counts) < len(groups):
        return None
    if {"combatants", "fighters"} <= {g.kind for g in groups}:
        return None  # "One Ukrainian soldier, three rebels killed": each side's dead, likely apart
    return sum(counts), groups[0].start, groups[-1].end


def split_by_victims(mention: Mention, text: str) -> list[Mention]:
    """The mention, or one mention per kind of dead its sentence counts (each with its own toll)."""
    sentence = text[mention.sentence_start : mention.sentence_end]
    groups = victim_groups(sentence)
    if not groups:
        return [_with_listed_toll(mention, sentence)]
    pieces = []
    for index, (kind, toll, start, end) in enumerate(groups):
        evidence = dict(mention.evidence)
        absolute = Evidence(mention.sentence_start + start, mention.sentence_start + end, sentence[start:end])
        evidence["fatalities"] = absolute
        actor2 = mention.actor2
        if kind == "civilians" and mention.place and mention.place.country:
            actor2 = f"Civilians ({mention.place.country})"
        elif kind == "combatants" and actor2 and actor2.startswith("Civilians"):
            actor2 = None
        # Each piece is its own report: the later ones start where their dead are named (a distinct key).
        span_start = mention.sentence_start if index == 0 else absolute.start
        pieces.append(replace(mention, fatalities=toll, actor2=actor2, sentence_start=span_start, evidence=evidence))
    return pieces


def _with_listed_toll(mention: Mention, sentence: str) -> Mention:
    """One event's dead counted by groups in its first sentence: the toll is all of them, not the smallest group."""
    listed = listed_toll(sentence)
    if listed is None or (mention.fatalities is not None and mention.fatalities >= listed[0]):
        return mention
    toll, start, end = listed
    evidence = dict(mention.evidence)
    evidence["fatalities"] = Evidence(mention.sentence_start + start, mention.sentence_start + end, sentence[start:end])
    return replace(mention, fatalities=toll, evidence=evidence)


_SIDE_OF_THE_DEAD = (
    # Rebel words first: "LPR service member", "DPR militiaman" are the rebels' dead.
    ("fighters", re.compile(rf"\b(?:DPR|LPR|{_OTHER_FIGHTERS}|insurgents?)\b", re.I)),
    ("combatants", re.compile(rf"\b(?:{_COMBATANTS}|service members?|KIA)\b", re.I)),
    ("civilians", re.compile(rf"\b(?:{_CIVILIANS})\b", re.I)),
)


def side_of_the_dead(words: str) -> str | None:
    """Who the dead of a toll's words were: "fighters" (rebels), "combatants" (state forces) or "civilians"."""
    return next((side for side, pattern in _SIDE_OF_THE_DEAD if pattern.search(words)), None)
