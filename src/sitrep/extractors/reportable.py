"""Which reports found in a text are events a reader can trust, and why.

Extraction finds every sentence that speaks of violence; an article speaks of much that is no event: background,
opinion, plans, running totals, other wars. A report becomes an event only when

- it happened within `MAX_AGE_DAYS` before publication (older ones are background, gold/CODING.md's window);
- in an article, it has a place: at least a region, or a country where the article names nothing finer in it
  (gold/CODING.md); an article about Ukraine that names towns and still places a report only in "Ukraine" is
  making a general statement ("Russia's attack on Ukraine"), not reporting an event;
- in an article, the event-report classifier reads its sentence as the report of a specific occurrence, not
  opinion, a plan, a hypothetical or an ongoing situation (`report_classifier`).

Short reports (a headline, a post) are judged whole by `short_reports` and only the age rule applies to them.
Every mention says why it was kept or dropped (`Mention.why`), so `sitrep extract --explain` can show both.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ..clean import Sentence
from ..model import GEO_PRECISION_REGION, Mention, Place
from .report_classifier import load_report_model
from .short_reports import is_short
from .triggers import find_trigger

# gold/CODING.md: an event is coded only when it falls within 30 days before publication.
MAX_AGE_DAYS = 30
# How sure the classifier must be of a later sentence of a report, for it to make the report an event when
# the sentence that opened it did not (chosen on the tune half of the whole-article dev gold).
LATER_SENTENCE_MIN_PROBABILITY = 0.8
# How sure the classifier must be of a sentence that it reads as several events at several places.
LISTED_MIN_PROBABILITY = 0.5
# How sure the classifier must be that a sentence reports an occurrence when the event's place is a country
# (one the article names nothing finer in): most such sentences are general statements. Chosen on the tune
# half of the whole-article dev gold.
COUNTRY_ONLY_MIN_PROBABILITY = 0.9


@dataclass(frozen=True)
class Screened:
    kept: list[Mention]
    dropped: list[Mention]  # each with the reason in `why`


def screen(mentions: list[Mention], sentences: list[Sentence], places: list[Place], published: date | None) -> Screened:
    """Split the mentions of one document into events and what is not one, each with its reasons.
    `sentences` and `places` are all the document's."""
    article = not is_short(sentences)
    readings = _readings(mentions, sentences, published) if article else [None] * len(mentions)
    finer = {p.iso for p in places if p.admin1}  # countries the document names a region or town of
    # a report that a long article of several paragraphs places only in a country is seldom news
    country_bar = COUNTRY_ONLY_MIN_PROBABILITY if len({s.paragraph for s in sentences if s.usable}) > 1 else 0.0
    listing = _listing_sentences(mentions)
    kept, dropped = [], []
    for mention, reading in zip(mentions, readings):
        bar = LISTED_MIN_PROBABILITY if mention.sentence_end in listing else None
        problem = _background(mention, published) or (
            article and _not_a_report(mention, reading, finer, country_bar, bar))
        if problem:
            dropped.append(replace(mention, why=(*mention.why, problem)))
        else:
            kept.append(replace(mention, why=(*mention.why, *_reasons(mention, reading))))
    return Screened(kept, dropped)


def _readings(mentions: list[Mention], sentences: list[Sentence], published: date | None) -> list[float | None]:
    """For each mention, the classifier's probability that one of its own sentences reports an occurrence:
    the one that opened it, or a later one with an event word of its own that was read as the same event
    ("A key oil facility erupted into flames following a suspected drone strike." ... "The attack hit a depot
    in Yartsevo district, which caught fire overnight on December 31"). None: no model."""
    model = load_report_model()
    if model is None or not mentions:
        return [None] * len(mentions)
    opening = {m.sentence_end: next((s for s in sentences if s.end == m.sentence_end), None) for m in mentions}
    later = [[s for s in sentences if s.usable and s.end != m.sentence_end and _tells_again(m, s)] for m in mentions]
    texts = list(dict.fromkeys([s.text for s in opening.values() if s] + [s.text for group in later for s in group]))
    probability = dict(zip(texts, model.probabilities(texts, [published] * len(texts))))
    readings = []
    for mention, group in zip(mentions, later):
        first = opening[mention.sentence_end]
        reading = probability[first.text] if first else None
        # a later sentence speaks for the report only when it surely reads as one: the more sentences are
        # read, the likelier one of them looks like news by chance ("the early days when Russia shelled Kyiv")
        sure = [probability[s.text] for s in group if probability[s.text] >= LATER_SENTENCE_MIN_PROBABILITY]
        readings.append(max([reading or 0.0, *sure]) if reading is not None or sure else None)
    return readings


def _tells_again(mention: Mention, sentence: Sentence) -> bool:
    """A later sentence with an event word of its own that the report was read to continue."""
    return find_trigger(sentence.text) is not None and any(
        sentence.start <= r.start < sentence.end for r in mention.references)


def _listing_sentences(mentions: list[Mention]) -> set[int]:
    """The sentences (by their end) read as several events at several places: "artillery strikes on
    Sloviansk, Kramatorsk and Bakhmut". A general statement read wrongly there is wrong three times."""
    places: dict[int, set] = {}
    for mention in mentions:
        if mention.place is not None:
            places.setdefault(mention.sentence_end, set()).add((mention.place.geonameid, mention.place.name))
    return {end for end, named in places.items() if len(named) > 1}


def _not_a_report(
    mention: Mention, reading: float | None, finer: set[str | None], country_bar: float, bar: float | None = None,
) -> str | None:
    """A sentence the classifier does not read as a report, or a report the article places no finer than a
    country although it names regions or towns there (a general statement: "Russia's attack on Ukraine")."""
    unplaced = _unplaced(mention, finer)
    if unplaced:
        return unplaced
    model = load_report_model()
    if reading is None or model is None:
        return None
    country_only = mention.place.geo_precision >= GEO_PRECISION_REGION and not mention.place.admin1
    bar = max(country_bar if country_only else 0.0, bar or 0.0, model.threshold)
    if reading >= bar:
        return None
    what = "placed only in a country and not surely" if country_only else "not read as"
    return (f"{what} a report of an occurrence (p={reading:.2f} < {bar:.2f}): "
            "opinion, a plan, background or a general statement")


def _reasons(mention: Mention, reading: float | None) -> tuple[str, ...]:
    reasons = [f"a report of an occurrence (p={reading:.2f})"] if reading is not None else []
    if "event_date" in mention.evidence:
        reasons.append(f"dated «{mention.evidence['event_date'].quote}»")
    if mention.place is not None:
        reasons.append(f"placed at {mention.place.name} (geo_precision {mention.place.geo_precision})")
    return tuple(reasons)


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
    if place.geo_precision >= GEO_PRECISION_REGION and not place.admin1 and place.iso in finer:
        return (f"no place finer than a country ({place.name}) though the article names places there: "
                "a general statement, or an event it does not place")
    return None
