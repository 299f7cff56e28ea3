"""Load bench of `sitrep serve` (issues 16 item 7 and 19): GET /api/events?limit=100 with each documented filter,
from 1, 10 and 50 concurrent clients, over 100,000 events, on SQLite and on PostgreSQL, with one server process;
first alone, then while `sitrep ingest` writes into the same database. Target: p95 under 50 ms at 50 clients,
for every filter, with no errors.

    python bench/serve_load.py [--events 100000] [--clients 1,10,50] [--seconds 10] [--filters country,bbox,...]
                               [--engines sqlite,postgresql] [--no-ingest] [--workers 1]

The events are synthetic (one report each, with evidence and a claim, as the pipeline stores them), spread
over a box around Ukraine and two years of days, and written with Store.save_events. The databases are kept
between runs (bench/out/serve.db; schema sitrep_bench of $SITREP_TEST_POSTGRES, which PostgreSQL needs):
refilled only when their events differ, and what an ingest added is deleted before and after each run.

The server is `sitrep serve` in its own process on a free loopback port; the load comes from wrk (Debian
package `wrk`), each connection sending its next request as soon as the last one is answered, each request
another of 500 URLs drawn for the filter (random boxes, months, countries by name or code in any case,
values stored and not stored). The ingest is `sitrep ingest` of ../shared/corpus in a loop, each round the
same articles under new ids and a year earlier, so that each round is new reports to extract, store and merge
into new events.

On a machine of two cores or more the server is pinned to core 0 and wrk (and the ingest) to core 1, with
taskset; other jobs on the machine are not kept off either core. So beside each figure: the server's CPU time
per request (steady whatever else runs), the share of its core it got (at 50 clients it should be near 100%;
less means something else ran there), and the load average at the end of the run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

import httpx

OUT = Path(__file__).resolve().parent / "out"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
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
LANGUAGE_SETS = [("en",), ("en",), ("uk",), ("ru",), ("ru", "uk"), ("en", "uk")]  # an event's documents' languages
OUTLETS, REGIONS = 40, 24
INGEST_PREFIX = "bench-ingest-"  # the ids of the documents the ingest adds, and so of their mentions


def synthetic_events(count: int, seed: int = 7):
    from sitrep.model import Claim, Event, Evidence, Mention, Place

    rng = random.Random(seed)
    for i in range(count):
        event_type, sub = rng.choice(TYPES)
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        lon, lat = rng.uniform(AREA[0], AREA[2]), rng.uniform(AREA[1], AREA[3])
        name = f"Place {i % 5000}"
        text = f"A {sub.lower()} hit {name} on {day:%B %d}, officials said on Telegram."
        place = Place(name, "Ukraine", "UA", f"Oblast {i % REGIONS}", None, round(lat, 5), round(lon, 5), 100000 + i % 5000, "P", "PPL", 1)
        source = f"Outlet {i % OUTLETS}"
        claim = Claim("officials", None, rng.choice(CHANNELS), "reports", "reported", Evidence(len(text) - 30, len(text) - 1, text[-30:-1]))
        mention = Mention(
            f"doc-{i}", event_type, sub, 0, len(text), day, day, 1, "Military Forces of Russia (2000-)", None, place,
            claims=(claim,), verification=rng.choice(VERIFICATION),
            evidence={"location": Evidence(text.index(name), text.index(name) + len(name), name)},
        )
        yield Event(
            f"ev-bench-{i:06d}", event_type, sub, (mention,), day, day, 1, mention.actor1, None, place,
            verification=mention.verification, sources=(source,), notes=text, languages=rng.choice(LANGUAGE_SETS),
        )


def fill(target: str, count: int) -> None:
    from sitrep.store import Store
    from sitrep.store.events import event_columns

    with Store.open(target) as store:
        remove_ingested(store)
        first = store.connection.execute("SELECT record FROM events WHERE id = 'ev-bench-000000'").fetchone()
        if store.count("events") == count and first and first[0] == event_columns(next(synthetic_events(1)))["record"]:
            print(f"  {store.path}: {count} events already there")
            return
        for table in ("event_sources", "event_languages", "event_values", "events"):
            store.connection.execute(f"DELETE FROM {table}")
        start, batch = time.perf_counter(), []
        for event in synthetic_events(count):
            batch.append(event)
            if len(batch) == 2000:
                store.save_events(batch)
                batch = []
        store.save_events(batch)
        # Fresh statistics for the query planner, as autovacuum (PostgreSQL) or `PRAGMA optimize` would give.
        store.connection.execute("ANALYZE")
        print(f"  {store.path}: {count} events written in {time.perf_counter() - start:.0f} s")


def remove_ingested(store) -> None:
    """What an ingest of an earlier run added: its documents, their mentions and the events made of them (the
    synthetic events have no stored documents, and the corpus's dates are not theirs, so none joined one)."""
    from sitrep.store.events import LISTED

    with store.connection:
        made = "SELECT event_id FROM mentions WHERE document_id LIKE ? AND event_id IS NOT NULL"
        for table in LISTED.values():  # event_sources, event_languages
            store.connection.execute(f"DELETE FROM {table} WHERE event_id IN ({made})", (INGEST_PREFIX + "%",))
        store.connection.execute(f"DELETE FROM events WHERE id IN ({made})", (INGEST_PREFIX + "%",))
        store.connection.execute("DELETE FROM mentions WHERE document_id LIKE ?", (INGEST_PREFIX + "%",))
        store.connection.execute("DELETE FROM documents WHERE id LIKE ?", (INGEST_PREFIX + "%",))


def postgres_target() -> str | None:
    url = os.environ.get("SITREP_TEST_POSTGRES")
    if not url:
        return None
    import psycopg

    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute("CREATE SCHEMA IF NOT EXISTS sitrep_bench")
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3Dsitrep_bench"


# Each filter's URLs: a mix of values stored and not (a filter that matches nothing must be as quick).
def _month(rng: random.Random, box: float) -> dict:
    first = date(2022 + rng.randrange(4), 1 + rng.randrange(12), 1)  # 2022-2025: half the months hold events
    last = (first + timedelta(days=31)).replace(day=1) - timedelta(days=1)
    return {"since": first.isoformat(), "until": last.isoformat()}


FILTERS = {
    "default": lambda rng, box: {},
    "country": lambda rng, box: {"country": rng.choice(["UA", "ua", "Ukraine", "UKRAINE", "FR", "France", "ru"])},
    "month": _month,
    "bbox": lambda rng, box: {"bbox": ",".join(f"{v:.3f}" for v in _box(rng, box))},
    "admin1": lambda rng, box: {"admin1": f"{rng.choice(['Oblast', 'oblast', 'OBLAST'])} {rng.randrange(REGIONS + 6)}"},
    "event_type": lambda rng, box: {"event_type": rng.choice([t for pair in TYPES for t in pair] + ["Riots"])},
    "sub_event_type": lambda rng, box: {"sub_event_type": rng.choice([sub for _, sub in TYPES] + ["Looting/property destruction"])},
    "language": lambda rng, box: {"language": rng.choice(["en", "ru", "uk", "unknown"])},
    "source": lambda rng, box: {"source": f"Outlet {rng.randrange(OUTLETS + 8)}"},
    "verification": lambda rng, box: {"verification": rng.choice(["unverified", "reported", "claimed", "confirmed", "disputed"])},
}


def _box(rng: random.Random, box: float) -> tuple[float, float, float, float]:
    lon = AREA[0] + rng.random() * (AREA[2] - AREA[0] - box)
    lat = AREA[1] + rng.random() * (AREA[3] - AREA[1] - box)
    return lon, lat, lon + box, lat + box


def paths(name: str, box: float, count: int = 500) -> list[str]:
    rng = random.Random(f"{name}-11")
    return [f"/api/events?{urlencode({**FILTERS[name](rng, box), 'limit': 100})}" for _ in range(count)]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


WRK_SCRIPT = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[i %% #paths + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d %%d\\n", summary.requests, e.connect + e.read + e.write + e.timeout,
    e.status, latency:percentile(50), latency:percentile(95), latency:percentile(99), summary.duration))
