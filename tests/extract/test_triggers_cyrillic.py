"""Russian and Ukrainian trigger words (event_triggers.yaml): ACLED's types in English, evidence as written.
Sentences written for these tests."""

import datetime

import pytest

import sitrep
from sitrep.clean import segment
from sitrep.extractors.short_reports import short_report_labels
from sitrep.extractors.triggers import find_trigger


def read(text: str) -> list:
    return sitrep.extract(text, published=datetime.date(2022, 10, 11))


def towns(text: str) -> list[str]:
    """The places of the events a text reports, sorted."""
    return sorted(m.place.name for m in read(text))


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        ("Над Вінницею сили ППО збили три ворожі дрони", "Disrupted weapons use"),
        ("Ночью над Курском сбиты два беспилотника", "Disrupted weapons use"),
        ("Ворог завдав ракетного удару по Кременчуку", "Shelling/artillery/missile attack"),
        ("Армия обстреляла окраины Херсона из артиллерии", "Shelling/artillery/missile attack"),
        ("Безпілотники атакували нафтобазу під Ровеньками", "Air/drone strike"),
        ("У Шостці пролунали вибухи", "Remote explosive/landmine/IED"),
        ("Запеклі бої точаться біля Мар'їнки", "Armed clash"),
        ("Десантники звільнили ще два села на Херсонщині", "Government regains territory"),
        ("Внаслідок ДТП двоє людей загинули", "Attack"),  # a death, its kind only guessed
        ("Окупанти випустили шість ракет по Умані", "Shelling/artillery/missile attack"),
        ("Вечером было выпущено 12 ракет по Краматорску", "Shelling/artillery/missile attack"),
        ("Ворог атакував нафтобазу в Ізюмі", "Shelling/artillery/missile attack"),
        ("Снаряд влучив у водонапірну вежу в Куп'янську", "Shelling/artillery/missile attack"),
        ("Росіяни пошкодили котельню ракетами", "Shelling/artillery/missile attack"),
        ("Сили оборони знищили склад пального окупантів біля Токмака", "Shelling/artillery/missile attack"),
        ("Над Сумами знищено п'ять шахедів", "Disrupted weapons use"),
        ("Безпілотник підірвав цистерну під Шосткою", "Air/drone strike"),
        ("Ворог атакував Чернігівщину", "Armed clash"),  # an attack of no named kind
        ("За даними Міноборони РФ, війська зайняли місто Ізюм", "Armed clash"),  # a town taken
        ("Подразделения заняли поселок Пески", "Armed clash"),
    ],
)
def test_russian_and_ukrainian_triggers(sentence, sub_event_type):
    trigger = find_trigger(sentence)
    assert trigger is not None and trigger.sub_event_type == sub_event_type
    assert sentence[trigger.evidence.start:trigger.evidence.end] == trigger.evidence.quote


def test_a_cyrillic_short_report_is_typed_by_the_rules():
    labels = short_report_labels([segment("У Шостці пролунали вибухи"), segment("Мер Шостки провів нараду")])
    assert labels == ["Remote explosive/landmine/IED", "none"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Санкції завдали удару по економіці Росії",  # a figurative blow
        "Новые пошлины нанесли удар по бизнесу",
        "Росія може завдати удару по Вінниці, попереджає розвідка",  # a possibility
        "Если переговоры сорвутся, армия может атаковать Херсон",
        "Минулої ночі в Сумах не було обстрілів",  # none happened
        "У Полтаві вшанували пам'ять загиблих",  # remembrance
    ],
)
def test_no_event_in_russian_and_ukrainian(sentence):
    assert find_trigger(sentence) is None


def test_a_cyrillic_headline_listing_two_towns_reports_two_events():
    assert towns("Вночі ракети влучили в підстанції у Смілі та Конотопі") == ["Konotop", "Smila"]


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        ("Армия нанесла артудары по мосту у Балаклеи", "Shelling/artillery/missile attack"),
        ("Котельня зупинилась через ушкодження ракетою", "Shelling/artillery/missile attack"),
        ("Місто без світла після пошкодження росіянами підстанції", "Shelling/artillery/missile attack"),
        ("Ворог випустив по Нікополю понад 40 снарядів", "Shelling/artillery/missile attack"),
        ("Повідомляють про знищення арсеналу окупантів біля Токмака", "Shelling/artillery/missile attack"),
    ],
)
def test_more_ways_to_tell_of_a_strike(sentence, sub_event_type):
    trigger = find_trigger(sentence)
    assert trigger is not None and trigger.sub_event_type == sub_event_type


