"""`sitrep watch` as a user runs it: configuration errors, and a real process stopped by SIGTERM."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from feed_server import FeedServer, Page, article, rss

from sitrep.cli import main
from sitrep.watch import load_config
from sitrep.watch.config import ConfigError

REPORT = ("A Ukrainian drone attack hit a fuel depot in Yartsevo in the Smolensk region overnight on "
          "December 30, the regional governor said. Firefighters worked through the night.")


@pytest.mark.parametrize(
    "text, problem",
    [
        ("sources: []", "expected a 'sources' list"),
        ("sources:\n  - feed: ftp://example.org/x", "feed must be an http(s) URL"),
        ("sources:\n  - feed: http://a/x\n    interval: soon", "sources[0].interval: expected a number"),
        ("sources:\n  - feed: http://a/x\n    folder: /tmp", "exactly one of 'feed'"),
        ("sources:\n  - feed: http://a/x\n  - feed: http://a/x", "share the name"),
        ("http: {speed: 3}\nsources:\n  - folder: .", "unknown setting 'speed'"),
        ("sources: [feed: http://a/x", "not valid YAML"),
    ],
)
def test_a_bad_configuration_names_the_file_and_the_problem(tmp_path, text, problem):
    path = tmp_path / "watch.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError, match="watch.yaml") as error:
        load_config(path)
    assert problem in str(error.value)


def test_toml_works_too_and_folders_are_relative_to_the_file(tmp_path):
    path = tmp_path / "watch.toml"
    path.write_text('[[sources]]\nfolder = "inbox"\ninterval = 5\n')
    (source,) = load_config(path).sources
    assert (source.kind, source.location, source.interval) == ("folder", str(tmp_path / "inbox"), 5)


def test_the_command_reports_a_missing_config(tmp_path, capsys):
    assert main(["watch", str(tmp_path / "nope.yaml"), "--db", str(tmp_path / "e.db")]) == 1
    assert "nope.yaml: cannot read" in capsys.readouterr().err


def test_a_watching_process_stores_the_event_and_exits_0_on_sigterm(tmp_path, embedded_gazetteer_path):
    with FeedServer() as server:
        server.pages["/a/1"] = Page(article("Depot hit", [REPORT]).encode())
        server.pages["/feed.xml"] = Page(rss([{"guid": "1", "link": server.url("/a/1")}]),
                                         content_type="application/rss+xml")
        config = tmp_path / "watch.yaml"
        config.write_text(f"http: {{host_delay: 0}}\nsources:\n  - feed: {server.url('/feed.xml')}\n    interval: 0.2\n")
        db = tmp_path / "events.db"
        env = {**os.environ, "SITREP_GAZETTEER": str(embedded_gazetteer_path)}
        process = subprocess.Popen(
            [sys.executable, "-m", "sitrep.cli", "watch", str(config), "--db", str(db)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and not _events(db):
                time.sleep(0.2)
            assert _events(db) == 1
            polls = len(server.hits("/feed.xml"))
            time.sleep(0.6)
            assert len(server.hits("/feed.xml")) > polls  # still polling on its interval
            process.send_signal(signal.SIGTERM)
            _, err = process.communicate(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
        assert process.returncode == 0, err
        assert "1 new documents" in err and "Traceback" not in err


def _events(db) -> int:
    try:
        with sqlite3.connect(db) as connection:
            return connection.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_the_command_has_an_example_in_its_help(capsys):
    with pytest.raises(SystemExit):
        main(["watch", "--help"])
    assert "example:" in capsys.readouterr().out
