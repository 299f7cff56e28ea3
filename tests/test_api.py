"""The Python API: `sitrep.extract` on one text."""

from datetime import date

import sitrep


def test_extract_one_text(embedded_gazetteer):
    text = ("A Ukrainian drone attack targeted a fuel depot in Yartsevo district of the Smolensk region "
            "overnight on December 31, the district head said on Telegram.")
    (mention,) = sitrep.extract(text, published=date(2024, 12, 31))
    assert mention.sub_event_type == "Air/drone strike"
    assert mention.place.admin1 == "Smolensk Oblast" and mention.place.geo_precision == 2
    assert mention.event_date == date(2024, 12, 31)
    assert mention.claim.channel == "telegram"
    location = mention.evidence["location"]
    assert text[location.start:location.end] == location.quote == "Yartsevo district"


def test_the_geocode_command_prints_places(embedded_gazetteer, capsys):
    from sitrep.cli import main

    assert main(["geocode", "Shelling near Bakhmut in the Donetsk region"]) == 0
    import json

    places = json.loads(capsys.readouterr().out)
    assert places[0]["name"] == "Bakhmut" and places[0]["geo_precision"] == 2
