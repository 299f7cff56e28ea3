"""The command line, end to end: ingest the examples into a real SQLite file, list, show and export."""

import csv
import io
import json
import os
import shutil

import pytest

from sitrep.cli import main
from sitrep.store import Store

from .conftest import EXAMPLES

CONTRACT = ["id", "event_type", "sub_event_type", "event_date", "event_date_end", "time_precision", "actor1",
            "actor2", "country", "iso", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
            "geonameid", "fatalities", "target", "weapon", "verification", "sources", "document_ids", "notes",
            "fatalities_low", "fatalities_high", "source_count", "first_reported", "last_reported", "claims"]


@pytest.fixture
def db(tmp_path, embedded_gazetteer):
    return str(tmp_path / "events.db")


@pytest.fixture
def examples(tmp_path):
    folder = tmp_path / "examples"
    shutil.copytree(EXAMPLES, folder)
    return folder


def _export(db, fmt, capsys):
    capsys.readouterr()
    assert main(["export", "--format", fmt, "--db", db]) == 0
    return capsys.readouterr().out


def test_ingest_list_show_export(db, examples, capsys):
    assert main(["ingest", str(examples), "--db", db, "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "4 new documents" in out

    assert main(["events", "--db", db, "--country", "RU"]) == 0
    table = capsys.readouterr().out
    assert "Yartsevo" in table and "Voskresensk" in table and "Belgorod" in table
    assert "Glushkovo" in table  # the Russian example post
    assert main(["events", "--db", db, "--language", "uk"]) == 0
    assert "Krolevets, Sumy Oblast, UA" in capsys.readouterr().out  # the Ukrainian one

    records = [json.loads(line) for line in _export(db, "jsonl", capsys).splitlines()]
    for record in records:
        assert set(CONTRACT) <= set(record)
    yartsevo = next(r for r in records if r["location"] == "Yartsevo")
    assert yartsevo["document_ids"] == ["000_9f7d75213e9a4504"]
    assert yartsevo["event_date"] == "2024-12-31" and yartsevo["verification"] == "unverified"
    assert yartsevo["notes"].startswith("On 31 December 2024")

    assert main(["show", yartsevo["id"], "--db", db]) == 0
    shown = capsys.readouterr().out
    assert "Roman Zakharov" in shown and "[Yartsevo district]" in shown
    assert "named as" in shown and "«attack»" in shown  # every word of the report that names the strike

    rows = list(csv.DictReader(io.StringIO(_export(db, "csv", capsys))))
    assert len(rows) == len(records) and set(CONTRACT) <= set(rows[0])
    geojson = json.loads(_export(db, "geojson", capsys))
    assert len(geojson["features"]) == len(records)
    assert geojson["features"][0]["geometry"]["type"] == "Point"


def test_ingesting_again_changes_nothing(db, examples, capsys):
    main(["ingest", str(examples), "--db", db, "--quiet"])
    first = _export(db, "jsonl", capsys)
    assert main(["ingest", str(examples), "--db", db, "--quiet"]) == 0
    assert "0 new documents, 4 already stored" in capsys.readouterr().out
    assert _export(db, "jsonl", capsys) == first


def test_bad_files_are_reported_and_the_rest_goes_on(db, examples, tmp_path, capsys):
    (examples / "empty.txt").write_text("")
    (examples / "binary.txt").write_bytes(b"\x00\x01\x02\x00" * 100)
    (examples / "broken.jsonl").write_text('{"id": "ok-1", "text": "Rebels shelled Donetsk on 3 May 2015."}\n{not json\n')
    assert main(["ingest", str(examples), "--db", db, "--quiet"]) == 1
    captured = capsys.readouterr()
    assert "empty.txt" in captured.err and "binary.txt" in captured.err and "broken.jsonl:2" in captured.err
    assert "5 new documents" in captured.out
    # what was stored stays stored, once
    assert main(["ingest", str(examples), "--db", db, "--quiet"]) == 1
    assert "0 new documents, 5 already stored" in capsys.readouterr().out


def test_one_hostile_document_is_one_line_and_the_batch_goes_on(db, tmp_path, capsys):
    folder = tmp_path / "hostile"
    folder.mkdir()
    lines = [
        '{"id": "good-1", "text": "A drone hit an oil depot in Yartsevo, Smolensk region, on 31 December 2024."}',
        '{"id": "deep", "text": "x", "extra": ' + "[" * 5_000 + "]" * 5_000 + "}",
        '{"id": "surrogate", "text": "Shelling killed two in Kharkiv \\ud800 on 30 December 2024."}',
        json.dumps({"id": "digits", "text": "Shelling killed " + "1" * 5_000 + " people in Belgorod on 29 December 2024."}),
        '{"id": "good-2", "text": "Shelling hit Horlivka in the Donetsk region on 28 December 2024."}',
    ]
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / os.fsdecode(b"\xffname.txt")).write_text("A drone hit Kursk on 27 December 2024.")  # no UTF-8 name
    assert main(["ingest", str(folder), "--db", db, "--quiet"]) == 1
    captured = capsys.readouterr()
    assert captured.err.strip() == f"sitrep: {folder / 'batch.jsonl'}:2: invalid JSON: JSON nested too deeply to read (over about 1,000 levels)"
    assert "5 new documents" in captured.out and "1 errors" in captured.out
    assert main(["events", "--db", db]) == 0
    table = capsys.readouterr().out
    assert all(place in table for place in ("Yartsevo", "Kharkiv", "Belgorod", "Horlivka", "Kursk"))


def test_show_unknown_event_is_a_clear_error(db, capsys):
    Store.open(db).close()
    assert main(["show", "ev-nope", "--db", db]) == 1
    assert "no event or document 'ev-nope'" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["events"], ["show", "ev-1"], ["export", "--format", "csv"], ["merge"]])
