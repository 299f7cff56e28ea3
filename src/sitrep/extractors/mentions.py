"""Event mentions of one document: one per real-world event the document reports, every field with evidence.

Sentences are read in order. A sentence with an event trigger opens a new report or, when it refers back
("the attack", "the blast") or repeats the same event in the same place, adds to the report before it.
Sentences with no trigger may still add to the report before them: a verification cue ("the claims have
not been verified") or a back-reference that names the place ("The destruction of sites in ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import timedelta
from functools import lru_cache

from ..clean import Sentence
from ..corroboration import verification
from ..geo.distance import distance_km
from ..geo.metonymy import not_where_it_happened
from ..language import is_cyrillic_text
from ..model import GEO_PRECISION_NEAR, GEO_PRECISION_REGION, GEO_PRECISION_TOWN, Claim, Document, Evidence, Mention, Place
from .casualties import Casualties, another_count, counts_only_running_totals, find_casualties, revised_toll, vague_figure
from .claims import find_attribution, verification_cue
from .classify import NO_EVENT
from .cyrillic_reports import is_roundup_heading, refers_back_in_cyrillic, tells_who_said, turns_to_another_event
from .dates import EventDate, date_from_publication, heading_date, long_before, resolve_date
from .double_reports import SECOND_CLAUSE, SEMICOLON, is_headline
from .lexicon import (
    accident_causes,
    all_weapons,
    event_word_pattern,
    flagged_pattern,
    lower_keeping_offsets,
    taxonomy,
    weapon_kinds,
)
from .participants import STATES_AT_WAR, Found, Parties, civilians_named, find_parties, find_weapon, state_forces
from .place_lists import listed_with, location_evidence, region_of_toll, split_by_places, without_districts_of_their_villages
from .triggers import Trigger, find_trigger, in_a_conditional_clause, vetoed
from .victim_groups import split_by_victims

# "that" points back only where it cannot be the "that" of "said that ...": opening the sentence or after a
# preposition ("after that attack").
_THAT = r"(?:^\W*|\b(?:after|in|since|before|during|from|of|by|with|following|on)\s+)that"
# Not "such attacks": a kind of attack, not the one told ("Kyiv says such attacks cripple Russia's war effort").
_BACK_REFERENCE = re.compile(
    rf"(?:\b(the|this|these|those|its)|{_THAT})\s+(?:[\w-]+\s+){{0,2}}?"
    r"(attacks?|strikes?|blasts?|explosions?|bombings?|shelling|assaults?|raids?|incidents?|destruction|"
    r"damage|fires?|fighting|clash(?:es)?|sabotage|hit|claims?|tolls?|scene)\b",  # "put the death toll at nine"
    re.I,
)
# What every match of _BACK_REFERENCE holds: its noun after a space. Most sentences have none, and this is
# searched for several times faster (no determiner is tried at each word).
_BACK_REFERENCE_NOUN = re.compile(
    r"\s(?:attack|strike|blast|explosion|bombing|shelling|assault|raid|incident|destruction|damage|fire|fighting|"
    r"clash|sabotage|hit|claim|toll|scene)",  # ("a guard was killed at the scene")
    re.I,
)
# A back-reference to the violence itself ("the attack killed five"), not to what is said of it ("that it claims").
_EVENT_BACK_REFERENCE = re.compile(
    rf"(?:\b(the|this|these|those)|{_THAT})\s+(?:[\w-]+\s+){{0,2}}?"
    r"(attacks?|strikes?|blasts?|explosions?|bombings?|shelling|assaults?|raids?|fighting|clash(?:es)?|barrages?)\b",
    re.I,
)
_DEATHS = re.compile(r"\b(?:killed|died|dead|deaths?|wounded|injured|casualties|lost their lives)\b", re.I)
_REFERENCE_PLACE_REACH = 16  # "the attack on the city of": how far after its words a reference names its place
_BODIES = re.compile(r"\bbod(?:y|ies)\b", re.I)
# "Separately, ...", "Elsewhere, ...", "In another attack, ...": the sentence turns to another event.
_NEW_STORY = re.compile(
    r"^\W*(?:separately|elsewhere|meanwhile|in (?:another|a separate) (?:\w+ )?(?:attack|incident|strike|development)|"
    r"(?:earlier|later) (?:in the day|that day|on \w+day|in the week))\b", re.I)
_SAME_DAY = re.compile(r"^\W*(?:earlier|later) (?:in the day|that day)\b", re.I)
# "... загинули внаслідок удару 5 жовтня 2023 року. Тоді ракета влучила в кафе", "... on November 11, 2022. Within
# weeks the army began shelling the city": of the time the sentence before told
_THEN = re.compile(r"^\W*(?:тоді|тогда|then|at (?:the|that) time|within (?:hours|days|weeks|months)|"
                   r"(?:hours|days|weeks|months|minutes|moments|an hour) later|(?:soon|shortly) after(?:wards)?|"
                   # "On the morning of October 5, 2023, ... At 1:15 p.m. a missile hit the building": that day's hour
                   r"at (?:about |around )?\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\b\.?|p\.?m\b\.?|o'clock|h\b))", re.I)
_FAMILY_OF_EVENT_TYPE = {"Explosions/Remote violence": "remote", "Battles": "battle", "Protests": "protest"}
# A protest told again with what the police did to it is that protest, of the graver kind (ACLED: a protest with
# any intervention is one with intervention).
_PROTEST_GRAVITY = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters")
_CROWD = (*_PROTEST_GRAVITY, "Violent demonstration")  # a crowd's events, whatever it or the police did
# What an army hits from afar rather than fights over: lexicon.yaml's target classes of built things.
_BUILT_TARGETS = frozenset({"fuel", "power", "rail", "residential", "infrastructure", "industrial", "civilian", "government"})
_REMOTE_ATTACK = "Shelling/artillery/missile attack"
_AIR_STRIKE = "Air/drone strike"
_REGAINS, _CLASH = "Government regains territory", "Armed clash"
_RIOT = "Violent demonstration"
_LAID_BOMB = "Remote explosive/landmine/IED"
_WEAPON_REACH = 80  # "attacked the village of Tetkino in the Kursk region with drones"
_TARGET_REACH = 60  # how far after the event's words their object is named ("an attack on the city's main hotel")
_CLAUSE_END = re.compile(r"[.,;:!?\u2014\u2013]")
VIOLENT_EVENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# How many sentences a back-reference may reach over to the report it continues.
MAX_REFERENCE_GAP = 6
MAX_DEATHS_GAP = 2  # sentences from a town's report to its region's dead that are its own
CLAIM_PRIORITY = {"denies": 0, "confirms": 1, "claims responsibility": 2, "claims": 3, "reports": 4}


@dataclass
class _Report:
    """A report being assembled from one or more sentences of a document."""

    trigger: Trigger
    sentence: Sentence
    last_sentence_index: int  # the last sentence that told of it: an event word of its own, or a back-reference
    last_context_index: int = -1  # the last sentence read as more of it, however loosely ("There was an explosion")
    place: Place | None = None
    date: EventDate | None = None
    date_from_text: bool = False
    fields: dict = field(default_factory=dict)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)
    references: list[Evidence] = field(default_factory=list)
    listed: list[Place] = field(default_factory=list)  # "hit Chernihiv, Zhytomyr and Lviv": one event each
    folded: list[int] = field(default_factory=list)  # where the article told this event again
    opened_at: int = -1  # the sentence that opened the report
    told_again_at: int = -1  # the last sentence of the reports folded into it (`folded`)
    sums_up: bool = False  # a whole country's attacks, told event by event in the sentences after it
    another_count: bool = False  # another source's count of its dead comes next ("the army gave a lower figure")


def extract_mentions(
    document: Document,
    sentences: list[Sentence],
    places: list[Place],
    report_label: str | None = None,
) -> list[Mention]:
    """The event mentions of a document, given its sentences and the places found in its text.

    `report_label` is the sub-event type (or "none") of the document as a whole, when it is a short report
    classified as one (see `short_reports`): it types every mention, and may make one where no trigger word did.
    """
    if report_label == NO_EVENT:
        return []
    # a short report whose words name its event nowhere is its first sentence; one that names it somewhere is
    # not a first sentence that names no event but a place of its own ("Grain prices rose in Chicago. Hundreds
    # rallied in Bern."), though it may be its heading ("Day 100 of the war: the main points.")
    triggers = [_trigger_of(s) if s.usable else None for s in sentences]
    unworded = report_label is not None and not any(triggers)
    places = without_districts_of_their_villages(places, document.text)
    reports: list[_Report] = []
    accident = -1  # the last sentence that told of deaths in an accident
    for index, sentence in enumerate(sentences):
        if not sentence.usable:
            if sentence.fragment and not (sentence.repeated or sentence.caption) and reports:
                _place_told_next(reports, index, sentence, _places_in(sentence, places), document.text)  # "... Херсонська область."
            continue
        sentence_places = _places_in(sentence, places)
        trigger = _typed(triggers[index], report_label, sentence, first=not reports and (unworded or not sentence_places))
        if trigger is not None and _speaks_of_deaths(triggers[index] or trigger) and counts_only_running_totals(sentence.text):
            trigger = None  # "12 civilians have been killed since the incursion began": a running total, no event
        # the report last spoken of, which a back-reference may have taken us back to
        previous = max(reports, key=lambda r: max(r.last_sentence_index, r.last_context_index)) if reports else None
        spoken_of = max(previous.last_sentence_index, previous.last_context_index) if previous else 0
        back_reference = refers_back(sentence.text) and previous is not None and (
            index - spoken_of <= MAX_REFERENCE_GAP
        )
        if trigger is None:
            _place_told_next(reports, index, sentence, sentence_places, document.text)
            if previous and (back_reference or index - spoken_of == 1):  # back_reference: there is a previous
                _add_context(previous, sentence, index, sentence_places, document)
            elif previous and index - spoken_of <= MAX_REFERENCE_GAP:
                # "There was an explosion": no report of its own, a further mention of the one before
                _add_references(previous, sentence, None)
            continue
        place = _best_place(_outside_leading_clause(sentence, sentence_places, trigger), document.text, trigger)
        if back_reference and previous and _violent(trigger) and not _violent(previous.trigger):
            # "The IRA claimed the bombings" after a report of arrests speaks of the violence told before those
            previous = next((r for r in reversed(reports) if _violent(r.trigger)), None)
        gap = _gap_past_time_stamps(sentences, previous.last_sentence_index, index) if previous else 0
        named_with = _place_of_reference(sentence, sentence_places) if back_reference else None
        if back_reference and previous and _another_event_beside_the_reference(
                sentence, trigger, _best_place([p for p in sentence_places if p is not named_with], document.text, trigger),
                previous):
            back_reference = False  # "During the attack, air defences shot down another missile over Poltava"
        # "Separately, ...", "Також ворог обстріляв Шостку": neither joined nor placed as the last (a "Також" that
        # names no place of its own tells more of the same: "Також пошкоджено будинки")
        new_story = bool(_NEW_STORY.match(sentence.text)) or (
            turns_to_another_event(sentence.text) and bool(sentence_places)) or (
            previous is not None and _deaths_then_a_dated_event(previous, trigger, place, back_reference, sentence, document))
        summed_by = _summing_report(reports, sentences, index, place) if not back_reference else None
        if summed_by is not None:
            summed_by.sums_up = True
        headline_told_again = previous is not None and _headline_told_again(previous, trigger, gap, document)
        if previous and not new_story and summed_by is not previous and _same_event(
                previous, trigger, place, back_reference, gap, headline_told_again, named_with) and not _other_days(
                previous, sentence, trigger, document, again=not back_reference and not trigger.fallback):
            # a toll joins the report only from a sentence that is about its deaths ("the attack killed five",
            # or right after it "Two people were killed"), not from one that tells of bodies found or handed over
            # (or that revises its toll: "the toll has risen to five after rescuers pulled another body out")
            tolls = (trigger.fallback or bool(_EVENT_BACK_REFERENCE.search(sentence.text)) or (
                gap <= 1 and (not _BODIES.search(sentence.text) or revised_toll(sentence.text)))) and not (
                _a_disasters_toll(sentence.text))
            placed = previous.place
            _add_sentence(previous, trigger, sentence, index, place, sentence_places, document, tolls, headline_told_again)
            if previous.place is not placed and previous.place is place and not previous.listed and (
                    report_label is None or is_cyrillic_text(sentence.text)) and not _roundup_heading(previous):
                # "ЗСУ знищили п'ять складів. Склади знищено у X, Y та Z": the sentence that first places (or
                # places more finely) a report gives its list of places; not so after a digest's heading
                # ("День 220-й — головне."), a report only by the whole text's label: each item is news of its own
                previous.listed = listed_with(place, sentence_places, document.text)
            continue
        if trigger.fallback and _deaths_of_an_accident(sentence.text) or _only_deaths(trigger) and _more_of_the_accident(
                accident, previous, index, sentence.text):
            # "Seven people were killed after a fire broke out at a research institute": no report of its own (one
            # that tells more of the report before it, "two fires were recorded, no casualties", joined it above)
            accident = index
            continue
        if _only_deaths(trigger) and _dead_of_the_unreported(sentences, index, previous, sentence_places, document):
            continue
        report = _Report(trigger=trigger, sentence=sentence, last_sentence_index=index, opened_at=index)
        report.evidence["event_type"] = trigger.evidence
        # An article's list of places is a list of events (gold/CODING.md), so is a short Russian or Ukrainian
        # report's ("удари по Житомиру та Черняхову"); an English headline's list stays one report.
        if report_label is None or is_cyrillic_text(sentence.text):
            report.listed = listed_with(place, sentence_places, document.text)
        if previous and _town_meant(sentence, trigger) and _town_of(previous.place, place) and not _town_named_since(
                places, sentences[previous.last_sentence_index], sentence):
            place = previous.place  # "A day earlier, six were killed in attacks on the city": the town just told of
        if place is None and not back_reference and not new_story and not _a_countrys_count(triggers[index], sentence) and (
                not _names_an_unknown_town(sentence, sentence_places)):
            place = _nearest_place_before(places, sentence, sentences, document.text)
            if place is not None and place.geo_precision < GEO_PRECISION_NEAR and _NEARBY_TOWN.search(sentence.text):
                place = replace(place, geo_precision=GEO_PRECISION_NEAR)  # "the nearby village of Hroza": near it
        if previous and _SAME_DAY.match(sentence.text) and _text_date(previous) and "event_date" in previous.evidence:
            # "Earlier in the day, ...": another event on the day of the one before
            report.date, report.date_from_text = previous.date, True
            report.evidence["event_date"] = previous.evidence["event_date"]
        _add_sentence(report, trigger, sentence, index, place, sentence_places, document)
        if not report.date_from_text and index and _THEN.match(sentence.text) and (
                told_before := resolve_date(sentences[index - 1].text, sentences[index - 1].start, document.published)):
            report.date, report.date_from_text = told_before, True
            report.evidence["event_date"] = _words(told_before.evidence, "event_date")
        if not report.date_from_text and (heading := heading_date(document.text, sentence.start, document.published)):
            # "FEB 24, 2022 - ... Missiles strike Kyiv": a timeline's entry is of its heading's day, not of today
            report.date, report.date_from_text = heading, True
            report.evidence["event_date"] = _words(heading.evidence, "event_date")
        if previous is not None and "actor1" not in report.fields and _second_half_of(previous, sentence, document.text):
            # "Russian forces shelled the Chernihiv region, and intensified their shelling of Kharkiv": the
            # second event of a sentence cut in two (`double_reports`) is by the subject of the first
            _first(report, "actor1", _side_of(previous))
        if summed_by is not None and "actor1" not in report.fields:
            _first(report, "actor1", _side_of(summed_by))  # one of a country's night of attacks: by their side
        reports.append(report)
    told: list[tuple[Mention, bool]] = []  # each mention, and whether it is one of a list's places
    # a sum of the events told after it is none of its own
    for report in _fold_repeats([r for r in reports if not (r.sums_up and _no_region(r.place))], document):
        mention = region_of_toll(_to_mention(document, report), _places_in(report.sentence, places), document.text)
        for by_place in split_by_places(mention, report.listed, document.text):
            told.extend((piece, len(report.listed) > 1) for piece in split_by_victims(by_place, document.text))
    alone = [mention for mention, listed in told if not listed]
    headline_end = sentences[0].end if sentences and is_headline(sentences[0]) else 0
    kept: list[Mention] = []
    for mention, listed in told:
        # a place of a list told again on its own, or in an earlier list ("вибухи у Луцьку та Рівному" ...
        # "удари по Луцьку й Рівному були по аеродромах"): one event
        if not (listed and any(_told_again(mention, m, mention.sentence_start < headline_end) for m in (*alone, *kept))):
            kept.append(mention)
    return kept


_STRIKES = {"Shelling/artillery/missile attack", "Air/drone strike"}
DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
AIRBORNE_WEAPONS = {"drone", "missile", "rocket", "aircraft"}  # what is shot down, not seized or defused
MIN_STRIKES_NAMING_THE_SIDE = 2  # one named strike is too little to tell whose the others are


def strikes_of_the_side_named(mentions: list[Mention]) -> list[Mention]:
    """Where an article names the same side for every strike it names a side for (at least two), its other
    strikes in the same country are that side's, as a coder reads them: after "Russian rockets hit Mykolaiv" and
    "Russian missiles struck Kharkiv", "a civilian was killed in a missile attack on Cherkasy" is Russia's. The
    words behind the side are those of its first named strike. An article naming both sides leaves them alone.
    Read over a document's events (the reports its screen kept), not over what it holds back as no event."""
    named = [m for m in mentions if m.sub_event_type in _STRIKES and m.actor1 and "actor1" in m.evidence]
    if len({m.actor1 for m in named}) != 1 or len(named) < MIN_STRIKES_NAMING_THE_SIDE:
        return mentions
    side, words = named[0].actor1, named[0].evidence["actor1"]
    countries = {m.place.country for m in named if m.place}
    return [replace(m, actor1=side, evidence={**m.evidence, "actor1": words})
            if m.actor1 is None and m.sub_event_type in _STRIKES and m.place and m.place.country in countries else m
            for m in mentions]


