"""The gazetteer a wheel carries (geo.packaged): a new gazetteer file is unpacked from it, never built."""

from __future__ import annotations

import gzip
import shutil
import sqlite3

import pytest

from sitrep.errors import GazetteerError
from sitrep.geo import Gazetteer, packaged
from sitrep.geo.schema import PlaceRow, write_places


@pytest.fixture
def packaged_tiny(tiny, tmp_path, monkeypatch):
    """The tiny gazetteer, gzipped as a wheel carries the embedded default, and installed as the packaged one."""
    copy = tmp_path / "built.db"
    with sqlite3.connect(copy) as conn:
        tiny.conn.backup(conn)
    conn.close()
    archive = tmp_path / packaged.PACKAGED_FILE
    with copy.open("rb") as db, gzip.open(archive, "wb") as out:
        shutil.copyfileobj(db, out)
    monkeypatch.setattr(packaged, "packaged_gazetteer", lambda: archive)
    return archive


def test_a_new_gazetteer_is_the_packaged_one_unpacked(packaged_tiny, tiny, tmp_path):
    with Gazetteer.open(tmp_path / "new" / "gazetteer.db", progress=False) as opened:
        info = opened.info()
        assert info["places"] == tiny.info()["places"] < 100  # the tiny one, not the embedded default built
        assert info["embedded"] is None
        assert opened.lookup("Yartsevo")[0].admin1 == "Smolensk Oblast"
    assert [p.name for p in (tmp_path / "new").iterdir() if p.suffix == ".partial"] == []


def test_an_existing_gazetteer_is_left_as_it_is(packaged_tiny, tmp_path):
    path = tmp_path / "own.db"
    Gazetteer.open(path, embedded=False).close()
    with Gazetteer.open(path, progress=False, embedded=False) as opened:
        assert opened.info()["places"] == 0
    packaged.unpack_packaged(path)
    with Gazetteer.open(path, embedded=False) as opened:
        assert opened.info()["places"] == 0


def test_a_damaged_package_is_a_gazetteer_error_and_leaves_nothing(tmp_path):
    damaged = tmp_path / packaged.PACKAGED_FILE
    damaged.write_bytes(b"not gzip")
    target = tmp_path / "home" / "gazetteer.db"
    with pytest.raises(GazetteerError, match="cannot unpack"):
        packaged.unpack_packaged(target, damaged)
    assert list(target.parent.iterdir()) == []


def test_a_source_checkout_has_no_packaged_gazetteer():
    assert packaged.packaged_gazetteer() is None  # the wheel's build makes it (setup.py), never the checkout


def test_the_package_build_writes_a_gazetteer_that_unpacks_and_reads(tmp_path, monkeypatch, make_row):
    """write_packaged as setup.py runs it, with a one-town builder instead of the 20 s embedded one."""

    def one_town(conn, progress):
        write_places(conn, [PlaceRow(468866, "Yartsevo", "RU", "RU.69", None, 55.06, 32.69, "P", "PPL", 52706,
                                     "test", ["Ярцево"])], replace_names=False)
        return {"test": 1}

    monkeypatch.setattr(packaged, "build_embedded", one_town)
    archive = tmp_path / "wheel" / packaged.PACKAGED_FILE
    packaged.write_packaged(archive)
    path = tmp_path / "home" / "gazetteer.db"
    packaged.unpack_packaged(path, archive)
    assert not path.with_name(path.name + "-wal").exists()  # one self-contained file
    with Gazetteer.open(path, progress=False) as opened:
        assert [e.geonameid for e in opened.lookup("Ярцево")] == [468866]
        assert opened.country_lookup("Russia") is not None  # the countries, seeded as for a new file
        indexes = {row[0] for row in opened.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "names_geonameid" not in indexes  # made by the first import that replaces places, not shipped
        update = tmp_path / "update.txt"
        update.write_text(make_row(468866, "Yartsevo", "P", "PPL", "RU", "69", "", 52000) + "\n", encoding="utf-8")
        opened.import_files([update], progress=False)
        assert opened.lookup("Ярцево") == [] and opened.lookup("Yartsevo")[0].population == 52000  # old names gone