end
"""


def pinned(core: int | None, command: list[str]) -> list[str]:
    return command if core is None else ["taskset", "-c", str(core), *command]


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load(url: str, urls: list[str], clients: int, seconds: int, server_pid: int, core: int | None) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as file:
        file.write(WRK_SCRIPT % ", ".join(json.dumps(u) for u in urls))
    try:
        command = pinned(core, ["wrk", "-t", "1", "-c", str(clients), "-d", f"{seconds}s", "--timeout", "5s", "-s", file.name, url])
        cpu = cpu_seconds(server_pid)
        output = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60, check=True).stdout
        cpu = cpu_seconds(server_pid) - cpu
    finally:
        os.unlink(file.name)
    line = next(row for row in output.splitlines() if row.startswith("RESULT"))
    requests, socket_errors, status_errors, p50, p95, p99, duration = map(int, line.split()[1:])
    return {
        "clients": clients, "requests": requests, "errors": socket_errors + status_errors,
        "rps": requests / (duration / 1e6), "p50_ms": p50 / 1000, "p95_ms": p95 / 1000, "p99_ms": p99 / 1000,
        "cpu_ms": 1000 * cpu / max(requests, 1), "core_share": cpu / (duration / 1e6), "load": os.getloadavg()[0],
    }


def _years_back(published: str | None, years: int) -> str | None:
    if not published or not years:
        return published
    day = date.fromisoformat(published[:10])
    return day.replace(year=day.year - years, day=min(day.day, 28) if day.month == 2 else day.day).isoformat()


class IngestLoop:
    """`sitrep ingest` of the corpus into `target`, round after round until stopped; each round the same
    articles under new ids, published a year earlier than the round before: new reports (the same text on the
    same day is skipped) of new events (not joined to the last round's, nor to the synthetic ones after 2023)."""

    def __init__(self, target: str, core: int | None):
        self.target, self.core = target, core
        self.rounds, self.documents, self.failed = 0, 0, ""
        self._stop = threading.Event()
        self._process: subprocess.Popen | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.articles = [json.loads(line) for file in sorted(CORPUS.glob("*.jsonl")) for line in file.open(encoding="utf-8") if line.strip()]

    def __enter__(self) -> "IngestLoop":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
        self._thread.join()

    def _run(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            while not self._stop.is_set():
                path = Path(folder) / f"round-{self.rounds}.jsonl"
                with path.open("w", encoding="utf-8") as out:
                    for article in self.articles:
                        copy = {**article, "id": f"{INGEST_PREFIX}{self.rounds}-{article['id']}",
                                "published": _years_back(article.get("published"), self.rounds)}
                        out.write(json.dumps(copy, ensure_ascii=False) + "\n")
                command = pinned(self.core, [sys.executable, "-m", "sitrep.cli", "ingest", str(path), "--db", self.target, "--quiet"])
                self._process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                _, error = self._process.communicate()
                if self._stop.is_set():
                    return
                if self._process.returncode != 0:
                    self.failed = error.strip().splitlines()[-1] if error.strip() else f"exit {self._process.returncode}"
                    return
                self.rounds += 1
                self.documents += len(self.articles)


def serve(target: str, args, core: int | None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen(
        pinned(core, [sys.executable, "-m", "sitrep.cli", "serve", "--db", target, "--port", str(port), "--workers", str(args.workers)]),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={k: v for k, v in os.environ.items() if k != "SITREP_API_TOKEN"},
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(f"{base}/api/config", timeout=1)
            return server, base
        except httpx.TransportError:
            if server.poll() is not None:
                raise SystemExit(f"bench: sitrep serve exited: {server.stderr.read() if server.stderr else ''}") from None
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("bench: sitrep serve did not answer in 30 s")


def run_engine(target: str, args, cores: tuple[int | None, int | None]) -> list[dict]:
    server_core, client_core = cores
    server, base = serve(target, args, server_core)
    rows = []
    try:
        urls = {name: paths(name, args.box) for name in args.filters}
        for name, some in urls.items():
            sample = httpx.get(base + some[0])
            assert sample.status_code == 200, sample.text[:300]
            print(f"  {name}: {some[0]} -> {len(sample.json()['events'])} events, {len(sample.content) / 1024:.0f} KiB")
        load(base + "/", urls["default"] if "default" in urls else next(iter(urls.values())), 50, 3, server.pid, client_core)  # warm-up
        phases = ["alone"] + ([] if args.no_ingest else ["ingest"])
        for phase in phases:
            ingest = IngestLoop(target, client_core) if phase == "ingest" else None
            with ingest or contextlib.nullcontext():
                if ingest:
                    time.sleep(args.ingest_warmup)  # past the ingest's start-up (loading spaCy), into its writing
                for name, some in urls.items():
                    for clients in args.clients:
                        result = {"phase": phase, "filter": name, **load(base + "/", some, clients, args.seconds, server.pid, client_core)}
                        rows.append(result)
                        print("  " + row_text(result), flush=True)
            if ingest:
                print(f"  ingest during the runs: {ingest.rounds} rounds of {len(ingest.articles)} articles done"
                      + (f"; FAILED: {ingest.failed}" if ingest.failed else ""))
                if ingest.failed or ingest.rounds == 0:
                    rows.append({"phase": phase, "filter": "(ingest)", "errors": 1})
    finally:
        server.terminate()
        server.wait(timeout=10)
        from sitrep.store import Store

        with Store.open(target) as store:
            remove_ingested(store)
    return rows


HEADER = "| phase | filter | clients | requests/s | p50 ms | p95 ms | p99 ms | errors | server CPU ms/request | server's core | load |"


def row_text(r: dict) -> str:
    return (f"| {r['phase']} | {r['filter']} | {r['clients']} | {r['rps']:,.0f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | "
            f"{r['p99_ms']:.1f} | {r['errors']} | {r['cpu_ms']:.2f} | {r['core_share']:.0%} | {r['load']:.1f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", default="1,10,50", help="comma-separated numbers of concurrent clients")
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
    parser.add_argument("--filters", default=",".join(FILTERS), help=f"comma-separated, of: {', '.join(FILTERS)}")
    parser.add_argument("--box", type=float, default=3.0, help="side of each request's bbox in degrees")
    parser.add_argument("--workers", type=int, default=1, help="server processes (sitrep serve --workers)")
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--no-ingest", action="store_true", help="only the runs with nothing writing")
    parser.add_argument("--ingest-warmup", type=float, default=8, help="seconds between starting the ingest and the first run")
    args = parser.parse_args()
    args.clients = [int(c) for c in args.clients.split(",")]
    args.filters = args.filters.split(",")
    if unknown := set(args.filters) - set(FILTERS):
        parser.error(f"unknown filters: {', '.join(sorted(unknown))}")
    if not shutil.which("wrk"):
        print("bench: needs wrk (apt-get install wrk)", file=sys.stderr)
        return 2
    if not args.no_ingest and not list(CORPUS.glob("*.jsonl")):
        print(f"bench: the ingest needs {CORPUS}/*.jsonl (or --no-ingest)", file=sys.stderr)
        return 2
    two_cores = shutil.which("taskset") and len(os.sched_getaffinity(0)) >= 2
    cores = (0, 1) if two_cores else (None, None)
    print("server on core 0; wrk and the ingest on core 1 (shared by the two during the ingest runs)" if two_cores
          else "one core: server, wrk and the ingest share it")
    OUT.mkdir(exist_ok=True)
    results = {}
    for engine in args.engines.split(","):
        target = str(OUT / "serve.db") if engine == "sqlite" else postgres_target()
        if target is None:
            print(f"{engine}: skipped (set SITREP_TEST_POSTGRES=postgresql://...)")
            continue
        print(f"{engine}:")
        fill(target, args.events)
        results[engine] = run_engine(target, args, cores)
    (OUT / "serve_load.json").write_text(json.dumps(results, indent=1))
    for engine, rows in results.items():
        print(f"\n{engine}, {args.events:,} events, {args.workers} server process(es), {args.seconds:g} s a run:\n\n{HEADER}\n"
              + "|" + "---|" * (HEADER.count("|") - 1))
        for r in rows:
            if "rps" in r:
                print(row_text(r))
    slow = [r for rows in results.values() for r in rows if r.get("clients") == 50 and r["p95_ms"] >= 50]
    if slow:
        print(f"\np95 at 50 clients over 50 ms: {', '.join(sorted({r['phase'] + ' ' + r['filter'] for r in slow}))}")
    return 0 if all(r["errors"] == 0 for rows in results.values() for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
