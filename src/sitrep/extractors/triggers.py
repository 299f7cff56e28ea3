"""Which sentences report an event, and of which ACLED type."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from ..model import Evidence
from .lexicon import clause_breaks, clause_cues, first_trigger_rule, non_event_cues, taxonomy
from .word_heads import could_match


@dataclass(frozen=True)
class Trigger:
    event_type: str
    sub_event_type: str
    evidence: Evidence
    weapon: str | None = None
    fallback: bool = False  # only a death or wound was found: the type is a guess
    generic: bool = False  # only a word for violence of any kind ("attacked"): the type is a default


def find_trigger(sentence: str, offset: int = 0) -> Trigger | None:
    """The event a sentence reports, or None for sentences that report none (forecasts, habits, ...)."""
    found = _trigger_at_zero(sentence)
    if found is None or offset == 0:
        return found
    evidence = Evidence(found.evidence.start + offset, found.evidence.end + offset, found.evidence.quote)
    return replace(found, evidence=evidence)


@lru_cache(maxsize=4096)
def _trigger_at_zero(sentence: str) -> Trigger | None:
    # Cached: the pipeline asks once to pick sentences for spaCy and again to extract from them.
    # The trigger words first: most sentences have none, and the cues (which veto a trigger) are then not read.
    found = first_trigger_rule().search(sentence)
    if found is None or any(could_match(cue, sentence) and cue.search(sentence) for cue in non_event_cues()):
        return None
    rule, match = found
    if in_a_conditional_clause(sentence, match.start(), match.end()):
        return None
    evidence = Evidence(match.start(), match.end(), sentence[match.start():match.end()])
    return Trigger(taxonomy()[rule.name], rule.name, evidence, rule.weapon, rule.fallback, rule.generic)


def vetoed(sentence: str) -> bool:
    """Does the sentence name an event that its words say it does not report ("could attack Odesa", "a memorial
    to the dead of the strike")?"""
    return first_trigger_rule().search(sentence) is not None and _trigger_at_zero(sentence) is None


def in_a_conditional_clause(sentence: str, start: int, end: int) -> bool:
    """Does the span stand in a clause of a condition, a plan or a forecast ("Russian forces may attempt an offensive
    in Zaporizhzhia Oblast")?"""
    clause = clause_around(sentence, start, end)
    return any(could_match(cue, clause) and cue.search(clause) for cue in clause_cues())


def clause_around(sentence: str, start: int, end: int) -> str:
    """The clause of the sentence that holds the span start..end."""
    breaks = [(b.start(), b.end()) for b in clause_breaks().finditer(sentence)]
    opens = max((b_end for b_start, b_end in breaks if b_end <= start), default=0)
    closes = min((b_start for b_start, b_end in breaks if b_start >= end), default=len(sentence))
    return sentence[opens:closes]


def may_report_event(sentence: str) -> bool:
    """A cheap first look: could this sentence report an event at all? (decides what spaCy parses)"""
    return find_trigger(sentence) is not None
