"""The geocode scorer (`sitrep eval --task geocode`) on hand-made rows and places, and once through the CLI."""

from __future__ import annotations

import json

import pytest

from sitrep.cli import main
from sitrep.evaluation import GoldRow
from sitrep.evaluation.geocode import PairFacts, error_kind, names_place, score_geocode
from sitrep.geocoding import PLACE_FIELDS
from sitrep.model import Document

KYIV = (50.45, 30.5233)
DONETSK = (48.0, 37.8053)


def gold_row(rid: str, texts: dict[str, str], location: str | None, admin1: str | None, point=DONETSK,
             where_prec: int = 1) -> GoldRow:
    docs = tuple(Document(id=d, text=t) for d, t in texts.items())
    event = {"location": location, "admin1": admin1, "latitude": point[0], "longitude": point[1]}
    return GoldRow(rid, "u", docs, event, {"where_prec": where_prec})


def place(name: str, lat: float, lon: float, admin1: str | None = None, geo_precision: int = 1, **extra) -> dict:
    return {"name": name, "geonameid": 1, "admin1": admin1, "admin2": None, "country": "Ukraine", "latitude": lat,
            "longitude": lon, "geo_precision": geo_precision, "start": None, "end": None} | extra


def record(doc_id: str, *places: dict) -> dict:
    return {"document_id": doc_id, "places": list(places)}


@pytest.mark.parametrize(
    ("text", "location", "admin1", "named"),
    [
        ("Shelling kills three in Donetsk", "Donetsk town", "Donetsk oblast", "location"),
        ("Protester shot dead in Kiev's centre", "Kiev/Kyiv city (Maidan)", "Kiev Special Republican city", "location"),
        ("Two killed in Lugansk region", "Shchastya town", "Luhansk oblast", "admin1"),
        ("Fighting near Debaltsevo", "Debaltseve", "Donetsk oblast", "location"),
        ("Seven soldiers killed in the east", "Debaltseve", "Donetsk oblast", None),
        # the admin unit that only says where the place lies is not the place
        ("Soldier killed in Donbas", "near Krasnohorivka, Donetsk Obl", "Donetsk oblast", None),
        ("Two killed in Donetsk region", "Pisky village (Donetsk region)", "Donetsk oblast", "admin1"),
        ("Shelling of Donetsk People's Republic", "west of Donetsk town", "Donetsk oblast", "admin1"),
        ("Militia killed in Lugansk republic", "Sokolniki in the Lugansk People’s Republic (LPR)", "Luhansk oblast",
         "admin1"),
        ("Two Ukrainian soldiers killed in east", "in Ukraine's war-torn east; at Shumy", "Donetsk oblast", None),
        # transliterations of one name
        ("Shelling at Maryinka, Donetsk Obl", "Marinka town, Donetsk oblast", "Donetsk oblast", "location"),
        ("Shelling hit Donetsk's suburbs", "Trudovskiye village in Donetsk’s Petrovsky district", "Donetsk oblast",
         "location"),
    ],
)
def test_names_place(text, location, admin1, named):
    assert names_place(text, {"location": location, "admin1": admin1}) == named


def test_only_the_first_place_is_scored_over_every_pair():
    rows = [
        gold_row("g1", {"a": "Shelling in Donetsk", "b": "Donetsk shelled again", "c": "Soldiers killed in east"},
                 "Donetsk town", "Donetsk oblast"),
        gold_row("g2", {"d": "Protest in Kiev"}, "Kiev/Kyiv city", "Kiev Special Republican city", point=KYIV),
        gold_row("g3", {"e": "Clash in Donetsk"}, "Donetsk town", "Donetsk oblast", where_prec=4),  # no point
    ]
    records = {
        "a": record("a", place("Donetsk", 48.0, 37.8, "Donetsk Oblast"), place("Kyiv", *KYIV)),
        "b": record("b", place("Kyiv", *KYIV, "Kyiv City"), place("Donetsk", 48.0, 37.8)),  # first is wrong
        "d": record("d"),  # nothing found
    }
    s = score_geocode(rows, records)["datasets"]["u"]
    assert s["pairs"] == 3 and s["pairs_skipped"] == 1  # "c" names no place; g3 has no point
    assert s["within_25km"] == {"score": 1 / 3, "n": 3}
    assert s["within_161km"] == {"score": 1 / 3, "n": 3}
    assert s["admin1"] == {"score": 1 / 3, "n": 3}
    assert s["resolved"] == {"score": 2 / 3, "n": 3}
    assert s["median_km"] == pytest.approx((0 + 613) / 2, abs=10)
    assert s["error_kinds"] == {"missed_name": 1, "no_entry": 0, "wrong_homonym": 0, "person_or_org": 0, "coarse": 0,
                                "other": 1}


