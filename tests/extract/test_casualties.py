import pytest

from sitrep.extractors.casualties import find_casualties


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
    "sentence, killed, wounded",
    [
        ("Ukraine reports first combat death since new truce", 1, None),
        ("Two soldiers fatally wounded in shelling", 2, None),
        ("Soldier, wounded during shelling attacks on July 15, dies in hospital", None, None),
        ("Nearly 8,000 killed since start of Ukraine conflict", 8000, None),
    ],
)
def test_deaths_told_otherwise(sentence, killed, wounded):
    found = find_casualties(sentence)
    assert (found.fatalities, found.injuries) == (killed, wounded)


def test_the_evidence_says_whose_dead_and_a_killer_is_not_the_dead():
    assert find_casualties("LPR service member dies in shelling").fatalities_evidence.quote == "LPR service member dies"
    assert find_casualties("Top rebel commander killed in east").fatalities_evidence.quote == "rebel commander killed"
    assert find_casualties("Demian Danyliv killed by enemy sniper").fatalities_evidence.quote == "Demian Danyliv killed"
