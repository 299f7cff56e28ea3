from dataclasses import replace
from datetime import date, timedelta

from sitrep.match import compare
from sitrep.merge import build_event, event_id, merge_mentions
from sitrep.model import Claim, DocumentInfo, Mention, Place

YARTSEVO = Place("Yartsevo", "Russia", "RU", "Smolensk Oblast", None, 55.06, 32.69, 468866, "P", "PPL", 2)
SMOLENSK = Place("Smolensk", "Russia", "RU", "Smolensk Oblast", None, 54.78, 32.05, 491687, "P", "PPLA", 1)
BELGOROD = Place("Belgorod", "Russia", "RU", "Belgorod Oblast", None, 50.60, 36.58, 578072, "P", "PPLA", 1)


def strike(doc, place, day=date(2024, 12, 31), fatalities=None, claims=(), verification="reported",
           sub="Air/drone strike", sentence_start=0):
    return Mention(doc, "Explosions/Remote violence", sub, sentence_start, sentence_start + 10, day, day, 1, place=place,
                   fatalities=fatalities, claims=claims, verification=verification)


def test_reports_of_one_strike_from_several_documents_become_one_event():
    a = strike("a", YARTSEVO, fatalities=2, claims=(Claim("district head", "Russia", "telegram"),))
    b = strike("b", YARTSEVO, fatalities=1, verification="unverified")
    (event,) = merge_mentions([a, b], documents={"a": DocumentInfo("Outlet A"), "b": DocumentInfo("Outlet B")})
    assert event.document_ids == ("a", "b")
    assert event.fatalities == 1  # the most conservative figure
    assert (event.fatalities_low, event.fatalities_high) == (1, 2)
    assert event.fatalities_high_source == "district head, Outlet A (document a)"
    assert event.source_count == 2 and event.merge_notes == ("document b joined: both Air/drone strike; dates overlap; "
                                                             "both in Yartsevo",)
    assert event.verification == "unverified"
    assert event.sources == ("Outlet A", "district head (telegram)", "Outlet B")
    assert event.id == event_id(a)


def test_strikes_in_different_towns_on_one_day_stay_apart():
    events = merge_mentions([strike("a", YARTSEVO), strike("b", SMOLENSK), strike("c", BELGOROD)])
    assert len(events) == 3


def test_a_document_never_joins_the_same_event_twice_and_placeless_reports_join_nothing():
    events = merge_mentions(
        [strike("a", YARTSEVO), strike("a", YARTSEVO, sentence_start=50), strike("b", None), strike("c", None)]
    )
    assert len(events) == 4


def test_different_tolls_on_different_days_are_different_events():
    events = merge_mentions([strike("a", YARTSEVO, fatalities=5), strike("b", YARTSEVO, day=date(2025, 1, 1), fatalities=3)])
    assert len(events) == 2


def test_dates_far_apart_are_different_events():
    events = merge_mentions([strike("a", YARTSEVO), strike("b", YARTSEVO, day=date(2024, 12, 20))])
    assert len(events) == 2


def test_new_reports_join_existing_events_and_ids_are_stable():
    (first,) = merge_mentions([strike("a", YARTSEVO)])
    (updated,) = merge_mentions([strike("b", YARTSEVO)], existing=[first])
    assert updated.id == first.id and updated.document_ids == ("a", "b")


def test_notes_summarise_the_event():
    event = build_event("ev-1", [strike("a", YARTSEVO, fatalities=0)], {})
    assert event.notes == ("On 31 December 2024, unidentified actors carried out an air/drone strike in Yartsevo, "
                           "Smolensk Oblast, Russia. No fatalities; reported.")


def test_an_undated_report_joins_a_dated_event_but_two_undated_ones_stay_apart():
    undated = strike("u", YARTSEVO, day=None)
    (joined,) = merge_mentions([strike("a", YARTSEVO), undated])
    assert joined.document_ids == ("a", "u")
    assert len(merge_mentions([strike("u1", YARTSEVO, day=None), strike("u2", YARTSEVO, day=None)])) == 2
    # undated, a report joins only an event at the very same place, not one 30 km away
    dukhovshchina = Place("Dukhovshchina", "Russia", "RU", "Smolensk Oblast", None, 55.19, 32.41, 566532, "P", "PPL", 1)
    assert len(merge_mentions([strike("a", YARTSEVO), strike("b", dukhovshchina)])) == 1  # dated: near enough
    assert len(merge_mentions([strike("a", YARTSEVO), strike("u", dukhovshchina, day=None)])) == 2


