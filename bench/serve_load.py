"""Load bench of `sitrep serve`: GET /api/events?bbox=...&limit=100 from 50 concurrent clients over 100,000
events, on SQLite and on PostgreSQL. Target: p95 under 50 ms with no errors.

    python bench/serve_load.py [--events 100000] [--clients 50] [--seconds 20] [--engines sqlite,postgresql]

The events are synthetic (one report each, with evidence and a claim, as the pipeline stores them), spread
over a box around Ukraine and two years of days, and written with Store.save_events. The databases are
kept between runs (bench/out/serve.db; schema sitrep_bench of $SITREP_TEST_POSTGRES, which PostgreSQL
needs) and refilled only when their event count differs. The server is `sitrep serve` in its own process on
a free loopback port; the load comes from wrk (Debian package `wrk`), each request for another random box
of --box degrees, for a fixed time.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

OUT = Path(__file__).resolve().parent / "out"
AREA = (22.0, 44.5, 40.0, 52.5)  # min lon, min lat, max lon, max lat
FIRST_DAY = date(2023, 1, 1)
DAYS = 730
TYPES = [
    ("Explosions/Remote violence", "Air/drone strike"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Battles", "Armed clash"), ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"),
    ("Strategic developments", "Disrupted weapons use"),
]
VERIFICATION = ["reported", "reported", "claimed", "confirmed", "disputed", "unverified"]
CHANNELS = ["telegram", "statement", "media", "video"]


def synthetic_events(count: int, seed: int = 7):
    from sitrep.model import Claim, Event, Evidence, Mention, Place

    rng = random.Random(seed)
    for i in range(count):
        event_type, sub = rng.choice(TYPES)
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        lon, lat = rng.uniform(AREA[0], AREA[2]), rng.uniform(AREA[1], AREA[3])
        name = f"Place {i % 5000}"
        text = f"A {sub.lower()} hit {name} on {day:%B %d}, officials said on Telegram."
        place = Place(name, "Ukraine", "UA", f"Oblast {i % 24}", None, round(lat, 5), round(lon, 5), 100000 + i % 5000, "P", "PPL", 1)
        source = f"Outlet {i % 40}"
        claim = Claim("officials", None, rng.choice(CHANNELS), "reports", "reported", Evidence(len(text) - 30, len(text) - 1, text[-30:-1]))
        mention = Mention(
            f"doc-{i}", event_type, sub, 0, len(text), day, day, 1, "Military Forces of Russia (2000-)", None, place,
            claims=(claim,), verification=rng.choice(VERIFICATION),
            evidence={"location": Evidence(text.index(name), text.index(name) + len(name), name)},
        )
        yield Event(
            f"ev-bench-{i:06d}", event_type, sub, (mention,), day, day, 1, mention.actor1, None, place,
            verification=mention.verification, sources=(source,), notes=text,
        )


def fill(target: str, count: int) -> None:
    from sitrep.store import Store

    with Store.open(target) as store:
        if store.count("events") == count:
            print(f"  {store.path}: {count} events already there")
            return
        store.connection.execute("DELETE FROM event_sources")
        store.connection.execute("DELETE FROM events")
        store.connection.commit()
        start, batch = time.perf_counter(), []
        for event in synthetic_events(count):
            batch.append(event)
            if len(batch) == 2000:
                store.save_events(batch)
                batch = []
        store.save_events(batch)
        # Fresh statistics for the query planner, as autovacuum (PostgreSQL) or `PRAGMA optimize` would give.
        store.connection.execute("ANALYZE")
        store.connection.commit()
        print(f"  {store.path}: {count} events written in {time.perf_counter() - start:.0f} s")


def postgres_target() -> str | None:
    url = os.environ.get("SITREP_TEST_POSTGRES")
    if not url:
        return None
    import psycopg

    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute("CREATE SCHEMA IF NOT EXISTS sitrep_bench")
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3Dsitrep_bench"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


WRK_SCRIPT = """
math.randomseed(%(seed)d)
request = function()
  local lon = %(min_lon)f + math.random() * (%(span_lon)f - %(box)f)
  local lat = %(min_lat)f + math.random() * (%(span_lat)f - %(box)f)
  return wrk.format("GET", string.format("/api/events?bbox=%%.3f,%%.3f,%%.3f,%%.3f&limit=100", lon, lat, lon + %(box)f, lat + %(box)f))
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d %%d\\n", summary.requests, e.connect + e.read + e.write + e.timeout,
    e.status, latency:percentile(50), latency:percentile(95), latency:percentile(99), summary.duration))
