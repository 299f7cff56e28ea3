"""The context patterns before a name are read from its last few words only (candidates._ends_with): the same
match as a search of all the text before it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.geo import candidates

_WORDS = ("a few several 12 miles km kilometres north north-east southern of from to the city town village urban-type "
          "settlement settlements people's republic region oblast district near nearby outside outskirts close next not "
          "far vicinity approaches towards around in at into shelling attacks on shelled hit x-in Near OF The").split()
_SPACES = (" ", "  ", "\n", "\t", "\u00a0", "\u2003", "\r\n", "\x1c", "")


def _same(pattern, before: str) -> bool:
    full, tail = pattern.search(before), candidates._ends_with(pattern, before)
    return (full and (full.span(), full.groups())) == (tail and (tail.span(), tail.groups()))


@pytest.mark.parametrize("before", [
    "", " ", "the attack near ", "about 30 miles (48km) east of ", "a few kilometres north from the city of ",
    "the Donetsk People's Republic of the ", "the urban-type settlement of ", "shelling of the\n", "x-in ",
    "the outskirts of\u00a0", "near", "in the village of  ",
])
def test_the_last_words_give_the_match_of_the_whole_text(before):
    assert all(_same(pattern, before) for pattern in candidates._WORDS_OF)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SPACES)), max_size=12))
def test_any_words_give_the_match_of_the_whole_text(words):
    before = "".join(word + space for word, space in words)
    assert all(_same(pattern, before) for pattern in candidates._WORDS_OF)