def test_the_same_distinctive_toll_on_the_same_days_joins_reports_placed_nowhere_precise():
    ukraine = Place("Ukraine", "Ukraine", "UA", None, None, 49.0, 32.0, 690791, "A", "PCLI", 3)
    (event,) = merge_mentions([strike("a", ukraine, fatalities=6), strike("b", None, fatalities=6)])
    assert event.document_ids == ("a", "b")
    # a small toll ties reports of the very same days only
    assert len(merge_mentions([strike("a", ukraine, fatalities=1), strike("b", None, fatalities=1)])) == 1
    next_day = date(2025, 1, 1)
    assert len(merge_mentions([strike("a", ukraine, fatalities=1), strike("b", None, fatalities=1, day=next_day)])) == 2
    assert len(merge_mentions([strike("a", YARTSEVO, fatalities=6), strike("b", BELGOROD, fatalities=6)])) == 2


def test_strikes_by_one_side_on_different_victims_stay_apart():
    from dataclasses import replace

    ukraine = "Military Forces of Ukraine (2019-)"
    on_dpr = replace(strike("a", YARTSEVO), actor1=ukraine, actor2="DPR (Donetsk People's Republic)")
    on_lpr = replace(strike("b", YARTSEVO), actor1=ukraine, actor2="LPR (Luhansk People's Republic)")
    unnamed_victim = replace(strike("c", YARTSEVO), actor1=ukraine)
    assert len(merge_mentions([on_dpr, on_lpr])) == 2
    assert len(merge_mentions([on_dpr, unnamed_victim])) == 1


def test_the_same_small_toll_does_not_tie_deaths_on_opposite_sides():
    from sitrep.model import Evidence

    def death(doc, words):
        return Mention(doc, "Battles", "Armed clash", 0, 10, date(2021, 4, 12), date(2021, 4, 13), 2,
                       fatalities=1, evidence={"fatalities": Evidence(0, len(words), words)})

    assert len(merge_mentions([death("a", "One soldier killed"), death("b", "kills LPR militiaman")])) == 2
    assert len(merge_mentions([death("a", "One soldier killed"), death("b", "One KIA")])) == 1


def test_weekly_round_ups_of_consecutive_weeks_stay_apart():
    def week(doc, start, end):
        return Mention(doc, "Explosions/Remote violence", "Shelling/artillery/missile attack", 0, 10, start, end, 2,
                       place=SMOLENSK, fatalities=4)

    first, second = week("a", date(2017, 6, 2), date(2017, 6, 9)), week("b", date(2017, 6, 9), date(2017, 6, 16))
    assert len(merge_mentions([first, second])) == 2
    assert len(merge_mentions([first, week("b", date(2017, 6, 3), date(2017, 6, 10))])) == 1


def test_a_guessed_toll_ties_nothing():
    from sitrep.model import Evidence

    def report(doc, words, toll):
        return Mention(doc, "Battles", "Armed clash", 0, 10, date(2014, 7, 28), date(2014, 7, 29), 2,
                       fatalities=toll, evidence={"fatalities": Evidence(0, len(words), words)})

    assert len(merge_mentions([report("a", "Dozens killed", 12), report("b", "Dozens killed", 12)])) == 2
    assert len(merge_mentions([report("a", "Twelve killed", 12), report("b", "12 dead", 12)])) == 1


def test_battle_reports_naming_one_opposite_side_each_are_one_battle():
    from dataclasses import replace

    def clash(doc, actor):
        return replace(strike(doc, YARTSEVO), event_type="Battles", sub_event_type="Armed clash", actor1=actor)

    ukraine, separatists = "Military Forces of Ukraine (2014-2019)", "Pro-Russian separatists"
    assert len(merge_mentions([clash("a", ukraine), clash("b", separatists)])) == 1
    # two of the Russian side's forces are not one battle's two sides
    assert len(merge_mentions([clash("a", "DPR (Donetsk People's Republic)"),
                               clash("b", "LPR (Luhansk People's Republic)")])) == 2


