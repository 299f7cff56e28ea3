"""Watch latency: from a new feed item to its event in the database, with `sitrep watch` polling a feed
served on loopback.

    python bench/watch_latency.py [--interval 30] [--trials 3]

A real `sitrep watch` process polls the feed every --interval seconds. Each trial waits a random time
(so items land anywhere in the poll cycle), adds an item whose article reports a strike, and measures
until an event with a mention from that article is in the database. Expected: about interval/2 on
average, the interval plus the processing time at worst. Target: under 60 s with a 30 s poll.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

TOWNS = ["Yartsevo in the Smolensk region", "Kupiansk in the Kharkiv region", "Belgorod in the Belgorod region",
         "Kursk in the Kursk region", "Odesa in the Odesa region", "Sumy in the Sumy region"]


class Feed:
    def __init__(self):
        self.items: list[tuple[str, str]] = []  # (path, html)
        self.lock = threading.Lock()

    def xml(self, base: str) -> bytes:
        with self.lock:
            entries = "".join(
                f'<item><title>{path}</title><link>{base}{path}</link><guid isPermaLink="false">{path}</guid></item>'
                for path, _ in self.items
            )
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench Wire</title>'
                f"<link>{base}/</link><description>bench</description>{entries}</channel></rss>").encode()

    def page(self, path: str) -> bytes | None:
        with self.lock:
            return next((html.encode() for p, html in self.items if p == path), None)

    def add(self, n: int) -> str:
        town = TOWNS[n % len(TOWNS)]
        text = (f"A drone attack hit a fuel depot in {town} overnight on December {1 + n % 28}, 2024, "
                f"the regional governor said. Firefighters worked through the night at the depot number {n}.")
        path = f"/a/{n}"
        with self.lock:
            self.items.append((path, f"<html><head><title>Strike {n}</title></head><body><article>"
                                     f"<h1>Strike {n}</h1><p>{text}</p></article></body></html>"))
        return path


def serve(feed: Feed) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = feed.xml(f"http://127.0.0.1:{self.server.server_address[1]}") if self.path == "/feed.xml" else feed.page(self.path)
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def event_for(db: Path, url: str) -> bool:
    try:
        with sqlite3.connect(db) as connection:
            row = connection.execute(
                "SELECT 1 FROM mentions JOIN documents ON documents.id = mentions.document_id"
                " WHERE documents.url = ? AND mentions.event_id IS NOT NULL", (url,)).fetchone()
            return row is not None
    except sqlite3.Error:
        return False


def wait_for(db: Path, url: str, timeout: float) -> float | None:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if event_for(db, url):
            return time.monotonic() - start
        time.sleep(0.1)
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--interval", type=float, default=30.0, help="the feed's poll interval, seconds")
    parser.add_argument("--trials", type=int, default=3)
    args = parser.parse_args()
    feed = Feed()
    server = serve(feed)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with tempfile.TemporaryDirectory() as tmp:
        config, db = Path(tmp) / "watch.yaml", Path(tmp) / "events.db"
        config.write_text(f"sources:\n  - feed: {base}/feed.xml\n    interval: {args.interval}\n")
        first = feed.add(0)  # warms the watcher up (spaCy, gazetteer) before the clock runs
        process = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "watch", str(config), "--db", str(db)],
                                   stderr=subprocess.DEVNULL, env=os.environ.copy())
        try:
            if wait_for(db, base + first, 300) is None:
                print("bench: the watcher never stored the first item", file=sys.stderr)
                return 1
            latencies = []
            for n in range(1, args.trials + 1):
                time.sleep(random.uniform(0, args.interval))
                path = feed.add(n)
                latency = wait_for(db, base + path, 3 * args.interval + 60)
                latencies.append(latency)
                print(f"item {n}: event in the database after {latency:.1f} s" if latency is not None
                      else f"item {n}: no event within {3 * args.interval + 60:.0f} s")
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=60)
        server.shutdown()
    done = [x for x in latencies if x is not None]
    if done:
        print(f"poll interval {args.interval:g} s: latency mean {sum(done) / len(done):.1f} s, max {max(done):.1f} s "
              f"over {len(done)} of {len(latencies)} items; watcher exit status {process.returncode}")
    return 0 if len(done) == len(latencies) else 1


if __name__ == "__main__":
    sys.exit(main())
