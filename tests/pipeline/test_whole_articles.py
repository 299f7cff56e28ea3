"""Whole articles, end to end through the real pipeline and gazetteer: every event a reader can trust, and
the reports that are no event held back with the reason. One test per class of error a coder finds in
ordinary news; every text is written for these tests."""

from datetime import date

import pytest

from sitrep.model import Document
from sitrep.pipeline import Pipeline

PUBLISHED = date(2022, 7, 20)


@pytest.fixture(scope="module")
def pipeline(embedded_gazetteer_path):
    from sitrep.geo import Gazetteer

    return Pipeline(Gazetteer.open(embedded_gazetteer_path, progress=False))


# Paragraphs that report nothing, so that every text is an article (several paragraphs and sentences), not a
# short report that is judged whole.
QUIET = (
    "Grain prices rose again in Chicago on Monday as traders weighed the risks to shipping.",
    "The city council is expected to approve its budget for the coming year next week.",
)


# ... in Ukrainian and in Russian: a short Cyrillic article with QUIET appended is still mostly Cyrillic, and read so.
QUIET_UK = ("Ціни на зерно знову зросли на біржі, оскільки трейдери зважували ризики для судноплавства.",
            "Міська рада має затвердити бюджет на наступний рік уже наступного тижня, повідомили у мерії.")
QUIET_RU = ("Цены на зерно снова выросли на бирже, поскольку трейдеры оценивали риски для судоходства.",
            "Городской совет должен утвердить бюджет на следующий год уже на следующей неделе.")


def read(pipeline, *paragraphs: str, published: date = PUBLISHED):
    return pipeline.read(Document("article", "\n\n".join(paragraphs + QUIET), published=published))


# A paragraph of plain news, so that every article is an article (several paragraphs) and has one real event.
NEWS = "Russian missiles struck an industrial area of Kharkiv on Tuesday, the regional governor said on Telegram."


def places(mentions):
    return [m.place.name for m in mentions if m.place]


def at(mentions, *names):
    """The mentions placed at a place whose name starts with one of `names` (spellings differ: "Izyum")."""
    return [m for m in mentions if m.place and m.place.name.startswith(names)]


def besides_news(mentions):
    """The mentions other than NEWS's strike on Kharkiv."""
    return [m for m in mentions if m.place.name != "Kharkiv"]


def test_rhetoric_plans_and_diplomacy_make_no_event(pipeline):
    result = read(
        pipeline,
        NEWS,
        "The prime minister called the war a fight for democracy and the battle for the hearts of Europe.",
        "Officials warned that Russia could attack Odesa again if the grain talks in Istanbul fail.",
        "Foreign ministers met in Brussels to discuss new sanctions and further weapons deliveries to Kyiv.",
    )
    assert places(result.mentions) == ["Kharkiv"]
    assert all(m.why for m in result.dropped)


def test_background_older_than_thirty_days_is_no_event(pipeline):
    result = read(
        pipeline,
        NEWS,
        "Investigators are still exhuming the victims of the killings in Bucha, where Russian troops shot "
        "civilians in March.",
    )
    assert "Bucha" not in places(result.mentions)
    held = [m for m in result.dropped if m.place and m.place.name == "Bucha"]
    assert held and any("background" in why for m in held for why in m.why)


def test_a_running_total_is_no_toll(pipeline):
    result = read(
        pipeline,
        NEWS,
        "Since the invasion began in February, more than 5,000 civilians have been killed in the Kharkiv region, "
        "the United Nations says.",
    )
    assert all((m.fatalities or 0) < 100 for m in result.mentions)


def test_bodies_found_in_the_next_sentence_are_not_the_toll_of_a_battle(pipeline):
    result = read(
        pipeline,
        "Fighting went on around Sievierodonetsk on Tuesday as Russian troops pushed into the city.",
        "Separately, officials said they had found the bodies of 90 soldiers in a cellar near Mariupol.",
        NEWS,
    )
    battle = at(result.mentions, "Sievierodonetsk", "Siverskodonetsk")
    assert battle and all(m.fatalities != 90 for m in battle)


def test_a_surname_is_no_town_anywhere_in_the_article(pipeline):
    result = read(
        pipeline,
        "Pentagon spokesman John Kirby spoke to reporters in Washington on Tuesday.",
        "Kirby said on Friday that Russian missiles had hit a shopping centre in Kremenchuk, killing 18 people.",
    )
    assert "Kirby" not in places(result.mentions + result.dropped)
    assert "Kremenchuk" in places(result.mentions)


def test_an_organisation_named_in_the_article_is_no_village(pipeline):
    result = read(
        pipeline,
        NEWS,
        "Jack Watling, an analyst at the Rusi thinktank, said Russia was running short of shells.",
        "Estimates provided to Rusi suggested that 100 Ukrainian soldiers were killed each day in the east.",
    )
    assert all(not (m.place and m.place.iso == "RO") for m in result.mentions + result.dropped)


def test_a_claim_not_made_is_no_claim(pipeline):
    result = read(
        pipeline,
        "An explosion destroyed a railway bridge near Melitopol on Tuesday, the city's exiled mayor said. "
        "Ukraine has not claimed responsibility for the blast, officials said.",
        NEWS,
    )
    stances = {c.stance for m in result.mentions for c in m.claims}
    assert "claims responsibility" not in stances


def test_an_event_placed_only_in_a_country_has_no_point(pipeline):
    result = pipeline.read(Document("post", "Russian forces shelled Ukraine overnight, the general staff said.",
                                    published=PUBLISHED))
    (mention,) = result.mentions
    assert mention.place.name == "Ukraine" and mention.place.latitude is None and mention.place.longitude is None


def test_a_list_of_towns_is_one_event_each(pipeline):
    result = read(pipeline, "Russian missiles hit military targets in Chernihiv, Zhytomyr and Lviv on Sunday, "
                            "the defence ministry in Moscow said.", NEWS)
    assert {"Chernihiv", "Zhytomyr", "Lviv"} <= set(places(result.mentions))


def test_regions_each_with_its_own_preposition_are_a_list(pipeline):
    result = read(pipeline, "Moscow said on Monday its rockets had destroyed fuel depots in the northern Sumy "
                            "region and in the western Lviv region.", NEWS)
    assert {"Sumy Oblast", "Lviv Oblast"} <= set(places(result.mentions))


def test_a_region_that_holds_the_listed_villages_is_no_event_of_its_own(pipeline):
    result = read(pipeline, "The army said on Tuesday its units took back two villages of the Kharkiv region, "
                            "Balakliia and Chuhuiv, after days of fighting.", NEWS)
    retaken = [m for m in result.mentions if m.sub_event_type == "Government regains territory"]
    assert sorted(places(retaken)) == ["Balakliya", "Chuhuyiv"]


def test_a_partisan_count_of_enemy_dead_is_read_at_the_floor_of_such_claims(pipeline):
    result = read(pipeline, "The defence ministry in Moscow said on Tuesday its artillery had struck Ukrainian "
                            "positions near Izium, claiming it had killed 400 fighters.", NEWS)
    (izium,) = at(result.mentions, "Izyum")
    assert izium.fatalities == 2


def test_a_capital_named_as_who_acts_places_no_later_report(pipeline):
    result = read(
        pipeline,
        "Turkey said it had received assurances from Moscow that Russian forces were not responsible.",
        "But the defence ministry said on Sunday that its missiles hit a naval vessel.",
        NEWS,
    )
    assert "Moscow" not in places(result.mentions)


def test_a_running_total_already_reached_is_no_event(pipeline):
    result = read(pipeline, NEWS, "The army said on Tuesday it had already recaptured 40 villages in the Kharkiv region.")
    assert not [m for m in result.mentions if m.sub_event_type == "Government regains territory"]


def test_a_roundup_gives_each_town_its_own_dead(pipeline):
    result = read(pipeline, "Russian strikes killed six people in the Sumy region on Tuesday, four in Okhtyrka and "
                            "two in Konotop, the governor said.", NEWS)
    tolls = {m.place.name: m.fatalities for m in result.mentions if m.place and m.place.admin1 == "Sumy Oblast"}
    assert tolls == {"Okhtyrka": 4, "Konotop": 2}


def test_a_regions_toll_is_never_one_towns(pipeline):
    short = pipeline.read(Document("post", "Shelling killed seven civilians across the Zaporizhzhia region on "
                                           "Monday, including in Orikhiv, the governor said.", published=PUBLISHED))
    (event,) = short.mentions
    assert (event.place.name, event.place.geo_precision, event.fatalities) == ("Zaporizhzhia Oblast", 3, 7)


def test_a_later_sentence_never_moves_an_event_to_a_town_elsewhere(pipeline):
    result = read(
        pipeline,
        "Russian rockets hit a block of flats in Kramatorsk on Sunday, killing four people, the mayor said. "
        "The attack came a day after officials in Kyiv warned of new strikes.",
        NEWS,
    )
    assert "Kramatorsk" in places(result.mentions) and "Kyiv" not in places(result.mentions)


def test_a_report_told_as_separate_is_not_joined_to_the_one_before(pipeline):
    result = read(
        pipeline,
        NEWS,
        "Separately, a missile hit a school in Zhovtoyarske overnight, killing two teachers, officials said.",
    )
    assert all(m.fatalities != 2 for m in result.mentions if m.place and m.place.name == "Kharkiv")


def test_one_event_told_twice_is_one_event(pipeline):
    result = read(
        pipeline,
        "Russian artillery shelled Lysychansk on Monday, the governor said.",
        "Kyiv and its allies met in Rome to discuss the grain deal.",
        "The shelling of Lysychansk on Monday destroyed a school, residents said.",
    )
    assert places(result.mentions).count("Lysychansk") == 1


def test_every_report_says_why_it_is_or_is_not_an_event(pipeline):
    result = read(pipeline, NEWS, "Putin threatened to strike Kyiv if the West sent longer-range rockets.")
    assert result.mentions and all(m.why for m in result.mentions + result.dropped)
    assert any("report of an occurrence" in why for why in result.mentions[0].why)


def test_an_explosion_takes_the_kind_of_the_weapon_the_report_names(pipeline):
    strike = read(pipeline, "Explosions from Russian cruise missiles rocked Mykolaiv overnight, the mayor said on "
                            "Tuesday.", NEWS)
    assert {m.sub_event_type for m in at(strike.mentions, "Mykola")} == {
        "Shelling/artillery/missile attack"}
    bomb = read(pipeline, "An explosion ripped through a cafe in Melitopol on Tuesday, killing two people, "
                          "officials said.", NEWS)
    assert {m.sub_event_type for m in bomb.mentions if m.place and m.place.name == "Melitopol"} == {
        "Remote explosive/landmine/IED"}


def test_a_two_word_town_the_model_tags_as_a_person_is_still_a_place(pipeline):
    result = read(pipeline, "Russian artillery pounded Velyka Novosilka on Sunday, killing an elderly couple, "
                            "the Donetsk regional governor said.", NEWS)
    assert "Velyka Novosilka" in places(result.mentions)


def test_an_institution_whose_name_is_a_town_abroad_is_no_place(pipeline):
    result = read(pipeline, NEWS, "Zelenskiy flew to Washington and asked the White House on Thursday for more "
                                  "air defence after the shelling of Kharkiv.")
    assert all(m.place.iso == "UA" for m in result.mentions if m.place)


def test_a_city_of_the_same_name_abroad_is_not_the_one_the_story_means(pipeline):
    result = read(pipeline, "A bomb hidden in a statuette killed a military blogger in a cafe in St Petersburg on "
                            "Sunday, Russian investigators said. Moscow blamed Kyiv for the attack.", NEWS)
    assert {m.place.iso for m in result.mentions if m.place} == {"RU", "UA"}


def test_a_part_of_a_town_named_after_its_possessive_is_the_town(pipeline):
    result = read(pipeline, "Gunmen opened fire at Istanbul's Ataturk airport on Tuesday, killing three guards, "
                            "Turkish officials said.", NEWS)
    assert "Istanbul" in places(result.mentions) and "Atatürk" not in places(result.mentions)


def test_a_regional_governor_places_the_region_not_its_capital(pipeline):
    result = read(pipeline, NEWS, "Russian shelling killed two civilians in Kurakhove on Sunday, the Donetsk "
                                  "regional governor said.")
    assert "Donetsk" not in places(result.mentions)


def test_a_capitals_institution_is_no_place(pipeline):
    result = read(pipeline, "Sea drones struck a patrol boat of Moscow's Black Sea Fleet off the coast of Crimea "
                            "early on Tuesday, the navy in Kyiv said.", NEWS)
    assert "Moscow" not in places(result.mentions)


