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
