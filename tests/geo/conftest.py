"""Gazetteers for the geo tests: a tiny one written as GeoNames files, and the real embedded default."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.geo import Gazetteer

SHARED_GAZETTEER_DIR = Path(__file__).parents[2].parent / "shared" / "gazetteer"


def geonames_row(gid, name, fclass, fcode, cc, admin1, admin2="", population=0, lat=50.0, lon=35.0, alt=""):
    """One line of a GeoNames main table (19 tab-separated columns)."""
    fields = [gid, name, name, alt, lat, lon, fclass, fcode, cc, "", admin1, admin2, "", "", population,
              "", "100", "Europe/Moscow", "2026-01-01"]
    return "\t".join(str(f) for f in fields)


TINY_PLACES = [
    geonames_row(468866, "Yartsevo", "P", "PPL", "RU", "69", "468850", 52706, 55.06, 32.69, "Jartsevo,Ярцево"),
    geonames_row(491687, "Smolensk", "P", "PPLA", "RU", "69", "", 330025, 54.78, 32.05, "Смоленск"),
    geonames_row(491684, "Smolensk Oblast", "A", "ADM1", "RU", "69", "", 0, 55.0, 33.0),
    geonames_row(468850, "Yartsevskiy Rayon", "A", "ADM2", "RU", "69", "468850", 0, 55.1, 32.8),
    geonames_row(578072, "Belgorod", "P", "PPLA", "RU", "09", "", 391554, 50.61, 36.58, "Белгород"),
    geonames_row(9000001, "Dragunskoye", "P", "PPL", "RU", "09", "", 1200, 50.68, 36.45),
    geonames_row(9000002, "Kirillov", "P", "PPL", "RU", "85", "", 7000, 59.86, 38.38),
    geonames_row(473247, "Vladimir", "P", "PPLA", "RU", "83", "", 350087, 56.13, 40.40),
    geonames_row(704393, "Krasnohorivka", "P", "PPL", "UA", "05", "1416", 14666, 48.00, 37.51),
    geonames_row(704390, "Krasnohorivka", "P", "PPL", "UA", "18", "5306", 908, 49.68, 33.74),
    geonames_row(9000010, "Oleksandrivka", "P", "PPL", "UA", "05", "1416", 2000, 48.1, 37.2),
    geonames_row(9000011, "Oleksandrivka", "P", "PPL", "UA", "08", "", 1500, 46.7, 32.9),
    geonames_row(703448, "Kyiv", "P", "PPLC", "UA", "12", "", 2952301, 50.45, 30.52, "Київ,Киев"),
    geonames_row(712958, "Bakhmut", "H", "STM", "UA", "05", "", 0, 48.93, 38.04),
    geonames_row(712959, "Bakhmut", "P", "PPL", "UA", "18", "5308", 0, 49.15, 34.28),
    geonames_row(713174, "Bakhmut", "P", "PPLA2", "UA", "05", "1402", 80500, 48.59, 37.99, "Artemivsk,Бахмут"),
    geonames_row(709717, "Donetsk", "P", "PPLA", "UA", "05", "", 901645, 48.02, 37.80),
    geonames_row(565348, "Donetsk", "P", "PPL", "RU", "61", "", 50850, 48.34, 39.95),
    geonames_row(524901, "Moscow", "P", "PPLC", "RU", "48", "", 10381222, 55.75, 37.62, "Москва"),
    geonames_row(9000020, "Voskresensk", "P", "PPL", "RU", "47", "", 91000, 55.32, 38.68),
    geonames_row(706483, "Kharkiv", "P", "PPLA", "UA", "07", "", 1430885, 50.0, 36.23, "Харків"),
    geonames_row(709930, "Dnipro", "P", "PPLA", "UA", "04", "", 1032822, 48.45, 34.98),
    geonames_row(515012, "Oryol", "P", "PPLA", "RU", "56", "", 324300, 52.97, 36.07, "Orel,Orël,Орёл"),
    geonames_row(2521087, "Baza", "P", "PPL", "ES", "21", "", 20801, 37.49, -2.77),
    geonames_row(9113128, "Vodiane", "P", "PPL", "UA", "05", "1416", 0, 48.10, 37.67),
    geonames_row(9000030, "Vodiane", "P", "PPLA3", "UA", "26", "", 1500, 47.50, 34.80),
    geonames_row(699096, "Novotroitske", "P", "PPL", "UA", "05", "", 0, 47.72, 37.57, "Novotroyitske"),
    geonames_row(9000031, "Kamianka", "P", "PPL", "UA", "18", "", 5000, 49.50, 34.20, "Kamyanka"),
    geonames_row(9000032, "Pisky", "P", "PPL", "UA", "05", "", 2000, 48.07, 37.67),
    geonames_row(9000033, "Pisky", "P", "PPL", "UA", "18", "", 3000, 49.60, 33.30),
    geonames_row(9000034, "Stanislav", "P", "PPL", "UA", "08", "", 2000, 46.56, 32.15),
    geonames_row(713174 + 1, "Avdiyivka", "P", "PPL", "UA", "05", "", 35000, 48.14, 37.74),
    geonames_row(2876660, "List", "P", "PPL", "DE", "10", "", 2600, 55.02, 8.43),
    geonames_row(707688, "Ilovays’k", "P", "PPL", "UA", "05", "", 15000, 47.93, 38.20, "Ilovaisk"),
    geonames_row(690237, "Uman", "P", "PPLA2", "UA", "01", "", 85000, 48.75, 30.22, "Human"),
    geonames_row(708195, "Hranitne", "P", "PPL", "UA", "05", "", 0, 47.45, 37.86),
    geonames_row(9000035, "Ubert", "P", "PPL", "UA", "18", "", 800, 49.40, 33.90),
    geonames_row(4709013, "Mission", "P", "PPL", "US", "TX", "", 84000, 26.22, -98.33),
    geonames_row(625144, "Minsk", "P", "PPLC", "BY", "04", "", 1742124, 53.90, 27.57),
    geonames_row(709717 + 10, "Horlivka", "P", "PPLA2", "UA", "05", "", 250000, 48.30, 38.05, "Gorlovka"),
]
TINY_ADMIN1 = [
    "RU.69\tSmolensk Oblast\tSmolensk Oblast\t491684",
    "RU.09\tBelgorod Oblast\tBelgorod Oblast\t578071",
    "RU.83\tVladimir Oblast\tVladimir Oblast\t826294",
    "RU.85\tVologda Oblast\tVologda Oblast\t472454",
    "RU.61\tRostov Oblast\tRostov Oblast\t501165",
    "UA.05\tDonetsk\tDonetsk\t709716",
    "UA.08\tKherson\tKherson\t706442",
    "UA.12\tKyiv City\tKyiv City\t703447",
    "UA.18\tPoltava\tPoltava\t696634",
    "RU.47\tMoscow Oblast\tMoscow Oblast\t524925",
    "RU.48\tMoscow\tMoscow\t524894",
    "RU.56\tOrel Oblast\tOrel Oblast\t515011",
    "UA.01\tCherkasy\tCherkasy\t710802",
    "UA.04\tDnipropetrovsk\tDnipropetrovsk\t709929",
    "UA.07\tKharkiv\tKharkiv\t706482",
    "UA.14\tLuhansk\tLuhansk\t702657",
    "UA.26\tZaporizhzhia\tZaporizhzhia\t687699",
]
TINY_ADMIN2 = [
    "RU.69.468850\tYartsevskiy Rayon\tYartsevskiy Rayon\t468850",
    "UA.05.1416\tPokrovsk Raion\tPokrovsk Raion\t704417",
]


def write_tiny_files(directory: Path) -> list[Path]:
    places = directory / "tiny.txt"
    places.write_text("\n".join(TINY_PLACES) + "\n", encoding="utf-8")
    admin1 = directory / "admin1CodesASCII.txt"
    admin1.write_text("\n".join(TINY_ADMIN1) + "\n", encoding="utf-8")
    admin2 = directory / "admin2Codes.txt"
    admin2.write_text("\n".join(TINY_ADMIN2) + "\n", encoding="utf-8")
    return [admin1, admin2, places]


@pytest.fixture
def make_row():
    """geonames_row for tests that write their own dump files."""
    return geonames_row


@pytest.fixture
def tiny_places() -> int:
    """How many rows the tiny gazetteer's place file has (one of them a stream, which is not imported)."""
    return len(TINY_PLACES)


