"""Who says an event happened, through what channel, with what stance, and how verified the text says it is."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..language import is_cyrillic_text
from ..model import Claim, Evidence
from .cyrillic_reports import cyrillic_speaker, cyrillic_stance
from .lexicon import (
    channel_patterns,
    claimant_side_patterns,
    ends_at,
    local_official_pattern,
    verification_cues,
)
from .word_heads import could_match

_SPEECH_VERB = r"(?:said|says|say|claimed|claims|claim|confirmed|confirms|reported|reports|announced|stated|wrote|told|added|alleged|denied|denies|insisted)"
# "according to X", "X said", "said X" — the claimant is the noun phrase around the verb of speech.
_ACCORDING_TO = re.compile(r"\baccording to (?P<who>(?:the |a |an )?[^,.;:\"“”]{2,90}?)(?=[,.;:\"“”]|\s+(?:which|who|that|on|in a|with)\b|$)", re.I)
# The claimant of "X said": a capitalised word (or "the", "his", ...) and at most nine more, split at white space;
# a dash standing alone between words is no word, unless nothing else comes before the verb ("Kyiv - said").
# Each text splits into words one way only, and no word is over 40 characters: "Kharkiv ---...--- DPR" took
# minutes when a hyphen could be word or separator, and "A-A-A-..." would be read to its end from each capital.
_FIRST_WORD = r"(?:[A-Z][\w’'.]{0,40}+|the|of|a|an|his|her|its|their|and)(?:-[\w’'().-]{0,40}+)?"
_NEXT_WORD = r"\s++(?:-++\s++)*+-*+[\w’'().][\w’'().-]{0,40}+"
_WHO_SAID = re.compile(
    rf"(?P<who>{_FIRST_WORD}(?:{_NEXT_WORD}){{0,9}}?|{_FIRST_WORD}(?:{_NEXT_WORD}){{0,8}}(?:\s++-++)++)"
    rf"\s+{_SPEECH_VERB}\b"
)
_A_SPEECH_VERB = re.compile(rf"\s{_SPEECH_VERB}\b")  # what every match of _WHO_SAID holds
_SAID_WHO = re.compile(rf",\s*{_SPEECH_VERB}\s+(?P<who>[^,.;:]{{3,80}}?)\s*[.,;]?$")
_HEADLINE_SOURCE = re.compile(r"(?::|\s[-–—])\s*(?P<who>[^:,;.!?\d–—-][^:;.!?–—]{1,50}?)\s*$")
# A headline's end that tells more of the news rather than who tells it ("...: heavy casualties").
_NOT_A_SOURCE = re.compile(
    r"\b(casualt\w*|killed|dead|died|wounded|injured|deaths?|toll|attacks?|shelling|fighting|clash\w*|explosions?|"
    r"video|photos?|live|update)\b", re.I
)
# (A document is no one: "according to the statement" credits whoever issued it, named elsewhere.)
_BAD_CLAIMANT = re.compile(
    r"^(it|he|she|they|we|i|this|that|which|who|there|reports?|the (attack|strike|blast|explosion)|"
    r"(i|we|on|in|at|via|during|after|before|later|earlier) .+|"
    r"(the|a|an|this|that|its|their|his|her) (\w+ )?(statement|report|post|video|footage|message|update|"
    r"briefing|data|figures|images|photos))$", re.I)
# A claimant ending in one of these was cut from the middle of a clause ("commented on the claims").
_DANGLING_END = re.compile(r"\b(the|a|an|his|her|its|their|these|those|of|on|to|in|and|that)$", re.I)
# (?<!\s)\s++: tried at the first space of a run only, so that a run of spaces is not read once a space.
_AUXILIARY_END = re.compile(
    r"(?<!\s)\s++(has|have|had|was|were|is|are|also|has also|have also|later|earlier|previously|at first|initially|"
    r"reportedly|again|too)$", re.I)
# Words that make what precedes "said" a clause ("Russian forces were trying to surround Kharkiv, said ..."), not a name.
_A_CLAUSE = re.compile(
    r"\b(was|were|is|are|had|has|have|would|will|could|did|does|been|being|trying|came|comes|resumed|says|said)\b",
    re.I)
# Words that are no one's name: a headline's piece cut at its dash ("Ukraine shells Kherson's bridge -"), what
# happened rather than who tells it, a lone adjective ("The Russian") or a word cut at its quote mark ("South’").
_NOT_A_NAME = re.compile(
    r"\s[-–—]$|\b(deaths|strikes|attacks|shelling|fighting|explosions|civilians|wave)\b|"
    r"^(the )?(russian|ukrainian|british|american|western|emerging)$|[’'‘]$", re.I)
# Speech verbs that are nouns too ("the competing claims"), and what then stands before them: a determiner and an
# adjective, or a nationality ("Russian claims").
_NOUN_OF_SPEECH = re.compile(r"claims?|reports?", re.I)
_QUALIFIER_ONLY = re.compile(
    r"(?:^|\s)(?:(?i:a|an|the|these|those|such|its|their|his|her)\s+[a-z]+(?:ing|ar|al|ous|ive|ic|est|ent|ant|ed|ian|ish|ese)|"
    r"^[A-Z][a-z]+(?:ian|ish|ese|an))$"
)
# Where a subordinate clause begins inside the words before "said": "a series of attacks that Kyiv (said)".
_CLAUSE_OPENER = re.compile(r"^.*\b(?:that|which|as|after|when|while|where|because|since|if|than)\s+(?=\S)", re.I)
_WHEN_BEFORE = re.compile(
    r"^(?:on|late on|early on|last|this)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+", re.I)
# A report's vehicle before its author: "an update from the regional governor" is the governor's.
_VEHICLE = re.compile(r"^(?:an?|the|his|her|its|their)\s+(?:\w+\s+)?(?:update|statement|post|message|briefing|report|video|interview|address)\s+(?:from|by|of)\s+", re.I)
_STANCES = [
    (re.compile(r"\b(denied|denies|deny|dismissed|refuted|rejected)\b", re.I), "denies"),
    (re.compile(r"\b(claimed responsibility|took responsibility|claimed credit)\b", re.I), "claims responsibility"),
    (re.compile(r"\b(confirmed|confirms)\b", re.I), "confirms"),
    (re.compile(r"\b(claimed|claims|claim|alleged)\b", re.I), "claims"),
]


_NEGATED_BEFORE = re.compile(r"\b(?:not|never|no|yet to|declined to|refused to)\s+(?:[\w’'-]+\s+){0,2}$|n['’]t\s+$", re.I)
_OF_A_PLAN = re.compile(r"(?<!\s)\s++(?:(?:any|that|it|they|he|she)\s++)?(?:had\s++|was\s++|were\s++)?(?:plann\w*|plans?|intend\w*|intentions?|wants?|wanted)\b", re.I)


@dataclass(frozen=True)
class Attribution:
    claim: Claim
    evidence: Evidence | None


def headline_source(sentence: str, offset: int = 0) -> Evidence | None:
    """The source a headline names after a colon or a dash at its end ("...: rebels", "... - DPR command")."""
    match = _HEADLINE_SOURCE.search(sentence)
    if match is None:
        return None
    return Evidence(offset + match.start("who"), offset + match.end("who"), match.group("who"))


def _credited(sentence: str, offset: int) -> Evidence | None:
    """A headline's source at its end, unless those words tell more of the news ("...: heavy casualties")."""
    source = headline_source(sentence, offset)
    return source if source and not _NOT_A_SOURCE.search(source.quote) else None


