"""Who acted and who was hit, as a coder reads the sentence."""

from datetime import date

from sitrep.extractors.participants import find_parties


def test_the_side_a_place_is_taken_from_is_not_who_acted():
    from sitrep.extractors.participants import find_parties

    sentence = "Marines retook the island of Zmiinyi from Russian troops on Friday."
    parties = find_parties(sentence, 0, None, "Ukraine")
    assert parties.actor1 is None or parties.actor1.value != "Military Forces of Russia (2000-)"
    assert parties.actor2 is not None and parties.actor2.value == "Military Forces of Russia (2000-)"


def test_a_russian_or_ukrainian_report_names_its_side_as_acled_does():
    from sitrep.extractors.participants import find_actors

    def first(sentence):
        return find_actors(sentence, 0, None)[0].value

    assert first("Украинский дрон атаковал нефтебазу под Брянском.") == "Military Forces of Ukraine (2019-)"
    assert first("Окупанти знову обстріляли Нікополь.") == "Military Forces of Russia (2000-)"
    assert first("Російські війська вдарили по Сумах.") == "Military Forces of Russia (2000-)"
    assert first("Вночі ворог атакував Суми дронами.") == "Military Forces of Russia (2000-)"


def test_a_coal_mine_is_no_weapon():
    from sitrep.extractors.participants import find_weapon

    assert find_weapon("Troops abandoned a coal mine held as a key defensive position.", 0) is None
    found = find_weapon("The truck hit a mine on the road to the village.", 0)
    assert found is not None and found.value == "explosive"


def test_an_office_telling_of_a_strike_is_no_side_of_it():
    sentence = "On Saturday, 20 rockets targeted the village of Desna, Ukraine's northern military command said."
    assert find_parties(sentence, 0, date(2022, 6, 25), "Ukraine").actor1 is None


def test_troops_telling_of_their_own_gain_are_its_side():
    parties = find_parties("Russian forces said they had captured the village on Saturday.", 0, date(2022, 6, 25),
                           "Ukraine")
    assert parties.actor1 is not None and parties.actor1.value == "Military Forces of Russia (2000-)"


def test_a_command_telling_of_its_own_forces_is_their_side():
    sentence = "Ukraine's southern military command said today that its forces took back two villages."
    assert find_parties(sentence, 0, date(2022, 7, 27), "Ukraine").actor1.value == "Military Forces of Ukraine (2019-)"


def test_a_side_named_by_its_airstrike_or_by_stepping_up_strikes_is_who_acted():
    russia = "Military Forces of Russia (2000-)"
    for sentence in ("He said a Russian airstrike had hit a nitric acid tank in Sievierodonetsk.",
                     "Russia stepped up air strikes on Ukraine over the weekend, including on Kyiv."):
        assert find_parties(sentence, 0, date(2022, 6, 25), "Ukraine").actor1.value == russia


def test_the_side_that_holds_what_was_hit_is_not_who_acted():
    ukraine = "Military Forces of Ukraine (2019-)"
    for sentence in ("Rockets fell on warehouses in the city overnight, the third strike this week on depots used by "
                     "the Ukrainian army.",
                     "Jets bombed an air base near the capital at dawn, where Ukraine's army keeps its helicopters "
                     "and where Ukrainian pilots are based."):
        parties = find_parties(sentence, 0, date(2022, 5, 2), "Ukraine")
        assert parties.actor1 is None or parties.actor1.value != ukraine, sentence
        assert parties.actor2 is not None and parties.actor2.value == ukraine, sentence


def test_weapons_a_side_uses_to_strike_are_its_own():
    sentence = "Artillery used by Ukraine to strike Russian positions destroyed two depots on Sunday."
    parties = find_parties(sentence, 0, date(2022, 5, 2), "Ukraine")
    assert parties.actor1 is not None and parties.actor1.value == "Military Forces of Ukraine (2019-)"



def test_a_side_named_in_the_event_words_acted_before_people_named_earlier():
    from sitrep.model import Evidence

    sentence = "Police officers ran for cover at noon as a Russian self-propelled howitzer opened fire nearby."
    start = sentence.index("howitzer")
    parties = find_parties(sentence, 0, date(2022, 7, 9), "Ukraine", event_words=Evidence(start, start + 8, "howitzer"))
    assert parties.actor1 is not None and parties.actor1.value == "Military Forces of Russia (2000-)"


def test_a_bomb_named_by_its_side_names_who_dropped_it():
    for sentence, side in (("A Russian glide bomb hit a school in Zolochiv on Monday.", "Military Forces of Russia (2000-)"),
                           ("Ukrainian aerial bombs struck a command post near Oleshky.", "Military Forces of Ukraine (2019-)")):
        parties = find_parties(sentence, 0, date(2024, 11, 4), "Ukraine")
        assert parties.actor1 is not None and parties.actor1.value == side, sentence


def test_a_weapon_named_by_its_acronym_is_no_group():
    parties = find_parties("Ukrainian forces carried out a series of HIMARS strikes on a Russian depot near Oleshky.", 0,
                           date(2024, 11, 4), "Ukraine")
    assert parties.actor1 is not None and parties.actor1.value == "Military Forces of Ukraine (2019-)"


def test_a_bomber_aircraft_is_no_armed_group():
    from sitrep.extractors.participants import find_actors

    found = find_actors("Air defences downed a Su-34 bomber and two strategic bombers overnight.", 0, None, "Ukraine")
    assert not [a for a in found if (a.value or "").startswith("Unidentified Armed Group")]


def test_the_side_a_russian_or_ukrainian_report_says_was_hit_is_actor2():
    for sentence in ("Подразделения нанесли поражение живой силе и технике ВСУ в районе Торецка.",
                     "Артилерія вдарила по позиціях ЗСУ біля Бахмута."):
        parties = find_parties(sentence, 0, date(2024, 8, 1), "Ukraine")
        assert parties.actor2 is not None and parties.actor2.value == "Military Forces of Ukraine (2019-)"
        assert parties.actor1 is None or parties.actor1.value != "Military Forces of Ukraine (2019-)"
