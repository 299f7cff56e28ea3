"""Russian and Ukrainian place names: inflected forms, region adjectives, -щина names, near and in, people.
Sentences written for these tests (about towns of our choosing), read with the embedded gazetteer."""

import pytest

from sitrep.geo import find_places, geocode_document
from sitrep.geo.cyrillic import cyrillic_data, lemmas
from sitrep.geo.normalize import consonant_key, romanise
from sitrep.language import is_cyrillic_text


def main_place(text, gazetteer):
    places = geocode_document(text, gazetteer)
    return places[0] if places else None


@pytest.mark.parametrize(
    ("text", "name", "admin1", "precision", "span"),
    [
        ("Вночі у Конотопі пролунали вибухи", "Konotop", "Sumy Oblast", 1, "Конотопі"),  # uk locative
        ("Ночью в Конотопе прогремели взрывы", "Konotop", "Sumy Oblast", 1, "Конотопе"),  # ru locative
        ("Окупанти обстріляли Нікополь з артилерії", "Nikopol", "Dnipropetrovsk Oblast", 1, "Нікополь"),
        ("Важкі бої тривають під Вугледаром", None, "Donetsk Oblast", 2, "Вугледаром"),  # near: precision 2
        ("На Сумщині уламки дрона пошкодили будинок", "Sumy Oblast", "Sumy Oblast", 3, "Сумщині"),
        ("У Полтавській області збили крилату ракету", "Poltava Oblast", "Poltava Oblast", 3, "Полтавській області"),
        ("В Брянской области сбили беспилотник", "Bryansk Oblast", "Bryansk Oblast", 3, "Брянской области"),
        ("Дрон атакував підстанцію у Новій Одесі", "Nova Odesa", "Mykolaiv Oblast", 1, "Новій Одесі"),
    ],
)
def test_inflected_names_are_read_in_their_dictionary_form(embedded, text, name, admin1, precision, span):
    place = main_place(text, embedded)
    assert place is not None, text
    assert (place.admin1, place.geo_precision, text[place.start:place.end]) == (admin1, precision, span)
    if name:
        assert place.name == name


def test_a_district_adjective_and_its_unit_word(embedded):
    text = "Вибухи пролунали у Бахмутському районі"
    place = main_place(text, embedded)
    assert place.admin1 == "Donetsk Oblast" and place.geo_precision == 2
    assert text[place.start:place.end] == "Бахмутському районі"


def test_a_city_district_named_after_another_city_is_no_place_of_its_own(embedded):
    for text in ("Дрони атакували Одесу вночі. У Київському районі міста пошкоджено склад.",
                 "Утром обстреляли Харьков, в Московском районе горит гараж."):
        names = [p.name for p in geocode_document(text, embedded)]
        assert "Kyiv" not in names and "Moscow" not in names, (text, names)
    assert main_place("Вибухи пролунали у Бахмутському районі", embedded).admin1 == "Donetsk Oblast"


def test_a_town_lies_in_the_oblast_named_after_it(embedded):
    # two Ukrainian villages share this name; the one in the oblast the text names is meant
    text = "Ворог вдарив по Миколаївці Донецької області"
    place = main_place(text, embedded)
    assert place.admin1 == "Donetsk Oblast" and place.geo_precision == 1


def test_people_and_common_words_are_no_places(embedded):
    assert main_place("Шмигаль провів нараду з енергетиками", embedded) is None
    assert main_place("Удар був потужний, повідомили рятувальники", embedded) is None


def test_every_item_of_a_list_of_hromadas_lies_in_the_oblast_named_after_it(embedded):
    # villages named Krasnopil and Myropil lie in Zhytomyr Oblast; the text names Sumy Oblast for both
    places = geocode_document("Ворог обстріляв Краснопільську та Миропільську громади Сумської області.", embedded)
    assert {p.admin1 for p in places} == {"Sumy Oblast"}


def test_a_hromada_adjective_in_pilskyi_is_made_from_a_town_in_pillia(embedded):
    places = geocode_document("Також ворог атакував Краснопільську громаду.", embedded)
    assert [(p.name, p.admin1) for p in places] == [("Krasnopillya", "Sumy Oblast")]


def test_a_surname_after_a_first_name_is_no_town_of_that_name(embedded):
    # Gusev is also a town in Kaliningrad Oblast
    names = [p.name for p in geocode_document("Мэр Олег Гусев сообщил, что ночью над Курском сбит беспилотник", embedded)]
    assert names == ["Kursk"]


