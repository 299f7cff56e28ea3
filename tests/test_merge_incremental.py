"""Merging new reports into a stored database reads only the stored events they may join (issue 19), and the
events come out exactly as when every report is merged at once, however the reports are batched."""

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from sitrep import jobs
from sitrep.match import DATE_SLACK
from sitrep.merge import CandidateIndex, Lookups, merge_mentions
from sitrep.model import Document, Mention, Place, to_dict
from sitrep.store import Store

TOWNS = [  # two neighbouring grid cells, a third town next to them, one far away
    Place("Avdiivka", "Ukraine", "UA", "Donetsk", None, 48.13, 37.74, 1, "P", "PPL", 1),
    Place("Yasynuvata", "Ukraine", "UA", "Donetsk", None, 48.49, 37.86, 2, "P", "PPL", 1),
    Place("Horlivka", "Ukraine", "UA", "Donetsk", None, 48.51, 38.01, 3, "P", "PPL", 1),
    Place("Kharkiv", "Ukraine", "UA", "Kharkiv", None, 49.99, 36.23, 4, "P", "PPLA", 1),
]
DONETSK_REGION = Place("Donetsk Oblast", "Ukraine", "UA", "Donetsk", None, 48.0, 37.8, 5, "A", "ADM1", 3)
NO_COORDINATES = Place("Somewhere", "Ukraine", "UA", "Donetsk", None, None, None, 6, "P", "PPL", 1)
UKRAINE = Place("Ukraine", "Ukraine", "UA", None, None, 49.0, 32.0, 7, "A", "PCLI", 4)
PLACES = [*TOWNS, DONETSK_REGION, NO_COORDINATES, UKRAINE, None]
TYPES = [
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Battles", "Armed clash"),
    ("Strategic developments", "Disrupted weapons use"),
]


def report(n: int, day: date | None, place: Place | None, kind: int = 0, days: int = 0, toll: int | None = None) -> Mention:
    event_type, sub_type = TYPES[kind]
    end = day + timedelta(days=days) if day else None
    return Mention(f"doc-{n}", event_type, sub_type, 0, 80, day, end, 1 if day else None, place=place, fatalities=toll)


def random_reports(seed: int, count: int, undated: float) -> list[Mention]:
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    return [
        report(n, None if rng.random() < undated else start + timedelta(days=rng.randrange(40)), rng.choice(PLACES),
               rng.randrange(len(TYPES)), rng.choice([0, 0, 0, 1, 3]), rng.choice([None, None, 1, 2, 3, 5]))
        for n in range(count)
    ]


def store_batch(store: Store, mentions: list[Mention]) -> None:
    outlets = ["Outlet A", "Outlet B", "Outlet C"]
    store.add_documents([
        (Document(m.document_id, f"text of {m.document_id}", m.event_date, outlets[int(m.document_id[4:]) % 3]), [m])
        for m in mentions
    ])


def merged_at_once(reports: list[Mention]) -> list[dict]:
    with Store.open(":memory:") as store:
        store_batch(store, reports)
        jobs.merge_new_mentions(store)
        return [to_dict(e) for e in store.events()]


@pytest.mark.parametrize(("seed", "undated"), [(1, 0.0), (2, 0.0), (3, 0.1), (4, 0.3)])
def test_merging_batch_after_batch_gives_the_events_of_one_merge(seed, undated):
    reports = random_reports(seed, 400, undated)
    with Store.open(":memory:") as store:
        for start in range(0, len(reports), 25):
            store_batch(store, reports[start : start + 25])
            jobs.merge_new_mentions(store)
        events = [to_dict(e) for e in store.events()]
    assert events == merged_at_once(reports)
    assert len(events) < len(reports) * 0.9  # reports did join stored events


