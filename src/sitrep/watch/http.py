"""A polite HTTP client for feeds and article pages: conditional GET, time and size limits, one clear
User-Agent, a minimum delay between requests to the same host, and back-off from a host that fails."""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

USER_AGENT = "sitrep/0.1 (+https://github.com/sitrep/sitrep; conflict event monitoring)"
CHUNK = 64 * 1024


class FetchError(Exception):
    """A URL could not be fetched. Transient errors (network, 5xx, 429) make the host back off."""

    def __init__(self, url: str, problem: str, transient: bool = False):
        self.url, self.problem, self.transient = url, problem, transient
        super().__init__(f"{url}: {problem}")


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 when the validators still hold
    body: bytes = b""
    charset: str | None = None  # declared in Content-Type
    etag: str | None = None
    last_modified: str | None = None


class Fetcher:
    def __init__(
        self,
        timeout: float = 20.0,
        max_bytes: int = 5_000_000,
        host_delay: float = 1.0,
        backoff: float = 30.0,
        max_backoff: float = 3600.0,
        clock: Callable[[], float] = time.monotonic,
        wait: Callable[[float], object] = time.sleep,
    ):
        self.timeout, self.max_bytes, self.host_delay = timeout, max_bytes, host_delay
        self.backoff, self.max_backoff = backoff, max_backoff
        self.clock, self.wait = clock, wait
        self._last_request: dict[str, float] = {}
        self._host_failures: dict[str, int] = {}
        self._blocked_until: dict[str, float] = {}
        # No ProxyHandler changes: a user's proxy settings are honoured as urllib reads them.
        self._opener = urllib.request.build_opener()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        host = urlsplit(url).netloc.lower()
        blocked = self._blocked_until.get(host, 0.0) - self.clock()
        if blocked > 0:
            raise FetchError(url, f"host {host} is backing off after errors ({blocked:.0f} s left)")
        self._pace(host)
        try:
            response = self._get(url, etag, last_modified)
        except FetchError as error:
            if error.transient:
                self._host_failed(host)
            raise
        self._host_failures.pop(host, None)
        self._blocked_until.pop(host, None)
        return response

    def _pace(self, host: str) -> None:
        """Keep at least host_delay seconds between two requests to one host."""
        last = self._last_request.get(host)
        if last is not None:
            delay = last + self.host_delay - self.clock()
            if delay > 0:
                self.wait(delay)
        self._last_request[host] = self.clock()

    def _host_failed(self, host: str) -> None:
        failures = self._host_failures.get(host, 0) + 1
        self._host_failures[host] = failures
        self._blocked_until[host] = self.clock() + min(self.backoff * 2 ** (failures - 1), self.max_backoff)

    def _get(self, url: str, etag: str | None, last_modified: str | None) -> Response:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
        if etag:
            request.add_header("If-None-Match", etag)
        if last_modified:
            request.add_header("If-Modified-Since", last_modified)
        started = self.clock()
        try:
            with self._opener.open(request, timeout=self.timeout) as reply:
                length = reply.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > self.max_bytes:
                    raise FetchError(url, f"too large: {int(length):,} bytes (limit {self.max_bytes:,})")
                body = self._read(url, reply, started)
                return Response(
                    url=reply.geturl(), status=reply.status, body=body,
                    charset=reply.headers.get_content_charset(),
                    etag=reply.headers.get("ETag"), last_modified=reply.headers.get("Last-Modified"),
                )
        except urllib.error.HTTPError as error:
            if error.code == 304:
                return Response(url=url, status=304, etag=etag, last_modified=last_modified)
            transient = error.code >= 500 or error.code == 429
            reason = error.reason if isinstance(error.reason, str) else ""
            problem = f"HTTP {error.code} {reason}".strip()
            if 300 <= error.code < 400:
                problem = f"redirect loop or too many redirects (HTTP {error.code})"
            raise FetchError(url, problem, transient) from None
        except urllib.error.URLError as error:
            raise FetchError(url, f"unreachable: {error.reason}", transient=True) from None
        except http.client.HTTPException as error:
            raise FetchError(url, f"broken HTTP response: {error!r}", transient=True) from None
        except TimeoutError:
            raise FetchError(url, f"timed out after {self.timeout:g} s", transient=True) from None
        except (ConnectionError, OSError) as error:
            raise FetchError(url, f"connection failed: {error}", transient=True) from None

    def _read(self, url: str, reply: http.client.HTTPResponse, started: float) -> bytes:
        """The body, up to max_bytes: a larger page is abandoned, not read to the end."""
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = reply.read(CHUNK)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(url, f"too large: more than {self.max_bytes:,} bytes")
            if self.clock() - started > self.timeout:
                raise FetchError(url, f"timed out after {self.timeout:g} s reading the body", transient=True)
            chunks.append(chunk)
