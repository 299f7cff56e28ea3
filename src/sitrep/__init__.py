"""sitrep: conflict news in; a geocoded, deduplicated, source-attributed event dataset out.

    >>> import sitrep
    >>> mentions = sitrep.extract("A Ukrainian drone hit an oil depot in Yartsevo overnight on December 31.",
    ...                           published=datetime.date(2024, 12, 31))

`sitrep.Pipeline` processes batches of `sitrep.Document`s; `sitrep.ingest_paths` stores them in a database.
Heavy parts (spaCy, the gazetteer) load on first use, not at import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import Claim, Document, Event, Evidence, Mention, Place

if TYPE_CHECKING:
    from datetime import date


def extract(text: str, published: date | None = None, source: str | None = None) -> list[Mention]:
    """The event mentions of one text (see `sitrep.pipeline.extract`)."""
    from .pipeline import extract as _extract

    return _extract(text, published=published, source=source)


def __getattr__(name: str) -> Any:
    # The pipeline and jobs import spaCy; load them only when asked for.
    if name == "Pipeline":
        from .pipeline import Pipeline

        return Pipeline
    if name == "ingest_paths":
        from .jobs import ingest_paths

        return ingest_paths
    raise AttributeError(name)


__all__ = ["Claim", "Document", "Event", "Evidence", "Mention", "Place", "Pipeline", "extract", "ingest_paths"]
__version__ = "0.1.0"