def test_the_same_events_on_each_engine(db_target, monkeypatch):
    """The columns and positions the merge reads by work alike on PostgreSQL and SQLite (events compared by id:
    the engines may sort ids differently)."""
    monkeypatch.setattr(jobs, "MERGE_BATCH", 7)
    reports = random_reports(3, 150, 0.1)
    with Store.open(db_target) as store:
        for start in range(0, len(reports), 30):
            store_batch(store, reports[start : start + 30])
            jobs.merge_new_mentions(store)
        events = sorted(map(to_dict, store.events()), key=str)
    assert events == sorted(merged_at_once(reports), key=str)


def test_a_new_report_reads_only_the_stored_events_it_may_join():
    store = Store.open(":memory:")
    far_days = [report(n, date(2024, 1, 1) + timedelta(days=3 * n), TOWNS[1]) for n in range(30)]
    store_batch(store, far_days)
    store_batch(store, [report(100, date(2024, 2, 1), TOWNS[3]), report(101, date(2024, 2, 1), TOWNS[1], kind=3),
                        report(102, None, TOWNS[2])])
    jobs.merge_new_mentions(store)
    new = [report(200, date(2024, 2, 1), TOWNS[2]), report(201, date(2024, 4, 1), TOWNS[0])]
    read = jobs._events_to_compare(store, new)
    # Of 33 stored events: the same family, a day or so away, in a neighbouring grid cell, or undated in the very
    # same town (before, every event between the batch's first and last days, two months apart, was read: 23).
    assert sorted(m.document_id for e in read for m in e.mentions) == ["doc-10", "doc-102"]


def test_an_undated_report_is_offered_only_the_events_of_its_very_place():
    reports = [report(1, date(2020, 1, 1), TOWNS[2]), report(2, date(2024, 1, 1), TOWNS[1]),
               report(3, None, TOWNS[2]), report(4, None, TOWNS[1])]
    existing = [event for r in reports for event in merge_mentions([r])]  # each its own event
    order = {event.id: n for n, event in enumerate(existing)}
    index = CandidateIndex(order)
    for event in existing:
        index.add(event)
    horlivka, _, undated_horlivka, _ = (event.id for event in existing)
    assert index.candidates(report(5, None, TOWNS[2])) == [horlivka, undated_horlivka]  # years apart, same town
    assert undated_horlivka in index.candidates(report(6, date(2024, 1, 1), TOWNS[2]))
    assert undated_horlivka not in index.candidates(report(7, date(2024, 1, 1), TOWNS[1]))  # the next town
    (country,) = merge_mentions([report(8, date(2024, 1, 1), UKRAINE)])
    order[country.id] = len(order)
    index.add(country)
    assert index.candidates(report(9, None, UKRAINE)) == []  # a country alone places nothing


