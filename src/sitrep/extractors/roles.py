"""Who attacked and what was attacked, read from the words around an attack verb or noun.

No parser runs at ingest (see `nlp.py`), so the roles come from the shape of the sentence: the noun phrase
before an active attack verb is the attacker ("Taliban gunmen attacked ..."), the one after it the target
("... attacked Camp Shorabak"); "by X" after a passive verb or an attack noun is the attacker, "on X" after
an attack noun the target; "X's bombing", "IS attacks" and "X claimed responsibility" name the attacker.
A noun phrase here is a short run of words with no function word, verb or punctuation inside.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Evidence
from .lexicon import all_weapons

_QUOTES = frozenset('"“”‘’«»')
_RUN = re.compile(r"[\w’'.-]+|[^\w\s]")
_ATTACK_VERBS = frozenset(
    "attacked attack attacks bombed shelled struck hit shot stabbed ambushed stormed raided targeted target targets "
    "detonated fired launched assassinated murdered kidnapped abducted besieged overran".split()
)
_PASSIVE_VERBS = _ATTACK_VERBS | frozenset(
    "carried claimed perpetrated committed orchestrated staged killed destroyed damaged shattered rocked wounded "
    "injured".split()
)
# Nouns as often as verbs: "attacks Kyiv" is a verb, "attacks on Kyiv" and "launched attacks" are nouns.
_NOUN_OR_VERB = frozenset("attack attacks target targets".split())
_DETERMINERS = frozenset("the a an its their his her this that these those".split())
_ATTACK_NOUNS = frozenset(
    "attack attacks bombing bombings strike strikes airstrike airstrikes raid raids assault assaults ambush "
    "shelling offensive blast explosion explosions assassination".split()
)
_ACTS_ON_PEOPLE = frozenset("assassination murder killing killings abduction kidnapping massacre".split())
_FIGHTS = frozenset("battle battles clash clashes fighting gunfight firefight skirmish skirmishes".split())
_CLAIM_VERBS = frozenset("claimed accepted admitted".split())
# Words that end a noun phrase: function words, auxiliaries and common verbs.
_BOUNDARY = frozenset(
    "in on at near with by from of for to into onto over under during while as after before since when where "
    "which who whom whose that this these those than then but because if and or nor so yet also not no "
    "is are was were be been being has have had do does did will would could should may might can must "
    "said says say told reported according it its he she they them their his her we our you your i me my "
    "there here what how why all both each every other another some such only even still just about around "
    "against between through across within without via per amid among upon inside outside behind beyond toward "
    "towards along off reportedly allegedly apparently repeatedly heavily again "
    # verbs of a toll, which a title-case headline capitalises: "Strike on Poltava Institute Kills 51"
    "kills kill killing injures injuring wounds wounding leaves".split()
)
_LEADING = frozenset(
    "the a an another more than at least dozen dozens hundreds of two three four five six seven eight nine ten several "
    "many some".split()
)
# The weapon or the event itself stands where a sentence puts no attacker ("the explosion targeted a bakery",
# "a drone hit"); a party's weapon ("Russian drones") is named by the actor lexicon instead.
_NOT_AN_ATTACKER = frozenset(
    "explosion explosions blast blasts attack attacks bomb bombs bombing bombings fire shelling strike strikes "
    "device devices incident drone drones uav uavs missile missiles rocket rockets shell shells artillery mortar "
    "mortars aircraft jet jets warplane warplanes helicopter helicopters ied ieds mine mines grenade".split()
)
# What was used rather than hit: "detonated 20 bombs", "fired rockets" (and "nine others were wounded": no what).
_NOT_A_TARGET = frozenset(
    "bomb bombs explosives device devices missile missiles rocket rockets shells drones grenades mortars shots "
    "rounds himself herself themselves strike strikes airstrikes attack attacks bombardment bombardments shelling "
    "fire others".split()
)
_PARTY_NOUNS = frozenset(
    "forces troops soldiers army military police militia militias group groups rebels fighters brigade brigades "
    "battalion battalions regiment unit units organisation organization movement front regime government "
    "guard guards gunman bomber sniper snipers attacker assailant terrorist militant insurgent separatist "
    "jihadist mob commandos saboteurs partisans".split()
)
# Words of when, which end a phrase ("the village of Bilozerka overnight").
_TIME_WORDS = frozenset(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday today yesterday tonight overnight morning afternoon evening night "
    "earlier later weekend".split()
)
_BETWEEN_SUBJECT_AND_VERB = frozenset("had has have reportedly allegedly then also later again".split())
MAX_PHRASE_WORDS = 6
# Every word at which a rule of find_roles reads an attacker, a target or the dead: any other is passed over.
_ROLE_WORDS = (_ATTACK_VERBS | _PASSIVE_VERBS | _ATTACK_NOUNS | _ACTS_ON_PEOPLE | _CLAIM_VERBS
               | frozenset("between by blew shot shoot shoots aimed targeted directed crashed".split()))


@dataclass(frozen=True)
class Roles:
    attacker: Evidence | None = None
    target: Evidence | None = None


def find_roles(sentence: str, offset: int = 0) -> Roles:
    """The attacker's and the target's words in a sentence, each the first that the sentence gives."""
    # quotation marks are left out: "the "Islamic State" group" is one phrase
    tokens = [token for token in _tokens(sentence) if token[0] not in _QUOTES]
    words = [_bare(t[0]).casefold() for t in tokens]
    attacker = target = victims = None
    for i, word in enumerate(words):
        if word not in _ROLE_WORDS:
            continue  # (most words: no rule below reads a role at them)
        following = words[i + 1] if i + 1 < len(words) else ""
        if attacker is None:
            attacker = _attacker_at(tokens, words, i, word, following)
        if target is None:
            target = _target_at(words, i, word, following)
        if victims is None and word in _PASSIVE_VERBS and _passive(words, i):
            victims = _passive_subject(words, i - 1)  # "five people were killed": the target if none is named
        if attacker and target:
            break
    if victims and words[victims[1] - 1] in _NOT_A_TARGET:
        victims = None
    target = target or victims
    return Roles(_evidence(attacker, tokens, sentence, offset), _evidence(target, tokens, sentence, offset))


def looks_like_party(words: str) -> bool:
    """Whether an attacker's words name a party rather than a thing: a group's acronym ("IS", "ETA"), or a
    noun for people who fight ("gunmen", "separatists", "the Belfast brigade")."""
    tokens = [_bare(t) for t, _, _ in _tokens(words) if t not in _QUOTES]
    if not tokens:
        return False
    head = tokens[-1]
    if head.isupper() and 2 <= len(head) <= 6 and head.isalpha():
        return True
    head = head.casefold()
    return head in _PARTY_NOUNS or (head.endswith(("ists", "men", "ers")) and head not in _NOT_AN_ATTACKER)


def _tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """(token, start, end) of each word ("Kharkiv's", "al-Qaeda", "U.S") and each other mark. A word ends at its
    last letter or digit, and the marks after it ("...", "--") are a token each. (A single regex for this read
    a run of dashes again from each dash: quadratic.)"""
    for match in _RUN.finditer(text):
        start, end = match.span()
        word = match.group().rstrip("’'.-")
        if word:
            yield word, start, start + len(word)
        for mark in range(start + len(word), end):
            yield text[mark], mark, mark + 1


def _bare(token: str) -> str:
    """The word without a possessive ending: "IRA's" -> "IRA"."""
    return token[:-2] if token.endswith(("'s", "’s")) and len(token) > 2 else token


def _attacker_at(tokens, words, i, word, following):
    span = _attacker_span(tokens, words, i, word, following)
    if span is None or words[span[1] - 1] in _NOT_AN_ATTACKER:
        return None
    return span


def _passive_subject(words: list[str], end: int) -> tuple[int, int] | None:
    """The subject before "was/were": "The Murrah Federal Building in Oklahoma City (was shattered)"."""
    span = _phrase_before(words, end)
    if span and span[0] > 1 and words[span[0] - 1] == "in" and (before := _phrase_before(words, span[0] - 1)):
        return before[0], span[1]
    return span


def _sides_of(words: list[str], i: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The two sides of "a battle between troops and terrorists", when token i is its "between"."""
    if words[i] != "between" or i == 0 or words[i - 1] not in _FIGHTS or "and" not in words[i + 1:i + 8]:
        return None
    middle = words.index("and", i + 1)
    first, second = _phrase_after(words[:middle], i + 1), _phrase_after(words, middle + 1)
    return (first, second) if first and second else None


