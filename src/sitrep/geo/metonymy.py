"""Places that stand for a government ("Kyiv says", "a strike by Ukraine", "Kiev forces", "...: Kiev"), name a
meeting ("ahead of the Minsk peace summit", "the Istanbul talks") or a person's home ("Corey Mesimer, 29, of
Myrtle Beach").

A country or a capital named as who acts or speaks is no location of the event, nor is a city that only names
talks held there or where someone lives; a geocoder that puts such a report there is wrong by hundreds of
kilometres.
"""

from __future__ import annotations

import re

from sitrep.model import Place

_AGENT_BEFORE = re.compile(r"\b(by|from|against|accused|accuses|accusing)\s+$", re.I)
# "military aid to Kyiv", "allies supplied Kyiv with drones": the government receives, nothing happens there.
_RECIPIENT_BEFORE = re.compile(
    r"\b((aid|weapons|arms|assistance|promised|delivered|handed over|given|provided) to|"
    r"supply|supplies|supplied|supplying|arm|arming|armed)\s+$",
    re.I,
)
# "... fighting near Slavyansk: Kiev": a headline's closing credit names who says so, not where.
_CREDIT_BEFORE = re.compile(r"(:|\s[-–—])\s*$")
_ACTS_AFTER = re.compile(
    r"^(['’]s)?\s+(has|have|had|did|does|says|said|sent|sends|denied|denies|declined|confirmed|claimed|claims|"
    r"launched|launches|resumes|orders|accused|accuses|insists|wants|points|warns|urges|reports|rejects|"
    r"signed|signs|agreed|agrees|announced|announces|recognised|recognized|recognises|recognizes|"
    r"fired|fires|failed|fails|refocused|considers|annexed|invaded|retaliated|making|made|makes|"
    r"(?:was|is|has been|had been) (?:accused|blamed)|"
    r"will|would|could|can|cannot|must|should|blames|blamed|vows|sabotages|forces|military|troops|army|government|authorities|officials|regime|"
    r"soldiers|servicemen|fighters|saboteurs|snipers|artillery|"
    r"shelling|shells|shelled|offensive|strikes|attack|attacks|attacked|bombed|"
    r"invasion|war|aggression|support|campaign|demands|decision|"
    r"(is|was|are|were|has been) (trying|seeking|preparing|planning|using|attempting|pushing|pressing)|"
    r"edges|edged|moves|moved|pushes|pushed|presses|pressed|steps up|stepped up|continues|continued|seeks|sought|"
    r"tries|tried|plans|planned|hopes|hoped|struck|strikes|targets|targeted|hit|responded|threatens|threatened|"
    r"acknowledges|acknowledged|admits|admitted|rarely|never|did not|does not|has not|have not)\b",
    re.I,
)
# "Moscow's unprovoked invasion", "Kyiv's long-awaited counteroffensive": the government's deeds.
_DEEDS_AFTER = re.compile(
    r"^['’]s\s+[\w-]+\s+(invasion|war|aggression|offensive|counteroffensive|campaign|forces|troops|army|military)\b",
    re.I,
)
# "Moscow's Black Sea Fleet", "Ukraine's Defence Ministry": a state's possessive before one of its institutions.
_INSTITUTION_AFTER = re.compile(
    r"^['’]s\s+(?:[A-Z][\w-]*\s+){0,3}?(Fleet|Flotilla|Ministry|Staff|Council|Forces|Army|Navy|Guard|Service|"
    r"Agency|Command|Directorate|Duma|Parliament|Government|Cabinet)\b"
)
# A capital's possessive is its government's ("Moscow's need", "Moscow's top diplomat") unless a name or a
# part of the city follows: "Kiev's Independence Square", "Moscow's Sheremetyevo airport", "Kyiv's suburbs".
_CAPITALS_POSSESSIVE = re.compile(r"^['’]s\s+(?P<next>[\w-]+)(?:\s+(?P<then>[a-z][\w-]*))?")
_PART_OF_A_CITY = re.compile(
    r"(airports?|streets?|squares?|metro|subway|cent(re|er)|outskirts?|suburbs?|districts?|neighbou?rhoods?|"
    r"region|oblast|residents|people|inhabitants|hospitals?|mayor|city|skies|sky|old|main|central|"
    r"northern|southern|eastern|western|north|south|east|west|left|right|railway|train|bus|power|water)$",
    re.I,
)


# "the Minsk peace summit", "Minsk agreements", "Istanbul talks": the place names a meeting or what it signed.
_MEETING_AFTER = re.compile(
    r"^(['’]s)?\s+(peace\s+|ceasefire\s+|truce\s+)?(summit|talks|negotiations|agreements?|accords?|protocol|"
    r"format|process|memorandum|conference|deal)\b",
    re.I,
)

# "a prisoner exchange agreed in Istanbul", "the ceasefire signed in Minsk": where a deal was made, not where what it
# agreed took place.
# (not "struck": missiles struck in Odesa)
_MEETING_BEFORE = re.compile(r"\b(?:agreed|signed|brokered|negotiated|sealed)\s+(?:upon\s+)?(?:in|at)\s+$", re.I)


