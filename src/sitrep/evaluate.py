"""Kept for old imports: the evaluation code lives in the package `sitrep.evaluation`."""

from .evaluation import *
from .evaluation import __all__  # noqa: F401
