"""Aggregate scores per dataset and overall, counted as the gold README says."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations
from typing import Any

from ..match import specific_tie
from ..model import Event, Mention
from .density import dense_rows
from .fields import FIELDS, field_outcomes, point_km, point_scored
from .gold import GoldRow
from .matching import match

NONE = "none"


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
        result["datasets"][name].update(_by_language(rows, indices, matched))
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
        event_docs = {d for i in with_event for d in rows[i].document_ids}
        no_event_docs = {d for i in without for d in rows[i].document_ids} - event_docs
        out["events_on_no_event_docs"] = sum(1 for e in touching if no_event_docs.intersection(e.document_ids))
    gold_tolls = [gold.get("fatalities_best") for i in with_event if (gold := rows[i].event) is not None]
    if any(toll is not None for toll in gold_tolls):
        # What a reader of the database sees: the deaths it sums against the deaths the articles report.
        out["fatalities_sum_gold"] = sum(toll or 0 for toll in gold_tolls)
        out["fatalities_sum_pred"] = sum(e.fatalities or 0 for e in touching)
        if out["fatalities_sum_gold"]:
            out["fatalities_sum_ratio"] = out["fatalities_sum_pred"] / out["fatalities_sum_gold"]
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
    out.update(_dense_fronts(rows, with_event, events, matched))
    return out


# The languages a dataset's rows are scored apart in, where the gold gives each text's ("ru|uk" texts, read as
# either, count in neither).
SCORED_LANGUAGES = ("uk", "ru")


def _by_language(rows: list[GoldRow], indices: list[int], matched: dict[int, Event]) -> dict:
    """Found and admin1 over the gold events of each language (issue 18: each language's share of the gate)."""
    out: dict[str, Any] = {}
    for language in SCORED_LANGUAGES:
        events_of = [i for i in indices if rows[i].lang == language and rows[i].event is not None]
        if not events_of:
            continue
        out[f"found_{language}"] = _figure(sum(1 for i in events_of if i in matched), len(events_of))
        admin1 = [outcome for i in events_of if (outcome := field_outcomes(rows[i], matched.get(i)).get("admin1")) is not None]
        if admin1:
            out[f"admin1_{language}"] = _figure(sum(admin1), len(admin1))
    return out


def _dense_fronts(rows: list[GoldRow], with_event: list[int], events: list[Event], matched: dict[int, Event]) -> dict:
    """Found and link precision over the gold events that have another within 15 km and a day (`density`)."""
    dense = dense_rows(rows, with_event)
    if not dense:
        return {}
    out = {"found_dense": _figure(sum(1 for i in dense if i in matched), len(dense))}
    grouping = _grouping(rows, sorted(dense), events, {d for i in dense for d in rows[i].document_ids})
    if grouping:
        out["group_link_p_dense"] = grouping["group_link_p"]
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
    # Merging can link only documents that yield an event: the recall it could reach at best (issue 15).
    with_event = {d for e in events for d in e.document_ids}
    reachable = sum(1 for a, b in gold if a in with_event and b in with_event)
    return {
        "group_link_p": p,
        "group_link_r": r,
        "group_link_r_ceiling": reachable / len(gold),
        "group_link_r_tied": _tied_pairs(gold, events) / len(gold),
        "group_link_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "group_link_pairs": {"gold": len(gold), "predicted": len(predicted)},
    }


def _tied_pairs(pairs: set[tuple[str, str]], events: list[Event]) -> int:
    """How many of the document pairs yield two reports that share a specific tie (`match.specific_tie`: the same
    town, toll or target): the links a merge on specific agreement could make at best (issue 15). Reports of one
    event that tell only a day and a region lie beyond it, however a coder grouped them."""
    reports: dict[str, list[Mention]] = defaultdict(list)
    for event in events:
        for mention in event.mentions:
            reports[mention.document_id].append(mention)
    return sum(1 for a, b in pairs if any(specific_tie(x, y) for x in reports[a] for y in reports[b]))