@pytest.fixture
def tiny(tmp_path: Path) -> Gazetteer:
    gazetteer = Gazetteer.open(tmp_path / "tiny.db", embedded=False)
    gazetteer.import_files(write_tiny_files(tmp_path), progress=False)
    yield gazetteer
    gazetteer.close()


@pytest.fixture(scope="session")
def embedded(embedded_gazetteer_path) -> Gazetteer:
    """The real embedded default, built once per test session (about 25 s) for all tests."""
    gazetteer = Gazetteer.open(embedded_gazetteer_path, progress=False)
    yield gazetteer
    gazetteer.close()


@pytest.fixture(scope="session")
def embedded_with_ua(embedded: Gazetteer, tmp_path_factory) -> Gazetteer:
    """A copy of the embedded default with the real GeoNames UA.zip imported into it."""
    ua_zip = SHARED_GAZETTEER_DIR / "UA.zip"
    if not ua_zip.is_file():
        pytest.skip(f"GeoNames dump {ua_zip} is absent: cannot test importing a real country file")
    copy = Gazetteer.open(tmp_path_factory.mktemp("with_ua") / "gazetteer.db", embedded=False)
    embedded.conn.backup(copy.conn)
    copy.clear_cache()
    copy.import_files([ua_zip], progress=False)
    yield copy
    copy.close()
