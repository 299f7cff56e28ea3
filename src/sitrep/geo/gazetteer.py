"""The gazetteer: an indexed SQLite file of places, names and admin units, and its lookups."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from sitrep import config
from sitrep.errors import GazetteerError
from sitrep.geo.admin_index import refresh_admin_index, refresh_spellings
from sitrep.geo.dumps import import_dump
from sitrep.geo.embedded import build_embedded, seed_countries
from sitrep.geo.normalize import consonant_key, fuzzy_key, normalise, query_variants, spelling_key, strip_unit_words
from sitrep.geo.packaged import unpack_packaged
from sitrep.geo.schema import BUSY_WAIT_MS, SET_UP_WAIT_MS, bulk_writes, connect, get_meta
from sitrep.geo.wordlists import Region, aliases
from sitrep.model import GEO_PRECISION_REGION, GEO_PRECISION_TOWN, Place

_CLASS_ORDER = {"P": 0, "A": 1, "L": 2}
_ENTRY_SQL = """
SELECT p.geonameid, CASE WHEN p.feature_code = 'ADM1' THEN coalesce(a1.name, p.name) ELSE p.name END AS name,
       p.iso, c.name AS country, p.admin1 AS admin1_code, a1.name AS admin1,
       p.admin2 AS admin2_code, a2.name AS admin2, p.lat, p.lon, p.feature_class, p.feature_code,
       p.population, {is_main} AS is_main
