"""The literal prefilter of the lexicon patterns: it may only skip a pattern that cannot match."""

import re

import pytest

from sitrep.extractors.lexicon import (
    FirstOf,
    actor_patterns,
    compile_word_pattern,
    lower_keeping_offsets,
    target_patterns,
    trigger_rules,
    weapon_patterns,
)
from sitrep.extractors.word_heads import (
    HeadIndex,
    could_match,
    literal_cue,
    lowered_with_starts,
    pattern_heads,
    pattern_tails,
)


@pytest.mark.parametrize("pattern, heads", [
    ("shelled", {"shell"}),
    ("(took|take|taken) over", {"took", "take", "taken"}),  # the parser takes "t" out of the three
    ("air ?strikes?", {"air"}),  # "air strike" and "airstrike": only "air" starts both
    ("(the )?(blast|explosion)s? occurred", {"blast", "explo"}),  # after "the " a word begins again
    ("(pro-)?(kyiv|kiev) forces", {"kyiv", "kiev"}),
    ("(pro)?kyiv", {"pro", "kyiv"}),
    (r"\bieds?\b", {"ied"}),
    (r"(\w+ ){0,2}shelled", {"shell"}),  # after the words and their space, "shelled" begins a word
    (r"(\w+ )shelled", None),  # any word first: always run
    ("[a-z]+ed", None),
    ("(a|)b", None),
])
def test_word_starts_of_a_pattern(pattern, heads):
    assert pattern_heads(compile_word_pattern(pattern)) == (frozenset(heads) if heads is not None else None)


@pytest.mark.parametrize("pattern, tails", [
    (r"(forces|troops) ([\w’'-]+ ){0,3}(abandoned|gave up)", [{"aband", "gave"}]),  # after the words, a word begins
    ("(the )?(blast|explosion)s? occurred", [{"occur"}]),
    ("(took|take|taken) over", [{"over"}]),
    ("kyiv's (forces|army)", [{"s"}, {"force", "army"}]),  # the apostrophe ends a word of the text, as a space does
    ("shelled", []),
    (r"(\w+ ){0,2}shelled", []),  # nothing is sure to stand before "shelled"
    ("air ?strikes?", []),  # "airstrike": "strike" may begin no word
    ("[a-z]+ed attack", []),  # no word starts: always run
])
def test_word_starts_of_the_later_parts_of_a_pattern(pattern, tails):
    assert pattern_tails(compile_word_pattern(pattern)) == tuple(frozenset(tail) for tail in tails)


@pytest.mark.parametrize("pattern, cue", [
    (r"(\bnot|n['’]t|\bcannot)\b (\w+ ){0,3}(independently )?(verif\w*|confirm\w*)", "confi|indep|verif"),
    (r"\b(were|was) heard\b", "heard"),
    (r"\b(confirmed|confirms|confirm)\b", None),  # it begins with its own longest pieces: no cheaper cue
    (r"\b(no|not) (\w+ ){0,2}(\w+)", None),  # nothing after its start is a word piece
    (r"(a|b)c", None),
])
def test_the_cue_of_a_pattern_is_the_word_pieces_every_match_holds(pattern, cue):
    found = literal_cue(re.compile(pattern, re.I))
    assert (found.pattern if found else None) == cue
    assert found is None or found.flags == re.compile(pattern, re.I).flags


def test_a_text_without_the_cue_is_not_searched_and_one_with_it_is():
    pattern = re.compile(r"(\bnot|n['’]t)\b (\w+ ){0,3}(independently )?(verif\w*|confirm\w*)", re.I)
    assert not could_match(pattern, "The strike was not reported by the ministry.")
    assert could_match(pattern, "The claims could not be independently VERIFIED.") and pattern.search("could not be VERIFIED")


def test_a_pattern_without_a_leading_boundary_or_with_ignorecase_is_always_run():
    assert pattern_heads(re.compile("shelled")) is None
    assert pattern_heads(re.compile(r"\bshelled", re.I)) is None


SENTENCES = [
    "Russia stepped up air strikes on Ukraine over the weekend, including on the capital of Kyiv.",
    "Rebel-held Donetsk hit by airstrike as govt forces close in",
    "A 28-year-old woman was gang-raped; pro-Kyiv forces said the blast occurred at 3am.",
    "Troops took over the town; the explosions occurred near a railway depot, IEDs were found.",
    "Police fired tear gas and teargas, water cannon and rubber bullets at protesters.",
    "Над Курской областью сбиты два беспилотника, сообщило Минобороны.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_every_pattern_that_matches_is_run(sentence):
    lowered, starts = lowered_with_starts(sentence, lower_keeping_offsets)
    for entry in (*trigger_rules(), *actor_patterns(), *target_patterns(), *weapon_patterns()):
        run = HeadIndex(entry.patterns).could_match(starts)
        assert [p for p in entry.patterns if p.search(lowered)] == [p for p in run if p.search(lowered)], entry.name


@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_first_matching_entry_is_the_one_tried_in_turn(sentence):
    for entries in (trigger_rules(), actor_patterns(), target_patterns(), weapon_patterns()):
        in_turn = next(((entry, m) for entry in entries if (m := entry.search(sentence))), None)
        found = FirstOf(entries).search(sentence)
        assert (found and (found[0].name, found[1].span())) == (in_turn and (in_turn[0].name, in_turn[1].span()))


@pytest.mark.parametrize("sentence", [
    *SENTENCES,
    "Russian troops and Ukrainian forces fought near the bridge as a drone hit a fuel depot and a school.",
])
def test_each_matching_entry_is_each_one_that_matches_on_its_own(sentence):
    for entries in (actor_patterns(), target_patterns(), weapon_patterns()):
        on_their_own = [(entry.name, m.span()) for entry in entries if (m := entry.search(sentence))]
        assert [(entry.name, m.span()) for entry, m in FirstOf(entries).each(sentence)] == on_their_own
