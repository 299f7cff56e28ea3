import pytest

from sitrep.extractors.triggers import find_trigger


@pytest.mark.parametrize(
    "sentence, sub_event_type",
    [
        ("A Ukrainian drone attack targeted a fuel and energy facility.", "Air/drone strike"),
        ("Air defences shot down 12 drones over the Kursk region.", "Disrupted weapons use"),
        ("Russian forces shelled Kharkiv overnight.", "Shelling/artillery/missile attack"),
        ("A railway was rocked by a huge explosion, destroying freight train cars.", "Remote explosive/landmine/IED"),
        ("A suicide bomber blew himself up at a checkpoint.", "Suicide bomb"),
        ("Police used tear gas to disperse the protest.", "Protest with intervention"),
        ("Invading troops encircled the town on Friday.", "Armed clash"),
        # police who detain someone make an arrest; at a protest, it is a protest with intervention
        ("Police detained a man suspected of spying for a foreign service.", "Arrests"),
        ("Officers arrested a local official on bribery charges on Monday.", "Arrests"),
        ("Police detained dozens of people at an anti-war rally in the capital.", "Protest with intervention"),
        ("Police arrested 40 demonstrators outside the ministry.", "Protest with intervention"),
        ("Hundreds of teachers staged a rally outside parliament.", "Peaceful protest"),
        ("Rebels and government troops clashed near the airport.", "Armed clash"),
        ("Gunmen abducted three aid workers.", "Abduction/forced disappearance"),
        ("Troops recaptured the village from the rebels.", "Government regains territory"),
        # the words that follow the verb do not matter: a plain "took back" or "liberated" is enough
        ("The army said its units took back three hamlets near the river on Friday.", "Government regains territory"),
        ("Government forces liberated Pavlivka after a week of fighting.", "Government regains territory"),
        # captures and losses of a town in a war between states are fought for: armed clashes
        ("Invading troops overran the town of Dolyna early on Monday.", "Armed clash"),
        ("The governor said the defenders had abandoned Hirske, a town of 10,000 people.", "Armed clash"),
        ("The minister said the army had established “full control” over Rubizhne.", "Armed clash"),
        # a possessive or a hyphenated word is one word between the verb and its object
        ("Russian forces struck Ukraine’s largest oil refinery on Monday.", "Shelling/artillery/missile attack"),
        # depots and launchers struck are a strike, not weapons taken out of use; a swap of prisoners is an agreement
        ("The ministry said its forces destroyed six missile and artillery depots in the region.", "Shelling/artillery/missile attack"),
        ("The two sides carried out an exchange of prisoners of war on Wednesday.", "Agreement"),
        ("The railway station came under heavy rocket fire at dawn.", "Shelling/artillery/missile attack"),
        ("Saturday’s strike destroyed a five-storey building in the town.", "Shelling/artillery/missile attack"),
        # a front's communiqué
        ("The defenders repelled two assaults near the village on Tuesday, the general staff said.", "Armed clash"),
        ("Border guards stopped a breakthrough attempt near the river.", "Armed clash"),
        ("Paratroopers eliminated 25 occupiers near the town overnight.", "Armed clash"),
        ("Special forces liquidated a sabotage and reconnaissance group in the forest.", "Armed clash"),
        ("The enemy was knocked out of its positions north of the town.", "Armed clash"),
        ("The navy said it sank a patrol boat off the coast.", "Shelling/artillery/missile attack"),
        # "in recent days" dates a report loosely; it does not make it a habit
        ("Kyiv said it had pushed back Russian troops across the river in recent days.", "Armed clash"),
        ("A barrage on a crowded market of the city killed four people.", "Shelling/artillery/missile attack"),
        # an armed group's raid on a village is made on the ground, not from afar
        ("Rebels kill farmers in attack on remote village, elders say", "Attack"),
        ("Gang members launched an attack on the hillside neighbourhood at dawn.", "Attack"),
    ],
)
def test_sub_event_types(sentence, sub_event_type):
    trigger = find_trigger(sentence)
    assert trigger is not None and trigger.sub_event_type == sub_event_type


@pytest.mark.parametrize(
    "sentence",
    [
        "Ukraine's air defenses could run out within weeks.",
        "The Russians will crush every city like they did in Syria.",
        "The Belgorod region has faced intermittent drone and missile strikes from Ukrainian territory.",
        "Several Telegram monitoring channels claimed multiple explosions were heard in the region.",
        "The prime minister visited a new school on Monday.",
        "The opposition faced a barrage of criticism after the vote.",
        "She took over as chief executive in March.",
        "The government eliminated the threat of a default.",
        "The club lost three players in the transfer window.",
        "In the first weeks of the war Russian troops took control of territory along the coast.",
        "Thousands of foreigners have volunteered to fight for Ukraine.",
        # a state, not an occurrence
        "The defenders of the city are now surrounded on three sides.",
        "The town remains nearly encircled, officials say.",
        "The two cities are still held by Ukraine but surrounded by Russian forces on three sides.",
        # people captured by a group are no ground it took
        "The two men were held by separatists in the city after being captured last week.",
        # a purpose is no occurrence
        "The army said it was conducting operations to liberate the occupied south.",
    ],
)
def test_sentences_that_report_no_event(sentence):
    assert find_trigger(sentence) is None


