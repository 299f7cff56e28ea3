"""Reports of one event from many sources, end to end through the real pipeline, gazetteer and SQLite store:
merging, counting independent sources, the range of tolls, and the verification status of each event."""

from datetime import date

import pytest

from sitrep.jobs import IngestSummary, ingest_documents, merge_new_mentions
from sitrep.model import Document
from sitrep.pipeline import Pipeline
from sitrep.show import explain_event, explain_merge
from sitrep.store import Store

DEC31, JAN1 = date(2024, 12, 31), date(2025, 1, 1)
GOVERNOR_POST = (
    "A Ukrainian drone attack targeted a fuel depot in Yartsevo in the Smolensk region overnight on December 31, "
    "district head Roman Zakharov said on Telegram. Two people were killed."
)
# One strike, five sources: an official, an outlet reprinting him, the perpetrator's claim, a denial, and a
# report with a higher toll; then an undated channel post that can join only by place and type.
ONE_STRIKE = [
    Document("governor", GOVERNOR_POST, DEC31, "Smolensk district channel"),
    Document("reprint", GOVERNOR_POST.replace("were killed.", "were killed, he added."), DEC31, "Regional News Agency"),
    Document("gur", "Ukraine's military intelligence agency claimed responsibility for the drone strike on the fuel "
             "depot in Yartsevo, Smolensk region, on December 31.", DEC31, "Kyiv Independent"),
    Document("denial", "The Russian Defence Ministry denied that a drone strike hit the fuel depot in Yartsevo in the "
             "Smolensk region on December 31.", JAN1, "TASS"),
    Document("toll", "Three people were killed when Ukrainian drones struck a fuel depot in Yartsevo, Smolensk region, "
             "on December 31, a local official said.", JAN1, "Reuters"),
]
UNDATED = Document("undated", "A drone hit the fuel depot in Yartsevo, Smolensk region. The claims have not been "
                   "verified.", None, "A monitoring channel")
# Two strikes on one day in neighbouring villages of one district: two events.
TWO_VILLAGES = [
    Document("tetkino", "A Ukrainian drone struck a house in Tetkino in the Kursk region on December 31, the governor "
             "said.", DEC31, "Outlet A"),
    Document("glushkovo", "A Ukrainian drone struck a house in Glushkovo in the Kursk region on December 31, the "
             "governor said.", DEC31, "Outlet B"),
]


@pytest.fixture(scope="module")
def pipeline(embedded_gazetteer_path):
    from sitrep.geo import Gazetteer

    return Pipeline(Gazetteer.open(embedded_gazetteer_path, progress=False))


@pytest.fixture
def store():
    with Store.open(":memory:") as store:
        yield store


def ingest(store, pipeline, documents):
    ingest_documents(documents, store, pipeline, IngestSummary())
    merge_new_mentions(store)
    return list(store.events())


def event_of(events, document_id):
    (event,) = [e for e in events if document_id in e.document_ids]
    return event


def test_one_strike_from_five_sources_is_one_disputed_event_with_four_independent_sources(store, pipeline):
    events = ingest(store, pipeline, ONE_STRIKE)
    event = event_of(events, "governor")
    assert set(event.document_ids) == {d.id for d in ONE_STRIKE}
    assert event.place.name == "Yartsevo" and event.event_date == DEC31
    assert event.source_count == 4  # the reprint counts with the post it copies
    assert (event.first_reported, event.last_reported) == (DEC31, JAN1)
    assert event.verification == "disputed"  # the ministry denies it
    stances = {c.stance for m in event.mentions for c in m.claims}
    assert {"claims responsibility", "denies"} <= stances
    assert (event.fatalities, event.fatalities_low, event.fatalities_high) == (2, 2, 3)
    assert "document toll" in event.fatalities_high_source
    assert len(event.merge_notes) == 4 and all("Yartsevo" in note for note in event.merge_notes)


def test_an_undated_report_joins_by_place_and_type_and_re_ingesting_changes_nothing(store, pipeline):
    ingest(store, pipeline, ONE_STRIKE)
    events = ingest(store, pipeline, [UNDATED])
    event = event_of(events, "governor")
    assert "undated" in event.document_ids
    before = [(e.id, e.document_ids) for e in store.events()]
    ingest(store, pipeline, ONE_STRIKE + [UNDATED])
    assert [(e.id, e.document_ids) for e in store.events()] == before


def test_two_strikes_on_one_day_in_neighbouring_villages_stay_apart(store, pipeline):
    events = ingest(store, pipeline, TWO_VILLAGES)
    assert len(events) == 2
    tetkino, glushkovo = event_of(events, "tetkino"), event_of(events, "glushkovo")
    assert tetkino.id != glushkovo.id
    assert "not one event" in explain_merge(tetkino, glushkovo)
    assert all(e.verification == "reported" and e.source_count == 1 for e in events)


def test_the_status_follows_the_claims(store, pipeline):
    claim_only = Document("claim", "Ukraine's military intelligence agency claimed responsibility for a drone strike "
                          "on an oil depot in Bryansk on December 31.", DEC31, "Kyiv Independent")
    events = ingest(store, pipeline, [claim_only])
    assert event_of(events, "claim").verification == "claimed"
    both_sides = Document("target-side", "A drone attack hit an oil depot in Bryansk on December 31, the regional "
                          "governor said on Telegram.", DEC31, "RIA")
    events = ingest(store, pipeline, [both_sides])
    event = event_of(events, "claim")
    assert event.document_ids == ("claim", "target-side")
    assert event.verification == "confirmed"  # the perpetrator claims it and the target side reports it
    unverified = ingest(store, pipeline, [UNDATED])
    assert event_of(unverified, "undated").verification == "unverified"


def test_show_explains_every_merge(store, pipeline):
    event = event_of(ingest(store, pipeline, ONE_STRIKE), "governor")
    shown = explain_event(event, store.document)
    assert "4 independent sources" in shown and "toll range:   2" in shown
    assert "Ukraine: claims responsibility" in shown and "Russia: denies" in shown
    assert shown.count("joined:") == 4


def test_a_revised_death_toll_is_the_events_toll(store, pipeline):
    """The first reports of a strike count the dead found so far; a later "death toll rose to" replaces them
    (the most conservative figure is for sources that disagree, not for counts that grew)."""
    first = Document("first", "A Russian missile hit an apartment block in Kramatorsk on December 31, killing "
                     "three people, the mayor said.", DEC31, "Outlet A")
    later = Document("later", "The death toll from the Russian missile strike on an apartment block in Kramatorsk "
                     "on December 31 rose to 11, the mayor said.", JAN1, "Outlet B")
    event = event_of(ingest(store, pipeline, [first, later]), "first")
    assert set(event.document_ids) == {"first", "later"}
    assert (event.fatalities, event.fatalities_low, event.fatalities_high) == (11, 3, 11)
