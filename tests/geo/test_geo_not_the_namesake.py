"""Names that are not the town of their name, or not its far namesake: a river named like a city, an oblast's
administration in a speaker's title, a village beside the people's republic it lies in, a village told by its
landmark, a community named after its seat, a village named beside towns of the front. Sentences written for
these tests, read with the embedded gazetteer (and GeoNames' Ukraine table where it says so)."""

import pytest

from sitrep.geo import find_places, geocode_document


def names(text, gazetteer):
    return [(p.name, p.admin1, p.geo_precision) for p in geocode_document(text, gazetteer)]


# 1. a river named like a city

@pytest.mark.parametrize(
    "text",
    [
        "Окупанти обстрілюють села на правому березі Дніпра",
        "Росіяни закріпилися на лівобережжі Дніпра",
        "Вдоль Днепра продолжаются бои",
        "Ukrainian marines hold a foothold on the left bank of the Dnipro.",
    ],
)
def test_a_river_by_its_banks_is_no_city(embedded, text):
    assert names(text, embedded) == []


def test_a_river_crossed_leaves_the_town_shelled_across_it(embedded):
    assert [n for n, _, _ in names("Росіяни обстрілюють Херсон через Дніпро", embedded)] == ["Kherson"]
    assert [n for n, _, _ in names("Russian shelling from across the Dnipro hit Kherson.", embedded)] == ["Kherson"]
    # the city itself, and its region, are still places
    assert names("Ворог обстріляв правобережжя Херсонщини", embedded) == [("Kherson Oblast", "Kherson Oblast", 3)]
    assert [n for n, _, _ in names("A missile hit a clinic in Dnipro.", embedded)] == ["Dnipro"]
    assert names("People fled the Dnipro region.", embedded) == [("Dnipropetrovsk Oblast", "Dnipropetrovsk Oblast", 3)]
    assert [n for n, _, _ in names("Уночі над Дніпром збили дрони", embedded)] == ["Dnipro"]


# 2. an oblast's administration in a speaker's title

@pytest.mark.parametrize(
    "text",
    [
        "Начальник Запорізької військової адміністрації повідомив про обстріл.",
        "Глава Запорожской военной администрации сообщил об обстреле.",
        "Ivan Fedorov, head of the Zaporizhzhia military administration, said a woman was wounded.",
    ],
)
def test_a_military_administration_in_a_title_is_the_oblast_not_the_city(embedded, text):
    assert names(text, embedded) == [("Zaporizhzhia Oblast", "Zaporizhzhia Oblast", 3)]
    # the city's own administration is the city's
    [(_, admin1, precision)] = names("Голова Запорізької міської військової адміністрації повідомив про обстріл.", embedded)
    assert (admin1, precision) == ("Zaporizhzhia Oblast", 1)


# 3. a people's republic holds its villages as an oblast does

@pytest.mark.parametrize(
    "text",
    ["Российские военные заняли Ивановку ДНР.", "Бои идут за Калиновку (ДНР).",
     "Российские войска заняли Ивановку Донецкой Народной Республики."],
)
def test_a_village_beside_its_republic_lies_in_that_oblast(embedded, text):
    assert {admin1 for _, admin1, _ in names(text, embedded)} == {"Donetsk Oblast"}


def test_with_the_ukraine_table_the_village_of_the_republic_or_the_front_is_found(embedded_with_ua):
    # (not the town of an adjective "Новотроицкое" would be before a noun: the republic's acronym is none)
    places = names("Российские военные заняли Новотроицкое ДНР.", embedded_with_ua)
    assert places[0][1:] == ("Donetsk Oblast", 1)
    assert {admin1 for _, admin1, _ in places} == {"Donetsk Oblast"}
    # villages beside towns of the front are the namesakes near them
    places = names("Ворог атакував поблизу Курахового, Дачного та Лисівки.", embedded_with_ua)
    assert ("Dachne", "Donetsk Oblast", 1) in places and ("Lysivka", "Donetsk Oblast", 1) in places


# 4. a village told by its landmark