def test_trigger_evidence_points_at_the_words():
    trigger = find_trigger("Overnight, Russian forces shelled Kharkiv.", offset=50)
    assert trigger.evidence.quote == "shelled"
    assert trigger.evidence.start == 50 + len("Overnight, Russian forces ")


def test_bombs_that_went_off_or_were_detonated_are_explosions():
    from sitrep.extractors.triggers import find_trigger

    for sentence in ("Some 21 bombs had gone off in Belfast.", "The brigade had detonated at least 20 bombs.",
                     "The bombs began to explode before 3pm."):
        assert find_trigger(sentence).sub_event_type == "Remote explosive/landmine/IED", sentence


def test_a_device_that_exploded_is_an_explosion():
    from sitrep.extractors.triggers import find_trigger

    trigger = find_trigger("Police are hunting a man who left a bag containing a device that exploded on Friday.")
    assert trigger.sub_event_type == "Remote explosive/landmine/IED"


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials warned that Russian troops could attack the port again within days.",
        "If the talks fail, Moscow will bomb the capital, the envoy said.",
        "Kyiv is preparing to shell the bridge once the river freezes.",
    ],
)
def test_a_condition_or_plan_in_the_clause_of_the_event_words_is_no_report(sentence):
    assert find_trigger(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian rockets struck a depot in Lviv hours after the president said the allies would send more aid.",
        "Artillery shelled the town on Friday, while the governor said residents should stay in shelters.",
    ],
)
def test_a_condition_in_another_clause_leaves_the_report(sentence):
    trigger = find_trigger(sentence)
    assert trigger is not None and trigger.sub_event_type == "Shelling/artillery/missile attack"


def test_troops_fighting_their_way_into_a_town_are_a_battle_beside_shelling():
    trigger = find_trigger("Russian troops battled their way into the city on Tuesday as the shelling gave way to "
                           "street fighting.")
    assert trigger is not None and trigger.sub_event_type == "Armed clash"


def test_a_place_an_army_bombed_was_bombed_from_the_air():
    for sentence in ("Forty people died at the school Russian forces bombed on Saturday.",
                     "A hospital bombed by Russian jets in the night"):
        trigger = find_trigger(sentence)
        assert trigger is not None and trigger.sub_event_type == "Air/drone strike", sentence


def test_what_a_court_tries_is_no_report_but_an_arrest_on_charges_is():
    assert find_trigger("A former editor was found guilty on Thursday of discrediting the army by protesting on air.") is None
    trigger = find_trigger("The SBU arrested two men on charges of spying for Russia on Monday.")
    assert trigger is not None and trigger.sub_event_type == "Arrests"


def test_buildings_hit_with_a_place_set_off_by_commas_are_a_strike():
    trigger = find_trigger("Three houses in Druzhkivka, a town west of the front, were hit overnight.")
    assert trigger is not None and trigger.sub_event_type == "Shelling/artillery/missile attack"


def test_an_inquiry_into_strikes_is_no_clash_and_the_strikes_that_killed_are_the_event():
    found = find_trigger("Both governments opened criminal cases and launched an inquiry into strikes that have "
                         "reportedly killed at least 30 detainees.")
    assert found is not None and found.sub_event_type == "Shelling/artillery/missile attack"


def test_what_is_launched_is_not_what_was_hit():
    from sitrep.extractors.roles import find_roles

    assert find_roles("Prosecutors launched a war crimes investigation on Friday.", 0).target is None


def test_a_market_or_homes_struck_is_a_strike():
    found = find_trigger("Russian troops struck a market and several homes in the town on Tuesday.")
    assert found is not None and found.sub_event_type == "Shelling/artillery/missile attack"


def test_tanks_destroyed_in_battle_are_no_looting():
    found = find_trigger("Pictures from the village showed burnt and destroyed tanks and armoured vehicles by the road.")
    assert found is None or found.sub_event_type != "Looting/property destruction"


def test_what_a_base_is_used_for_is_no_event():
    assert find_trigger("The town has a large army base used for training recruits from abroad.") is None


def test_the_dead_of_earlier_fighting_handed_over_is_no_event():
    assert find_trigger("Ukraine handed over the bodies of 20 soldiers killed near Bakhmut to the other side.") is None
    assert find_trigger("The bodies of 45 fighters were exchanged at a checkpoint on Friday.") is None


@pytest.mark.parametrize("sentence", [
    "A Russian drone dropped an explosive on a car in the village, wounding the driver.",
    "Two grenades were dropped from a quadcopter onto the yard.",
    "A drone dropped a grenade on a soldier's dugout.",
    "A drone kills a man in the town.",
    "A Russian guided-bomb strike hit the town centre.",
    "A Russian bomb strike destroyed the school.",
])
def test_a_drones_charge_and_a_states_bomb_are_air_strikes(sentence):
    assert find_trigger(sentence).sub_event_type == "Air/drone strike"


def test_drones_destroyed_over_a_region_by_combat_work_are_an_interception():
    found = find_trigger("As a result of combat work, 20 attack UAVs were destroyed over the Sumy region.")
    assert found.sub_event_type == "Disrupted weapons use"


@pytest.mark.parametrize("sentence", [
    "В районе села продолжается уничтожение остатков подразделений противника.",
    "Утром противник предпринял попытку контратаки у посёлка.",
    "Атаки противника у посёлка отбиты.",
])
def test_the_remnants_of_units_destroyed_a_counterattack_and_attacks_beaten_back_are_a_battle(sentence):
    assert find_trigger(sentence).sub_event_type == "Armed clash"
