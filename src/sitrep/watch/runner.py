"""The watch loop: poll each source when it is due, store what is new, merge it into events at once.

Restart-safe: an item is marked seen only after its document is stored, and a document already stored
(by its text's hash, or under its id) is never stored again, so a run killed at any point and started
again neither loses nor repeats a document. Mentions a killed run left unmerged are merged on start.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ..errors import SitrepError
from ..ingest.html import html_extraction_installed
from ..jobs import IngestSummary, ingest_documents, merge_new_mentions
from ..pipeline import Pipeline
from ..store import Store
from .config import SourceConfig, WatchConfig
from .feeds import feed_items
from .folders import folder_items
from .http import Fetcher, FetchError
from .items import Item, ItemNotReady, ItemSkipped, SourceError
from .state import WatchState

log = logging.getLogger("sitrep.watch")

MAX_BACKOFF = 3600.0  # a failing source is retried at least hourly (or at its own interval, if longer)
MIN_SLEEP = 0.05  # never spin, even with an interval of 0


@dataclass
class WatchSummary:
    polls: int = 0
    failed_polls: int = 0
    items: int = 0
    ingest: IngestSummary = field(default_factory=IngestSummary)

    def __str__(self) -> str:
        return (
            f"{self.polls} polls ({self.failed_polls} failed), {self.items} new items: "
            f"{self.ingest.documents} new documents, {self.ingest.mentions} mentions, "
            f"{self.ingest.events_changed} events new or updated"
        )


def check_installed(config: WatchConfig) -> None:
    """A feed's entries are read from their article pages, which needs trafilatura (the `html` extra): said
    before anything is fetched, rather than every entry falling back to its feed summary."""
    feeds = [source.name for source in config.sources if source.kind == "feed"]
    if feeds and not html_extraction_installed():
        raise SitrepError(f"following feeds ({', '.join(feeds)}) needs trafilatura to read their article pages: "
                          "pip install 'sitrep[html]'")


class Watcher:
    def __init__(
        self,
        config: WatchConfig,
        store: Store,
        pipeline: Pipeline | None = None,
        clock: Callable[[], float] = time.time,
        stop: threading.Event | None = None,
        settle: float = 1.0,
    ):
        check_installed(config)
        self.config, self.store = config, store
        self.pipeline = pipeline or Pipeline()
        self.clock = clock
        self.stop = stop or threading.Event()
        self.settle = settle
        self.state = WatchState(store)
        http = config.http
        self.fetcher = Fetcher(
            timeout=http["timeout"], max_bytes=int(http["max_bytes"]), host_delay=http["host_delay"],
            backoff=http["backoff"], wait=self.stop.wait,
        )
        self.summary = WatchSummary()

    def run(self, once: bool = False) -> WatchSummary:
        """Poll until stopped (or one round with once=True); returns what was done."""
        merge_new_mentions(self.store, self.summary.ingest)  # what a killed run stored but did not merge
        while not self.stop.is_set():
            for source in self.config.sources:
                if self.stop.is_set():
                    break
                if self._due(source, once) <= self.clock():
                    self.poll(source)
            if once:
                break
            wait = min(self._due(s, once) for s in self.config.sources) - self.clock()
            self.stop.wait(max(wait, MIN_SLEEP))
        return self.summary

    def _due(self, source: SourceConfig, once: bool) -> float:
        """When the source may be polled next. A round run by cron (once) polls every source but those
        backing off after failures: cron keeps the interval."""
        state = self.state.source(source.name)
        if state.next_poll is None or (once and not state.failures):
            return float("-inf")
        return state.next_poll

    def poll(self, source: SourceConfig) -> bool:
        """One turn of one source; False when it failed (logged, and retried after a back-off)."""
        previous = self.state.source(source.name)
        self.summary.polls += 1
        error = None
        try:
            items, done = self._items(source)
            complete = True
            for item in items:
                if self.stop.is_set():
                    complete = False
                    break
                if not self.state.seen(source.name, item.key):
                    complete &= self._take(source, item)
            if complete:
                done()
        except SourceError as problem:
            error = str(problem)
            log.warning("%s: %s", source.name, error)
        except Exception as problem:
            error = f"unexpected {type(problem).__name__}: {problem}"
            log.exception("%s: %s", source.name, error)
        failures = previous.failures + 1 if error else 0
        delay = source.interval
        if failures:
            self.summary.failed_polls += 1
            delay = min(source.interval * 2 ** (failures - 1), max(source.interval, MAX_BACKOFF))
        self.state.record_poll(source.name, self.clock() + delay, failures, error)
        return error is None

    def _items(self, source: SourceConfig) -> tuple[list[Item], Callable[[], None]]:
        def problem(message: str) -> None:
            log.warning("%s: %s", source.name, message)

        if source.kind == "feed":
            return feed_items(source, self.fetcher, self.state, problem)
        return folder_items(source, problem, self.settle), lambda: None

    def _take(self, source: SourceConfig, item: Item) -> bool:
        """Store one item's documents and merge them; False when it must be tried again next turn."""
        try:
            documents = item.load()
        except FetchError as error:  # transient: the host is down or busy
            log.warning("%s: %s (retried next turn)", source.name, error)
            return False
        except ItemNotReady as reason:
            log.info("%s: %s: %s (retried next turn)", source.name, item.key, reason)
            return False
        except ItemSkipped as reason:
            log.warning("%s: skipped %s: %s", source.name, item.key, reason)
            self.state.mark_seen(source.name, item.key, None)
            return True
        summary = IngestSummary()
        try:
            ingest_documents(documents, self.store, self.pipeline, summary)
        except Exception as error:
            log.exception("%s: %s: cannot process (retried next turn): %s", source.name, item.key, error)
            return False
        for problem in summary.errors:
            log.warning("%s: %s", source.name, problem)
        if summary.mentions:
            merge_new_mentions(self.store, summary)
        self.state.mark_seen(source.name, item.key, documents[0].id if documents else None)
        self.summary.items += 1
        for name in ("documents", "unchanged", "mentions", "events_changed"):
            setattr(self.summary.ingest, name, getattr(self.summary.ingest, name) + getattr(summary, name))
        log.info("%s: %s: %d new documents, %d mentions, %d events new or updated",
                 source.name, item.key, summary.documents, summary.mentions, summary.events_changed)
        return True