def test_a_shared_name_goes_to_the_countries_the_text_is_about(embedded):
    place = main_place("Уночі вибухи пролунали в Одесі", embedded)
    assert (place.name, place.iso) == ("Odesa", "UA")


def test_helpers():
    assert is_cyrillic_text("Вибухи в Одесі") and not is_cyrillic_text("Explosions in Odesa")
    assert "конотоп" in lemmas("Конотопі")
    assert romanise("Мелітополь") == "Melitopol" and consonant_key("Харьков") == consonant_key("Kharkiv")
    data = cyrillic_data()
    assert data.named_area("донеччина") == ("Donetsk Oblast", "admin1") and "область" in data.words.admin1_after


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a town's adjective before the noun it qualifies names the town (not a village called by the adjective)
        ("Дрони атакували Шосткинський хімічний завод", "Shostka"),
        ("Ракети влучили в Кременчуцьку ТЕЦ", "Kremenchuk"),
        ("Вночі горів Лисичанський НПЗ після обстрілу", "Lysychansk"),
        ("Беспилотник атаковал Бердянский морской порт", "Berdyansk"),
        ("Удар пришелся по Сумской ТЭЦ", "Sumy"),
        ("Окупанти обстріляли Одеський порт", "Odesa"),
        # the Russian locative of a city before a Ukrainian village spelt the same way
        ("Утром во Львове прогремели взрывы", "Lviv"),
    ],
)
def test_the_adjective_of_a_town_names_the_town(embedded, text, name):
    place = main_place(text, embedded)
    assert place is not None and place.name == name and place.iso == "UA"


def test_adjectives_of_no_town_are_no_places(embedded):
    assert main_place("Українська артилерія відповіла вогнем", embedded) is None  # no town Українськ
    assert main_place("Зерновая сделка снова под угрозой", embedded) is None  # no village Зерновое
    # the first word of a name of two the gazetteer lacks is no hamlet "Новий" of its own
    place = main_place("Бої точаться біля Нової Вигаданки", embedded)
    assert place is None or place.name != "Novy"


def test_an_oblast_administration_names_its_oblast(embedded):
    place = main_place("Про наслідки удару розповіли в Сумській ОВА", embedded)
    assert (place.name, place.geo_precision) == ("Sumy Oblast", 3)


def test_a_country_that_acts_is_no_place_but_one_where_it_happened_is(embedded):
    assert all(p.iso != "RU" for p in geocode_document("Росія вдарила ракетами по Умані", embedded))
    assert any(p.iso == "RU" for p in geocode_document("Вибухи пролунали на території Росії", embedded))


def test_a_town_in_the_oblast_after_a_preposition(embedded):
    # "X в Y области": as "X Y области", the town of that oblast
    text = "Взрыв произошел в поселке Миколаевка в Донецкой области"
    place = main_place(text, embedded)
    assert place is not None and place.admin1 == "Donetsk Oblast"


def test_an_adjectival_city_name_before_a_village_of_its_neuter_form(embedded):
    # the city's name is an adjective; a village bears its neuter form
    assert main_place("Дрони атакували нафтобазу в Кропивницькому", embedded).name == "Kropyvnytskyi"


def test_a_ukrainian_text_means_the_ukrainian_namesake(embedded):
    # a town name Ukraine shares with a bigger Russian town: in Ukrainian, the Ukrainian one
    place = main_place("Ракета влучила в нафтобазу в Новомосковську, є поранені", embedded)
    assert (place.iso, place.admin1) == ("UA", "Dnipropetrovsk Oblast")
    # ... but a Russian city far bigger than any Ukrainian namesake stays itself
    assert main_place("Вибухи пролунали у Курську", embedded).name == "Kursk"


def test_names_sharing_one_unit_word(embedded):
    places = geocode_document("Склади знищено в Запорізькій та Херсонській областях", embedded)
    assert {p.name for p in places} == {"Zaporizhzhia Oblast", "Kherson Oblast"}