def test_a_read_command_on_a_missing_database_is_an_error_and_creates_nothing(tmp_path, capsys, command):
    missing = tmp_path / "no" / "such" / "events.db"
    assert main([*command, "--db", str(missing)]) == 1
    assert f"{missing}: no such database" in capsys.readouterr().err
    assert not (tmp_path / "no").exists()


def test_ingest_of_a_folder_never_reads_the_database_inside_it(db, examples, capsys):
    inside = examples / "events.db"
    assert main(["ingest", str(examples), "--db", str(inside), "--quiet"]) == 0
    assert main(["ingest", str(examples), "--db", str(inside), "--quiet"]) == 0  # the folder now holds it
    captured = capsys.readouterr()
    assert "error" not in captured.err and "0 new documents" in captured.out
    assert main(["ingest", str(inside), "--db", db, "--quiet"]) == 1  # named on its own: said, not read
    assert f"{inside}: a SQLite database, not documents" in capsys.readouterr().err


def test_merge_explain_says_why_two_events_are_apart(db, examples, capsys):
    main(["ingest", str(examples), "--db", db, "--quiet"])
    records = [json.loads(line) for line in _export(db, "jsonl", capsys).splitlines()]
    yartsevo = next(r for r in records if r["location"] == "Yartsevo")
    voskresensk = next(r for r in records if r["location"] == "Voskresensk")
    assert main(["merge", "--explain", yartsevo["id"], voskresensk["id"], "--db", db]) == 0
    out = capsys.readouterr().out
    assert "not one event" in out and "fuel vs rail" in out and "km apart" in out
    assert main(["merge", "--explain", yartsevo["id"], "ev-nope", "--db", db]) == 1
    assert "no event 'ev-nope'" in capsys.readouterr().err


def test_every_command_has_an_example_in_its_help(capsys):
    for command in ("ingest", "events", "show", "merge", "export", "extract", "geocode", "gazetteer", "eval", "gate",
                    "serve"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert "example:" in capsys.readouterr().out, command


def test_serve_with_an_unreachable_database_is_a_clear_error(capsys):
    assert main(["serve", "--db", "postgresql://someone:secret@127.0.0.1:1/nothing?connect_timeout=2"]) == 1
    error = capsys.readouterr().err
    assert "cannot connect to PostgreSQL" in error and "secret" not in error


def test_show_a_document_says_which_reports_are_events_and_why_the_others_are_not(db, examples, capsys):
    main(["ingest", str(examples), "--db", db, "--quiet"])
    capsys.readouterr()
    assert main(["show", "000_9f7d75213e9a4504", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "[event ev-" in out and "Yartsevo" in out  # the event it joined, by id
    assert "[not an event]" in out and "not read as a report of an occurrence" in out  # the Kursk battle
    assert "why:" in out


def test_extract_explain_lists_every_report(capsys, embedded_gazetteer):
    text = ("Russian missiles struck an industrial area of Kharkiv on Tuesday, the governor said.\n\n"
            "Officials warned that Russia could attack Odesa again if talks fail.\n\n"
            "Grain prices rose in Chicago on Monday.\n\nThe council meets next week.")
    assert main(["extract", text, "--published", "2022-07-20", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "[event] Shelling/artillery/missile attack at Kharkiv" in out and "dated «on Tuesday»" in out


def test_version(capsys):
    import sitrep

    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out.strip() == f"sitrep {sitrep.__version__}"
