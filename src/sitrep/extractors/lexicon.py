"""The extraction lexicons, loaded from `sitrep/data` once and compiled."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from itertools import groupby
from typing import Any, cast

import yaml

from ..geo.wordlists import YAML_LOADER
from .word_heads import HeadIndex, lowered_with_starts

FLAGS = re.I


@dataclass(frozen=True)
class NamedPatterns:
    """A name (an actor, a target class, a weapon, a sub-event type) and the patterns that find it."""

    name: str
    patterns: tuple[re.Pattern, ...]
    weapon: str | None = None
    fallback: bool = False
    generic: bool = False  # a word for violence that says not which kind ("an attack")
    sub_event_type: str | None = None  # for a weapon: the kind of event it makes of a generic report
    countries: tuple[str, ...] = ()  # where the name holds (all countries when empty)
    not_in: tuple[str, ...] = ()  # where it does not
    needs_country: bool = False  # holds nowhere when the country is not known

    def holds_in(self, country: str | None) -> bool:
        """Whether this name may stand for an event in `country`. Where the country is not known, only names
        that need it are left out ("Police Forces of {country}")."""
        if country is None:
            return not self.needs_country
        return (not self.countries or country in self.countries) and country not in self.not_in

    def name_in(self, country: str | None) -> str:
        """The name with the event's country filled in ("Police Forces of {country}"), or left out."""
        if "{country}" not in self.name:
            return self.name
        if country is None:
            return self.name.replace(" ({country})", "").replace(" of {country}", "")
        return self.name.format(country=country)

    def search(self, text: str) -> re.Match | None:
        """The earliest match of any pattern in `text` (the longest among those starting there).

        Matches are found in the lower-cased text, whose offsets are the same as the original's. Only the
        patterns that could match the text's words are run (see `word_heads`): most sentences run none.
        """
        if not self.patterns:
            return None
        lowered, starts = lowered_with_starts(text, lower_keeping_offsets)
        return _earliest(p.search(lowered) for p in self._index.could_match(starts))

    @cached_property
    def _index(self) -> HeadIndex:
        return HeadIndex(self.patterns)


class FirstOf:
    """The first of several NamedPatterns, in their order, that matches a text (as trying each one's `search`
    in turn), or each that does (`each`), with one look-up of the text's word starts for them all: most texts
    match none, and each `search` costs a look-up of its own even when none of its patterns is run."""

    def __init__(self, entries: tuple[NamedPatterns, ...]):
        self.entries = entries
        self._entry_of = [i for i, entry in enumerate(entries) for _ in entry.patterns]
        self._index = HeadIndex(tuple(p for entry in entries for p in entry.patterns))

    def search(self, text: str) -> tuple[NamedPatterns, re.Match] | None:
        return next(self._matches(text), None)

    def each(self, text: str) -> list[tuple[NamedPatterns, re.Match]]:
        """Each entry, in their order, that matches the text, with the match its own `search` gives."""
        return list(self._matches(text))

    def _matches(self, text: str) -> Iterator[tuple[NamedPatterns, re.Match]]:
        lowered, starts = lowered_with_starts(text, lower_keeping_offsets)
        # the patterns that could match, in order, so each entry's together: those its own `search` would run
        for i, indices in groupby(self._index.could_match_at(starts), key=self._entry_of.__getitem__):
            if match := _earliest(self._index.patterns[p].search(lowered) for p in indices):
                yield self.entries[i], match


def _earliest(found: Iterable[re.Match | None]) -> re.Match | None:
    """The match that starts first, the longest of those that start there."""
    matches = [m for m in found if m]
    return min(matches, key=lambda m: (m.start(), -m.end())) if matches else None


@cache
def _alternation(patterns: tuple[re.Pattern, ...]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns))


# "(\w+ )" in a pattern stands for any word; in news that includes "Ukraine’s" and "Russian-held"
_ANY_WORD = r"(\w+ )"
_ANY_WORD_OF_NEWS = r"([\w’'-]+ )"


def compile_word_pattern(pattern: str) -> re.Pattern:
    """A lexicon pattern matched on whole words of lower-cased text.

    Case-sensitive matching on lower-cased text with a plain word boundary is several times faster
    than re.IGNORECASE with a look-behind, and matching is the hot loop of ingest.
    """
    return re.compile(rf"\b(?:{pattern.replace(_ANY_WORD, _ANY_WORD_OF_NEWS)})(?!\w)")


# How far before a word the words that qualify it are read ("not", "including at least", "a key").
REACH_BEFORE = 80


def ends_at(pattern: re.Pattern, text: str, end: int) -> re.Match | None:
    """A match of `pattern`, which ends in $, in the words just before `end`. Read from REACH_BEFORE characters
    before it, not from the start of the text: done for each of many words of a long sentence, that was
    quadratic."""
    return pattern.search(text, max(0, end - REACH_BEFORE), end)