@pytest.mark.parametrize(
    "sentence",
    [
        "Під Полтавою горить нафтобаза",
        "На складі боєприпасів біля Мелітополя спалахнула пожежа",
        "В Донецке на электроподстанции вспыхнул пожар",
        "Пожар на военном аэродроме под Джанкоем потушили",
        "На нафтобазі в тимчасово окупованому Луганську знову спалахнула пожежа",  # five words apart
        "На аэродроме «Кача» под Севастополем вспыхнул пожар",  # a name in quotes between
    ],
)
def test_a_fire_at_what_a_war_strikes_is_an_explosions_event(sentence):
    trigger = find_trigger(sentence)
    assert trigger is not None and trigger.sub_event_type == "Remote explosive/landmine/IED" and trigger.generic


@pytest.mark.parametrize(
    "sentence", ["У Полтаві горить житловий будинок", "В Донецке на рынке вспыхнул пожар"])
def test_a_fire_at_a_home_or_a_market_is_no_event(sentence):
    assert find_trigger(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "У Житомирі пошкоджено електропідстанцію, частина міста без світла",
        "Через пошкодження газопроводу в Сумській області села залишились без газу",
        "В Горловке повреждена подстанция, без света несколько кварталов",
        "Підстанцію в Ізюмі пошкоджено, мешканці без електрики",
    ],
)
def test_damage_to_what_a_war_strikes_is_an_explosions_event(sentence):
    # a substation or pipeline damaged with no cause told: in this war most often a strike's, like a fire there
    trigger = find_trigger(sentence)
    assert trigger is not None and trigger.sub_event_type == "Remote explosive/landmine/IED" and trigger.generic


@pytest.mark.parametrize(
    "sentence", ["У Полтаві пошкоджено дах житлового будинку", "Енергетики відремонтували підстанцію в Ізюмі"])
def test_damage_to_a_home_or_a_repair_is_no_event(sentence):
    assert find_trigger(sentence) is None


@pytest.mark.parametrize("sentence", ["Силы обороны заняли оборонительные позиции", "Він зайняв посаду голови ОВА"])
def test_positions_or_a_post_taken_are_no_town_taken(sentence):
    assert find_trigger(sentence) is None


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        # what was hit at each place, between the places of one list
        ("ЗСУ уразили склад у Токмаку, базу в Бердянську та штаб у Мелітополі", ["Berdyansk", "Melitopol", "Tokmak"]),
        ("Ракеты ударили по заводу в Запорожье и складам в Днепре", ["Dnipro", "Zaporizhzhya"]),
        # each town's oblast in brackets holds the town: no event of its own
        ("Удары нанесены по аэродромам в Миргороде (Полтавская область), Старокостянтинове (Хмельницкая область)",
         ["Myrhorod", "Starokostyantyniv"]),
    ],
)
def test_a_cyrillic_list_of_places_and_what_was_hit_at_each(headline, expected):
    assert towns(headline) == expected


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        # a headline of several clauses: one report per clause and place, a fire told among strikes included
        ("У Сумах пролунали вибухи, у Конотопі горить склад — відео", ["Konotop", "Sumy"]),
        ("Ракета влучила в завод у Смілі; в Умані палає нафтобаза", ["Smila", "Uman"]),
        # a country between clauses joins no list
        ("Ворог атакував Суми дронами, загалом в Україні збили 12 з 15, у Смілі влучання в склад",
         ["Smila", "Sumy"]),
        # the later clause may open with its speaker or side, capitalised, before its preposition
        ("Ракета влучила в нафтобазу в Луганську — Буданов про удари РФ по Умані", ["Luhansk", "Uman"]),
        # a clause of no incident on one front's direction, a depot destroyed on the next one's
        ("На Лиманському напрямку тривало перегрупування, на Бахмутському знищено склад пального", ["Bakhmut"]),
    ],
)
def test_a_cyrillic_headline_of_several_clauses(headline, expected):
    assert towns(headline) == expected


