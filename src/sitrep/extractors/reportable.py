"""Which reports found in a text are events a reader can trust, and why.

Extraction finds every sentence that speaks of violence; an article speaks of much that is no event: background,
opinion, plans, running totals, other wars. A report becomes an event only when

- it happened within `MAX_AGE_DAYS` before publication (older ones are background, gold/CODING.md's window);
- in an article, it has a place: at least a region, or a country where the article names nothing finer in it
  (gold/CODING.md); an article about Ukraine that names towns and still places a report only in "Ukraine" is
  making a general statement ("Russia's attack on Ukraine"), not reporting an event;
- in an article, it is not a region's day told whole before the article tells it town by town (the towns'
  reports are the events; the region's is one only for dead its towns do not account for);
- in an article, the event-report classifier reads one of its sentences as the report of a specific
  occurrence, not opinion, a plan, a hypothetical or an ongoing situation (`report_classifier`); surely so
  where the report is placed only in a country, or is one of several events one sentence lists.
  The classifier learnt English words only: a report whose sentence is Russian or Ukrainian is judged by
  the rules (its trigger words and `non_event_cues`), as a short report is.

Short reports (a headline, a post) are judged whole by `short_reports` and only the age rule applies to them.
Every mention says why it was kept or dropped (`Mention.why`), so `sitrep extract --explain` can show both.
The thresholds were chosen on the "tune" half of the whole-article dev gold and on corpus articles coded by
reading (`bench/labels/corpus_events.jsonl`); README, "Whole articles", gives the figures.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ..clean import Sentence
from ..language import is_cyrillic_text
from ..model import GEO_PRECISION_REGION, Mention, Place
from .dates import MAX_AGE_DAYS
from .mentions import VIOLENT_EVENT_TYPES, overlapping_days
from .report_classifier import ReportModel
from .short_reports import is_short
from .triggers import find_trigger

# How sure the classifier must be of a later sentence of a report, for it to make the report an event when
# the sentence that opened it did not ("A facility erupted into flames after a suspected drone strike." ...
# "The attack hit a depot in Yartsevo overnight on December 31"): the more sentences are read, the likelier
# one of them looks like news by chance.
LATER_SENTENCE_MIN_PROBABILITY = 0.8
# Sub-event types of which the classifier's training articles (the war news of ../shared/corpus) held no report:
# it cannot tell their reports from the rest, so it is not asked about them. Protests that force met and riots
# only: a peaceful one is read (on that news, the classifier's "no" to "rallies against the war were held" is
# mostly right: 6 of 6 corpus articles whose coders found no protest).
UNREAD_SUB_EVENT_TYPES = frozenset({"Protest with intervention", "Excessive force against protesters",
                                    "Violent demonstration", "Mob violence"})
# How sure it must be of a sentence it reads as several events at several places ("artillery strikes on
# Sloviansk, Kramatorsk and Bakhmut"): a general statement read wrongly there is wrong three times.
LISTED_MIN_PROBABILITY = 0.5
# How sure it must be when an article of several paragraphs places the event only in a country (one it names
# nothing finer in): most such sentences are general statements.
COUNTRY_ONLY_MIN_PROBABILITY = 0.9
# How many towns of a region, told of after a report placed only in the region on the same days, make that
# report their summary ("the enemy attacked the Sumy region overnight" ... "In Bilopillia ..." "In Shostka ...").
MIN_TOWNS_OF_A_SUMMARY = 2


@dataclass(frozen=True)
class Screened:
    kept: list[Mention]
    dropped: list[Mention]  # each with the reason in `why`


def screen(
    mentions: list[Mention], sentences: list[Sentence], places: list[Place], published: date | None,
    model: ReportModel | None,
) -> Screened:
    """Split the mentions of one document into events and what is not one, each with its reasons.
    `sentences` and `places` are all the document's; `model` reads sentences (None: no reading)."""
    article = not is_short(sentences)
    readings = _readings(mentions, sentences, published, model) if article and model else [None] * len(mentions)
    finer = {p.iso for p in places if p.admin1}  # countries the document names a region or town of
    paragraphs = len({s.paragraph for s in sentences if s.usable})
    listing = _listing_sentences(mentions)
    kept, dropped = [], []
    for mention, reading in zip(mentions, readings):
        problem = _background(mention, published)
        if not problem and article:
            problem = _unplaced(mention, finer)
        if not problem and reading is not None and model is not None:  # (a reading comes from a model)
            problem = _not_a_report(reading, _bar(mention, model, paragraphs > 1, mention.sentence_end in listing))
        if problem:
            dropped.append(replace(mention, why=(*mention.why, problem)))
        else:
            kept.append(replace(mention, why=(*mention.why, *_reasons(mention, reading))))
    if article:
        verdicts = [(m, _told_town_by_town(m, kept)) for m in kept]
        dropped += [replace(m, why=(*m.why, summary)) for m, summary in verdicts if summary]
        kept = [m for m, summary in verdicts if not summary]
    return Screened(kept, dropped)