REGION = Place("Donetsk People's Republic", "Ukraine", "UA", "Donetsk Oblast", None, 48.1, 37.7, None, "L", "RGN", 3)


def test_a_region_ties_only_reports_of_the_very_same_days_and_toll():
    def shelling(doc, day, toll=1):
        return strike(doc, REGION, day=day, fatalities=toll, sub="Shelling/artillery/missile attack")

    monday, tuesday = date(2018, 8, 13), date(2018, 8, 14)
    assert len(merge_mentions([shelling("a", monday), shelling("b", monday)])) == 1
    assert len(merge_mentions([shelling("a", monday), shelling("b", tuesday)])) == 2  # told most days
    assert len(merge_mentions([shelling("a", monday), shelling("b", monday, toll=4)])) == 2


def test_an_undated_report_with_another_toll_joins_nothing():
    dated, undated = strike("a", YARTSEVO, fatalities=3), strike("b", YARTSEVO, day=None, fatalities=1)
    assert len(merge_mentions([dated, undated])) == 2
    assert len(merge_mentions([dated, strike("b", YARTSEVO, day=None, fatalities=3)])) == 1


def test_a_revised_distinctive_toll_on_the_same_day_ties_reports():
    def bus(doc, toll, day=date(2015, 1, 13)):
        return Mention(doc, "Violence against civilians", "Attack", 0, 10, day, day, 1, fatalities=toll)

    assert len(merge_mentions([bus("a", 10), bus("b", 11)])) == 1  # "ten killed when rocket hits bus" / "eleven"
    assert len(merge_mentions([bus("a", 10), bus("b", 11, date(2015, 1, 14))])) == 2
    assert len(merge_mentions([bus("a", 4), bus("b", 5)])) == 2  # too far apart to be one count revised


def test_one_death_told_as_a_clash_and_as_shelling_is_one_event_only_if_the_dead_are_alike():
    from sitrep.model import Evidence

    def death(doc, event_type, sub, words):
        return Mention(doc, event_type, sub, 0, 10, date(2021, 4, 12), date(2021, 4, 13), 2,
                       fatalities=1, evidence={"fatalities": Evidence(0, len(words), words)})

    clash = death("a", "Battles", "Armed clash", "Ukrainian soldier killed")
    shelling = death("b", "Explosions/Remote violence", "Shelling/artillery/missile attack", "Ukrainian soldier killed")
    militiaman = death("b", "Explosions/Remote violence", "Shelling/artillery/missile attack", "kills LPR militiaman")
    assert len(merge_mentions([clash, shelling])) == 1
    assert len(merge_mentions([clash, militiaman])) == 2


UKRAINE = Place("Ukraine", "Ukraine", "UA", None, None, 49.0, 32.0, 690791, "A", "PCLI", 3)
AVDIIVKA = Place("Avdiivka", "Ukraine", "UA", "Donetsk Oblast", None, 48.14, 37.74, 713174, "P", "PPL", 1)


def _death(doc, place, sub="Armed clash", toll=1, day=date(2020, 3, 4), words=None):
    from sitrep.model import Evidence

    event_type = "Battles" if sub == "Armed clash" else "Explosions/Remote violence"
    evidence = {"fatalities": Evidence(0, len(words), words)} if words else {}
    return Mention(doc, event_type, sub, 0, 10, day, day + timedelta(days=1), 2, place=place, fatalities=toll,
                   evidence=evidence)


def test_the_only_event_of_its_days_joins_a_report_placed_more_vaguely():
    # "a soldier was killed in the east" and "shelling killed a serviceman in Donetsk region" on a quiet day
    country = _death("a", UKRAINE)
    region = _death("b", REGION, sub="Shelling/artillery/missile attack")
    assert not compare(region, country).same  # alone, a country and a region tie nothing
    assert len(merge_mentions([country, region])) == 1
    # a town's report too; but not one that names no place (it could be any event of its days, near or far)
    assert len(merge_mentions([_death("a", AVDIIVKA), _death("b", UKRAINE)])) == 1
    assert len(merge_mentions([_death("a", REGION), _death("b", None, sub="Shelling/artillery/missile attack")])) == 2