def test_a_place_a_list_names_and_a_later_sentence_tells_again_is_one_event(pipeline):
    result = read(
        pipeline,
        "The president said on Tuesday that Russian forces had shelled Sumy, Kharkiv and Poltava overnight.",
        "In Kharkiv, shells struck a hospital, wounding three nurses, the mayor said.",
    )
    assert places(result.mentions).count("Kharkiv") == 1


def test_dead_counted_since_an_offensive_began_are_no_event(pipeline):
    result = read(pipeline, NEWS, "The governor of the Belgorod region said 19 civilians had been killed and 80 "
                                  "injured since the offensive started in May.")
    assert not [m for m in result.mentions if m.place and m.place.iso == "RU"]
    assert all(m.fatalities in (None, 0) for m in result.mentions)


def test_strikes_and_bombs_from_the_air_are_remote_violence_with_their_tolls(pipeline):
    result = read(pipeline, "Russian strikes on Monday killed three residents of Huliaipole and one in Orikhiv, "
                            "the governor said.",
                  "Two people were hurt when a guided bomb hit a shop in Kupiansk on Monday, police said.")
    kinds = {m.place.name: (m.sub_event_type, m.fatalities) for m in result.mentions if m.place}
    assert kinds["Hulyaypole"] == ("Shelling/artillery/missile attack", 3)
    assert kinds["Orikhiv"] == ("Shelling/artillery/missile attack", 1)
    assert kinds["Kupyansk"][0] == "Air/drone strike"


def test_a_habit_of_the_capital_is_no_event_there(pipeline):
    result = read(pipeline, NEWS, "Kyiv rarely comments on strikes on Russian-held territory, and it did not do so "
                                  "on Tuesday.")
    assert "Kyiv" not in places(result.mentions)


def test_a_region_told_after_a_nationwide_count_places_it(pipeline):
    result = read(pipeline, "Russia fired 40 drones at Ukraine overnight and air defences shot down 35 of them, the "
                            "air force said on Tuesday. Falling debris damaged two houses in the Poltava region, "
                            "where a man was injured, the governor said.", NEWS)
    assert "Poltava Oblast" in places(result.mentions)


def test_a_governors_region_is_not_where_a_village_named_with_near_is(pipeline):
    result = read(pipeline, NEWS, "Kursk Governor Alexei Smirnov said on Tuesday a drone hit a lorry near the town of "
                                  "Rylsk, wounding the driver.")
    assert "Kursk" not in places(result.mentions)
    assert any(name.startswith("Ryl") for name in places(result.mentions))


def test_a_district_of_the_city_in_the_next_sentence_is_the_same_event(pipeline):
    result = read(pipeline, "Shelling hit the centre of Donetsk on Monday, killing two people, the city's mayor said. "
                            "Shells struck a market in the Kuibyshevsky district, he said.", NEWS)
    assert len([m for m in result.mentions if m.place and m.place.admin1 == "Donetsk Oblast"]) == 1


def test_the_side_whose_shelling_it_was_is_the_actor(pipeline):
    result = read(pipeline, "Ukrainian shelling hit a bus stop in Horlivka on Monday, the Russian-installed mayor "
                            "said.", NEWS)
    (horlivka,) = at(result.mentions, "Horl")
    assert horlivka.actor1 == "Military Forces of Ukraine (2019-)"


def test_a_power_plant_named_after_a_region_is_where_it_stands(pipeline):
    result = read(pipeline, "A drone hit the roof of a reactor building at the Zaporizhzhia nuclear power plant on "
                            "Sunday, the plant's Russian-installed managers said.", NEWS)
    assert "Enerhodar" in places(result.mentions)


def test_a_report_said_to_be_told_is_not_joined_to_the_one_before(pipeline):
    result = read(pipeline, "Russian troops captured the village of Novoselivka on Monday, the ministry said.",
                  "The president said on Tuesday that fierce fighting continued around Kurakhove, where his forces "
                  "had repelled 30 assaults.")
    assert any(name.startswith("Kurakh") for name in places(result.mentions))


def test_earlier_in_the_day_opens_another_event(pipeline):
    result = read(pipeline, "Two glide bombs hit a district of Kharkiv on Thursday evening, wounding five people, the "
                            "mayor said. Earlier in the day, a missile strike on a warehouse in Kharkiv killed three "
                            "workers, officials said.", NEWS)
    tolls = sorted((m.fatalities or 0) for m in result.mentions if m.place and m.place.name == "Kharkiv"
                   and m.event_date == date(2022, 7, 14))
    assert tolls == [0, 3]


def test_what_killed_is_not_counted_as_one_dead(pipeline):
    result = read(pipeline, "A missile strike on a shopping centre in Kremenchuk killed eighteen people on Monday, "
                            "officials said.", NEWS)
    (strike,) = at(result.mentions, "Kremen")
    assert strike.fatalities == 18


def test_a_tally_of_settlements_and_the_city_of_a_speech_make_no_event(pipeline):
    result = read(pipeline, NEWS, "Speaking at a meeting with generals in Moscow, the president said his forces had "
                                  "taken more than 150 settlements this year.")
    assert "Moscow" not in places(result.mentions)
    assert not [m for m in result.mentions if m.sub_event_type in ("Government regains territory", "Armed clash")]


def test_a_route_between_two_places_is_no_list(pipeline):
    result = read(pipeline, NEWS, "A strike on Tuesday hit an ammunition train on the railway between Melitopol and "
                                  "Dzhankoi, the general staff said.")
    assert not ({"Melitopol", "Dzhankoy"} <= set(places(result.mentions)))


def test_a_statement_is_no_claimant(pipeline):
    result = read(pipeline, "Ukrainian forces struck an S-400 air defence system near Yevpatoriia on Monday, "
                            "according to the statement.", NEWS)
    assert all(c.claimant != "the statement" for m in result.mentions for c in m.claims)


def test_an_attack_on_civilians_with_no_weapon_named_is_no_armed_clash(pipeline):
    result = read(pipeline, "A gunman killed six shoppers in an attack at a market in Marseille on Saturday, police "
                            "said.", NEWS)
    (attack,) = [m for m in result.mentions if m.place and m.place.name == "Marseille"]
    assert attack.sub_event_type == "Attack"


def test_an_armys_attack_on_buildings_is_a_strike_not_a_clash(pipeline):
    result = read(
        pipeline,
        NEWS,
        "In Kramatorsk, a Russian attack destroyed a hotel on Sunday and wounded three guests, the mayor said.",
    )
    [school] = besides_news(result.mentions)
    assert school.place.name == "Kramatorsk"
    assert school.sub_event_type == "Shelling/artillery/missile attack"
    ground = read(
        pipeline,
        NEWS,
        "On Sunday Russian forces attacked near Kramatorsk, along the frontline highway that links the city with "
        "Sloviansk, officials said.",
    )
    [attack] = besides_news(ground.mentions)
    assert attack.sub_event_type == "Armed clash"


def test_the_attack_told_again_takes_the_type_of_the_strike_first_told(pipeline):
    result = read(
        pipeline,
        "Artillery shells hit the centre of Belgorod on Sunday morning, killing three people, the governor said.",
        NEWS,
        "Moscow blamed Kyiv for the attack in Belgorod, which damaged a market; Ukraine's military did not comment.",
    )
    [strike] = besides_news(result.mentions)
    assert strike.place.name == "Belgorod"
    assert strike.sub_event_type == "Shelling/artillery/missile attack"
    assert strike.fatalities == 3


def test_a_sentence_that_refers_back_may_tell_of_another_event_elsewhere(pipeline):
    result = read(
        pipeline,
        "Russian missiles struck a railway depot in Kharkiv on Tuesday, wounding four workers, the governor said.",
        "During the attack, air defences shot down another missile over Poltava, the air force said.",
    )
    assert sorted((m.place.name, m.sub_event_type) for m in result.mentions) == [
        ("Kharkiv", "Shelling/artillery/missile attack"), ("Poltava", "Disrupted weapons use")]


def test_a_name_set_off_after_a_person_noun_is_a_person_not_a_town(pipeline):
    result = read(
        pipeline,
        NEWS,
        "One pensioner, Antonina, told reporters that a rocket had smashed through her kitchen on Tuesday.",
    )
    assert all(not (m.place and m.place.iso != "UA") for m in result.mentions + result.dropped)


def test_deaths_in_a_fire_or_an_accident_with_no_word_of_violence_are_no_event(pipeline):
    result = read(
        pipeline,
        NEWS,
        "Seven people died after a huge fire broke out at a chemical plant in Tver on Thursday, officials said.",
        "Two workers were killed when a crane collapsed at a port in Odesa on Wednesday.",
    )
    assert places(result.mentions) == ["Kharkiv"]


def test_an_event_told_in_a_where_clause_is_at_the_place_that_opens_it(pipeline):
    result = read(pipeline, NEWS, (
        "The offensive brings the invaders closer to the town of Sloviansk, where officials said four people were "
        "killed in shelling on Monday, and to the city of Kramatorsk, where a drone damaged a school."
    ))
    [sloviansk] = [m for m in besides_news(result.mentions) if m.fatalities == 4]
    assert sloviansk.place.name == "Slovyansk"


def test_a_persons_home_town_is_no_place_of_the_event(pipeline):
    result = read(pipeline, NEWS, (
        "A friend of the volunteer, Mark Doyle, 34, of Clearwater, Florida, said on Sunday that the volunteer "
        "had been killed in battle."
    ))
    assert not [m for m in result.mentions if m.place and m.place.iso == "US"]


def test_the_country_of_a_governor_of_a_region_is_the_country(embedded_gazetteer_path):
    from sitrep.geo import Gazetteer, find_places

    text = "The city is being encircled, the governor of Ukraine’s Luhansk region said on Sunday."
    with Gazetteer.open(embedded_gazetteer_path, progress=False) as gazetteer:
        found = [(p.name, p.iso, p.geo_precision) for p in find_places(text, gazetteer)]
    assert found == [("Ukraine", "UA", 3), ("Luhansk Oblast", "UA", 3)]


def test_a_capital_that_signed_a_deal_is_no_place_of_the_strike_beside_it(pipeline):
    result = read(pipeline, NEWS, (
        "Russia has targeted the port of Odesa with cruise missile strikes, hours after Moscow signed a deal to "
        "allow grain exports."
    ))
    assert "Odesa" in places(besides_news(result.mentions)) and "Moscow" not in places(result.mentions)


def test_one_sentence_of_two_events_at_two_places_is_two_events(pipeline):
    result = read(pipeline, NEWS, (
        "Officials said Russian forces had shelled the northern Sumy region, and intensified their shelling of "
        "Mykolaiv, a port city in the south."
    ))
    assert {"Sumy Oblast", "Mykolayiv"} <= set(places(result.mentions))
    # the second event is by the subject of the first
    assert {m.actor1 for m in at(result.mentions, "Sumy", "Mykola")} == {"Military Forces of Russia (2000-)"}


def test_an_event_told_again_without_its_day_is_one_event(pipeline):
    result = read(pipeline, NEWS, (
        "Russia stepped up air strikes over the weekend, including on Kyiv, and the eastern city of Lysychansk "
        "fell to its forces."
    ), "The governor said Lysychansk fell on Saturday after weeks of street fighting.")
    assert len(at(result.mentions, "Lysychansk")) == 1


def test_a_leader_speaking_of_the_war_next_is_no_claimant_of_the_event_before(pipeline):
    result = read(pipeline, (
        "An explosion struck a fuel depot in Bryansk overnight on Tuesday, the regional governor said."
    ), "Vladimir Putin said on Wednesday that the operation was going to plan.", NEWS)
    [bryansk] = at(result.mentions, "Bryansk")
    assert [claim.claimant for claim in bryansk.claims] == ["the regional governor"]


def test_the_day_a_source_spoke_is_not_the_day_of_the_shelling_it_tells_of(pipeline):
    result = read(pipeline, NEWS, (
        "In the Sumy region, the governor said on Monday that three people were killed and eight injured as a "
        "result of shelling on Sunday."
    ))
    [sumy] = at(result.mentions, "Sumy")
    assert sumy.event_date == date(2022, 7, 17) and sumy.fatalities == 3  # Sunday before the Wednesday paper


def test_a_week_of_strikes_gives_no_toll_to_the_strike_told_next(pipeline):
    result = read(pipeline, (
        "At least nine people have been killed in strikes on Kramatorsk in the past week, according to the "
        "city's mayor. The strike on its central market on 18 July was the worst."
    ), NEWS)
    assert all(m.fatalities is None for m in at(result.mentions, "Kramatorsk"))


def test_the_city_of_a_second_report_is_the_town_told_of_just_before(pipeline):
    result = read(pipeline, (
        "The mayor of Bakhmut has urged residents to leave as Russian forces stepped up their shelling of the "
        "town on Monday. A day earlier, four people were killed in rocket attacks aimed at the city, one of the "
        "last large towns in the Donbas region still under Ukrainian control."
    ), NEWS)
    assert [m.fatalities for m in at(result.mentions, "Bakhmut") if m.fatalities] == [4]
    assert not at(result.mentions, "Donbas")


