"""Russian and Ukrainian tolls and claimants (lexicon.yaml: cyrillic_tolls, cyrillic_claims). Sentences written
for these tests."""

import datetime

import pytest

import sitrep
from sitrep.extractors.casualties import find_casualties
from sitrep.extractors.claims import find_speaker


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("Внаслідок удару по Ромнах загинули двоє людей, ще п'ятеро поранені", 2, 5),
        ("При обстреле Шебекино погибли 3 человека", 3, None),
        ("Після обстрілу Оріхова загинув чоловік", 1, None),
        ("Один человек погиб и двое пострадали при ударе по складу", 1, 2),
        ("У Борисполі є поранені", 0, 2),  # an unnumbered plural: at least two, and no dead counted
        ("На Полтавщині за добу 40 обстрілів, є загиблий", 1, None),  # the singular: one
        ("В Курской области есть пострадавший", 0, 1),
        ("Жертв немає, люди не постраждали", 0, 0),
        ("Сили оборони знищили 40 окупантів", None, None),  # a killing of the enemy is no toll word
        ("Убиты 150 националистов, заявили в Минобороны", 2, None),  # a side's claim: the floor
        ("Противник, по данным штаба, потерял 300 человек убитыми", 2, None),  # the enemy's losses as a side counts them
        ("З початку війни у місті загинули 300 людей", None, None),  # a running total
    ],
)
def test_russian_and_ukrainian_tolls(sentence, killed, wounded):
    found = find_casualties(sentence)
    assert (found.fatalities, found.injuries) == (killed, wounded)
    if found.fatalities_evidence:
        quote = found.fatalities_evidence
        assert sentence[quote.start:quote.end] == quote.quote


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("Про це у Telegram повідомив голова Сумської ОВА Іван Петренко", "голова Сумської ОВА Іван Петренко"),
        ("Как сообщил губернатор Курской области, пострадавших нет", "губернатор Курской области"),
        ("За даними Генштабу ЗСУ, ворог обстріляв Вовчанськ", "Генштабу ЗСУ"),
        ("Вчора голова громади повідомив про вибухи", "голова громади"),
    ],
)
def test_russian_and_ukrainian_claimants(sentence, who):
    assert find_speaker(sentence).quote == who


def test_a_claimant_in_the_next_sentence_and_the_channel():
    text = ("Російська ракета влучила у склад у Ковелі, загинули двоє працівників. "
            "Про це повідомив у Telegram голова Волинської ОВА.")
    [mention] = sitrep.extract(text, published=datetime.date(2023, 5, 2))
    assert mention.place.name == "Kovel" and mention.fatalities == 2
    [claim] = mention.claims
    assert (claim.claimant, claim.claimant_side, claim.channel) == ("голова Волинської ОВА", "Ukraine", "telegram")


def test_a_village_taken_by_the_other_state_is_a_battle_and_not_confirming_it_confirms_nothing():
    text = ("Минобороны России заявило, что российские войска освободили село Макеевка в Луганской области. "
            "Украинская сторона эти сведения не подтверждает.")
    [mention] = sitrep.extract(text, published=datetime.date(2023, 5, 2))
    assert mention.sub_event_type == "Armed clash"
    assert mention.verification != "confirmed"


def test_drones_downed_over_a_ukrainian_oblast_are_downed_by_ukraine():
    text = "Сили ППО вночі збили 12 ворожих шахедів над Полтавщиною, повідомили у Повітряних силах."
    [mention] = sitrep.extract(text, published=datetime.date(2024, 11, 14))
    assert mention.sub_event_type == "Disrupted weapons use" and mention.weapon == "drone"
    assert (mention.actor1, mention.actor2) == ("Military Forces of Ukraine (2019-)", "Military Forces of Russia (2000-)")


def test_an_age_is_no_count_of_the_dead():
    from sitrep.extractors.casualties import find_casualties

    assert find_casualties("У Сумах загинув 63-річний чоловік, ще двоє поранені.").fatalities == 1
    assert find_casualties("В Белгороде погибла 80-летняя пенсионерка.").fatalities == 1
    # ... nor an age told after the person, in years
    assert find_casualties("Унаслідок обстрілу села загинула жінка 68 років.").fatalities == 1
    assert find_casualties("При атаке дрона погиб мужчина 52 лет, ещё трое ранены.").fatalities == 1