@pytest.mark.parametrize(
    "headline",
    [
        "Вибух на складі пошкодив колію між станціями Сміла та Умань",
        "Взрыв склада повредил пути между Сумами и Конотопом",
    ],
)
def test_a_route_between_two_towns_is_no_list_of_events(headline):
    # what lies between two places is one report, not one at each
    assert len(read(headline)) == 1


def test_a_list_told_again_after_another_report_is_the_same_events():
    # the second list of the same towns, after another event between, adds no event
    text = ("Уночі пролунали вибухи у Луцьку та Рівному. Під Бахмутом тривають запеклі бої. "
            "Вибухи у Луцьку і Рівному були на військових аеродромах.")
    assert towns(text) == ["Bakhmut", "Lutsk", "Rivne"]


def test_a_clause_of_no_incident_joins_no_list():
    mentions = read("Тривала евакуація з Конотопа, удар по аеродрому в Умані")
    assert len(mentions) == 1


def test_a_three_word_cyrillic_headline_with_an_event_word_reports():
    mentions = read("Вибухи у Конотопі. Місцеві публікують відео")
    assert [m.place.name for m in mentions] == ["Konotop"]
    # three words and no event word: still a fragment, no report of its own
    assert not [s for s in segment("Ще один Конотоп. Удар по складу в Умані") if s.usable and "Конотоп" in s.text]


def test_a_misspelt_air_strike():
    trigger = find_trigger("Горить склад у Смілі після авиудара")
    assert trigger is not None and trigger.sub_event_type == "Air/drone strike"


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("ППО вночі збила дев'ять ракет. Більшість летіла на промисловий об'єкт у Вінницькій області.", "Vinnytsia Oblast"),
        ("Армия поразила мост через реку. Николаевская область.", "Mykolaiv Oblast"),  # a bare region as the lede
        ("Air defences shot down nine missiles overnight. Most were aimed at an airfield in the Vinnytsia region.",
         "Vinnytsia Oblast"),
    ],
)
def test_a_headline_with_no_place_is_placed_by_the_next_sentence(text, admin1):
    [mention] = read(text)
    assert mention.place is not None and mention.place.admin1 == admin1
    assert text[mention.evidence["location"].start:mention.evidence["location"].end] == mention.evidence["location"].quote


def test_only_the_headline_takes_the_next_sentences_place():
    # a report further in names no place; the sentence after it is another matter
    text = ("Над Вінницею збили три дрони. Окупанти заявили, що не б'ють по містах. "
            "Журналісти у Харкові зняли відео про волонтерів.")
    assert [m.place.admin1 for m in read(text)] == ["Vinnytsia Oblast"]


@pytest.mark.parametrize(
    ("headline", "town"),
    [
        # the event's words between two places: the place of its own clause, however near the other stands
        ("Тривала евакуація з Конотопа, удар по аеродрому в Умані", "Uman"),
        ("День сотий: обмін полоненими у Сумах, ракетний удар по вокзалу в Полтаві", "Poltava"),
    ],
)
def test_the_place_of_the_events_own_clause(headline, town):
    [mention] = read(headline)
    assert mention.place.name == town


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        # the later clause names its town with no preposition, as what was hit
        ("Вибухи пролунали у Рівному, під обстріл потрапило місто Запоріжжя", ["Rivne", "Zaporizhzhya"]),
        ("Взрывы прогремели в Ровно, обстрелу подвергся Николаев", ["Mykolayiv", "Rivne"]),
    ],
)
def test_a_later_clause_that_names_its_town_bare(headline, expected):
    assert towns(headline) == expected


def test_deaths_told_after_a_clause_break_are_the_strikes_own():
    # a bare place with deaths alone: the toll of the strike before, no event of its own
    assert len(read("Удар по Харкову, загинули двоє жителів Салтівки")) == 1


def test_a_headline_with_no_place_takes_the_list_of_the_sentence_that_places_it():
    text = ("Сили оборони знищили чотири склади боєприпасів. "
            "Склади знищено у Скадовському, Бериславському та Каховському районах.")
    assert towns(text) == ["Beryslav", "Kakhovka", "Skadovsk"]


def test_a_roundups_heading_gives_no_list_to_its_first_item():
    # the heading has no event word: the items after it are each news of its own, not places of one event
    text = "Сотий день війни — головне. ЗСУ звільнили Балаклію, під Ізюмом знайшли вбитих цивільних"
    assert towns(text) == ["Balakliya"]


