"""The watch configuration: a YAML (or TOML) file listing feeds and folders to follow.

    http: {timeout: 20, max_bytes: 5000000, host_delay: 1}   # optional; these are the defaults
    sources:
      - feed: https://example.org/world/rss.xml
        interval: 300          # seconds between polls (default 300)
        name: example-world    # optional: how logs and the database name it (default: the URL)
        source: Example News   # optional: the outlet documents are credited to (default: the page's site name)
      - folder: ~/sitrep-inbox # text, JSONL, HTML and Telegram export files dropped here
        interval: 60
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..errors import SitrepError

DEFAULT_INTERVAL = 300.0
HTTP_DEFAULTS = {"timeout": 20.0, "max_bytes": 5_000_000, "host_delay": 1.0, "backoff": 30.0}


class ConfigError(SitrepError):
    def __init__(self, path: Path, problem: str):
        super().__init__(f"{path}: {problem}")


@dataclass(frozen=True)
class SourceConfig:
    kind: str  # feed | folder
    location: str  # the feed URL, or the folder's absolute path
    interval: float
    name: str  # the key of its state in the database, and its name in logs
    source: str | None = None  # outlet label for its documents


@dataclass(frozen=True)
class WatchConfig:
    sources: list[SourceConfig]
    http: dict = field(default_factory=lambda: dict(HTTP_DEFAULTS))


def load_config(path: str | Path) -> WatchConfig:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(path, f"cannot read: {error.strerror or error}") from None
    try:
        data = tomllib.loads(text) if path.suffix.lower() == ".toml" else yaml.safe_load(text)
    except (yaml.YAMLError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(path, f"not valid {'TOML' if path.suffix.lower() == '.toml' else 'YAML'}: {error}") from None
    return parse_config(data, path)


def parse_config(data: object, path: Path) -> WatchConfig:
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list) or not data["sources"]:
        raise ConfigError(path, "expected a 'sources' list with at least one feed or folder")
    http = dict(HTTP_DEFAULTS)
    for key, value in (data.get("http") or {}).items():
        if key not in HTTP_DEFAULTS:
            raise ConfigError(path, f"http: unknown setting {key!r} (known: {', '.join(HTTP_DEFAULTS)})")
        http[key] = _positive(value, path, f"http.{key}")
    sources = [_source(item, path, f"sources[{i}]", path.parent) for i, item in enumerate(data["sources"])]
    names = [s.name for s in sources]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ConfigError(path, f"two sources share the name {duplicates[0]!r}: give each its own 'name'")
    return WatchConfig(sources, http)


def _source(item: object, path: Path, where: str, base: Path) -> SourceConfig:
    if not isinstance(item, dict):
        raise ConfigError(path, f"{where}: expected a mapping with 'feed' or 'folder'")
    unknown = set(item) - {"feed", "folder", "interval", "name", "source"}
    if unknown:
        raise ConfigError(path, f"{where}: unknown key {sorted(unknown)[0]!r}")
    interval = _positive(item.get("interval", DEFAULT_INTERVAL), path, f"{where}.interval")
    label = item.get("source")
    if "feed" in item and "folder" not in item:
        url = str(item["feed"])
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
            raise ConfigError(path, f"{where}: feed must be an http(s) URL, got {url!r}")
        return SourceConfig("feed", url, interval, str(item.get("name") or url), label)
    if "folder" in item and "feed" not in item:
        folder = (base / Path(str(item["folder"])).expanduser()).resolve()
        return SourceConfig("folder", str(folder), interval, str(item.get("name") or folder), label)
    raise ConfigError(path, f"{where}: give exactly one of 'feed' (a URL) or 'folder' (a path)")


def _positive(value: object, path: Path, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise ConfigError(path, f"{where}: expected a number of 0 or more, got {value!r}")
    return value
