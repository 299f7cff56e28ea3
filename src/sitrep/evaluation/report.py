"""Wrong cases per field, and the plain-text report."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..model import Event
from .fields import field_outcomes, point_km
from .gold import GoldRow
from .matching import match

ERROR_TEXT_CHARS = 300


def _describe(field_name: str, row: GoldRow, event: Event | None) -> tuple[Any, Any]:
    gold = row.event or {}
    if field_name in ("event_type", "sub_event_type", "actor1", "actor2", "verification"):
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
    event: Event | None
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


_COUNTS = (("gold_events", "gold events"), ("documents", "documents"), ("predicted_events", "predicted events"),
           ("pairs", "scored (event, document) pairs"), ("pairs_skipped", "pairs left out"),
           ("pairs_admin1_only", "of them naming only the region"))


def format_report(result: dict) -> str:
    """A table per dataset: field, score, n; then the confusion tables, error kinds and notes."""
    lines: list[str] = []
    for name, scores in result.get("datasets", {}).items():
        counts = ", ".join(f"{scores[key]} {label}" for key, label in _COUNTS if key in scores)
        lines += ["", f"== {name}: {counts}", f"{'field':<28}{'score':>8}{'n':>8}"]
        for key, value in scores.items():
            if isinstance(value, dict) and "score" in value:
                shown = "-" if value["score"] is None else f"{value['score']:.3f}"
                lines.append(f"{key:<28}{shown:>8}{value['n']:>8}")
            elif isinstance(value, float):
                lines.append(f"{key:<28}{value:>8.3f}")
            elif isinstance(value, int) and key not in dict(_COUNTS):
                lines.append(f"{key:<28}{value:>8}")
        if "group_link_pairs" in scores:
            pairs = scores["group_link_pairs"]
            lines.append(f"{'(pairs gold / predicted)':<28}{pairs['gold']:>8}{pairs['predicted']:>8}")
        if "confusion" in scores:
            lines.append("confusion (gold sub-type -> predicted counts):")
            for gold, counts_ in scores["confusion"].items():
                lines.append(f"  {gold}: " + ", ".join(f"{p} {c}" for p, c in counts_.items()))
        if "language_confusion" in scores:
            lines.append("languages (gold language -> read as, per document):")
            for gold, counts_ in scores["language_confusion"].items():
                lines.append(f"  {gold}: " + ", ".join(f"{p} {c}" for p, c in counts_.items()))
        if "error_kinds" in scores:
            lines.append("errors by kind: " + ", ".join(f"{k} {c}" for k, c in scores["error_kinds"].items()))
    for note in result.get("notes", []):
        lines.append(f"note: {note}")
    for field_name, cases in result.get("errors", {}).items():
        lines += ["", f"-- errors: {field_name}"]
        for case in cases:
            lines.append(f"  [{case['id']}] gold={case['gold']!r} predicted={case['predicted']!r}: {case['text']}")
    return "\n".join(lines).lstrip("\n")
