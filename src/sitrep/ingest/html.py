"""Saved web pages: trafilatura finds the article text and its metadata in one pass.

trafilatura is the `html` extra (`pip install 'sitrep[html]'`); without it a page is an InputError that says so.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

from sitrep.errors import InputError, SitrepError
from sitrep.ingest.common import DocumentOrError, normalise_newlines, parse_date
from sitrep.ingest.decoding import looks_binary
from sitrep.model import Document

if TYPE_CHECKING:
    import trafilatura.settings

NEEDS_TRAFILATURA = "reading HTML pages needs trafilatura: pip install 'sitrep[html]'"


def html_extraction_installed() -> bool:
    """Is trafilatura there to be imported (the `html` extra)? Asked before anything is read or fetched."""
    return importlib.util.find_spec("trafilatura") is not None


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
    try:
        # Raw bytes, so trafilatura can honour the page's declared charset.
        document = html_document(data, path.stem, published=published, source=source)
    except (ValueError, SitrepError) as err:  # SitrepError: trafilatura is not installed
        yield InputError(path, str(err))
        return
    yield document


def has_a_sentence(text: str) -> bool:
    """Some line holds a sentence: four words or more, and a full stop, question or exclamation mark."""
    return any(len(line.split()) >= 4 and any(mark in line for mark in ".!?…") for line in text.split("\n"))


def html_document(
    page_content: bytes | str,
    document_id: str,
    published: date | None = None,
    source: str | None = None,
    url: str | None = None,
    prefer_given: bool = False,
) -> Document:
    """The article of an HTML page as a Document; ValueError when the page has no article text.

    The page's own date, site name and URL win over the given ones, unless prefer_given (a feed item's
    date and the watcher's source label are better than what the page says of itself). SitrepError when
    trafilatura (the `html` extra) is not installed.
    """
    try:
        import trafilatura  # 0.45 s to import: only when a page is read, not at every command's start
    except ImportError as error:  # not installed, or installed without what it needs (lxml_html_clean)
        raise SitrepError(f"{NEEDS_TRAFILATURA} ({error})") from None

    # without as_dict, a trafilatura Document (or None: no article)
    page = cast("trafilatura.settings.Document | None", trafilatura.bare_extraction(page_content, with_metadata=True))
    text = normalise_newlines(page.text or "") if page is not None else ""
    if page is None or not text.strip():
        raise ValueError("no article text found in HTML")
    if not has_a_sentence(text):
        # trafilatura falls back to whatever text a page has: a menu's links ("Home World Sport") are no article
        raise ValueError(f"no article text found in HTML (only {len(text.split())} words of menus or links)")
    try:
        page_published = parse_date(page.date)
    except ValueError:
        page_published = None  # trafilatura's dates are ISO; anything else is not worth failing over
    page_source = page.sitename or page.hostname
    if prefer_given:
        published, source, url = published or page_published, source or page_source, url or page.url
    else:
        published, source, url = page_published or published, page_source or source, page.url or url
    return Document(
        id=document_id,
        text=text,
        published=published,
        source=source,
        url=url or None,
        title=page.title or None,
        kind="html",
    )
