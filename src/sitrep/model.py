"""The one data model of sitrep: documents in, mentions and places in between, events out.

Field names follow ACLED's codebook where ACLED has the field, so exports need no renaming.
Everything here is a frozen dataclass: stages build new values, they never mutate old ones.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from typing import Any

# ACLED time_precision: 1 day, 2 week (or a range of a few days), 3 month or vaguer.
TIME_PRECISION_DAY, TIME_PRECISION_WEEK, TIME_PRECISION_MONTH = 1, 2, 3
# ACLED geo_precision: 1 the town itself, 2 near a town or a part of a region, 3 the region only.
GEO_PRECISION_TOWN, GEO_PRECISION_NEAR, GEO_PRECISION_REGION = 1, 2, 3
# UCDP codes a side's unnumbered or partisan claim of the enemy it killed at this floor of deaths.
PARTISAN_CLAIM_FLOOR = 2


def content_hash(text: str, published: date | None = None, source: str | None = None) -> str:
    """Identity of a report: its text, when and by whom it was published. The same report ingested twice is
    stored once; the same words published on another day or by another outlet are another report
    ("Shelling kills militiaman - DPR Operational Command" recurs for months)."""
    key = "\x1f".join([text, published.isoformat() if published else "", source or ""])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_unicode(text: str) -> str:
    """`text` with each lone surrogate replaced by U+FFFD, one character for one (offsets hold). JSON escapes
    ("\\ud800") and undecodable file names and arguments (Python's surrogateescape) make them, and UTF-8 cannot
    encode them: a document holding one could be neither hashed nor stored."""
    return _LONE_SURROGATE.sub("\ufffd", text)


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    published: date | None = None
    source: str | None = None  # outlet or channel name
    url: str | None = None
    title: str | None = None
    kind: str = "text"  # text | jsonl | html | telegram
    language: str | None = None  # en | ru | uk | unknown (sitrep.language); None until detected

    def __post_init__(self) -> None:
        # Every reader, the API and the command line build Documents: made valid here, text is valid everywhere.
        for name in ("id", "text", "source", "url", "title"):
            value = getattr(self, name)
            if isinstance(value, str) and _LONE_SURROGATE.search(value):
                object.__setattr__(self, name, valid_unicode(value))

    @property
    def hash(self) -> str:
        return content_hash(self.text, self.published, self.source)


@dataclass(frozen=True)
class Evidence:
    """The characters of a document that support one field: text[start:end] == quote."""

    start: int
    end: int
    quote: str

    def overlaps(self, other: Evidence) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None = None  # country name, e.g. "Russia"
    iso: str | None = None  # ISO 3166-1 alpha-2, e.g. "RU"
    admin1: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    feature_class: str | None = None  # GeoNames feature class: P populated place, A admin unit
    feature_code: str | None = None
    geo_precision: int = GEO_PRECISION_TOWN
    start: int | None = None  # span of the document that names the place
    end: int | None = None

    @property
    def country_only(self) -> bool:
        """A country named alone: no region or town in it (ACLED places no event coarser than a region)."""
        return self.geo_precision >= GEO_PRECISION_REGION and not self.admin1


@dataclass(frozen=True)
class Claim:
    """Who says an event happened, through what channel, and how sure the text is of it."""

    claimant: str | None = None  # "Yartsevo district head Roman Zakharov"
    claimant_side: str | None = None  # ACLED-style actor the claimant speaks for, when known
    channel: str | None = None  # telegram | statement | video | media | interview | social media
    stance: str = "reports"  # reports | claims | claims responsibility | denies | confirms
    verification: str = "reported"  # unverified | reported | claimed | confirmed | disputed
    evidence: Evidence | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Mention:
    """One report of an event in one document, every field backed by evidence."""

    document_id: str
    event_type: str
    sub_event_type: str
    sentence_start: int
    sentence_end: int
    event_date: date | None = None
    event_date_end: date | None = None
    time_precision: int | None = None
    actor1: str | None = None
    actor2: str | None = None
    place: Place | None = None
    target: str | None = None  # the words: "a fuel and energy facility"
    target_class: str | None = None  # fuel | power | rail | military | residential | ...
    weapon: str | None = None  # drone | missile | artillery | explosive | aircraft | ...
    fatalities: int | None = None
    injuries: int | None = None
    claims: tuple[Claim, ...] = ()  # the main account first
    verification: str = "reported"
    evidence: dict[str, Evidence] = field(default_factory=dict, hash=False, compare=False)
    # every word of the document that names this event: its trigger, later "the blast", "gunfire", ...
    references: tuple[Evidence, ...] = field(default=(), hash=False, compare=False)
    # why the sentence is (or is not) an event: the checks it passed or the one it failed
    why: tuple[str, ...] = field(default=(), hash=False, compare=False)

    @property
    def claim(self) -> Claim | None:
        return self.claims[0] if self.claims else None

    @property
    def key(self) -> str:
        """Stable id of the mention within its document."""
        raw = f"{self.document_id}:{self.sentence_start}:{self.sub_event_type}"
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class DocumentInfo:
    """What merging needs to know of a report's document besides its mentions."""

    source: str | None = None
    published: date | None = None
    fingerprint: str | None = None  # sitrep.fingerprint signature of the text
    language: str | None = None  # sitrep.language code; None for documents stored before it was detected


@dataclass(frozen=True)
class Event:
    """One real-world event, merged from its mentions in one or more documents."""

    id: str
    event_type: str
    sub_event_type: str
    mentions: tuple[Mention, ...]
    event_date: date | None = None
    event_date_end: date | None = None
    time_precision: int | None = None
    actor1: str | None = None
    actor2: str | None = None
    place: Place | None = None
    target: str | None = None
    target_class: str | None = None
    weapon: str | None = None
    fatalities: int | None = None  # the most conservative credible figure (ACLED)
    injuries: int | None = None
    verification: str = "reported"  # confirmed | claimed | reported | unverified | disputed
    sources: tuple[str, ...] = ()
    notes: str = ""
    # The range of the reported death tolls (UCDP's low and high), each with the report that gave it.
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    fatalities_low_source: str | None = None
    fatalities_high_source: str | None = None
    # Corroboration: independent sources (one per outlet, reprints of one article once) and when they reported.
    source_count: int = 0
    first_reported: date | None = None
    last_reported: date | None = None
    merge_notes: tuple[str, ...] = ()  # why each later report joined the first
    languages: tuple[str, ...] = ()  # the languages of its documents, sorted

    @property
    def document_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.document_id for m in self.mentions))


def to_dict(value: Any) -> Any:
    """A JSON-ready dict of any model value (dates as ISO strings). Faster than dataclasses.asdict, which
    deep-copies every value: storing events spent most of its time there."""
    return _jsonable(value)


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float)):
        return value
    if is_dataclass(value):
        return {name: _jsonable(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
