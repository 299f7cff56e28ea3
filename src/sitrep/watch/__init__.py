"""`sitrep watch`: follow feeds and folders, and turn what is new into events as it arrives."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from .config import ConfigError, SourceConfig, WatchConfig, load_config
from .runner import Watcher, WatchSummary, check_installed

__all__ = ["ConfigError", "SourceConfig", "WatchConfig", "Watcher", "WatchSummary", "check_installed", "load_config",
           "stop_on_signals"]


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[threading.Event]:
    """SIGINT and SIGTERM set `stop`: the watcher finishes the item in hand and returns."""
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    for sig in previous:
        signal.signal(sig, lambda *_: stop.set())
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