def test_admin1_only_pairs_are_left_out():
    rows = [gold_row("g1", {"a": "Two killed in Donetsk region", "b": "Shelling in Pisky"}, "Pisky village",
                     "Donetsk oblast")]
    s = score_geocode(rows, {})["datasets"]["u"]
    assert (s["pairs"], s["pairs_skipped"], s["pairs_admin1_only"]) == (1, 1, 1)


def test_error_kinds():
    gold = {"location": "Oktyabrske village, 20 km from Kramatorsk", "latitude": 48.46, "longitude": 37.35}
    assert error_kind(place("Oktyabrske", 48.47, 37.36), gold, "") is None
    assert error_kind(None, gold, "") == "missed_name"
    assert error_kind(place("Oktyabrske", 45.0, 34.0), gold, "") == "wrong_homonym"
    assert error_kind(place("Kramatorsk", 48.72, 37.56), gold, "") == "other"  # the reference town, 34 km
    assert error_kind(place("Donetsk Oblast", 48.0, 37.8, geo_precision=3), gold, "") == "coarse"
    assert error_kind(place("Ukraine", 49.0, 32.0, feature_code="PCLI"), gold, "") == "coarse"
    assert error_kind(None, gold, "", PairFacts(has_entry=False)) == "no_entry"
    text = "Stanislav Bohuslavsky was killed near Oktyabrske"
    stanislav = place("Stanislav", 46.56, 32.15, start=0, end=9)
    assert error_kind(stanislav, gold, text, PairFacts(non_place_spans=((0, 21),))) == "person_or_org"


def test_geocode_jsonl_emits_the_contract_keys(tmp_path, embedded_gazetteer, capsys):
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "d1", "text": "Shelling hit Donetsk and Kharkiv."}) + "\n", encoding="utf-8")
    assert main(["geocode", "--jsonl", str(docs)]) == 0
    line = json.loads(capsys.readouterr().out.splitlines()[0])
    assert list(line) == ["document_id", "places"]
    assert list(line["places"][0])[: len(PLACE_FIELDS)] == PLACE_FIELDS


def test_cli_eval_task_geocode(tmp_path, embedded_gazetteer, capsys):
    rows = [
        {"id": "u1", "dataset": "ucdp-test", "ucdp": {"where_prec": 1},
         "documents": [{"id": "d1", "published": None, "text": "Three civilians killed by shelling in Donetsk"}],
         "event": {"location": "Donetsk town", "admin1": "Donetsk oblast", "latitude": 48.023, "longitude": 37.80224}},
        {"id": "u2", "dataset": "ucdp-test", "ucdp": {"where_prec": 1},
         "documents": [{"id": "d2", "published": None, "text": "Two soldiers killed in Kharkiv blast"}],
         "event": {"location": "Kharkiv city", "admin1": "Kharkiv oblast", "latitude": 49.98, "longitude": 36.25}},
        {"id": "u3", "dataset": "ucdp-test", "ucdp": {"where_prec": 4},
         "documents": [{"id": "d3", "published": None, "text": "Fighting in the east kills five"}],
         "event": {"location": None, "admin1": "Luhansk oblast", "latitude": 48.5, "longitude": 39.0}},
    ]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert main(["eval", "--task", "geocode", str(gold), "--json", "--errors", "2"]) == 0
    result = json.loads(capsys.readouterr().out)
    s = result["datasets"]["ucdp-test"]
    assert s["pairs"] == 2 and s["within_25km"] == {"score": 1.0, "n": 2}
    assert s["admin1"]["score"] == 1.0 and s["resolved"]["score"] == 1.0
    assert main(["eval", "--task", "geocode", str(gold)]) == 0
    assert "within_161km" in capsys.readouterr().out
