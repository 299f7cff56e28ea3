"""The README documents every command and option of the CLI, every endpoint of the API and every extra (issue 17)."""

from __future__ import annotations

import argparse
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

from starlette.routing import Mount

from sitrep.api import ServeConfig, create_app
from sitrep.cli import _parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _mentioned(words: str, text: str = README) -> bool:
    """Are these words in the text, not as part of a longer name (`--db` is not in `--dbx`)?"""
    return re.search(rf"(?<![\w-]){re.escape(words)}(?![\w-])", text) is not None


def _commands(parser: argparse.ArgumentParser, path: str = "sitrep") -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Each command of the parser ("sitrep", "sitrep gazetteer import", ...) with its own parser."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, f"{path} {name}")


def _options(parser: argparse.ArgumentParser) -> list[str]:
    """The options of one command, each by its longest spelling (`--output` rather than `-o`); --help left out."""
    return [max(a.option_strings, key=len) for a in parser._actions
            if a.option_strings and not isinstance(a, argparse._HelpAction)]


def _endpoint(method: str, path: str) -> str:
    """`GET /api/events/{}`: a path's parameters unnamed, as the README may name them otherwise ({id})."""
    return f"{method} {re.sub(r'{[^}]*}', '{}', path)}"


def test_the_cli_walk_finds_commands_and_options():
    commands = dict(_commands(_parser()))
    assert {"sitrep ingest", "sitrep events", "sitrep gazetteer import", "sitrep serve", "sitrep gate"} <= set(commands)
    assert "--output" in _options(commands["sitrep export"]) and "--help" not in _options(commands["sitrep export"])
    assert _mentioned("--db", "sitrep events --db x") and not _mentioned("--db", "sitrep events --dbx")


def test_every_command_and_option_is_in_the_readme():
    missing = []
    for command, parser in _commands(_parser()):
        if not _mentioned(command):
            missing.append(command)
        missing += [f"{command} {option}" for option in _options(parser) if not _mentioned(option)]
    assert not missing, f"not in README.md: {', '.join(missing)}"


def test_every_api_endpoint_is_in_the_readme(tmp_path):
    app = create_app(ServeConfig(db=str(tmp_path / "events.db")))
    # the operations of the OpenAPI schema, and the routes left out of it (the page, the schema itself);
    # not /static, the page's files
    endpoints = sorted({_endpoint(method.upper(), path) for path, item in app.openapi()["paths"].items() for method in item} | {
        _endpoint(method, route.path)
        for route in app.routes if hasattr(route, "path") and not isinstance(route, Mount)
        for method in getattr(route, "methods", None) or () if method != "HEAD"
    })
    assert {"GET /api/events", "GET /api/events/{}", "POST /api/documents", "GET /"} <= set(endpoints)
    documented = {_endpoint(method, path) for method, path in re.findall(r"\b(GET|POST|PUT|PATCH|DELETE) (/[^\s`|,]*)", README)}
    missing = [endpoint for endpoint in endpoints if endpoint not in documented]
    assert not missing, f"not in README.md: {', '.join(missing)}"


PROJECT = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))["project"]
EXTRAS = set(PROJECT["optional-dependencies"]) - {"test"}


def test_every_extra_is_in_the_readme_and_every_hint_names_one():
    """Each extra has its row in the table of the README's install section, and each `pip install 'sitrep[NAME]'`
    that sitrep prints names an extra that exists."""
    assert {"html", "postgres", "serve", "train", "scale"} <= EXTRAS
    install = README.split("## Install without make", 1)[1].split("\n## ", 1)[0]
    assert not [extra for extra in EXTRAS if f"\n| `{extra}` |" not in install]
    hinted = {name for path in (Path(__file__).resolve().parents[1] / "src" / "sitrep").rglob("*.py")
              for names in re.findall(r"sitrep\[([a-z,]+)\]", path.read_text(encoding="utf-8")) for name in names.split(",")}
    assert {"html", "postgres", "train", "scale"} <= hinted and hinted <= EXTRAS


def test_the_test_extra_holds_every_other_extra():
    """CI installs `.[test]` alone: the tests of every feature need every extra's packages."""
    test = {" ".join(r.split()) for r in PROJECT["optional-dependencies"]["test"]}
    missing = [r for extra in EXTRAS for r in PROJECT["optional-dependencies"][extra] if " ".join(r.split()) not in test]
    assert not missing, f"not in the test extra: {', '.join(missing)}"
