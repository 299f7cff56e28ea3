from sitrep.geo import find_places, geocode_document


def spans(text, places):
    return [(text[p.start:p.end], p.name, p.geo_precision) for p in places]


def test_district_of_region_is_the_town_inside_that_region(tiny):
    text = "A drone hit a depot in the Yartsevo district of the Smolensk region overnight."
    yartsevo, region = find_places(text, tiny)
    assert (text[yartsevo.start:yartsevo.end], yartsevo.name) == ("Yartsevo district", "Yartsevo")
    assert (yartsevo.admin1, yartsevo.admin2, yartsevo.iso) == ("Smolensk Oblast", "Yartsevskiy Rayon", "RU")
    assert yartsevo.geo_precision == 2
    assert (region.name, region.feature_code, region.geo_precision) == ("Smolensk Oblast", "ADM1", 3)


def test_region_only(tiny):
    text = "Air defence shot down drones over the Belgorod region, the governor said."
    [region] = find_places(text, tiny)
    assert (text[region.start:region.end], region.admin1, region.geo_precision) == ("Belgorod region", "Belgorod Oblast", 3)


def test_relative_place_is_near_precision(tiny):
    text = "Ukrainian troops repelled attacks south of Krasnohorivka."
    [place] = find_places(text, tiny)
    assert (place.name, place.geonameid, place.geo_precision) == ("Krasnohorivka", 704393, 2)


def test_homonyms_settled_by_the_region_named(tiny):
    kherson = "Oleksandrivka in the Kherson region was shelled."
    assert find_places(kherson, tiny)[0].geonameid == 9000011
    donetsk = "Shelling of the Donetsk region went on. In Oleksandrivka two houses burned."
    region, village = find_places(donetsk, tiny)
    assert (region.feature_code, region.iso, village.geonameid) == ("ADM1", "UA", 9000010)


def test_kiev_spelling_finds_kyiv(tiny):
    [kyiv] = find_places("Explosions were heard in Kiev on Monday.", tiny)
    assert (kyiv.name, kyiv.geonameid, kyiv.geo_precision, kyiv.feature_code) == ("Kyiv", 703448, 1, "PPLC")


def test_cyrillic_mention(tiny):
    text = "Ночью Київ снова атаковали дроны."
    [kyiv] = find_places(text, tiny)
    assert (text[kyiv.start:kyiv.end], kyiv.name) == ("Київ", "Kyiv")


def test_people_are_not_places(tiny):
    text = "Vladimir Putin met officials. Vladimir said nothing."
    assert find_places(text, tiny, exclude_spans=[(0, 14), (30, 38)]) == []
    assert find_places("Talks with Vladimir Putin ended.", tiny) == []  # a first name before a surname
    assert [p.name for p in find_places("Drones struck Vladimir overnight.", tiny)] == ["Vladimir"]


def test_names_never_fuzzy_match_towns(tiny):
    text = "Kirillo Budanov said the Vologda region was quiet, and in Kirillo nothing happened."
    assert "Kirillov" not in [p.name for p in find_places(text, tiny)]


def test_unknown_villages_fuzzy_match_only_inside_the_named_region(tiny):
    text = ("Shelling hit the Belgorod region. In Igomenka and Dragonsko — two villages a few miles "
            "from the city of Belgorod — houses burned.")
    found = spans(text, find_places(text, tiny))
    assert found == [
        ("Belgorod region", "Belgorod Oblast", 3),
        ("Dragonsko", "Dragunskoye", 1),
        ("Belgorod", "Belgorod", 2),
    ]
    without_region = "In Dragonsko two houses burned."
    assert find_places(without_region, tiny) == []


def test_a_near_miss_with_other_consonants_is_another_name_not_a_misspelling():
    from sitrep.geo.resolve import _spelt_alike

    assert _spelt_alike("Dragonsko", "Dragunskoye", 87.0)
    assert not _spelt_alike("Bobrivka", "Borivske", 86.0)


def test_city_beats_stream_of_the_same_name(tiny):
    [bakhmut] = find_places("Fighting continued around Bakhmut and in Artemivsk.", tiny)[:1]
    assert (bakhmut.geonameid, bakhmut.feature_class, bakhmut.geo_precision) == (713174, "P", 2)


def test_countries_are_region_precision(tiny):
    text = "Ukraine said Russia launched missiles."
    places = find_places(text, tiny)
    assert [(p.name, p.iso, p.geo_precision, p.feature_code) for p in places] == [
        ("Ukraine", "UA", 3, "PCLI"), ("Russia", "RU", 3, "PCLI")
    ]


def test_stop_words_and_months_are_not_places(tiny):
    assert find_places("In May, President Zelensky visited. Of Wagner, HIMARS and Su-25 jets.", tiny) == []


def test_country_hint_settles_a_bare_homonym(tiny):
    assert find_places("Shelling hit Donetsk.", tiny, country_hint="RU")[0].iso == "RU"
    assert find_places("Shelling hit Donetsk.", tiny)[0].iso == "UA"


def test_geocode_document_puts_the_main_place_first(tiny):
    text = "Ukraine said Kyiv was hit. Kyiv officials said Kyiv stood. Near Bakhmut, fighting went on."
    places = geocode_document(text, tiny)
    assert [p.name for p in places] == ["Kyiv", "Bakhmut", "Ukraine"]