def test_confirmed_far_after_a_report_is_said_of_something_else(pipeline):
    result = read(pipeline, (
        "Russia said it hit military targets in Zhytomyr on Tuesday. The US president condemned the attacks. "
        "The German chancellor said they showed why allies had to stay united. Members of the G7 have confirmed "
        "a ban on imports of Russian gold."
    ), NEWS)
    [zhytomyr] = at(result.mentions, "Zhytomyr")
    assert zhytomyr.verification == "claimed" and zhytomyr.actor1 == "Military Forces of Russia (2000-)"


def test_a_side_called_a_liar_disputes_the_claim(pipeline):
    result = read(pipeline, NEWS, (
        "A former defence minister says Russian claims that Ukrainian marines were killed on Snake Island on "
        "Tuesday are untrue."
    ))
    assert [m.verification for m in at(result.mentions, "Snake")] == ["disputed"]


def test_a_ministry_telling_of_its_own_strike_is_the_side_that_struck(pipeline):
    result = read(pipeline, NEWS, (
        "Russia's defence ministry claimed on Tuesday that its strike on Radekhiv in the Lviv region destroyed "
        "a depot of weapons delivered to the Kyiv regime from Poland."
    ))
    [radekhiv] = at(result.mentions, "Radekhiv")
    assert radekhiv.actor1 == "Military Forces of Russia (2000-)"


def test_a_city_at_risk_of_bombardment_is_no_event(pipeline):
    result = read(pipeline, NEWS, (
        "The mayor said 300 people had been evacuated on Tuesday from Kramatorsk, a city now deemed at risk "
        "from Russian bombardment."
    ))
    assert not at(result.mentions, "Kramatorsk")


def test_strikes_with_no_side_named_are_the_side_the_article_names_for_its_other_strikes(pipeline):
    result = read(pipeline, NEWS, (
        "Russian rockets hit a school in Mykolaiv on Monday night, the mayor said."
    ), "Another civilian was killed in a missile attack on Cherkasy on Tuesday.")
    [cherkasy] = at(result.mentions, "Cherkasy")
    assert cherkasy.actor1 == "Military Forces of Russia (2000-)"
    single = read(pipeline, NEWS, "Another civilian was killed in a missile attack on Cherkasy on Tuesday.")
    assert [m.actor1 for m in at(single.mentions, "Cherkasy")] == [None]  # one stated strike decides nothing


def test_a_district_of_the_capital_is_the_capital_not_its_government(pipeline):
    result = read(pipeline, NEWS, (
        "A missile attack on Kyiv's university district on 26 June was seen as an attempt to intimidate Ukrainians."
    ))
    assert [m.place.name for m in result.mentions if m.event_date == date(2022, 6, 26)] == ["Kyiv"]


def test_a_name_whose_mother_speaks_is_a_person_everywhere(pipeline):
    result = read(pipeline, NEWS, (
        "Residents of Irpin described the occupation. Shevchenko's mother, Halyna, said she had seen a neighbour "
        "shot dead by a soldier on Friday."
    ))
    assert not at(result.mentions, "Shevchenko")


def test_where_the_victims_were_captured_months_before_is_not_where_they_died(pipeline):
    result = read(pipeline, NEWS, (
        "The prison explosion killed dozens near Olenivka last week. Relatives say Russian guards murdered the "
        "prisoners, who were captured in May in Mariupol."
    ))
    assert not at(result.mentions, "Mariupol")
    assert all(m.event_date.month == 7 for m in at(result.mentions, "Olenivka"))
    assert not [m for m in result.dropped if m.event_date and m.event_date.month == 5]  # nor an event of May


def test_a_town_brought_within_range_is_no_strike(pipeline):
    result = read(pipeline, NEWS, (
        "A military spokeswoman said that retaking the villages put more Russian positions in the Kherson region "
        "within range of Ukrainian artillery."
    ))
    assert not at(result.mentions, "Kherson")


def test_a_village_its_landmark_placed_is_the_same_village_when_named_again_bare(pipeline):
    result = read(pipeline, (
        "An apartment block in Serhiivka, 50km south of Odesa, was hit on 1 July, killing 21 people."
    ), "Two apartment buildings in Chasiv Yar, near the frontline in Donetsk oblast, were hit on 9 July, killing 40.", (
        "Analysts said the same munition was used in the double missile strike in Serhiivka, a sign that the goal "
        "was terror."
    ))
    assert [(m.place.admin1, m.event_date) for m in at(result.mentions, "Serhi")] == [("Odesa Oblast", date(2022, 7, 1))]


def test_a_short_post_is_not_placed_by_a_first_sentence_that_tells_no_event(pipeline):
    post = Document("post", (
        "Grain prices rose again in Chicago on Monday as traders weighed the risks to shipping. Hundreds of "
        "people rallied in Bern on Sunday to protest against the Russian invasion of Ukraine."
    ), published=PUBLISHED)
    mentions = pipeline.read(post).mentions
    assert places(mentions) == ["Bern"]


def test_a_short_posts_two_word_town_the_model_calls_a_name_is_placed_by_the_war_its_sentence_names(pipeline):
    # (the small English model tags such towns PERSON, FAC or ORG; no other place tells the post's country)
    post = Document("post", "Fighting went on near Chasiv Yar overnight, where Ukrainian units held off four assaults, "
                            "a military spokesman said.", published=PUBLISHED)
    assert [(m.place.name, m.place.admin1) for m in pipeline.read(post).mentions] == [("Chasiv Yar", "Donetsk Oblast")]


def test_a_short_posts_speaker_is_no_place_in_a_sentence_only_the_classifier_reads_as_news(pipeline):
    post = Document("post", "Kira Mazur said Ukrainian troops held the line on Sunday.", published=PUBLISHED)
    assert [m.place for m in pipeline.read(post).mentions if m.place and m.place.name == "Kira"] == []


def test_survivors_gathering_to_remember_an_attack_is_no_attack(pipeline):
    result = read(pipeline, NEWS, "Survivors of the Kramatorsk station attack gathered on Sunday to remember the dead.")
    assert not at(result.mentions, "Kramatorsk")


def test_a_newsletter_that_named_texas_still_means_the_odesa_that_russian_missiles_hit(pipeline):
    result = read(pipeline, "Texas officials met in Austin on Monday to discuss the state budget.",
                  "Russian missiles hit Odesa on Saturday, hours after the grain deal was signed.")
    assert [(m.place.name, m.place.country) for m in result.mentions] == [("Odesa", "Ukraine")]



def test_forces_pausing_to_regroup_for_an_offensive_make_no_event(pipeline):
    result = read(pipeline, NEWS, "Western officials said on Monday that Russian troops were pausing to repair their "
                                  "tanks and reorganise their units to launch an offensive on Kramatorsk, a city in the "
                                  "north of the Donetsk region.")
    assert not at(result.mentions, "Kramatorsk")


def test_an_opening_report_takes_no_place_from_a_next_sentence_about_a_plan(pipeline):
    result = pipeline.read(Document("article", "\n\n".join((
        "Russian shelling hit several villages overnight, killing two people, officials said on Tuesday.",
        "Russian troops were regrouping for an assault on Sloviansk, the regional governor said on Tuesday.",
    ) + QUIET), published=PUBLISHED))
    assert not at(result.mentions, "Slov")


def test_people_taken_since_the_spring_are_a_running_total_not_an_event(pipeline):
    for count in ("Occupying troops have detained more than 300 residents of Melitopol since March, the exiled mayor "
                  "said on Tuesday.",
                  "Russian forces have kidnapped at least 40 officials in the Kherson region since March 1, the "
                  "governor said on Telegram.",
                  "Security services have arrested more than 150 people accused of setting fire to railway "
                  "signal boxes in Bryansk since February, a rights group said."):
        result = read(pipeline, count, NEWS)
        assert not [m for m in result.mentions if m.sub_event_type in ("Arrests", "Abduction/forced disappearance")]


def test_a_side_speaking_of_such_attacks_in_general_does_not_confirm_this_one(pipeline):
    result = read(pipeline, "Ukrainian drones struck a fuel depot in Russia's Kursk region overnight, the regional "
                            "governor said on Telegram. The report could not be independently verified.",
                  "Kyiv says such strikes are meant to cut the fuel supplies of the Russian army.")
    (strike,) = at(result.mentions, "Kursk")
    assert strike.verification == "unverified"


def test_a_night_of_attacks_across_the_country_is_summed_up_not_stitched_to_its_first_town(pipeline):
    result = read(pipeline, "Russian drones and missiles hit power plants across Ukraine overnight, killing at least four "
                            "people, officials said on Tuesday.",
                  "In Mykolaiv, a drone struck an apartment block, killing three residents, the mayor said. A fourth "
                  "person died in the Sumy region when a missile hit a warehouse, the regional administration said.")
    (mykolaiv,) = at(result.mentions, "Mykola")
    assert mykolaiv.fatalities == 3 and mykolaiv.sub_event_type == "Air/drone strike"
    assert mykolaiv.actor1 == "Military Forces of Russia (2000-)"


def test_drones_downed_are_downed_by_the_side_whose_sky_it_is(pipeline):
    result = read(pipeline, NEWS, "Air defence units destroyed eight Ukrainian drones over the Bryansk region on "
                                  "Tuesday night, the Russian defence ministry said.")
    (downed,) = [m for m in result.mentions if m.sub_event_type == "Disrupted weapons use"]
    assert (downed.actor1, downed.actor2) == ("Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)")
    assert downed.evidence["actor2"].quote.startswith("Ukrainian")


def test_a_daily_count_across_the_country_under_a_headline_is_summed_up_too(pipeline):
    result = read(pipeline, "Russian attacks kill 3, injure 15 in Ukraine over past day",
                  "Russian attacks killed three civilians and injured 15 others across Ukraine over the past day, "
                  "regional authorities reported on July 19.",
                  "Kherson Oblast: Russian forces launched 30 attacks on the region, killing two people and injuring "
                  "six, the governor said. The villages of Beryslav and Bilozerka came under fire.",
                  "Sumy Oblast: A Russian drone attack on the village of Krasnopillia killed a 60-year-old man, the "
                  "regional administration said.")
    (kherson,) = at(result.mentions, "Kherson")
    assert kherson.fatalities == 2


def test_an_attack_a_sentence_dates_to_a_month_of_an_earlier_year_is_background(pipeline):
    result = read(pipeline, NEWS, "The killing follows a string of attacks on officials in occupied towns, among them a "
                                  "deputy mayor of Melitopol who died in an explosion outside his home in March 2021.")
    assert not at(result.mentions, "Melitop")


def test_investigators_opening_a_case_or_saying_no_one_was_hurt_make_no_event_of_their_own(pipeline):
    result = read(pipeline, "A bomb went off under a freight train near the village of Unecha in the Bryansk region "
                            "on Tuesday, the governor said.",
                  "No one was hurt, he added. Investigators said they had opened a terrorism case.",
                  "Police in Moscow opened a murder investigation, the city prosecutor said.")
    assert len(result.mentions) == 1
    assert not at(result.mentions, "Moscow")


def test_a_capital_that_speaks_is_no_place_of_a_list(pipeline):
    result = read(pipeline, "Ukrainian troops push deeper into Russia's Kursk region, Moscow says it is repelling attacks",
                  "Ukrainian forces advanced further into Russia's Kursk region on Thursday, while Moscow said its "
                  "troops had stopped several attempts to break through near the town of Sudzha.", NEWS)
    assert not at(result.mentions, "Moscow")


def test_a_later_sentence_naming_the_sides_the_other_way_round_gives_the_other_side(pipeline):
    result = read(pipeline, "Ukrainian troops fought their way into the Russian village of Tetkino on Tuesday, the "
                            "governor said.",
                  "Moscow said its troops had repelled the Ukrainian attacks near Tetkino.", NEWS)
    (clash,) = at(result.mentions, "Tetkino", "Tëtkino")
    assert clash.actor1 != clash.actor2


def test_a_national_count_of_drones_downed_is_not_placed_at_the_town_told_before(pipeline):
    result = read(pipeline, "A Russian glide bomb hit a school in Kharkiv on Tuesday, injuring three, the mayor said.",
                  "Ukraine's air force said it shot down all 21 drones Russia launched overnight.")
    assert [m.sub_event_type for m in result.mentions] == ["Air/drone strike"]


def test_a_warship_sunk_by_sea_drones_is_a_drone_strike(pipeline):
    result = read(pipeline, NEWS, "Ukrainian sea drones sank a Russian patrol ship off the port of Sevastopol in "
                                  "Crimea on Tuesday, Ukraine's military intelligence said.")
    (sunk,) = at(result.mentions, "Sevastopol")
    assert sunk.sub_event_type == "Air/drone strike"


