from datetime import date

import pytest

from sitrep.merge import merge_mentions
from sitrep.model import Claim, Document, Evidence, Mention, Place
from sitrep.store import Store, StoreError

PLACE = Place("Yartsevo", "Russia", "RU", "Smolensk Oblast", None, 55.06, 32.69, 468866, "P", "PPL", 2, 10, 18)


def mention(doc_id):
    return Mention(
        doc_id, "Explosions/Remote violence", "Air/drone strike", 0, 40, date(2024, 12, 31), date(2024, 12, 31), 1,
        actor1="Military Forces of Ukraine (2019-)", place=PLACE,
        claims=(Claim("district head", "Russia", "telegram", "reports", "reported", Evidence(0, 5, "head")),),
        evidence={"location": Evidence(10, 18, "Yartsevo")},
    )


@pytest.fixture
def store():
    with Store.open(":memory:") as store:
        yield store


def test_documents_mentions_and_events_round_trip(store):
    document = Document("d1", "A drone hit Yartsevo overnight.", published=date(2024, 12, 31), source="Outlet")
    store.add_document(document, [mention("d1")])
    assert store.has_document(document) and store.document("d1") == document
    (stored,) = store.unassigned_mentions()
    assert stored == mention("d1") and stored.evidence == mention("d1").evidence
    events = merge_mentions(store.unassigned_mentions(), document_sources={"d1": "Outlet"})
    store.save_events(events)
    assert store.unassigned_mentions() == []
    assert store.event(events[0].id) == events[0]
    assert [e.id for e in store.events(country="RU", event_type="Air/drone strike")] == [events[0].id]
    assert list(store.events(since=date(2025, 1, 1))) == []


def test_the_same_text_under_another_id_is_recognised(store):
    store.add_document(Document("d1", "same text"), [])
    assert store.has_document(Document("other", "same text"))
    assert store.document_id_taken(Document("d1", "different text"))


def test_not_a_database_is_a_clear_error(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("this is not sqlite" * 100)
    with pytest.raises(StoreError, match="notes.db"):
        Store.open(bogus)


def test_migrations_are_recorded_once(tmp_path):
    path = tmp_path / "events.db"
    Store.open(path).close()
    with Store.open(path) as store:
        assert store.connection.execute("SELECT name FROM migrations").fetchall() == [("001_initial",), ("002_watch",)]


def test_the_same_words_on_another_day_are_another_report(store):
    store.add_document(Document("d1", "Shelling kills militiaman", published=date(2020, 5, 1)), [])
    assert not store.has_document(Document("d2", "Shelling kills militiaman", published=date(2020, 5, 2)))
    assert store.has_document(Document("d3", "Shelling kills militiaman", published=date(2020, 5, 1)))
