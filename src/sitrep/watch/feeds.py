"""RSS and Atom feeds: new entries, each turned into a document from its article page."""

from __future__ import annotations

import calendar
import hashlib
import html as html_lib
import io
import re
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from typing import Any

import feedparser

from ..ingest.common import normalise_newlines
from ..ingest.decoding import decode
from ..ingest.html import html_document
from ..model import Document
from .config import SourceConfig
from .http import Fetcher, FetchError
from .items import Item, ItemSkipped, SourceError
from .state import WatchState

_TAG = re.compile(r"<[^>]+>")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def feed_items(
    source: SourceConfig, fetcher: Fetcher, state: WatchState, log_problem: Callable[[str], None]
) -> tuple[list[Item], Callable[[], None]]:
    """The feed's entries as items, and what to call once every one of them is stored or seen.

    The feed's ETag and Last-Modified are saved only then: a run killed half-way must not be answered
    "304 Not Modified" for entries it never stored.
    """
    etag, last_modified = state.validators(source.location)
    try:
        response = fetcher.get(source.location, etag, last_modified)
    except FetchError as error:
        raise SourceError(f"feed {error}") from None
    if response.status == 304:
        return [], lambda: None
    parsed = feedparser.parse(
        io.BytesIO(response.body),  # bytes, never a string: feedparser would take a string for a file name
        response_headers={"content-location": response.url, "content-type": _content_type(response.charset)},
    )
    if parsed.bozo and not parsed.entries:
        raise SourceError(f"feed {source.location}: broken feed XML ({parsed.get('bozo_exception')})")
    if not parsed.get("version"):  # well-formed, but no RSS or Atom: an HTML page, an error page, other XML
        raise SourceError(f"feed {source.location}: not an RSS or Atom feed ({_what_it_is(response.body)})")
    if parsed.bozo:
        log_problem(f"feed {source.location}: malformed XML, {len(parsed.entries)} entries read anyway "
                    f"({parsed.get('bozo_exception')})")
    feed_title = parsed.feed.get("title") or None
    items = [_item(source, entry, feed_title, fetcher) for entry in parsed.entries]

    def done() -> None:
        state.save_validators(source.location, response.etag, response.last_modified)

    return [item for item in items if item is not None], done


def _what_it_is(body: bytes) -> str:
    head = body[:2048].lstrip().lower()
    if not head:
        return "an empty response"
    return "an HTML page" if b"<html" in head or head.startswith(b"<!doctype html") else "a document of another kind"


def _content_type(charset: str | None) -> str:
    return f"application/xml; charset={charset}" if charset else "application/xml"


def _item(source: SourceConfig, entry: Mapping[str, Any], feed_title: str | None, fetcher: Fetcher) -> Item | None:
    link = entry.get("link") or None
    key = entry.get("id") or link or entry.get("title")
    if not key:
        return None  # nothing identifies it, so nothing could tell it apart next time
    document_id = "feed-" + hashlib.sha1(f"{source.name}\x1f{key}".encode()).hexdigest()[:16]
    published = _entry_date(entry)
    label = source.source

    def load() -> list[Document]:
        if link:
            try:
                response = fetcher.get(link)
                page = decode_page(response.body, response.charset)
                document = html_document(page, document_id, published, label, response.url, prefer_given=True)
                return [_credited(document, feed_title)]
            except FetchError as error:
                if error.transient:
                    raise
                problem = str(error)
            except ValueError as error:
                problem = f"{link}: {error}"
        else:
            problem = "entry has no link"
        text = _entry_text(entry)
        if not text:
            raise ItemSkipped(problem)
        title = entry.get("title") or None
        return [Document(document_id, text, published, label or feed_title, link, title, kind="feed")]

    return Item(key, load)


def _credited(document: Document, feed_title: str | None) -> Document:
    if document.source or not feed_title:
        return document
    return Document(document.id, document.text, document.published, feed_title, document.url,
                    document.title, document.kind)


def decode_page(body: bytes, charset: str | None) -> str:
    """A page's text: by its declared charset (HTTP header, then <meta>), else UTF-8, else checked cp1251."""
    declared = charset
    if not declared:
        match = _META_CHARSET.search(body[:4096])
        declared = match.group(1).decode("ascii") if match else None
    if declared:
        try:
            return body.decode(declared)
        except (LookupError, UnicodeDecodeError) as error:
            raise ValueError(f"page does not decode as its declared charset {declared}: {error}") from None
    try:
        return decode(body)
    except ValueError as error:
        raise ValueError(f"undecodable page, no charset declared: {error}") from None


def _entry_date(entry: Mapping[str, Any]) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).date()


def _entry_text(entry: Mapping[str, Any]) -> str:
    """The entry's own text (full content, else summary), without markup."""
    contents = entry.get("content") or []
    html = contents[0].get("value") if contents else entry.get("summary")
    if not html:
        return ""
    text = html_lib.unescape(_TAG.sub(" ", html))
    return normalise_newlines(re.sub(r"[ \t]+", " ", text)).strip()