def test_a_district_named_after_its_town_and_a_hyphenated_name(embedded):
    # a district adjective whose town the gazetteer knows: near that town
    place = main_place("Ракета влучила в склад у Новомосковському районі, є загиблі", embedded)
    assert (place.admin1, place.geo_precision) == ("Dnipropetrovsk Oblast", 2)
    # each part of a hyphenated name in its dictionary form
    assert main_place("Ночью прогремели взрывы в Каменке-Днепровской", embedded).name == "Kamyanka-Dniprovska"
    # a town, then its oblast after a comma: not a list of oblasts sharing one unit word
    assert main_place("Ракета попала в нефтебазу в Дубно, Ровенская область", embedded).name == "Dubno"


def test_a_shared_village_name_beside_the_city_its_sentence_names(embedded):
    # several villages bear the name; the one next to the city named with it is meant
    places = geocode_document("Вибух на складі в Калинівці під Києвом", embedded)
    village = next(p for p in places if p.name == "Kalynivka")
    assert village.admin1 == "Kyiv Oblast"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a power plant named by an adjective or an acronym stands in its own town
        ("Окупанти знову обстріляли територію Запорізької АЕС", "Enerhodar"),
        ("На ЗАЭС снова отключилось внешнее питание", "Enerhodar"),
        ("Удар по Каховській ГЕС зруйнував частину дамби", "Nova Kakhovka"),
        # ... but a refinery named by its town's adjective is in that town
        ("Дрони атакували Кременчуцький НПЗ", "Kremenchuk"),
        # a town's adjective names the biggest town it may be made from, not a small namesake
        ("Ракеты поразили цеха Николаевского судоремонтного завода", "Mykolayiv"),
        # a town GeoNames knows under its Latin name only
        ("Після удару по Кадіївці лунають детонації", "Kadiyivka"),
        # an adjective standing alone leaves the unit said before it understood
        ("На Харківському напрямку тихо, на Ізюмському знищено склад", "Kharkiv"),
    ],
)
def test_plants_adjectives_and_latin_names(embedded, text, name):
    assert name in [p.name for p in geocode_document(text, embedded)]


def test_an_oblast_left_understood_and_a_front_direction(embedded):
    places = geocode_document("У Сумській області збили дрон, у Полтавській — ракету", embedded)
    assert [p.name for p in places] == ["Sumy Oblast", "Poltava Oblast"]
    places = geocode_document("На Харківському напрямку тихо, на Ізюмському знищено склад", embedded)
    assert ("Izyum", 2) in [(p.name, p.geo_precision) for p in places]


def test_a_closing_credit_after_a_dash_is_no_place(embedded):
    places = geocode_document("Ракети пошкодили дві підстанції на Львівщині — Садовий", embedded)
    assert [p.name for p in places] == ["Lviv Oblast"]


@pytest.mark.parametrize(
    "text",
    [
        "Крейсер «Москва» затонув після удару ракетами",
        "Десантний корабель \"Саратов\" уражено в порту",
        "Дрон атаковал нефтепровод «Дружба»",
    ],
)
def test_a_ship_or_pipeline_named_after_a_town_is_no_place(embedded, text):
    assert geocode_document(text, embedded) == []


def test_a_ships_name_leaves_the_town_it_lies_at(embedded):
    [place] = geocode_document("Ракета влучила в корабель «Новочеркаськ» у Феодосії", embedded)
    assert place.name == "Feodosiya"


def test_a_towns_name_before_the_renaming_is_that_town(embedded):
    # Russian and Ukrainian reports still use the names of before 2016
    for text, town in (("Обстрел Красноармейска.", "Pokrovsk"), ("Обстріл Красноармійська.", "Pokrovsk"),
                       ("Удар по Кировограду.", "Kropyvnytskyi")):
        place = geocode_document(text, embedded)[0]
        assert (place.name, place.iso) == (town, "UA"), text


def test_an_adjectival_name_keeps_its_gender(embedded):
    # "Артемівська" is the genitive of the town Артемівськ (Bakhmut's old name) or a feminine adjective: never a
    # form of the masculine "Артемівський", a district of Luhansk
    place = geocode_document("Обстріл Артемівська триває третю добу.", embedded)[0]
    assert (place.name, place.admin1) == ("Bakhmut", "Donetsk Oblast")
    # the oblasts' adjectives before their unit word still read as the oblast
    place = geocode_document("Вибухи пролунали у Запорізькій області", embedded)[0]
    assert place.name == "Zaporizhzhia Oblast"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Київ: уночі сили ППО працювали по дронах", "Kyiv"),  # a headline's label
        ("Ізюм: окупанти обстріляли лікарню", "Izyum"),
        ("Одеса: вибухи в порту, працює ППО", "Odesa"),
    ],
)
def test_a_ukrainian_town_that_labels_a_headline(embedded, text, name):
    # the Ukrainian dictionary knows these towns only as plain nouns; the colon makes the word the headline's place
    place = geocode_document(text, embedded)[0]
    assert place.name == name and place.iso == "UA"