def _second_half_of(report: _Report, sentence: Sentence, text: str) -> bool:
    """Is the sentence the second half of the report's own sentence, cut in two?"""
    return SECOND_CLAUSE.fullmatch(text, report.sentence.end, sentence.start) is not None


def _side_of(report: _Report) -> Found | None:
    """The report's actor1 as a finder gives it, with its words."""
    if "actor1" not in report.fields or "actor1" not in report.evidence:
        return None
    return Found(report.fields["actor1"], report.evidence["actor1"])


def _told_again(listed: Mention, other: Mention, in_headline: bool = False) -> bool:
    """A place of a list ("attacked Mykolaiv, Kharkiv and Kryvyi Rih") that the article tells of again on its
    own ("rockets struck central Kharkiv, injuring four"): one event, the one told in full (of any kind of strike
    where the list is the headline's: "обстрелы Погарского и Суземского районов" ... "удар FPV-дрона по Суземке")."""
    if listed.place is None or other.place is None:
        return False
    headline_strikes = in_headline and {listed.sub_event_type, other.sub_event_type} <= _STRIKES
    if listed.sub_event_type != other.sub_event_type and not headline_strikes:
        return False
    if (listed.place.geonameid, listed.place.name) != (other.place.geonameid, other.place.name):
        return False
    if listed.event_date is None or other.event_date is None:
        return listed.event_date is other.event_date
    return overlapping_days(listed, other)