def find_speaker(sentence: str, offset: int = 0) -> Evidence | None:
    """The words naming who a sentence attributes its report to ("according to X", "..., the governor said")."""
    if is_cyrillic_text(sentence):  # Russian and Ukrainian: their words in lexicon.yaml (cyrillic_reports)
        return cyrillic_speaker(sentence, offset)
    match = _ACCORDING_TO.search(sentence) or _SAID_WHO.search(sentence) or _last_speaker(sentence)
    if match is None:
        return None
    who = _tidy(match.group("who"))
    if not who or _BAD_CLAIMANT.match(who) or _DANGLING_END.search(who) or _A_CLAUSE.search(who) or (
            _NOT_A_NAME.search(who)):
        return None
    if _NOUN_OF_SPEECH.fullmatch(sentence[match.end("who"):match.end()].strip()) and _QUALIFIER_ONLY.search(who):
        return None  # "the competing claims", "a similar report": a noun with its adjective, not who claims
    start = offset + match.start("who") + match.group("who").find(who)
    return Evidence(start, start + len(who), who)


def find_attribution(
    sentence: str, offset: int, actor1: str | None, place_country: str | None, headline: bool = False
) -> Attribution | None:
    """The claim a sentence attributes its report to, or None when it names no source. A `headline` (a report
    of one sentence) may credit its source at its end: "Four killed in shelling of Donetsk: DPR command"."""
    speaker = find_speaker(sentence, offset) or (_credited(sentence, offset) if headline else None)
    if speaker is None:
        return None
    who = speaker.quote
    side = claimant_side(who, place_country)
    stance = _stance(sentence)
    if stance in ("reports", "claims") and side and actor1 and side in actor1:
        stance = "claims responsibility"  # the side that acted telling of its own attack
    channel = find_channel(sentence)
    claim = Claim(claimant=who, claimant_side=side, channel=channel, stance=stance, verification=_status_of(stance))
    return Attribution(claim, speaker)