def _told_town_by_town(mention: Mention, events: list[Mention]) -> str | None:
    """Is the report a region's day that the article then tells town by town, with no dead of its own that
    the towns' reports do not count? Interceptions are no summary of strikes."""
    place = mention.place
    if (place is None or place.geo_precision < GEO_PRECISION_REGION or place.country_only or not place.admin1
            or mention.event_type not in VIOLENT_EVENT_TYPES):
        return None
    towns = [m for m in events if m.sentence_start > mention.sentence_start and m.place is not None
             and m.place.geo_precision < GEO_PRECISION_REGION and (m.place.iso, m.place.admin1) == (place.iso, place.admin1)
             and m.event_type in VIOLENT_EVENT_TYPES and overlapping_days(m, mention)]
    if len(towns) < MIN_TOWNS_OF_A_SUMMARY or (mention.fatalities or 0) > sum(m.fatalities or 0 for m in towns):
        return None
    names = ", ".join(dict.fromkeys(m.place.name for m in towns if m.place))
    return f"a summary of {place.name}'s day, which the article tells town by town ({names})"


def _background(mention: Mention, published: date | None) -> str | None:
    end = mention.event_date_end or mention.event_date
    if published is None or end is None or "event_date" not in mention.evidence:
        return None
    age = (published - end).days
    if age > MAX_AGE_DAYS:
        quote = mention.evidence["event_date"].quote
        return f"background: dated «{quote}», {age} days before publication (more than {MAX_AGE_DAYS})"
    return None


def _unplaced(mention: Mention, finer: set[str | None]) -> str | None:
    """gold/CODING.md: an event has a place, at least a region, or a country where the article gives nothing
    finer."""
    place = mention.place
    if place is None:
        return "no place: the article names none for it"
    if place.country_only and place.iso in finer:
        return (f"no place finer than a country ({place.name}) though the article names places there: "
                "a general statement, or an event it does not place")
    return None


def _readings(
    mentions: list[Mention], sentences: list[Sentence], published: date | None, model: ReportModel
) -> list[float | None]:
    """For each mention, the classifier's probability that its sentences report an occurrence: the one that
    opened it, or, surely so, a later one with an event word of its own that was read as the same event."""
    by_end = {s.end: s for s in sentences}
    opening = {m.sentence_end: by_end.get(m.sentence_end) for m in mentions}
    later = [[s for s in sentences if s.usable and s.end != m.sentence_end and _tells_again(m, s)] for m in mentions]
    texts = list(dict.fromkeys([s.text for s in opening.values() if s] + [s.text for group in later for s in group]))
    probability = dict(zip(texts, model.probabilities(texts, [published] * len(texts))))
    readings: list[float | None] = []
    for mention, group in zip(mentions, later):
        first = opening[mention.sentence_end]
        if first is not None and is_cyrillic_text(first.text):
            readings.append(None)  # a Russian or Ukrainian sentence: the English classifier cannot read it
            continue
        if mention.sub_event_type in UNREAD_SUB_EVENT_TYPES:
            readings.append(None)  # the classifier learnt from war news that had none (p 0.1-0.2 for "police
            continue  # used water cannon to break up thousands of protesters")
        sure = [probability[s.text] for s in group if probability[s.text] >= LATER_SENTENCE_MIN_PROBABILITY]
        candidates = ([probability[first.text]] if first else []) + sure
        readings.append(max(candidates) if candidates else None)
    return readings


def _tells_again(mention: Mention, sentence: Sentence) -> bool:
    """A later sentence with an event word of its own that the report was read to continue."""
    return find_trigger(sentence.text) is not None and any(
        sentence.start <= r.start < sentence.end for r in mention.references)


def _listing_sentences(mentions: list[Mention]) -> set[int]:
    """The sentences (by their end) read as several events at several places."""
    places: dict[int, set] = {}
    for mention in mentions:
        if mention.place is not None:
            places.setdefault(mention.sentence_end, set()).add((mention.place.geonameid, mention.place.name))
    return {end for end, named in places.items() if len(named) > 1}


def _bar(mention: Mention, model: ReportModel, several_paragraphs: bool, listed: bool) -> tuple[float, str]:
    """How sure the classifier must be that the mention's sentence reports an occurrence, and why so sure."""
    bar, why = model.threshold, "not read as"
    if listed and LISTED_MIN_PROBABILITY > bar:
        bar, why = LISTED_MIN_PROBABILITY, "one of several events a sentence lists, not surely"
    if several_paragraphs and mention.place is not None and mention.place.country_only and COUNTRY_ONLY_MIN_PROBABILITY > bar:
        bar, why = COUNTRY_ONLY_MIN_PROBABILITY, "placed only in a country and not surely"
    return bar, why


def _not_a_report(reading: float, bar: tuple[float, str]) -> str | None:
    threshold, why = bar
    if reading >= threshold:
        return None
    return (f"{why} a report of an occurrence (p={reading:.2f} < {threshold:.2f}): "
            "opinion, a plan, background or a general statement")


def _reasons(mention: Mention, reading: float | None) -> tuple[str, ...]:
    reasons = [f"a report of an occurrence (p={reading:.2f})"] if reading is not None else []
    if "event_date" in mention.evidence:
        reasons.append(f"dated «{mention.evidence['event_date'].quote}»")
    if mention.place is not None:
        reasons.append(f"placed at {mention.place.name} (geo_precision {mention.place.geo_precision})")
    return tuple(reasons)
