"""The case-sensitive twin of an IGNORECASE pattern: it may only say "nothing found" where the pattern finds nothing."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.casefree import cached_by_identity, case_sensitive_twin, could_find, simply_lowered
from sitrep.extractors.dates import _PATTERNS
from sitrep.extractors.lexicon import clause_cues, non_event_cues, verification_cues


@pytest.mark.parametrize("pattern, has_twin", [
    (r"\b(shelled|struck) (the )?town\b", True),
    (r"\b(не вдалося|неможливо) (\w+ ){0,2}перевірити", True),  # letters of another alphabet match no ASCII one
    (r"[^.;]{0,20}\b(is|are) false", True),
    (r"\bKyiv\b", False),  # a capital letter: on lower-cased text its twin would find nothing
    (r"[A-Z]\w+ said", False),
    (r"(?-i:\bmay\b)|\bmight\b", False),  # a part that heeds case
    (r"\bſome\b", False),  # the long s matches "s" and "S" when case is ignored
    (r"\bkelvin\b", True),
])
def test_which_patterns_have_a_twin(pattern, has_twin):
    assert (case_sensitive_twin(re.compile(pattern, re.I)) is not None) is has_twin


def test_no_twin_without_ignorecase():
    assert case_sensitive_twin(re.compile(r"\bshelled\b")) is None


@pytest.mark.parametrize("text, lowered", [
    ("Shelling Hit Donetsk", "shelling hit donetsk"),
    ("“Shelling” hit Donetsk — officials", "“shelling” hit donetsk — officials"),  # marks have no case
    ("Обстріл Донецька", None),  # cased letters that are not ASCII
    ("The Kelvin sign \u212a", None),
])
def test_simply_lowered(text, lowered):
    assert simply_lowered(text) == lowered


def test_a_twin_that_finds_nothing_proves_the_pattern_finds_nothing():
    pattern = re.compile(r"\b(denied|refuted) (any|the) (attack|strike)", re.I)
    assert not could_find(pattern, "Officials said the attack was repelled.")
    assert could_find(pattern, "Officials DENIED the Strike.")
    assert pattern.search("Officials DENIED the Strike.")
    assert could_find(pattern, "Офіційні особи DENIED the Strike.")  # cased Cyrillic: the twin is not asked


_LEXICON_PATTERNS = ([p for _kind, p in _PATTERNS] + list(non_event_cues()) + list(clause_cues())
                     + [p for patterns in verification_cues().values() for p in patterns])
_PIECES = ["denied", "DENIED", "Confirmed", "not ", "n’t ", "verified", "yesterday", "Last Night", "on Monday's",
           "12 May", "SEPT 3", "2022", " ", ". ", ", ", "“", "—", "Обстріл", "вчора", "ſ", "\u212a", "İ", "ß", "x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.integers(0, len(_LEXICON_PATTERNS) - 1))
def test_the_lexicons_patterns_find_nothing_where_could_find_says_so(pieces, index):
    text, pattern = "".join(pieces), _LEXICON_PATTERNS[index]
    if not could_find(pattern, text):
        assert pattern.search(text) is None
    twin, lowered = case_sensitive_twin(pattern), simply_lowered(text)
    if twin is not None and lowered is not None:  # the same matches at the same places
        assert [m.span() for m in twin.finditer(lowered)] == [m.span() for m in pattern.finditer(text)]


def test_cached_by_identity_computes_once_an_object():
    calls = []

    @cached_by_identity
    def size(words: list) -> int:
        calls.append(words)
        return len(words)

    first, second = ["a"], ["a"]  # equal, not the same object
    assert [size(first), size(first), size(second)] == [1, 1, 1]
    assert calls == [first, second] and calls[1] is second
