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


def test_plain_english_is_read_without_loading_the_language_model(monkeypatch):
    from sitrep import language

    def no_model():
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(language, "_identifier", no_model)
    assert detect_language("Rockets hit a school in the town of Izium, and two teachers were hurt, police said.") == "en"


def test_other_languages_of_latin_script_still_go_to_the_model():
    for text in ("Het leger heeft de stad in de nacht beschoten, zei de gouverneur. Er was veel schade.",
                 "Die Armee hat die Stadt in der Nacht beschossen, sagte der Gouverneur.",
                 "El ejército bombardeó la ciudad durante la noche, dijo el gobernador."):
        assert detect_language(text) == UNKNOWN


def test_written_in_ukrainian_by_its_own_letters():
    from sitrep.language import written_in_ukrainian

    assert written_in_ukrainian("Вночі у місті пролунали вибухи")
    assert not written_in_ukrainian("Ночью в городе прогремели взрывы")
    assert not written_in_ukrainian("Вибухи у Харкові, сообщают жители: ущерб ещё уточняется")  # both: no guess


def test_a_web_address_does_not_make_a_cyrillic_report_latin():
    from sitrep.language import is_cyrillic_text

    post = "Вибух на складі у Конотопі https://example.org/news/2022/03/03/vybukh-na-skladi-u-konotopi-video-foto"
    assert detect_language(post) == "uk" and is_cyrillic_text(post)
    linked = "Пожар на складе в Сумах после удара.[Источник.](https://example.org/ru/news/pozhar-na-sklade-v-sumah-video)"
    assert detect_language(linked) == "ru" and is_cyrillic_text(linked)
    # an English text stays English, address or not
    assert detect_language("Two drones hit a depot in Sumy overnight, officials said https://example.org/a") == "en"
