"""What the `serve` extra (uvloop and httptools) buys `sitrep serve`: server CPU per request, with and without.

    python bench/serve_extra.py [--pairs 3] [--seconds 20] [--clients 10]

One server process (`sitrep serve --workers 1`) over bench/serve_load.py's SQLite database of 100,000 events
(filled first if need be), the load of bench/serve_load.py from wrk; "without" runs the server with uvloop and
httptools made unimportable (a sitecustomize that sets them to None in sys.modules), as when the extra is not
installed, so uvicorn takes asyncio and h11. The CPU time the server process used per request is steadier
than requests/s on a machine shared with other jobs; the pairs are interleaved.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from serve_load import AREA, OUT, WRK_SCRIPT, fill, free_port

SRC = Path(__file__).resolve().parents[1] / "src"


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def run(db: str, blocker: str | None, args: argparse.Namespace, script: str) -> tuple[int, float]:
    """Requests served in the timed run, and the server's CPU milliseconds per request."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "SITREP_API_TOKEN"}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (blocker, str(SRC), env.get("PYTHONPATH")) if p)
    server = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "serve", "--db", db, "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "api/config", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        wrk = ["wrk", "-t1", f"-c{args.clients}", "--timeout", "5s", "-s", script]
        subprocess.run([*wrk, "-d3s", base], capture_output=True, check=True)  # warm-up
        before = cpu_seconds(server.pid)
        output = subprocess.run([*wrk, f"-d{args.seconds}s", base], capture_output=True, text=True, check=True).stdout
        used = cpu_seconds(server.pid) - before
    finally:
        server.terminate()
        server.wait(timeout=10)
    requests = int(next(row for row in output.splitlines() if row.startswith("RESULT")).split()[1])
    return requests, used / requests * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("bench: needs wrk (apt-get install wrk)", file=sys.stderr)
        return 2
    OUT.mkdir(exist_ok=True)
    db = str(OUT / "serve.db")
    fill(db, args.events)
    with tempfile.TemporaryDirectory() as blocker, tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        Path(blocker, "sitecustomize.py").write_text('import sys\nsys.modules["uvloop"] = sys.modules["httptools"] = None\n')
        script.write(WRK_SCRIPT % {"seed": 11, "min_lon": AREA[0], "min_lat": AREA[1], "span_lon": AREA[2] - AREA[0],
                                   "span_lat": AREA[3] - AREA[1], "box": 3.0})
        script.flush()
        for _ in range(args.pairs):
            for label, path in (("without (asyncio, h11)", blocker), ("with (uvloop, httptools)", None)):
                requests, ms = run(db, path, args, script.name)
                load = Path("/proc/loadavg").read_text().split()[0]
                print(f"{label:26} {requests / args.seconds:7.0f} requests/s  {ms:.2f} ms server CPU a request  (load {load})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
