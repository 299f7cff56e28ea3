"""Evaluation against human-coded gold data (see /work/shared/gold/README.md, "How scores are counted").

`evaluate_files` runs the pipeline over the gold documents into a fresh in-memory store and scores the
events it produces; `score` and `field_outcomes` are the pure scorers underneath, usable on hand-made events.
"""

from __future__ import annotations

import json
import math
import re
import statistics
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

from tqdm import tqdm

from . import jobs
from .model import Document, Event
from .pipeline import Pipeline
from .store import Store

FIELDS = ("event_type", "sub_event_type", "date", "admin1", "point", "fatalities")
NONE = "none"
ERROR_TEXT_CHARS = 300


@dataclass(frozen=True)
class GoldRow:
    id: str
    dataset: str
    documents: tuple[Document, ...]
    event: dict[str, Any] | None
    ucdp: dict[str, Any] | None = None

    @property
    def document_ids(self) -> frozenset[str]:
        return frozenset(d.id for d in self.documents)


# ---------------------------------------------------------------- reading and running


def load_gold(paths: Iterable[Path], limit: int | None = None) -> tuple[list[GoldRow], list[str]]:
    """Gold rows of every file (the first `limit` of each), and notes on files skipped."""
    rows: list[GoldRow] = []
    notes: list[str] = []
    for path in paths:
        raw = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
        if raw and "documents" not in raw[0]:
            notes.append(f"{Path(path).name}: skipped, not in the gold event format (no 'documents'; e.g. WikiEvents)")
            continue
        for item in raw[:limit]:
            documents = tuple(
                Document(
                    id=d["id"],
                    text=d["text"],
                    published=date.fromisoformat(d["published"]) if d.get("published") else None,
                    source=d.get("source"),
                )
                for d in item["documents"]
            )
            rows.append(GoldRow(item["id"], item.get("dataset", Path(path).stem), documents, item["event"], item.get("ucdp")))
    return rows, notes


def distinct_documents(rows: Iterable[GoldRow]) -> list[Document]:
    seen: dict[str, Document] = {}
    for row in rows:
        for document in row.documents:
            seen.setdefault(document.id, document)
    return list(seen.values())


def predict(rows: list[GoldRow], pipeline: Pipeline) -> list[Event]:
    """Run every distinct gold document once through the pipeline into a fresh in-memory store."""
    documents = distinct_documents(rows)
    store = Store.open(":memory:")
    try:
        summary = jobs.IngestSummary()
        batch = pipeline.batch_size
        with tqdm(total=len(documents), desc="evaluate", unit="doc", disable=len(documents) <= 50, file=sys.stderr) as bar:
            for start in range(0, len(documents), batch):
                chunk = documents[start : start + batch]
                jobs.ingest_documents(chunk, store, pipeline, summary)
                bar.update(len(chunk))
        jobs.merge_new_mentions(store)
        return list(store.events())
    finally:
        store.close()


def evaluate_files(
    paths: list[Path], pipeline: Pipeline | None = None, limit: int | None = None, errors_per_field: int = 0
) -> dict:
    """Scores per dataset and overall; with `errors_per_field`, also up to that many wrong cases per field."""
    rows, notes = load_gold(paths, limit)
    pipeline = pipeline or Pipeline()
    events = predict(rows, pipeline)
    result = score(rows, events)
    result["notes"] = notes + result.get("notes", [])
    ucdp = [r for r in rows if r.ucdp is not None and r.event is not None]
    if ucdp:
        from .geo import geocode_document

        names: dict[str, bool] = {}
        for document in distinct_documents(ucdp):
            names[document.id] = bool(geocode_document(document.text, pipeline.gazetteer))
        for name in sorted({r.dataset for r in ucdp}):
            subset = [r for r in ucdp if r.dataset == name]
            hits = sum(1 for r in subset if any(names[d] for d in r.document_ids))
            result["datasets"][name]["names_place"] = _figure(hits, len(subset))
    if errors_per_field:
        result["errors"] = errors(rows, events, errors_per_field)
    return result


# ---------------------------------------------------------------- matching


def match(rows: list[GoldRow], events: list[Event]) -> dict[int, Event]:
    """Gold row index -> its one predicted event: greatest Jaccard of document ids first, then field agreement."""
    by_document: dict[str, list[int]] = defaultdict(list)
    for j, event in enumerate(events):
        for doc_id in event.document_ids:
            by_document[doc_id].append(j)
    candidates: list[tuple[float, int, int, int]] = []
    for i, row in enumerate(rows):
        if row.event is None:
            continue
        gold_ids = row.document_ids
        for j in sorted({j for d in gold_ids for j in by_document.get(d, [])}):
            predicted = set(events[j].document_ids)
            jaccard = len(gold_ids & predicted) / len(gold_ids | predicted)
            agreement = sum(1 for ok in field_outcomes(row, events[j]).values() if ok)
            candidates.append((-jaccard, -agreement, i, j))
    matched: dict[int, Event] = {}
    used: set[int] = set()
    for _, _, i, j in sorted(candidates):
        if i not in matched and j not in used:
            matched[i] = events[j]
            used.add(j)
    return matched


