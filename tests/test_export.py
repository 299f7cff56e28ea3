import csv
import io
import json
from datetime import date

import pytest

from sitrep.export import COLUMNS, events_as_text
from sitrep.merge import build_event
from sitrep.model import DocumentInfo, Mention, Place


@pytest.fixture
def events():
    place = Place("Voskresensk", "Russia", "RU", "Moscow Oblast", None, 55.31, 38.69, 471656, "P", "PPL", 1)
    with_place = Mention("d1", "Explosions/Remote violence", "Remote explosive/landmine/IED", 0, 9,
                         date(2024, 12, 27), date(2024, 12, 27), 1, place=place, target="freight train cars")
    no_place = Mention("d2", "Battles", "Armed clash", 0, 9)
    return [build_event("ev-1", [with_place], {"d1": DocumentInfo("Outlet")}), build_event("ev-2", [no_place], {})]


def test_jsonl_has_the_contract_fields(events):
    records = [json.loads(line) for line in events_as_text(events, "jsonl").splitlines()]
    assert [r["id"] for r in records] == ["ev-1", "ev-2"]
    assert set(COLUMNS) <= set(records[0])
    assert records[0]["location"] == "Voskresensk" and records[0]["document_ids"] == ["d1"]
    assert records[1]["latitude"] is None and records[1]["event_date"] is None


def test_csv_uses_the_same_names(events):
    rows = list(csv.DictReader(io.StringIO(events_as_text(events, "csv"))))
    assert list(rows[0]) == COLUMNS
    assert rows[0]["target"] == "freight train cars" and rows[0]["geo_precision"] == "1"


def test_geojson_features_carry_the_fields(events):
    collection = json.loads(events_as_text(events, "geojson"))
    first, second = collection["features"]
    assert first["geometry"] == {"type": "Point", "coordinates": [38.69, 55.31]}
    assert first["properties"]["sub_event_type"] == "Remote explosive/landmine/IED"
    assert second["geometry"] is None


def test_unknown_format(events):
    with pytest.raises(ValueError, match="parquet"):
        events_as_text(events, "parquet")


def test_csv_text_cells_cannot_run_as_formulas_but_numbers_stay_numbers():
    """Issue 16, item 9: text taken from articles reached spreadsheets as formulas."""
    place = Place("=HYPERLINK(\"http://x\")", "Chile", "CL", "+Region", None, -33.45, -70.66, 3871336, "P", "PPL", 1)
    mention = Mention("@d1", "Battles", "Armed clash", 0, 9, date(2024, 12, 27), date(2024, 12, 27), 1, place=place,
                      target="-1+2", actor1="\tTab Group", weapon="rockets", fatalities=3)
    event = build_event("ev-1", [mention], {"@d1": DocumentInfo("=cmd|' /C calc'!A0")})

    (row,) = csv.DictReader(io.StringIO(events_as_text([event], "csv")))

    assert row["location"] == "'=HYPERLINK(\"http://x\")" and row["admin1"] == "'+Region"
    assert row["target"] == "'-1+2" and row["actor1"] == "'\tTab Group"
    assert row["document_ids"] == "'@d1" and row["sources"].startswith("'=cmd")
    assert row["weapon"] == "rockets" and row["country"] == "Chile"  # other text as it was
    assert (row["latitude"], row["longitude"], row["fatalities"]) == ("-33.45", "-70.66", "3")
    record = json.loads(events_as_text([event], "jsonl"))
    assert record["location"] == "=HYPERLINK(\"http://x\")" and record["target"] == "-1+2"  # JSON keeps the data
