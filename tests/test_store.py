"""The store, on SQLite and on PostgreSQL alike (the `db_target` fixture gives a fresh database of each)."""

import json
import random
import sqlite3
from dataclasses import replace
from datetime import date, timedelta

import pytest

from sitrep.merge import merge_mentions
from sitrep.model import Claim, Document, Event, Evidence, Mention, Place
from sitrep.store import EventFilter, Store, StoreError
from sitrep.store.db import postgres_sql, redact, split_statements
from sitrep.store.migrations import _001_INITIAL, MIGRATIONS

PLACE = Place("Yartsevo", "Russia", "RU", "Smolensk Oblast", None, 55.06, 32.69, 468866, "P", "PPL", 2, 10, 18)


def mention(doc_id):
    return Mention(
        doc_id, "Explosions/Remote violence", "Air/drone strike", 0, 40, date(2024, 12, 31), date(2024, 12, 31), 1,
        actor1="Military Forces of Ukraine (2019-)", place=PLACE,
        claims=(Claim("district head", "Russia", "telegram", "reports", "reported", Evidence(0, 5, "head")),),
        evidence={"location": Evidence(10, 18, "Yartsevo")},
        references=(Evidence(2, 7, "drone"),),
    )


@pytest.fixture
def store(db_target):
    with Store.open(db_target) as store:
        yield store


def test_documents_mentions_and_events_round_trip(store):
    document = Document("d1", "A drone hit Yartsevo overnight.", published=date(2024, 12, 31), source="Outlet")
    store.add_document(document, [mention("d1")])
    assert store.has_document(document) and store.document("d1") == document
    (stored,) = store.unassigned_mentions()
    assert stored == mention("d1") and stored.evidence == mention("d1").evidence
    assert stored.references == mention("d1").references
    events = merge_mentions(store.unassigned_mentions(), documents=store.document_infos(["d1"]))
    store.save_events(events)
    assert store.unassigned_mentions() == []
    assert store.event(events[0].id) == events[0]
    assert [e.id for e in store.events(country="RU", event_type="Air/drone strike")] == [events[0].id]
    assert list(store.events(since=date(2025, 1, 1))) == []


def test_the_same_text_under_another_id_is_recognised(store):
    store.add_document(Document("d1", "same text"), [])
    assert store.has_document(Document("other", "same text"))
    assert store.document_id_taken(Document("d1", "different text"))


def test_documents_stored_meanwhile_are_left_out_with_their_mentions(store):
    store.add_document(Document("d1", "same text"), [])
    stored = store.add_documents([
        (Document("d2", "same text"), [mention("d2")]),  # its text is stored
        (Document("d1", "another text"), [mention("d1")]),  # its id is taken
        (Document("d3", "new text"), [mention("d3")]),
    ])
    assert stored == [Document("d3", "new text")] and store.unassigned_mentions() == [mention("d3")]
    assert not store.add_document(Document("d4", "new text"), [mention("d4")])


