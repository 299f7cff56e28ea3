"""Model values back from the JSON the store keeps (the inverse of `sitrep.model.to_dict`)."""

from __future__ import annotations

from datetime import date

from ..model import Claim, Event, Evidence, Mention, Place


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _evidence(value: dict | None) -> Evidence | None:
    return Evidence(**value) if value else None


def place_from_dict(data: dict | None) -> Place | None:
    return Place(**data) if data else None


def claim_from_dict(data: dict) -> Claim:
    return Claim(**{**data, "evidence": _evidence(data.get("evidence"))})


def mention_from_dict(data: dict) -> Mention:
    return Mention(
        **{
            **data,
            "event_date": _date(data.get("event_date")),
            "event_date_end": _date(data.get("event_date_end")),
            "place": place_from_dict(data.get("place")),
            "claims": tuple(claim_from_dict(c) for c in data.get("claims", ())),
            "evidence": {name: Evidence(**ev) for name, ev in (data.get("evidence") or {}).items()},
            "references": tuple(Evidence(**ev) for ev in data.get("references", ())),
        }
    )


def event_from_dict(data: dict) -> Event:
    return Event(
        **{
            **data,
            "event_date": _date(data.get("event_date")),
            "event_date_end": _date(data.get("event_date_end")),
            "place": place_from_dict(data.get("place")),
            "mentions": tuple(mention_from_dict(m) for m in data.get("mentions", ())),
            "sources": tuple(data.get("sources", ())),
            "first_reported": _date(data.get("first_reported")),
            "last_reported": _date(data.get("last_reported")),
            "merge_notes": tuple(data.get("merge_notes", ())),
            "languages": tuple(data.get("languages", ())),
        }
    )
