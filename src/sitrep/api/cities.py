"""GET /api/cities: the names of cities in a box, for the map's offline base layer (no tile server needed).
GeoNames' cities of more than 15,000 people, from the cities500 table the embedded gazetteer is built from
(CC BY 4.0, geonames.org), the most populous first: read from the small table derived from it
(embedded.MAP_CITIES_FILE)."""

from __future__ import annotations

from functools import cache

from fastapi import APIRouter, Query

from sitrep.geo.embedded import MAP_CITIES_SMALLEST, read_map_cities

from .events import parse_bbox

router = APIRouter(prefix="/api/cities", tags=["page"])


SMALLEST = MAP_CITIES_SMALLEST


@cache
def _cities() -> list[tuple[str, float, float, int, str]]:
    """(name, latitude, longitude, population, country code), the most populous first; read once."""
    return read_map_cities()


def _inside(lat: float, lon: float, box: tuple[float, float, float, float]) -> bool:
    min_lon, min_lat, max_lon, max_lat = box
    across = min_lon > max_lon  # a box across the antimeridian
    in_lon = (lon >= min_lon or lon <= max_lon) if across else min_lon <= lon <= max_lon
    return in_lon and min_lat <= lat <= max_lat


@router.get("", summary="Cities in a box, the most populous first: names for the map without a tile server")
def cities(
    bbox: str = Query(description="minlon,minlat,maxlon,maxlat (minlon > maxlon crosses the antimeridian)"),
    min_population: int = Query(100_000, ge=SMALLEST, description="the smallest city to list"),
    limit: int = Query(200, ge=1, le=1000),
) -> dict:
    box = parse_bbox(bbox)
    found: list[dict] = []
    for name, lat, lon, population, country in _cities():
        if population < min_population or len(found) == limit:
            break
        if _inside(lat, lon, box):
            found.append({"name": name, "latitude": lat, "longitude": lon, "population": population, "country": country})
    return {"cities": found}
