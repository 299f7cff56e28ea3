"""Soldiers and civilians counted apart in one report are two events; one event's dead counted by groups are summed."""

from datetime import date

import pytest

from sitrep.clean import segment
from sitrep.extractors.mentions import extract_mentions
from sitrep.extractors.victim_groups import listed_toll, victim_groups
from sitrep.model import Document


@pytest.mark.parametrize(
    "sentence, kinds",
    [
        ("Three civilians, two soldiers killed in east Ukraine", [("civilians", 3), ("combatants", 2)]),
        ("Soldier and civilian killed in intensifying Ukraine clashes", [("combatants", 1), ("civilians", 1)]),
        ("Rebel shelling in east Ukraine kills three civilians, soldier", [("civilians", 3), ("combatants", 1)]),
        # one toll for both kinds, or one side's losses to one attack: not split
        ("At least 34 Ukraine soldiers, civilians killed in 24 hours", []),
        ("Two civilians and one militiaman killed in shellings by Ukrainian forces", []),
        ("Two civilians killed, soldier wounded", []),
    ],
)
def test_kinds_of_dead(sentence, kinds):
    assert [(kind, toll) for kind, toll, *_ in victim_groups(sentence)] == kinds


def test_groups_of_one_event_are_summed():
    assert listed_toll("Two civilians and one militiaman killed in shellings")[0] == 3
    assert listed_toll("At least 34 Ukraine soldiers, civilians killed") is None
    # each side's dead in a round-up of the day: most likely apart, no sum
    assert listed_toll("One Ukrainian serviceman, three rebels killed in east") is None


def test_a_report_of_soldiers_and_civilians_killed_is_two_mentions_with_their_own_tolls():
    text = "Five troops, 19 civilians, killed in east Ukraine: officials"
    document = Document("d", text, published=date(2015, 1, 30))
    mentions = extract_mentions(document, segment(text), [])
    assert [m.fatalities for m in mentions] == [5, 19]
    assert len({m.key for m in mentions}) == 2
    assert mentions[1].evidence["fatalities"].quote == "19 civilians"
