"""`sitrep watch` against a feed server of our own on loopback: what lands in the database, what is
logged, what a restart does, and every way a source can fail."""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from pathlib import Path

import pytest
from feed_server import FeedServer, Page, article, rss

from sitrep.pipeline import Pipeline
from sitrep.store import Store
from sitrep.watch import Watcher
from sitrep.watch.config import parse_config
from sitrep.watch.state import WatchState

YARTSEVO = ("A Ukrainian drone attack hit a fuel depot in Yartsevo in the Smolensk region overnight on "
            "December 30, the regional governor said.")
KUPIANSK = ("Russian artillery shelled the town of Kupiansk in the Kharkiv region on December 29, "
            "killing two civilians, local officials said.")
FILLER = "Firefighters worked through the night and the governor promised to pay for the damage to homes nearby."
RUSSIAN = "Губернатор сообщил, что пожар на складе в Ярцево потушен. Пострадавших нет, сообщили в администрации."


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server():
    with FeedServer() as server:
        yield server


@pytest.fixture
def pipeline(embedded_gazetteer):
    return Pipeline(embedded_gazetteer)


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "events.db") as store:
        yield store


def serve_wire(server: FeedServer) -> None:
    """A feed of two good articles (one in cp1251), and an entry for each way a page can fail."""
    server.pages["/a/yartsevo"] = Page(article("Depot hit", [YARTSEVO, FILLER]).encode())
    server.pages["/a/russian"] = Page(article("Пожар", [RUSSIAN, RUSSIAN], "windows-1251").encode("cp1251"),
                                      content_type="text/html; charset=windows-1251")
    server.pages["/a/loop"] = Page(status=302, location="/a/loop")
    server.pages["/a/huge"] = Page(claimed_length=50_000_000)
    server.pages["/a/huge-stream"] = Page(stream_bytes=50_000_000, content_type="text/html")
    server.pages["/a/garbled"] = Page(bytes(range(128, 256)) * 40, content_type="text/html")
    entries = [
        {"guid": "yartsevo", "link": server.url("/a/yartsevo"), "date": "Mon, 30 Dec 2024 08:00:00 GMT"},
        {"guid": "russian", "link": server.url("/a/russian"), "date": "Mon, 30 Dec 2024 09:00:00 GMT"},
        {"guid": "gone", "link": server.url("/a/gone")},
        {"guid": "loop", "link": server.url("/a/loop")},
        {"guid": "huge", "link": server.url("/a/huge")},
        {"guid": "huge-stream", "link": server.url("/a/huge-stream")},
        {"guid": "garbled", "link": server.url("/a/garbled")},
        {"guid": "summary-only", "link": server.url("/a/gone-too"), "date": "Sun, 29 Dec 2024 18:00:00 GMT",
         "description": KUPIANSK},
    ]
    server.pages["/wire.xml"] = Page(rss(entries), content_type="application/rss+xml")
    server.pages["/broken.xml"] = Page(b"<html><body>502 Bad Gateway</h1>", content_type="application/rss+xml")
    truncated = rss([{"guid": "cut", "title": "Cut off", "description": KUPIANSK}])[:-len("</channel></rss>")]
    server.pages["/truncated.xml"] = Page(truncated, content_type="application/rss+xml")


def config(server: FeedServer, inbox: Path, **http) -> dict:
    return {
        "http": {"host_delay": 0, "backoff": 60, **http},
        "sources": [
            {"feed": server.url("/broken.xml"), "name": "broken", "interval": 60},
            {"feed": f"http://127.0.0.1:{closed_port()}/feed.xml", "name": "unreachable", "interval": 60},
            {"feed": server.url("/missing.xml"), "name": "missing", "interval": 60},
            {"feed": server.url("/truncated.xml"), "name": "truncated", "interval": 60},
            {"feed": server.url("/wire.xml"), "name": "wire", "interval": 60, "source": "Test Wire"},
            {"folder": str(inbox), "name": "inbox", "interval": 60},
        ],
    }


def make_watcher(data: dict, store, pipeline, tmp_path, **kwargs) -> Watcher:
    return Watcher(parse_config(data, tmp_path / "watch.yaml"), store, pipeline, settle=0, **kwargs)