@pytest.mark.parametrize(
    "text",
    [
        "Сто п’ятдесятий день війни — онлайн. ЗСУ звільнили Балаклію, під Ізюмом знайшли вбитих цивільних",
        "День 150-й: хроніка подій. ЗСУ звільнили Балаклію, під Ізюмом знайшли вбитих цивільних",
    ],
)
def test_other_digest_headings_give_no_list_to_their_first_item(text):
    assert towns(text) == ["Balakliya"]


def test_a_heading_that_only_leads_in_lets_the_next_sentence_give_the_list():
    # no event word and no place, but no digest either: the sentence that places the report lists its places
    text = "Нова зброя змінює правила гри. Аналітики оцінили наслідки ударів по аеродромах Мелітополь і Бердянськ"
    assert towns(text) == ["Berdyansk", "Melitopol"]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        # a dash and a count stand for the verb of the clause before
        ("В Сумской области уничтожены два склада, в Полтаве – один с топливом", ["Poltava", "Sumy Oblast"]),
        # the later clause's own words come before a dash: the clause is split at its first break
        ("Ракетних ударів зазнав аеропорт Полтави, авіаударів - Миргородський аеродром", ["Myrhorod", "Poltava"]),
        # "а", the later clause's subject or time, and a dash where the verb of the clause before would stand
        ("Вночі дрони атакували нафтобазу в Умані, а вдень – склад у Смілі", ["Smila", "Uman"]),
        ("Авиация ударила по позициям в Сумской области, а артиллерия – по складам в Полтавской области",
         ["Poltava Oblast", "Sumy Oblast"]),
    ],
)
def test_a_clause_that_leaves_out_its_verb(headline, expected):
    assert towns(headline) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Нагадаємо, місто звільнили від окупантів минулої осені після важких боїв.",
        "Напомним, ранее беспилотник атаковал нефтебазу в этом районе.",
        "Відтоді село регулярно обстрілюють з протилежного берега.",
        "С начала войны в области погибли более двухсот мирных жителей от обстрелов.",
        "По факту обстрела возбуждено уголовное дело.",
    ],
)
def test_what_an_outlet_recalls_habits_totals_and_inquiries_are_no_event(sentence):
    assert find_trigger(sentence) is None


def test_a_sentence_that_says_where_it_happened_places_the_event_told_before():
    text = ("В Белгородской области в результате атаки беспилотника на автомобиль погиб мирный житель, сообщил "
            "губернатор. По его словам, это произошло в Грайвороне.\n\nЕще два человека получили ранения при обстреле "
            "Шебекино.")
    killed = [m for m in read(text) if m.fatalities]
    assert [m.place.name for m in killed] == ["Grayvoron"]


def test_a_post_that_ends_with_who_said_it_gives_no_event_without_a_place():
    text = ("Протягом ночі сили ППО збили 12 ворожих дронів над Житомирщиною та Вінниччиною. Уламки впали у "
            "Бердичівському районі, пошкоджено склад. Постраждалих немає, повідомили у Повітряних силах.")
    assert all(m.place is not None for m in read(text))


@pytest.mark.parametrize("sentence", ["С начала года в Белгородской области погибли более 50 мирных жителей.",
                                      "З початку року на Сумщині загинули понад 40 цивільних."])
def test_the_dead_counted_since_the_year_began_make_no_event(sentence):
    assert read(sentence) == []


def test_a_post_that_turns_to_another_town_tells_another_event():
    text = ("На Сумщині внаслідок удару дрона загинув чоловік, повідомила ОВА.\n\nТакож ворог обстріляв Шостку, "
            "пошкоджено будинки.\n\nЦіни на зерно знову зросли в понеділок.\n\nМіська рада ухвалить бюджет у вересні.")
    dead = [m for m in read(text) if m.fatalities]
    assert [m.place.name for m in dead] == ["Sumy Oblast"]


def test_drones_downed_over_a_day_are_not_downed_at_the_town_told_before():
    text = ("Войска нанесли поражение противнику в районе Торецка, сообщили в ведомстве.\n\nКроме того, средствами "
            "ПВО за сутки сбиты 45 беспилотников.\n\nЦены на зерно снова выросли.\n\nГородской совет примет бюджет.")
    assert not [m for m in read(text) if m.sub_event_type == "Disrupted weapons use"]