# ---------------------------------------------------------------- field scorers


def field_outcomes(row: GoldRow, event: Event | None) -> dict[str, bool]:
    """Right or wrong for every field the gold row codes (an unmatched row is wrong on all of them)."""
    gold = row.event or {}
    out: dict[str, bool] = {}
    if gold.get("event_type"):
        out["event_type"] = event is not None and event.event_type == gold["event_type"]
    if gold.get("sub_event_type"):
        out["sub_event_type"] = event is not None and event.sub_event_type == gold["sub_event_type"]
    if gold.get("date_start") and any(d.published for d in row.documents):
        out["date"] = event is not None and date_right(event, gold)
    if gold.get("admin1"):
        out["admin1"] = event is not None and event.place is not None and admin1_same(event.place.admin1, gold["admin1"])
    if point_scored(row):
        km = point_km(row, event)
        out["point"] = km is not None and km <= point_radius(row)
    if any(gold.get(k) is not None for k in ("fatalities_low", "fatalities_best", "fatalities_high")):
        out["fatalities"] = event is not None and fatalities_right(event.fatalities, gold)
    return out


def date_right(event: Event, gold: dict[str, Any]) -> bool:
    if event.event_date is None:
        return False
    start, end = event.event_date, event.event_date_end or event.event_date
    gold_start = date.fromisoformat(gold["date_start"])
    gold_end = date.fromisoformat(gold.get("date_end") or gold["date_start"])
    overlaps = start <= gold_end + timedelta(days=1) and end >= gold_start - timedelta(days=1)
    return overlaps and (end - start) <= (gold_end - gold_start) + timedelta(days=2)


def fatalities_right(predicted: int | None, gold: dict[str, Any]) -> bool:
    values = [gold[k] for k in ("fatalities_low", "fatalities_best", "fatalities_high") if gold.get(k) is not None]
    return predicted is not None and bool(values) and min(values) <= predicted <= max(values)


def point_scored(row: GoldRow) -> bool:
    gold = row.event or {}
    precision = (row.ucdp or {}).get("where_prec")
    return precision in (1, 2, 3) and gold.get("latitude") is not None and gold.get("longitude") is not None


def point_radius(row: GoldRow) -> float:
    return 25.0 if (row.ucdp or {}).get("where_prec") == 1 else 50.0


def point_km(row: GoldRow, event: Event | None) -> float | None:
    place = event.place if event else None
    if place is None or place.latitude is None or place.longitude is None or row.event is None:
        return None
    return haversine_km(place.latitude, place.longitude, row.event["latitude"], row.event["longitude"])


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


# admin1 names: strip the unit words, map transliterations and Ukrainian adjective forms to one stem.
_UNIT_WORDS = re.compile(
    r"\s+(special republican city|autonomous republic|republic|oblast|region|province|krai|kray|city|municipality)$"
)
_ALIASES = {
    "kiev": "kyiv", "kyivska": "kyiv", "kievskaya": "kyiv",
    "kharkov": "kharkiv",
    "zaporozhye": "zaporizhzhia", "zaporizhia": "zaporizhzhia", "zaporozhe": "zaporizhzhia",
    "zaporizka": "zaporizhzhia", "zaporiz'ka": "zaporizhzhia", "zaporozhskaya": "zaporizhzhia",
    "lugansk": "luhansk", "luganskaya": "luhansk",
    "odessa": "odesa", "odeska": "odesa", "odes'ka": "odesa", "odesskaya": "odesa",
    "nikolaev": "mykolaiv", "nikolayev": "mykolaiv",
    "dnepropetrovsk": "dnipropetrovsk", "dnepropetrovskaya": "dnipropetrovsk",
    "transcarpathia": "zakarpattia", "zakarpatska": "zakarpattia", "zakarpats'ka": "zakarpattia",
}
_ADJECTIVE = re.compile(r"(skaya|s'ka|ska|sk)$")