def test_a_capital_that_opens_a_sentence_as_its_subject_is_no_place(embedded):
    assert geocode_document("Київ закликав партнерів передати більше ППО", embedded) == []
    assert geocode_document("Москва заявила, що переговорів не буде", embedded) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [("Запоріжжя знову під обстрілом", "Zaporizhzhya"), ("Нікополь всю ніч обстрілювали з артилерії", "Nikopol")],
)
def test_a_town_that_opens_a_sentence(embedded, text, name):
    place = geocode_document(text, embedded)[0]
    assert place.name == name and place.iso == "UA"


def test_a_pronoun_that_opens_a_sentence_is_no_town(embedded):
    # "Чому" (why) is also a form of a word some town abroad is called
    assert [p.name for p in geocode_document("Чому ворог знову атакує аеродроми", embedded)] == []


@pytest.mark.parametrize(
    "text",
    ["Вибухи пролунали у Криворізькому районі", "Обстрел Криворожского района продолжается"],
)
def test_the_district_of_a_two_word_city_by_its_adjective(embedded, text):
    # "Криворізький" is made from Кривий Ріг, not from the Donetsk village Криворіжжя
    place = main_place(text, embedded)
    assert (place.name, place.admin1, place.geo_precision) == ("Kryvyy Rih", "Dnipropetrovsk Oblast", 2)


def test_a_community_lies_in_the_oblast_of_the_district_named_after_it(embedded):
    # two villages share the name; the district after the community's name says which
    places = geocode_document("Ракета влучила у склад у Карпівській громаді Криворізького району", embedded)
    assert {p.admin1 for p in places} == {"Dnipropetrovsk Oblast"}


def test_a_town_approached_is_a_place(embedded):
    # Russian "к" (towards): "на подступах к Угледару", a town the gazetteer knows only by other names
    place = main_place("Бои идут на подступах к Угледару", embedded)
    assert (place.name, place.admin1) == ("Vuhledar", "Donetsk Oblast")


@pytest.mark.parametrize("text", ["Окупанти продовжують штурмувати Вугледар", "Российские войска штурмуют Угледар"])
def test_a_town_stormed_is_a_place(embedded, text):
    place = main_place(text, embedded)
    assert (place.name, place.admin1) == ("Vuhledar", "Donetsk Oblast")


@pytest.mark.parametrize(
    "text",
    ["ЗСУ знищили понтонну переправу окупантів через Дніпро", "Удар по мосту через реку Днепр"],
)
def test_a_river_a_crossing_spans_is_not_the_town_of_its_name(embedded, text):
    assert [p.name for p in geocode_document(text, embedded)] == []


def test_the_town_of_a_rivers_name_is_still_a_town(embedded):
    assert geocode_document("Уночі ракети влучили у підприємство в Дніпрі", embedded)[0].name == "Dnipro"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Десантники форсировали реку Северский Донец у Лисичанска", ["Lysychansk"]),
        ("Бійці вийшли до річки Оскіл біля Куп'янська", ["Kupyansk"]),
    ],
)
def test_a_river_named_after_its_word_is_no_town(embedded, text, expected):
    assert [p.name for p in geocode_document(text, embedded)] == expected


def test_a_settlement_named_after_its_word_is_believed(embedded):
    place = main_place("Противник занял населенный пункт Счастье", embedded)  # (a common noun too)
    assert (place.name, place.admin1) == ("Shchastya", "Luhansk Oblast")


def test_a_city_before_a_comma_and_another_oblast_is_not_held_in_it(embedded):
    # "..., в Y-ській області ...": a new clause about another oblast, not the oblast the city lies in
    text = "Уночі ППО збивала дрони над Одесою, у Житомирській області горить склад"
    names = {p.name for p in geocode_document(text, embedded)}
    assert "Odesa" in names and "Zhytomyr Oblast" in names


def test_a_village_before_a_comma_and_its_oblast_is_still_held_in_it(embedded):
    place = main_place("Ворог вдарив по Миколаївці, у Донецькій області", embedded)
    assert place.admin1 == "Donetsk Oblast" and place.geo_precision == 1