def lower_keeping_offsets(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few characters grow when lower-cased ("İ"): keep those as they are so offsets still hold.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _load(name: str) -> dict:
    text = resources.files("sitrep.data").joinpath(name).read_text(encoding="utf-8")
    return cast(dict[str, Any], yaml.load(text, Loader=YAML_LOADER))


def _named(entries: list[dict], key: str) -> tuple[NamedPatterns, ...]:
    return tuple(
        NamedPatterns(
            name=entry[key],
            patterns=tuple(compile_word_pattern(p) for p in entry.get("patterns") or ()),
            weapon=entry.get("weapon"),
            fallback=bool(entry.get("fallback")),
            generic=bool(entry.get("generic")),
            sub_event_type=entry.get("sub_event_type") if key != "sub_event_type" else None,
            countries=tuple(entry.get("countries") or ()),
            not_in=tuple(entry.get("not_in") or ()),
            needs_country=bool(entry.get("needs_country")),
        )
        for entry in entries
    )


@cache
def taxonomy() -> dict[str, str]:
    """Each ACLED sub-event type mapped to its event type."""
    return {sub: event_type for event_type, subs in _load("taxonomy.yaml").items() for sub in subs}


@cache
def trigger_rules() -> tuple[NamedPatterns, ...]:
    return _named(_load("event_triggers.yaml")["rules"], "sub_event_type")


@cache
def first_trigger_rule() -> FirstOf:
    """The trigger rules, tried in their order (`FirstOf`)."""
    return FirstOf(trigger_rules())


@cache
def event_word_pattern() -> re.Pattern:
    """Any word that names a violent event (see `event_words` in event_triggers.yaml)."""
    return _alternation(tuple(compile_word_pattern(p) for p in _load("event_triggers.yaml")["event_words"]))


@cache
def accident_causes() -> re.Pattern:
    return re.compile(lexicon()["accident_causes"], FLAGS)


@cache
def lexicon() -> dict:
    return _load("lexicon.yaml")


@cache
def actor_patterns() -> tuple[NamedPatterns, ...]:
    return _named(lexicon()["actors"], "name")


@cache
def target_patterns() -> tuple[NamedPatterns, ...]:
    return _named(lexicon()["targets"], "class")


# The actors, targets and weapons, each read at once (`FirstOf`): asked of every sentence a report is read from.
@cache
def all_actors() -> FirstOf:
    return FirstOf(actor_patterns())


@cache
def all_targets() -> FirstOf:
    return FirstOf(target_patterns())


@cache
def all_weapons() -> FirstOf:
    return FirstOf(weapon_patterns())


@cache
def place_nouns_pattern() -> re.Pattern:
    return compile_word_pattern(lexicon()["place_nouns"])


@cache
def locative_tail_pattern() -> re.Pattern:
    return re.compile(lexicon()["locative_tail"], FLAGS)


@cache
def weapon_patterns() -> tuple[NamedPatterns, ...]:
    return _named(lexicon()["weapons"], "name")


@cache
def weapon_kinds() -> dict[str, str]:
    """Each weapon mapped to the sub-event type it makes of a report that names no kind of event."""
    return {w.name: w.sub_event_type for w in weapon_patterns() if w.sub_event_type}


@cache
def not_a_report() -> re.Pattern:
    """Titles of what reports no one event (live blogs, digests, explainers, datasets, obituaries)."""
    return re.compile("|".join(f"(?:{p})" for p in lexicon()["not_a_report"]), FLAGS)


@cache
def non_event_cues() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, FLAGS) for p in lexicon()["non_event_cues"])


@cache
def clause_cues() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, FLAGS) for p in lexicon()["clause_cues"])


@cache
def clause_breaks() -> re.Pattern:
    return re.compile(lexicon()["clause_breaks"], FLAGS)


@cache
def verification_cues() -> dict[str, tuple[re.Pattern, ...]]:
    return {
        status: tuple(re.compile(p, FLAGS) for p in patterns)
        for status, patterns in lexicon()["verification_cues"].items()
    }


@cache
def channel_patterns() -> dict[str, re.Pattern]:
    return {name: re.compile(p, FLAGS) for name, p in lexicon()["channels"].items()}


@cache
def claimant_side_patterns() -> dict[str, re.Pattern]:
    return {side: re.compile(p, FLAGS) for side, p in lexicon()["claimant_sides"].items()}


@cache
def local_official_pattern() -> re.Pattern:
    return re.compile(lexicon()["local_official"], FLAGS)


@cache
def flagged_pattern(name: str) -> re.Pattern[str]:
    """A single pattern of the lexicon that carries its own flags (`said_on`, `the_town`, ...)."""
    return re.compile(lexicon()[name])


@cache
def telltales() -> dict[str, re.Pattern]:
    """The sub-event types a report has only when its words say so, each with the words that do."""
    return {sub_event_type: re.compile(p, FLAGS) for sub_event_type, p in lexicon()["telltales"].items()}


@cache
def side_cues() -> dict[str, re.Pattern]:
    """The `sides` patterns of the lexicon by name: how a sentence tells who is a side."""
    return {name: re.compile(p) for name, p in lexicon()["sides"].items()}


@cache
def civilian_victims_pattern() -> re.Pattern:
    return compile_word_pattern(lexicon()["civilian_victims"])
