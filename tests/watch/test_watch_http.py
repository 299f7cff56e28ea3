"""The watcher's HTTP client against the loopback feed server: validators, limits, pacing, back-off."""

from __future__ import annotations

import pytest
from feed_server import FeedServer, Page

from sitrep.watch.http import USER_AGENT, Fetcher, FetchError


@pytest.fixture
def server():
    with FeedServer() as server:
        yield server


def test_conditional_get_answers_304_to_the_validators_of_the_last_fetch(server):
    server.pages["/feed.xml"] = Page(b"<rss/>", content_type="application/rss+xml")
    fetcher = Fetcher(host_delay=0)
    first = fetcher.get(server.url("/feed.xml"))
    assert (first.status, first.body) == (200, b"<rss/>") and first.etag and first.last_modified
    again = fetcher.get(server.url("/feed.xml"), first.etag, first.last_modified)
    assert again.status == 304 and again.body == b""
    assert server.hits("/feed.xml")[-1]["if_none_match"] == first.etag
    assert server.hits("/feed.xml")[-1]["user_agent"] == USER_AGENT


def test_requests_to_one_host_keep_their_distance(server):
    now, waits = [0.0], []

    def wait(seconds):
        waits.append(seconds)
        now[0] += seconds

    server.pages["/a"] = Page(b"<p>a</p>")
    fetcher = Fetcher(host_delay=2.0, clock=lambda: now[0], wait=wait)
    for _ in range(3):
        fetcher.get(server.url("/a"))
        now[0] += 0.5
    assert waits == [1.5, 1.5]


def test_a_host_that_fails_backs_off_exponentially(server):
    now = [0.0]
    fetcher = Fetcher(host_delay=0, backoff=10, clock=lambda: now[0])
    server.pages["/down"] = Page(b"busy", status=503, content_type="text/plain")
    with pytest.raises(FetchError, match="HTTP 503") as error:
        fetcher.get(server.url("/down"))
    assert error.value.transient
    with pytest.raises(FetchError, match="backing off"):
        fetcher.get(server.url("/other"))  # the same host, within the back-off: not even asked
    assert len(server.requests) == 1
    now[0] += 11
    with pytest.raises(FetchError, match="HTTP 503"):
        fetcher.get(server.url("/down"))
    now[0] += 11
    with pytest.raises(FetchError, match="backing off"):  # the second failure doubled the wait to 20 s
        fetcher.get(server.url("/down"))


def test_a_404_is_no_reason_to_back_off(server):
    fetcher = Fetcher(host_delay=0)
    with pytest.raises(FetchError, match="HTTP 404") as error:
        fetcher.get(server.url("/nothing"))
    assert not error.value.transient
    server.pages["/a"] = Page(b"<p>a</p>")
    assert fetcher.get(server.url("/a")).status == 200
