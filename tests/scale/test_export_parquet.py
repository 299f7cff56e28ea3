"""`sitrep export --format parquet`: the export contract's columns, for events and for mentions; and
`sitrep ingest --engine dask` from the command line, with real worker processes."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest

pq = pytest.importorskip("pyarrow.parquet", reason="the scale extra (dask, distributed, pyarrow) is part of .[test]")

from sitrep.cli import main  # noqa: E402
from sitrep.export import COLUMNS  # noqa: E402
from sitrep.export_parquet import MENTION_COLUMNS  # noqa: E402

from ..conftest import EXAMPLES  # noqa: E402


@pytest.fixture
def db(tmp_path, embedded_gazetteer, capsys):
    folder = tmp_path / "examples"
    shutil.copytree(EXAMPLES, folder)
    path = str(tmp_path / "events.db")
    assert main(["ingest", str(folder), "--db", path, "--quiet", "--engine", "dask", "--workers", "1"]) == 0
    assert "4 new documents" in capsys.readouterr().out
    return path


def test_events_and_mentions_as_parquet_match_the_jsonl_export(db, tmp_path, capsys):
    capsys.readouterr()
    assert main(["export", "--format", "jsonl", "--db", db]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]

    assert main(["export", "--format", "parquet", "-o", str(tmp_path / "events.parquet"), "--db", db]) == 0
    events = pq.read_table(tmp_path / "events.parquet")
    assert events.column_names == [*COLUMNS, "evidence"]
    rows = events.to_pylist()
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    for row, record in zip(rows, records):
        for name in COLUMNS:
            value = row[name].isoformat() if isinstance(row[name], date) else row[name]
            value = json.loads(value) if name == "claims" else value
            assert value == record[name], name
        assert json.loads(row["evidence"]) == record["evidence"]

    assert main(["export", "--format", "parquet", "--table", "mentions", "-o", str(tmp_path / "m.parquet"),
                 "--country", "RU", "--db", db]) == 0
    mentions = pq.read_table(tmp_path / "m.parquet").to_pylist()
    assert list(mentions[0]) == MENTION_COLUMNS
    russian = [r for r in records if r["iso"] == "RU"]
    assert {m["event_id"] for m in mentions} == {r["id"] for r in russian}
    assert len(mentions) >= len(russian)
    assert "mentions written" in capsys.readouterr().err


def test_parquet_needs_an_output_file(db, capsys):
    assert main(["export", "--format", "parquet", "--db", db]) == 1
    assert "-o FILE.parquet" in capsys.readouterr().err
