"""Import of GeoNames dump files, streamed row by row (allCountries.zip never fits in memory).

Kinds, told apart by file name: admin1CodesASCII.txt, admin2Codes.txt, alternateNames(V2).zip/.txt,
and everything else is the main table format (country zips such as UA.zip, cities500.zip,
allCountries.zip, or their .txt).
"""

from __future__ import annotations

import io
import json
import sqlite3
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sitrep.errors import GazetteerError
from sitrep.geo.normalize import is_usable_name, normalise
from sitrep.geo.schema import PlaceRow, record_import, staged_names, write_places
from sitrep.progress import progress_bar

BATCH = 10_000
MAIN_COLUMNS = 19
# Streams, hills and buildings share names with towns ("Bakhmut" is also a river): keep settlements,
# admin units and named regions only.
KEPT_CLASSES = {"P", "A"}
KEPT_L_CODES = {"RGN", "RGNE"}
# Pseudo-languages of alternateNames that hold links, postcodes and codes, not names.
SKIPPED_LANGUAGES = {"link", "post", "iata", "icao", "faac", "wkdt", "unlc", "abbr", "fr_1793", "tcid"}


def dump_kind(path: Path) -> str:
    name = path.name.lower()
    if name.startswith("admin1codes"):
        return "admin1"
    if name.startswith("admin2codes"):
        return "admin2"
    if name.startswith("alternatenames"):
        return "alternate_names"
    return "places"


def import_dump(conn: sqlite3.Connection, path: Path, progress: bool = True) -> int:
    """Import one file in one transaction; returns rows kept. Raises GazetteerError naming the file."""
    if not path.is_file():
        raise GazetteerError(f"{path}: no such file")
    kind = dump_kind(path)
    started = time.perf_counter()
    importer = {
        "admin1": _import_admin1,
        "admin2": _import_admin2,
        "alternate_names": _import_alternate_names,
        "places": _import_places,
    }[kind]
    with conn:
        rows = importer(conn, path, progress)
        record_import(conn, str(path), kind, rows, time.perf_counter() - started)
    return rows


@contextmanager
def _open_text(path: Path) -> Iterator[io.TextIOBase]:
    """The text of a .txt file, or of the data member of a GeoNames .zip (not its readme)."""
    try:
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as archive:
                members = [m for m in archive.namelist() if m.endswith(".txt") and "readme" not in m.lower()]
                if not members:
                    raise GazetteerError(f"{path}: the zip holds no GeoNames .txt table")
                with archive.open(members[0]) as raw:
                    yield io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
        else:
            with path.open(encoding="utf-8", newline="\n") as fh:
                yield fh
    except zipfile.BadZipFile as exc:
        raise GazetteerError(f"{path}: not a valid zip file ({exc})") from exc
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{path}: not UTF-8 text ({exc})") from exc
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read ({exc})") from exc