def old_file(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    os.utime(path, (time.time() - 10, time.time() - 10))
    return path


def test_a_round_stores_new_reports_as_events_logs_every_failure_and_a_restart_repeats_nothing(
    server, store, pipeline, tmp_path, caplog
):
    serve_wire(server)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    old_file(inbox / "kupiansk.txt", KUPIANSK)
    caplog.set_level(logging.INFO, logger="sitrep.watch")

    summary = make_watcher(config(server, inbox), store, pipeline, tmp_path).run(once=True)

    # Three documents from the feed (two pages, one summary) and one from the folder.
    urls = [r[0] for r in store.connection.execute("SELECT url FROM documents ORDER BY url")]
    assert urls == [None, None, server.url("/a/gone-too"), server.url("/a/russian"), server.url("/a/yartsevo")]
    russian = store.connection.execute("SELECT text, source, published FROM documents WHERE url LIKE '%russian'").fetchone()
    assert "Ярцево" in russian[0] and russian[1] == "Test Wire" and russian[2] == "2024-12-30"
    events = list(store.events())
    assert {(e.sub_event_type, e.place.name if e.place else None) for e in events} >= {
        ("Air/drone strike", "Yartsevo"), ("Shelling/artillery/missile attack", "Kupyansk")}
    kupiansk = [e for e in events if e.place and e.place.name == "Kupyansk"]
    # The feed summary, the file and the truncated feed's entry: one event.
    assert len(kupiansk) == 1 and len(kupiansk[0].document_ids) == 3
    assert summary.failed_polls == 3 and summary.ingest.documents == 5

    logged = "\n".join(r.getMessage() for r in caplog.records)
    for expected in ("broken: feed " + server.url("/broken.xml") + ": broken feed XML",
                     "truncated: feed " + server.url("/truncated.xml") + ": malformed XML, 1 entries read anyway",
                     "unreachable: feed http://127.0.0.1:", "missing: feed " + server.url("/missing.xml") + ": HTTP 404",
                     "wire: skipped " + "gone: " + server.url("/a/gone") + ": HTTP 404",
                     "wire: skipped loop: " + server.url("/a/loop") + ": redirect loop",
                     "wire: skipped huge: " + server.url("/a/huge") + ": too large: 50,000,000 bytes",
                     "wire: skipped huge-stream: " + server.url("/a/huge-stream") + ": too large: more than 5,000,000",
                     "wire: skipped garbled: " + server.url("/a/garbled") + ": undecodable page"):
        assert expected in logged, expected
    assert all(r["user_agent"].startswith("sitrep/0.1 (+") for r in server.requests)

    # A restart: the feed answers 304 to its ETag, the folder's file is known; nothing new, nothing again.
    before = [store.count(t) for t in ("documents", "mentions", "events")]
    state = WatchState(store)
    seen = state.seen_count()
    again = make_watcher(config(server, inbox), store, pipeline, tmp_path).run(once=True)
    assert [store.count(t) for t in ("documents", "mentions", "events")] == before
    assert state.seen_count() == seen and again.ingest.documents == 0 and again.items == 0
    assert server.hits("/wire.xml")[-1]["if_none_match"] is not None
    assert len(server.hits("/a/yartsevo")) == 1

    # A new item and a new file arrive: only they are read.
    entries = [{"guid": "new", "link": server.url("/a/new"), "date": "Tue, 31 Dec 2024 08:00:00 GMT"}]
    server.pages["/a/new"] = Page(article("Shelling", [KUPIANSK.replace("two", "three"), FILLER]).encode())
    server.pages["/wire.xml"] = Page(rss(entries), content_type="application/rss+xml")
    old_file(inbox / "more.txt", YARTSEVO + " " + FILLER)
    third = make_watcher(config(server, inbox), store, pipeline, tmp_path).run(once=True)
    assert third.ingest.documents == 2 and store.count("documents") == before[0] + 2
    assert len(server.hits("/a/yartsevo")) == 1


def test_a_run_killed_between_storing_and_remembering_repeats_nothing(
    server, store, pipeline, tmp_path, monkeypatch
):
    serve_wire(server)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    data = config(server, inbox)
    data["sources"] = [s for s in data["sources"] if s["name"] == "wire"]
    original = WatchState.mark_seen
    calls = []

    def killed(self, source, item, document_id):
        calls.append(item)
        if len(calls) == 1:
            raise KeyboardInterrupt  # the process dies right after the document was committed
        original(self, source, item, document_id)

    monkeypatch.setattr(WatchState, "mark_seen", killed)
    with pytest.raises(KeyboardInterrupt):
        make_watcher(data, store, pipeline, tmp_path).run(once=True)
    assert store.count("documents") == 1 and store.count("events") == 1
    assert WatchState(store).seen_count() == 0

    make_watcher(data, store, pipeline, tmp_path).run(once=True)
    assert store.count("documents") == 3
    assert WatchState(store).seen("wire", "yartsevo")
    assert store.connection.execute("SELECT COUNT(*) FROM mentions WHERE event_id IS NULL").fetchone()[0] == 0


def test_stop_finishes_the_item_in_hand_and_the_next_run_takes_the_rest(server, store, pipeline, tmp_path):
    serve_wire(server)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    stop = threading.Event()
    data = config(server, inbox)
    data["sources"] = [s for s in data["sources"] if s["name"] == "wire"]
    watcher = make_watcher(data, store, pipeline, tmp_path, stop=stop)
    original = watcher._take

    def take_then_stop(source, item):
        done = original(source, item)
        stop.set()  # as SIGTERM would, while this item was being stored
        return done

    watcher._take = take_then_stop
    watcher.run()
    assert store.count("documents") == 1
    # The feed's ETag was not kept: the next run reads the whole feed again and stores the rest.
    assert WatchState(store).validators(server.url("/wire.xml")) == (None, None)
    make_watcher(data, store, pipeline, tmp_path).run(once=True)
    assert store.count("documents") == 3


def test_a_failing_source_backs_off_exponentially_and_recovers(server, store, pipeline, tmp_path):
    now = [1000.0]
    data = {"http": {"host_delay": 0}, "sources": [{"feed": server.url("/flaky.xml"), "name": "flaky", "interval": 10}]}
    watcher = make_watcher(data, store, pipeline, tmp_path, clock=lambda: now[0])
    source = watcher.config.sources[0]
    state = WatchState(store)
    for failures, delay in ((1, 10), (2, 20), (3, 40)):
        assert not watcher.poll(source)
        assert (state.source("flaky").failures, state.source("flaky").next_poll) == (failures, now[0] + delay)
    assert "HTTP 404" in state.source("flaky").last_error
    server.pages["/flaky.xml"] = Page(rss([]), content_type="application/rss+xml")
    assert watcher.poll(source)
    assert (state.source("flaky").failures, state.source("flaky").next_poll) == (0, now[0] + 10)


def test_polling_waits_for_each_source_interval_and_stops_on_request(server, store, pipeline, tmp_path):
    server.pages["/quiet.xml"] = Page(rss([]), content_type="application/rss+xml")
    data = {"http": {"host_delay": 0}, "sources": [{"feed": server.url("/quiet.xml"), "name": "quiet", "interval": 0.1}]}
    stop = threading.Event()
    timer = threading.Timer(0.45, stop.set)  # as SIGTERM's handler would
    timer.start()
    started = time.monotonic()
    make_watcher(data, store, pipeline, tmp_path, stop=stop).run()
    assert time.monotonic() - started < 2
    assert 2 <= len(server.hits("/quiet.xml")) <= 6


def test_a_grown_file_in_a_folder_gives_only_its_new_documents(store, pipeline, tmp_path):
    import json

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    log = inbox / "channel.jsonl"
    lines = [json.dumps({"id": "p1", "text": YARTSEVO, "published": "2024-12-30", "source": "Channel"})]
    old_file(log, "\n".join(lines) + "\n")
    old_file(inbox / "still-being-written.txt", KUPIANSK)
    os.utime(inbox / "still-being-written.txt")  # just now: it waits for the next turn
    data = {"sources": [{"folder": str(inbox), "name": "inbox"}]}
    watcher = Watcher(parse_config(data, tmp_path / "w.yaml"), store, pipeline, settle=5)
    assert watcher.run(once=True).ingest.documents == 1
    lines.append(json.dumps({"id": "p2", "text": KUPIANSK, "published": "2024-12-29", "source": "Channel"}))
    old_file(log, "\n".join(lines) + "\n")
    again = Watcher(parse_config(data, tmp_path / "w.yaml"), store, pipeline, settle=0).run(once=True)
    assert (again.ingest.documents, again.ingest.unchanged) == (2, 1)  # p2 and the settled text file
    assert store.count("documents") == 3
    assert Watcher(parse_config(data, tmp_path / "w.yaml"), store, pipeline, settle=0).run(once=True).items == 0


def test_an_article_whose_host_is_busy_is_fetched_again_next_turn(server, store, pipeline, tmp_path, caplog):
    server.pages["/a/busy"] = Page(b"try later", status=503, content_type="text/plain")
    server.pages["/feed.xml"] = Page(rss([{"guid": "busy", "link": server.url("/a/busy")}]),
                                     content_type="application/rss+xml")
    now = [0.0]
    data = {"http": {"host_delay": 0, "backoff": 0}, "sources": [{"feed": server.url("/feed.xml"), "name": "wire"}]}
    make_watcher(data, store, pipeline, tmp_path, clock=lambda: now[0]).run(once=True)
    assert "wire: " + server.url("/a/busy") + ": HTTP 503" in caplog.text and "retried next turn" in caplog.text
    assert not WatchState(store).seen("wire", "busy")
    assert WatchState(store).validators(server.url("/feed.xml")) == (None, None)  # so the feed is read again
    server.pages["/a/busy"] = Page(article("Depot hit", [YARTSEVO, FILLER]).encode())
    make_watcher(data, store, pipeline, tmp_path, clock=lambda: now[0]).run(once=True)
    assert store.count("documents") == 1 and WatchState(store).seen("wire", "busy")
    assert WatchState(store).validators(server.url("/feed.xml"))[0] is not None


@pytest.mark.parametrize(
    "body, what",
    [
        (b"<!DOCTYPE html>\n<html><head><title>News</title></head><body><p>Latest</p></body></html>", "an HTML page"),
        (b'<?xml version="1.0"?><data><item>1</item><item>2</item></data>', "a document of another kind"),
        (b"", "an empty response"),
    ],
)
def test_a_feed_url_serving_no_feed_is_a_failure_naming_the_url(server, tmp_path, body, what, caplog, capsys):
    """Issue 16, item 9: well-formed HTML or XML that is no feed gave no entries and no error, and exit 0."""
    from sitrep.cli import main

    server.pages["/feed.xml"] = Page(body, content_type="application/rss+xml")
    config = tmp_path / "watch.yaml"
    config.write_text(f"http: {{host_delay: 0}}\nsources:\n  - feed: {server.url('/feed.xml')}\n    name: news\n")

    assert main(["watch", str(config), "--once", "--db", str(tmp_path / "events.db")]) == 1

    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert f"news: feed {server.url('/feed.xml')}: not an RSS or Atom feed ({what})" in logged
    assert "1 polls (1 failed)" in capsys.readouterr().err


def test_an_unreadable_subfolder_of_a_watched_folder_is_logged(store, pipeline, tmp_path, monkeypatch, caplog):
    """Issue 16, item 9: it was skipped without a word."""
    inbox = tmp_path / "inbox"
    locked = inbox / "locked"
    locked.mkdir(parents=True)
    old_file(inbox / "kupiansk.txt", KUPIANSK)
    real = os.scandir
    refused = {str(locked)}
    monkeypatch.setattr(os, "scandir", lambda path=".": _refuse(path) if str(path) in refused else real(path))
    data = {"sources": [{"folder": str(inbox), "name": "inbox"}]}

    summary = make_watcher(data, store, pipeline, tmp_path).run(once=True)

    assert summary.ingest.documents == 1 and summary.failed_polls == 0
    assert f"inbox: {locked}: cannot read folder: Permission denied" in [r.getMessage() for r in caplog.records]
    refused.add(str(inbox))  # the watched folder itself: the poll fails
    assert make_watcher(data, store, pipeline, tmp_path).run(once=True).failed_polls == 1
    assert f"inbox: folder {inbox}: cannot read folder: Permission denied" in [r.getMessage() for r in caplog.records]


def _refuse(path):
    raise PermissionError(13, "Permission denied", str(path))


def test_a_text_file_still_being_written_is_taken_once_complete(store, pipeline, tmp_path, caplog):
    """Issue 16, item 9: a .txt whose writer had paused was stored half, and its completed text was then
    refused for good ("a different text is already stored") while watch exited 0."""
    caplog.set_level(logging.INFO, logger="sitrep.watch")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    path = inbox / "report.txt"
    data = {"sources": [{"folder": str(inbox), "name": "inbox"}]}
    half, rest = KUPIANSK[:60], KUPIANSK[60:]
    with path.open("w", encoding="utf-8") as writer:  # a writer that has paused, its file open
        writer.write(half)
        writer.flush()
        os.utime(path, (time.time() - 60, time.time() - 60))  # paused for longer than any settle time

        first = make_watcher(data, store, pipeline, tmp_path).run(once=True)

        assert (first.items, first.failed_polls, store.count("documents")) == (0, 0, 0)
        assert any("report.txt" in r.getMessage() and "still open for writing" in r.getMessage() for r in caplog.records)
        writer.write(rest)

    second = make_watcher(data, store, pipeline, tmp_path).run(once=True)

    assert (second.items, second.ingest.documents, second.ingest.errors) == (1, 1, [])
    assert store.document("report").text == KUPIANSK


def test_a_file_that_changes_while_it_is_read_is_read_again_next_turn(store, pipeline, tmp_path, monkeypatch):
    from sitrep.watch import folders

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    path = old_file(inbox / "report.txt", KUPIANSK[:60])
    data = {"sources": [{"folder": str(inbox), "name": "inbox"}]}
    real = folders.documents_of

    def read_then_grow(*args, **kwargs):
        documents = list(real(*args, **kwargs))
        path.write_text(KUPIANSK, encoding="utf-8")  # the writer goes on as the file is read
        return documents

    monkeypatch.setattr(folders, "documents_of", read_then_grow)
    assert make_watcher(data, store, pipeline, tmp_path).run(once=True).items == 0
    monkeypatch.setattr(folders, "documents_of", real)
    assert make_watcher(data, store, pipeline, tmp_path).run(once=True).ingest.documents == 1
    assert store.document("report").text == KUPIANSK
