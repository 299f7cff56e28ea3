"""Assembly of mentions from sentences, on hand-made places (no gazetteer needed)."""

from dataclasses import replace
from datetime import date

from sitrep.clean import segment
from sitrep.extractors.mentions import extract_mentions
from sitrep.model import Document, Place


def place_at(text, words, name, admin1, geonameid, precision=1, iso="RU", country="Russia", code="PPL"):
    start = text.index(words)
    feature_class = "A" if code.startswith(("PCL", "ADM")) else "P"
    return Place(name, country, iso, admin1, None, 50.0, 36.0, geonameid, feature_class, code, precision, start,
                 start + len(words))


def run(text, places, published=date(2024, 5, 10)):
    document = Document("d", text, published=published)
    return extract_mentions(document, segment(text), places)


def test_a_back_reference_continues_the_report_before_it():
    text = ("A drone attack hit an oil depot in Russia on Thursday. "
            "The attack caused a fire in Yartsevo, the governor said on Telegram. "
            "His claims have not been verified.")
    places = [place_at(text, "Russia", "Russia", None, 2017370, 3, code="PCLI"),
              place_at(text, "Yartsevo", "Yartsevo", "Smolensk Oblast", 468866)]
    (mention,) = run(text, places)
    assert mention.sub_event_type == "Air/drone strike"
    assert mention.place.name == "Yartsevo"
    assert mention.event_date == date(2024, 5, 9)
    assert mention.verification == "unverified"
    assert mention.claim.claimant == "the governor" and mention.claim.channel == "telegram"
    assert mention.evidence["location"].quote == "Yartsevo"


def test_strikes_in_two_towns_are_two_mentions():
    text = "Russian missiles struck Kharkiv on Monday. Separately, Russian missiles struck Odesa on Monday."
    places = [place_at(text, "Kharkiv", "Kharkiv", "Kharkiv Oblast", 1, iso="UA", country="Ukraine"),
              place_at(text, "Odesa", "Odesa", "Odesa Oblast", 2, iso="UA", country="Ukraine")]
    mentions = run(text, places)
    assert [m.place.name for m in mentions] == ["Kharkiv", "Odesa"]
    assert all(m.actor1 == "Military Forces of Russia (2000-)" for m in mentions)


def test_an_undated_document_gets_no_date():
    (mention,) = run("Shelling hit a school in the city on Tuesday.", [], published=None)
    assert mention.event_date is None and mention.time_precision is None


def test_no_casualties_is_zero_and_unknown_is_none():
    (zero,) = run("A drone struck a power station, and there were no casualties.", [])
    (unknown,) = run("A drone struck a power station.", [])
    assert zero.fatalities == 0 and unknown.fatalities is None


def test_a_denial_disputes_the_report():
    text = "Ukraine said its drones struck an airfield. The Russian defence ministry denied the attack."
    (mention,) = run(text, [])
    assert mention.verification == "disputed"


def test_a_capital_credited_at_the_end_of_a_headline_is_the_speaker_not_the_place():
    text = "Two Ukrainian soldiers die in renewed fighting near Slavyansk: Kiev"
    places = [place_at(text, "Slavyansk", "Slovyansk", "Donetsk Oblast", 1, 2, "UA", "Ukraine"),
              replace(place_at(text, "Kiev", "Kyiv", "Kyiv City", 2, 1, "UA", "Ukraine"), feature_code="PPLC")]
    (mention,) = run(text, places)
    assert mention.place.name == "Slovyansk"


def test_every_word_that_names_the_event_is_kept_as_a_reference():
    text = ("A bomb exploded outside a bakery in Lyon on Friday, wounding 13 people. "
            "Police said no group had claimed the blast. "
            "Witnesses said there was an explosion and then screaming.")
    places = [place_at(text, "Lyon", "Lyon", "Auvergne-Rhone-Alpes", 2996944, iso="FR", country="France")]
    (mention,) = run(text, places)
    assert [e.quote for e in mention.references] == ["bomb", "exploded", "blast", "explosion"]
    assert all(text[e.start:e.end] == e.quote for e in mention.references)


def test_actors_are_named_for_the_country_of_the_event():
    text = "Gunmen attacked a police station in Lyon on Friday, wounding two police officers."
    places = [place_at(text, "Lyon", "Lyon", "Auvergne-Rhone-Alpes", 2996944, iso="FR", country="France")]
    (mention,) = run(text, places)
    assert mention.actor1 == "Unidentified Armed Group (France)"
    assert mention.actor2 == "Police Forces of France"
    assert mention.target == "a police station"
    assert mention.evidence["actor1"].quote == "Gunmen"


def test_a_sentence_continues_the_report_last_spoken_of():
    """After "the bombings" took us back to the bombing, the next sentence tells more of the bombing, not of
    the arrests reported in between; and a sentence that only tells more names no sides by their order."""
    text = ("Bombs exploded across Belfast on Friday, killing nine people. "
            "Police arrested ninety people. "
            "The IRA accepted responsibility for the bombings. "
            "It claimed that warnings were given to the police before each explosion.")
    places = [place_at(text, "Belfast", "Belfast", "Northern Ireland", 2655984, iso="GB", country="United Kingdom")]
    bombing = next(m for m in run(text, places) if m.event_type == "Explosions/Remote violence")
    assert [r.quote for r in bombing.references][-1] == "explosion"
    assert bombing.actor1 == "IRA" and bombing.actor2 == "Civilians (United Kingdom)"  # not the police told of


def test_a_place_that_opens_the_text_is_the_place_of_its_report():
    text = "Donetsk republic militiaman killed in shelling by Ukrainian troops - spokesman"
    places = [replace(place_at(text, "Donetsk republic", "Donetsk Oblast", "Donetsk Oblast", 709716, 3, "UA", "Ukraine"),
                      feature_class="A", feature_code="ADM1")]
    (mention,) = run(text, places, published=date(2018, 1, 1))
    assert mention.place.admin1 == "Donetsk Oblast"
