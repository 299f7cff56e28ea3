"""Gazetteer (build from GeoNames files, load, look up) and toponym resolution.

The names below load on first use: the package build (setup.py) imports the gazetteer's builder alone,
without spaCy, rapidfuzz and the rest of the runtime dependencies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sitrep.geo.gazetteer import Gazetteer, GazetteerEntry
    from sitrep.geo.resolve import find_places, geocode_document

__all__ = ["Gazetteer", "GazetteerEntry", "find_places", "geocode_document"]


def __getattr__(name: str) -> Any:
    if name in ("Gazetteer", "GazetteerEntry"):
        from sitrep.geo import gazetteer

        return getattr(gazetteer, name)
    if name in ("find_places", "geocode_document"):
        from sitrep.geo import resolve

        return getattr(resolve, name)
    raise AttributeError(name)
