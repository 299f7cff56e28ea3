"""`sitrep ingest --engine dask`: the same events and mentions as the single-process ingest."""

from __future__ import annotations

import json
from datetime import date

import pytest

pytest.importorskip("distributed", reason="the scale extra (dask, distributed, pyarrow) is part of .[test]")
import pyarrow as pa
import pyarrow.parquet as pq

from sitrep.dask_ingest import ingest_paths_dask
from sitrep.jobs import ingest_paths
from sitrep.model import to_dict
from sitrep.pipeline import Pipeline
from sitrep.store import Store

REPORTS = [
    ("A Ukrainian drone attack hit a fuel depot in Yartsevo in the Smolensk region overnight on December 30, "
     "the regional governor said.", "2024-12-30", "Wire A"),
    ("Drones struck an oil depot in Yartsevo, Smolensk region, on December 30, officials said.", "2024-12-31", "Wire B"),
    ("Russian artillery shelled the town of Kupiansk in the Kharkiv region on December 29, killing two civilians, "
     "local officials said.", "2024-12-29", "Wire A"),
    ("Two civilians were killed when Russian forces shelled Kupiansk in Kharkiv region on December 29.", "2024-12-30", "Wire C"),
    ("A missile strike on Odesa port damaged grain silos on December 28, the regional administration said.", "2024-12-28", "Wire B"),
    ("The city council discussed the new school budget on Tuesday.", "2024-12-27", "Wire C"),
]


@pytest.fixture
def archive(tmp_path):
    """The reports split over JSONL, Parquet and text files, one of them reprinted under another id."""
    folder = tmp_path / "archive"
    folder.mkdir()
    rows = [{"id": f"r{i}", "text": t, "published": p, "source": s} for i, (t, p, s) in enumerate(REPORTS)]
    (folder / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows[:3]) + "\n")
    (folder / "d.jsonl").write_text(json.dumps({**rows[0], "id": "copy-of-r0"}) + "\n")  # a reprint: skipped
    table = pa.table({
        "id": [r["id"] for r in rows[3:5]], "text": [r["text"] for r in rows[3:5]],
        "published": [date.fromisoformat(r["published"]) for r in rows[3:5]], "source": [r["source"] for r in rows[3:5]],
    })
    pq.write_table(table, folder / "b.parquet")
    (folder / "c.txt").write_text(rows[5]["text"])
    return folder


def snapshot(store: Store) -> tuple:
    events = sorted(json.dumps(to_dict(e), sort_keys=True) for e in store.events())
    mentions = store.connection.execute("SELECT id, document_id, event_id, data FROM mentions ORDER BY id").fetchall()
    documents = store.connection.execute("SELECT id, hash, published, source, kind FROM documents ORDER BY id").fetchall()
    return events, mentions, documents


def test_dask_gives_the_same_events_and_mentions_as_one_process(archive, tmp_path, embedded_gazetteer):
    with Store.open(tmp_path / "local.db") as local:
        expected = ingest_paths([archive], local, Pipeline(embedded_gazetteer), progress=False)
        want = snapshot(local)
    with Store.open(tmp_path / "dask.db") as store:
        got = ingest_paths_dask([archive], store, workers=2, processes=False, partition_size=2, progress=False)
        assert snapshot(store) == want
        again = ingest_paths_dask([archive], store, workers=1, processes=False, progress=False)
        assert snapshot(store) == want
    assert (got.documents, got.unchanged, got.mentions, got.errors) == (
        expected.documents, expected.unchanged, expected.mentions, expected.errors)
    assert got.documents == 6 and got.unchanged == 1 and len(want[0]) >= 3
    assert (again.documents, again.unchanged) == (0, 7)


def test_a_parquet_file_without_text_is_a_clear_error(tmp_path):
    from sitrep.ingest import read_documents

    pq.write_table(pa.table({"id": ["x"], "body": ["no text column"]}), tmp_path / "bad.parquet")
    (error,) = read_documents([tmp_path / "bad.parquet"])
    assert "bad.parquet" in str(error) and "no 'text' column" in str(error)
    (tmp_path / "fake.parquet").write_text("not parquet")
    (error,) = read_documents([tmp_path / "fake.parquet"])
    assert "fake.parquet: not a Parquet file" in str(error)