def overlapping_days(a: Mention, b: Mention) -> bool:
    """Do two mentions' days overlap? An undated mention's overlap none."""
    if a.event_date is None or b.event_date is None:
        return False
    return a.event_date <= (b.event_date_end or b.event_date) and b.event_date <= (a.event_date_end or a.event_date)


def _places_in(sentence: Sentence, places: list[Place]) -> list[Place]:
    return [p for p in places if p.start is not None and sentence.start <= p.start < sentence.end]


def _fold_repeats(reports: list[_Report], document: Document) -> list[_Report]:
    """An article that tells one event twice, paragraphs apart ("Russian missiles hit Izium on Saturday" ...
    "the missile strike on a school in Izium"), reports it once: a later report at the same place on
    overlapping days, of the same sub-type or where either tells only of deaths, joins the first, adding what
    the first lacked; the first takes the later one's type where its own was only deaths."""
    kept: list[_Report] = []
    for report in reports:
        first = next((k for k in kept if _repeats(k, report, document)), None)
        if first is None and kept and _deaths_told_of_its_region(kept[-1], report):
            first = kept[-1]
        if first is None:
            kept.append(report)
        else:
            _join(first, report)
            _add_place(first, report.place, document.text)  # "Lebanon's Nabatieh" ... "the city of Nabatieh"
    return kept


def _repeats(first: _Report, later: _Report, document: Document) -> bool:
    if first.place is None or later.place is None or first.listed or later.listed:
        return False
    if (first.place.geonameid, first.place.name) != (later.place.geonameid, later.place.name) and not (
            _one_name(first, later) or _told_in_the_same_words(first, later)):
        return False
    # gold/CODING.md: one event is one sub-type at one place on one day; a report of deaths alone has no type
    # ("at least five people were killed in Kyiv", whatever type its words were given), nor has a later "the
    # attack in X" that names no weapon: it speaks of the event told before
    vague = _only_deaths(first.trigger) or _only_deaths(later.trigger) or _guessed_beside(later, first.trigger) or (
        first.trigger.event_type == later.trigger.event_type and (_bare_strike(first) or _bare_strike(later)))
    if first.trigger.sub_event_type != later.trigger.sub_event_type and not vague and not _one_crowd(
            first.trigger, later.trigger):
        return False
    first_day, later_day = _day_of_the_event(first), _day_of_the_event(later)
    if long_before(first_day, document.published) != long_before(later_day, document.published):
        return False  # "shelling killed two on Saturday" ... "forces withdrew in November 2022 but have since pounded it"
    if later_day is None and vague:
        return True  # "the attack in Belgorod" paragraphs later, with no day of its own: the one told before
    if (first_day is None) != (later_day is None):
        # the same kind of event at the same place, one of them told with no day: told twice (not when they hit
        # other things and killed other counts: "a strike on an industrial site killed two" ... "On Tuesday a strike
        # on a clinic killed ten")
        return not _other_targets_and_tolls(first, later)
    a = first.date or date_from_publication(document.published)
    b = later.date or date_from_publication(document.published)
    if a is None or b is None:
        return a is b
    if _told_in_the_same_words(first, later):
        # "overnight on November 2 to 3" read as either night's day: a day apart is one night
        return a.start - timedelta(days=1) <= b.end and b.start - timedelta(days=1) <= a.end
    return a.start <= b.end and b.start <= a.end


def _other_targets_and_tolls(first: _Report, later: _Report) -> bool:
    """Do both reports name what was hit and count their dead, and neither is the same?"""
    a, b = first.fields.get("target"), later.fields.get("target")
    dead = first.fields.get("fatalities"), later.fields.get("fatalities")
    return a is not None and b is not None and a != b and None not in dead and dead[0] != dead[1]


def _told_in_the_same_words(first: _Report, later: _Report) -> bool:
    """Is the later report the first told again in its own words at a place inside the first's ("struck an
    ammunition depot in Bryansk Oblast" ... "struck an ammunition depot ... near Karachev, Bryansk Oblast")?"""
    return (first.trigger.evidence.quote.lower() == later.trigger.evidence.quote.lower() and first.place is not None
            and later.place is not None and _compatible_places(first.place, later.place))


def _one_name(first: _Report, later: _Report) -> bool:
    """Are the two reports placed by the same words, read as two places of one region ("strikes on Lebanon's
    Nabatieh" the governorate, "the city of Nabatieh" the town)?"""
    a, b = first.evidence.get("location"), later.evidence.get("location")
    return a is not None and b is not None and a.quote.lower() == b.quote.lower() and (
        first.place is not None and later.place is not None and first.place.admin1 == later.place.admin1)


def _deaths_told_of_its_region(last: _Report, later: _Report) -> bool:
    """Is the later report deaths alone with no day of its own, placed only by its region, in the sentences right
    after the last report told of a town of that region ("'Seven people were killed,' the Sumy regional
    administration said" after a strike on Bilopillia)? Then they are that report's dead (not when paragraphs
    apart: "the governor of the Donetsk region reported that two people had been killed" is his region's day)."""
    a, b = last.place, later.place
    return (a is not None and b is not None and _only_deaths(later.trigger) and _text_date(later) is None
            and later.opened_at - max(last.last_sentence_index, last.told_again_at) <= MAX_DEATHS_GAP
            and a.geo_precision < GEO_PRECISION_REGION <= b.geo_precision and not b.country_only
            and b.admin1 is not None and (a.iso, a.admin1) == (b.iso, b.admin1))


_BARE_STRIKE = re.compile(r"(?:strikes?|hit|struck)\b", re.I)  # ("hit a five-storey block": its weapon a guess)


def _bare_strike(report: _Report) -> bool:
    """Is the report a strike told with no word of its weapon ("strikes on Nabatieh kill seven")? Its kind is
    a guess, that of the same strike told again with its weapon ("Israeli air strikes on Nabatieh")."""
    return _BARE_STRIKE.match(report.trigger.evidence.quote) is not None


def _kind_told(report: _Report, trigger: Trigger) -> bool:
    """Does the trigger tell the kind of event the report's words only guessed: a report of deaths alone, or a
    strike told bare?"""
    return report.trigger.fallback and not trigger.fallback or _bare_strike(report) and (
        trigger.event_type == report.trigger.event_type and _BARE_STRIKE.match(trigger.evidence.quote) is None)


def _guessed_beside(report: _Report, trigger: Trigger) -> bool:
    """Is the report's type only guessed from a word for violence of any kind ("the attack"), where the trigger
    names a kind of violence?"""
    return report.trigger.generic and "weapon" not in report.fields and not (trigger.generic or trigger.fallback) and (
        _violent(report.trigger) and _violent(trigger))


def _headline_told_again(report: _Report, trigger: Trigger, gap: int, document: Document) -> bool:
    """Does the sentence right after a headline that only says "attacked" tell what the attack was ("ВСУ
    атаковали Горловку. Украинские военные обстреляли Горловку ...")? Then it is the headline's event; so after
    a sentence that only set the scene ("Вечір у Марганці був неспокійним. Ворог гатив з артилерії.")."""
    next_news = gap <= 1 or gap == 2 and report.last_context_index == report.last_sentence_index + 1
    return next_news and _guessed_beside(report, trigger) and not document.text[:report.sentence.start].strip()


def _join(first: _Report, later: _Report) -> None:
    summed = first.trigger.fallback and not later.trigger.fallback and _many_attacks_toll(first)
    if _kind_told(first, later.trigger):
        first.trigger = later.trigger
        first.evidence["event_type"] = later.trigger.evidence
    for name, value in later.fields.items():
        toll = name in ("fatalities", "injuries") and name in first.fields and (summed or _better_toll(
            first.fields[name], value, later.evidence.get(name), first.evidence.get(name), later.another_count))
        if name not in first.fields or toll:
            first.fields[name] = value
            if toll:
                first.evidence[name] = later.evidence[name]
            evidence_name = name.removesuffix("_text").removesuffix("_civilians")
            if evidence_name in later.evidence:
                first.evidence.setdefault(evidence_name, later.evidence[evidence_name])
    later_date, first_date = _day_of_the_event(later), _day_of_the_event(first)
    if later_date and (not first_date or later_date.precision < first_date.precision):
        first.date, first.date_from_text = later_date, True
        first.evidence["event_date"] = later.evidence["event_date"]
    first.claims.extend(later.claims)
    first.cues.extend(later.cues)
    first.references.extend(e for e in later.references if e not in first.references)
    first.folded.append(later.sentence.start)
    first.told_again_at = max(first.told_again_at, later.last_sentence_index, later.told_again_at)