@pytest.mark.parametrize(
    ("text", "town"),
    [("В Ізюмі після пошкодження підстанції «Промінь» немає світла", "Izyum"),
     ("В Изюме повреждена подстанция Восход", "Izyum")],
)
def test_a_substation_named_by_a_common_word_leaves_the_town_it_serves(embedded, text, town):
    # a common word after a substation is the substation's own name, not a village of that name
    assert [p.name for p in geocode_document(text, embedded)] == [town]


def test_a_front_direction_named_by_its_towns_adjective_is_near_the_town(embedded):
    place = main_place("На Бахмутському напрямку ворог штурмував позиції ЗСУ", embedded)
    assert (place.name, place.geo_precision) == ("Bakhmut", 2)


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        # an adjective-form village whose other gender is a bigger town far away (Udachny, Mirny in Yakutia):
        # the oblast another sentence names says which
        ("Артиллерия всю ночь била по Удачному. Донецкая область снова под огнём.", "Udachne", "Donetsk Oblast"),
        ("Под обстрелом в Удачном на Донбассе горят дома", "Udachne", "Donetsk Oblast"),
        # ... or the oblast right after it, in a case that does not agree with the village's
        ("Окупанти вдарили по Мирному Запорізької області", "Myrne", "Zaporizhzhia Oblast"),
        ("Біля Удачного Донецької області ворог втратив два танки", "Udachne", "Donetsk Oblast"),
    ],
)
def test_an_adjective_form_village_by_its_context_not_its_biggest_namesake(embedded, text, name, admin1):
    place = main_place(text, embedded)
    assert (place.name, place.admin1) == (name, admin1), text


def test_a_far_away_namesake_needs_the_text_to_support_it(embedded):
    # a war report that says nothing else of where: the village where the war is, not the town in Yakutia
    assert main_place("В Удачном третьи сутки идут бои", embedded).iso == "UA"
    # ... but a text that names Yakutia is about the town there
    place = main_place("В Мирном Якутии открыли новую школу", embedded)
    assert (place.name, place.admin1) == ("Mirny", "Sakha (Yakutiya) Republic")
    assert main_place("Беспилотник атаковал нефтебазу во Владимире", embedded).name == "Vladimir"  # a city


def test_a_headlines_name_is_the_place_the_body_reads_it_as(embedded):
    # the headline's "Удачном" beside a Novoandreyevka (one lies in Crimea) reads as the Crimean Udachnoye; the
    # body names the village's district
    text = ("В Удачном ранены двое мужчин, у Новоандреевки отбита атака\n\nВо вторник армия РФ обстреляла Удачное Покровского района "
            "Донецкой области, сообщили в администрации.")
    places = find_places(text, embedded)
    assert (places[0].name, places[0].admin1) == ("Udachne", "Donetsk Oblast")


@pytest.mark.parametrize("text", [
    "Тёткино Глушковского района снова попало под миномётный огонь.",
    "Курская область. Тёткино Глушковского района снова попало под миномётный огонь.",
])
def test_a_village_opening_a_sentence_before_its_district_is_the_village(embedded, text):
    # a small village opening its sentence is believed when its district's adjective and "района" follow
    place = main_place(text, embedded)
    assert (place.name, place.admin1, place.geo_precision) == ("Tëtkino", "Kursk Oblast", 1)


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Уламки ракети впали у Дніпровському районі Херсона", "Kherson"),
        ("В Днепровском районе Херсона после обстрела горит дом", "Kherson"),
        ("Ворог знову обстріляв Ленінський район Донецька", "Donetsk"),
    ],
)
def test_a_district_of_a_city_is_in_the_city(embedded, text, city):
    # the district's adjective is also a village's name elsewhere (Dniprovka): the city's genitive after the
    # unit word makes it the city's district, placed at the city
    places = geocode_document(text, embedded)
    assert [(p.name, p.geo_precision) for p in places] == [(city, 2)], text


def test_a_shared_village_name_in_the_province_of_the_texts_other_towns(embedded_with_ua):
    # many villages are called Червоне; the one near the city the text told of before is meant
    places = geocode_document("Вночі дрони атакували Суми. Згодом під обстрілом опинилося Червоне.", embedded_with_ua)
    assert {p.admin1 for p in places} == {"Sumy Oblast"}
