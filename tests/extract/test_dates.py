from datetime import date

import pytest

from sitrep.extractors.dates import date_from_publication, resolve_date

PUBLISHED = date(2024, 12, 31)


def test_month_day_takes_the_publication_year():
    sentence = "caught fire overnight on December 31, officials said"
    found = resolve_date(sentence, 100, PUBLISHED)
    assert (found.start, found.end, found.precision) == (date(2024, 12, 31), date(2024, 12, 31), 1)
    assert found.evidence.quote == "December 31" and found.evidence.start == 100 + sentence.index("December")


def test_a_date_after_publication_belongs_to_the_year_before():
    found = resolve_date("the blast on December 30", 0, date(2025, 1, 2))
    assert found.start == date(2024, 12, 30)


def test_relative_days():
    assert resolve_date("late last night", 0, PUBLISHED).start == date(2024, 12, 30)
    assert resolve_date("this morning", 0, PUBLISHED).start == PUBLISHED
    saturday = resolve_date("claimed on Saturday to have captured", 0, date(2023, 4, 10))  # a Monday
    assert saturday.start == date(2023, 4, 8)


def test_no_year_and_no_publication_date_gives_no_date():
    assert resolve_date("overnight on December 31", 0, None) is None
    assert resolve_date("late last night", 0, None) is None
    assert resolve_date("on 5 May 2022", 0, None).start == date(2022, 5, 5)


def test_a_vague_month_far_from_the_event_is_not_its_date():
    sentence = ("A bitter battle goes on around Kursk, where Moscow has sent thousands of troops to reclaim "
                "territory taken in a surprise offensive in August.")
    assert resolve_date(sentence, 0, PUBLISHED, anchor=9) is None
    assert resolve_date("Fighting in August near Kursk", 0, PUBLISHED).precision == 3


def test_publication_date_stands_in_when_the_text_gives_none():
    found = date_from_publication(PUBLISHED)
    assert (found.start, found.end, found.precision) == (date(2024, 12, 30), PUBLISHED, 2)
    assert date_from_publication(None) is None


def test_russian_and_ukrainian_relative_days():
    published = date(2024, 3, 12)
    assert resolve_date("Утром дрон атаковал нефтебазу", 0, published).start == published
    assert resolve_date("Вчора ворог обстріляв село", 0, published).start == date(2024, 3, 11)
    overnight = resolve_date("Вночі над областю збили ракету", 0, published)
    assert (overnight.start, overnight.end) == (date(2024, 3, 11), published)


def test_russian_and_ukrainian_months_and_days_of_the_week():
    published = date(2024, 3, 13)  # a Wednesday
    assert resolve_date("Ракета влучила в депо 11 березня", 0, published).start == date(2024, 3, 11)
    assert resolve_date("Город освободили 7 ноября 2022 года", 0, published).start == date(2022, 11, 7)
    assert resolve_date("Дрони атакували місто у неділю", 0, published).start == date(2024, 3, 10)
    # a part of the day goes with the day named beside it, not with the day of publication
    assert resolve_date("Утром в понедельник дрон атаковал нефтебазу", 0, published).start == date(2024, 3, 11)
    assert resolve_date("С 24 февраля армия обстреляла город более 500 раз", 0, published) is None  # since then
    in_february = resolve_date("У лютому ворог обстріляв село", 0, published)
    assert (in_february.start, in_february.end, in_february.precision) == (date(2024, 2, 1), date(2024, 2, 29), 3)


def test_a_month_with_its_year_dates_the_sentence_wherever_it_stands():
    sentence = ("The bombing follows a string of killings of officials in occupied towns, among them a deputy mayor "
                "who died outside his home in March 2021.")
    assert resolve_date(sentence, 0, PUBLISHED, anchor=4).start == date(2021, 3, 1)


def test_a_recent_event_is_before_the_news_of_the_day_not_on_it():
    found = resolve_date("A recent attack on the city left 25 dead", 0, PUBLISHED)
    assert (found.start, found.end, found.precision) == (date(2024, 12, 10), date(2024, 12, 30), 3)
    assert resolve_date("troops recently recaptured the village", 0, PUBLISHED).end < PUBLISHED


def test_early_mid_and_late_in_a_month_are_its_thirds():
    published = date(2022, 7, 15)
    spans = {text: (found.start, found.end) for text in ("early May", "in mid-April", "at the end of June", "in June")
             if (found := resolve_date(f"an attack {text} killed 18", 0, published))}
    assert spans == {
        "early May": (date(2022, 5, 1), date(2022, 5, 10)),
        "in mid-April": (date(2022, 4, 11), date(2022, 4, 20)),
        "at the end of June": (date(2022, 6, 21), date(2022, 6, 30)),
        "in June": (date(2022, 6, 1), date(2022, 6, 30)),
    }


def test_the_day_a_toll_was_revised_or_a_post_stamped_is_not_the_days_of_the_event():
    tuesday = date(2022, 8, 16)
    revised = resolve_date("The toll from a weekend rocket strike on a hostel in the town rose to 17 on Tuesday.", 0,
                           tuesday)
    assert (revised.start, revised.end) == (date(2022, 8, 13), date(2022, 8, 14))
    stamped = resolve_date("16 Aug 2022 09.12 Toll from Saturday's strike on a hostel rises to 17.", 0, tuesday)
    assert stamped.start == date(2022, 8, 13)


def test_an_event_told_n_days_before_the_day_of_the_sentence():
    friday = date(2022, 7, 15)
    text = "Neighbours came back to the street on Friday, two days after it was shelled by Russian artillery."
    anchor = text.index("shelled")
    assert resolve_date(text, 0, friday, anchor, anchor + 7).start == date(2022, 7, 13)
    other = "Two days after the blast, three more people died in the same town on Friday."
    anchor = other.index("died")
    assert resolve_date(other, 0, friday, anchor, anchor + 4).start == friday


@pytest.mark.parametrize(("sentence", "year"), [
    ("Весной 2023 года армия отбила соседнее село.", 2023),
    ("В начале 2024 года противник обстрелял посёлок.", 2024),
    ("Торік ворог обстріляв селище.", 2024),
    ("В прошлом году армия обстреляла город.", 2024),
    ("Фронт не менялся с лета 2023 года, когда провалилось наступление у села.", 2023),
])
def test_a_past_year_in_russian_and_ukrainian_dates_the_sentence_in_it(sentence, year):
    told = resolve_date(sentence, 0, date(2025, 2, 1), sentence.index(" ") + 1)
    assert told is not None and told.start.year == told.end.year == year


def test_this_years_year_says_no_more_than_the_publication():
    assert resolve_date("В 2025 году противник обстрелял посёлок.", 0, date(2025, 2, 1)) is None
