"""Saved web pages: trafilatura finds the article text and its metadata in one pass."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import trafilatura

from sitrep.errors import InputError
from sitrep.ingest.common import DocumentOrError, normalise_newlines, parse_date
from sitrep.ingest.decoding import looks_binary
from sitrep.model import Document


def read_html_file(
    path: Path, published: date | None = None, source: str | None = None
) -> Iterator[DocumentOrError]:
    """Yield the page's article as one Document (id = file stem), or an InputError.

    The page's own date and site name win; published and source are the fallbacks.
    """
    data = path.read_bytes()
    if not data.strip():
        yield InputError(path, "empty file")
        return
    if looks_binary(data):
        yield InputError(path, "binary file, not text")
        return
    # Raw bytes, so trafilatura can honour the page's declared charset.
    page = trafilatura.bare_extraction(data, with_metadata=True)
    text = normalise_newlines(page.text or "") if page is not None else ""
    if not text.strip():
        yield InputError(path, "no article text found in HTML")
        return
    try:
        page_published = parse_date(page.date)
    except ValueError:
        page_published = None  # trafilatura's dates are ISO; anything else is not worth failing over
    yield Document(
        id=path.stem,
        text=text,
        published=page_published or published,
        source=page.sitename or page.hostname or source,
        url=page.url or None,
        title=page.title or None,
        kind="html",
    )
