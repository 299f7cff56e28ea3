"""The map page's first paint and time to interactive on many events (issue 20: goal under 1 s on 10,000).

    python bench/map_page.py [--events 10000]

The events are serve_load.py's synthetic ones (spread over a box around Ukraine and two years of days), in
bench/out/map_page.db, kept between runs. `sitrep serve` runs in its own process; Debian's Chromium (through
Playwright) opens the page with a cold cache and reports, from the page's own performance entries: first
contentful paint, when the markers were drawn (the page's mark `sitrep:events-drawn`, after every page of
events has loaded), how long the page's main thread was busy until its status line shows the count (after the
markers, the timeline; Chromium's TaskDuration, wall time: on a loaded machine more than the CPU time), when
the page was last busy for 50 ms or more at a stretch within 2 s of the drawing (the end of its last long
task: the regions' borders and shading come after the markers), the bytes it loaded, and how long a brush
of the timeline takes to redraw the map; and the machine's load average (1, 5 and 15 minutes) when it ends.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_load import OUT, fill, free_port

CHROMIUM = "/usr/bin/chromium"

# Installed before the page's own scripts: the page's long tasks (50 ms or more on its main thread).
LONG_TASKS = """window.__longTasks = [];
new PerformanceObserver((list) => { for (const t of list.getEntries()) window.__longTasks.push(t.startTime + t.duration); })
  .observe({ type: "longtask", buffered: true });"""

MEASURE = """() => {
  const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
  const files = performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'));
  return {
    first_contentful_paint_ms: Math.round(paint['first-contentful-paint']),
    events_loaded_ms: Math.round(performance.getEntriesByName('sitrep:events-loaded')[0].startTime),
    events_drawn_ms: Math.round(performance.getEntriesByName('sitrep:events-drawn')[0].startTime),
    bytes: files.reduce((sum, e) => sum + e.encodedBodySize, 0),
  };
}"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10000)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    db = str(OUT / "map_page.db")
    fill(db, args.events)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "sitrep.cli", "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, env={**os.environ, "SITREP_TILES": ""},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                httpx.get(f"{url}/api/config", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.add_init_script(LONG_TASKS)
            cdp = page.context.new_cdp_session(page)
            cdp.send("Performance.enable")
            page.goto(url)
            page.locator("#status", has_text="on the map").wait_for(timeout=60000)
            metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
            result = page.evaluate(MEASURE)
            result["main_thread_busy_ms"] = round(metrics["TaskDuration"] * 1000)
            page.wait_for_timeout(2000)
            drawn = result["events_drawn_ms"]
            result["busy_until_ms"] = round(max([drawn] + page.evaluate(
                f"window.__longTasks.filter((end) => end < {drawn} + 2000)")))
            bar = page.locator("#timeline .bar").nth(page.locator("#timeline .bar").count() // 2).bounding_box()
            start = time.perf_counter()
            page.mouse.click(bar["x"] + bar["width"] / 2, bar["y"] + bar["height"] - 1)
            page.locator("#clear-range:enabled").wait_for()
            page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
            result["brush_redraw_ms"] = round((time.perf_counter() - start) * 1000)
            result["status"] = page.locator("#status").inner_text()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    # the machine's load average beside the figures: on a shared machine they vary with it
    print(json.dumps({"events": args.events, **result, "load_average": os.getloadavg()}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
