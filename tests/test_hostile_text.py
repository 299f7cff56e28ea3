"""Issue 16, item 1: text made to make sitrep backtrack. Each input here took from a minute to hours before the
pattern or the loop that reads it was made linear; each must now take a small part of the deadline, which is
only there so that a regression fails instead of hanging the suite (`make fuzz` measures the growth)."""

from __future__ import annotations

import itertools
import string

import pytest

from sitrep import clean, pipeline
from sitrep.extractors import casualties, claims, participants, roles, victim_groups
from sitrep.extractors.classify import mean_vectors
from sitrep.geo import candidates, cyrillic, resolve
from sitrep.nlp import entity_spans, load_nlp

from .hostile import deadline

DEADLINE = 5  # seconds, for input that took minutes or more


def _distinct_capitalised_words(count: int) -> list[str]:
    letters = itertools.product(string.ascii_lowercase, repeat=4)
    return ["".join(word).capitalize() for word in itertools.islice(letters, count)]


# ---------------------------------------------------------------- one pattern each

HOSTILE_PATTERNS = [
    # the issue's headline, with 40 hyphens where 24 took 7 s and each one more doubled it
    (claims._WHO_SAID, "Shelling killed two in Kharkiv " + "-" * 40 + " DPR"),
    (claims._WHO_SAID, "A-" * 50_000 + " x"),
    (claims._AUXILIARY_END, "Foo" + " " * 100_000 + "x"),
    (clean._SENTENCE_END, "." * 100_000 + " killed"),
    (casualties._KILLED_PATTERNS[4], "killed" + " " * 100_000 + "x"),
    (casualties._ONE_DEAD, "A-" * 100_000),
    (casualties._ONE_PERSON_HEADLINE, "-" * 100_000),
    (victim_groups._DEAD_LISTS[0], "1," * 100_000),
    (victim_groups._ONE_GROUP, "1," * 100_000),
    (candidates._NAME_AND_AGE, "Kharkiv-" * 20_000),
    # found by `make fuzz` after later work added them (each took over 5 s here, quadratic in the run)
    (candidates.WEAPON_NOUN, " " * 100_000 + "x"),
    (cyrillic._PARENT_GAP, " " * 100_000 + " killed"),
    (resolve._POWER_PLANT_AFTER, " " * 100_000 + "x"),
    (pipeline._NAME_SHAPED, "A." * 100_000),
]


@pytest.mark.parametrize("pattern, text", HOSTILE_PATTERNS, ids=lambda value: getattr(value, "pattern", "")[:40])
def test_each_pattern_reads_hostile_text_in_linear_time(pattern, text):
    with deadline(DEADLINE):
        list(pattern.finditer(text))


def test_a_claimant_ending_in_a_long_run_of_spaces_is_tidied_in_linear_time():
    with deadline(DEADLINE):
        assert claims._tidy("a fellow fighter" + " " * 100_000 + "x") == "a fellow fighter" + " " * 100_000 + "x"
    assert claims._tidy("a fellow fighter who") == "a fellow fighter"


def test_the_headline_of_the_issue_still_names_no_speaker_and_a_real_one_still_does():
    with deadline(DEADLINE):
        assert claims.find_speaker("Shelling killed two in Kharkiv " + "-" * 28 + " DPR") is None
    speaker = claims.find_speaker("Two soldiers were killed in Avdiivka, Ukraine's military - the JFO HQ said.")
    assert speaker.quote == "Ukraine's military - the JFO HQ"


# ---------------------------------------------------------------- loops that searched again for every match


def test_a_run_of_initials_is_split_without_reading_the_sentence_again_for_each():
    with deadline(DEADLINE):
        sentences = clean.segment("Shelling killed two. " + "A. " * 300_000 + "Then it stopped.")
    assert [s.text for s in sentences][0] == "Shelling killed two."
    assert clean.segment("Gen. Smith said troops left. J. Doe was killed.")[0].text == "Gen. Smith said troops left."


def test_many_figures_in_one_sentence_are_each_read_once():
    sentence = "Shelling killed 1 " * 5_000 + "including 1 killed " * 5_000
    with deadline(DEADLINE):
        found = casualties.find_casualties(sentence)
    assert found.fatalities == 1
    # the clause of each figure still decides: a running total after a comma leaves the toll alone
    assert casualties.find_casualties("Three were killed on Monday, bringing the toll since February to 300.").fatalities == 3
    assert casualties.find_casualties("Since the invasion, 10,000 have been killed.").fatalities is None


def test_many_negated_claims_are_each_read_once():
    with deadline(DEADLINE):
        assert claims._stance("The group has not claimed " * 30_000) == "reports"
    assert claims._stance("The group has not claimed it, but it claimed the next one.") == "claims"


def test_a_long_run_of_determiners_before_a_target():
    with deadline(DEADLINE):
        found = participants.find_target("A drone hit " + "a " * 20_000 + "x a oil depot.", 0)
    assert found.value == "fuel" and found.evidence.quote == "a oil depot"
    assert participants.find_target("A drone hit a key oil depot.", 0).evidence.quote == "a key oil depot"


def test_runs_of_dashes_are_tokens_of_one_mark_each():
    with deadline(DEADLINE):
        roles.find_roles("Kharkiv " + "-" * 100_000 + " DPR")
    assert len(list(roles._tokens("Kharkiv " + "-" * 100_000 + " DPR"))) == 100_002
    assert list(roles._tokens("IS's... al-Qaeda --x")) == [
        ("IS's", 0, 4), (".", 4, 5), (".", 5, 6), (".", 6, 7), ("al-Qaeda", 8, 16), ("--x", 17, 20),
    ]


def test_capitalised_words_are_looked_up_once_not_searched_for_in_the_whole_text():
    words = _distinct_capitalised_words(20_000)
    text = " ".join(words) + ". " + " ".join(w.lower() for w in words[:10]) + "."
    people = [(i * 5, i * 5 + 4) for i in range(0, 20_000, 2)]  # NER's spans: every other word
    with deadline(DEADLINE):
        found = candidates.find_candidates(text, is_known=lambda name: False, exclude_spans=people)
    names = {c.name for c in found}
    assert words[11] in names and words[13] in names
    assert words[10] not in names and words[12] not in names  # an NER span wins over a capitalised word
    # in a title-case text, a word the text also writes in lower case is a common word, no place
    assert words[1] not in names and words[9] not in names


def test_spacys_tokenizer_reads_a_run_of_quotes_in_linear_time():
    with deadline(DEADLINE):
        mean_vectors(['Shelling in Kharkiv "' + '"' * 50_000 + ' DPR'])  # the tokenizer alone (the classifier's)
    # what NER reads gets the same spaces, one character for one: the offsets of what it finds hold
    text = "(" * 1_000 + " Vladimir Putin visited Kharkiv."
    [(_, entities)] = list(entity_spans(load_nlp(), [(text, ("doc", 10))]))
    assert (1_011, 1_025, "PERSON", "Vladimir Putin") in entities
