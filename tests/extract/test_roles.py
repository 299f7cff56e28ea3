"""Attacker and target read from the shape of a sentence."""

from __future__ import annotations

import pytest

from sitrep.extractors.roles import find_roles, looks_like_party


@pytest.mark.parametrize(
    ("sentence", "attacker", "target"),
    [
        ("On the morning of 1 March 2019, Taliban gunmen and suicide bombers attacked Camp Shorabak in Helmand.",
         "Taliban gunmen and suicide bombers", "Camp Shorabak"),
        ("Dozens of fighters were killed in IS attacks in Badia al-Sham.", "IS", "fighters"),
        ("The Provisional IRA accepted responsibility for the bombings, which were aimed at civilians.",
         "Provisional IRA", "civilians"),
        ("The attack is believed to have been carried out by the separatist group ETA.", "separatist group ETA", None),
        ("The explosion targeted a bakery on the central street.", None, "bakery"),
        ("A drone attack hit an oil depot in Bryansk.", None, "oil depot"),
        ("Five people were killed in an attack on the Christmas market in Strasbourg.", None, "Christmas market"),
        ("Russian forces shelled the village of Bilozerka overnight.", "Russian forces", "village of Bilozerka"),
        ("France has been on alert since the \"Islamic State\" militant group launched attacks across Paris.",
         'Islamic State" militant group', None),
        ("The Cafeteria Rolando bombing was an attack on 13 September 1974 at the Rolando cafe in Madrid.",
         None, "Rolando cafe"),
        ("The shelling of Donetsk continued for hours.", None, "Donetsk"),
        ("A man was killed in a battle between troops and terrorists in the Markets area.", "troops", "terrorists"),
        ("The Murrah Federal Building in Oklahoma City was shattered by an explosion.", None,
         "Murrah Federal Building in Oklahoma City"),
        ("Putin launched a major attack on Ukraine's capital.", "Putin", "Ukraine's capital"),
        ("Another 73 were injured.", None, None),
        ("Two were charged with complicity in the assassination of Luis Carrero Blanco.", None, "Luis Carrero Blanco"),
    ],
)
def test_roles(sentence, attacker, target):
    roles = find_roles(sentence, offset=100)
    assert (roles.attacker.quote if roles.attacker else None) == attacker
    assert (roles.target.quote if roles.target else None) == target
    if roles.attacker:
        start = sentence.index(attacker)
        assert (roles.attacker.start, roles.attacker.end) == (100 + start, 100 + start + len(attacker))


@pytest.mark.parametrize(
    ("words", "party"),
    [("IS", True), ("Provisional IRA", True), ("gunmen", True), ("separatists", True), ("Belfast brigade", True),
     ("sniper bullet", False), ("hospital", False), ("Rebel-held Donetsk", False), ("one", False)],
)
def test_only_parties_stand_as_attackers(words, party):
    assert looks_like_party(words) is party


def test_what_was_shot_down_is_not_the_word_down():
    # (a missile downed is the weapon, not what was hit)
    roles = find_roles("Air defence units shot down a cruise missile over Odesa overnight.")
    assert roles.target is None or roles.target.quote != "down"


def test_others_wounded_and_an_aircraft_downed_are_read_as_such():
    assert find_roles("Nine others were wounded.").target is None
    downed = find_roles("Ukraine said its forces had shot down a Russian Su-34 bomber over the Donetsk region.")
    assert downed.target is not None and downed.target.quote == "Russian Su-34 bomber"


def test_a_title_case_headline_ends_its_target_before_the_toll():
    roles = find_roles("Russian Missile Strike on Poltava Military Institute Kills 51")
    assert roles.target is not None and roles.target.quote == "Poltava Military Institute"