@pytest.mark.parametrize(
    ("text", "landmark"),
    [
        ("Clashes went on near Kamianka (south of Belgorod).", "Belgorod"),  # across the border from Ukraine's
        ("Clashes went on at Ivanovka (east of Sudzha).", "Sudzha"),
    ],
)
def test_a_village_in_brackets_after_its_landmark_is_near_it(embedded, text, landmark):
    assert [n for n, _, _ in names(text, embedded)] == [landmark]
    # a distance the text states reaches past the landmark's neighbourhood
    assert names("Velyka Novosilka, about 100 km south-west of Donetsk, was shelled.", embedded)[0][:2] == (
        "Velyka Novosilka", "Donetsk Oblast")


# 5. a community named after its seat

@pytest.mark.parametrize(
    ("text", "seat"),
    [
        ("Уламки дрона впали у Шахтарській громаді Дніпропетровської області.", "Shakhtarske"),
        ("Ворог обстріляв Васильківську громаду Дніпропетровської області.", "Vasylkivka"),
        # (a town in -ець: its adjective is -ецька)
        ("Ворог двічі атакував Марганецьку громаду Дніпропетровської області.", "Marhanets"),
    ],
)
def test_a_community_is_its_seat_in_the_oblast_named(embedded, text, seat):
    assert (seat, "Dnipropetrovsk Oblast", 2) in names(text, embedded)


# 6. a village named beside towns of the front

@pytest.mark.parametrize(
    "text",
    ["Ворог штурмував позиції біля Торецька, Щербинівки та Дачного.",
     "Ворог атакував поблизу Курахового, Дачного та Лисівки."],
)
def test_a_village_beside_front_towns_is_not_a_far_namesake(embedded, text):
    # the Dachne and Lysivka the embedded table has lie in Odesa and Zhytomyr oblasts: near the towns named instead
    assert {admin1 for _, admin1, _ in names(text, embedded)} == {"Donetsk Oblast"}
    # a list of strikes keeps a town of another province
    assert names("Ракети вдарили по Горлівці та Скадовську.", embedded) == [
        ("Horlivka", "Donetsk Oblast", 1), ("Skadovsk", "Kherson Oblast", 1)]


# 7. a village in a region the sentence names, by a word of where in it: that region's village or the region,
#    never a namesake abroad

@pytest.mark.parametrize("adjective", ["northwestern", "central", "restive", "far-eastern"])
def test_a_village_in_a_named_region_stays_in_it(embedded, adjective):
    text = f"Jets bombed the village of Kanan in the {adjective} Sagaing region on Sunday."
    assert [(p.admin1, p.country) for p in geocode_document(text, embedded)] == [("Sagaing Region", "Myanmar")]


# 8. a continent or a world region is no town, though a gazetteer has a town once called so

@pytest.mark.parametrize("region", ["Africa", "Asia", "the Middle East", "the Levant", "the Pacific"])
def test_a_continent_is_no_town(embedded, region):
    assert names(f"It was one of the deadliest attacks in {region} this year.", embedded) == []


# 9. a street named after a person is no town of that name

@pytest.mark.parametrize("text", ["Дрон атаковал автомобиль на улице Дзержинского.",
                                  "Место атаки на ул. Дзержинского, фото пресс-службы.",
                                  "Снаряд влучив у будинок на вулиці Дзержинського."])
def test_a_street_is_no_town(embedded, text):
    assert names(text, embedded) == []


# 10. a name the text once places in a province is in it wherever it stands bare: no namesake of another province

def test_a_village_the_text_places_in_a_province_is_nowhere_else_in_it(embedded):
    text = ("Отражены контратаки под Новоандреевкой. На запорожском направлении подразделения отразили две "
            "контратаки под Новоандреевкой Запорожской области.")
    assert {admin1 for _, admin1, _ in names(text, embedded)} == {"Zaporizhzhia Oblast"}


# 11. a small landmark town of a shared name steers its village when the text names the landmark's province