# "a friend, 29, of Myrtle Beach", "a native of Lviv": where someone lives or comes from (not "residents of
# Bucha", who are often where it happened).
# (and its state or country after it: "of Clearwater, Florida")
_HOME_BEFORE = re.compile(
    r"(?:,\s*\d{1,3},\s*(?:of|from)|\b(?:native|natives|hometown)\s+of|\bhails\s+from|\bgrew\s+up\s+in)\s+"
    r"(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2},\s*)?$"
    # "Андрей Курский, 41 год, из Иванова", "уроженец Курска", "родом з Полтави": a man's home town
    r"|(?:\b[А-ЯЁІЇЄҐ][а-яёіїєґ'’ʼ-]+(?:,\s*\d{1,3}\s*(?:год|года|лет|рік|роки|років)?,)?\s+(?:из|з|із)|"
    r"\b(?:уроженец|уроженка|уродженець|уродженка)|\bродом\s+(?:из|з|із))\s+$"
)


def not_where_it_happened(place: Place, text: str) -> bool:
    """Is this place, at its span in `text`, named as an actor, a meeting, a person's home or where people went
    afterwards rather than a location?"""
    return named_as_actor(place, text) or names_a_meeting(place, text) or names_a_home(place, text) or (
        names_a_destination(place, text))


def names_a_destination(place: Place, text: str) -> bool:
    """Is the place where people went after it happened: "survivors fled to Oicha", "troops pursued the attackers
    toward the Ituri border"?"""
    if place.start is None or place.end is None:
        return False
    before = text[max(0, place.start - 40):place.start]
    return bool(_FLED_TO_BEFORE.search(before) or _TOWARDS_BEFORE.search(before) and _BORDER_AFTER.match(text, place.end))


_FLED_TO_BEFORE = re.compile(r"\b(?:fled|fleeing|flee|flees|escaped|evacuated|relocated)\s+(?:to|into)\s+(?:the\s+)?$", re.I)
_TOWARDS_BEFORE = re.compile(r"\btowards?\s+the\s+$", re.I)
_BORDER_AFTER = re.compile(r"\s+border\b", re.I)


def names_a_home(place: Place, text: str) -> bool:
    return place.start is not None and bool(_HOME_BEFORE.search(text[max(0, place.start - 60):place.start]))


def names_a_meeting(place: Place, text: str) -> bool:
    return place.end is not None and bool(_MEETING_AFTER.match(text[place.end:place.end + 40])) or (
        place.start is not None and bool(_MEETING_BEFORE.search(text[max(0, place.start - 40):place.start])))


def named_as_actor(place: Place, text: str) -> bool:
    """Is this country or capital, at its span in `text`, named as an actor rather than a location?"""
    if place.start is None or place.end is None:
        return False
    if not (place.feature_code or "").startswith(("PCL", "PPLC")):
        return False  # only a country or a capital stands for a government
    start, end = place.start, place.end
    return bool(
        _AGENT_BEFORE.search(text[max(0, start - 10):start])
        or _RECIPIENT_BEFORE.search(text[max(0, start - 16):start])
        or _ACTS_AFTER.match(text[end:end + 24])
        or _DEEDS_AFTER.match(text[end:end + 40])
        or _INSTITUTION_AFTER.match(text[end:end + 60])
        or (place.feature_code == "PPLC" and _states_possessive(text[end:end + 40], _PART_OF_A_CITY))
        or ((place.feature_code or "").startswith("PCL") and _states_possessive(text[end:end + 40], _PART_OF_A_COUNTRY))
        or (_CREDIT_BEFORE.search(text[max(0, start - 3):start]) and not _rest_of_line(text, end).strip(" .'\"”’)"))
    )


def _rest_of_line(text: str, start: int) -> str:
    """The text from `start` to the end of its line (found, not split off a copy of the rest of the text)."""
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]


# "Russia's true attitude", "Ukraine's military": a country's possessive is its state's, unless a part of the
# country follows ("Ukraine's east", "Russia's Belgorod region").
_PART_OF_A_COUNTRY = re.compile(
    r"(east|west|north|south|(north|south)?(east|west)ern|northern|southern|central|border|borders|capital|cities|"
    r"city|towns?|villages?|regions?|provinces?|territory|territories|coast|ports?|frontline|front)$",
    re.I,
)


def _states_possessive(after: str, part_of_the_place: re.Pattern) -> bool:
    """A possessive followed by a common word that is no part of the place: "Moscow's need", "Russia's
    attitude" (not "Kiev's Independence Square", "Moscow's suburbs", "Kyiv's university district", "Ukraine's
    east")."""
    match = _CAPITALS_POSSESSIVE.match(after)
    if match is None:
        return False
    word, then = match.group("next"), match.group("then")
    return not word[0].isupper() and not part_of_the_place.match(word) and not (then and part_of_the_place.match(then))