def test_strikes_of_several_days_in_a_town_the_article_placed_by_its_country_are_that_towns(pipeline):
    result = read(pipeline, "Zaporizhzhia, Ukraine's industrial hub in the south-east, was struck again and again last week.",
                  "On Monday, a missile struck a bus depot, killing four drivers. On Wednesday, two bombs hit a market "
                  "near the centre, injuring nine people. And on Friday, a strike on a hardware store killed at "
                  "least 11 people, the governor said.", published=date(2022, 7, 22))
    strikes = at(result.mentions, "Zaporizh")
    assert sorted(m.fatalities for m in strikes) == [0, 4, 11]


def test_the_demonstrators_are_actor1_and_the_police_who_detain_them_actor2(pipeline):
    result = read(pipeline, NEWS, "Police in St Petersburg detained at least 30 people who had gathered near a monument "
                                  "on Sunday to protest against the war, a rights group said.")
    (protest,) = at(result.mentions, "Saint Petersburg")
    assert protest.sub_event_type == "Protest with intervention"
    assert (protest.actor1, protest.actor2) == ("Protesters (Russia)", "Police Forces of Russia")


def test_a_strike_whose_weapon_the_next_sentence_names_is_of_that_weapons_kind(pipeline):
    result = read(pipeline, "A Russian strike on a clinic in the city of Sumy on Tuesday killed two people, the regional "
                            "governor said. \"The enemy hit the clinic with a guided aerial bomb,\" he wrote.")
    (strike,) = at(result.mentions, "Sumy")
    assert strike.sub_event_type == "Air/drone strike"


def test_bare_explosions_in_a_country_at_war_are_strikes_and_a_laid_bomb_stays_one(pipeline):
    result = read(pipeline, NEWS, "Explosions rocked the southern city of Mykolaiv on Monday morning, the "
                                  "mayor said.", "A bomb planted under a car exploded in Melitopol on Monday, killing "
                                                 "an official, local media reported.")
    (mykolaiv,) = at(result.mentions, "Mykola")
    assert mykolaiv.sub_event_type == "Shelling/artillery/missile attack"
    (melitopol,) = at(result.mentions, "Melitop")
    assert melitopol.sub_event_type == "Remote explosive/landmine/IED"


def test_riot_police_making_an_arrest_make_no_riot(pipeline):
    result = read(pipeline, NEWS, "Riot police detained an opposition journalist in Minsk on Tuesday over his reporting, "
                                  "his lawyer said.")
    (arrest,) = at(result.mentions, "Minsk")
    assert arrest.sub_event_type == "Arrests"


def test_one_more_strike_on_the_next_day_is_an_event_of_its_own(pipeline):
    result = read(pipeline, "Russian missiles hit Kharkiv on Monday, killing three people, the regional governor said. "
                            "On Tuesday another missile strike on Kharkiv killed two people and wounded nine.",
                  "Russian drones attacked Odesa late on Monday, the governor said. Drones hit a port warehouse in "
                  "Odesa early on Tuesday, killing one worker.")
    kharkiv = at(result.mentions, "Kharkiv")
    assert sorted((m.event_date.day, m.fatalities) for m in kharkiv) == [(18, 3), (19, 2)]
    assert len(at(result.mentions, "Odesa")) == 1  # one night's attack, told by both of its days


def test_an_official_saying_there_was_no_damage_tells_no_event(pipeline):
    result = read(pipeline, "Air defences shot down 12 drones over the Moscow region overnight, the defence ministry said.",
                  "Moscow's mayor Pyotr Ivanov said no damage or casualties had been reported.")
    assert [m.sub_event_type for m in result.mentions] == ["Disrupted weapons use"]


def test_a_funeral_and_the_line_of_contact_on_a_map_are_no_events(pipeline):
    result = read(pipeline, NEWS, "Полтава прощається з Героєм: на фронті загинув захисник Петро Коваленко.",
                  "Також уточнено лінію зіткнення в районі Покровська та Мирнограда.",
                  "Полтавська міська рада висловлює щирі співчуття рідним і близьким загиблого.")
    assert places(result.mentions) == ["Kharkiv"]


def test_an_attack_with_drones_is_a_drone_strike(pipeline):
    result = read(pipeline, NEWS, "Ukrainian forces attacked the village of Tetkino in the Kursk region with drones on "
                                  "Monday, the governor said.")
    (tetkino,) = at(result.mentions, "Tëtkino", "Tetkino")
    assert tetkino.sub_event_type == "Air/drone strike"


def test_an_air_raid_alert_is_no_air_raid(pipeline):
    result = read(pipeline, NEWS, "The concert in Lviv was halted for an hour when air raid sirens sounded across the city "
                                  "on Monday evening.", "Fans waited in an air raid shelter until the alert ended.")
    assert places(result.mentions) == ["Kharkiv"]


def test_a_day_s_dead_are_not_the_next_dated_strike_s(pipeline):
    result = read(pipeline, "Росіяни обстріляли Запорізьку область: загинули двоє людей, ще п'ятеро поранені",
                  "Протягом минулої доби російські війська обстріляли 20 населених пунктів Запорізької області, зокрема "
                  "Оріхів, Гуляйполе та Степногірськ. Про це повідомив начальник обласної військової адміністрації.",
                  "Під ударом опинились житлові квартали, пошкоджено чотири будинки.",
                  "Унаслідок російської агресії загинули двоє людей, ще п'ятеро отримали поранення.",
                  "Зранку 18 липня російський дрон атакував автомобіль у Степногірську. Поранений 40-річний чоловік.")
    drone = [m for m in at(result.mentions, "Stepnohirsk") if m.sub_event_type == "Air/drone strike"]
    assert drone and all(m.fatalities in (0, None) for m in drone)
    # the damage told after who said it is more of the same report, not an event of the region's own
    assert not [m for m in result.mentions if m.place.geo_precision == 3 and not m.fatalities]


def test_people_killed_across_ukraine_in_russian_strikes_were_killed_by_russia(pipeline):
    result = read(pipeline, "At least nine people were killed across Ukraine in Russian strikes overnight, officials said. "
                            "In the Poltava region, two men were killed, the regional governor said.")
    (poltava,) = at(result.mentions, "Poltava")
    assert poltava.actor1 == "Military Forces of Russia (2000-)"


def test_ukraine_pushing_russian_forces_out_is_ukraine_s_act(pipeline):
    result = read(pipeline, NEWS, "On Monday Ukraine pushed Russian forces out of the village of Vilkhivka near Kharkiv, "
                                  "the general staff said.")
    (vilkhivka,) = at(result.mentions, "Vilkhivka")
    assert (vilkhivka.actor1, vilkhivka.actor2) == ("Military Forces of Ukraine (2019-)", "Military Forces of Russia (2000-)")


def test_two_events_told_either_side_of_a_semicolon_are_two(pipeline):
    result = read(pipeline, NEWS, "On Monday Russian missiles struck a fuel depot in Poltava, killing two workers; a Russian "
                                  "helicopter was also shot down over the Zaporizhzhia region, the air force said.")
    (poltava,) = at(result.mentions, "Poltava")
    assert (poltava.sub_event_type, poltava.fatalities) == ("Shelling/artillery/missile attack", 2)
    (downed,) = at(result.mentions, "Zaporizhzhia")
    assert downed.sub_event_type == "Disrupted weapons use"


def test_what_a_correction_says_an_article_got_wrong_is_no_event(pipeline):
    result = read(pipeline, "Correction: an earlier version of this article incorrectly stated that 30 people had been "
                            "killed in a missile strike on Zaporizhzhia on Monday.",
                  "A photo caption misspelled the name of the Shevchenkivskyi district of Kyiv.")
    assert not [m for m in result.mentions if m.fatalities == 30]
    assert not at(result.mentions, "Kyiv", "Shevchenk")


def test_a_headline_s_sum_of_many_strikes_is_not_the_toll_of_the_one_told_after_it(pipeline):
    result = read(pipeline, "Russian strikes kill at least 14 in Kharkiv",
                  "A Russian missile strike on a printing house in Kharkiv on Monday killed seven people, the mayor said.")
    (kharkiv,) = at(result.mentions, "Kharkiv")
    assert kharkiv.fatalities == 7


def test_a_region_s_day_of_shelling_gives_its_dead_to_the_region_not_to_the_town_named_in_it(pipeline):
    result = read(pipeline, "Протягом минулої доби російські війська обстріляли 18 населених пунктів Херсонської області, "
                            "зокрема Берислав. Унаслідок обстрілів загинули двоє людей.",
                  *QUIET_UK)
    assert not [m for m in at(result.mentions, "Beryslav") if m.fatalities]
    assert [m.fatalities for m in at(result.mentions, "Kherson Oblast")] == [2]


def test_a_protest_the_police_broke_into_is_one_protest_with_intervention(pipeline):
    result = read(pipeline, NEWS, "Hundreds of people rallied in central Tbilisi on Sunday against the new media law. "
                                  "Police detained 12 protesters, the interior ministry said.")
    assert [m.sub_event_type for m in at(result.mentions, "Tbilisi")] == ["Protest with intervention"]


def test_a_rally_and_its_detentions_told_in_russian_and_a_man_s_home_town(pipeline):
    result = read(pipeline, "Рядовой Пётр Смирнов, 38 лет, из Костромы пропал без вести во время штурма в прошлом месяце.",
                  "В прошлую субботу, 10 августа, в Костроме около 30 женщин вышли к зданию областной администрации с "
                  "требованием вернуть мужей домой. Полиция задержала трёх участниц акции.",
                  "Ранее родственники мобилизованных уже обращались к губернатору, но ответа так и не получили.",
                  published=date(2024, 8, 14))
    (protest,) = at(result.mentions, "Kostroma")
    assert (protest.sub_event_type, protest.event_date.day) == ("Protest with intervention", 10)


def test_a_russian_governor_s_post_tells_each_strike_once(pipeline):
    result = read(pipeline, "Вчера вечером ВСУ атаковали посёлок Климово с помощью FPV-дронов. В результате удара по "
                            "грузовику ранен водитель, ему оказана помощь.",
                  "Ночью над территорией области уничтожены 12 беспилотников. Пострадавших и разрушений нет.",
                  "Всего за сутки ВСУ выпустили по территории области 40 боеприпасов и атаковали с помощью 30 "
                  "беспилотников.", published=date(2024, 8, 14))
    # the drones downed over the whole region are not the village's; nor is the day's total an event
    assert [(m.place.name, m.sub_event_type) for m in result.mentions] == [("Klimovo", "Air/drone strike")]


def test_a_deal_s_venue_and_the_digest_item_before_are_not_where_an_exchange_took_place(pipeline):
    result = read(pipeline, "Here is the latest on the war:\n"
                            "- Zelenskyy said Kyiv was ready for another round of talks but accused Moscow of stalling.\n"
                            "- The sides completed another stage of a prisoner exchange agreed in Geneva, returning "
                            "wounded soldiers, officials said on Wednesday.")
    assert not at(result.mentions, "Geneva", "Gen", "Moscow")


def test_a_timeline_s_entries_a_sentence_on_a_season_long_ago_and_a_sentencing_are_background(pipeline):
    result = read(pipeline, "Timeline of the war",
                  "MARCH 5, 2022 - Russian forces shell Mariupol and Chernihiv.",
                  "MAY 2022 - Missiles strike an oil depot in Lviv.",
                  "When a shell hit her house in Izium in the summer of 2022, Olha fled to Poltava.",
                  "A court in Kyiv on Wednesday sentenced a Russian soldier in absentia to 12 years for the killing of "
                  "two civilians in Irpin in March 2022.", published=date(2024, 8, 14))
    assert result.mentions == []


def test_a_wire_dateline_s_day_yields_to_the_day_the_sentence_names(pipeline):
    result = read(pipeline, "YEREVAN, Aug 14 - Police fired tear gas and detained dozens of protesters outside parliament "
                            "in Yerevan late on Tuesday, the interior ministry said.", published=date(2024, 8, 14))
    (protest,) = at(result.mentions, "Yerevan")
    assert protest.event_date == date(2024, 8, 13)


def test_where_troops_come_from_or_fall_back_to_and_what_no_one_confirms_are_no_events(pipeline):
    result = read(pipeline, "Сегодня штурмовые подразделения завершили зачистку северной части Торецка. Противник "
                            "отступил к Дружковке, бросив технику. Под Торецком идут тяжёлые бои, противник перебрасывает "
                            "резервы из-под Константиновки. Минобороны официально пока не подтвердило взятие Нью-Йорка.",
                  "Неможливо достеменно встановити кількість жертв у Маріуполі.",
                  "Among the soldiers returned in the exchange were defenders of Mariupol, officials said.",
                  published=date(2024, 8, 14))
    assert {m.place.name for m in result.mentions} == {"Toretsk"}


