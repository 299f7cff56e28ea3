"""A quick proof that a pattern matched with re.IGNORECASE finds nothing in a text.

Python's re tries an IGNORECASE pattern at every position of a text; the same pattern without the flag, on the
lower-cased text, skips at once to where its first characters stand (several times faster for the lexicon's
word lists). Where every letter of the text that has a case is an ASCII one, and every letter of the pattern is
lower case and matches no ASCII letter but itself and its capital, the two match the same characters at the same
places: when that case-sensitive twin finds nothing, neither does the pattern. `could_find` says so; a caller
still searches with the pattern itself wherever the twin finds something, so every match is the one it was.
"""

from __future__ import annotations

import re
import string
import sys
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, TypeVar

try:  # re's own parser and its opcodes (Python 3.11-3.13; private, no stubs): without them, no twin at all
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - a Python whose re is laid out otherwise
    sre = _parser = None

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII = [chr(code) for code in range(128)]
_Key = TypeVar("_Key")
_Value = TypeVar("_Value")


def cached_by_identity(function: Callable[[_Key], _Value]) -> Callable[[_Key], _Value]:
    """`function` of long-lived objects (compiled patterns), cached by their ids; each object is kept, so that
    its id is not reused. A compiled pattern's own hash, which functools.cache asks, reads all of its compiled
    code each time (up to 4 us for a pattern of the lexicon)."""
    results: dict[int, tuple[_Key, _Value]] = {}

    @wraps(function)
    def cached(key: _Key) -> _Value:
        known = results.get(id(key))
        if known is None:
            known = results[id(key)] = (key, function(key))
        return known[1]

    return cached


def could_find(pattern: re.Pattern, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
    """False only where `pattern.search(text, pos, endpos)` surely finds nothing (see the module's docstring)."""
    twin = case_sensitive_twin(pattern)
    if twin is None:
        return True
    lowered = simply_lowered(text)
    return lowered is None or twin.search(lowered, pos, endpos) is not None


@lru_cache(maxsize=256)
def simply_lowered(text: str) -> str | None:
    """`text.lower()` when its only letters with a case are ASCII (so lower-casing changes A-Z alone), else None.
    Cached: a sentence is asked about by several patterns in turn."""
    if not text.isascii() and any(c.lower() != c or c.upper() != c for c in set(_NON_ASCII.findall(text))):
        return None
    return text.lower()


@cached_by_identity
def case_sensitive_twin(pattern: re.Pattern) -> re.Pattern | None:
    """The pattern compiled without IGNORECASE, when it matches lower-cased text just as the pattern matches
    the text (see the module's docstring); else None."""
    if _parser is None or not pattern.flags & re.IGNORECASE or pattern.flags & re.LOCALE or not isinstance(
            pattern.pattern, str):
        return None
    try:
        if not _all_lower_case(_parser.parse(pattern.pattern, pattern.flags).data):
            return None
    except (re.error, AttributeError):  # AttributeError: opcodes renamed in another Python's re
        return None
    twin = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
    return None if twin.flags & re.IGNORECASE else twin  # an inline (?i) keeps the flag: no faster


def _all_lower_case(items: Any) -> bool:
    """Does every letter of these parsed items match, ignoring case, only itself and its ASCII capital?"""
    for op, av in items:
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            if not _lower_case(chr(av)):
                return False
        elif op is sre.IN:
            if not all(_lower_case(chr(a)) if o in (sre.LITERAL, sre.NOT_LITERAL)
                       else o in (sre.NEGATE, sre.CATEGORY) or (o is sre.RANGE and _lower_case_range(*a))
                       for o, a in av):
                return False
        elif op is sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags or not _all_lower_case(sub.data):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if not _all_lower_case(av[2].data):
                return False
        elif op is sre.BRANCH:
            if not all(_all_lower_case(branch.data) for branch in av[1]):
                return False
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            if not _all_lower_case(av[1].data):
                return False
        elif op is sre.ATOMIC_GROUP:
            if not _all_lower_case(av.data):
                return False
        elif op is sre.GROUPREF_EXISTS:
            _group, yes, no = av
            if not _all_lower_case(yes.data) or (no is not None and not _all_lower_case(no.data)):
                return False
        elif op not in (sre.AT, sre.ANY, sre.CATEGORY, sre.GROUPREF):
            return False  # anything else: no twin
    return True


@lru_cache(maxsize=1024)
def _lower_case(char: str) -> bool:
    """A character no capital, matching (ignoring case) no ASCII character but itself and its capital."""
    if char.isascii():
        return not char.isupper()
    return char.lower() == char and not any(re.fullmatch(re.escape(char), a, re.IGNORECASE) for a in _ASCII)


def _lower_case_range(low: int, high: int) -> bool:
    """An ASCII range with no capital letter in it ("a-z", "0-9")."""
    return high < 128 and not any(chr(code) in string.ascii_uppercase for code in range(low, high + 1))
