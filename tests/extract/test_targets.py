import pytest

from sitrep.extractors.participants import find_target


@pytest.mark.parametrize(
    "sentence, target_class",
    [
        ("A shell hit a house in the village.", "residential"),
        ("Drones hit Government House in Tbilisi.", "government"),
        ("Rebels stormed the city hall.", "government"),
        ("The White House condemned the drone strike.", None),  # who speaks, not what was hit
        ("The US House of Representatives met after the attack.", None),
    ],
)
def test_what_was_hit(sentence, target_class):
    found = find_target(sentence, 0)
    assert (found.value if found else None) == target_class


def test_shops_cafes_and_hotels_are_civilian_targets():
    assert find_target("A bomb exploded outside a bakery in Lyon.", 0).value == "civilian"
    assert find_target("Gunmen stormed a hotel in the capital.", 0).value == "civilian"


def test_a_town_struck_is_where_the_event_was_not_what_was_hit():
    from datetime import date

    from sitrep.extractors.participants import find_parties

    for sentence in ("Rockets struck the eastern town of Maryinka overnight.",
                     "Russian forces shelled the region again on Sunday.",
                     "Artillery pounded the north of the country overnight."):
        parties = find_parties(sentence, 0, date(2022, 5, 2), "Ukraine")
        assert parties.target is None or parties.target.value is not None, (sentence, parties.target)
    placed = find_parties("Militants bombed the customs office in Mariupol on Monday.", 0, date(2022, 5, 2), "Ukraine")
    assert placed.target is not None and placed.target.text.startswith("customs office")



def test_a_town_placed_by_its_bearing_is_where_and_people_killed_are_no_target():
    from datetime import date

    from sitrep.extractors.participants import find_parties

    sentence = "A woman died in a rocket attack on Uman south-west of the capital."
    town = sentence.index("Uman")
    parties = find_parties(sentence, 0, date(2022, 6, 2), "Ukraine", places=[(town, town + len("Uman"))])
    assert parties.target is None, parties.target
    depot = find_parties("Rockets hit a fuel depot north of Donetsk overnight.", 0, date(2022, 6, 2), "Ukraine")
    assert depot.target is not None and depot.target.value == "fuel"
    killed = find_parties("One person was killed by enemy mortar fire, the regional governor said.", 0,
                          date(2022, 6, 2), "Ukraine")
    assert killed.target is None and killed.civilians is not None, killed