def test_a_village_south_of_a_small_town_of_the_named_province_is_near_it(embedded):
    text = ("Heavy fighting went on in Kursk Oblast on Monday. Russian troops attacked near Lyubimovka (west of "
            "Korenevo), and a milblogger claimed that the 810th Naval Infantry Brigade advanced near Lyubimovka.")
    # (the only Lyubimovka the embedded table has is a Ukrainian village spelt so in Russian, in Dnipropetrovsk
    # Oblast; the second, bare Lyubimovka is the one the landmark told; a brigade's "Naval" is no town)
    assert {admin1 for _, admin1, _ in names(text, embedded)} == {"Kursk Oblast"}
    assert ("Korenevo", "Kursk Oblast", 2) in names(text, embedded)


# 12. a village read only under another language's spelling, in a sentence naming a province across the border

def test_a_village_spelt_as_across_the_border_is_in_the_province_named(embedded):
    text = "Ukrainian units kept their positions in Kursk Oblast, while Russian troops attacked near Lyubimovka and Olgovka."
    assert names(text, embedded) == [("Kursk Oblast", "Kursk Oblast", 3)]
    # a village under its own spelling stays where it is, beside a province across the border
    assert ("Olhivka", "Kherson Oblast", 1) in names("Shelling hit Olhivka in Kherson region and the Kursk region.",
                                                     embedded)


# 13. a settlement the text calls a village is no city of its name elsewhere

@pytest.mark.parametrize("text", [
    "Белгородская область. Белгородский район. В посёлке Октябрьский повреждена кровля дома.",
    "Белгородская область. Дрон сбросил взрывчатку на посёлок Октябрьский.",
])
def test_a_village_word_keeps_the_village_of_the_province_named(embedded, text):
    # (an Oktyabrsky of 100,000 people lies in Bashkortostan; the Belgorod one has 8,000)
    assert ("Oktyabr’skiy", "Belgorod Oblast", 1) in names(text, embedded)


# 14. a town placed by a border is its namesake along that border

def test_a_town_by_the_border_is_its_namesake_along_it(embedded):
    text = "A drone hit a house in the town of Zolochiv, about 15 km from the Russian border, the governor said."
    assert names(text, embedded) == [("Zolochiv", "Kharkiv Oblast", 1)]
    assert names("A drone hit a house in the town of Zolochiv.", embedded) == [("Zolochiv", "Lviv Oblast", 1)]


# 15. a governor's round-up, district by district: a district's heading holds the villages named after it

def test_a_district_heading_holds_its_villages(embedded):
    text = ("Сводка губернатора.\n\nБелгородский район. В посёлке Октябрьский осколками повреждён гараж.\n\n"
            "Там же днём позже дрон упал у дороги.\n\nКореневский район. В селе Любимовка повреждена крыша.")
    found = names(text, embedded)
    assert ("Oktyabr’skiy", "Belgorod Oblast", 1) in found
    # (no Lyubimovka of Kursk Oblast in the embedded table: the district's town, not the Ukrainian namesake)
    assert {admin1 for _, admin1, _ in found} == {"Belgorod Oblast", "Kursk Oblast"}


# 16. a common noun opening a sentence is no city of its name somewhere

@pytest.mark.parametrize("text", ["Man killed in shelling, the mayor's office says.",
                                  "Man describes running for his life as gunmen opened fire."])
def test_a_sentence_opened_by_man_names_no_city(embedded, text):
    # (Man, a city of 150,000 in Côte d'Ivoire)
    assert names(text, embedded) == []


# 17. a namesake the text warns of is no place of its news; a landmark's namesake wins over a far city of the name

def test_a_namesake_the_text_warns_of_is_no_place(embedded):
    text = "Бои идут в Удачном под Покровском. Не путать с городом Удачный в Якутии."
    assert {admin1 for _, admin1, _ in names(text, embedded)} == {"Donetsk Oblast"}
    text = "Fighting raged near Udachne, not to be confused with Udachny in Yakutia, the army said."
    assert {admin1 for _, admin1, _ in names(text, embedded)} == {"Donetsk Oblast"}


def test_a_village_by_its_landmark_wins_over_a_far_city_row_of_its_name(embedded):
    # (the embedded table lists a "Shevchenko" of 147,600 people in Poltava Oblast, and villages by Pokrovsk)
    text = "Russian troops entered the northern part of Shevchenko (south of Pokrovsk) on Monday."
    assert ("Shevchenko", "Donetsk Oblast", 1) in names(text, embedded)
    assert names("Tver, north-west of Moscow, was hit by drones.", embedded)[0][:2] == ("Tver", "Tver Oblast")