def test_not_a_database_is_a_clear_error(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("this is not sqlite" * 100)
    with pytest.raises(StoreError, match="notes.db"):
        Store.open(bogus)


def test_migrations_are_recorded_once(db_target):
    Store.open(db_target).close()
    with Store.open(db_target) as store:
        assert store.applied_migrations() == sorted(name for name, _ in MIGRATIONS)


def test_an_in_memory_database_works():
    with Store.open(":memory:") as store:
        assert store.dialect == "sqlite" and store.count("events") == 0


def test_an_unreachable_postgresql_is_a_clear_error_without_the_password():
    with pytest.raises(StoreError, match=r"postgresql://someone:\*\*\*@127\.0\.0\.1:1/nowhere\S*: cannot connect to PostgreSQL") as error:
        Store.open("postgresql://someone:secret@127.0.0.1:1/nowhere?connect_timeout=2")
    assert "secret" not in str(error.value)


def test_the_same_words_on_another_day_are_another_report(store):
    store.add_document(Document("d1", "Shelling kills militiaman", published=date(2020, 5, 1)), [])
    assert not store.has_document(Document("d2", "Shelling kills militiaman", published=date(2020, 5, 2)))
    assert store.has_document(Document("d3", "Shelling kills militiaman", published=date(2020, 5, 1)))


def event(event_id, day, lon, lat, sub="Air/drone strike", verification="reported", sources=("Outlet",),
          admin1="Smolensk Oblast", languages=()):
    place = replace(PLACE, longitude=lon, latitude=lat, admin1=admin1)
    return Event(event_id, "Explosions/Remote violence", sub, (), day, day, 1, place=place,
                 verification=verification, sources=sources, languages=languages)


def test_event_pages_filter_and_follow_the_cursor(store):
    store.save_events([
        event("ev-a", date(2024, 1, 1), 30.0, 50.0),
        event("ev-b", date(2024, 1, 2), 31.0, 51.0, sub="Shelling/artillery/missile attack", verification="confirmed"),
        event("ev-c", date(2024, 1, 2), 40.0, 60.0, sources=("Other", "Outlet"), admin1="Kursk Oblast",
              languages=("ru", "uk")),
        event("ev-d", None, 30.5, 50.5, languages=("uk",)),
        event("ev-e", date(2023, 12, 31), -170.0, 10.0, sources=("Other",), languages=("en",)),
    ])
    def ids(rows):
        return [row[1] for row in rows]
    everything = store.event_page(EventFilter())
    assert ids(everything) == ["ev-e", "ev-a", "ev-b", "ev-c", "ev-d"]  # by date, undated last
    first = store.event_page(EventFilter(), limit=2)
    second = store.event_page(EventFilter(), after=first[-1][:2], limit=2)
    third = store.event_page(EventFilter(), after=second[-1][:2], limit=2)
    assert ids(first + second + third) == ids(everything) and len(third) == 1
    assert ids(store.event_page(EventFilter(bbox=(29.0, 49.0, 32.0, 52.0)))) == ["ev-a", "ev-b", "ev-d"]
    assert ids(store.event_page(EventFilter(bbox=(170.0, 0.0, -160.0, 20.0)))) == ["ev-e"]  # across 180°
    assert ids(store.event_page(EventFilter(since=date(2024, 1, 2), until=date(2024, 1, 2)))) == ["ev-b", "ev-c"]
    assert ids(store.event_page(EventFilter(source="Other"))) == ["ev-e", "ev-c"]
    assert ids(store.event_page(EventFilter(admin1="kursk oblast"))) == ["ev-c"]
    assert ids(store.event_page(EventFilter(verification="confirmed"))) == ["ev-b"]
    assert ids(store.event_page(EventFilter(language="uk"))) == ["ev-c", "ev-d"]  # "ru|uk" is reported in uk too
    assert ids(store.event_page(EventFilter(language="ru"))) == ["ev-c"]
    assert ids(store.event_page(EventFilter(language="unknown"))) == []
    assert ids(store.event_page(EventFilter(sub_event_type="Shelling/artillery/missile attack"))) == ["ev-b"]
    assert ids(store.event_page(EventFilter(country="ru", event_type="Explosions/Remote violence"), limit=1)) == ["ev-e"]
    record = json.loads(everything[0][2])
    assert record["id"] == "ev-e" and record["longitude"] == -170.0 and record["sources"] == ["Other"]
    narrowed = store.event_page(EventFilter(), fields=["sources", "longitude", "id", "fatalities", "language"])
    assert [row[:2] for row in narrowed] == [row[:2] for row in everything]
    assert json.loads(narrowed[0][2]) == {"sources": ["Other"], "longitude": -170.0, "id": "ev-e", "fatalities": None, "language": "en"}
    assert [json.loads(row[2]) for row in narrowed] == [
        {name: json.loads(row[2])[name] for name in ("sources", "longitude", "id", "fatalities", "language")} for row in everything
    ]
    for fields in (["id", "record"], ["id'); DROP TABLE events; --"], []):  # named fields of the record only
        with pytest.raises(ValueError):
            store.event_page(EventFilter(), fields=fields)
    # saving again replaces the event, its columns and its sources
    store.save_events([event("ev-e", date(2023, 12, 31), -170.0, 10.0, sources=("Third",))])
    assert ids(store.event_page(EventFilter(source="Other"))) == ["ev-c"]
    assert [e.id for e in store.events(source="Third")] == ["ev-e"]


def test_an_event_that_began_long_before_a_window_and_runs_into_it_is_in_it(store):
    month = replace(event("ev-month", date(2024, 3, 1), 30.0, 50.0), event_date_end=date(2024, 3, 31), time_precision=3)
    store.save_events([month, event("ev-old", date(2024, 2, 1), 30.0, 50.0), event("ev-in", date(2024, 3, 30), 30.0, 50.0)])
    window = EventFilter(since=date(2024, 3, 29), until=date(2024, 4, 2))
    assert [row[1] for row in store.event_page(window)] == ["ev-month", "ev-in"]
    assert [e.id for e in store.events(since=date(2024, 3, 29))] == ["ev-month", "ev-in"]


def test_a_page_gives_the_records_as_stored_utf8(store):
    """The API sends the stored records as they are, so a page gives them as UTF-8 bytes, text beyond ASCII whole."""
    store.save_events([event("ev-a", date(2024, 1, 1), 30.0, 50.0, admin1="Київська область", sources=("Укрінформ ’",))])
    ((_, _, record),) = store.event_page(EventFilter(admin1="Київська область"))
    assert isinstance(record, bytes)
    assert json.loads(record.decode("utf-8"))["admin1"] == "Київська область"
    assert json.loads(record)["sources"] == ["Укрінформ ’"]


def test_windows_page_by_page_are_the_events_that_overlap_them(store):
    """With `since`, a page is read in two parts, the events that began before it and run into it (found by
    the class of their span), then those that begin on or after it: page after page, every event whose days
    overlap the window, in order, whatever the spans, across the two parts and the pages; with an outlet and
    a language (each read from a table of its own) too."""
    rng = random.Random(5)
    spans = [0, 0, 0, 1, 1, 2, 3, 4, 7, 8, 15, 16, 29, 31, 32, 200]
    events = []
    for i in range(300):
        first = date(2024, 1, 1) + timedelta(days=rng.randrange(120))
        events.append(replace(event(f"ev-{i:03d}", first, 30.0, 50.0, sources=(f"Outlet {i % 3}",),
                                    languages=rng.choice([(), ("en",), ("uk",), ("ru", "uk")])),
                              event_date_end=first + timedelta(days=rng.choice(spans))))
    store.save_events([*events, event("ev-undated", None, 30.0, 50.0)])
    for _ in range(40):
        since = rng.choice([None, date(2024, 1, 1) + timedelta(days=rng.randrange(-10, 130))])
        until = rng.choice([None, (since or date(2024, 2, 1)) + timedelta(days=rng.randrange(40))])
        where = EventFilter(since=since, until=until, source=rng.choice([None, "Outlet 1"]), language=rng.choice([None, "uk", "EN"]))
        expected = sorted((e.event_date.isoformat(), e.id) for e in events
                          if (since is None or e.event_date_end >= since) and (until is None or e.event_date <= until)
                          and where.source in (None, *e.sources) and (where.language or "").lower() in ("", *e.languages))
        if where == EventFilter(source=where.source):  # no dates, no language: the undated one (of "Outlet") last
            expected += [("9999-99-99", "ev-undated")] if where.source is None else []
        pages, after = [], None
        while page := store.event_page(where, after=after, limit=rng.choice([1, 7, 50])):
            pages += [row[:2] for row in page]
            after = page[-1][:2]
        assert pages == expected, (since, until)
        listed = store.events(since=since, until=until, source=where.source, language=where.language)
        assert [(e.event_date.isoformat() if e.event_date else "9999-99-99", e.id) for e in listed] == expected


def test_a_country_region_or_type_is_found_in_any_case(store):
    store.save_events([event("ev-a", date(2024, 1, 1), 30.0, 50.0), event("ev-b", date(2024, 1, 2), 31.0, 51.0)])
    for country in ("Russia", "RUSSIA", "ru", "RU"):
        assert [row[1] for row in store.event_page(EventFilter(country=country))] == ["ev-a", "ev-b"]
    assert store.event_page(EventFilter(country="France")) == [] and store.event_page(EventFilter(country="fr")) == []
    assert [row[1] for row in store.event_page(EventFilter(admin1="SMOLENSK oblast"))] == ["ev-a", "ev-b"]
    assert store.event_page(EventFilter(admin1="Lviv Oblast")) == []
    for kind in ("explosions/remote violence", "AIR/DRONE STRIKE"):  # a type or a sub-type
        assert [row[1] for row in store.event_page(EventFilter(event_type=kind))] == ["ev-a", "ev-b"]
    assert [row[1] for row in store.event_page(EventFilter(sub_event_type="air/drone strike"))] == ["ev-a", "ev-b"]
    assert store.event_page(EventFilter(event_type="Riots")) == [] and store.event_page(EventFilter(language="uk")) == []
    # every spelling stored finds its events (the look-up once took the first it met)
    store.save_events([event("ev-c", date(2024, 1, 3), 31.0, 51.0, admin1="SMOLENSK OBLAST")])
    assert [row[1] for row in store.event_page(EventFilter(admin1="Smolensk Oblast"))] == ["ev-a", "ev-b", "ev-c"]


def _vm_steps(store, where):
    """SQLite's virtual machine steps (in hundreds) to look a filter's values up and read a page of 10."""
    steps = [0]

    def tick():
        steps[0] += 1
        return 0

    store.connection.set_progress_handler(tick, 100)
    try:
        store.event_page(where, limit=10)
    finally:
        store.connection.set_progress_handler(None, 100)
    return steps[0]


def test_the_work_of_a_page_does_not_grow_with_the_events_stored(tmp_path):
    """Issue 16 item 7: every filter of the API seeks its page by index, so that a page costs the same on ten times
    the events; with the planner's statistics too (ANALYZE), which expect the one country stored everywhere
    (its name was then looked up in every event, and a country with no events cost 250 ms on 100,000), and with
    events of a long span (a window's page read every event of the days the longest span covers)."""
    filters = {
        "nothing": EventFilter(), "country": EventFilter(country="russia"), "no country": EventFilter(country="FR"),
        "month": EventFilter(since=date(2023, 5, 1), until=date(2023, 5, 31)),
        "empty month": EventFilter(since=date(2021, 5, 1), until=date(2021, 5, 31)),
        "region": EventFilter(admin1="oblast 3"), "no region": EventFilter(admin1="Lviv Oblast"),
        "type": EventFilter(event_type="air/drone strike"), "no type": EventFilter(event_type="Riots"),
        "sub-type": EventFilter(sub_event_type="Air/drone strike"), "language": EventFilter(language="uk"),
        "rarer language": EventFilter(language="en"), "language and source": EventFilter(language="uk", source="Outlet 3"),
        "source": EventFilter(source="Outlet 3"), "no source": EventFilter(source="Nobody"),
        "source in a month": EventFilter(source="Outlet 3", since=date(2023, 5, 1), until=date(2023, 5, 31)),
        "verification": EventFilter(verification="disputed"), "box": EventFilter(bbox=(30.0, 50.0, 31.0, 51.0)),
    }
    steps = {}
    for count in (300, 3000):
        with Store.open(tmp_path / f"{count}.db") as store:
            store.save_events(
                replace(event(f"ev-{i}", day, 30.0 + i % 2, 50.0 + i % 3 / 2,
                              verification="disputed" if i % 10 == 0 else "reported", sources=(f"Outlet {i % 10}",),
                              admin1=f"Oblast {i % 10}", languages=("en",) if day.month == 1 else ("uk",) if i % 2 else ("ru", "uk")),
                        event_date_end=day + timedelta(days=60 if i % 100 == 0 else i % 2))  # some of two days, a few long
                for i in range(count)
                for day in [date(2023, 1 + i * 7 % 12, 1 + i % 28)]
            )
            store.connection.execute("ANALYZE")
            steps[count] = {name: _vm_steps(store, where) for name, where in filters.items()}
    grown = {name: (steps[300][name], steps[3000][name]) for name in filters if steps[3000][name] > 2 * steps[300][name] + 5}
    assert not grown, f"VM steps (hundreds) on 300 and 3,000 events: {grown}"


def test_mentions_of_a_document_with_their_events(store):
    store.add_document(Document("d1", "A drone hit Yartsevo overnight."), [mention("d1")])
    assert store.mentions_in("d1") == [(mention("d1"), None)]
    (merged,) = merge_mentions(store.unassigned_mentions(), documents=store.document_infos(["d1"]))
    store.save_events([merged])
    assert store.mentions_in("d1") == [(mention("d1"), merged.id)]
    assert store.mentions_of(merged.id) == [mention("d1")] and store.mentions_in("nothing") == []


def test_a_database_of_the_first_schema_is_migrated_with_its_data(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite3.connect(path)
    old.executescript(_001_INITIAL)
    old.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    old.execute("INSERT INTO migrations VALUES ('001_initial', '2026-11-01')")
    old.execute("INSERT INTO documents VALUES ('d1', 'h', NULL, 'Outlet', NULL, NULL, 'text', ?, '2026-11-01')",
                ("Уночі над Полтавою збили два безпілотники, уламки пошкодили склад",))
    for key in ("m2", "m1"):
        old.execute("INSERT INTO mentions VALUES (?, 'd1', NULL, 'Air/drone strike', NULL, ?)",
                    (key, json.dumps({"document_id": "d1", "event_type": "E", "sub_event_type": key,
                                      "sentence_start": 0, "sentence_end": 1})))
    from sitrep.model import to_dict

    old_event = replace(event("ev-a", date(2024, 1, 1), 30.0, 50.0, sources=("Outlet", "Other")),
                        mentions=(mention("d1"),))
    old.execute("INSERT INTO events VALUES ('ev-a', 'Explosions/Remote violence', 'Air/drone strike', '2024-01-01',"
                " '2024-01-01', 'Russia', 'RU', 'Smolensk Oblast', 50.0, 30.0, 'reported', ?)",
                (json.dumps(to_dict(old_event)),))
    old.commit()
    old.close()
    with Store.open(path) as store:
        assert store.applied_migrations() == [name for name, _ in MIGRATIONS]
        assert [m.sub_event_type for m in store.unassigned_mentions()] == ["m2", "m1"]  # insertion order kept
        ((_, event_id, record),) = store.event_page(EventFilter(source="Other", bbox=(29, 49, 31, 51)))
        assert event_id == "ev-a" and json.loads(record)["source"] == "Outlet; Other"
        # the documents stored before languages were detected are read for it, and their events take it
        assert store.document("d1").language == "uk" and json.loads(record)["language"] == "uk"
        assert [e.id for e in store.events(language="uk")] == ["ev-a"] and store.event("ev-a").languages == ("uk",)
        # the precision and GeoNames id of each event's place, for merging to read without decoding the event
        place = old_event.place
        assert store.connection.execute("SELECT geo_precision, geonameid FROM events").fetchall() == [
            (place.geo_precision, place.geonameid)]


def test_sql_for_postgresql():
    assert postgres_sql("SELECT '?%' , x FROM t WHERE a = ? AND b LIKE '%x'") == (
        "SELECT '?%%' , x FROM t WHERE a = %s AND b LIKE '%%x'"  # psycopg reads %% as % even in quotes
    )
    assert postgres_sql("SELECT a % 2 FROM t WHERE b = ?") == "SELECT a %% 2 FROM t WHERE b = %s"
    assert postgres_sql("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, x REAL, note TEXT)") == (
        "CREATE TABLE t (id BIGSERIAL PRIMARY KEY, n BIGINT, x DOUBLE PRECISION, note TEXT)"
    )
    assert split_statements("CREATE TABLE a (x TEXT DEFAULT ';');\n\nCREATE INDEX i ON a (x);\n") == [
        "CREATE TABLE a (x TEXT DEFAULT ';')", "CREATE INDEX i ON a (x)"
    ]
    assert redact("postgresql://u:p@h/db") == "postgresql://u:***@h/db" and redact("a.db") == "a.db"


def test_stored_records_follow_the_export_code(db_target):
    with Store.open(db_target) as store:
        store.save_events([event("ev-a", date(2024, 1, 1), 30.0, 50.0), event("ev-b", date(2024, 1, 2), 31.0, 51.0)])
        fresh = store.event_page(EventFilter())
        # as if written by an older event_record
        store.connection.execute("UPDATE events SET record = ?", ('{"id": "old"}',))
        store.connection.commit()
    with Store.open(db_target) as store:
        assert store.event_page(EventFilter()) == fresh
        assert store.refresh_records() == 0


def test_a_filter_the_store_must_look_up_is_never_dropped_silently():
    with pytest.raises(ValueError, match="country"):
        EventFilter(country="Ukraine").where()
    assert EventFilter(verification="confirmed").where() == (["verification = ?"], ["confirmed"])