def test_on_a_dense_front_a_vague_report_joins_none_of_the_events_it_could_be():
    # two deaths in one region on one day: "one killed in the east" could be either
    region = _death("a", REGION, sub="Shelling/artillery/missile attack")
    town = _death("b", AVDIIVKA, sub="Attack", toll=2)
    assert len(merge_mentions([region, town, _death("c", UKRAINE)])) == 3


def test_the_only_event_ties_only_the_same_toll_of_the_very_same_days_and_side():
    assert len(merge_mentions([_death("a", REGION), _death("b", AVDIIVKA, sub="Attack", toll=2)])) == 2
    assert len(merge_mentions([_death("a", UKRAINE), _death("b", REGION, toll=None)])) == 2
    assert len(merge_mentions([_death("a", UKRAINE), _death("b", REGION, day=date(2020, 3, 5))])) == 2
    soldier = _death("a", UKRAINE, words="one soldier killed")
    assert len(merge_mentions([soldier, _death("b", REGION, words="militiaman killed")])) == 2
    # nor reports of two lethal types with no toll ("a depot destroyed" / "positions stormed" in one region)
    depot, assault = _death("a", REGION, sub="Shelling/artillery/missile attack", toll=None), _death("b", REGION, toll=None)
    assert len(merge_mentions([depot, assault])) == 2
    # nor two towns, however near
    marinka = Place("Marinka", "Ukraine", "UA", "Donetsk Oblast", None, 47.94, 37.5, 702320, "P", "PPL", 1)
    assert len(merge_mentions([_death("a", AVDIIVKA), _death("b", marinka, sub="Attack")])) == 2


def test_the_dead_are_told_by_whom_the_violence_hit_when_the_toll_names_only_a_number():
    from dataclasses import replace

    from sitrep.model import Evidence

    soldier = _death("a", REGION, words="one soldier killed")
    words = "kills one"
    militiaman = replace(_death("b", REGION, words=words),
                         evidence={"fatalities": Evidence(0, len(words), words), "actor2": Evidence(20, 33, "one militiaman")})
    assert len(merge_mentions([soldier, militiaman])) == 2


def test_a_round_up_of_a_week_is_not_one_of_its_days():
    week = Mention("a", "Battles", "Armed clash", 0, 10, date(2017, 6, 9), date(2017, 6, 16), 2, place=REGION,
                   fatalities=4)
    day = Mention("b", "Battles", "Armed clash", 0, 10, date(2017, 6, 15), date(2017, 6, 16), 2, place=None,
                  fatalities=4)
    assert len(merge_mentions([week, day])) == 2


DONETSK = Place("Donetsk", "Ukraine", "UA", "Donetsk Oblast", None, 48.0, 37.8, 709717, "P", "PPLA", 1)


def _told_on(doc, published, toll=None, place=DONETSK, sub="Armed clash"):
    """A headline read with no date words: its event was yesterday or today."""
    return _death(doc, place, sub=sub, toll=toll, day=published - timedelta(days=1))


def test_on_a_busy_front_a_report_told_the_next_day_joins_only_the_one_event_it_could_be():
    # "fighting in the city centre, five dead" told on Monday, "two killed in the region on Tuesday", and on
    # Tuesday "clashes in the city": the last may be either event of its days, so it joins neither
    monday, tuesday = date(2020, 7, 20), date(2020, 7, 21)
    fighting, clashes = _told_on("a", monday, toll=5), _told_on("c", tuesday)
    region = replace(_death("b", REGION, toll=2), event_date=tuesday, event_date_end=tuesday)
    assert len(merge_mentions([fighting, region, clashes])) == 3
    # in a quiet week it is the one event it could be ("casualties in the town", then "the toll tops 30")
    (event,) = merge_mentions([_told_on("a", monday), _told_on("c", tuesday, toll=30)])
    assert event.document_ids == ("a", "c")
    # a distinctive toll told again the next day by a report that names no place ties nothing: it could be
    # any event of those days
    assert len(merge_mentions([_told_on("a", monday, toll=3, place=UKRAINE), _told_on("c", tuesday, toll=3, place=None)])) == 2


