"""Errors a user can act on: each names the input and the problem."""

from __future__ import annotations

import os


class SitrepError(Exception):
    """Base class for errors reported to the user as one clear line."""


class InputError(SitrepError):
    """A file (or one line of it) could not be read as a document."""

    def __init__(self, path: str | os.PathLike[str], problem: str, line: int | None = None):
        self.path, self.problem, self.line = str(path), problem, line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")


class InputWarning(InputError):
    """A document was read, but not exactly as written (stray bytes replaced): said, not failed."""


class GazetteerError(SitrepError):
    """A gazetteer file could not be imported or the gazetteer could not be opened."""