FROM {source}
JOIN places p ON p.geonameid = {id_column}
LEFT JOIN admin1 a1 ON a1.code = p.admin1
LEFT JOIN admin2 a2 ON a2.code = p.admin2
LEFT JOIN countries c ON c.iso = p.iso
"""
_BY_NAME_SQL = _ENTRY_SQL.format(is_main="n.is_main", source="names n", id_column="n.geonameid") + "WHERE n.norm = ?"
_OTHER_SPELLINGS_EXIST = (" OR EXISTS (SELECT 1 FROM names n JOIN places p ON p.geonameid = n.geonameid"
                          " WHERE n.norm IN (SELECT norm FROM spellings WHERE key = ?))")
_BY_ID_SQL = _ENTRY_SQL.format(is_main="1", source="(SELECT ? AS gid) q", id_column="q.gid")


@dataclass(frozen=True)
class GazetteerEntry:
    """One place of the gazetteer as a lookup found it."""

    geonameid: int | None
    name: str
    iso: str | None
    country: str | None
    admin1_code: str | None
    admin1: str | None
    admin2_code: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    feature_class: str | None
    feature_code: str | None
    population: int = 0
    is_main: bool = True  # found by its own name, not an alternate one

    def to_place(self, start: int | None = None, end: int | None = None, geo_precision: int | None = None) -> Place:
        return Place(
            name=self.name, country=self.country, iso=self.iso, admin1=self.admin1, admin2=self.admin2,
            latitude=self.lat, longitude=self.lon, geonameid=self.geonameid,
            feature_class=self.feature_class, feature_code=self.feature_code,
            geo_precision=geo_precision if geo_precision is not None else self.default_precision,
            start=start, end=end,
        )

    @property
    def default_precision(self) -> int:
        if self.feature_class == "P":
            return GEO_PRECISION_TOWN
        if self.feature_code == "ADM2":
            return 2
        return GEO_PRECISION_REGION


# What _ENTRY_SQL selects, in its order: GazetteerEntry's fields (Gazetteer._query makes an entry of a row's values)
ENTRY_FIELDS = tuple(field.name for field in fields(GazetteerEntry))


def _prior(entry: GazetteerEntry) -> tuple:
    return (_CLASS_ORDER.get(entry.feature_class or "", 3), not entry.is_main, -entry.population)


class Gazetteer:
    """Places by name. Open with `Gazetteer.open()`; lookups are cached in memory."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn, self.path = conn, path
        self._by_name = lru_cache(maxsize=100_000)(self._lookup_uncached)
        self._admin_by_name = lru_cache(maxsize=50_000)(self._admin_lookup_uncached)
        self._fuzzy_choices = lru_cache(maxsize=256)(self._names_in_admin1)
        # every capitalised word of a text is asked whether it names a country or a region: once a name
        self._country_by_name = lru_cache(maxsize=50_000)(self._country_lookup_uncached)
        self._region_by_name = lru_cache(maxsize=50_000)(self._region_lookup_uncached)
        # and whether it names anything at all, asked of every word of every run of capitalised words
        self._knows = lru_cache(maxsize=100_000)(self._knows_uncached)
        self._capital_of = lru_cache(maxsize=256)(self._capital_uncached)

    # ---- opening and importing -------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str | None = None, *, embedded: bool = True, progress: bool = True) -> Gazetteer:
        """Open (creating if need be) the gazetteer file; a new one is the embedded default, unpacked from
        the installed package (see geo.packaged), else built from the tables (a source checkout).

        embedded=False leaves a new gazetteer empty but for country names (for small test gazetteers).
        """
        path = Path(path) if path is not None else config.default_gazetteer()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if embedded:
                unpack_packaged(path)
            conn = connect(path)
            if _set_up_steps(conn, embedded):
                _set_up(conn, embedded, progress)
        except sqlite3.Error as exc:
            raise GazetteerError(f"{path}: cannot open the gazetteer ({exc})") from exc
        return cls(conn, path)

    def import_files(self, paths: Iterable[Path | str], progress: bool = True) -> dict[str, int]:
        """Import GeoNames dumps (replacing places with the same geonameid); returns rows kept per file."""
        counts = {}
        with bulk_writes(self.conn):
            for path in map(Path, paths):
                try:
                    counts[str(path)] = import_dump(self.conn, path, progress=progress)
                except sqlite3.Error as exc:
                    raise GazetteerError(f"{path}: import failed ({exc})") from exc
            with self.conn:
                refresh_admin_index(self.conn, progress=progress)
        self.clear_cache()
        return counts

    def clear_cache(self) -> None:
        self._by_name.cache_clear()
        self._admin_by_name.cache_clear()
        self._fuzzy_choices.cache_clear()
        self._country_by_name.cache_clear()
        self._region_by_name.cache_clear()
        self._knows.cache_clear()
        self._capital_of.cache_clear()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def info(self) -> dict:
        """What is loaded: rows by source, imports, countries with places."""
        q = self.conn.execute
        return {
            "path": str(self.path),
            "places": q("SELECT count(*) FROM places").fetchone()[0],
            "names": q("SELECT count(*) FROM names").fetchone()[0],
            "admin1": q("SELECT count(*) FROM admin1").fetchone()[0],
            "admin2": q("SELECT count(*) FROM admin2").fetchone()[0],
            "other_spellings": q("SELECT count(*) FROM spellings").fetchone()[0],
            "places_by_source": dict(q("SELECT source, count(*) FROM places GROUP BY source").fetchall()),
            "imports": [dict(r) for r in q("SELECT * FROM imports ORDER BY rowid")],
            "countries": q("SELECT count(DISTINCT iso) FROM places WHERE feature_class = 'P'").fetchone()[0],
            "embedded": get_meta(self.conn, "embedded"),
        }

    # ---- lookups ---------------------------------------------------------------------------------

    def knows(self, name: str) -> bool:
        """Whether `name` names a place, a country, a listed region or an admin1 unit."""
        return self._knows(name)

    def _knows_uncached(self, name: str) -> bool:
        if not self._may_know(name):
            return False
        return bool(self.lookup(name) or self.country_lookup(name) or self.region_lookup(name)
                    or self.admin1_lookup(name))

    def _may_know(self, name: str) -> bool:
        """False only where none of the four look-ups of `knows` can find `name`: no row of the tables they read
        (names of places, other spellings, countries, admin keys) holds any form of it they ask for. Most names
        asked are no place (capitalised words of every kind): one query says so, where the look-ups made six
        to ten. A name of the curated lists (aliases) takes the look-ups' own way."""
        norm = normalise(name)
        listed = aliases()
        core, _ = strip_unit_words(norm)
        if norm in listed.variants or core in listed.variants or norm in listed.country_names or norm in listed.regions:
            return True
        forms = query_variants(name)
        spelt = len(norm) >= 4  # `_lookup_uncached` tries other spellings of such names only
        sql = (f"SELECT EXISTS (SELECT 1 FROM names n JOIN places p ON p.geonameid = n.geonameid WHERE n.norm IN (?{', ?' * spelt}))"
               f"{_OTHER_SPELLINGS_EXIST if spelt else ''}"
               " OR EXISTS (SELECT 1 FROM countries WHERE norm = ?)"
               f" OR EXISTS (SELECT 1 FROM admin_keys WHERE level = 1 AND norm IN ({', '.join('?' * len(forms))}))")
        key = [spelling_key(norm)] * spelt
        return bool(self.conn.execute(sql, (norm, *key, *key, norm, *forms)).fetchone()[0])

    def lookup(self, name: str, country: str | None = None, admin1: str | None = None) -> list[GazetteerEntry]:
        """Places called `name` (or a listed variant of it), best prior first: towns, then units; by population.

        country is an ISO code, admin1 a code like 'RU.69'.
        """
        entries = self._by_name(normalise(name))
        if country:
            entries = tuple(e for e in entries if e.iso == country)
        if admin1:
            entries = tuple(e for e in entries if e.admin1_code == admin1)
        return list(entries)

    def _lookup_uncached(self, norm: str) -> tuple[GazetteerEntry, ...]:
        found = {e.geonameid: _as_own_name(e, norm) for e in self._query(_BY_NAME_SQL, norm)}
        # The curated variants are reliable (Odessa is Odesa), unlike GeoNames' alternate names: a place
        # found under its own name through a variant keeps that standing.
        for variant in aliases().variants.get(norm, ()):
            for entry in self._query(_BY_NAME_SQL, variant):
                if entry.is_main or entry.geonameid not in found:
                    found[entry.geonameid] = entry
        if not found and len(norm) >= 4:
            # no name as written: another romanisation of it ("Hranytne" for Hranitne, "Kamyanka" for Kamianka)
            for spelling in self._other_spellings(norm):
                for entry in self._query(_BY_NAME_SQL, spelling):
                    found.setdefault(entry.geonameid, _as_own_name(entry, norm))
        return tuple(sorted(found.values(), key=_prior))

    def _other_spellings(self, norm: str) -> list[str]:
        key = spelling_key(norm)
        rows = self.conn.execute("SELECT norm FROM spellings WHERE key = ?", (key,))
        return [n for n in dict.fromkeys([key, *(n for (n,) in rows)]) if n != norm]

    def _query(self, sql: str, arg: object) -> list[GazetteerEntry]:
        # the columns are the entry's fields in their order (ENTRY_FIELDS): no dict is made of each row
        return [GazetteerEntry(*row) for row in self.conn.execute(sql, (arg,))]

    def by_id(self, geonameid: int) -> GazetteerEntry | None:
        rows = self._query(_BY_ID_SQL, geonameid)
        return rows[0] if rows else None

    def capital(self, iso: str) -> GazetteerEntry | None:
        """The country's capital (GeoNames' PPLC; the most populous, should the table hold more than one)."""
        return self._capital_of(iso)

    def _capital_uncached(self, iso: str) -> GazetteerEntry | None:
        row = self.conn.execute("SELECT geonameid FROM places WHERE iso = ? AND feature_code = 'PPLC'"
                                " ORDER BY population DESC LIMIT 1", (iso,)).fetchone()
        return self.by_id(row[0]) if row else None

    def admin1_lookup(self, name: str, country: str | None = None) -> list[GazetteerEntry]:
        """Admin1 units named `name`: "Smolensk", "Smolensk region", "Moscow Oblast", "Zaporozhye"."""
        units = self._admin_by_name(name, 1)
        return [u for u in units if country is None or u.iso == country]

    def admin2_lookup(self, name: str, admin1: str | None = None) -> list[GazetteerEntry]:
        """Admin2 units named `name`: "Yartsevo district" -> Yartsevsky District (RU.69.468850)."""
        units = self._admin_by_name(name, 2)
        return [u for u in units if admin1 is None or u.admin1_code == admin1]

    def _admin_lookup_uncached(self, name: str, level: int) -> tuple[GazetteerEntry, ...]:
        forms = [(form, 0 if i < 2 else 2) for i, form in enumerate(query_variants(name))]
        core, _ = strip_unit_words(normalise(name))  # "Kiev region" -> variants of "kiev"
        for variant in aliases().variants.get(core, ()):
            forms += [(form, 1) for form in query_variants(variant)]
        best: dict[str, int] = {}
        for form, penalty in forms:
            for code, rank in self.conn.execute(
                "SELECT code, rank FROM admin_keys WHERE norm = ? AND level = ?", (form, level)
            ):
                best[code] = min(best.get(code, 99), rank * 3 + penalty)
        units = [self.admin_unit(code) for code in sorted(best, key=lambda c: (best[c], c))]
        return tuple(u for u in units if u is not None)

    def admin_unit(self, code: str) -> GazetteerEntry | None:
        """The admin1 ('RU.69') or admin2 ('RU.69.468850') unit as an entry, with the best coordinates known."""
        if code.count(".") == 1:
            row = self.conn.execute(
                "SELECT a.code, a.iso, a.name, a.geonameid, a.lat, a.lon, c.name AS country "
                "FROM admin1 a LEFT JOIN countries c ON c.iso = a.iso WHERE a.code = ?", (code,)
            ).fetchone()
            if row is None:
                return None
            return GazetteerEntry(row["geonameid"], row["name"] or code, row["iso"], row["country"], code,
                                  row["name"], None, None, row["lat"], row["lon"], "A", "ADM1")
        row = self.conn.execute(
            "SELECT a.code, a.admin1, a.name, a.geonameid, a1.name AS admin1_name, a1.iso, c.name AS country, "
            "p.lat, p.lon FROM admin2 a JOIN admin1 a1 ON a1.code = a.admin1 "
            "LEFT JOIN countries c ON c.iso = a1.iso LEFT JOIN places p ON p.geonameid = a.geonameid "
            "WHERE a.code = ?", (code,)
        ).fetchone()
        if row is None:
            return None
        return GazetteerEntry(row["geonameid"], row["name"], row["iso"], row["country"], row["admin1"],
                              row["admin1_name"], code, row["name"], row["lat"], row["lon"], "A", "ADM2")

    def country_lookup(self, name: str) -> GazetteerEntry | None:
        """The country called `name` ("Ukraine", "Russian Federation"), with its centroid if known."""
        return self._country_by_name(normalise(name))

    def _country_lookup_uncached(self, norm: str) -> GazetteerEntry | None:
        iso = aliases().country_names.get(norm)
        sql = "SELECT iso, name, geonameid, lat, lon, population FROM countries WHERE "
        row = self.conn.execute(sql + ("iso = ?" if iso else "norm = ?"), (iso or norm,)).fetchone()
        if row is None:
            return None
        return GazetteerEntry(row["geonameid"], row["name"], row["iso"], row["name"], None, None, None, None,
                              row["lat"], row["lon"], "A", "PCLI", row["population"] or 0)

    def region_lookup(self, name: str) -> tuple[Region, GazetteerEntry] | None:
        """A listed multi-unit region ("Donbas"), with its country as an entry."""
        return self._region_by_name(normalise(name))

    def _region_lookup_uncached(self, norm: str) -> tuple[Region, GazetteerEntry] | None:
        region = aliases().regions.get(norm)
        if region is None:
            return None
        row = self.conn.execute("SELECT name FROM countries WHERE iso = ?", (region.iso,)).fetchone()
        # A region within one admin1 ("DPR") is in that admin1; one across several ("Donbas") in none of them.
        code = region.admin1_codes[0] if len(region.admin1_codes) == 1 else None
        return region, GazetteerEntry(None, region.name, region.iso, row[0] if row else None, code,
                                      self.admin1_name(code) if code else None, None, None, region.lat,
                                      region.lon, "L", "RGN")

    def fuzzy(self, name: str, admin1: str, threshold: float = 85.0, limit: int = 3) -> list[tuple[GazetteerEntry, float]]:
        """Populated places of one admin1 whose name is close to `name` ("Dragonsko" -> Dragunskoye).

        Only within one admin1: over a whole country near-misses are mostly other villages. Scores are
        rapidfuzz ratios (0-100) of the names less their endings (see normalize.fuzzy_key).
        """
        choices = self._fuzzy_choices(admin1)
        if not choices:
            return []
        matches = process.extract(fuzzy_key(name), choices, scorer=fuzz.ratio, score_cutoff=threshold, limit=limit)
        results = []
        for _key, score, geonameid in matches:
            entry = self.by_id(geonameid)
            if entry is not None:
                results.append((entry, score))
        return results

    def _names_in_admin1(self, admin1: str) -> dict[int, str]:
        return {
            gid: fuzzy_key(name) for gid, name in self.conn.execute(
                "SELECT geonameid, name FROM places WHERE admin1 = ? AND feature_class = 'P'", (admin1,)
            )
        }

    def admin1_name(self, code: str) -> str | None:
        row = self.conn.execute("SELECT name FROM admin1 WHERE code = ?", (code,)).fetchone()
        return row[0] if row else None


