import pytest

from sitrep.extractors.casualties import find_casualties, parse_number


@pytest.mark.parametrize(
    "sentence, killed, wounded",
    [
        ("Two activists shot dead during Ukraine protests", 2, None),
        ("The warplanes pounded the village, killing 6 civilians, including 2 women", 6, None),
        ("Ukraine says five soldiers killed, 12 wounded as rebels step up attacks", 5, 12),
        ("He said, adding that there were no casualties.", 0, 0),
        ("The strike killed at least 12 people and injured 30", 12, 30),
        ("Death toll in Odessa fire rises to 46", 46, None),
        ("The depot caught fire.", None, None),
        ("One KIA, four WIA in Donbas in past 24 hours - JFO HQ", 1, 4),
        ("Police officer killed, two injured in Ukraine rebel attack", 1, 2),
        ("24y.o. Demian Danyliv killed by enemy sniper at Prychepylivka", 1, None),
        ("Serhiy Yelyseyev died of his wounds on Nov 2, 2021.", 1, None),
    ],
)
def test_figures(sentence, killed, wounded):
    found = find_casualties(sentence)
    assert (found.fatalities, found.injuries) == (killed, wounded)


def test_the_lowest_figure_wins_and_has_evidence():
    found = find_casualties("Officials said 3 people were killed; rebels said 10 were killed.", offset=7)
    assert found.fatalities == 3
    assert found.fatalities_evidence.quote.startswith("3 people")
    assert found.fatalities_evidence.start == 7 + len("Officials said ")


@pytest.mark.parametrize(
    "sentence, killed",
    [
        ("Twenty-two Ukrainian soldiers killed in fighting in Debaltseve", 22),
        ("Five civilians including two children die in east Ukraine: officials", 5),
        ("Six die, including three children, in rebel Ukraine", 6),
    ],
)
def test_a_part_of_the_dead_is_not_the_toll(sentence, killed):
    assert find_casualties(sentence).fatalities == killed


@pytest.mark.parametrize(
    "sentence, killed",
    [
        ("Ukrainian military’s shelling kills militiaman - DPR Operational Command", 1),
        ("Militia member killed in Kiev forces’ shelling of Donetsk republic", 1),
        ("Two Lugansk republic’s servicemen killed in Kiev forces’ shelling", 2),
        ("Death toll from Ukrainian military’s shelling of Yasinovataya rises to two", 2),
        ("Police investigating the killing of two Ukrainian servicemen amid enemy shelling", 2),
        ("Rebel shelling hit the town", None),
    ],
)
def test_one_dead_named_after_the_verb(sentence, killed):
    assert find_casualties(sentence).fatalities == killed


@pytest.mark.parametrize(
    "sentence, killed",
    [
        ("Two sisters aged nine and 14 were killed when the shell hit their house", 2),
        ("A girl aged 11 was killed in the strike", 1),
        ("Six men aged between 25 and 40 died in the attack", 6),
    ],
)
def test_ages_are_no_count_of_the_dead(sentence, killed):
    found = find_casualties(sentence)
    assert found.fatalities == killed
    assert "aged" in found.fatalities_evidence.quote  # the sentence's own words, not the blanked ones


@pytest.mark.parametrize(
    "sentence",
    [
        "Her unit said she had been killed while evacuating the wounded near Vovchansk",
        "One of the medics, Oksana Kovalchuk, was killed by a glide bomb",
    ],
)
def test_one_person_told_by_a_pronoun_or_a_name_between_commas_is_one_dead(sentence):
    assert find_casualties(sentence).fatalities == 1


def test_all_of_a_number_is_that_number():
    assert find_casualties("The helicopter crashed near the border, killing all seven people on board").fatalities == 7


@pytest.mark.parametrize(
    "sentence, killed, wounded",
    [
        ("Ukraine reports first combat death since new truce", 1, None),
        ("Two soldiers fatally wounded in shelling", 2, None),
        ("Soldier, wounded during shelling attacks on July 15, dies in hospital", 1, None),
        ("Nearly 8,000 killed since start of Ukraine conflict", 8000, None),
        ("An ambush on the road to Izium claimed five lives", 5, None),
        ("The blast cost at least 12 lives", 12, None),
    ],
)
def test_deaths_told_otherwise(sentence, killed, wounded):
    found = find_casualties(sentence)
    assert (found.fatalities, found.injuries) == (killed, wounded)


def test_the_evidence_says_whose_dead_and_a_killer_is_not_the_dead():
    assert find_casualties("LPR service member dies in shelling").fatalities_evidence.quote == "LPR service member dies"
    assert find_casualties("Top rebel commander killed in east").fatalities_evidence.quote == "rebel commander killed"
    assert find_casualties("Demian Danyliv killed by enemy sniper").fatalities_evidence.quote == "Demian Danyliv killed"


