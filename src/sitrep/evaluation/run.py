"""Running the pipeline over gold documents and scoring what it produces."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from .. import jobs
from ..merge import build_event, event_id, merge_mentions
from ..model import Document, DocumentInfo, Event, Mention
from ..pipeline import Pipeline
from ..progress import progress_bar
from ..store import Store
from .crossval import cross_validated
from .fields import FULL_ARTICLE, VIINA
from .gold import GoldRow, distinct_documents, in_period, in_split, load_gold
from .report import errors
from .scores import _figure, score
from .wikievents import DATASET as WIKIEVENTS
from .wikievents import (
    is_wikievents,
    load_wikievents,
    score_wikievents,
    wikievents_errors,
)


def predict(rows: list[GoldRow], pipeline: Pipeline, extra: Iterable[Document] = ()) -> list[Event]:
    """Run every distinct gold document (and the `extra` ones) once through the pipeline into a fresh store."""
    return predict_with_held(rows, pipeline, extra)[0]


# Datasets whose gold codes each document's events on its own.
READ_ALONE = frozenset({FULL_ARTICLE, VIINA})


def predict_with_held(
    rows: list[GoldRow], pipeline: Pipeline, extra: Iterable[Document] = ()
) -> tuple[list[Event], list[Event]]:
    """The events of `predict`, and each report held back from the event table as an event of its own.

    Whole articles are each read on their own (gold/CODING.md: "each article is coded on its own", so one
    strike told by two articles is a gold event in each): their reports merge within the article only. So are
    VIINA's reports: its gold is one event per report and place, two outlets' reports of one strike being two
    gold events (merging across documents is scored on UCDP, whose gold groups reports into events)."""
    held: list[Mention] = []
    documents = distinct_documents(rows)
    known = {d.id for d in documents}
    documents += [d for d in extra if d.id not in known]
    alone = {d.id for r in rows if r.dataset in READ_ALONE for d in r.documents}
    events = _each_on_its_own([d for d in documents if d.id in alone], pipeline, held)
    return events + _merged([d for d in documents if d.id not in alone], pipeline, held), [
        build_event(event_id(m), [m], {}) for m in held
    ]


def _each_on_its_own(documents: list[Document], pipeline: Pipeline, held: list[Mention]) -> list[Event]:
    events = []
    for result in progress_bar(pipeline.process(documents), total=len(documents), desc="evaluate", unit="doc",
                               show=len(documents) > 50):
        info = {result.document.id: DocumentInfo(result.document.source, result.document.published, language=result.document.language)}
        events += merge_mentions(result.mentions, documents=info)
        held += result.dropped
    return events


def _merged(documents: list[Document], pipeline: Pipeline, held: list[Mention]) -> list[Event]:
    """The documents through the pipeline into a fresh store, their reports merged across them."""
    store = Store.open(":memory:")
    try:
        summary = jobs.IngestSummary()
        batch = pipeline.batch_size
        with progress_bar(total=len(documents), desc="evaluate", unit="doc", show=len(documents) > 50) as bar:
            for start in range(0, len(documents), batch):
                chunk = documents[start : start + batch]
                jobs.ingest_documents(chunk, store, pipeline, summary, held)
                bar.update(len(chunk))
        jobs.merge_new_mentions(store)
        return list(store.events())
    finally:
        store.close()


def evaluate_files(
    paths: list[Path], pipeline: Pipeline | None = None, limit: int | None = None, errors_per_field: int = 0,
    split: str | None = None, cv: int | None = None, since: date | None = None, until: date | None = None,
) -> dict:
    """Scores per dataset and overall; with `errors_per_field`, also up to that many wrong cases per field;
    with `split` ("tune" or "check"), only that half of the gold rows (see `gold.split_of`); with `cv`, each
    of that many folds read with a sub-event classifier trained on the others (see `crossval`); with `since`
    and `until`, only the rows reported in that period (see `gold.in_period`)."""
    wiki_paths = [p for p in paths if is_wikievents(Path(p))]
    rows, notes = load_gold([p for p in paths if p not in wiki_paths], limit)
    rows = in_period(in_split(rows, split), since, until)
    wiki_docs = [doc for p in wiki_paths for doc in load_wikievents(Path(p), limit)]
    pipeline = pipeline or Pipeline()
    if cv and wiki_docs:
        raise ValueError("cross-validation scores gold files of events, not WikiEvents")
    if cv:
        events, held = cross_validated(rows, pipeline, cv)
    else:
        events, held = predict_with_held(rows, pipeline, (d.document for d in wiki_docs))
    result = score(rows, events)
    _add_merge_stress(result, rows, events)
    result["notes"] = notes + result.get("notes", [])
    if wiki_docs:
        result["datasets"][WIKIEVENTS] = score_wikievents(wiki_docs, events, held)
    _add_language_confusion(result, rows)
    ucdp = [r for r in rows if r.ucdp is not None and r.event is not None]
    if ucdp:
        from ..geo import geocode_document

        names: dict[str, bool] = {}
        for document in distinct_documents(ucdp):
            names[document.id] = bool(geocode_document(document.text, pipeline.gazetteer))
        for name in sorted({r.dataset for r in ucdp}):
            subset = [r for r in ucdp if r.dataset == name]
            hits = sum(1 for r in subset if any(names[d] for d in r.document_ids))
            result["datasets"][name]["names_place"] = _figure(hits, len(subset))
    if errors_per_field:
        result["errors"] = errors(rows, events, errors_per_field)
        if wiki_docs:
            wrong = wikievents_errors(wiki_docs, events + held, errors_per_field)
            result["errors"].update({f"{WIKIEVENTS}/{k}": v for k, v in wrong.items()})
    return result


def _add_language_confusion(result: dict, rows: list[GoldRow]) -> None:
    """Per dataset whose rows give their text's language (VIINA's "uk", "ru", "ru|uk"): the language each
    distinct document is read as (sitrep.language, as the pipeline reads it), as gold language -> read counts,
    and the share read right ("ru|uk" is right as either)."""
    from ..language import detect_language

    for name in sorted({r.dataset for r in rows if r.lang}):
        seen: dict[str, str] = {}
        for row in rows:
            if row.dataset == name and row.lang:
                for document in row.documents:
                    seen.setdefault(document.id, row.lang)
        texts = {d.id: d.text for r in rows if r.dataset == name for d in r.documents}
        confusion: dict[str, dict[str, int]] = {}
        right = 0
        for doc_id, gold in sorted(seen.items()):
            language = detect_language(texts[doc_id])
            counts = confusion.setdefault(gold, {})
            counts[language] = counts.get(language, 0) + 1
            right += language in gold.split("|")
        figures = result["datasets"].setdefault(name, {})
        figures["language"] = _figure(right, len(seen))
        figures["language_confusion"] = {g: dict(sorted(c.items(), key=lambda kv: -kv[1])) for g, c in sorted(confusion.items())}


def _add_merge_stress(result: dict, rows: list[GoldRow], events: list[Event]) -> None:
    """Per dataset, found with every report its own event minus found as merged (issue 15): what merging loses
    by joining reports of separate events. A large figure is a red flag (dense fronts merged into one event)."""
    alone = score(rows, [build_event(event_id(m), [m], {}) for event in events for m in event.mentions])
    for name, figures in result["datasets"].items():
        merged, unmerged = figures.get("found", {}).get("score"), alone["datasets"].get(name, {}).get("found", {}).get("score")
        if merged is not None and unmerged is not None:
            figures["merge_stress"] = unmerged - merged