def admin1_key(name: str) -> tuple[str, str]:
    """(stem, unit): "Kiev Special Republican city" -> ("kyiv", "city"); "Donetska oblast" -> ("donet", "oblast")."""
    text = name.casefold().replace("’", "'").replace("ʼ", "'").replace("-", " ").strip()
    text = re.sub(r"^(autonomous )?republic of ", "", text)
    unit = ""
    while match_ := _UNIT_WORDS.search(text):
        unit = unit or ("city" if match_.group(1) in ("city", "special republican city") else "oblast")
        text = text[: match_.start()].strip()
    text = _ALIASES.get(text, text)
    stem = _ADJECTIVE.sub("", text) if len(text) > 6 else text
    return _ALIASES.get(stem, stem), unit


def admin1_same(predicted: str | None, gold: str | None) -> bool:
    if not predicted or not gold:
        return False
    (p_stem, p_unit), (g_stem, g_unit) = admin1_key(predicted), admin1_key(gold)
    if p_stem != g_stem:
        return False
    # Kyiv the city and Kyiv the oblast are two admin1 units; a bare "Kyiv" matches either.
    return p_stem != "kyiv" or not p_unit or not g_unit or p_unit == g_unit


# ---------------------------------------------------------------- scores


def _figure(right: int, n: int) -> dict[str, Any]:
    return {"score": right / n if n else None, "n": n}


def score(rows: list[GoldRow], events: list[Event]) -> dict:
    """Scores per dataset and overall, counted as the gold README says."""
    matched = match(rows, events)
    datasets = sorted({r.dataset for r in rows})
    result: dict[str, Any] = {"datasets": {}, "notes": []}
    for name in datasets:
        indices = [i for i, r in enumerate(rows) if r.dataset == name]
        result["datasets"][name] = _score_subset(rows, indices, events, matched)
    if len(datasets) > 1:
        result["datasets"]["overall"] = _score_subset(rows, list(range(len(rows))), events, matched)
    return result


def _score_subset(rows: list[GoldRow], indices: list[int], events: list[Event], matched: dict[int, Event]) -> dict:
    gold_docs = {d for i in indices for d in rows[i].document_ids}
    touching = [e for e in events if gold_docs.intersection(e.document_ids)]
    matched_ids = {matched[i].id for i in indices if i in matched}
    with_event = [i for i in indices if rows[i].event is not None]
    without = [i for i in indices if rows[i].event is None]
    out: dict[str, Any] = {
        "gold_events": len(with_event),
        "documents": len(gold_docs),
        "predicted_events": len(touching),
        "found": _figure(sum(1 for i in with_event if i in matched), len(with_event)),
        "event_precision": _figure(sum(1 for e in touching if e.id in matched_ids), len(touching)),
        "events_per_doc": len(touching) / len(gold_docs) if gold_docs else None,
    }
    if without:
        produced = {d for e in events for d in e.document_ids}
        out["no_event"] = _figure(sum(1 for i in without if not rows[i].document_ids & produced), len(without))
    for field_name in FIELDS:
        all_right = all_n = found_right = found_n = 0
        for i in with_event:
            outcome = field_outcomes(rows[i], matched.get(i)).get(field_name)
            if outcome is None:
                continue
            all_n += 1
            all_right += outcome
            if i in matched:
                found_n += 1
                found_right += outcome
        if all_n:
            out[field_name] = _figure(all_right, all_n)
            out[field_name + "_if_found"] = _figure(found_right, found_n)
    distances = [
        km for i in with_event if point_scored(rows[i]) and (km := point_km(rows[i], matched.get(i))) is not None
    ]
    if distances:
        out["point_median_km"] = statistics.median(distances)
    # Sub-types are scored only on the datasets that code them (with their no-event rows as "none").
    typed = {rows[i].dataset for i in with_event if (rows[i].event or {}).get("sub_event_type")}
    if typed:
        out.update(_sub_event_scores(rows, [i for i in indices if rows[i].dataset in typed], events, matched))
    out.update(_grouping(rows, indices, events, gold_docs))
    return out


def _predicted_label(row: GoldRow, index: int, events: list[Event], matched: dict[int, Event]) -> str:
    if row.event is not None:
        return matched[index].sub_event_type if index in matched else NONE
    labels = [e.sub_event_type for e in events if row.document_ids.intersection(e.document_ids)]
    return Counter(labels).most_common(1)[0][0] if labels else NONE


def _sub_event_scores(rows: list[GoldRow], indices: list[int], events: list[Event], matched: dict[int, Event]) -> dict:
    pairs = [
        ((rows[i].event or {}).get("sub_event_type") or NONE, _predicted_label(rows[i], i, events, matched))
        for i in indices
    ]
    confusion: dict[str, Counter] = defaultdict(Counter)
    for gold, predicted in pairs:
        confusion[gold][predicted] += 1
    f1s = []
    for label in sorted({g for g, _ in pairs} | {NONE}):
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0)
    return {
        "sub_event_macro_f1": sum(f1s) / len(f1s),
        "confusion": {g: dict(c.most_common()) for g, c in sorted(confusion.items())},
    }


