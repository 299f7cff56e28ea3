"""What the default install does alone, and what each extra adds (README, "Install without make"): the
main job runs without any extra, and a feature that needs one says which (`pip install 'sitrep[NAME]'`)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

import httpx
import pytest
from packaging.requirements import Requirement

from sitrep.cli import main
from sitrep.errors import InputError, SitrepError
from sitrep.ingest.html import read_html_file
from sitrep.store import Store, StoreError
from sitrep.watch import Watcher, check_installed
from sitrep.watch.config import parse_config

from .conftest import EXAMPLES

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
PAGE = ("<html><head><title>Depot hit</title></head><body><article><p>A Ukrainian drone attack hit a fuel depot in "
        "Yartsevo in the Smolensk region overnight on December 30, the regional governor said.</p></article></body></html>")


def _name(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def _distributions(requirements: Iterable[str]) -> set[str]:
    """The installed distributions these requirements bring, with everything they need in turn."""
    seen: set[str] = set()
    todo = [r for r in map(Requirement, requirements) if r.marker is None or r.marker.evaluate({"extra": ""})]
    while todo:
        requirement = todo.pop()
        name = _name(requirement.name)
        key = f"{name}[{','.join(sorted(requirement.extras))}]"
        if key in seen:
            continue
        seen.add(key)
        try:
            needs = metadata.distribution(name).requires or []
        except metadata.PackageNotFoundError:
            continue  # a marker-only dependency of another platform
        for need in map(Requirement, needs):
            if need.marker is None or any(need.marker.evaluate({"extra": extra}) for extra in requirement.extras | {""}):
                todo.append(need)
    return {key.split("[")[0] for key in seen}


def _top_level_modules(distribution: str) -> set[str]:
    files = metadata.distribution(distribution).files or []
    tops = {file.parts[0] for file in files if len(file.parts) > 1} | {file.stem for file in files if len(file.parts) == 1 and file.suffix == ".py"}
    return {top for top in tops if top.isidentifier() and top != "__pycache__" and not top.endswith((".dist-info", ".libs"))}


def extra_only_modules() -> set[str]:
    """The modules that only the extras install (trafilatura, psycopg, uvloop, scikit-learn, ...)."""
    default = _distributions(PROJECT["dependencies"])
    extras = set()
    for name, requirements in PROJECT["optional-dependencies"].items():
        if name != "test":
            extras |= _distributions(requirements) - default
    return set().union(*(_top_level_modules(d) for d in extras))


def test_the_extra_only_modules_are_found():
    modules = extra_only_modules()
    assert {"trafilatura", "babel", "lxml", "psycopg", "psycopg_binary", "uvloop", "httptools", "sklearn", "dask", "pyarrow"} <= modules
    assert not modules & {"spacy", "numpy", "fastapi", "uvicorn", "yaml", "rapidfuzz", "feedparser", "sitrep"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_default_install_does_the_main_job_without_any_extra(tmp_path, embedded_gazetteer_path):
    """ingest, events, show, export and serve in processes where every module of an extra fails to import, as
    when it is not installed; an HTML page and a PostgreSQL address say which extra they need."""
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(
        f"import sys\nfor name in {sorted(extra_only_modules())!r}:\n    sys.modules[name] = None\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("SITREP_DB", "SITREP_API_TOKEN")}
    env.update(PYTHONPATH=os.pathsep.join([str(blocker), str(ROOT / "src"), env.get("PYTHONPATH", "")]),
               SITREP_HOME=str(tmp_path / "home"), SITREP_GAZETTEER=str(embedded_gazetteer_path))
    db = str(tmp_path / "events.db")

    def sitrep(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "sitrep.cli", *args], env=env, capture_output=True, text=True, timeout=600)

    blocked = sitrep("--version")
    assert blocked.returncode == 0, blocked.stderr
    ingest = sitrep("ingest", str(EXAMPLES), "--db", db, "--quiet")
    assert ingest.returncode == 0, ingest.stderr
    events = sitrep("events", "--db", db)
    assert events.returncode == 0 and "Yartsevo" in events.stdout and "Krolevets" in events.stdout, events.stdout + events.stderr
    exported = sitrep("export", "--format", "geojson", "--db", db)
    features = json.loads(exported.stdout)["features"]
    assert exported.returncode == 0 and len(features) >= 5
    shown = sitrep("show", features[0]["properties"]["id"], "--db", db)
    assert shown.returncode == 0 and features[0]["properties"]["id"] in shown.stdout

    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "depot.html").write_text(PAGE, encoding="utf-8")
    html = sitrep("ingest", str(tmp_path / "pages"), "--db", db, "--quiet")
    assert html.returncode == 1 and "depot.html: reading HTML pages needs trafilatura: pip install 'sitrep[html]'" in html.stderr
    postgres = sitrep("events", "--db", "postgresql://someone:secret@127.0.0.1:1/nothing")
    assert postgres.returncode == 1 and "pip install 'sitrep[postgres]'" in postgres.stderr and "secret" not in postgres.stderr

    # `sitrep serve` on uvicorn's asyncio loop and h11, as without the serve extra
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "serve", "--db", db, "--port", str(port)],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for _ in range(300):
            if server.poll() is not None:
                pytest.fail(f"sitrep serve exited: {server.stdout.read() if server.stdout else ''}")
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/events", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            pytest.fail("sitrep serve did not answer within 30 s")
        assert answer.status_code == 200 and len(answer.json()["events"]) == len(features)
        assert httpx.get(f"http://127.0.0.1:{port}/", timeout=5).status_code == 200
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_an_html_page_without_trafilatura_is_an_input_error_naming_the_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    page = tmp_path / "depot.html"
    page.write_text(PAGE, encoding="utf-8")
    [error] = list(read_html_file(page))
    assert isinstance(error, InputError) and "pip install 'sitrep[html]'" in str(error) and str(page) in str(error)


def test_watching_a_feed_without_trafilatura_is_an_error_before_anything_is_opened(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    config = tmp_path / "sources.yaml"
    config.write_text("sources:\n  - feed: http://127.0.0.1:1/rss.xml\n    name: wire\n  - folder: inbox\n", encoding="utf-8")
    db = tmp_path / "events.db"
    assert main(["watch", str(config), "--once", "--db", str(db)]) == 1
    assert "following feeds (wire) needs trafilatura to read their article pages: pip install 'sitrep[html]'" in capsys.readouterr().err
    assert not db.exists()
    with Store.open(db) as store, pytest.raises(SitrepError, match=r"sitrep\[html\]"):
        Watcher(parse_config({"sources": [{"feed": "http://127.0.0.1:1/rss.xml"}]}, config), store)
    # folders alone need nothing more: an HTML file in one is an input error of its own, as in `ingest`
    check_installed(parse_config({"sources": [{"folder": str(tmp_path)}]}, config))


def test_postgresql_without_psycopg_names_the_extra(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "psycopg", None)
    url = "postgresql://someone:secret@127.0.0.1:1/nothing"
    with pytest.raises(StoreError, match=r"a PostgreSQL database needs psycopg: pip install 'sitrep\[postgres\]'") as error:
        Store.open(url)
    assert "secret" not in str(error.value)
    assert main(["serve", "--db", url]) == 1
    assert "pip install 'sitrep[postgres]'" in capsys.readouterr().err
