"""Merging new reports into a stored database reads only the stored events they may join (issue 19), and the
events come out exactly as when every event the merge once read whole was read."""

import random
from datetime import date, timedelta

import pytest

from sitrep import jobs
from sitrep.match import DATE_SLACK
from sitrep.merge import Lookups
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


def read_whole(store: Store, mentions: list[Mention]) -> list:
    """The events merging read before issue 19: every event of the batch's days (a margin around them), every
    undated one, and every event of the regions of its undated reports."""
    events: dict = {}
    dated = [(m.event_date, m.event_date_end or m.event_date) for m in mentions if m.event_date is not None]
    if dated:
        since = min(start for start, _ in dated) - 2 * DATE_SLACK
        until = max(end for _, end in dated) + 2 * DATE_SLACK
        events.update((e.id, e) for e in store.events(since=since, until=until))
    events.update((e.id, e) for e in store.events(undated=True))
    for admin1 in sorted({m.place.admin1 for m in mentions if m.event_date is None and m.place and m.place.admin1}):
        events.update((e.id, e) for e in store.events(admin1=admin1))
    return list(events.values())


@pytest.mark.parametrize(("seed", "undated"), [(1, 0.0), (2, 0.0), (3, 0.1), (4, 0.3)])
def test_merging_batch_after_batch_gives_the_events_of_reading_every_candidate_whole(seed, undated, monkeypatch):
    reports = random_reports(seed, 400, undated)
    batches = [reports[i : i + 25] for i in range(0, len(reports), 25)]
    chosen, whole = Store.open(":memory:"), Store.open(":memory:")
    for batch in batches:
        store_batch(chosen, batch)
        jobs.merge_new_mentions(chosen)
    with monkeypatch.context() as patch:
        patch.setattr(jobs, "_events_to_compare", read_whole)
        for batch in batches:
            store_batch(whole, batch)
            jobs.merge_new_mentions(whole)
    events = [to_dict(e) for e in chosen.events()]
    assert events == [to_dict(e) for e in whole.events()]
    assert len(events) < len(reports) * 0.9  # reports did join stored events


def test_the_same_events_on_each_engine(db_target):
    """The columns and positions the merge reads by, on PostgreSQL as on SQLite (events compared by id: the
    engines may sort ids differently)."""
    reports = random_reports(3, 150, 0.1)
    with Store.open(db_target) as chosen, Store.open(":memory:") as whole:
        for start in range(0, len(reports), 30):
            store_batch(chosen, reports[start : start + 30])
            jobs.merge_new_mentions(chosen)
            store_batch(whole, reports[start : start + 30])
            jobs.merge_new_mentions(whole)
        assert sorted(map(to_dict, chosen.events()), key=str) == sorted(map(to_dict, whole.events()), key=str)


def test_a_new_report_reads_only_the_stored_events_it_may_join():
    store = Store.open(":memory:")
    far_days = [report(n, date(2024, 1, 1) + timedelta(days=3 * n), TOWNS[1]) for n in range(30)]
    store_batch(store, far_days)
    store_batch(store, [report(100, date(2024, 2, 1), TOWNS[3]), report(101, date(2024, 2, 1), TOWNS[1], kind=3),
                        report(102, None, TOWNS[2])])
    jobs.merge_new_mentions(store)
    new = [report(200, date(2024, 2, 1), TOWNS[2]), report(201, date(2024, 4, 1), TOWNS[0])]
    read = jobs._events_to_compare(store, new)
    # Of 33 stored events: the same family, a day or so away, in a neighbouring grid cell (or undated there).
    assert sorted(m.document_id for e in read for m in e.mentions) == ["doc-10", "doc-102"]
    # The batch's first and last days are two months apart: before, every event between them was read.
    assert len(read_whole(store, new)) == 23


def test_lookups_tell_from_the_columns_which_events_a_report_may_find():
    day = date(2024, 3, 10)
    lookups = Lookups([report(1, day, TOWNS[2])])
    lethal = "Explosions/Remote violence"
    # Yasynuvata lies in the grid cell beside Horlivka's; Kharkiv does not, nor another family of types.
    assert lookups.may_find(lethal, day - DATE_SLACK, day - DATE_SLACK, 48.49, 37.86, "UA", "Donetsk")
    assert not lookups.may_find(lethal, day, day, 49.99, 36.23, "UA", "Kharkiv")
    assert not lookups.may_find("Strategic developments", day, day, 48.49, 37.86, "UA", "Donetsk")
    assert not lookups.may_find(lethal, day + 2 * DATE_SLACK, day + 3 * DATE_SLACK, 48.49, 37.86, "UA", "Donetsk")
    assert lookups.may_find(lethal, day - 9 * DATE_SLACK, day, 48.49, 37.86, "UA", "Donetsk")  # a span reaching it
    assert lookups.may_find(lethal, None, None, 48.51, 38.01, "UA", "Donetsk")  # undated, same cell

    vague = Lookups([report(1, day, DONETSK_REGION)])  # a region's report may be any vague event of its days
    assert vague.may_find(lethal, day, day, 49.0, 32.0, "UA", None)
    assert not vague.may_find(lethal, day + 5 * DATE_SLACK, day + 5 * DATE_SLACK, 49.0, 32.0, "UA", None)
    assert vague.may_find(lethal, None, None, 48.0, 37.8, "UA", "Donetsk")  # undated: by its region only
    assert not vague.may_find(lethal, None, None, 49.99, 36.23, "UA", "Kharkiv")

    undated = Lookups([report(1, None, NO_COORDINATES)])  # by place alone, of any date: a place without coordinates
    assert undated.may_find(lethal, date(2020, 1, 1), date(2020, 1, 1), None, None, "UA", "Donetsk")
    assert not undated.may_find(lethal, date(2020, 1, 1), date(2020, 1, 1), 48.51, 38.01, "UA", "Kharkiv")