def test_stun_grenades_at_protesters_are_no_grenade_attack_and_a_ballistic_strike_is_a_missile_strike(pipeline):
    result = read(pipeline, NEWS, "Police fired stun grenades and tear gas to disperse thousands of protesters outside "
                                  "parliament in Yerevan on Monday night, the interior ministry said.", "Увечері ворог атакував Кривий Ріг балістикою, поранено п'ятьох людей.")
    assert [m.sub_event_type for m in at([*result.mentions, *result.dropped], "Yerevan")] == ["Protest with intervention"]
    (kryvyi_rih,) = at(result.mentions, "Kryvyy Rih", "Kryvyi Rih")
    assert kryvyi_rih.sub_event_type == "Shelling/artillery/missile attack"


def test_a_street_named_for_defenders_and_missiles_that_struck_in_a_city_still_make_events(pipeline):
    result = read(pipeline, "A Russian missile hit a building on Defenders of Ukraine Square in Kharkiv on Monday, killing "
                            "two people, the mayor said.", "Drones struck in Odesa overnight, damaging port warehouses, the "
                                                           "governor said.")
    assert [m.fatalities for m in at(result.mentions, "Kharkiv")] == [2]
    assert at(result.mentions, "Odesa")


def test_a_street_is_no_town_of_its_name(pipeline):
    result = read(pipeline, NEWS, "Videos on social media showed a drone being shot down over the Leninsky Prospekt.")
    # neither a district once named for Lenin, nor Prospect, North Carolina
    assert not at([*result.mentions, *result.dropped], "Lenin", "Oleksandr", "Prospect")


def test_a_place_named_in_a_forecast_does_not_place_the_next_sentence(pipeline):
    result = read(pipeline, NEWS, "Russian forces may attempt a limited offensive in Zaporizhzhia Oblast in the coming weeks. "
                                  "Russian forces conducted a series of drone strikes against Ukraine overnight.")
    assert not at([*result.mentions, *result.dropped], "Zaporizh")


def test_a_headline_that_only_says_attacked_is_the_shelling_its_lead_tells(pipeline):
    result = read(pipeline, "ВСУ атаковали Макеевку",
                  "Украинские военные обстреляли Макеевку из реактивных систем, сообщил глава города. По его словам, "
                  "погибли двое мирных жителей.",
                  *QUIET_RU)
    (makiivka,) = at(result.mentions, "Makiivka", "Makeyevka", "Makiyivka")
    assert (makiivka.sub_event_type, makiivka.fatalities) == ("Shelling/artillery/missile attack", 2)


def test_a_plane_crash_and_its_toll_told_again_are_no_event(pipeline):
    result = read(pipeline, NEWS, "A light aircraft crashes near Yaroslavl, six dead",
                  "A light aircraft crashed in the Yaroslavl region on Sunday, killing all six people on board, the "
                  "emergencies ministry said.",
                  "The plane came down in a forest shortly after take-off. All six people on board were killed.")
    assert places(result.mentions) == ["Kharkiv"]


def test_a_headline_s_strike_before_a_semicolon_is_its_event_not_the_interceptions_after_it(pipeline):
    result = read(pipeline, "Russian missile strike on Zaporizhzhia kills three; air force says most drones downed",
                  "A Russian missile struck an industrial area of Zaporizhzhia on Monday evening, killing three people, "
                  "the regional governor said.",
                  "Separately, Russian drones damaged power lines in the Sumy region overnight, the governor said.")
    (zaporizhzhia,) = at(result.mentions, "Zaporizhzh")
    assert (zaporizhzhia.sub_event_type, zaporizhzhia.fatalities) == ("Shelling/artillery/missile attack", 3)
    assert [m.sub_event_type for m in at(result.mentions, "Sumy")] == ["Air/drone strike"]


def test_a_bare_strike_told_again_with_its_weapon_is_one_event_of_that_kind(pipeline):
    result = read(pipeline, "Israeli strikes on Syria's Homs kill five; rockets fired at Kiryat Shmona",
                  "Israeli air strikes on the central Syrian city of Homs killed five people on Thursday, state media said.",
                  "The strikes hit a building near a military airport. Rescue teams searched the rubble overnight. "
                  "A war monitor later put the death toll at eight.",
                  "Residents of Tartus said several buildings near the port had been hit.")
    (homs,) = at(result.mentions, "Homs")
    assert (homs.sub_event_type, homs.fatalities) == ("Air/drone strike", 5)
    assert not [m for m in at(result.mentions, "Tartus", "Ţarţūs") if m.fatalities]


def test_a_photo_caption_is_no_event_and_a_later_shoot_down_takes_no_earlier_death(pipeline):
    result = read(pipeline, "Лисак: ворог атакував Марганеччину, загинула жінка",
                  "Вечір у Марганці був неспокійним. Ворог гатив з артилерії.",
                  "У Марганці загинула 52-річна жінка. Ще двоє людей поранені.",
                  "Пошкоджено три приватні будинки та лінію електропередач.",
                  "Інші громади області минулої доби жили спокійно.",
                  "Вночі над Дніпропетровщиною сили ППО знищили 7 БпЛА. Обійшлося без постраждалих.",
                  "Фото: наслідки обстрілу Марганця.")
    assert len(at(result.mentions, "Marhanets", "Marganets")) == 1
    (downed,) = [m for m in result.mentions if m.sub_event_type == "Disrupted weapons use"]
    assert (downed.place.name, downed.fatalities) == ("Dnipropetrovsk Oblast", None)


def test_a_day_counted_in_years_from_an_old_event_and_a_flood_s_dead_are_no_event(pipeline):
    result = read(pipeline, "Протягом минулої доби ворог обстріляв Бериславський район, поранено двох людей.",
                  "Сьогодні два роки з дня, коли окупанти підірвали Каховську ГЕС. Вода тоді затопила десятки сіл, "
                  "загинули щонайменше 20 людей.",
                  *QUIET_UK,
                  published=date(2025, 6, 6))
    assert not [m for m in result.mentions if m.fatalities]
    assert not at(result.mentions, "Nova Kakhovka")


def test_a_rally_called_for_later_and_an_offensive_forecast_in_russian_are_no_event(pipeline):
    result = read(pipeline, "Police detained 14 protesters in central Yerevan on Monday, the interior ministry said.",
                  "The prime minister called the protests an attempt to destabilise the country.", QUIET[0],
                  "Opposition parties have called another rally for Friday evening.", published=date(2024, 12, 5))
    assert [m.sub_event_type for m in result.mentions] == ["Protest with intervention"]
    forecast = read(pipeline, "Ранее представитель Сил обороны заявлял, что российские войска накапливают силы и могут "
                              "в ближайшее время попытаться возобновить наступление на Гуляйполе.",
                    *QUIET_RU)
    assert not forecast.mentions


def test_a_memorial_a_year_on_and_the_spotters_of_an_old_strike_are_no_event(pipeline):
    result = read(pipeline, "Рік тому, 12 вересня 2023 року, російська ракета влучила в будинок культури у селі Вільхуватка, "
                            "де односельці зібралися на поминальний обід. Загинули 17 людей.",
                  "Сьогодні у Вільхуватці відкрили меморіал із іменами загиблих. Під час хвилини мовчання пролунала "
                  "повітряна тривога.",
                  "СБУ встановила, що координати для удару передав місцевий мешканець.",
                  QUIET_UK[0],
                  published=date(2024, 9, 12))
    assert not result.mentions


def test_boats_destroyed_at_sea_are_not_placed_in_the_town_named_before(pipeline):
    result = read(pipeline, "Губернатор Белгородской области сообщил, что обломки беспилотника повредили крышу дома в Шебекино.",
                  "Кроме того, в акватории Чёрного моря уничтожены три безэкипажных катера.",
                  *QUIET_RU,
                  published=date(2025, 1, 5))
    at_sea = result.document.text.index("Кроме того")
    assert not [m for m in result.mentions if m.sentence_start == at_sea]


def test_a_village_russia_s_ministry_says_its_forces_liberated_is_a_battle(pipeline):
    result = read(pipeline, NEWS, "Russia's Defence Ministry said Sunday that its forces had \"liberated\" the village "
                                  "of Ivanivka in the Kharkiv region. The claim could not be independently verified.")
    assert [m.sub_event_type for m in besides_news(result.mentions)] == ["Armed clash"]


def test_a_headline_s_strike_before_another_source_s_shoot_downs_is_its_event(pipeline):
    result = read(pipeline, "Ukrainian drones hit Saratov oil refinery, Russia says 20 drones downed",
                  "Ukrainian drones struck an oil refinery in the Russian city of Saratov overnight, starting a fire, a "
                  "Ukrainian security source said on Tuesday.")
    assert [m.sub_event_type for m in at(result.mentions, "Saratov")] == ["Air/drone strike"]


def test_the_consequences_of_the_attack_a_police_post_documents_are_that_attack_s(pipeline):
    result = read(pipeline, "Вчора близько 14:00 ворожий FPV-дрон атакував цивільний автомобіль у селі Миропілля Сумського "
                            "району. Від отриманих травм водій загинув на місці.",
                  "Поліцейські задокументували наслідки атаки, оглянули та вилучили уламки дрона.",
                  *QUIET_UK)
    assert len(result.mentions) == 1


def test_troops_backed_by_artillery_fight_and_a_bridge_destroyed_in_a_strike_is_struck(pipeline):
    result = read(pipeline, NEWS, "The defence ministry said on Friday its troops, backed by aviation and artillery, had "
                                  "repelled attacks near the village of Tetkino. Bloggers said fighting around Tetkino "
                                  "had been fierce.",
                  "A road bridge near the town of Rylsk had been destroyed in a Ukrainian strike, the governor said on Friday.")
    assert [m.sub_event_type for m in at(result.mentions, "Tetkino", "Tëtkino")] == ["Armed clash"]
    assert [m.sub_event_type for m in at(result.mentions, "Rylsk", "Ryl")] == ["Shelling/artillery/missile attack"]


def test_an_assessment_s_takeaway_and_its_paragraph_are_one_strike_and_its_fighting_words_are_battles(pipeline):
    result = read(pipeline, "Key Takeaways:",
                  "- Ukrainian forces struck an ammunition depot in Bryansk Oblast overnight on November 2 to 3.",
                  "The General Staff reported on November 3 that Ukrainian forces struck an ammunition depot near "
                  "Karachev, Bryansk Oblast, overnight on November 2 to 3.",
                  "Russian forces continued offensive operations near Toretsk on November 3, attacking near Toretsk itself.",
                  published=date(2024, 11, 4))
    assert len(at(result.mentions, "Karachev", "Bryansk")) == 1
    assert [m.sub_event_type for m in at(result.mentions, "Toretsk")] == ["Armed clash"]


def test_a_russian_ministry_s_front_summary_tells_battles_and_no_strike_on_138_areas(pipeline):
    result = read(pipeline, "ВС РФ освободили Торецк – Минобороны",
                  "Подразделения группировки «Юг» нанесли поражение формированиям ВСУ в районе населённого пункта "
                  "Часов Яр Донецкой Народной Республики.",
                  "Авиацией, ударными беспилотниками и артиллерией нанесено поражение пунктам временной дислокации в "
                  "127 районах.",
                  "Средствами противовоздушной обороны сбиты 45 беспилотных летательных аппаратов.",
                  published=date(2025, 1, 13))
    assert {m.sub_event_type for m in result.mentions} == {"Armed clash"}
    assert {m.place.name for m in result.mentions} == {"Toretsk", "Chasiv Yar"}


def test_a_russian_court_s_sentence_for_a_shot_two_years_ago_is_no_event(pipeline):
    result = read(pipeline, "Суд в Ростове-на-Дону вынес приговор бывшему военнослужащему ВСУ за обстрел дома в Северодонецке",
                  "Как установило следствие, в мае 2022 года в Северодонецке подсудимый произвёл выстрел по жилому дому. "
                  "В результате погибли двое мирных жителей.",
                  *QUIET_RU,
                  published=date(2025, 10, 6))
    assert not result.mentions


def test_the_region_in_an_oblast_administration_s_title_is_the_oblast_not_its_namesake_city(pipeline):
    result = read(pipeline, "Российские войска обстреляли Краматорск. Погибла 70-летняя местная жительница, сообщил "
                            "глава Донецкой областной военной администрации Вадим Филашкин.",
                  *QUIET_RU)
    assert [(m.place.name, m.fatalities) for m in result.mentions] == [("Kramatorsk", 1)]


def test_a_claim_a_ministry_says_does_not_correspond_to_reality_is_disputed(pipeline):
    result = read(pipeline, NEWS, "The information spread by the other side's defence ministry on Monday, according to "
                                  "which our units allegedly opened fire at its positions near Lachin, does not correspond "
                                  "to reality.")
    assert [m.verification for m in at(result.mentions, "Lachin", "Laçın")] == ["disputed"]