def _more_of_the_accident(accident: int, previous: _Report | None, index: int, sentence: str) -> bool:
    """Does a sentence of deaths alone, a few sentences after an accident's and with no report between, count
    the accident's dead ("A jet crashed, killing all ten on board. ... All ten people on board were killed")?"""
    return 0 <= accident and index - accident <= MAX_REFERENCE_GAP and (
        previous is None or previous.last_sentence_index < accident) and not event_word_pattern().search(sentence.lower())


def _dead_of_the_unreported(
    sentences: list[Sentence], index: int, previous: _Report | None, sentence_places: list[Place], document: Document,
) -> bool:
    """Does a sentence of deaths alone, with no day or place of its own, count the dead of the sentence just
    before it, one that named an event its words said is no report ("The cafe was hit as villagers gathered
    for a wake. Fifty-nine people were killed."). Read in Russian and Ukrainian only: UCDP's English reports
    follow a sentence of what no one reports with real dead (found 0.819 -> 0.774 on its tune half). The sentence
    before is asked last: most sentences have no event word, and asking it of each would search them twice."""
    sentence, before = sentences[index], sentences[index - 1] if index else None
    if before is None or not before.usable or not is_cyrillic_text(sentence.text) or sentence_places:
        return False
    if previous is not None and previous.last_sentence_index >= index - 1:
        return False
    return resolve_date(sentence.text, sentence.start, document.published) is None and vetoed(before.text)


def _gap_past_time_stamps(sentences: list[Sentence], last: int, index: int) -> int:
    """How many sentences on from the report's last the sentence at `index` stands, not counting a liveblog's time
    stamps between ("Оновлено 13:40." before an update is no sentence of news; "📍 м. Харків." heads another item)
    nor lines that stand apart from the story (a byline under the headline: "By Staff Correspondent"), though a
    heading does ("Синельниківщина:" opens another district's news)."""
    return 1 + sum(1 for sentence in sentences[last + 1:index]
                   if not (sentence.caption or sentence.repeated or _TIME_STAMP.fullmatch(sentence.text)))


# "Оновлено 13:40.", "08:31 BST", "Updated 14:05 GMT": a liveblog's time stamp, a line of its own
_TIME_STAMP = re.compile(r"\W*(?:(?:оновлено|обновлено|updated?)\s+)?(?:о\s+|в\s+|at\s+)?\d{1,2}[:.]\d{2}"
                         r"(?:\s+(?:BST|GMT|CET|CEST|EET|EEST|MSK|UTC))?\W*", re.I)


_KILLED_BY_IT = re.compile(r"[^.;!?]{0,60}?\b(?:which|that)\s+(?:has\s+|have\s+|had\s+)?(?:killed|left)\b", re.I)


def _a_disasters_toll(sentence: str) -> bool:
    """Does the sentence count the dead of a disaster it names ("a ceasefire declared after the earthquake of March
    28, which killed more than 3,700 people")? Those are not the dead of the event it refers back to."""
    return any(_KILLED_BY_IT.match(sentence, cause.end()) for cause in accident_causes().finditer(sentence))


def _deaths_of_an_accident(sentence: str) -> bool:
    """Does a sentence that tells only of deaths tell of a fire, an accident or a disaster, and of no violence?"""
    return bool(accident_causes().search(sentence)) and not event_word_pattern().search(sentence)


def _speaks_of_deaths(trigger: Trigger) -> bool:
    """Do the trigger's words speak of deaths, even beside an event word ("strikes killed", unlike `_only_deaths`)?
    Then a running total of deaths in its sentence is all it tells."""
    return trigger.fallback or bool(_DEATHS.search(trigger.evidence.quote))


def _typed(trigger: Trigger | None, report_label: str | None, sentence: Sentence, first: bool) -> Trigger | None:
    """The trigger as the whole report's label has it: its type, or the whole sentence where no word said it."""
    if report_label is None:
        return trigger
    event_type = taxonomy()[report_label]
    if trigger is not None:
        return replace(trigger, event_type=event_type, sub_event_type=report_label, fallback=False, generic=False)
    if first:
        return Trigger(event_type, report_label, Evidence(sentence.start, sentence.end, sentence.text))
    return None


def _roundup_heading(report: _Report) -> bool:
    """Is the report a digest's heading typed by the whole text's label ("220-й день війни — головне.")? Its
    first item's list of places is that item's, not the heading's; a heading that only leads in ("Знижує
    здатність РФ «захищатися».") lets the sentence that places its report give the list."""
    if not _whole_sentence(report):
        return False
    return not is_cyrillic_text(report.sentence.text) or is_roundup_heading(report.sentence.text)


def _whole_sentence(report: _Report) -> bool:
    """Is the report's trigger its whole sentence (a short report typed by its label, no event word in it)?"""
    words = report.trigger.evidence
    return (words.start, words.end) == (report.sentence.start, report.sentence.end)


def _violent(trigger: Trigger) -> bool:
    return trigger.event_type in VIOLENT_EVENT_TYPES


@lru_cache(maxsize=4096)
def refers_back(sentence: str) -> bool:
    """Does a sentence speak of an event told before ("the attack", "this blast")? Cached: asked of each
    sentence to pick those spaCy reads, then up to three times more as its report is extracted."""
    if is_cyrillic_text(sentence):
        return refers_back_in_cyrillic(sentence)
    return _BACK_REFERENCE_NOUN.search(sentence) is not None and _BACK_REFERENCE.search(sentence) is not None


def _same_event(
    report: _Report, trigger: Trigger, place: Place | None, refers_back: bool, gap: int, headline_told_again: bool,
    named_with: Place | None = None,
) -> bool:
    """Does a sentence with an event word of its own, `gap` sentences after the report's last, tell more of it?
    It does when it refers back to it; or, of a compatible type, when it follows at once, or names the same
    place within a few sentences; or when it tells what a headline's bare "attacked" was (`headline_told_again`).
    Farther on, a battle of another paragraph is another battle."""
    if gap <= 1 and place is not None and place.country_only:
        place = None  # "..., Tass said": a country named in passing places nothing
    if refers_back:
        # "the Horlivka explosion", "the attack in Belgorod" after a strike on Kyiv is another event; "the attack
        # came before a meeting in St Petersburg" is still the strike on Kyiv
        return not (named_with and report.place is not None and not _compatible_places(report.place, named_with))
    if gap <= 1 and report.trigger.event_type in VIOLENT_EVENT_TYPES and _only_deaths(trigger) and report.place:
        # "At least two soldiers died" right after a strike counts the strike's dead, whatever type its words have
        return place is None or _compatible_places(report.place, place)
    if report.trigger.fallback and not _violent(trigger) and gap > 1:
        return False  # "У Нікополі загинув чоловік" ... "Вночі ППО знищили 9 БпЛА": no cause of the deaths told before
    if not (_compatible_types(report.trigger, trigger) or headline_told_again):
        return False
    if gap <= 1 or headline_told_again:
        return place is None or report.place is None or _compatible_places(report.place, place) or (
            _part_of_the_town(report.place, place))
    return gap <= MAX_REFERENCE_GAP and place is not None and report.place is not None and (
        _compatible_places(report.place, place))


# "After Ukraine withdrew from Lysychansk, explosions hit ...", "Amid talks in Moscow, ...": a clause that opens
# the sentence with another event tells when, not where.
_LEADING_CLAUSE = re.compile(
    r"^\W*(?:after|before|since|following|while|as|when|amid|weeks after|days after|speaking|addressing|writing|"
    r"(?:in|at) an? (?:speech|address|meeting|briefing|(?:news |press )?conference|interview|statement))\b[^,;]{3,160}?,",
    re.I)


# "... hours after the group fired anti-tank missiles at Metula": the closing clause's own strike, not the event's
_STRIKE_VERB = r"\b(?:hit|struck|pounded|shelled|bombed|fired)\b"
_STRIKE = re.compile(_STRIKE_VERB, re.I)
# "... stepped up their shelling of the city after the capture of Lysychansk": a clause that closes the sentence
# with another event, after the event's words; so does one of a strike of its own ("Shelling kills four in Idlib
# as Israeli missiles hit near Damascus").
_TRAILING_CLAUSE = re.compile(r"\s(?:after|before|following|since|days after|weeks after)\s+(?:the|its|their|a|an)\s|"
                              rf"(?:\s(?:as|while)\s+|;\s+)(?=[^,;.]{{0,40}}?{_STRIKE_VERB})", re.I)


def _without_other_times(text: str, start: int, end: int) -> str:
    """The sentence with its clauses of another time blanked out (offsets kept), but for one that holds the event's
    words (start..end): "the prisoners, who were captured in May" does not date their killing, nor does "the
    earthquake of March 28" the strike a later clause's "killed" tells of; "the attack of March 28 killed five" is
    dated by it."""
    def blank(clause: re.Match) -> str:
        return clause.group() if clause.start() < end and start < clause.end() else " " * len(clause.group())
    return flagged_pattern("clause_of_its_own_time").sub(blank, text)