@pytest.mark.parametrize(
    "sentence, killed",
    [
        ("At least 41 Ukraine soldiers, civilians killed in 24 hours: officials", 41),
        ("19 civilians and troops killed in Ukraine in 24 hours", 19),
        ("two Ukrainian security service colonels killed at contact line", 2),
        ("Eight people in Donetsk republic killed by Ukrainian army’s shelling in 7 days", 8),
        ("Two soldiers and three civilians killed", 3),  # two groups: each is a figure (victim_groups adds them)
    ],
)
def test_who_died_may_be_several_words_or_a_list(sentence, killed):
    assert find_casualties(sentence).fatalities == killed


@pytest.mark.parametrize(
    "sentence, killed",
    [
        ("Driver of car that tries to break through Donbas checkpoint shot dead", 1),
        ("Female civilian wounded in Ukrainian shelling attack dies - DPR mission", 1),
        ("Mayor of eastern Ukrainian town of Pervomaisk killed by secret services", 1),
        ("Rally urges troops to leave after combat vehicle kills 8-year-old", 1),
        ("Russia protests over photographer's \"barbarous\" killing in Ukraine", 1),
        ("Commander says rebels killed in the assault", 2),  # the speaker is not the dead
        ("Soldiers killed in Ukraine, Kiev points at Moscow", 2),  # plural: at least two
    ],
)
def test_one_person_or_an_unnumbered_plural(sentence, killed):
    assert find_casualties(sentence).fatalities == killed


def test_a_casualty_report_with_only_wounded_reports_no_dead():
    found = find_casualties("One Ukrainian serviceman wounded amid 14 enemy attacks in past 24 hours - JFO HQ")
    assert (found.fatalities, found.injuries) == (0, 1)
    assert find_casualties("Many Ukrainian troops killed, 300 wounded").fatalities == 2  # dead, if not counted
    assert find_casualties("Ukraine says separatist attack injures three soldiers").fatalities == 0


def test_a_singular_after_a_counted_plural_is_not_part_of_its_figure():
    assert find_casualties("Kiev says two soldiers, army medic killed in east").fatalities != 2


def test_one_wounded_and_plural_victims_after_the_verb():
    found = find_casualties("Ukrainian soldier wounded amid nine enemy attacks in Donbas in past 24 hours - JFO HQ")
    assert (found.fatalities, found.injuries) == (0, 1)
    assert find_casualties("Right Sector gunmen kill wounded servicemen at hospital").fatalities == 2


@pytest.mark.parametrize("sentence", [
    "Ten people were killed and wounded in the shelling.",
    "The attack killed or wounded 12 soldiers.",
    "Russian losses amounted to 40 killed and wounded.",
    "The strike left 15 people killed or injured.",
])
def test_a_count_of_killed_and_wounded_together_is_no_count_of_either(sentence):
    casualties = find_casualties(sentence)
    assert (casualties.fatalities, casualties.injuries) == (None, None)


@pytest.mark.parametrize("sentence", [
    "Paratroopers eliminated 40 invaders near the town over the past day.",
    "The general staff said its forces killed 300 Russian soldiers in the east.",
])
def test_a_sides_count_of_the_enemy_it_killed_is_read_at_the_floor_of_such_claims(sentence):
    assert find_casualties(sentence).fatalities == 2


def test_a_figure_too_long_to_be_a_count_is_none():
    # int() refuses 4,301 digits or more: the sentence is still read, and the figure counts no one
    found = find_casualties("Shelling killed " + "1" * 5_000 + " people and wounded 3 in Kharkiv.")
    assert found.fatalities is None and found.injuries == 3
    assert parse_number("1" * 5_000) is None and parse_number("1,200") == 1200


def test_official_statistics_of_the_dead_are_a_running_total_not_a_toll():
    found = find_casualties("We have official statistics - about 300 dead - but in reality there are many more.")
    assert found.fatalities is None


@pytest.mark.parametrize(
    "sentence, killed",
    [
        ("Friends laid flowers at her grave on Sunday, four days after she was killed by a rocket.", 1),  # she, not four
        ("Two weeks after the blast in which he was wounded, the mayor returned to work.", None),
        ("Two days after the strike, four more people were killed in the same street.", 4),
    ],
)
def test_a_span_of_time_is_no_count(sentence, killed):
    found = find_casualties(sentence)
    assert found.fatalities == killed and (found.injuries or 0) < 2


@pytest.mark.parametrize("sentence", [
    "Russian shelling kills and wounds seven in the city.",
    "Artillery fire killed and injured nine people on Sunday, the governor said.",
    "He did not say how many of the nine had died.",
    "It was unclear how many of them were killed in the strike.",
])
def test_a_count_of_both_or_a_count_not_told_is_no_count_of_dead(sentence):
    assert find_casualties(sentence).fatalities in (None, 0)