# 18. a district is its town's, however the gazetteer spells the town, not a village named like the district

def test_a_district_is_its_towns_not_a_village_of_its_adjective(embedded):
    assert names("Обстріляли село Ізюмського району.", embedded) == [("Izyum", "Kharkiv Oblast", 2)]
    # (an English name found among a place's alternate names may be a historical one: Engels was Pokrovsk)
    assert names("Shelling hit a village in the Pokrovsk district.", embedded) == [("Pokrovsk", "Donetsk Oblast", 2)]


# 19. a district many cities have is the district of the town the text tells of

def test_a_district_many_cities_have_is_the_town_told_ofs(embedded):
    text = "A Russian drone hit Kherson on Friday. Later a drone struck a minibus in the Dniprovskyi district."
    assert {admin1 for _, admin1, _ in names(text, embedded)} == {"Kherson Oblast"}
    # in Kyiv, or before any town, as the gazetteer reads it
    assert ("Shevchenkivskyi", "Kyiv City", 2) in names("Explosions in Kyiv. Missiles hit the Shevchenkivskyi district.",
                                                      embedded)


# 20. a Ukrainian raion named in English by its town's adjective is the town's

@pytest.mark.parametrize(("district", "town"), [("Pokrovskyi", "Pokrovsk"), ("Bakhmutskyi", "Bakhmut"),
                                                ("Nikopolskyi", "Nikopol"), ("Bakhmutsky", "Bakhmut")])
def test_a_raion_named_by_its_towns_adjective_is_near_the_town(embedded, district, town):
    assert [(n, p) for n, _, p in names(f"Shelling hit a village in the {district} district.", embedded)] == [(town, 2)]


# 21. a city's district romanised the Russian way is the city's, not a namesake in Russia

@pytest.mark.parametrize("district", ["Kievsky", "Voroshilovsky", "Kuibyshevsky", "Petrovsky"])
def test_a_city_district_romanised_the_russian_way_is_in_the_city(embedded, district):
    text = f"Shelling hit a market in the {district} district of Donetsk on Monday, the Russian-installed mayor said."
    assert {admin1 for _, admin1, _ in names(text, embedded)} == {"Donetsk Oblast"}


def test_a_city_district_of_a_province_named_after_it_is_no_district_of_another_provinces_town(embedded):
    text = ("Moscow denied the reports. Officials in Moscow said talks were off. A depot burned in the Budyonnovsky "
            "district of the Russian-backed Donetsk People's Republic after shelling, local media said.")
    district = [p.admin1 for p in find_places(text, embedded) if text[p.start:p.end].startswith("Budyonnovsky")]
    assert district in ([], ["Donetsk Oblast"])
    assert ("Donetsk Oblast", "Donetsk Oblast", 3) in names(text, embedded)


# 22. a country's everyday name is the country, not a village so called in another

@pytest.mark.parametrize(("text", "country"), [
    ("Rebels attacked a village in eastern Congo's North Kivu province on Monday.", "Democratic Republic of the Congo"),
    ("Drones struck a depot in the east of DR Congo.", "Democratic Republic of the Congo"),
    ("Police detained protesters in Burma's largest city.", "Myanmar"),
])
def test_a_countrys_everyday_name_is_the_country(embedded, text, country):
    assert country in [n for n, _, _ in names(text, embedded)]
    assert "Paraíba" not in [admin1 for _, admin1, _ in names(text, embedded)]


# 23. a Russian spelling of a Ukrainian village finds the village the Ukrainian spelling names, for the text's context
# to choose; a two-word name GeoNames keeps in Latin letters only is found by them; where troops came from is no place

@pytest.mark.parametrize(("text", "village"), [
    ("Летом ВСУ освободили сёла Старомайорское и Урожайное в Донецкой области.", "Urozhaine"),
    ("Российские штурмовые группы ведут бои в Великой Новосёлке.", "Velyka Novosilka"),
])
def test_a_russian_spelling_of_a_ukrainian_village_finds_it(embedded, text, village):
    assert (village, "Donetsk Oblast") in [(n, admin1) for n, admin1, _ in names(text, embedded)]


