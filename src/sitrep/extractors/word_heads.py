"""A literal prefilter for the lexicon's word patterns: which patterns could match a text at all.

Every lexicon pattern is `\\b(?:...)` on lower-cased text (see `lexicon.compile_word_pattern`). When what
follows the `\\b` must begin with one of a few literal word starts ("shell", "drone", "intercept"), a match
can only begin at the start of a word of the text that begins so. The text's word starts are one set, made
once a text; a pattern none of whose starts is in it is not run. So is one a later part of which, after a
space or a mark, must begin a word as none of the text's words begins ("forces ... abandoned": `pattern_tails`).
The answer is the same as running every pattern: only patterns that cannot match are skipped, and a pattern
whose start cannot be told is always run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from itertools import chain
from re import _constants as sre  # type: ignore[attr-defined]  # the parser's opcodes (Python 3.11+; no stubs)
from re import _parser  # type: ignore[attr-defined]  # re's own parser (no stubs)
from typing import Any

from ..casefree import cached_by_identity, could_find

HEAD_CHARS = 5  # word starts are compared on at most this many characters
_WORD_CHAR = re.compile(r"\w")
_WORDS = re.compile(r"\w+")


@cache
def pattern_heads(pattern: re.Pattern) -> frozenset[str] | None:
    """Word starts (of 1 to HEAD_CHARS characters) one of which every match of `pattern` begins with; None
    when that cannot be told (then the pattern is always run)."""
    items = _word_pattern_items(pattern)
    return None if items is None else _starts(items)


@cache
def _word_pattern_items(pattern: re.Pattern) -> list[Any] | None:
    """The parsed items of a case-sensitive pattern after its leading \\b, or None for another pattern."""
    if pattern.flags & re.IGNORECASE:
        return None  # matched on lower-cased text without IGNORECASE only
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except re.error:
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    items = list(parsed.data)
    if not items or items[0] != (sre.AT, sre.AT_BOUNDARY):
        return None  # without the \b a match may begin inside a word
    return items[1:]


@cache
def pattern_tails(pattern: re.Pattern) -> tuple[frozenset[str], ...]:
    """Word starts of later parts of every match: for each part of the pattern that every match holds right
    after a space or a mark (so where a word of the text begins), the starts one of which it begins with
    ("(forces|troops) ([\\w-]+ ){0,3}(abandoned|gave up)": abandoned or gave). Each is a further condition, after
    pattern_heads, for the pattern to be run: most sentences that name forces abandon nothing."""
    items = _word_pattern_items(pattern)
    if items is None or pattern_heads(pattern) is None:
        return ()  # no leading \\b, IGNORECASE or a parse error, or a start that cannot be told: always run
    if len(items) == 2 and items[0][0] is sre.SUBPATTERN and not (items[0][1][1] or items[0][1][2]):
        items = list(items[0][1][3].data)  # compile_word_pattern's (?:...) around the lexicon's pattern
    tails = (_starts(items[k:], exact=True) for k in range(1, len(items)) if _ends_after_non_word(items[:k]))
    return tuple(tail for tail in tails if tail)


@cached_by_identity  # asked for each text by could_match
def literal_cue(pattern: re.Pattern) -> re.Pattern | None:
    """Pieces of words one of which every match of `pattern` holds, as a pattern of its flags: those a later
    part of it begins with ("indep|verif|confi" of "(not|n't|...) (\\w+ ){0,3}(independently )?(verif\\w*|
    confirm\\w*)"), when they are longer than those it begins with itself; else None. A text without any is
    not searched with `pattern` (`could_match`), which tries its start at each word."""
    try:
        items = list(_parser.parse(pattern.pattern, pattern.flags).data)
    except re.error:
        return None
    shortest = {k: min(map(len, pieces)) for k in range(len(items)) if (pieces := _starts(items[k:], exact=True))}
    best = max(shortest, key=shortest.__getitem__, default=None)
    if best is None or shortest[best] < 3 or shortest[best] <= shortest.get(0, 0):
        return None
    pieces = _starts(items[best:], exact=True) or frozenset()
    return re.compile("|".join(map(re.escape, sorted(pieces))), pattern.flags)


def could_match(pattern: re.Pattern, text: str) -> bool:
    """False only where `pattern` surely finds nothing in `text`: its `literal_cue` is not in it, or its
    case-sensitive twin finds nothing in the lower-cased text (`casefree`)."""
    cue = literal_cue(pattern)
    return (cue is None or cue.search(text) is not None) and could_find(pattern, text)


def _ends_after_non_word(items: Any) -> bool:
    """Every match of these parsed items ends in a character that is no word character, past any optional
    part that does too ("forces ([\\w-]+ ){0,3}")."""
    if not items:
        return False
    op, av = items[-1]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, sub = av
        return _ends_in_non_word(sub.data) and (low >= 1 or _ends_after_non_word(items[:-1]))
    return _ends_in_non_word(items)


def _starts(items: Any, exact: bool = False) -> frozenset[str] | None:
    """Word starts of a sequence of parsed items read where a word of the text begins, or None if that cannot
    be told. exact: every match of the items begins with one of them; else every match holds a word of the
    text, at or after where the match begins, that does."""
    prefix = ""
    for i, (op, av) in enumerate(items):
        if op is sre.LITERAL and _WORD_CHAR.match(chr(av)):
            prefix += chr(av)
            if len(prefix) == HEAD_CHARS:
                break
            continue
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # a \b or a look-around reads no character
        if prefix:
            if op is sre.LITERAL:
                break  # a space or a mark after some letters: those letters start every match
            # "t(ook|ake|aken)" (the parser takes a common start out of alternatives): the letters and what follows
            rest = _starts(items[i:], exact=True)
            return frozenset((prefix + start)[:HEAD_CHARS] for start in rest) if rest else frozenset({prefix})
        if op is sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            return None if add_flags or del_flags else _starts(sub.data, exact)
        if op is sre.ATOMIC_GROUP:
            return _starts(av.data, exact)
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _high, sub = av
            if low >= 1:
                return _starts(sub.data, exact)
            # "(the )?blast": a match begins as the optional part does, or as what follows it; when the optional
            # part ends in a space or a mark, what follows it begins a word of the text either way
            optional, rest = _starts(sub.data, exact), _starts(items[i + 1:], exact)
            if rest is not None and not exact and _ends_in_non_word(sub.data):
                return rest
            return None if optional is None or rest is None else optional | rest
        if op is sre.BRANCH:
            branches = [_starts(branch.data, exact) for branch in av[1]]
            return None if any(b is None for b in branches) else frozenset().union(*(b for b in branches if b))
        return None  # a class, a look-around, any character...
    return frozenset({prefix}) if prefix else None


def _ends_in_non_word(items: Any) -> bool:
    """Every match of these parsed items ends in a character that is no word character ("the ", "pro-")."""
    if not items:
        return False
    op, av = items[-1]
    if op is sre.LITERAL:
        return not _WORD_CHAR.match(chr(av))
    if op is sre.SUBPATTERN:
        return _ends_in_non_word(av[3].data)
    if op is sre.BRANCH:
        return all(_ends_in_non_word(branch.data) for branch in av[1])
    return False


@lru_cache(maxsize=256)
def lowered_with_starts(text: str, lower: Callable[[str], str]) -> tuple[str, frozenset[str]]:
    """`lower(text)` and the starts (1 to HEAD_CHARS characters) of its words. Cached: the same sentence is
    read for triggers, actors, targets and weapons one after the other."""
    lowered = lower(text)
    return lowered, frozenset(chain.from_iterable(map(_word_starts, _WORDS.findall(lowered))))


@lru_cache(maxsize=2**16)
def _word_starts(word: str) -> tuple[str, ...]:
    """A word's starts, 1 to HEAD_CHARS characters. Cached: words repeat from sentence to sentence, and slicing
    each word of each sentence anew was half of lowered_with_starts."""
    # word[:size] past a word's end is the whole word, itself one of its starts
    return tuple({word[:size] for size in range(1, HEAD_CHARS + 1)})


class HeadIndex:
    """Which of some patterns could match a text, by their word starts."""

    def __init__(self, patterns: tuple[re.Pattern, ...]):
        self.patterns = patterns
        self.always: list[int] = []  # patterns whose start cannot be told
        by_head: dict[str, list[int]] = {}
        for i, pattern in enumerate(patterns):
            heads = pattern_heads(pattern)
            if heads is None:
                self.always.append(i)
            else:
                for head in heads:
                    by_head.setdefault(head, []).append(i)
        self.by_head = by_head
        self.heads = frozenset(by_head)
        self.tails = {i: tails for i, pattern in enumerate(patterns) if (tails := pattern_tails(pattern))}

    def could_match(self, starts: frozenset[str]) -> list[re.Pattern]:
        """The patterns, in their order, that could match a text whose word starts are `starts`; the others
        surely do not."""
        return [self.patterns[i] for i in self.could_match_at(starts)]

    def could_match_at(self, starts: frozenset[str]) -> list[int]:
        """The indices, in order, of the patterns `could_match` gives."""
        chosen: Iterable[int] = self.always  # (in index order, as appended)
        if not self.heads.isdisjoint(starts):
            found = set(self.always)
            for head in self.heads & starts:
                found.update(self.by_head[head])
            chosen = sorted(found)
        tails, no_tails = self.tails, ()
        # (each of a pattern's tails meets the starts: no starts.isdisjoint(tail) is true; mapped in C, no generator)
        return [i for i in chosen if not any(map(starts.isdisjoint, tails.get(i, no_tails)))]
