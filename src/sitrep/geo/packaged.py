"""The embedded gazetteer as the package build leaves it: built by setup.py from the tables in sitrep/data,
compacted and gzipped into sitrep/data/gazetteer.db.gz (23 MB), so that a user's first run unpacks it (half a
second) instead of building it (about 20 s). A source checkout has no such file and builds on first use.

Imports only the builder (no spaCy, no rapidfuzz): the package build runs it with PyYAML and tqdm alone.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import secrets
import shutil
import tempfile
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from sitrep.errors import GazetteerError
from sitrep.geo.embedded import build_embedded, seed_countries
from sitrep.geo.schema import connect

PACKAGED_FILE = "gazetteer.db.gz"
_CHUNK = 1 << 20


def packaged_gazetteer() -> Traversable | None:
    """The gzipped gazetteer of an installed wheel; None in a source checkout."""
    resource = resources.files("sitrep").joinpath("data", PACKAGED_FILE)
    return resource if resource.is_file() else None


def write_packaged(target: Path) -> None:
    """Build the embedded default as `Gazetteer.open` builds a new file (countries, then the embedded
    places), compact it and write it gzipped to `target`."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gazetteer.db"
        conn = connect(path)
        try:
            with conn:
                seed_countries(conn)
                build_embedded(conn, progress=False)
            conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
            conn.execute("VACUUM")  # full pages: 87 MB as built, 62 MB compacted
        finally:
            conn.close()
        target.parent.mkdir(parents=True, exist_ok=True)
        with path.open("rb") as db, target.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
            shutil.copyfileobj(db, out, _CHUNK)


def unpack_packaged(path: Path, packaged: Traversable | None = None) -> None:
    """Put the packaged gazetteer at `path` unless a file is there already, or no gazetteer is packaged.

    Unpacked beside `path`, then linked into place: a process opening `path` meanwhile finds no file or
    the whole of it, and of two processes unpacking at once the second keeps the first one's file.
    """
    packaged = packaged or packaged_gazetteer()
    if packaged is None or path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.partial")
    try:
        # "x": a new file with the user's usual permissions (mkstemp's would be private)
        with partial.open("xb") as out, packaged.open("rb") as raw, gzip.GzipFile(fileobj=raw) as db:
            shutil.copyfileobj(db, out, _CHUNK)
        _link_unless_there(partial, path)
    except (OSError, EOFError) as exc:
        raise GazetteerError(f"{path}: cannot unpack the packaged gazetteer ({exc})") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()


def _link_unless_there(partial: Path, path: Path) -> None:
    try:
        os.link(partial, path)
    except FileExistsError:
        pass  # another process unpacked it first
    except OSError:
        # a file system without hard links: a rename, which a racing process may repeat with the same bytes
        if not path.exists():
            os.replace(partial, path)
