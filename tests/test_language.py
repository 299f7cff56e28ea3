"""Language per document: English, Russian, Ukrainian, or "unknown", never a guess."""

from sitrep.language import UNKNOWN, detect_language, with_language
from sitrep.model import Document


def test_the_three_languages_are_told_apart():
    assert detect_language("Уночі ворожі безпілотники атакували енергетичний об'єкт на Полтавщині") == "uk"
    assert detect_language("Ночью над Брянском сбили два беспилотника, пострадавших нет") == "ru"
    assert detect_language("Two drones were shot down over the port of Odesa overnight, officials said") == "en"


def test_too_short_another_language_or_mixed_scripts_is_unknown():
    assert detect_language("Взрыв") == UNKNOWN
    assert detect_language("   12:40 ") == UNKNOWN
    assert detect_language("") == UNKNOWN
    assert detect_language("Deux drones ont été abattus au-dessus du port pendant la nuit") == UNKNOWN
    # half Latin, half Cyrillic: neither reading fits
    assert detect_language("Breaking: вибухи у Полтаві, drones over the city центр") == UNKNOWN


def test_a_given_language_is_kept_and_a_missing_one_detected():
    given = Document("d1", "Уночі над Полтавою збили два безпілотники", language="ru")
    assert with_language(given) is given
    assert with_language(Document("d2", "Уночі над Полтавою збили два безпілотники")).language == "uk"