def _as_own_name(entry: GazetteerEntry, norm: str) -> GazetteerEntry:
    """An alternate name that only romanises the place's own name differently (Novotroyitske for
    Novotroitske), or writes it in Cyrillic ("Ніжин" for Nizhyn, "Харьков" for Kharkiv), is as good as its
    own name; other alternate names stay second-rate."""
    if entry.is_main:
        return entry
    if spelling_key(norm) == spelling_key(normalise(entry.name)) or (
        _CYRILLIC.match(norm) and len(key := consonant_key(norm)) >= 3 and key == consonant_key(entry.name)
    ):
        return replace(entry, is_main=True)
    return entry


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _set_up_steps(conn: sqlite3.Connection, embedded: bool) -> list[str]:
    """What a gazetteer lacks before use: "countries" (their names), "embedded" (the default places), or
    "spellings" (an index that a gazetteer built before it existed lacks)."""
    steps = []
    if conn.execute("SELECT count(*) FROM countries").fetchone()[0] == 0:
        steps.append("countries")
    has_places = _has_places(conn)
    if embedded and not has_places and get_meta(conn, "embedded") is None:
        steps.append("embedded")
    elif has_places and conn.execute("SELECT 1 FROM spellings LIMIT 1").fetchone() is None:
        steps.append("spellings")
    return steps


def _set_up(conn: sqlite3.Connection, embedded: bool, progress: bool) -> None:
    """Take the steps a gazetteer lacks in one write transaction, looking again once it is held: of several
    processes opening a new file at once (Dask workers, server workers) one builds it, the others wait and
    find it built."""
    conn.execute(f"PRAGMA busy_timeout = {SET_UP_WAIT_MS}")
    conn.execute("BEGIN IMMEDIATE")
    try:
        for step in _set_up_steps(conn, embedded):
            if step == "countries":
                seed_countries(conn)
            elif step == "embedded":
                build_embedded(conn, progress=progress)
            else:
                refresh_spellings(conn)
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_WAIT_MS}")


def _has_places(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM places LIMIT 1").fetchone() is not None