def _outside_leading_clause(sentence: Sentence, places: list[Place], trigger: Trigger) -> list[Place]:
    """The sentence's places, but for those in a leading "after ..." clause that the event's words are not in,
    those in a closing one after them, where the sentence names a place outside it, and those in a relative
    clause of another time after them."""
    clause = _LEADING_CLAUSE.match(sentence.text)
    if clause is not None and trigger.evidence.start >= sentence.start + clause.end():
        end = sentence.start + clause.end()
        places = [p for p in places if p.start is None or p.start >= end]
    after = max(0, trigger.evidence.end - sentence.start)
    for other_time in flagged_pattern("clause_of_its_own_time").finditer(sentence.text, after):
        start, end = sentence.start + other_time.start(), sentence.start + other_time.end()
        places = [p for p in places if p.start is None or not start <= p.start < end]
    closing = _TRAILING_CLAUSE.search(sentence.text, after)
    if closing is not None:
        start = sentence.start + closing.start()
        before = [p for p in places if p.start is None or p.start < start]
        # (a report of deaths alone may be told of by its cause: "two killed after Russian forces shelled Kharkiv")
        its_own_strike = not trigger.fallback and _STRIKE.search(sentence.text, closing.end())
        places = before if before or its_own_strike else places
    return places


def _another_event_beside_the_reference(sentence: Sentence, trigger: Trigger, place: Place | None, report: _Report) -> bool:
    """Does a sentence that refers back to a report tell, in words of its own, of violence elsewhere (`place`: the
    sentence's place for those words, but for the one the reference names)? "During the attack, air defences
    shot down another missile over Poltava" refers back to a strike on Kharkiv and tells of Poltava."""
    if place is None or report.place is None or place.geo_precision >= GEO_PRECISION_REGION:
        return False
    if _compatible_places(report.place, place) or _part_of_the_town(report.place, place):
        return False
    words = (trigger.evidence.start - sentence.start, trigger.evidence.end - sentence.start)
    return not any(m.start() < words[1] and words[0] < m.end() for m in _BACK_REFERENCE.finditer(sentence.text))


def _place_of_reference(sentence: Sentence, places: list[Place]) -> Place | None:
    """The place a back-reference names as its own: "the Horlivka explosion", "the attack in Belgorod"."""
    for match in _BACK_REFERENCE.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        for place in places:
            if place.start is not None and start <= place.start <= end + _REFERENCE_PLACE_REACH:
                between = sentence.text[match.end():max(match.end(), place.start - sentence.start)]
                if place.start < end or re.fullmatch(r"\s++(?:in|on|at|near|against|of)\s++(?:the\s+)?", between):
                    return place
    return None


def _summing_report(reports: list[_Report], sentences: list[Sentence], index: int, place: Place | None) -> _Report | None:
    """The report of a whole country's attacks ("... across Ukraine overnight, killing at least three") that a
    sentence placed in a region or a town, a few sentences on, is one of ("In Odesa, a drone killed two")."""
    if _no_region(place):
        return None
    across = flagged_pattern("across_the_country")
    return next((r for r in reversed(reports) if index - r.last_sentence_index <= MAX_REFERENCE_GAP and _no_region(
        r.place) and across.search(r.sentence.text + " " + sentences[r.last_sentence_index].text)), None)


def _deaths_then_a_dated_event(report: _Report, trigger: Trigger, place: Place | None, back_reference: bool,
                               sentence: Sentence, document: Document) -> bool:
    """Is the sentence an event told in its own words, place and day after a report of deaths alone that named
    neither ("Унаслідок обстрілів загинули двоє людей. Зранку 18 червня дрон атакував автомобіль у Білозерці")?
    The day's dead are not that event's: it is news of its own."""
    if back_reference or trigger.fallback or not report.trigger.fallback or place is None or _placed_by_itself(report):
        return False
    if _text_date(report) is not None:
        return False
    return resolve_date(sentence.text, sentence.start, document.published, trigger.evidence.start - sentence.start,
                        trigger.evidence.end - sentence.start) is not None


def _placed_by_itself(report: _Report) -> bool:
    """Is the report placed by words of its own sentence (not by a place named before it)?"""
    place, sentence = report.place, report.sentence
    return place is not None and place.start is not None and sentence.start <= place.start < sentence.end


def _no_region(place: Place | None) -> bool:
    return place is None or not place.admin1


def _other_days(report: _Report, sentence: Sentence, trigger: Trigger, document: Document, again: bool = False) -> bool:
    """Do the report and the sentence each give a date, days apart? "A strike near Kyiv killed 87 in May" and
    "Last Thursday Russian forces hit a base near Kyiv" are two strikes.

    A day apart is one event, a night told by either of its days or a day misread (a day the news was posted),
    unless the sentence tells, in its own event words (`again`), of one more: "Missiles hit Kharkiv on Monday"
    ... "On Tuesday another strike on Kharkiv killed two"."""
    told = _text_date(report)
    if not told:
        return False
    said = resolve_date(sentence.text, sentence.start, document.published, trigger.evidence.start - sentence.start,
                        trigger.evidence.end - sentence.start)
    if said is None:
        return False
    one_more = again and flagged_pattern("another_occurrence").search(sentence.text, 0, trigger.evidence.end - sentence.start)
    slack = timedelta(days=0 if one_more else 1)
    return said.start > told.end + slack or said.end < told.start - slack


def _day_of_the_event(report: _Report) -> EventDate | None:
    """The report's text date, unless its toll revises a count ("the death toll has risen to seven, officials said
    on Thursday"): that day is the revision's, and the event's own may be told elsewhere ("the strike on Tuesday")."""
    toll = report.evidence.get("fatalities")
    return None if toll is not None and revised_toll(toll.quote) else _text_date(report)


def _text_date(report: _Report) -> EventDate | None:
    """The date the report's own words give (none when its date is only the publication's)."""
    if report.date_from_text and report.date is None:
        raise ValueError("a report dated from its text without a date")
    return report.date if report.date_from_text else None


def _words(evidence: Evidence | None, name: str) -> Evidence:
    """Every field is backed by the words that gave it: a value found without them is its finder's bug."""
    if evidence is None:
        raise ValueError(f"{name} found without the words that give it")
    return evidence


def _only_deaths(trigger: Trigger) -> bool:
    """Do the trigger's words tell of deaths alone ("At least two soldiers died"), not of an event of their
    own ("The Horlivka explosion killed three")?"""
    words = trigger.evidence.quote
    return trigger.fallback or (
        bool(_DEATHS.search(words)) and not event_word_pattern().search(lower_keeping_offsets(words)))


# Where a sentence's second report begins: after a semicolon, or where another source tells it ("..., Russia says
# 34 drones downed").
_SECOND_REPORT = re.compile(rf"{SEMICOLON.pattern}|,\s+(?:[A-Z][\w'’.-]*\s+){{1,3}}(?:says|said)\s+")


def _trigger_of(sentence: Sentence) -> Trigger | None:
    """The sentence's trigger, read past police kit ("Riot police detained 20 people in Minsk" tells of arrests) and
    the arms backing troops;
    where a second report follows event words, theirs: "Missile strike on Dnipro kills four; most drones downed",
    "Drones hit Ryazan refinery, Russia says 34 drones downed" (an English sentence whose clauses each place an
    event of their own was cut in two by `double_reports`)."""
    found = find_trigger(sentence.text, sentence.start)
    second = _SECOND_REPORT.search(sentence.text) if found is not None and not is_cyrillic_text(sentence.text) else None
    if found is not None and second is not None and second.start() < found.evidence.start - sentence.start:
        found = find_trigger(sentence.text[:second.start()], sentence.start) or found
    gear = flagged_pattern("riot_gear")
    if found is not None and found.sub_event_type == _RIOT and gear.match(sentence.text, found.evidence.start - sentence.start):
        return find_trigger(gear.sub(lambda m: " " * len(m.group()), sentence.text), sentence.start)
    backing = flagged_pattern("backing_arms")
    if found is not None and any(m.start() <= found.evidence.start - sentence.start < m.end() for m in backing.finditer(sentence.text)):
        # "its troops, backed by aviation and artillery, repelled attacks": a battle
        return find_trigger(backing.sub(lambda m: " " * len(m.group()), sentence.text), sentence.start) or found
    return found


def _graver_protest(told: Trigger, more: Trigger) -> bool:
    """"Twenty women rallied outside the governor's office. Police detained two of them": the protest was met
    with intervention."""
    return (told.sub_event_type in _PROTEST_GRAVITY and more.sub_event_type in _PROTEST_GRAVITY
            and _PROTEST_GRAVITY.index(more.sub_event_type) > _PROTEST_GRAVITY.index(told.sub_event_type))


def _one_crowd(told: Trigger, more: Trigger) -> bool:
    """"Police fired tear gas to disperse protesters in Yerevan" ... "Some protesters threw stones" ... "Police
    said 98 people were detained": a protest, then what its crowd did and what was done to it, is one event
    (ACLED codes the arrests of a protest as that protest's intervention)."""
    return told.sub_event_type in _CROWD and more.sub_event_type in (*_CROWD, "Arrests")


def _compatible_types(a: Trigger, b: Trigger) -> bool:
    if a.fallback or b.fallback or a.sub_event_type == b.sub_event_type:
        return True
    family = _FAMILY_OF_EVENT_TYPE.get(a.event_type)
    return family is not None and family == _FAMILY_OF_EVENT_TYPE.get(b.event_type)


def _compatible_places(a: Place, b: Place) -> bool:
    """One place contains the other or they are the same: a country and a town in it, a town twice."""
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.iso and b.iso and a.iso != b.iso:
        return False
    coarse, fine = (a, b) if a.geo_precision >= b.geo_precision else (b, a)
    if coarse.feature_code and coarse.feature_code.startswith("PCL"):
        return True
    if coarse.geo_precision >= GEO_PRECISION_REGION and coarse.admin1 and coarse.admin1 == fine.admin1:
        return True
    return a.name == b.name


