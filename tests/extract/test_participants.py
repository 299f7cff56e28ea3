"""Who acted and who was hit, as a coder reads the sentence."""


def test_the_side_a_place_is_taken_from_is_not_who_acted():
    from sitrep.extractors.participants import find_parties

    sentence = "Marines retook the island of Zmiinyi from Russian troops on Friday."
    parties = find_parties(sentence, 0, None, "Ukraine")
    assert parties.actor1 is None or parties.actor1.value != "Military Forces of Russia (2000-)"
    assert parties.actor2 is not None and parties.actor2.value == "Military Forces of Russia (2000-)"