def _pairs(groups: Iterable[Iterable[str]], keep: set[str]) -> set[tuple[str, str]]:
    return {pair for group in groups for pair in combinations(sorted(set(group) & keep), 2)}


def _grouping(rows: list[GoldRow], indices: list[int], events: list[Event], gold_docs: set[str]) -> dict:
    gold = _pairs((rows[i].document_ids for i in indices if rows[i].event is not None), gold_docs)
    if not gold:
        return {}
    predicted = _pairs((e.document_ids for e in events), gold_docs)
    both = len(gold & predicted)
    p = both / len(predicted) if predicted else 0.0
    r = both / len(gold)
    return {
        "group_link_p": p,
        "group_link_r": r,
        "group_link_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "group_link_pairs": {"gold": len(gold), "predicted": len(predicted)},
    }


# ---------------------------------------------------------------- errors and report


def _describe(field_name: str, row: GoldRow, event: Event | None) -> tuple[Any, Any]:
    gold = row.event or {}
    if field_name in ("event_type", "sub_event_type"):
        return gold.get(field_name), getattr(event, field_name, None)
    if field_name == "date":
        predicted = event and event.event_date and f"{event.event_date}..{event.event_date_end or event.event_date}"
        return f"{gold.get('date_start')}..{gold.get('date_end')}", predicted
    if field_name == "admin1":
        return gold.get("admin1"), event.place.admin1 if event and event.place else None
    if field_name == "point":
        km = point_km(row, event)
        place = event.place if event else None
        predicted = f"{place.name} ({km:.0f} km)" if place and km is not None else (place.name if place else None)
        return f"{gold.get('location')} ({gold.get('latitude')}, {gold.get('longitude')})", predicted
    if field_name == "fatalities":
        gold_value = [gold.get("fatalities_low"), gold.get("fatalities_best"), gold.get("fatalities_high")]
        return gold_value, event.fatalities if event else None
    return None, None


def errors(rows: list[GoldRow], events: list[Event], n: int) -> dict[str, list[dict]]:
    """Up to `n` wrong cases per field (and gold no-event rows that got events), with gold, predicted and text."""
    matched = match(rows, events)
    out: dict[str, list[dict]] = defaultdict(list)
    produced: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        for doc_id in event.document_ids:
            produced[doc_id].append(event)
    for i, row in enumerate(rows):
        text = " | ".join(d.text for d in row.documents)[:ERROR_TEXT_CHARS]
        if row.event is None:
            hits = [e for d in row.document_ids for e in produced.get(d, [])]
            if hits and len(out["no_event"]) < n:
                out["no_event"].append({"id": row.id, "gold": None, "predicted": hits[0].sub_event_type, "text": text})
            continue
        event = matched.get(i)
        for field_name, ok in field_outcomes(row, event).items():
            if not ok and len(out[field_name]) < n:
                gold, predicted = _describe(field_name, row, event)
                out[field_name].append(
                    {"id": row.id, "gold": gold, "predicted": predicted, "found": event is not None, "text": text}
                )
    return dict(out)


def format_report(result: dict) -> str:
    """A table per dataset: field, score, n; then the confusion tables and notes."""
    lines: list[str] = []
    for name, scores in result.get("datasets", {}).items():
        lines += ["", f"== {name}: {scores['gold_events']} gold events, {scores['documents']} documents, "
                  f"{scores['predicted_events']} predicted events", f"{'field':<28}{'score':>8}{'n':>8}"]
        for key, value in scores.items():
            if isinstance(value, dict) and "score" in value:
                shown = "-" if value["score"] is None else f"{value['score']:.3f}"
                lines.append(f"{key:<28}{shown:>8}{value['n']:>8}")
            elif isinstance(value, float):
                lines.append(f"{key:<28}{value:>8.3f}")
        if "group_link_pairs" in scores:
            pairs = scores["group_link_pairs"]
            lines.append(f"{'(pairs gold / predicted)':<28}{pairs['gold']:>8}{pairs['predicted']:>8}")
        if "confusion" in scores:
            lines.append("confusion (gold sub-type -> predicted counts):")
            for gold, counts in scores["confusion"].items():
                lines.append(f"  {gold}: " + ", ".join(f"{p} {c}" for p, c in counts.items()))
    for note in result.get("notes", []):
        lines.append(f"note: {note}")
    for field_name, cases in result.get("errors", {}).items():
        lines += ["", f"-- errors: {field_name}"]
        for case in cases:
            lines.append(f"  [{case['id']}] gold={case['gold']!r} predicted={case['predicted']!r}: {case['text']}")
    return "\n".join(lines).lstrip("\n")
