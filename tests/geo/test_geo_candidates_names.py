"""The person-name patterns of the candidates begin with the capital itself (candidates.WORD_START_CAPITAL), not
with a \\b before it: they find what the \\b form finds, where it finds it."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.geo import candidates, resolve

_PIECES = ("Olena", "McLean", "iPad", "x", "_", "5", "É", "Ölü", "-", "'", "’", "’s", "'s", " ", "  ", ", ", ",", "aged",
           "44", "7", "mother", "son", "B-", "A")


def _with_leading_boundary(pattern: re.Pattern) -> re.Pattern:
    return re.compile(pattern.pattern.replace(candidates.WORD_START_CAPITAL, r"\b[A-Z]"), pattern.flags)


def _found(pattern: re.Pattern, text: str) -> list:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_a_word_start_capital_is_a_capital_after_no_word_character():
    assert re.findall(candidates.WORD_START_CAPITAL, "McLean Kyiv aB _C 1D -E ’F") == ["M", "K", "E", "F"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=16))
def test_the_name_patterns_find_what_their_leading_boundary_form_finds(pieces):
    text = "".join(pieces)
    for pattern in (candidates._NAME_AND_AGE, candidates._NAME_AND_KIN):
        assert _found(pattern, text) == _found(_with_leading_boundary(pattern), text)


_WORD_PIECES = ("Kyiv", "kyiv", "McLean", "iPad", "É", "éx", "Ǆ", "ǅ", "x", "_", "5", "-", "'", "’", "ʼ", "’s", " ", ".",
                "A", "-B", "x-Y", "o'N")


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_WORD_PIECES), max_size=16))
def test_the_capital_led_words_are_the_words_that_open_with_a_letter_beyond_a_to_z(pieces):
    text = "".join(pieces)
    every_word = [(m.span(), m.group()) for m in candidates.WORD.finditer(text) if not "a" <= text[m.start()] <= "z"]
    assert [(m.span(), m.group()) for m in candidates._CAPITAL_LED_WORD.finditer(text)] == every_word


_SPACE_FIRST, _LOOK_BEHIND_FIRST = r"\s(?<!\s\s)\s*", r"(?<!\s)\s+"
_WEAPON_PIECES = (" ", "  ", "\n", "\t", "\u00a0", "x", "Buk", "missile", "missiles", "rocket", "launcher", "systems",
                  "MLRS", "strikes", "fire", "guns", "anti-aircraft", "multiple", ",")


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_WEAPON_PIECES), max_size=14))
def test_the_weapon_noun_read_from_its_first_space_finds_what_its_look_behind_form_finds(pieces):
    text = "".join(pieces)
    assert candidates.WEAPON_NOUN.pattern.startswith(_SPACE_FIRST)  # re then skips to a space before trying it
    look_behind_first = re.compile(candidates.WEAPON_NOUN.pattern.replace(_SPACE_FIRST, _LOOK_BEHIND_FIRST, 1))
    assert [m.span() for m in candidates.WEAPON_NOUN.finditer(text)] == [m.span() for m in look_behind_first.finditer(text)]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(("UN", "NATO", "HIMARS", "DPR", "Kyiv", "x", "_", "5", " ", "-", "ABCDEFG", "É")), max_size=12))
def test_the_cue_words_are_those_of_their_leading_boundary_form(pieces):
    text = "".join(pieces)
    assert resolve._CUE_WORD.findall(text) == re.findall(r"\b[A-Z]{2,5}\b", text)
    assert resolve._CUE_WORD.pattern.startswith(candidates.WORD_START_CAPITAL)