PART_OF_TOWN_KM = 10  # how far from a town's point a district of it, told of in the next sentence, may lie


def _part_of_the_town(a: Place, b: Place) -> bool:
    """"Shelling hit the centre of Donetsk. Shells struck a market in the Kuibyshevsky district": a part of
    the town placed only near it (a district, an area) in the very next sentence is the town's."""
    town, part = (a, b) if a.geo_precision < b.geo_precision else (b, a)
    return (town.geo_precision == GEO_PRECISION_TOWN and part.geo_precision == GEO_PRECISION_NEAR
            and _within_km(town, part, PART_OF_TOWN_KM))


def _add_sentence(
    report: _Report, trigger: Trigger, sentence: Sentence, index: int, place: Place | None, sentence_places: list[Place],
    document: Document, tolls: bool = True, headline_told_again: bool = False,
):
    report.last_sentence_index = index
    _add_references(report, sentence, trigger)
    summed = None
    if report.trigger.fallback and not trigger.fallback and _many_attacks_toll(report):
        # "Russian strikes kill 14 in Kharkiv. A missile strike on a printing house killed seven": its own toll
        summed = (report.fields.pop("fatalities"), report.evidence.pop("fatalities"))
    if _kind_told(report, trigger) or _graver_protest(report.trigger, trigger) or headline_told_again:
        report.trigger = trigger
        report.evidence["event_type"] = trigger.evidence
    _add_place(report, place, document.text)
    _add_fields(report, sentence, document, trigger, sentence_places, tolls)
    if summed is not None and "fatalities" not in report.fields:
        report.fields["fatalities"], report.evidence["fatalities"] = summed  # the one attack the text tells of


def _add_context(report: _Report, sentence: Sentence, index: int, sentence_places: list[Place], document: Document):
    """A sentence with no trigger of its own that tells more of the report before it. Only one that refers
    back to it carries the report on: after a sentence that merely follows, the next news is news of its own."""
    report.last_context_index = index
    # "Confirmed" or "denied" is read in the sentence right after the report or one that refers back to it;
    # further on, it is said of other things ("the G7 confirmed a ban on Russian gold"). "Could not be
    # verified" is said of the reports of the day wherever it stands.
    back_reference = refers_back(sentence.text)
    about_it = back_reference or index == report.last_sentence_index + 1
    said_by = about_it and tells_who_said(sentence.text)
    counted_again = another_count(sentence.text)  # "The army gave a lower figure." (right after it, as all context)
    if back_reference or said_by or counted_again:
        report.last_sentence_index = index  # "Про це повідомив голова ОВА": the report goes on after who told it
    report.another_count = report.another_count or counted_again
    _add_references(report, sentence, None)
    cue = verification_cue(sentence.text)
    if cue and (about_it or cue[0] == "unverified"):
        status, evidence = cue
        report.cues.append(status)
        report.evidence.setdefault("verification", _shift(evidence, sentence.start))
    if back_reference:
        _add_place(report, _best_place(sentence_places, document.text), document.text)
        _add_fields(report, sentence, document, None, sentence_places)
    elif not report.claims and tells_who_said(sentence.text):
        # "Про це повідомив у Telegram голова ОВА": the claimant of the report before it
        place_country = report.place.country if report.place else None
        attribution = find_attribution(sentence.text, sentence.start, report.fields.get("actor1"), place_country)
        if attribution:
            report.claims.append(replace(attribution.claim, evidence=attribution.evidence))


def _place_told_next(
    reports: list[_Report], index: int, sentence: Sentence, sentence_places: list[Place], text: str
) -> None:
    """A report opening the text (its headline) whose words name no place happened where the very next sentence,
    one with no event word of its own, places it: "Air defence shot down nine missiles overnight. Most flew at a
    plant in the Vinnytsia region"; "Strikes on a bridge over the river. Mykolaiv region." Only a report told in
    its own event words (not "many were wounded"), and only the opening one: further in, the next sentence may
    tell of another matter. A next sentence with event words that are no report ("an effort to regroup for an
    assault on Donetsk") places none."""
    if len(reports) != 1 or index != reports[0].last_sentence_index + 1:
        return
    if event_word_pattern().search(lower_keeping_offsets(sentence.text)):
        return
    report = reports[0]
    if report.place is None and not report.trigger.fallback and not text[:report.sentence.start].strip():
        _add_place(report, _best_place(sentence_places, text), text)


def _add_references(report: _Report, sentence: Sentence, trigger: Trigger | None):
    """Keep every word of the sentence that names the event, and the trigger where no such word is in it."""
    found = [
        Evidence(sentence.start + m.start(), sentence.start + m.end(), sentence.text[m.start():m.end()])
        for m in event_word_pattern().finditer(lower_keeping_offsets(sentence.text))
    ]
    if trigger is not None and not any(e.overlaps(trigger.evidence) for e in found):
        found.append(trigger.evidence)
    report.references.extend(e for e in found if e not in report.references)


def _add_place(report: _Report, place: Place | None, text: str):
    if place is None:
        return
    if report.place is not None and place.geonameid == report.place.geonameid:
        return  # the same place again: the first mention says how near ("a few miles from Belgorod")
    if report.place is None or (_fineness(place) < _fineness(report.place)
                                and (_compatible_places(report.place, place) or _close(report.place, place))):
        # a finer place inside or beside the one known ("the Donetsk region" ... "in Bakhmut", "the outskirts
        # of Moscow" ... "in Voskresensk"), never a town elsewhere that a later sentence names ("in Chasiv
        # Yar" ... "attacks on Kyiv")
        report.place = place
        if place.start is not None and place.end is not None:
            report.evidence["location"] = location_evidence(place, text)


def _fineness(place: Place) -> tuple[int, bool]:
    """How finely a place locates an event, smallest finest: a region is finer than a country."""
    return place.geo_precision, not place.admin1


REFINE_KM = 100  # how far from a place a later, finer place may lie and still be the same event's


def _close(a: Place, b: Place) -> bool:
    return _within_km(a, b, REFINE_KM)


def _within_km(a: Place, b: Place, km: float) -> bool:
    """Do two places with points lie within `km` of each other?"""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return False
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= km


def _add_fields(
    report: _Report, sentence: Sentence, document: Document, trigger: Trigger | None, places: list[Place],
    tolls: bool = True,
):
    text, offset = sentence.text, sentence.start
    anchor = (trigger.evidence.start - offset) if trigger else 0
    anchor_end = (trigger.evidence.end - offset) if trigger else None
    event_date = resolve_date(_without_other_times(text, anchor, anchor_end or 0), offset, document.published, anchor,
                              anchor_end)
    told = _day_of_the_event(report)
    if event_date and (not told or event_date.precision < told.precision):
        report.date, report.date_from_text = event_date, True
        report.evidence["event_date"] = _words(event_date.evidence, "event_date")
    _add_parties(report, text, offset, trigger, document, places)
    _first(report, "weapon", find_weapon(text, offset))
    if trigger and trigger.weapon and "weapon" not in report.fields:
        report.fields["weapon"] = trigger.weapon
        report.evidence["weapon"] = trigger.evidence
    casualties = find_casualties(text, offset) if tolls else Casualties(None, None, None, None)
    for name, value, evidence in (
        ("fatalities", casualties.fatalities, casualties.fatalities_evidence),
        ("injuries", casualties.injuries, casualties.injuries_evidence),
    ):
        if value is not None and _better_toll(report.fields.get(name), value, evidence, report.evidence.get(name),
                                              report.another_count):
            report.fields[name] = value
            report.evidence[name] = _words(evidence, name)
    if casualties.fatalities is not None:
        report.another_count = False  # announced for the count that follows it only
    place_country = report.place.country if report.place else None
    headline = offset == 0 and sentence.end >= len(document.text.rstrip())  # the report is this one sentence
    attribution = find_attribution(text, offset, report.fields.get("actor1"), place_country, headline)
    if attribution:
        report.claims.append(replace(attribution.claim, evidence=attribution.evidence))
    cue = verification_cue(text)
    if cue:
        report.cues.append(cue[0])
        report.evidence.setdefault("verification", _shift(cue[1], offset))


def _add_parties(
    report: _Report, text: str, offset: int, trigger: Trigger | None, document: Document, places: list[Place]
):
    """actor1, actor2 and the target, each from the first sentence of the report that names it."""
    country = report.place.country if report.place else None
    when = report.date.start if report.date else document.published
    place_spans = [(p.start, p.end) for p in places if p.start is not None and p.end is not None]
    parties = find_parties(text, offset, when, country, place_spans, in_order=trigger is not None,
                           event_words=trigger.evidence if trigger else None)
    _first(report, "actor1", parties.actor1)
    _first(report, "actor2", _facing_side(report, parties))
    victims = parties.civilians or (civilians_named(text, offset) if trigger else None)
    if victims and "actor2" not in report.fields:
        report.fields["actor2_civilians"] = True
        report.evidence["actor2"] = victims
    _first(report, "target", parties.target)


def _facing_side(report: _Report, parties: Parties) -> Found | None:
    """The party facing the report's actor1 in a sentence. A later sentence may name the sides the other way
    round ("Ukrainian troops push into the Kursk region" ... "Moscow said its troops stopped Ukrainian attacks"):
    its actor1 is then the report's actor2, never the report's actor1 again."""
    actor1 = report.fields.get("actor1")
    if parties.actor2 is not None and parties.actor2.value == actor1 and parties.actor1 is not None:
        return parties.actor1 if parties.actor1.value != actor1 else None
    return parties.actor2


