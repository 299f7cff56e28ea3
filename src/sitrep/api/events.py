"""GET /api/events (filters, cursor pages, three formats) and GET /api/events/{id} (with its evidence)."""

from __future__ import annotations

import math
from datetime import date
from typing import Literal

from fastapi import APIRouter, Header, Query, Request, Response

from ..export import event_record
from ..model import to_dict
from ..show import passage_bounds
from ..store import EventFilter
from .errors import ApiError
from .formats import FORMATS, decode_cursor, encode_cursor, negotiate, render

router = APIRouter(prefix="/api/events", tags=["events"])
Verification = Literal["unverified", "reported", "claimed", "confirmed", "disputed"]


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """'minlon,minlat,maxlon,maxlat' in degrees; minlon > maxlon is a box across the antimeridian."""
    try:
        values = [float(v) for v in text.split(",")]
    except ValueError:
        values = []
    if len(values) != 4 or not all(math.isfinite(v) for v in values):
        raise ApiError(422, f"bbox {text!r}: expected four numbers minlon,minlat,maxlon,maxlat")
    min_lon, min_lat, max_lon, max_lat = values
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise ApiError(422, f"bbox {text!r}: longitudes must lie in [-180, 180], latitudes in [-90, 90], minlat <= maxlat")
    return min_lon, min_lat, max_lon, max_lat


@router.get(
    "",
    summary="Events matching the filters, oldest first, one page at a time",
    responses={200: {"content": {"application/geo+json": {}, "text/csv": {}}}},
)
def list_events(
    request: Request,
    bbox: str | None = Query(None, description="minlon,minlat,maxlon,maxlat (WGS84 degrees)", examples=["30,50,40,56"]),
    since: date | None = Query(None, description="events on or after this day (YYYY-MM-DD)"),
    until: date | None = Query(None, description="events on or before this day"),
    country: str | None = Query(None, description="country name or ISO code"),
    admin1: str | None = Query(None, description="first-level region, e.g. Smolensk Oblast"),
    event_type: str | None = Query(None, description="ACLED event type (or sub-event type)"),
    sub_event_type: str | None = Query(None, description="ACLED sub-event type"),
    verification: Verification | None = Query(None),
    source: str | None = Query(None, description="an outlet or channel that reported the event"),
    limit: int = Query(100, ge=1, le=1000, description="events per page"),
    cursor: str | None = Query(None, description="the 'next' cursor of the previous page"),
    format: Literal["json", "geojson", "csv"] | None = Query(None, description="else chosen by the Accept header"),
    accept: str | None = Header(None, include_in_schema=False),
) -> Response:
    where = EventFilter(
        since=since, until=until, country=country, admin1=admin1, event_type=event_type,
        sub_event_type=sub_event_type, verification=verification, source=source,
        bbox=parse_bbox(bbox) if bbox else None,
    )
    after = decode_cursor(cursor) if cursor else None
    rows = request.app.state.stores.get().event_page(where, after=after, limit=limit + 1)
    next_cursor = encode_cursor(*rows[limit - 1][:2]) if len(rows) > limit else None
    fmt = negotiate(format, accept)
    headers = {}
    if next_cursor:
        headers["Link"] = f'<{request.url.include_query_params(cursor=next_cursor)}>; rel="next"'
    body = render(fmt, [row[2] for row in rows[:limit]], next_cursor)
    return Response(body, media_type=FORMATS[fmt], headers=headers)


@router.get("/{event_id}", summary="One event with its reports: mentions, claims, sources and evidence spans")
def get_event(event_id: str, request: Request) -> dict:
    store = request.app.state.stores.get()
    event = store.event(event_id)
    if event is None:
        raise ApiError(404, f"no event {event_id!r}")
    record = event_record(event)
    mentions, sources = [], []
    for mention in event.mentions:
        document = store.document(mention.document_id)
        start, end = passage_bounds(mention)
        evidence = sorted(
            ({"field": name, **to_dict(ev)} for name, ev in mention.evidence.items()), key=lambda e: (e["start"], e["end"])
        )
        about = {
            "document_id": mention.document_id,
            "source": document.source if document else None,
            "title": document.title if document else None,
            "url": document.url if document else None,
            "published": document.published.isoformat() if document and document.published else None,
        }
        mentions.append({
            **about,
            "key": mention.key,
            "mention": to_dict(mention),
            "evidence": evidence,
            "passage": {"start": start, "end": end, "text": document.text[start:end] if document else None},
        })
        for claim in mention.claims or (None,):
            sources.append({
                **about,
                "claimant": claim.claimant if claim else None,
                "channel": claim.channel if claim else None,
                "stance": claim.stance if claim else None,
                "verification": claim.verification if claim else mention.verification,
            })
    return {"event": record, "mentions": mentions, "sources": sources}
