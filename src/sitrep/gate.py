"""Quality gate: hold the dev-gold scores at pinned floors (a ratchet, in the manner of trafilatura's evaluation).

`sitrep/data/floors.json` (shipped in the package) lists gold files by their path relative to the shared folder
(and what part of it counts, see SCORED_PART: where rules were tuned on one half of a file, the `split`
"check"; where they were tuned on an earlier period, `since` a date; where the shipped classifier learnt from
a file, `cv`: the number of folds its cross-validated scores are taken over), with each
file's sha256 and, per dataset and field, the score to hold; a figure that may be off either way (deaths
summed over the deaths coded) is held between fixed `bounds`, set by hand and never re-pinned. `sitrep gate`
scores every listed file with `evaluate_files`, fails on a changed gold file (the floors were pinned on other
data) and on any score below its floor or out of its bounds, and prints one table row per check. `sitrep gate --pin` raises the floors to the current
scores (rounded down to 3 decimals) and records the digests; it refuses to lower a floor unless
`--allow-lower` is given with a `--reason`, which the file's entry keeps (under "lowered") through later pins.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path
from typing import Any, TextIO, cast

# Packaged with the code, so that `sitrep gate` runs from an installed wheel too (the gold it scores is not:
# --shared or $SITREP_SHARED names it).
FLOORS_PATH = Path(__file__).resolve().parent / "data" / "floors.json"
TOLERANCE = 1e-9
DECIMALS = 3
# The fields held by default (a dataset holds those it reports); fields already in floors.json are kept too.
PIN_FIELDS = (
    "found", "event_precision", "no_event", "event_type", "sub_event_type", "sub_event_macro_f1",
    "date", "admin1", "point", "fatalities", "group_link_p", "group_link_r",
    "attack_found", "attacker_found", "target_found",
    "language",  # the share of documents read in their gold language (VIINA: uk, ru)
)
# On whole articles the fields of the events found are held too (issue 14: what a reader of the table sees);
# on Russian and Ukrainian reports, each language's share (issue 18) and the date of the events found (every
# VIINA row is dated its report's day, so `date` over all rows is found again).
PIN_FIELDS_OF = {
    "fullarticle": ("event_type_if_found", "admin1_if_found", "actor1_if_found", "verification_if_found"),
    "viina-ru-uk": ("found_uk", "admin1_uk", "found_ru", "admin1_ru", "date_if_found"),
}
# What part of a gold file is scored, or how (keys of a floors.json entry, as the table names them): one
# half of it, a period of it, or every row by a classifier trained on the other folds.
SCORED_PART = {"split": "{} half", "since": "since {}", "until": "until {}", "cv": "{}-fold cross-validated"}
# Used only when floors.json does not exist yet (the first `--pin`).
DEFAULT_GOLD = ("gold/case2021_task2.dev.jsonl", "gold/ucdp_ukraine_2014_2021.dev.jsonl")

Evaluator = Callable[..., dict]


# ---------------------------------------------------------------- locations and digests


def default_shared() -> Path:
    """SITREP_SHARED, else the `shared` folder beside the repository (../shared from the repo root)."""
    env = os.environ.get("SITREP_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[3] / "shared"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def load_floors(path: Path) -> dict:
    if not path.is_file():
        return {"files": []}
    return cast(dict[str, Any], json.loads(path.read_text(encoding="utf-8")))


def save_floors(path: Path, floors: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(floors, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- scores, comparison, pinning (pure)


def score_value(entry: Any) -> float | None:
    """A field's score: {"score": x, "n": n} -> x; a plain float -> itself; anything else (counts, tables,
    None) -> None."""
    if isinstance(entry, dict):
        entry = entry.get("score")
        return float(entry) if isinstance(entry, (int, float)) and not isinstance(entry, bool) else None
    return entry if isinstance(entry, float) else None


def dataset_scores(result: dict) -> dict[str, dict[str, float]]:
    """{dataset: {field: score}} for every scored field of every dataset (not the "overall" roll-up)."""
    out: dict[str, dict[str, float]] = {}
    for name, fields in result.get("datasets", {}).items():
        if name == "overall":
            continue
        out[name] = {f: v for f, entry in fields.items() if (v := score_value(entry)) is not None}
    return out


def round_down(score: float, decimals: int = DECIMALS) -> float:
    """Rounded toward zero at `decimals` places, never above `score` as a float."""
    return float(Decimal(repr(score)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_FLOOR))


@dataclass(frozen=True)
class Row:
    file: str
    dataset: str
    field: str
    floor: float | None
    score: float | None
    ok: bool
    note: str = ""


def compare(file: str, floors: dict[str, dict[str, float]], scores: dict[str, dict[str, float]],
            tolerance: float = TOLERANCE) -> list[Row]:
    """One row per floor: ok when the score is at least the floor (less `tolerance`); a missing score fails."""
    rows = []
    for dataset in sorted(floors):
        for field, floor in sorted(floors[dataset].items()):
            score = scores.get(dataset, {}).get(field)
            ok = score is not None and score >= floor - tolerance
            rows.append(Row(file, dataset, field, floor, score, ok, "" if score is not None else "no score"))
    return rows


def compare_bounds(file: str, bounds: dict[str, dict[str, list[float]]], scores: dict[str, dict[str, float]]) -> list[Row]:
    """One row per fixed range: a figure that may be off either way (deaths summed over the deaths coded),
    held between bounds set by hand, never re-pinned."""
    rows = []
    for dataset in sorted(bounds):
        for field, (low, high) in sorted(bounds[dataset].items()):
            score = scores.get(dataset, {}).get(field)
            ok = score is not None and low - TOLERANCE <= score <= high + TOLERANCE
            rows.append(Row(file, dataset, field, low, score, ok, f"between {low} and {high}"))
    return rows


def sha_problem(file: str, pinned: str | None, actual: str) -> str | None:
    """A message when the gold file is not the one the floors were pinned on."""
    if pinned and pinned != actual:
        return (f"{file}: gold file changed since its floors were pinned (sha256 pinned {pinned}, now {actual}); "
                f"the floors were pinned on other data: check the change, then re-pin with `sitrep gate --pin`")
    return None


@dataclass(frozen=True)
class Lowering:
    file: str
    dataset: str
    field: str
    floor: float
    new: float | None  # None: the field is no longer scored

    def __str__(self) -> str:
        now = "no longer scored" if self.new is None else f"{self.new:.3f}"
        return f"{self.file} {self.dataset} {self.field}: {self.floor:.3f} -> {now}"


def pin(file: str, old: dict[str, dict[str, float]], scores: dict[str, dict[str, float]],
        fields: Iterable[str] = PIN_FIELDS, tolerance: float = TOLERANCE) -> tuple[dict[str, dict[str, float]], list[Lowering]]:
    """New floors from `scores` (rounded down) for `fields` plus the fields already pinned, and the floors that
    would go down (including floors whose field is no longer scored, which the new floors drop)."""
    new: dict[str, dict[str, float]] = {}
    lowered: list[Lowering] = []
    for dataset in sorted(set(old) | set(scores)):
        previous = old.get(dataset, {})
        current = scores.get(dataset, {})
        wanted = set(fields) | set(PIN_FIELDS_OF.get(dataset, ()))
        pinned: dict[str, float] = {}
        for field in sorted((wanted & set(current)) | set(previous)):
            floor = round_down(current[field]) if field in current else None
            if field in previous and (floor is None or floor < previous[field] - tolerance):
                lowered.append(Lowering(file, dataset, field, previous[field], floor))
            if floor is not None:
                pinned[field] = floor
        if pinned:
            new[dataset] = pinned
    return new, lowered


# ---------------------------------------------------------------- running


def format_table(rows: list[Row]) -> str:
    width = max([len("dataset")] + [len(r.dataset) for r in rows])
    field_width = max([len("field")] + [len(r.field) for r in rows])
    lines = [f"{'dataset':<{width}}  {'field':<{field_width}}  {'floor':>7}  {'score':>7}  result"]
    file = None
    for r in rows:
        if r.file != file:
            lines.append(f"-- {r.file}")
            file = r.file
        floor = "-" if r.floor is None else f"{r.floor:.3f}"
        score = "-" if r.score is None else f"{r.score:.4f}"
        result = ("ok" if r.ok else "FAIL") + (f" ({r.note})" if r.note else "")
        lines.append(f"{r.dataset:<{width}}  {r.field:<{field_width}}  {floor:>7}  {score:>7}  {result}")
    return "\n".join(lines)


def run_gate(floors_path: Path = FLOORS_PATH, shared: Path | None = None, *, do_pin: bool = False,
             allow_lower: bool = False, reason: str | None = None, out: TextIO = sys.stdout,
             evaluate: Evaluator | None = None, pipeline: Any = None) -> int:
    """Check (or with `do_pin`, re-pin) the floors; 0 when everything holds, 1 otherwise. `evaluate` defaults to
    `sitrep.evaluation.evaluate_files`; one pipeline is shared by all gold files."""
    shared = Path(shared) if shared else default_shared()
    floors = load_floors(floors_path)
    entries = floors.get("files") or [{"path": p, "sha256": None, "floors": {}} for p in DEFAULT_GOLD]
    if evaluate is None:
        from .evaluation import evaluate_files
        from .pipeline import Pipeline

        evaluate = evaluate_files
        pipeline = pipeline or Pipeline()

    problems: list[str] = []
    rows: list[Row] = []
    lowered: list[Lowering] = []
    new_entries: list[dict] = []
    for entry in entries:
        path = shared / entry["path"]
        how = {key: entry[key] for key in SCORED_PART if entry.get(key)}
        file = entry["path"] + "".join(f" ({SCORED_PART[key].format(value)})" for key, value in how.items())
        if not path.is_file():
            problems.append(f"{file}: no such gold file under {shared} (give --shared DIR or set SITREP_SHARED)")
            rows.append(Row(file, "-", "-", None, None, False, "gold file missing"))
            new_entries.append(entry)
            continue
        actual = sha256_file(path)
        changed = sha_problem(file, entry.get("sha256"), actual)
        if changed and not do_pin:
            problems.append(changed)
            rows.append(Row(file, "-", "sha256", None, None, False, "gold file changed"))
            continue
        scores = dataset_scores(evaluate([path], pipeline=pipeline, **_as_arguments(how)))
        old = entry.get("floors", {})
        if do_pin:
            if changed:
                print(f"note: {changed}", file=out)
            new_floors, down = pin(file, old, scores)
            lowered += down
            new_entry = {"path": entry["path"], **how, "sha256": actual,
                         "pinned": _pin_note(bool(down)), "floors": new_floors,
                         **({"bounds": entry["bounds"]} if entry.get("bounds") else {})}
            history = list(entry.get("lowered", []))
            if down:
                history.append({"date": date.today().isoformat(), "floors": [str(d) for d in down], "reason": reason})
            new_entries.append({**new_entry, "lowered": history} if history else new_entry)
            rows += compare(file, new_floors, scores)
        else:
            rows += compare(file, old, scores)
        rows += compare_bounds(file, entry.get("bounds", {}), scores)

    print(format_table(rows), file=out)
    if do_pin:
        if problems:
            print("\n".join(["", "not pinned:"] + problems), file=out)
            return 1
        if lowered and not (allow_lower and reason):
            print("\n".join(["", "not pinned: these floors would go down (give --allow-lower and a --reason, "
                                  "which floors.json keeps, to lower them):"]
                            + [f"  {low}" for low in lowered]), file=out)
            return 1
        save_floors(floors_path, {
            "note": "Floors the dev-gold scores must hold (sitrep gate; part of `make test`). Raise them with "
                    "`sitrep gate --pin` after an improvement; they never go down without --allow-lower.",
            "pinned": _pin_note(bool(lowered)),
            "tolerance": TOLERANCE,
            "files": new_entries,
        })
        print(f"\nfloors pinned in {floors_path}" + (f" ({len(lowered)} lowered)" if lowered else ""), file=out)
        return 0
    failed = [r for r in rows if not r.ok]
    if not any(r.floor is not None for r in rows) and not problems:
        # a gate with nothing to check would pass whatever the scores: that is a failure, not a pass
        problems.append(f"no floors to check in {floors_path}: pin them first (sitrep gate --pin)")
    if problems:
        print("\n" + "\n".join(problems), file=out)
    if failed or problems:
        print(f"\ngate FAILED: {len(failed)} of {len(rows)} checks" + (" (and the problems above)" if problems else ""),
              file=out)
        return 1
    print(f"\ngate passed: {len(rows)} floors hold", file=out)
    return 0


def _as_arguments(how: dict) -> dict:
    """A floors.json entry's scored part as `evaluate_files` arguments (dates from their ISO text)."""
    return {key: date.fromisoformat(value) if key in ("since", "until") else value for key, value in how.items()}