def _many_attacks_toll(report: _Report) -> bool:
    """Are the report's dead those of many attacks ("Israeli strikes kill at least 40 in Gaza")? An attack it is
    told again as ("an air strike on a school in Gaza City killed nine") has its own toll, not the sum."""
    toll = report.evidence.get("fatalities")
    return toll is not None and bool(flagged_pattern("many_attacks_toll").search(report.sentence.text, 0, toll.end - report.sentence.start + 1))


def _better_toll(known: int | None, new: int, evidence: Evidence | None = None,
                 known_evidence: Evidence | None = None, another_source: bool = False) -> bool:
    """The toll the report first gives: a later sentence tells of some of its dead ("Moscow says the strike
    killed 53 prisoners ... a prisoner who died of his wounds"), not a new count. A count of dead wins over a
    zero, though: "Eight people were killed ... Three children were among the wounded" is eight dead; so does a
    revised count ("the death toll rose to 45 on Tuesday") and a higher count after it, and a count over a guess
    ("Drone strikes kill civilians" ... "killed at least 21 civilians"); and another source's lower count (ACLED
    takes the lowest: "14 killed, the committees said ... a doctor put the toll at 11").
    (The most conservative figure across reports is the merge's to take: `corroboration.toll_range`.)"""
    guessed = known_evidence is not None and vague_figure(known_evidence.quote) and (
        evidence is not None and not vague_figure(evidence.quote))
    # a count that rose once rises on: "the toll has risen to 12" ... "the governor now says 15 were killed"
    rising = known is not None and new > known and known_evidence is not None and revised_toll(known_evidence.quote)
    lower = (another_source or evidence is not None and another_count(evidence.quote)) and known is not None and (
        0 < new < known)
    return known is None or (known == 0 and new > 0) or guessed or rising or lower or (
        evidence is not None and revised_toll(evidence.quote))


def _first(report: _Report, name: str, found):
    if found is not None and name not in report.fields:
        report.fields[name] = found.value
        report.evidence[name] = found.evidence
        if found.text:
            report.fields[f"{name}_text"] = found.text


def _kind(report: _Report, text: str) -> tuple[str, str]:
    """The event and sub-event type of a report: its words', or, where they said only that there was an
    attack or deaths, the kind of event its weapon makes ("the attack on Odesa ... cruise missiles")."""
    trigger = report.trigger
    if _explosions_of_a_war(report):
        return taxonomy()[_REMOTE_ATTACK], _REMOTE_ATTACK
    weighed = trigger.generic or trigger.fallback or bool(flagged_pattern("unnamed_strike").match(trigger.evidence.quote))
    made_by = weapon_kinds().get(report.fields.get("weapon", ""))
    if made_by and weighed:
        return taxonomy()[made_by], made_by
    if made_by == _AIR_STRIKE and trigger.sub_event_type == _REMOTE_ATTACK and _armed_with(report, text):
        # "attacked the village of Tetkino with drones": a strike from afar, of the kind its weapon makes
        return taxonomy()[made_by], made_by
    civilians = str(report.fields.get("actor2") or "").startswith("Civilians")
    if trigger.generic and str(report.fields.get("actor1") or "").startswith("Military Forces") and (
            civilians or report.fields.get("actor2_civilians") or _struck_building(report, text)):
        # "a Russian attack on a hotel in Bakhmut killed one": an army hits buildings and towns from afar
        return taxonomy()[_REMOTE_ATTACK], _REMOTE_ATTACK
    if trigger.generic and civilians:
        return "Violence against civilians", "Attack"  # "an attack at a supermarket, killing ten people"
    if trigger.sub_event_type == _REGAINS and report.place and _another_states_forces(
            report.fields.get("actor1") or _claimants_forces(report), report.place.country, report.date):
        # gold/CODING.md: a state retakes its own ground; Russia "liberating" a Ukrainian town is a battle, also
        # where only its ministry's claim says whose forces ("Russia's Defense Ministry said its forces had
        # 'liberated' Ivanivka")
        return taxonomy()[_CLASH], _CLASH
    return trigger.event_type, trigger.sub_event_type


def _armed_with(report: _Report, text: str) -> bool:
    """Does the weapon follow the event's words in their clause, words that name no weapon of their own
    ("attacked the village of Tetkino with drones"; not "a helicopter raid on Belgorod and an attack on Bryansk")?"""
    words, weapon = report.trigger.evidence, report.evidence.get("weapon")
    if weapon is None or report.trigger.weapon is not None or all_weapons().search(words.quote.lower()):
        return False
    between = text[words.end:weapon.start]
    return words.end <= weapon.start and len(between) <= _WEAPON_REACH and not _CLAUSE_END.search(between)


def _explosions_of_a_war(report: _Report) -> bool:
    """"Explosions had also occurred on Tuesday in Mykolaiv": bare explosions, no device, weapon or saboteur named,
    in a country at war are its strikes from afar (ACLED codes them so), not a laid bomb."""
    bare = flagged_pattern("bare_explosion")
    weapon = report.evidence.get("weapon")
    place = report.place
    return (report.trigger.sub_event_type == _LAID_BOMB and bool(bare.match(report.trigger.evidence.quote))
            and (weapon is None or bool(bare.match(weapon.quote))) and place is not None and place.country in STATES_AT_WAR)


def _claimants_forces(report: _Report) -> str | None:
    """The forces of the state at war whose side claims the report."""
    day = report.date.start if report.date else None
    return next((forces for claim in report.claims if (forces := state_forces(claim.claimant_side, day))), None)


def _another_states_forces(actor: str | None, country: str | None, when: EventDate | None) -> bool:
    """Is the actor the forces of a state at war other than the one the place lies in?"""
    day = when.start if when else None
    own = state_forces(country, day)
    return own is not None and actor is not None and actor != own and actor in {
        state_forces(state, day) for state in STATES_AT_WAR}


def _struck_building(report: _Report, text: str) -> bool:
    """Is a built thing what the event's words say was attacked ("an attack on a hotel", "strikes with US-made
    rockets on the bridge"), not one another clause names ("attacked near Donets, along a frontline highway")?"""
    target, words = report.evidence.get("target"), report.trigger.evidence
    if report.fields.get("target") not in _BUILT_TARGETS or target is None:
        return False
    between = text[words.end:target.start]
    return words.end <= target.start and len(between) <= _TARGET_REACH and not _CLAUSE_END.search(between)


def _to_mention(document: Document, report: _Report) -> Mention:
    event_date = report.date or date_from_publication(document.published)
    fields = report.fields
    event_type, sub_event_type = _kind(report, document.text)
    claims = tuple(sorted(report.claims, key=_claim_rank))
    actor2 = fields.get("actor2")
    if actor2 is None and fields.get("actor2_civilians"):
        country = report.place.country if report.place else None
        actor2 = f"Civilians ({country})" if country else "Civilians"
    evidence = dict(report.evidence)
    if claims and claims[0].evidence:
        evidence["claimant"] = claims[0].evidence
    actor1 = fields.get("actor1")
    if sub_event_type == DISRUPTED_WEAPONS_USE and fields.get("weapon") in AIRBORNE_WEAPONS and report.place:
        actor1, actor2 = _interception_sides(actor1, actor2, evidence, report.place.country, event_date)
    if event_type in _DEMONSTRATORS:
        actor1, actor2 = _demonstration_sides(event_type, actor1, actor2, evidence, report.place.country if report.place else None)
    return Mention(
        document_id=document.id,
        event_type=event_type,
        sub_event_type=sub_event_type,
        sentence_start=report.sentence.start,
        sentence_end=report.sentence.end,
        event_date=event_date.start if event_date else None,
        event_date_end=event_date.end if event_date else None,
        time_precision=event_date.precision if event_date else None,
        actor1=actor1,
        actor2=actor2,
        place=_located(report.place),
        target=fields.get("target_text"),
        target_class=fields.get("target"),
        weapon=fields.get("weapon"),
        fatalities=fields.get("fatalities"),
        injuries=fields.get("injuries"),
        claims=claims,
        verification=verification(claims, report.cues, actor1),
        evidence=evidence,
        references=tuple(sorted(report.references, key=lambda e: e.start)),
        why=(f"told again at character {', '.join(map(str, report.folded))}",) if report.folded else (),
    )


# ACLED's side of a demonstration, by its event type: the demonstrators are actor1, whoever acts on them actor2
_DEMONSTRATORS = {"Protests": "Protesters", "Riots": "Rioters"}
_FORCES = ("Police Forces", "Military Forces")


def _demonstration_sides(
    event_type: str, actor1: str | None, actor2: str | None, evidence: dict[str, Evidence], country: str | None,
) -> tuple[str, str | None]:
    """"Police detained dozens of protesters at a rally in St Petersburg": Protesters (Russia) are actor1 and the
    police actor2, however the sentence orders them; the people at a rally are no civilians hit."""
    demonstrators = f"{_DEMONSTRATORS[event_type]} ({country})" if country else _DEMONSTRATORS[event_type]
    sides = {"actor1": actor1, "actor2": actor2}
    words = {name: evidence.pop(name) for name in sides if name in evidence}
    force = next((name for name, side in sides.items() if side and side.startswith(_FORCES)), None)
    crowd = next((name for name, side in sides.items() if side and side.startswith(_DEMONSTRATORS[event_type])), None)
    if crowd in words:
        evidence["actor1"] = words[crowd]
    if force in words:
        evidence["actor2"] = words[force]
    return demonstrators, sides[force] if force else None