def test_an_undated_report_joins_only_the_one_event_of_its_place():
    # "rebels report a soldier killed by mortar fire in Donetsk", undated, could be any of the city's events
    first, second = _death("a", DONETSK, toll=1), _death("b", DONETSK, toll=1, day=date(2020, 3, 20))
    undated = replace(_death("u", DONETSK, toll=1), event_date=None, event_date_end=None)
    assert len(merge_mentions([first, second, undated])) == 3
    assert len(merge_mentions([first, undated])) == 1


def test_a_count_told_again_as_the_toll_rises_is_the_only_event_it_could_be():
    # "three killed as a bus hits a mine in the east", then "four killed as a bus hits a mine", on a quiet day
    three, four = _death("a", UKRAINE, toll=3), _death("b", UKRAINE, toll=4)
    (event,) = merge_mentions([three, four])
    assert (event.fatalities_low, event.fatalities_high) == (3, 4)
    assert "its count revised" in event.merge_notes[0]
    # one killed in the east, two in the region's shelling: the country's report is the vaguer count
    assert len(merge_mentions([_death("a", UKRAINE), _death("b", REGION, toll=2)])) == 1
    # and the event takes the count of the report that places it: a town's count is that town's toll
    (city,) = merge_mentions([_death("a", UKRAINE, toll=4), _death("b", DONETSK, toll=10)])
    assert (city.fatalities, city.fatalities_low) == (10, 4)
    # not on other days (a new count is a new day's event), nor a guess, nor where another event competes
    assert len(merge_mentions([three, _death("b", UKRAINE, toll=4, day=date(2020, 3, 5))])) == 2
    assert len(merge_mentions([three, _death("b", UKRAINE, toll=12, words="dozens killed")])) == 2
    rival = _death("c", AVDIIVKA, sub="Shelling/artillery/missile attack", toll=None)
    assert len(merge_mentions([three, rival, four])) == 3


def test_a_count_over_a_week_in_a_town_is_not_the_shelling_of_one_of_its_days():
    # "the city set to raise the shelling of an ambulance" and "four militiamen killed in the city in the past week"
    shelling = _death("a", DONETSK, sub="Shelling/artillery/missile attack", toll=None)
    week = Mention("b", "Battles", "Armed clash", 0, 10, date(2020, 3, 4), date(2020, 3, 11), 2, place=DONETSK,
                   fatalities=4)
    assert len(merge_mentions([shelling, week])) == 2
    assert len(merge_mentions([shelling, _death("b", DONETSK, toll=4)])) == 1  # told of its days: one event


def test_a_months_battle_and_a_days_strike_in_one_town_are_two_events():
    battle = Mention("a", "Battles", "Armed clash", 0, 10, date(2022, 6, 1), date(2022, 6, 30), 3, place=BELGOROD)
    # "two weeks earlier, missiles killed nine": a strike dated within a week
    strike_of_the_month = replace(strike("b", BELGOROD, day=date(2022, 6, 20), fatalities=9,
                                         sub="Shelling/artillery/missile attack"),
                                  event_date_end=date(2022, 6, 26), time_precision=2)
    assert len(merge_mentions([battle, strike_of_the_month])) == 2


def test_an_event_no_report_tells_deaths_of_has_none_and_a_later_count_of_another_day_still_parts_it():
    (quiet,) = merge_mentions([strike("a", YARTSEVO)])
    assert quiet.fatalities == 0  # ACLED and the coding guide: nobody reported killed
    # "none told" is no count: a report of three dead the next day joins the event as before, and gives its toll
    (told,) = merge_mentions([strike("b", YARTSEVO, day=date(2025, 1, 1), fatalities=3)], existing=[quiet])
    assert told.document_ids == ("a", "b") and told.fatalities == 3