def find_channel(text: str) -> str | None:
    for name, pattern in channel_patterns().items():
        if pattern.search(text):
            return name
    return None


def claimant_side(who: str, place_country: str | None) -> str | None:
    """The country a claimant speaks for: named in its words, or the attacked place's for its officials."""
    for side, pattern in claimant_side_patterns().items():
        if pattern.search(who):
            return side
    if local_official_pattern().search(who):
        return place_country
    return None


def verification_cue(sentence: str) -> tuple[str, Evidence] | None:
    """What a sentence says of the truth of the report before it: unverified, disputed or confirmed."""
    for status, patterns in verification_cues().items():
        for pattern in patterns:
            if could_match(pattern, sentence) and (match := pattern.search(sentence)):
                return status, Evidence(match.start(), match.end(), match.group())
    return None


def _last_speaker(sentence: str) -> re.Match | None:
    if not _A_SPEECH_VERB.search(sentence):
        return None  # two sentences in three: _WHO_SAID, tried from every capital, would find nothing
    matches = list(_WHO_SAID.finditer(sentence))
    return matches[-1] if matches else None


def _stance(sentence: str) -> str:
    """What the sentence's claimant does with the report: "has not claimed responsibility" claims nothing,
    and "denies planning to invade" denies a plan, not the event."""
    if is_cyrillic_text(sentence):
        return cyrillic_stance(sentence) or "reports"
    for pattern, stance in _STANCES:
        for match in pattern.finditer(sentence):
            if ends_at(_NEGATED_BEFORE, sentence, match.start()) or _OF_A_PLAN.match(sentence, match.end()):
                continue
            return stance
    return "reports"


def _status_of(stance: str) -> str:
    return {"denies": "disputed", "claims responsibility": "claimed", "confirms": "confirmed"}.get(stance, "reported")


def _tidy(who: str) -> str:
    who = who.strip(" ,;:\"“”'")
    who = _CLAUSE_OPENER.sub("", who)
    who = _VEHICLE.sub("", who)
    who = re.sub(r"^(and|but|while|as|which|that|however)\s+", "", who, flags=re.I)
    who = _WHEN_BEFORE.sub("", who)  # "On Sunday Gladkov (said)"
    who = re.sub(r"(?<!\s)\s+(who|which|that)$", "", who, flags=re.I)  # "a fellow fighter who (said)"
    who = re.sub(r"(?<!\s)\s++(in a post|in a statement|on his|on her|on its|on their)\b.*$", "", who, flags=re.I)
    return _AUXILIARY_END.sub("", who.strip())