def _interception_sides(
    actor1: str | None, actor2: str | None, evidence: dict[str, Evidence], country: str | None,
    event_date: EventDate | None,
) -> tuple[str | None, str | None]:
    """Drones or missiles downed are downed by the side whose sky it is (ACLED: the side that disrupts is
    actor1); a side named with them ("10 Ukrainian UAVs", "drones launched by Russia") is the side whose weapons
    they were. Each side's words move with it; the defender is known by where it happened."""
    defender = state_forces(country, event_date.start if event_date else None)
    if defender is None or actor1 == defender:
        return actor1, actor2
    owner, words = next(((side, evidence.get(name)) for name, side in (("actor1", actor1), ("actor2", actor2))
                         if side is not None and side != defender), (None, None))
    evidence.pop("actor2", None)
    if words is not None:
        evidence["actor2"] = words
    if "location" in evidence:
        evidence["actor1"] = evidence["location"]
    else:
        evidence.pop("actor1", None)
    return defender, owner


def _located(place: Place | None) -> Place | None:
    """A place as an event's location: a country alone gives no point (ACLED places nothing coarser than a
    region; a dot at the country's centre would claim a place the report never gave)."""
    if place is not None and (place.feature_code or "").startswith("PCL"):
        return replace(place, latitude=None, longitude=None)
    return place


def _claim_rank(claim: Claim):
    return (CLAIM_PRIORITY.get(claim.stance, 9), claim.channel is None)


def _best_place(places: list[Place], text: str, trigger: Trigger | None = None) -> Place | None:
    """The most specific place a sentence names where something happened, of those as specific the nearest to
    the event's words ("asked Washington for help after the shelling of Kharkiv"). A country or capital named
    as an actor ("a strike by Ukraine inside Russia", "Kiev troops shell Donetsk") is no place of the event."""
    where = [p for p in places if not not_where_it_happened(p, text)]
    # (in Russian and Ukrainian only, so far: on English whole articles it finds one more event, whose type is
    # wrong, and the gate holds type-if-found)
    by_clause = trigger is not None and len(where) > 1 and is_cyrillic_text(text)

    def key(p: Place) -> tuple:
        if trigger is None:
            return (*_fineness(p), False, 0)
        if _in_its_where_clause(p, trigger.evidence, where, text):
            return (*_fineness(p), False, 0)
        return (*_fineness(p), by_clause and _another_clause(p, trigger.evidence, text), _distance(p, trigger.evidence))

    return min(where, key=key) if where else None  # a region before a country


_WHERE_CLAUSE = re.compile(r",?\s+where\b[^;:.]*")


def _in_its_where_clause(place: Place, words: Evidence, places: list[Place], text: str) -> bool:
    """"the town of Sloviansk, where six people were killed in shelling, and Kramatorsk, where ...": the event
    words stand in the clause the place opens, with no other place named before them."""
    if place.end is None or words.start < place.end:
        return False
    if any(other.start is not None and place.end <= other.start < words.start for other in places):
        return False
    return bool(_WHERE_CLAUSE.fullmatch(text, place.end, words.start))


# Between an event's words and a place of another clause: "evacuation from Konotop, a strike on the airfield in
# Uman" is a strike on Uman, however near Konotop stands to its words.
_CLAUSE_BETWEEN = re.compile(r"[,;:!?\u2014\u2013]|\s-\s")


def _another_clause(place: Place, words: Evidence, text: str) -> bool:
    """Does a clause break stand between a place's name and the event's words?"""
    start, end = place.start or 0, place.end or 0
    between = text[end:words.start] if end <= words.start else text[words.end:start]
    return bool(_CLAUSE_BETWEEN.search(between))


def _distance(place: Place, words: Evidence) -> int:
    """Characters between a place's name and the event's words."""
    start, end = place.start or 0, place.end or 0
    return max(start - words.end, words.start - end, 0)


def _town_meant(sentence: Sentence, trigger: Trigger) -> bool:
    """Are the event's words about "the city" (its object, or just before them), not about some other thing?
    "Attacks aimed at the city", "the town was shelled again": the town of the report before, unnamed."""
    start = trigger.evidence.start - sentence.start
    end = trigger.evidence.end - sentence.start + _TARGET_REACH
    return bool(flagged_pattern("the_town").search(sentence.text, max(0, start - _REFERENCE_PLACE_REACH), end))


def _town_named_since(places: list[Place], told: Sentence, sentence: Sentence) -> bool:
    """Is a town named between the report before and this sentence? "The city" is then that town."""
    return any(p.geo_precision == GEO_PRECISION_TOWN and p.start is not None and told.end <= p.start < sentence.start
               for p in places)


def _town_of(told: Place | None, place: Place | None) -> bool:
    """Is `told`, a town the report before stands in, the town a sentence means by "the city", when the
    sentence itself names no finer place than its region (or none)?"""
    if told is None or told.geo_precision != GEO_PRECISION_TOWN:
        return False
    if place is None:
        return True
    if place.geo_precision != GEO_PRECISION_REGION or place.country != told.country:
        return False
    return place.feature_code != "ADM1" or place.admin1 == told.admin1


def _a_countrys_count(trigger: Trigger | None, sentence: Sentence) -> bool:
    """"Ukraine's air force said it shot down all 17 drones": a count over the whole country, of no one place (so
    not of the place the sentence before named). Its own words must tell of weapons downed (`trigger`, before a
    short report's label types it): "No one was hurt, the air force said" tells more of the report before. So is a
    strike on many areas at once ("нанесено поражение ... в 138 районах")."""
    return trigger is not None and (trigger.sub_event_type == DISRUPTED_WEAPONS_USE and bool(
        flagged_pattern("national_count").search(sentence.text)) or bool(flagged_pattern("many_areas").search(sentence.text)))


# The start of a list item: a line that opens on a dash or a bullet.
_BULLET = re.compile(r"(?:^|\n)[ \t]*[-•*\u2013\u2014▪►][ \t]")
# A country named right after a town to place it: "Kharkiv, Ukraine's second city", "Kherson in southern Ukraine".
_APPOSED_COUNTRY = re.compile(r"\s*(?:,\s*|\s+in\s+(?:[\w-]+\s+)?)$")


# a front's sector named by its town ("на Лиманському напрямку", "the Pokrovsk direction")
_A_FRONT_AFTER = re.compile(r"\s*(?:напрям\w*|направлени\w*|(?:front\s+)?directions?\b|axis\b)", re.IGNORECASE)


def _nearest_place_before(places: list[Place], sentence: Sentence, sentences: list[Sentence], text: str) -> Place | None:
    """A report that names no place happened where the text last placed us, if that was just before (a
    capital named as who acts, "assurances from Moscow", places us nowhere)."""
    captions = [s for s in sentences if s.caption and sentence.start - 300 <= s.end <= sentence.start]
    before = [p for p in places if p.end is not None and sentence.start - 300 <= p.end <= sentence.start and not any(
        s.start <= p.end <= s.end for s in captions)]  # (nor a byline's: "By our correspondent in Tyre")
    if not before or flagged_pattern("at_sea").search(sentence.text):
        return None  # "в акватории Чёрного моря уничтожены три катера": at sea, not in the town named before
    if _BULLET.search(text, before[-1].end or 0, sentence.start + 2):
        return None  # a digest's items are news of their own: "- Zelenskyy said Moscow was playing for time. - ..."
    nearest = before[-1]
    if len(before) > 1 and not nearest.admin1 and _APPOSED_COUNTRY.match(text, before[-2].end or 0, nearest.start or 0):
        nearest = before[-2]  # "Kharkiv, Ukraine's second city, ...": the town the country is named to place
    if not_where_it_happened(nearest, text) or _named_in_a_conditional(nearest, sentences):
        return None
    if _A_FRONT_AFTER.match(text, nearest.end or 0):
        return None  # "на Лиманському напрямку — 3 атаки. Авіація уразила 2 райони ...": a front's sector places no other report
    return nearest


# "in the border village of Aitaroun", "the town of Sake": a settlement named as one (a "nearby village" is near
# where the text last was)
_TOWN_NAMED = re.compile(r"(?<!nearby )\b(?:village|town|city|settlement|hamlet)\s+of\s+(?=[A-Z])")
_NEARBY_TOWN = re.compile(r"\bnearby\s+(?:village|town|settlement|hamlet)\s+of\s+[A-Z]")


def _names_an_unknown_town(sentence: Sentence, sentence_places: list[Place]) -> bool:
    """Does the sentence name a town the gazetteer does not know? It happened there, not where the text last was."""
    known = {p.start for p in sentence_places}
    return any(sentence.start + m.end() not in known for m in _TOWN_NAMED.finditer(sentence.text))


def _named_in_a_conditional(place: Place, sentences: list[Sentence]) -> bool:
    """Is the place named in a clause of what may happen ("Russian forces may attempt an offensive in Zaporizhzhia
    Oblast")? The text has not placed us there."""
    if place.start is None or place.end is None:
        return False
    told = next((s for s in sentences if s.start <= place.start < s.end), None)
    return told is not None and in_a_conditional_clause(told.text, place.start - told.start, place.end - told.start)


def _shift(evidence: Evidence, offset: int) -> Evidence:
    return Evidence(evidence.start + offset, evidence.end + offset, evidence.quote)