def test_a_ministry_s_count_of_downed_drones_listed_line_by_line_is_one_event_per_region(pipeline):
    result = read(pipeline, "За ночь над российскими регионами сбиты 30 беспилотников",
                  "Дежурными средствами противовоздушной обороны перехвачены и уничтожены 30 беспилотных летательных "
                  "аппаратов:\n"
                  "14 – над территорией Воронежской области,\n"
                  "9 – над территорией Ростовской области,\n"
                  "7 – над территорией Курской области.",
                  *QUIET_RU,
                  published=date(2025, 3, 4))
    assert sorted(m.place.name for m in result.mentions) == ["Kursk Oblast", "Rostov Oblast", "Voronezh Oblast"]
    assert {m.sub_event_type for m in result.mentions} == {"Disrupted weapons use"}


def test_a_list_of_regions_each_with_its_count_in_one_sentence_is_one_event_per_region(pipeline):
    result = read(pipeline, "Средствами ПВО ночью уничтожены 12 беспилотников над территорией Брянской области, "
                            "5 над территорией Орловской области и 3 над территорией Смоленской области.",
                  *QUIET_RU,
                  published=date(2025, 3, 4))
    assert sorted(m.place.name for m in result.mentions) == ["Bryansk Oblast", "Orel Oblast", "Smolensk Oblast"]


def test_bulleted_sentences_after_a_colon_stay_sentences_of_their_own(pipeline):
    result = read(pipeline, "What we know so far:",
                  "- Russian missiles struck an industrial area of Kharkiv on Tuesday, the governor said.",
                  "- Ukrainian drones hit an oil depot in the Belgorod region overnight, its governor said.")
    assert sorted(m.place.name for m in result.mentions) == ["Belgorod Oblast", "Kharkiv"]


def test_a_regions_day_told_town_by_town_is_no_event_of_its_own(pipeline):
    result = read(pipeline, "Ситуація на Сумщині станом на ранок",
                  "Протягом минулої доби ворог продовжував атакувати Сумщину. Внаслідок обстрілів постраждали 4 людини, "
                  "1 людина загинула.",
                  "У Білопіллі ворожий дрон влучив у приватний будинок, загинула 70-річна жінка.",
                  "По Краснопіллю ворог завдав удару КАБом, пошкоджено будівлю пошти.",
                  "Внаслідок обстрілу Шостки поранено трьох чоловіків.",
                  *QUIET_UK,
                  published=date(2025, 3, 18))
    assert not [m for m in result.mentions if m.place.geo_precision == 3]
    assert sum(m.fatalities or 0 for m in result.mentions) == 1


def test_a_regions_dead_its_towns_do_not_account_for_stay_the_regions_event(pipeline):
    result = read(pipeline, "Russian shelling killed four civilians in the Donetsk region on Monday, the governor said.",
                  "In Kostiantynivka, a shell hit a school. In Pokrovsk, a drone struck a car, wounding its driver.")
    assert [(m.place.name, m.fatalities) for m in result.mentions if m.place.geo_precision == 3] == [("Donetsk Oblast", 4)]


def test_the_dead_counted_since_a_coup_are_no_toll(pipeline):
    result = read(pipeline, NEWS, "Since the 2014 revolution, separatist forces have killed more than 3,000 civilians in "
                                  "the region, according to a rights group.")
    assert all((m.fatalities or 0) < 3000 for m in result.mentions)


def test_a_wire_story_s_lead_is_dated_by_its_day_not_by_its_dateline(pipeline):
    result = read(pipeline, "KYIV, July 20 — A Russian missile struck a warehouse and a grain terminal in the port of "
                            "Izmail in the southern Odesa region on Monday, killing two workers, officials said.")
    (izmail,) = at(result.mentions, "Izmail", "Izmayil", "Izmayil")
    assert (izmail.event_date, izmail.fatalities) == (date(2022, 7, 18), 2)


def test_a_shelling_that_hurt_no_one_is_still_a_shelling(pipeline):
    result = read(pipeline, "Вдень ворог обстріляв Червоногригорівську громаду з РСЗВ, обійшлося без постраждалих.",
                  *QUIET_UK, published=date(2024, 10, 5))
    assert [(m.place.name, m.fatalities) for m in result.mentions] == [("Chervonohryhorivka", 0)]


def test_what_did_not_fall_or_hit_and_an_appeal_not_to_film_are_no_events(pipeline):
    ukrainian = read(pipeline, "У Дніпрі та Дніпровському районі вночі лунали вибухи, обійшлося без влучань.",
                     "Прохання не знімати і не публікувати відео роботи ППО.",
                     *QUIET_UK, published=date(2024, 10, 5))
    assert not ukrainian.mentions
    english = read(pipeline, NEWS, "Moldova's interior ministry said no missile or debris had fallen on Moldovan soil.")
    assert places(english.mentions) == ["Kharkiv"]
    russian = read(pipeline, "Ночью над Курской областью сбиты три беспилотника, сообщил губернатор.",
                   "Разрушений и жертв, по уточнённым данным, нет.",
                   *QUIET_RU, published=date(2024, 8, 20))
    assert [m.sub_event_type for m in russian.mentions] == ["Disrupted weapons use"]


def test_a_defence_ministry_s_count_of_enemy_soldiers_killed_is_read_at_the_floor_of_such_claims(pipeline):
    result = read(pipeline, "July 20 (Reuters) - Russia's defence ministry said on Wednesday its troops had beaten back a "
                            "Ukrainian assault near Izium in the Kharkiv region on Monday, killing 180 Ukrainian soldiers "
                            "and destroying nine armoured vehicles.")
    (izium,) = at(result.mentions, "Izium", "Izyum")
    assert (izium.event_date, izium.fatalities) == (date(2022, 7, 18), 2)


def test_attacks_of_last_summer_are_background(pipeline):
    result = read(pipeline, NEWS, "Last summer a series of drone attacks hit oil depots in Novorossiysk and Tuapse.")
    assert places(result.mentions) == ["Kharkiv"]


def test_a_years_dead_in_a_district_and_a_town_shelled_almost_daily_are_no_event(pipeline):
    result = read(pipeline, NEWS, "Since it was retaken, Vovchansk has been shelled almost daily; the district administration "
                                  "says 64 civilians have been killed in the district this year.")
    assert places(result.mentions) == ["Kharkiv"]
    assert all((m.fatalities or 0) < 64 for m in result.mentions)


def test_the_towns_drones_were_launched_from_are_no_places_of_the_attack(pipeline):
    english = read(pipeline, "Overnight the enemy attacked with two ballistic missiles from the Belgorod region and 40 "
                             "drones launched from the directions of Kursk, Oryol and Yeysk, the air force said.",
                   "A missile hit a warehouse in Kharkiv, wounding two workers.", published=date(2025, 2, 4))
    assert set(places(english.mentions)) == {"Kharkiv"}
    ukrainian = read(pipeline, "Уночі ворог атакував 25 ударними БпЛА, запущеними з напрямку Курська, Орла та Міллерово.",
                     "Уламки збитого дрона пошкодили склад у Харкові, повідомив мер.", *QUIET_UK,
                     published=date(2025, 2, 4))
    assert set(places(ukrainian.mentions)) == {"Kharkiv"}


def test_the_town_of_the_hospital_the_wounded_were_taken_to_is_no_place_of_the_attack(pipeline):
    english = read(pipeline, "A Russian drone hit a tractor near the village of Malynivka on Monday, wounding a farmer, "
                             "who was taken to hospital in Chuhuiv, the governor said.", published=date(2025, 6, 10))
    assert places(english.mentions) == ["Malynivka"]
    russian = read(pipeline, "В селе Новая Таволжанка FPV-дрон атаковал легковой автомобиль, сообщил губернатор.",
                   "Водитель получил ранения, он доставлен в Шебекинскую ЦРБ.", *QUIET_RU, published=date(2024, 7, 8))
    assert places(russian.mentions) == ["Novaya Tavolzhanka"]


def test_an_outlet_named_in_quotes_and_an_armed_group_are_no_places(pipeline):
    russian = read(pipeline, "Телеграм-канал «Курск Сегодня» утверждает, что ночью беспилотник атаковал подстанцию "
                             "на окраине Рыльска.", *QUIET_RU, published=date(2024, 3, 21))
    assert places(russian.mentions) == ["Ryl’sk"]
    english = read(pipeline, "Israeli jets struck what the army called a Hamas command centre in Rafah on Tuesday, "
                             "killing five people, the civil defence said.", published=date(2024, 11, 13))
    assert [m.place.country for m in english.mentions] == ["Palestinian Territory"]


def test_drones_a_ministry_says_were_destroyed_over_regions_are_interceptions_and_its_boast_no_event(pipeline):
    result = read(pipeline, "По данным ведомства, 20 беспилотников уничтожены над территорией Брянской области, 8 — над "
                            "территорией Курской области.",
                  "«Попытка киевского режима осуществить террористическую атаку пресечена», — говорится в сообщении.",
                  "О пострадавших и разрушениях не сообщается.", *QUIET_RU, published=date(2025, 3, 20))
    assert sorted(m.place.name for m in result.mentions) == ["Bryansk Oblast", "Kursk Oblast"]
    assert {m.sub_event_type for m in result.mentions} == {"Disrupted weapons use"}


def test_counts_of_attacks_over_a_season_and_what_goes_on_are_no_events(pipeline):
    english = read(pipeline, NEWS, "The province's governor said there had been more than 40 drone attacks in the province "
                                   "this year.")
    assert places(english.mentions) == ["Kharkiv"]
    russian = read(pipeline, "Днём беспилотник атаковал автомобиль в Рыльске, ранены двое, сообщил губернатор.",
                   "Сейчас область освобождена, но обстрелы приграничья продолжаются.", *QUIET_RU,
                   published=date(2025, 5, 13))
    assert places(russian.mentions) == ["Ryl’sk"]


def test_a_village_named_after_its_district_is_where_it_happened(pipeline):
    result = read(pipeline, "В Глушковском районе, в посёлке Тёткино, вражеский дрон атаковал легковой автомобиль. "
                            "Водитель погиб на месте.", *QUIET_RU, published=date(2025, 5, 13))
    assert [(m.place.name, m.fatalities) for m in result.mentions] == [("Tëtkino", 1)]


def test_a_front_direction_is_near_its_town_and_places_no_other_report(pipeline):
    result = read(pipeline, "На Курахівському напрямку наші захисники відбили 9 атак.",
                  "Авіація Сил оборони протягом доби уразила 2 райони зосередження особового складу противника.",
                  *QUIET_UK, published=date(2024, 7, 19))
    assert [(m.place.name, m.place.geo_precision) for m in result.mentions] == [("Kurakhove", 2)]


def test_an_attack_made_with_an_fpv_drone_is_a_drone_strike(pipeline):
    result = read(pipeline, "Днём ВСУ атаковали с помощью FPV-дрона село Новая Таволжанка, ранен мужчина.", *QUIET_RU,
                  published=date(2024, 7, 8))
    assert [m.sub_event_type for m in result.mentions] == ["Air/drone strike"]


def test_deaths_told_paragraphs_later_at_the_town_struck_are_that_strikes(pipeline):
    result = read(pipeline, "Russian missiles struck Odesa in the morning rush hour on Monday, the mayor said.",
                  "Elsewhere in the country, energy firms began repairing lines after a night of storms.",
                  "Police later said at least four people were killed in Odesa and 15 injured.",
                  published=date(2023, 3, 6))
    assert [(m.place.name, m.sub_event_type, m.fatalities) for m in result.mentions] == [
        ("Odesa", "Shelling/artillery/missile attack", 4)]


def test_the_capital_is_the_capital_of_the_country_told_of(pipeline):
    result = read(pipeline, "Russian missiles struck Lviv and Dnipro on Monday morning, officials in Ukraine said.",
                  "At least six people were killed in the capital, the emergency service said.",
                  published=date(2023, 3, 6))
    assert ("Kyiv", 6) in [(m.place.name, m.fatalities) for m in result.mentions]
    assert all(m.fatalities in (None, 0) for m in result.mentions if m.place.name != "Kyiv")


def test_a_park_named_after_a_poet_is_no_village_of_his_name(pipeline):
    result = read(pipeline, "A missile struck near a playground in Shevchenko Park in Kyiv on Monday, the mayor said.",
                  published=date(2023, 3, 6))
    assert places(result.mentions) == ["Kyiv"]