def _pin_note(lowered: bool) -> str:
    how = "sitrep gate --pin" + (" --allow-lower" if lowered else "")
    return f"{date.today().isoformat()}, `{how}`: the scores of that day, rounded down to {DECIMALS} decimals"


# ---------------------------------------------------------------- command line


def add_gate_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """Add `sitrep gate` to the sub-command set `commands` (the result of parser.add_subparsers())."""
    help_text = "check the dev-gold scores against the floors in sitrep/data/floors.json (exit 1 if any falls below)"
    gate = commands.add_parser(
        "gate", help=help_text, description=help_text, epilog="example:\n  sitrep gate\n  sitrep gate --pin",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _options(gate)
    gate.set_defaults(handler=_gate)
    return gate


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--shared", type=Path, help="the shared folder holding gold/ (default: $SITREP_SHARED, else ../shared beside the repository)")
    parser.add_argument("--floors", type=Path, default=FLOORS_PATH, help=f"the floors file (default: {FLOORS_PATH})")
    parser.add_argument("--pin", action="store_true", help="re-pin the floors to the current scores (rounded down to 3 decimals); never lowers one without --allow-lower")
    parser.add_argument("--allow-lower", action="store_true", help="with --pin: let floors go down (needs --reason)")
    parser.add_argument("--reason", help="with --allow-lower: why the floors go down (kept in floors.json)")


def _gate(args: argparse.Namespace) -> int:
    return run_gate(args.floors, args.shared, do_pin=args.pin, allow_lower=args.allow_lower, reason=args.reason)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sitrep gate", description="Quality gate over the dev gold.")
    _options(parser)
    return _gate(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
