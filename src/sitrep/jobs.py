"""Whole jobs over plain functions: ingest files into a database and merge their reports into events."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Set
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

from .errors import InputError, InputWarning
from .ingest import input_files, read_file
from .match import DATE_SLACK
from .merge import Lookups, event_id, merge_mentions
from .model import Document, Event, Mention
from .pipeline import Pipeline, Result
from .progress import progress_bar
from .store import Store

T = TypeVar("T")


@dataclass
class IngestSummary:
    files: int = 0
    documents: int = 0  # newly stored
    unchanged: int = 0  # already stored, skipped
    mentions: int = 0
    events_changed: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # documents stored, but not exactly as written

    def __str__(self) -> str:
        text = (
            f"{self.files} files: {self.documents} new documents, {self.unchanged} already stored, "
            f"{self.mentions} mentions, {self.events_changed} events new or updated"
        )
        text += f", {len(self.errors)} errors" if self.errors else ""
        return text + (f", {len(self.warnings)} warnings" if self.warnings else "")


def ingest_paths(
    paths: Iterable[str | Path],
    store: Store,
    pipeline: Pipeline | None = None,
    published: date | None = None,
    source: str | None = None,
    progress: bool = True,
) -> IngestSummary:
    """Read, extract and store every document under `paths`, then merge the new reports into events.

    Documents stream through, a batch at a time: files are read one after the other (JSONL and Parquet
    line by line) and each batch is stored before the next is read, so memory does not grow with the
    input. A bad file (or JSONL line) is reported in the summary's errors and the rest goes on; what is
    already stored is never touched, and a document already stored (same text) is skipped.
    """
    pipeline = pipeline or Pipeline()
    summary = IngestSummary()
    # No total: counting the documents of a large file would mean reading it twice. Quick runs show nothing.
    with progress_bar(desc="ingest", unit=" documents", show=progress, delay=1) as bar:
        for batch in batches(read_paths(paths, summary, published, source), pipeline.batch_size):
            ingest_documents(batch, store, pipeline, summary)
            bar.update(len(batch))
    merge_new_mentions(store, summary)
    return summary


def read_paths(
    paths: Iterable[str | Path], summary: IngestSummary, published: date | None = None, source: str | None = None
) -> Iterator[Document]:
    """The documents under `paths`, one file after the other, counted in the summary with their problems."""
    for path in input_files(paths, lambda error: summary.errors.append(str(error))):
        summary.files += 1
        yield from documents_of(path, summary.errors.append, published, source, summary.warnings.append)


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of `size` (the last one shorter), read lazily."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def documents_of(
    path: Path, on_error: Callable[[str], None], published: date | None = None, source: str | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> Iterator[Document]:
    """The documents of one file; what cannot be read (the file, or one of its lines) goes to `on_error`,
    what was read but not exactly as written (stray bytes replaced) to `on_warning` (default: `on_error`)."""
    for item in read_file(path, published=published, source=source):
        if isinstance(item, InputWarning):
            (on_warning or on_error)(str(item))
        elif isinstance(item, InputError):
            on_error(str(item))
        else:
            yield item


def new_documents(documents: Iterable[Document], store: Store, summary: IngestSummary) -> Iterator[Document]:
    """The documents not stored yet, each once (see `known_document`)."""
    hashes: set[str] = set()
    ids: set[str] = set()
    for document in documents:
        if not known_document(document, store, summary, hashes, ids):
            hashes.add(document.hash)
            ids.add(document.id)
            yield document


def known_document(
    document: Document, store: Store, summary: IngestSummary,
    hashes: Set[str] = frozenset(), ids: Set[str] = frozenset(),
) -> bool:
    """Whether the document is stored already, or given earlier in the batch (`hashes`, `ids`), counted in the
    summary: the same text as unchanged, another text under its id as an error."""
    if document.hash in hashes or store.has_document(document):
        summary.unchanged += 1
    elif document.id in ids or store.document_id_taken(document):
        summary.errors.append(f"{document.id}: a different text is already stored under this document id")
    else:
        return False
    return True


def _read(documents: list[Document], pipeline: Pipeline, summary: IngestSummary) -> list[Result]:
    """The documents read in one batch; should reading fail on one of them (a defect of sitrep's, not of the
    input), each is read on its own, so that one document is lost and named, not the batch."""
    try:
        return list(pipeline.process(documents))
    except Exception:
        results: list[Result] = []
        for document in documents:
            try:
                results.extend(pipeline.process([document]))
            except Exception as error:
                summary.errors.append(f"{document.id}: not read: sitrep failed on it ({type(error).__name__}: "
                                      f"{error}); please report it")
        return results


def ingest_documents(
    documents: list[Document], store: Store, pipeline: Pipeline, summary: IngestSummary,
    held: list[Mention] | None = None,
) -> None:
    """Store the new documents and their reports in one transaction; the reports that are no event go to
    `held`, if given."""
    new = list(new_documents(documents, store, summary))
    results = _read(new, pipeline, summary)
    stored = store_results([(r.document, r.mentions) for r in results], store, summary)
    if held is not None:
        held.extend(m for r in results if r.document.id in stored for m in r.dropped)


def store_results(results: list[tuple[Document, list[Mention]]], store: Store, summary: IngestSummary) -> set[str]:
    """Store documents with their mentions in one transaction, counted in the summary; the ids stored.
    A document another process stored since it was checked is counted as `known_document` says."""
    stored = {document.id for document in store.add_documents(results)}
    for document, mentions in results:
        if document.id in stored:
            summary.documents += 1
            summary.mentions += len(mentions)
        else:
            known_document(document, store, summary)
    return stored


# Reports merged in one transaction at most: memory stays bounded however many wait (a large file's, or those
# a killed run left), and each batch reads only the stored events its reports may join.
MERGE_BATCH = 5_000


def merge_new_mentions(store: Store, summary: IngestSummary | None = None) -> int:
    """Merge the mentions not yet in an event into the store's events, in the order they were stored, up to
    `MERGE_BATCH` of them in each transaction: another process merging at the same time would otherwise read
    the same mentions, and the events it saves last would drop the other's mentions. Returns how many events
    were made or changed."""
    changed: set[str] = set()
    after: tuple[int, str] | None = None
    while True:
        with store.transaction():
            batch = store.unassigned_batch(after, MERGE_BATCH)
            if not batch:
                break
            after = batch[-1][0]
            mentions = [mention for _, mention in batch]
            existing = _events_to_compare(store, mentions)
            documents = store.document_infos(
                [m.document_id for m in mentions] + [m.document_id for e in existing for m in e.mentions]
            )
            events = merge_mentions(mentions, existing, documents)
            store.save_events(events)
        changed.update(event.id for event in events)
    if summary is not None:
        summary.events_changed += len(changed)
    return len(changed)


def _events_to_compare(store: Store, mentions: list[Mention]) -> list[Event]:
    """The stored events new mentions could join, oldest first (by their first report: as one merge of every
    report would try them, so that how reports are batched changes nothing). Chosen by their indexed columns
    (`Lookups`) among those near each dated report's days and those of the very places of the undated reports
    (and, undated, of the dated ones), only they are decoded: the cost follows the batch, not the database."""
    lookups = Lookups(mentions)
    dated = [(m.event_date, m.event_date_end or m.event_date) for m in mentions if m.event_date is not None]
    windows = _joined([(start - DATE_SLACK, end + DATE_SLACK) for start, end in dated])
    rows = [row for since, until in windows for row in store.event_keys(since, until)]
    rows += store.event_keys_at(lookups.places(undated=True), undated=True)
    rows += store.event_keys_at(lookups.places(undated=False))
    # and each report's own event, if stored (a re-run): merging then leaves the report as it is
    return store.events_by_id({row[0] for row in rows if lookups.may_find(*row[1:])} | {event_id(m) for m in mentions})


def _joined(windows: list[tuple[date, date]]) -> list[tuple[date, date]]:
    """The date ranges as few ranges covering the same days."""
    joined: list[tuple[date, date]] = []
    for start, end in sorted(windows):
        if joined and start <= joined[-1][1] + timedelta(days=1):
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    return joined