def test_the_namesake_of_the_russian_spelling_stays_where_the_text_places_it(embedded):
    assert ("Urozhaynoye", "Crimea") in [(n, a) for n, a, _ in names("В Урожайном Крыма прошёл праздник.", embedded)]


def test_the_village_troops_came_from_is_no_place(embedded):
    text = "Штурмовики вошли в посёлок с юга, со стороны Старомайорского, сообщили военкоры."
    assert "Staromaiorske" not in [n for n, _, _ in names(text, embedded)]


# 24. an air defence system is no town, and towns are found as the wires spell them

@pytest.mark.parametrize(("text", "town"), [
    ("Hezbollah rockets were intercepted by the Iron Dome air defence system over Kiryat Shmona.", "Qiryat Shmona"),
    ("Houthi forces fired at a ship off Hodeidah on Monday.", "Al Ḩudaydah"),
])
def test_an_air_defence_system_is_no_town_and_towns_are_found_as_the_wires_spell_them(embedded, text, town):
    found = [n for n, _, _ in names(text, embedded)]
    assert "Dome" not in found and town in found


# 25. a town whose province the text names once is that province's town wherever it stands bare

def test_a_town_placed_once_in_its_province_is_that_town_in_the_headline_too(embedded):
    text = ("Russian bomb kills three in Ukraine's Zolochiv, officials say\n\nA Russian guided bomb struck the centre of "
            "the town of Zolochiv in Ukraine's northeastern Kharkiv region on Thursday, officials said.\n\nRussia's "
            "defence ministry made no comment on the Zolochiv strike. Moscow denies that it targets civilians.")
    assert {admin1 for n, admin1, _ in names(text, embedded) if n == "Zolochiv"} == {"Kharkiv Oblast"}


# 26. a town named after another's possessive is a town of its own when the gazetteer has it as one in that province

def test_a_town_after_a_possessive_is_its_own_town_and_a_citys_district_stays_the_citys(embedded):
    gaza = [(n, p) for n, _, p in names("An Israeli strike on a school in Gaza's Nuseirat killed 16 people.", embedded)]
    assert ("An Nuşayrāt", 1) in gaza and "Gaza" not in [n for n, _ in gaza]
    assert [n for n, _, _ in names("A blast at Istanbul's Ataturk airport killed 40.", embedded)] == ["Istanbul"]


# 27. a town named like the governorate it is the seat of is the town: GeoNames' districts of the Palestinian
# territories are no provinces

@pytest.mark.parametrize(
    "text, town",
    [
        ("Tanks pushed into the eastern part of Khan Younis overnight, residents said.", "Khān Yūnis"),
        ("Soldiers raided a refugee camp on the edge of Tulkarm on Sunday.", "Ţūlkarm"),
        ("Protesters gathered in the old city of Nablus after the funeral.", "Nablus"),
    ],
)
def test_a_governorates_seat_is_the_town_in_its_province(embedded, text, town):
    assert names(text, embedded) in ([(town, "Gaza Strip", 1)], [(town, "West Bank", 1)])


# 28. an article inside a name ("Deir al-Balah", "Dar es Salaam") joins its words into one name the gazetteer knows

def test_a_name_with_an_article_inside_is_one_place(embedded):
    assert names("Shells fell near a hospital in Deir el-Balah in the afternoon.", embedded) == [
        ("Dayr al Balaḩ", "Gaza Strip", 1)]
    assert [n for n, _, _ in names("Floods cut roads around Dar es Salaam this week.", embedded)] == ["Dar es Salaam"]
    # only a name the gazetteer knows: a town before "as" and a capitalised word stays the town
    assert [n for n, _, _ in names("Shops reopened in Kharkiv as Russian shelling eased.", embedded)] == ["Kharkiv"]


# 29. where the bodies or the wounded were taken, by a hospital's own name, is not where it happened

def test_a_named_hospital_in_a_nearby_town_is_no_place_of_the_event(embedded):
    assert names("The wounded were taken to Al-Shifa Hospital in nearby Beit Lahia, medics said.", embedded) == []
    assert names("The bodies were brought to the morgue in Khan Younis.", embedded) == []