def _attacker_span(tokens, words, i, word, following):
    if sides := _sides_of(words, i):
        return sides[0]
    if _active_verb(words, i):
        subject_end = i
        while subject_end > 0 and words[subject_end - 1] in _BETWEEN_SUBJECT_AND_VERB:
            subject_end -= 1
        return _phrase_before(words, subject_end)
    if word == "by" and i > 0 and (words[i - 1] in _PASSIVE_VERBS or words[i - 1] in _ATTACK_NOUNS or
                                   (i > 1 and words[i - 1] == "out" and words[i - 2] == "carried")):
        return _phrase_after(words, i + 1)
    if word in _ATTACK_NOUNS and i > 0:
        before = tokens[i - 1][0]
        # "IS attacks", "IRA bombing": an acronym names the group; "HIMARS strikes" the weapon
        if before.isupper() and len(before) > 1 and all_weapons().search(before) is None:
            return _phrase_before(words, i - 1, (i - 1, i))
        if before.endswith(("'s", "’s")):  # "the IRA's bombing"
            return _phrase_before(words, i)
    if word in _CLAIM_VERBS and following == "responsibility":
        return _phrase_before(words, i)
    if word == "blew" and following in ("himself", "herself", "themselves"):
        return _phrase_before(words, i)
    return None


