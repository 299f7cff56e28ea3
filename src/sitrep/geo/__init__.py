"""Gazetteer (build from GeoNames files, load, look up) and toponym resolution."""

from sitrep.geo.gazetteer import Gazetteer, GazetteerEntry
from sitrep.geo.resolve import find_places, geocode_document

__all__ = ["Gazetteer", "GazetteerEntry", "find_places", "geocode_document"]