def _rows(fh: io.TextIOBase, path: Path, min_columns: int, progress: bool) -> Iterator[tuple[int, list[str]]]:
    for line_no, line in enumerate(progress_bar(fh, desc=path.name, unit=" rows", show=progress), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\r\n").split("\t")
        if len(fields) < min_columns:
            raise GazetteerError(
                f"{path}:{line_no}: expected {min_columns} tab-separated columns, found {len(fields)}"
            )
        yield line_no, fields


def _import_places(conn: sqlite3.Connection, path: Path, progress: bool) -> int:
    kept = 0
    batch: list[PlaceRow] = []
    admin_units: list[PlaceRow] = []
    with _open_text(path) as fh, staged_names(conn) as names_table:
        for line_no, f in _rows(fh, path, MAIN_COLUMNS, progress):
            feature_class, feature_code = f[6], f[7]
            if feature_class not in KEPT_CLASSES and not (feature_class == "L" and feature_code in KEPT_L_CODES):
                continue
            row = _place_row(f, path, line_no)
            batch.append(row)
            if feature_code in ("ADM1", "ADM2"):
                admin_units.append(row)
            if len(batch) >= BATCH:
                write_places(conn, batch, names_table=names_table)
                kept += len(batch)
                batch.clear()
        write_places(conn, batch, names_table=names_table)
    _merge_admin_units(conn, admin_units)
    return kept + len(batch)


def _place_row(f: list[str], path: Path, line_no: int) -> PlaceRow:
    try:
        geonameid, lat, lon = int(f[0]), float(f[4]), float(f[5])
        population = int(f[14] or 0)
    except ValueError as exc:
        raise GazetteerError(f"{path}:{line_no}: not a GeoNames row ({exc})") from exc
    iso = f[8] or None
    admin1 = f"{iso}.{f[10]}" if iso and f[10] and f[10] != "00" else None
    admin2 = f"{admin1}.{f[11]}" if admin1 and f[11] else None
    return PlaceRow(geonameid, f[1], iso, admin1, admin2, lat, lon, f[6], f[7], population,
                    path.name, [f[2], *f[3].split(",")] if f[3] else [f[2]])


def _merge_admin_units(conn: sqlite3.Connection, units: list[PlaceRow]) -> None:
    """ADM1/ADM2 rows of a dump also name admin units: add them to the admin tables."""
    for unit in units:
        if unit.feature_code == "ADM1" and unit.admin1:
            _merge_admin1(conn, unit.admin1, unit.iso or "", unit.name, list(unit.alternate_names), unit.geonameid)
        elif unit.feature_code == "ADM2" and unit.admin2:
            _merge_admin2(conn, unit.admin2, unit.name, list(unit.alternate_names), unit.geonameid)


def _merged_aliases(old_json: str | None, new: list[str]) -> str:
    old = json.loads(old_json) if old_json else []
    usable = [n for n in new if is_usable_name(n)]
    return json.dumps(list(dict.fromkeys([*old, *usable])), ensure_ascii=False)


def _merge_admin1(conn: sqlite3.Connection, code: str, iso: str, name: str, names: list[str], geonameid: int | None) -> None:
    row = conn.execute("SELECT aliases FROM admin1 WHERE code = ?", (code,)).fetchone()
    if row is None:
        conn.execute(
            "INSERT INTO admin1 (code, iso, local_name, aliases, geonameid) VALUES (?,?,?,?,?)",
            (code, iso, name, _merged_aliases(None, names), geonameid),
        )
    else:
        conn.execute(
            "UPDATE admin1 SET aliases = ?, geonameid = coalesce(geonameid, ?) WHERE code = ?",
            (_merged_aliases(row[0], [name, *names]), geonameid, code),
        )


def _merge_admin2(conn: sqlite3.Connection, code: str, name: str, names: list[str], geonameid: int | None) -> None:
    row = conn.execute("SELECT aliases FROM admin2 WHERE code = ?", (code,)).fetchone()
    if row is None:
        conn.execute(
            "INSERT INTO admin2 (code, admin1, name, aliases, geonameid) VALUES (?,?,?,?,?)",
            (code, code.rsplit(".", 1)[0], name, _merged_aliases(None, names), geonameid),
        )
    else:
        conn.execute(
            "UPDATE admin2 SET aliases = ?, geonameid = coalesce(geonameid, ?) WHERE code = ?",
            (_merged_aliases(row[0], [name, *names]), geonameid, code),
        )


def _import_admin1(conn: sqlite3.Connection, path: Path, progress: bool) -> int:
    """admin1CodesASCII.txt: code, name, ascii name, geonameid."""
    count = 0
    with _open_text(path) as fh:
        for line_no, (code, name, ascii_name, geonameid, *_) in _rows(fh, path, 4, progress):
            if "." not in code:
                raise GazetteerError(f"{path}:{line_no}: {code!r} is no admin1 code like 'UA.12'")
            _merge_admin1(conn, code, code.split(".")[0], name, [name, ascii_name], _int_or_none(geonameid))
            count += 1
    return count


def _import_admin2(conn: sqlite3.Connection, path: Path, progress: bool) -> int:
    """admin2Codes.txt: code, name, ascii name, geonameid."""
    count = 0
    with _open_text(path) as fh:
        for line_no, (code, name, ascii_name, geonameid, *_) in _rows(fh, path, 4, progress):
            if code.count(".") != 2:
                raise GazetteerError(f"{path}:{line_no}: {code!r} is no admin2 code like 'RU.69.468850'")
            _merge_admin2(conn, code, name, [name, ascii_name], _int_or_none(geonameid))
            count += 1
    return count


def _import_alternate_names(conn: sqlite3.Connection, path: Path, progress: bool) -> int:
    """alternateNamesV2: id, geonameid, isolanguage, name, ...; only names of places we hold are kept."""
    known = {gid for (gid,) in conn.execute("SELECT geonameid FROM places")}
    count = 0
    batch: list[tuple[str, int, int]] = []
    with _open_text(path) as fh:
        for line_no, f in _rows(fh, path, 4, progress):
            if f[2] in SKIPPED_LANGUAGES or not is_usable_name(f[3]):
                continue
            try:
                geonameid = int(f[1])
            except ValueError as exc:
                raise GazetteerError(f"{path}:{line_no}: geonameid {f[1]!r} is not a number") from exc
            if geonameid in known:
                batch.append((normalise(f[3]), geonameid, 0))
            if len(batch) >= BATCH:
                conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", batch)
                count += len(batch)
                batch.clear()
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", batch)
    return count + len(batch)


def _int_or_none(text: str) -> int | None:
    return int(text) if text.strip().isdigit() else None
