"""The two articles the project started from, end to end through the real pipeline and gazetteer."""

from datetime import date

import pytest

from sitrep.model import Document
from sitrep.pipeline import Pipeline

from ..conftest import EXAMPLES

STRIKE_ARTICLE = "000_9f7d75213e9a4504"
POWER_ARTICLE = "003_5f76ea1e7cd599c6"


@pytest.fixture(scope="module")
def mentions(embedded_gazetteer_path):
    from sitrep.geo import Gazetteer

    pipeline = Pipeline(Gazetteer.open(embedded_gazetteer_path, progress=False))
    documents = [
        Document(STRIKE_ARTICLE, (EXAMPLES / f"{STRIKE_ARTICLE}.txt").read_text(), published=date(2024, 12, 31)),
        Document(POWER_ARTICLE, (EXAMPLES / f"{POWER_ARTICLE}.txt").read_text()),
    ]
    return {result.document.id: result.mentions for result in pipeline.process(documents)}


def _find(mentions, place_name):
    found = [m for m in mentions if m.place and m.place.name == place_name]
    assert found, f"no mention placed at {place_name}: {[(m.sub_event_type, m.place) for m in mentions]}"
    return found[0]


def _quote(document_id, evidence):
    text = (EXAMPLES / f"{document_id}.txt").read_text()
    return text[evidence.start:evidence.end]


def test_drone_strike_on_fuel_facility_in_yartsevo(mentions):
    m = _find(mentions[STRIKE_ARTICLE], "Yartsevo")
    assert m.sub_event_type == "Air/drone strike"
    assert (m.place.admin1, m.place.iso, m.place.country) == ("Smolensk Oblast", "RU", "Russia")
    assert m.place.geo_precision == 2  # a district named after the town
    assert m.event_date == date(2024, 12, 31) and m.time_precision == 1
    assert m.actor1 == "Military Forces of Ukraine (2019-)"
    assert m.target_class == "fuel"
    assert m.weapon == "drone"
    assert m.verification == "unverified"
    assert any(c.claimant == "Yartsevo district head Roman Zakharov" and c.channel == "telegram" for c in m.claims)
    for name in ("event_type", "event_date", "location", "actor1", "target", "weapon", "verification", "claimant"):
        assert name in m.evidence, name
        assert _quote(STRIKE_ARTICLE, m.evidence[name]) == m.evidence[name].quote


def test_rail_sabotage_in_voskresensk_claimed_by_gur(mentions):
    m = _find(mentions[STRIKE_ARTICLE], "Voskresensk")
    assert m.event_type == "Explosions/Remote violence"
    assert m.place.admin1 == "Moscow Oblast"
    assert m.event_date == date(2024, 12, 27)
    assert m.target_class == "rail"
    main = m.claims[0]
    assert "Defence Intelligence of Ukraine (GUR)" in main.claimant
    assert main.stance == "claims responsibility"
    assert m.verification == "unverified"


def test_drone_attack_on_power_stations_near_belgorod(mentions):
    m = _find(mentions[POWER_ARTICLE], "Belgorod")
    assert m.sub_event_type == "Air/drone strike"
    assert m.place.geo_precision == 2 and m.place.admin1 == "Belgorod Oblast"
    assert m.event_date is None  # the article gives no year and has no publication date
    assert m.fatalities == 0
    assert m.target_class == "power"
    assert m.claims[0].stance == "confirms" and m.claims[0].channel == "telegram"
    assert m.verification == "confirmed"


def test_no_events_from_captions_repeats_or_air_defence_stocktaking(mentions):
    power = mentions[POWER_ARTICLE]
    text = (EXAMPLES / f"{POWER_ARTICLE}.txt").read_text()
    starts = {m.sentence_start for m in power}
    for caption in ("A Ukrainian Su-25 takes flight", "Highly Mobility Rocket System", "Two power stations were attacked"):
        assert text.index(caption) not in starts
    repeated = "Stunning footage captured during the night"
    assert text.index(repeated, text.index(repeated) + 1) not in starts
    assert not [m for m in power if m.place and m.place.name in ("Syria", "Slovakia")]
    assert not [m for m in power if m.sub_event_type == "Disrupted weapons use"]
    assert len([m for m in power if m.place and m.place.admin1 == "Belgorod Oblast"]) == 1