end
"""


def load(url: str, clients: int, seconds: int, box: float, threads: int) -> dict:
    script = WRK_SCRIPT % {
        "seed": 11, "min_lon": AREA[0], "min_lat": AREA[1], "span_lon": AREA[2] - AREA[0],
        "span_lat": AREA[3] - AREA[1], "box": box,
    }
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as file:
        file.write(script)
    try:
        command = ["wrk", "-t", str(threads), "-c", str(clients), "-d", f"{seconds}s", "--timeout", "5s", "-s", file.name, url]
        output = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60, check=True).stdout
    finally:
        os.unlink(file.name)
    line = next(row for row in output.splitlines() if row.startswith("RESULT"))
    requests, socket_errors, status_errors, p50, p95, p99, duration = map(int, line.split()[1:])
    return {
        "requests": requests, "errors": socket_errors + status_errors, "rps": requests / (duration / 1e6),
        "p50_ms": p50 / 1000, "p95_ms": p95 / 1000, "p99_ms": p99 / 1000,
    }


def serve_and_load(target: str, args) -> dict:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "sitrep.cli", "serve", "--db", target, "--port", str(port), "--workers", str(args.workers)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={k: v for k, v in os.environ.items() if k != "SITREP_API_TOKEN"},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(f"{base}/api/config", timeout=1)
                break
            except httpx.TransportError:
                if server.poll() is not None:
                    raise SystemExit(f"bench: sitrep serve exited: {server.stderr.read()}") from None
                time.sleep(0.1)
        sample = httpx.get(f"{base}/api/events", params={"bbox": "30,48,33,51", "limit": 100})
        assert sample.status_code == 200 and len(sample.json()["events"]) == 100, sample.text[:300]
        print(f"  one page of 100 events: {len(sample.content) / 1024:.0f} KiB")
        load(base + "/", args.clients, 3, args.box, args.threads)  # warm-up
        return load(base + "/", args.clients, args.seconds, args.box, args.threads)
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--box", type=float, default=3.0, help="side of each request's bbox in degrees")
    parser.add_argument("--threads", type=int, default=1, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="server processes (sitrep serve --workers)")
    parser.add_argument("--engines", default="sqlite,postgresql")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("bench: needs wrk (apt-get install wrk)", file=sys.stderr)
        return 2
    OUT.mkdir(exist_ok=True)
    results = {}
    for engine in args.engines.split(","):
        target = str(OUT / "serve.db") if engine == "sqlite" else postgres_target()
        if target is None:
            print(f"{engine}: skipped (set SITREP_TEST_POSTGRES=postgresql://...)")
            continue
        print(f"{engine}:")
        fill(target, args.events)
        results[engine] = serve_and_load(target, args)
        r = results[engine]
        print(f"  {r['requests']} requests in {args.seconds} s ({r['rps']:.0f}/s), {args.clients} clients: "
              f"p50 {r['p50_ms']:.1f} ms, p95 {r['p95_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms, errors {r['errors']}")
    print("\n| database | events | clients | requests/s | p50 ms | p95 ms | p99 ms | errors |\n|---|---|---|---|---|---|---|---|")
    for engine, r in results.items():
        print(f"| {engine} | {args.events:,} | {args.clients} | {r['rps']:.0f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['p99_ms']:.1f} | {r['errors']} |")
    return 0 if all(r["errors"] == 0 for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