def _target_at(words, i, word, following):
    span = _target_span(words, i, word, following)
    if span is None or words[span[1] - 1] in _NOT_A_TARGET:
        return None
    return span


def _target_span(words, i, word, following):
    if sides := _sides_of(words, i):
        return sides[1]
    if word in ("shot", "shoot", "shoots") and following == "down":
        return _phrase_after(words, i + 2)  # "shot down three drones": what was downed, not "down"
    if _active_verb(words, i):
        if following in ("at", "on") and word in ("fired", "targeted", "launched"):
            return _phrase_after(words, i + 2)
        if word in ("fired", "launched"):
            return None  # what is fired or launched is a weapon or an act ("launched an inquiry"), not what was hit
        span = _phrase_after(words, i + 1)
        if span and span[1] < len(words) and (words[span[1]] in _ATTACK_NOUNS or words[span[1]] in _ATTACK_VERBS):
            return None  # "launched a major attack on Ukraine": the attack noun says what was hit
        return span
    if word in _ATTACK_NOUNS and following in ("on", "against", "at"):
        # "an attack on 13 September 1974 at the Rolando cafe": past the date to the place
        return _phrase_after(words, i + 2) or _phrase_after_date(words, i + 2)
    if (word in _ACTS_ON_PEOPLE or word in _ATTACK_NOUNS) and following == "of":
        return _phrase_after(words, i + 2)  # "the assassination of Luis Carrero Blanco", "the bombing of the building"
    if word in ("aimed", "targeted", "directed") and following == "at":
        return _phrase_after(words, i + 2)
    if word == "crashed" and following == "into":
        return _phrase_after(words, i + 2)
    return None


def _active_verb(words: list[str], i: int) -> bool:
    """An attack verb in the active voice: not "was attacked", and not the noun of "the attack"."""
    if words[i] not in _ATTACK_VERBS or _passive(words, i) or (i > 0 and words[i - 1] in _LEADING):
        return False
    if words[i] in _NOUN_OR_VERB:  # a verb only where its object follows at once
        following = words[i + 1] if i + 1 < len(words) else ""
        return following in _DETERMINERS or following[:1].isdigit()
    return True


def _passive(words: list[str], i: int) -> bool:
    return i > 0 and words[i - 1] in ("was", "were", "been", "being", "is", "are")


def _is_phrase_word(words: list[str], k: int) -> bool:
    """Whether token k may be inside a noun phrase: a content word, or "and"/"of" between two of them
    ("gunmen and suicide bombers", "fuel and energy facility", "the village of Bilozerka")."""
    word = words[k]
    if word in ("and", "of") and 0 < k < len(words) - 1:
        return _is_content(words[k - 1]) and _is_content(words[k + 1])
    return _is_content(word)


def _is_content(word: str) -> bool:
    return word[:1].isalnum() and word not in _BOUNDARY and word not in _ATTACK_VERBS and word not in _TIME_WORDS



def _phrase_before(words: list[str], end: int, seed: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """Token span of the noun phrase that ends just before token `end` (or that extends `seed` leftwards)."""
    start, stop = seed or (end, end)
    while start > 0 and stop - start < MAX_PHRASE_WORDS and _is_phrase_word(words, start - 1):
        start -= 1
        if words[start] in _DETERMINERS:
            break  # an article opens the phrase: "said that ... considered the Provisional IRA"
    while start < stop and (words[start] in _LEADING or words[start] in ("and", "of")):
        start += 1
    if all(w[:1].isdigit() for w in words[start:stop]):
        return None  # "another 73 were injured": a count, not who
    return (start, stop) if start < stop else None


def _phrase_after(words: list[str], start: int) -> tuple[int, int] | None:
    """Token span of the noun phrase that starts at token `start` (after its article)."""
    while start < len(words) and words[start] in _LEADING:
        start += 1
    end = start
    while end < len(words) and end - start < MAX_PHRASE_WORDS and _is_phrase_word(words, end):
        if end > start and words[end].endswith("ed"):
            break  # "the shelling of Donetsk continued": a verb past the phrase ("armed group" starts with one)
        end += 1
    if start < end and words[start][:1].isdigit():
        return None  # "an attack on 13 September": a date, or a count of what was used
    return (start, end) if start < end else None


def _phrase_after_date(words: list[str], start: int) -> tuple[int, int] | None:
    """The phrase after "at" or "on" that follows a date a few words on."""
    for k in range(start, min(start + 6, len(words) - 1)):
        if words[k] in ("at", "on") and (span := _phrase_after(words, k + 1)):
            return span
    return None


def _evidence(span: tuple[int, int] | None, tokens, sentence: str, offset: int) -> Evidence | None:
    if span is None:
        return None
    first, last = tokens[span[0]], tokens[span[1] - 1]
    end = last[1] + len(_bare(last[0]))
    return Evidence(offset + first[1], offset + end, sentence[first[1]:end])
