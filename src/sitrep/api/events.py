"""GET /api/events (filters, cursor pages, three formats) and GET /api/events/{id} (with its evidence)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from typing import NamedTuple

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from ..export import RECORD_FIELDS, event_record
from ..language import LANGUAGES
from ..model import to_dict
from ..show import passage_bounds
from ..store import EventFilter
from .errors import ApiError
from .formats import FORMATS, decode_cursor, encode_cursor, negotiate, render

router = APIRouter(prefix="/api/events", tags=["events"])

MAX_LIMIT = 1000  # events per page of whole records
# Events per page of records narrowed by `fields` (the map page's twelve fields are a tenth of a record): the
# map loads its 10,000 events in one request instead of ten asked one after the other (issue 20).
MAX_NARROWED_LIMIT = 10000
# A page of more rows than this is read in a worker thread, not on the event loop: the database builds the
# records without Python's lock, so other requests are answered meanwhile (10,000 narrowed records: ~70 ms).
LOOP_ROWS = 1000


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


# The list's query parameters, read by hand rather than by FastAPI's per-parameter validation, which costs
# more than the query itself under load (bench/serve_load.py); they are documented in the OpenAPI schema here.
VERIFICATIONS = ("unverified", "reported", "claimed", "confirmed", "disputed")
_TEXT = {"type": "string"}
PARAMETERS = [
    ("bbox", "minlon,minlat,maxlon,maxlat (WGS84 degrees; minlon > maxlon crosses the antimeridian)", _TEXT),
    ("since", "events on or after this day", {"type": "string", "format": "date"}),
    ("until", "events on or before this day", {"type": "string", "format": "date"}),
    ("country", "country name or ISO code, in any case", _TEXT),
    ("admin1", "first-level region, e.g. Smolensk Oblast", _TEXT),
    ("event_type", "ACLED event type (or sub-event type)", _TEXT),
    ("sub_event_type", "ACLED sub-event type", _TEXT),
    ("verification", "verification status", {"type": "string", "enum": list(VERIFICATIONS)}),
    ("source", "an outlet or channel that reported the event", _TEXT),
    ("language", "a language the event was reported in", {"type": "string", "enum": list(LANGUAGES)}),
    ("limit", f"events per page: at most {MAX_LIMIT}, or {MAX_NARROWED_LIMIT} with `fields`",
     {"type": "integer", "minimum": 1, "maximum": MAX_NARROWED_LIMIT, "default": 100}),
    ("cursor", "the 'next' cursor of the previous page", _TEXT),
    ("format", "json, geojson or csv; else chosen by the Accept header", {"type": "string", "enum": list(FORMATS)}),
    ("fields", "JSON only: the record fields to return, comma-separated (e.g. id,latitude,longitude); default all",
     {"type": "string", "example": "id,event_type,event_date,latitude,longitude"}),
]


class ListQuery(NamedTuple):
    where: EventFilter
    limit: int
    after: tuple[str, str] | None
    format: str | None
    fields: tuple[str, ...] | None  # None: whole records


def parse_query(query: Mapping[str, str]) -> ListQuery:
    """The filter, page size, cursor, format and fields of a list request; ApiError 422 naming each bad parameter."""
    errors, values = [], {}

    def bad(name: str, message: str) -> None:
        errors.append({"location": f"query.{name}", "message": message})

    for name in ("since", "until"):
        if query.get(name):
            try:
                values[name] = date.fromisoformat(query[name])
            except ValueError:
                bad(name, f"not a date (YYYY-MM-DD): {query[name]!r}")
    if query.get("verification") and query["verification"] not in VERIFICATIONS:
        bad("verification", f"one of {', '.join(VERIFICATIONS)}")
    if query.get("language") and query["language"] not in LANGUAGES:
        bad("language", f"one of {', '.join(LANGUAGES)}")
    if query.get("format") and query["format"] not in FORMATS:
        bad("format", f"one of {', '.join(FORMATS)}")
    bbox = None
    if query.get("bbox"):
        try:
            bbox = parse_bbox(query["bbox"])
        except ApiError as error:
            bad("bbox", error.detail)
    after = None
    if query.get("cursor"):
        try:
            after = decode_cursor(query["cursor"])
        except ApiError as error:
            bad("cursor", error.detail)
    fields = None
    if query.get("fields"):
        fields = tuple(dict.fromkeys(name.strip() for name in query["fields"].split(",") if name.strip()))
        unknown = [name for name in fields if name not in RECORD_FIELDS]
        if unknown or not fields:
            bad("fields", f"not a record field: {', '.join(unknown) or query['fields']!r} (fields: {', '.join(RECORD_FIELDS)})")
    limit = 100
    if query.get("limit"):
        try:
            limit = int(query["limit"])
        except ValueError:
            limit = 0
        if not 1 <= limit <= (MAX_NARROWED_LIMIT if fields else MAX_LIMIT):
            bad("limit", f"an integer from 1 to {MAX_LIMIT} ({MAX_NARROWED_LIMIT} with fields)")
    if errors:
        raise ApiError(422, "; ".join(f"{e['location']}: {e['message']}" for e in errors), errors)
    text: dict[str, str | None] = {name: query.get(name) or None for name in ("country", "admin1", "event_type", "sub_event_type", "verification", "source", "language")}
    where = EventFilter(since=values.get("since"), until=values.get("until"), bbox=bbox, undated=False, **text)
    return ListQuery(where, limit, after, query.get("format") or None, fields)


@router.get(
    "",
    summary="Events matching the filters, oldest first (undated last), one page at a time",
    description="Pages follow the `next` cursor (also in the `Link` header). JSON: `{events, next}`; "
    "GeoJSON: a FeatureCollection with `next`; CSV: the export columns. `fields` narrows each JSON record to "
    "the fields named (the map page asks only for what it draws), and allows pages of up to 10,000 events.",
    responses={200: {"content": {"application/json": {}, "application/geo+json": {}, "text/csv": {}}}},
    openapi_extra={
        "parameters": [
            {"name": name, "in": "query", "required": False, "description": text, "schema": schema}
            for name, text, schema in PARAMETERS
        ]
    },
)
async def list_events(request: Request) -> Response:
    # Reads are async and block the loop on purpose: a page is one indexed query of about a millisecond,
    # cheaper run here than handed to a worker thread (+50% requests/s in bench/serve_load.py), and each
    # server process then needs one database connection for reading. Ingest (POST) runs in a thread.
    query = parse_query(request.query_params)
    where, limit, after = query.where, query.limit, query.after
    fmt = negotiate(query.format, request.headers.get("accept"))
    if query.fields and fmt != "json":
        raise ApiError(422, "query.fields: only with JSON (format json or Accept: application/json)",
                       [{"location": "query.fields", "message": "only with JSON"}])
    stores = request.app.state.stores
    if limit <= LOOP_ROWS:
        rows = stores.get().event_page(where, after=after, limit=limit + 1, fields=query.fields)
    else:
        rows = await run_in_threadpool(lambda: stores.get().event_page(where, after=after, limit=limit + 1, fields=query.fields))
    next_cursor = encode_cursor(*rows[limit - 1][:2]) if len(rows) > limit else None
    headers = {}
    if next_cursor:
        headers["Link"] = f'<{next_url(request, next_cursor)}>; rel="next"'
    body = render(fmt, [row[2] for row in rows[:limit]], next_cursor)
    return Response(body, media_type=FORMATS[fmt], headers=headers)


def next_url(request: Request, cursor: str) -> str:
    """This request's URL with `cursor` in place of its own, by string work on the query as sent (Starlette's
    URL.include_query_params decodes and encodes it all again: 40 µs, a sixth of a page of events)."""
    url, _, query = str(request.url).partition("?")
    kept = [part for part in query.split("&") if part and not part.startswith("cursor=")]
    return f"{url}?{'&'.join([*kept, 'cursor=' + cursor])}"  # a cursor is URL-safe base64: nothing to escape


@router.get("/{event_id}", summary="One event with its reports: mentions, claims, sources and evidence spans")
async def get_event(event_id: str, request: Request) -> dict:
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
