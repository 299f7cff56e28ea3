"""The quality gate: compare and pin logic on small dicts (milliseconds), and one run over the real dev gold."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest

from sitrep import gate

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


# ---------------------------------------------------------------- pure logic


def test_score_value_reads_both_shapes():
    assert gate.score_value({"score": 0.5, "n": 4}) == 0.5
    assert gate.score_value(0.25) == 0.25
    assert gate.score_value({"score": None, "n": 0}) is None
    assert gate.score_value({"gold": 3, "predicted": 2}) is None
    assert gate.score_value(True) is None
    assert gate.score_value(7) is None  # a count, not a score


def test_dataset_scores_skips_overall_and_non_scores():
    result = {"datasets": {
        "a": {"found": {"score": 0.5, "n": 2}, "group_link_p": 0.25, "gold_events": 2, "group_link_pairs": {"gold": 3, "predicted": 1},
              "confusion": {"x": {"y": 1}}, "point": {"score": None, "n": 0}},
        "overall": {"found": {"score": 0.1, "n": 1}},
    }}
    assert gate.dataset_scores(result) == {"a": {"found": 0.5, "group_link_p": 0.25}}


def test_round_down_never_above_the_score():
    assert gate.round_down(0.58) == 0.58
    assert gate.round_down(0.7928571) == 0.792
    assert gate.round_down(0.0669) == 0.066
    assert gate.round_down(1.0) == 1.0
    for k in range(1000):
        x = k / 997
        assert gate.round_down(x) <= x


def test_compare_tolerance_failure_and_missing_score():
    floors = {"d": {"found": 0.5, "date": 0.6, "point": 0.1}}
    scores = {"d": {"found": 0.5 - 1e-12, "date": 0.599}}
    rows = {r.field: r for r in gate.compare("gold/x.jsonl", floors, scores)}
    assert rows["found"].ok  # within the 1e-9 tolerance
    assert not rows["date"].ok
    assert not rows["point"].ok and rows["point"].note == "no score"
    table = gate.format_table(list(rows.values()))
    assert "FAIL" in table and "-- gold/x.jsonl" in table


def test_pin_raises_adds_new_field_and_reports_lowering():
    old = {"d": {"found": 0.5, "date": 0.6}}
    scores = {"d": {"found": 0.7777, "date": 0.55, "admin1": 0.1234, "names_place": 0.9}}
    new, lowered = gate.pin("gold/x.jsonl", old, scores, fields=("found", "date", "admin1"))
    assert new == {"d": {"found": 0.777, "date": 0.55, "admin1": 0.123}}  # names_place not asked for
    assert [(low.field, low.floor, low.new) for low in lowered] == [("date", 0.6, 0.55)]
    assert "date: 0.600 -> 0.550" in str(lowered[0])


def test_pin_reports_a_field_no_longer_scored():
    new, lowered = gate.pin("gold/x.jsonl", {"d": {"point": 0.2}}, {"d": {}}, fields=())
    assert new == {}
    assert lowered[0].new is None and "no longer scored" in str(lowered[0])


def test_pin_keeps_an_equal_floor_without_lowering():
    new, lowered = gate.pin("gold/x.jsonl", {"d": {"found": 0.5}}, {"d": {"found": 0.5004}})
    assert new == {"d": {"found": 0.5}} and lowered == []


def test_sha_problem_names_file_and_both_digests():
    assert gate.sha_problem("gold/x.jsonl", "aaa", "aaa") is None
    assert gate.sha_problem("gold/x.jsonl", None, "bbb") is None
    message = gate.sha_problem("gold/x.jsonl", "aaa", "bbb")
    assert "gold/x.jsonl" in message and "aaa" in message and "bbb" in message


# ---------------------------------------------------------------- run_gate on a tmp floors file, fake evaluator


@pytest.fixture
def fake(tmp_path):
    shared = tmp_path / "shared"
    (shared / "gold").mkdir(parents=True)
    gold = shared / "gold" / "x.jsonl"
    gold.write_text('{"id": "1"}\n', encoding="utf-8")
    floors = tmp_path / "quality" / "floors.json"
    state = {"scores": {"found": {"score": 0.8, "n": 10}, "group_link_p": 0.4}}

    def evaluate(paths, pipeline=None):
        assert paths == [gold]
        return {"datasets": {"ds": dict(state["scores"])}}

    floors.parent.mkdir()
    floors.write_text(json.dumps({"files": [{"path": "gold/x.jsonl", "sha256": None, "floors": {}}]}), encoding="utf-8")
    return shared, gold, floors, state, evaluate


def _run(fake_, **kwargs) -> tuple[int, str]:
    shared, _, floors, _, evaluate = fake_
    out = io.StringIO()
    code = gate.run_gate(floors, shared, out=out, evaluate=evaluate, **kwargs)
    return code, out.getvalue()


def test_run_gate_pin_then_check_then_refuse_to_lower(fake):
    shared, gold, floors, state, _ = fake
    code, text = _run(fake, do_pin=True)
    assert code == 0, text
    pinned = json.loads(floors.read_text())
    entry = pinned["files"][0]
    assert entry["sha256"] == gate.sha256_file(gold) and entry["pinned"] and pinned["note"]
    assert entry["floors"] == {"ds": {"found": 0.8, "group_link_p": 0.4}}

    code, text = _run(fake)
    assert code == 0 and "gate passed: 2 floors hold" in text, text
    state["scores"]["found"] = {"score": 0.7, "n": 10}
    code, text = _run(fake)
    assert code == 1 and "FAIL" in text and "gate FAILED: 1 of 2" in text

    code, text = _run(fake, do_pin=True)
    assert code == 1 and "found: 0.800 -> 0.700" in text
    assert json.loads(floors.read_text())["files"][0]["floors"]["ds"]["found"] == 0.8  # untouched

    code, text = _run(fake, do_pin=True, allow_lower=True)
    assert code == 1 and "--reason" in text  # a floor goes down only with a reason on record

    code, text = _run(fake, do_pin=True, allow_lower=True, reason="the gold was re-coded")
    assert code == 0, text
    saved = json.loads(floors.read_text())
    assert saved["files"][0]["floors"]["ds"]["found"] == 0.7 and "--allow-lower" in saved["files"][0]["pinned"]
    (record,) = saved["files"][0]["lowered"]
    assert record["reason"] == "the gold was re-coded" and record["floors"] == ["gold/x.jsonl ds found: 0.800 -> 0.700"]
    state["scores"]["found"] = {"score": 0.9, "n": 10}
    assert _run(fake, do_pin=True)[0] == 0
    assert json.loads(floors.read_text())["files"][0]["lowered"] == [record]  # kept through later pins


def test_a_file_the_classifier_learnt_from_is_scored_cross_validated(fake):
    shared, gold, floors, state, _ = fake
    asked = []

    def evaluate(paths, pipeline=None, **how):
        asked.append(how)
        return {"datasets": {"ds": dict(state["scores"])}}

    floors.write_text(json.dumps({"files": [{"path": "gold/x.jsonl", "cv": 5, "sha256": None, "floors": {}}]}))
    out = io.StringIO()
    assert gate.run_gate(floors, shared, out=out, evaluate=evaluate, do_pin=True) == 0
    assert json.loads(floors.read_text())["files"][0]["cv"] == 5  # kept through a pin
    assert gate.run_gate(floors, shared, out=out, evaluate=evaluate) == 0
    assert asked == [{"cv": 5}, {"cv": 5}] and "(5-fold cross-validated)" in out.getvalue()


def test_a_later_period_of_a_file_is_scored_on_its_own(fake):
    from datetime import date

    shared, gold, floors, state, _ = fake
    asked = []

    def evaluate(paths, pipeline=None, **how):
        asked.append(how)
        return {"datasets": {"ds": dict(state["scores"])}}

    floors.write_text(json.dumps({"files": [{"path": "gold/x.jsonl", "since": "2019-01-01", "sha256": None, "floors": {}}]}))
    out = io.StringIO()
    assert gate.run_gate(floors, shared, out=out, evaluate=evaluate, do_pin=True) == 0
    assert json.loads(floors.read_text())["files"][0]["since"] == "2019-01-01"
    assert asked == [{"since": date(2019, 1, 1)}] and "(since 2019-01-01)" in out.getvalue()


def test_a_gate_with_no_floors_to_check_fails(fake):
    """"gate passed: 0 floors hold" was a check that could not fail."""
    code, text = _run(fake)
    assert code == 1 and "no floors to check" in text and "gate passed" not in text


def test_run_gate_fails_on_changed_gold_file(fake):
    shared, gold, floors, state, _ = fake
    assert _run(fake, do_pin=True)[0] == 0
    before = gate.sha256_file(gold)
    gold.write_text('{"id": "2"}\n', encoding="utf-8")
    code, text = _run(fake)
    assert code == 1
    assert "gold/x.jsonl" in text and before in text and gate.sha256_file(gold) in text
    # re-pinning records the new digest
    assert _run(fake, do_pin=True)[0] == 0
    assert json.loads(floors.read_text())["files"][0]["sha256"] == gate.sha256_file(gold)
    assert _run(fake)[0] == 0


def test_run_gate_fails_on_missing_gold_file(fake, tmp_path):
    _, _, floors, _, evaluate = fake
    out = io.StringIO()
    assert gate.run_gate(floors, tmp_path / "nowhere", out=out, evaluate=evaluate) == 1
    assert "no such gold file" in out.getvalue()


def test_gate_command_wiring():
    import argparse

    parser = argparse.ArgumentParser()
    gate.add_gate_command(parser.add_subparsers())
    args = parser.parse_args(["gate", "--shared", "/x", "--pin", "--allow-lower"])
    assert args.handler is gate._gate and args.pin and args.allow_lower and args.shared == Path("/x")


def test_floors_file_lists_the_dev_gold_with_digests():
    floors = gate.load_floors(gate.FLOORS_PATH)
    paths = [entry["path"] for entry in floors["files"]]
    assert "gold/case2021_task2.dev.jsonl" in paths and "gold/ucdp_ukraine_2014_2021.dev.jsonl" in paths
    for entry in floors["files"]:
        assert len(entry["sha256"]) == 64 and entry["floors"]


# ---------------------------------------------------------------- the real gate


@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason=f"no dev gold at {SHARED / 'gold'}: quality gate not run")
def test_quality_gate_holds_on_dev_gold(embedded_gazetteer):
    from sitrep.pipeline import Pipeline

    out = io.StringIO()
    started = time.perf_counter()
    code = gate.run_gate(gate.FLOORS_PATH, SHARED, out=out, pipeline=Pipeline(embedded_gazetteer))
    elapsed = time.perf_counter() - started
    print(out.getvalue())
    print(f"the gate took {elapsed:.0f} s")
    assert code == 0, "quality gate failed (a score fell below sitrep/data/floors.json):\n" + out.getvalue()


def test_bounds_hold_a_figure_that_may_be_off_either_way():
    bounds = {"fullarticle": {"fatalities_sum_ratio": [0.7, 1.5]}}
    rows = gate.compare_bounds("f", bounds, {"fullarticle": {"fatalities_sum_ratio": 1.0}})
    assert [r.ok for r in rows] == [True]
    for wrong in (0.5, 103.0):  # too few dead, or a war-long total read as a toll
        assert not gate.compare_bounds("f", bounds, {"fullarticle": {"fatalities_sum_ratio": wrong}})[0].ok
    assert not gate.compare_bounds("f", bounds, {})[0].ok  # a figure missing is a failure, never a pass