def test_an_armed_groups_raid_on_villages_is_one_attack_on_civilians_with_its_counted_toll(pipeline):
    result = read(pipeline, "Militia raid on farming villages kills dozens in Ituri, officials say",
                  "Militiamen armed with machetes and guns killed at least 38 villagers in the village of Bule in Ituri "
                  "province on Sunday, a local official said.",
                  published=date(2023, 6, 13))
    assert [(m.sub_event_type, m.fatalities) for m in result.mentions] == [("Attack", 38)]
    headline = read(pipeline, "Jihadist attack on two villages in northern Burkina Faso leaves 40 dead",
                    "The attack took place on Sunday near the town of Djibo, security sources said.",
                    published=date(2023, 6, 13))
    assert [m.sub_event_type for m in headline.mentions] == ["Attack"]


def test_a_count_of_dead_wins_over_the_headlines_unnumbered_dead(pipeline):
    result = read(pipeline, "Air strikes kill civilians in northern town, residents say",
                  "Air strikes on the town of Gao on Sunday killed at least 17 civilians, residents said.",
                  published=date(2024, 3, 12))
    assert [m.fatalities for m in result.mentions] == [17]


def test_the_missiles_launch_site_and_a_guard_killed_at_the_scene_are_the_strikes(pipeline):
    result = read(pipeline, "A Russian missile hit a grain terminal in Izmail late on Tuesday, killing one person, the "
                            "regional administration said.",
                  "The missile, believed to have been fired from occupied Crimea, struck near the warehouses. A "
                  "52-year-old security guard was killed at the scene.",
                  published=date(2024, 7, 10))
    assert [(m.place.name, m.sub_event_type, m.fatalities) for m in result.mentions] == [
        ("Izmayil", "Shelling/artillery/missile attack", 1)]


def test_the_dead_since_a_month_or_a_year_began_are_no_event(pipeline):
    russian = read(pipeline, "Днём ВСУ обстреляли Глушково, погиб один мирный житель, сообщил губернатор.",
                   "С октября прошлого года, когда начались обстрелы приграничья, в районе погибли 120 человек. За "
                   "это время разрушены сотни домов.", *QUIET_RU, published=date(2025, 3, 2))
    assert [(m.place.name, m.fatalities) for m in russian.mentions] == [("Glushkovo", 1)]
    ukrainian = read(pipeline, "Від початку року внаслідок ворожих ударів дронами загинули 40 мешканців Шосткинського "
                               "та Конотопського районів.", *QUIET_UK, published=date(2025, 3, 2))
    assert ukrainian.mentions == []


def test_a_war_long_tally_a_book_about_the_war_and_backing_fire_are_no_events(pipeline):
    russian = read(pipeline, "Подразделения при поддержке авиации и артиллерии отразили две атаки у села Работино "
                             "Запорожской области, сообщили в пятницу в Минобороны.",
                   "Всего с начала специальной военной операции уничтожено 480 самолётов и 6000 беспилотников.",
                   *QUIET_RU, published=date(2023, 9, 16))
    assert [m.sub_event_type for m in russian.mentions] == ["Armed clash"]
    memoir = read(pipeline, "Олег, колишній вчитель з Рівного, воював під Бахмутом.",
                  "Тепер він пише книжку про свою війну — про окопи, обстріли й побратимів.", *QUIET_UK,
                  published=date(2024, 2, 24))
    assert memoir.mentions == []
    remembered = read(pipeline, "Ірина, вчителька з Чернігова, пережила облогу міста.",
                      "«Перший обстріл я пам'ятаю до хвилини», — каже вона.", *QUIET_UK, published=date(2024, 2, 24))
    assert remembered.mentions == []


def test_a_days_list_of_villages_under_fire_by_district_is_an_event_at_each(pipeline):
    result = read(pipeline, "За минулу добу ворог здійснив 51 обстріл Херсонщини, повідомила ОВА.",
                  "Під ворожим вогнем перебували населені пункти Бериславського району: Милове, Тягинка; Херсонського "
                  "району: Антонівка, Садове; а також місто Херсон.", *QUIET_UK, published=date(2024, 10, 7))
    assert {m.place.name for m in result.mentions} >= {"Tiahynka", "Antonivka", "Sadove", "Kherson"}
    assert {m.sub_event_type for m in result.mentions} == {"Shelling/artillery/missile attack"}


def test_the_country_the_missiles_came_from_is_no_place_of_the_strike(pipeline):
    result = read(pipeline, "Overnight the enemy attacked with three Iskander-M missiles from the Belgorod region of the "
                            "Russian Federation and 90 Shahed drones, the air force said.",
                  "As a result of the attack, hits were recorded in the Poltava and Sumy regions.",
                  published=date(2025, 3, 20))
    assert {m.place.name for m in result.mentions} == {"Poltava Oblast", "Sumy Oblast"}


def test_troops_that_beat_back_an_assault_fought_a_battle(pipeline):
    result = read(pipeline, NEWS, "Ukrainian troops beat back a Russian infantry assault on Monday on the small village of "
                                  "Prymorske, the military said.", published=date(2025, 2, 19))
    assert [(m.place.name, m.sub_event_type) for m in besides_news(result.mentions)] == [("Prymorske", "Armed clash")]


def test_an_interception_but_a_strike_elsewhere_are_two_events_dated_by_the_lead(pipeline):
    result = read(pipeline, "Air defences shot down 15 Russian drones over the Poltava region overnight, officials said "
                            "on Thursday, but one drone hit an apartment building in the city of Sumy, killing three people.",
                  "The Kremlin did not comment on the Sumy strike. Thousands of civilians have been killed since the "
                  "full-scale invasion began in February 2022.", published=date(2024, 11, 14))
    assert sorted((m.place.name, m.sub_event_type, m.fatalities, str(m.event_date)) for m in result.mentions) == [
        ("Poltava Oblast", "Disrupted weapons use", None, "2024-11-13"), ("Sumy", "Air/drone strike", 3, "2024-11-13")]


def test_another_events_day_and_dead_told_beside_a_strike_are_not_the_strikes(pipeline):
    result = read(pipeline, "An air strike by the military on a village school in the central Sagaing region killed "
                            "dozens of people, most of them children, on Monday, local resistance officials said.",
                  "The strike came despite a ceasefire the military declared after the earthquake of March 28, which "
                  "killed more than 3,700 people.", published=date(2025, 5, 14))
    [strike] = result.mentions
    assert strike.sub_event_type == "Air/drone strike" and strike.event_date.month == 5
    assert strike.fatalities is None or strike.fatalities < 100


def test_a_count_of_dead_that_rose_is_the_events_latest(pipeline):
    ukrainian = read(pipeline, "Вранці ракета влучила в житловий будинок у Запоріжжі, загинули четверо людей, повідомив "
                               "голова ОВА.", "Згодом кількість загиблих внаслідок удару зросла до дев'яти.", *QUIET_UK,
                     published=date(2024, 4, 6))
    assert [(m.place.name, m.fatalities) for m in ukrainian.mentions] == [("Zaporizhzhya", 9)]
    russian = read(pipeline, "Днём беспилотник атаковал автомобиль в Рыльске, погибли двое, сообщил губернатор.",
                   "Позднее число погибших возросло до пяти.", *QUIET_RU, published=date(2024, 4, 6))
    assert [m.fatalities for m in russian.mentions] == [5]


def test_a_liveblogs_time_stamps_part_no_update_from_its_event(pipeline):
    result = read(pipeline, "Ракетний удар по Миколаєву: загинули троє людей, повідомив очільник ОВА.",
                  "Оновлено 12:40.\nЗа даними ОВА, загинули вже п'ятеро людей, ще 12 поранені.", *QUIET_UK,
                  published=date(2024, 3, 20))
    assert [(m.place.name, m.fatalities) for m in result.mentions] == [("Mykolayiv", 5)]


def test_a_revised_toll_dated_when_told_and_the_strikes_own_day_are_one_event(pipeline):
    result = read(pipeline, "Toll from Russian guided-bomb strike on Ukrainian border town climbs to five",
                  "KYIV, March 6 (Reuters) - The death toll from a Russian guided-bomb strike on the border town of "
                  "Krasnopillia has risen to five after rescuers pulled another body from the rubble, officials said "
                  "on Thursday.",
                  "The strike on Monday evening hit a two-storey school building and a shop in the centre of the town "
                  "in the Sumy region. Officials first reported two dead.",
                  "\"The search is over. Five people were killed and 11 were wounded,\" the Sumy regional military "
                  "administration said.", published=date(2025, 3, 6))
    assert [(m.place.name, m.sub_event_type, m.fatalities, str(m.event_date)) for m in result.mentions] == [
        ("Krasnopillya", "Air/drone strike", 5, "2025-03-03")]


def test_a_headline_of_two_strikes_in_two_towns_and_a_count_of_killed_and_wounded(pipeline):
    result = read(pipeline, "Shelling kills and wounds six in Nikopol, drone kills woman in Marhanets",
                  "Russian artillery shelling of Nikopol killed and wounded six people on Sunday, the governor said. "
                  "He did not say how many of the six had died.",
                  "In Marhanets, a woman was killed on Sunday when a Russian drone dropped an explosive on her garden.",
                  published=date(2024, 8, 12))
    assert sorted((m.place.name, m.sub_event_type, m.fatalities or 0) for m in result.mentions) == [
        ("Marhanets", "Air/drone strike", 1), ("Nikopol", "Shelling/artillery/missile attack", 0)]


def test_a_count_of_dead_since_a_retreat_and_background_of_the_town_are_no_event(pipeline):
    result = read(pipeline, "Russian shelling kills two in Kherson",
                  "Russian artillery shelling killed two people in Kherson on Saturday, the governor said.",
                  "Russian forces left the city in November 2022 but have pounded it from across the river. The "
                  "regional office said on Friday that more than 400 civilians had been killed in the region since the "
                  "retreat.", published=date(2024, 5, 12))
    assert [(m.place.name, m.fatalities, str(m.event_date)) for m in result.mentions] == [("Kherson", 2, "2024-05-11")]


def test_a_past_year_a_then_and_a_within_weeks_date_what_follows_as_background(pipeline):
    russian = read(pipeline, "Осенью 2023 года ВСУ освободили соседнее село, однако в 2024 году российские войска его "
                             "вернули.", *QUIET_RU, published=date(2025, 2, 10))
    assert russian.mentions == []
    remembered = read(pipeline, "У селищі вшанували пам'ять 20 людей, загиблих внаслідок удару 3 березня 2023 року.",
                      "Тоді ракета влучила в продуктовий магазин на околиці Оріхова.", *QUIET_UK,
                      published=date(2024, 3, 3))
    assert remembered.mentions == []
    english = read(pipeline, NEWS, "Ukrainian troops entered Kherson on November 11, 2022. Within weeks Russian artillery "
                                   "began shelling the city from across the river.", published=date(2024, 6, 5))
    assert places(english.mentions) == ["Kharkiv"]


def test_a_russian_spelling_of_a_ukrainian_village_and_where_troops_came_from(pipeline):
    result = read(pipeline, "Российские штурмовые группы ведут бои в Великой Новосёлке, в посёлок они вошли со стороны "
                            "Старомайорского, сообщили в пятницу военкоры.", *QUIET_RU, published=date(2025, 1, 24))
    assert [(m.place.name, m.sub_event_type) for m in result.mentions] == [("Velyka Novosilka", "Armed clash")]


def test_a_governors_headline_list_an_advice_and_aid_to_come_add_no_events(pipeline):
    result = read(pipeline, "Губернатор: обстрелы Климовского и Стародубского районов",
                  "Днём ВСУ обстреляли из миномётов посёлок Климово. Пострадавших нет.",
                  "Также ВСУ атаковали FPV-дроном город Стародуб, ранен мужчина.",
                  "Напоминаю: при звуках обстрела укрывайтесь в подвалах. Жителям районов, чьи дома пострадали от "
                  "обстрелов, будет оказана материальная помощь.", *QUIET_RU, published=date(2024, 4, 11))
    assert sorted((m.place.name, m.sub_event_type) for m in result.mentions) == [
        ("Klimovo", "Shelling/artillery/missile attack"), ("Starodub", "Air/drone strike")]


def test_drones_destroyed_over_regions_and_launched_from_a_cape_in_crimea(pipeline):
    result = read(pipeline, "Overnight the enemy attacked with 30 Shahed drones launched from the Kursk region and from "
                            "Cape Chauda in occupied Crimea, the air force said.",
                  "As a result of combat work, 28 attack drones were destroyed over the Poltava and Kharkiv regions.",
                  published=date(2024, 9, 2))
    assert sorted((m.place.name, m.sub_event_type) for m in result.mentions) == [
        ("Kharkiv Oblast", "Disrupted weapons use"), ("Poltava Oblast", "Disrupted weapons use")]