def test_lookups_tell_from_the_columns_which_events_a_report_may_find():
    day, other_day = date(2024, 3, 10), date(2020, 1, 1)
    lethal = "Explosions/Remote violence"
    town = Lookups([report(1, day, TOWNS[2])])  # Horlivka
    # Yasynuvata lies in the grid cell beside Horlivka's; Kharkiv does not, nor another family of types.
    assert town.may_find(lethal, day - DATE_SLACK, day - DATE_SLACK, 48.49, 37.86, "UA", "Donetsk", 1, 2)
    assert not town.may_find(lethal, day, day, 49.99, 36.23, "UA", "Kharkiv", 1, 4)
    assert not town.may_find("Strategic developments", day, day, 48.49, 37.86, "UA", "Donetsk", 1, 2)
    assert not town.may_find(lethal, day + 2 * DATE_SLACK, day + 3 * DATE_SLACK, 48.49, 37.86, "UA", "Donetsk", 1, 2)
    assert town.may_find(lethal, day - 9 * DATE_SLACK, day, 48.49, 37.86, "UA", "Donetsk", 1, 2)  # a span reaching it
    # the region there: its report may be the town's death told vaguely, or compete with it (merge._join)
    assert town.may_find(lethal, day, day, 48.49, 37.86, "UA", "Donetsk", 3, 5)
    # An undated event joins only the very same place.
    assert town.may_find(lethal, None, None, 48.51, 38.01, "UA", "Donetsk", 1, 3)
    assert not town.may_find(lethal, None, None, 48.49, 37.86, "UA", "Donetsk", 1, 2)
    assert town.places(undated=True) == {3} and town.places(undated=False) == set()

    vague = Lookups([report(1, day, DONETSK_REGION)])  # a region's report may be any vague event of its days
    assert vague.may_find(lethal, day, day, 49.0, 32.0, "UA", None, 4, 7)
    assert vague.may_find(lethal, day, day, None, None, None, None, None, None)  # no place
    assert vague.may_find(lethal, day, day, 48.49, 37.86, "UA", "Donetsk", 1, 2)  # a town of the region, too
    assert not vague.may_find(lethal, day, day, 49.99, 36.23, "UA", "Kharkiv", 1, 4)  # but not of another
    assert not vague.may_find(lethal, day + 5 * DATE_SLACK, day + 5 * DATE_SLACK, 49.0, 32.0, "UA", None, 4, 7)

    undated = Lookups([report(1, None, NO_COORDINATES)])  # the very same place, of any date
    assert undated.may_find(lethal, other_day, other_day, None, None, "UA", "Donetsk", 1, 6)
    assert not undated.may_find(lethal, other_day, other_day, None, None, "UA", "Donetsk", 3, 6)
    assert not undated.may_find(lethal, other_day, other_day, 48.51, 38.01, "UA", "Donetsk", 1, 3)
    assert undated.places(undated=False) == {6} and undated.places(undated=True) == set()


def test_many_waiting_reports_are_merged_a_bounded_batch_at_a_time(monkeypatch):
    reports = random_reports(5, 120, 0.1)
    waiting, as_they_come, at_once = Store.open(":memory:"), Store.open(":memory:"), Store.open(":memory:")
    for start in range(0, len(reports), 25):
        store_batch(as_they_come, reports[start : start + 25])
        jobs.merge_new_mentions(as_they_come)
    store_batch(at_once, reports)
    jobs.merge_new_mentions(at_once)
    store_batch(waiting, reports)
    read: list[int] = []
    choose = jobs._events_to_compare
    monkeypatch.setattr(jobs, "_events_to_compare", lambda store, mentions: read.append(len(mentions)) or choose(store, mentions))
    monkeypatch.setattr(jobs, "MERGE_BATCH", 25)
    changed = jobs.merge_new_mentions(waiting)
    assert read == [25, 25, 25, 25, 20] and not waiting.unassigned_mentions()
    assert changed == waiting.count("events")  # each event counted once, however many batches changed it
    # Stored events are tried oldest first, as one merge tries them: batches change nothing.
    events = [to_dict(e) for e in waiting.events()]
    assert events == [to_dict(e) for e in as_they_come.events()] == [to_dict(e) for e in at_once.events()]
    assert len(events) < len(reports) * 0.9


def test_a_report_that_joins_nothing_and_starts_no_event_does_not_stop_the_merge(monkeypatch):
    """A report whose own event is already stored (a re-run) is left as it is, however far its event has moved;
    the batches after it go on."""
    store = Store.open(":memory:")
    store_batch(store, [report(1, date(2024, 1, 1), TOWNS[0])])
    jobs.merge_new_mentions(store)
    (stored,) = store.events()
    store.save_events([replace(stored, event_date=date(2023, 1, 1), event_date_end=date(2023, 1, 1))])
    store.connection.execute("UPDATE mentions SET event_id = NULL")
    store_batch(store, [report(2, date(2024, 5, 1), TOWNS[3]), report(3, date(2024, 6, 1), TOWNS[3])])
    monkeypatch.setattr(jobs, "MERGE_BATCH", 1)
    assert jobs.merge_new_mentions(store) == 2
    assert [m.document_id for m in store.unassigned_mentions()] == ["doc-1"]
    assert store.count("events") == 3 and store.event(stored.id).event_date == date(2023, 1, 1)
