"""A feed server of the tests' own on loopback: feeds, article pages, and every way a site can fail."""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    location: str | None = None  # for redirects
    stream_bytes: int = 0  # a huge body streamed in chunks with no Content-Length
    claimed_length: int | None = None  # a Content-Length header without the body to match


class FeedServer:
    """Serves `pages` by path; records every request (path, User-Agent, conditional headers)."""

    def __init__(self):
        self.pages: dict[str, Page] = {}
        self.requests: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append({
                    "path": self.path,
                    "user_agent": self.headers.get("User-Agent"),
                    "if_none_match": self.headers.get("If-None-Match"),
                })
                server.respond(self)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def __enter__(self) -> "FeedServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def hits(self, path: str) -> list[dict]:
        return [r for r in self.requests if r["path"] == path]

    def respond(self, handler: BaseHTTPRequestHandler) -> None:
        page = self.pages.get(handler.path, Page(b"not found", status=404, content_type="text/plain"))
        try:
            if page.status in (301, 302):
                handler.send_response(page.status)
                handler.send_header("Location", page.location)
                handler.send_header("Content-Length", "0")
                handler.end_headers()
                return
            etag = '"' + hashlib.sha1(page.body).hexdigest()[:12] + '"'
            if page.status == 200 and handler.headers.get("If-None-Match") == etag:
                handler.send_response(304)
                handler.send_header("ETag", etag)
                handler.end_headers()
                return
            handler.send_response(page.status)
            handler.send_header("Content-Type", page.content_type)
            handler.send_header("ETag", etag)
            handler.send_header("Last-Modified", format_datetime(datetime(2024, 12, 31, tzinfo=UTC), usegmt=True))
            if page.stream_bytes:
                handler.send_header("Connection", "close")
                handler.end_headers()
                chunk = b"<p>" + b"x" * 65_000 + b"</p>"
                for _ in range(page.stream_bytes // len(chunk)):
                    handler.wfile.write(chunk)
                return
            handler.send_header("Content-Length", str(page.claimed_length or len(page.body)))
            handler.end_headers()
            handler.wfile.write(page.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading, as it should for a page too large


def rss(items: list[dict], title: str = "Test Wire") -> bytes:
    """An RSS 2.0 feed of items {guid, link, title, date (RFC 822), description}."""
    entries = []
    for item in items:
        parts = [f"<title>{item.get('title', 'untitled')}</title>"]
        if item.get("link"):
            parts.append(f"<link>{item['link']}</link>")
        parts.append(f'<guid isPermaLink="false">{item["guid"]}</guid>')
        if item.get("date"):
            parts.append(f"<pubDate>{item['date']}</pubDate>")
        if item.get("description"):
            parts.append(f"<description>{item['description']}</description>")
        entries.append("<item>" + "".join(parts) + "</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://127.0.0.1/</link><description>test</description>"
        + "".join(entries) + "</channel></rss>"
    ).encode("utf-8")


def article(title: str, paragraphs: list[str], charset: str = "utf-8") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article></body></html>"
    )