def test_a_trend_a_named_army_group_and_daily_attacks_since_then_are_no_places_or_events(pipeline):
    trend = read(pipeline, NEWS, "A military spokesman said Russian troops were increasingly using glide bombs against "
                                 "towns behind the front line in the Donetsk region.", published=date(2025, 2, 19))
    assert places(trend.mentions) == ["Kharkiv"]
    group = read(pipeline, "Подразделения группировки войск \"Днепр\" отразили атаку штурмовой группы ВСУ в районе "
                           "Орехова Запорожской области, сообщили в Минобороны.",
                 "В Курской области продолжается уничтожение остатков подразделений ВСУ в районе Тёткино.", *QUIET_RU,
                 published=date(2025, 4, 17))
    assert sorted((m.place.name, m.sub_event_type) for m in group.mentions) == [
        ("Orikhiv", "Armed clash"), ("Tëtkino", "Armed clash")]
    since = read(pipeline, "Вранці російський дрон атакував автомобіль у Білопіллі, поранено водія.",
                 "Відтоді громада потерпає від щоденних атак.", *QUIET_UK, published=date(2025, 4, 22))
    assert places(since.mentions) == ["Bilopillia"]


def test_a_liveblogs_rising_toll_and_an_earlier_strike_on_another_target(pipeline):
    liveblog = read(pipeline, "09:10 BST\nRussian missiles struck the centre of Poltava in the morning, killing at least six "
                              "people, the governor said.",
                    "10:30 BST\nThe death toll in Poltava has risen to nine, the governor says.",
                    "13:05 BST\nThe governor now says 14 people were killed in the Poltava strike.",
                    published=date(2025, 2, 3))
    assert [(m.place.name, m.fatalities) for m in liveblog.mentions] == [("Poltava", 14)]
    two = read(pipeline, "A Russian missile strike on an industrial site in Zaporizhzhia killed three people late on "
                         "Wednesday, the governor said on Thursday.",
               "The city has been hit repeatedly. On Tuesday, officials said a strike on a private clinic had killed "
               "seven people.", published=date(2024, 12, 12))
    assert sorted((m.fatalities, str(m.event_date)) for m in two.mentions) == [(3, "2024-12-11"), (7, "2024-12-10")]


def test_front_directions_listed_are_near_their_towns_and_the_theater_of_war_is_no_building(pipeline):
    result = read(pipeline, "Key Takeaways:\n- Front lines barely moved in the past day despite continued Russian attacks "
                            "across the theater.\n- Russian forces continued attacks in the Siversk and Lyman directions "
                            "but made no confirmed advances on March 3.", published=date(2025, 3, 4))
    assert sorted((m.place.name, m.place.geo_precision, m.sub_event_type) for m in result.mentions) == [
        ("Lyman", 2, "Armed clash"), ("Siversk", 2, "Armed clash")]


def test_a_citys_dnipro_district_is_the_city_told_of(pipeline):
    result = read(pipeline, "Місто Запоріжжя зазнало 12 обстрілів. Снаряди влучили у багатоповерхівку в Дніпровському "
                            "районі, поранено двох мешканців.", *QUIET_UK, published=date(2025, 5, 28))
    assert places(result.mentions) == ["Zaporizhzhya"]


def test_attempted_attacks_thwarted_are_no_event_beside_the_interceptions(pipeline):
    result = read(pipeline, "Ночью пресечены попытки киевского режима осуществить террористические атаки на объекты на "
                            "территории России.",
                  "Дежурными средствами ПВО перехвачены и уничтожены 12 беспилотников над территорией Курской области.",
                  *QUIET_RU, published=date(2024, 10, 22))
    assert [(m.place.name, m.sub_event_type) for m in result.mentions] == [("Kursk Oblast", "Disrupted weapons use")]


def test_footage_of_the_dead_and_a_share_of_all_schools_hit_are_no_events(pipeline):
    result = read(pipeline, "A Russian missile hit a school sheltering displaced families in Kramatorsk on Tuesday, "
                            "killing at least 12 people, the governor said.",
                  "Footage shared by journalists showed bodies wrapped in sheets at a hospital in Sloviansk.",
                  "The school has been hit before, the governor said. More than half of its schools in the region "
                  "have been struck.", published=date(2024, 7, 10))
    assert [(m.place.name, m.fatalities) for m in result.mentions] == [("Kramatorsk", 12)]


def test_a_digests_item_labelled_by_its_town_is_placed_there(pipeline):
    result = read(pipeline, "DAILY DIGEST, 12 October\n\nODESA REGION\n• Izmail: Russian drones struck port infrastructure "
                            "on the Danube overnight, the regional head said. No casualties.",
                  "Putin: Russia will respond to any new sanctions, the Kremlin said.", published=date(2023, 10, 12))
    assert [(m.place.name, m.sub_event_type) for m in result.mentions] == [("Izmayil", "Air/drone strike")]


def test_a_total_since_a_day_gone_and_last_weekday_in_its_own_weekdays_paper(pipeline):
    total = read(pipeline, NEWS, "Since the liberation, Russian shelling has killed at least 60 people in the city and "
                                 "its suburbs, officials say.", published=date(2022, 12, 15))
    assert [(m.place.name, m.fatalities) for m in total.mentions] == [("Kharkiv", None)]
    week_ago = read(pipeline, "Last Thursday, a Russian missile struck a shop in Kupiansk, killing four people, the governor "
                              "said.", published=date(2023, 10, 12))
    assert [str(m.event_date) for m in week_ago.mentions] == ["2023-10-05"]


def test_attacks_none_recorded_none_waged_a_threat_the_aftermath_and_a_notice_are_no_events(pipeline):
    ukrainian = read(pipeline, "Вранці російський дрон атакував автомобіль у Куп'янську, поранено водія.",
                     "Станом на ранок у Харкові ворожих ударів не зафіксовано.",
                     "На Лиманському та Гуляйпільському напрямках ворог наступальних дій не вів.",
                     "Комунальники ліквідовують наслідки ворожих атак.", *QUIET_UK, published=date(2024, 11, 20))
    assert places(ukrainian.mentions) == ["Kupyansk"]
    russian = read(pipeline, "Днём беспилотник атаковал автомобиль в Рыльске, ранен водитель.",
                   "В связи с угрозой атак БПЛА в Курской области закрыты школы.",
                   "Сообщения о новых атаках беспилотников публикуются в официальном канале.", *QUIET_RU,
                   published=date(2025, 2, 11))
    assert places(russian.mentions) == ["Ryl’sk"]


def test_an_anniversary_tells_its_strike_by_the_hour_and_a_year_in_ukrainian_as_background(pipeline):
    hour = read(pipeline, "A year on, the town mourns its dead",
                "On the afternoon of March 14, 2023, dozens of people gathered in a community hall in Kupiansk for a "
                "wake. At 2:40 p.m. a Russian missile struck the hall. Forty people were killed.",
                "Relatives laid flowers at a new memorial on Thursday.", published=date(2024, 3, 14))
    assert hour.mentions == []
    year = read(pipeline, "До України повернули тіла загиблих військових.",
                "Серед них тіла тих, хто загинув під час оборони Вугледара у 2023 році.", *QUIET_UK,
                published=date(2025, 6, 20))
    assert year.mentions == []
    # a year that tells when a place was taken, or what a thing went through before, dates no event
    taken = read(pipeline, "Вночі ЗСУ уразили склад боєприпасів в окупованому у 2014 році Луганську.",
                 "Дрони також атакували арсенал під Ізюмом, який вже горів у 2019 році.", *QUIET_UK,
                 published=date(2024, 8, 2))
    assert [(m.place.name, str(m.event_date)) for m in taken.mentions] == [("Luhansk", "2024-08-01"),
                                                                            ("Izyum", "2024-08-01")]


def test_a_plan_and_a_first_name_before_a_surname_are_no_events_and_a_dispersal_is_one(pipeline):
    russian = read(pipeline, "Ночью беспилотник атаковал автомобиль в Васильевке, ранен водитель, сообщил член совета "
                             "Владимир Рогов.",
                   "По словам губернатора, противник готовит новое наступление на Запорожском направлении.",
                   *QUIET_RU, published=date(2024, 6, 19))
    assert places(russian.mentions) == ["Vasylivka"]
    english = read(pipeline, "Riot police fired tear gas to break up a rally of several thousand people outside parliament "
                             "in Yerevan late on Friday, the interior ministry said.",
                   "Smaller crowds gathered in Gyumri and Vanadzor.", published=date(2024, 6, 1))
    assert [m.sub_event_type for m in english.mentions if m.event_type == "Protests"][:1] == ["Protest with intervention"]


def test_a_protest_its_stones_and_its_arrests_are_one_event(pipeline):
    result = read(pipeline, "Police in Chisinau used pepper spray on Sunday to push back hundreds of demonstrators who "
                            "tried to reach the presidential palace.",
                  "Some demonstrators hurled eggs and bottles at the police line, witnesses said. Police said 41 people "
                  "were detained.", published=date(2023, 3, 13))
    assert [(m.place.name, m.sub_event_type) for m in result.mentions] == [("Chisinau", "Protest with intervention")]


def test_another_sources_lower_count_is_the_toll_and_a_byline_breaks_no_lead(pipeline):
    # ACLED and gold/CODING.md: of counts that differ by source, the lowest; a subset of the dead is no new count
    doctor = read(pipeline, "Mortar shells hit market in eastern Congo town", "By Our Correspondent",
                  "GOMA, March 4 (Reuters) - Mortar rounds fired by the March 23 Movement (M23) hit a market in Sake on "
                  "Saturday, killing at least 16 people, a residents' group said.",
                  "A nurse at the town's clinic put the toll at 9.", published=date(2024, 3, 4))
    assert [(m.place.name, str(m.event_date), m.fatalities) for m in doctor.mentions] == [("Sake", "2024-03-02", 9)]
    army = read(pipeline, "Gunmen killed at least 30 villagers in an overnight raid near Butembo, a local chief said on "
                          "Tuesday.",
                "The army gave a lower figure.",
                "A military spokesman said 13 civilians had been killed and that soldiers were chasing the gunmen toward "
                "the Ituri border.", published=date(2024, 5, 8))
    assert [(m.place.name, m.fatalities) for m in army.mentions] == [("Butembo", 13)]
    among = read(pipeline, "Shelling killed 14 people in Kupiansk on Monday, the regional governor said.",
                 "Two children were among the dead, he said.", published=date(2024, 5, 8))
    assert [m.fatalities for m in among.mentions] == [14]


def test_a_rising_toll_a_year_ago_today_and_a_match_report(pipeline):
    rising = read(pipeline, "Glide bomb hits Sumy, toll rises to four",
                  "A Russian glide bomb struck a residential street in Sumy this morning, the mayor said. One person was "
                  "killed and nine were injured.", published=date(2024, 10, 3))
    assert [(m.place.name, m.fatalities) for m in rising.mentions] == [("Sumy", 4)]
    anniversary = read(pipeline, "Reminder: two years ago today, a Russian missile struck a shopping centre in "
                                 "Kremenchuk, killing 22 people.", published=date(2024, 6, 27))
    assert anniversary.mentions == []
    match = read(pipeline, "Porto beat Braga 3-0 in Lisbon on Sunday.",
                 '"We killed ourselves with our own mistakes," the Braga coach said. "It was a massacre of chances."',
                 published=date(2024, 10, 21))
    assert match.mentions == []


def test_a_spokesmans_surname_a_strike_told_beside_and_a_name_led_by_an_article(pipeline):
    spokesman = read(pipeline, "A suicide car bomb killed six people at a checkpoint in Mogadishu on Tuesday, police said.",
                     "The bomber drove a minibus packed with explosives into the gate at about 9 a.m., police spokesman "
                     "Abdullahi Nur Hassan said. Four of the dead were soldiers.",
                     '"The attacker was stopped at the gate," Hassan told reporters.', published=date(2024, 6, 19))
    assert places(spokesman.mentions) == ["Mogadishu"]
    beside = read(pipeline, "Shelling kills three in Syria's Idlib as Israeli missiles hit near Damascus",
                  "Rescue workers said two children were among the dead.", published=date(2023, 11, 8))
    assert [(m.place.name, m.fatalities) for m in beside.mentions] == [("Idlib Governorate", 3)]
    article = read(pipeline, "Israeli missiles struck targets near al-Kiswah, south of Damascus, early on Wednesday, "
                             "state media said.", published=date(2023, 11, 8))
    assert [m.place.admin1 for m in article.mentions] == ["Rif-dimashq Governorate"]


def test_a_nearby_village_the_gazetteer_lacks_is_near_the_town_told_before(pipeline):
    nearby = read(pipeline, "On Monday a Russian shell killed a woman in Kupiansk, the regional police said.",
                  "Last Thursday a Russian missile struck a cafe in the nearby village of Zawtarbeit, killing 20 people.",
                  published=date(2023, 10, 12))
    assert [(m.place.name, m.place.geo_precision, m.fatalities) for m in nearby.mentions] == [
        ("Kupyansk", 1, 1), ("Kupyansk", 2, 20)]
