"""GET /api/documents/{id} (the text with its marked spans) and POST /api/documents (ingest, token only)."""

from __future__ import annotations

import hmac
import threading

from fastapi import APIRouter, Body, Depends, Header, Request
from pydantic import BaseModel, ConfigDict

from ..ingest.jsonl import parse_record
from .errors import ApiError

router = APIRouter(prefix="/api/documents", tags=["documents"])
_ingest_lock = threading.Lock()  # one ingest at a time: merging reads and rewrites events


class DocumentIn(BaseModel):
    """A document as one line of a JSONL input file."""

    model_config = ConfigDict(extra="allow")
    id: str | int | None = None
    text: str
    published: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None


def require_token(request: Request, authorization: str | None = Header(None, description="Bearer TOKEN")) -> None:
    token = request.app.state.config.token
    if not token:
        # No token can be right on a read-only server: 401, as for a wrong one (the contract).
        raise ApiError(401, "this server is read-only: start it with --token or SITREP_API_TOKEN to accept documents",
                       headers={"WWW-Authenticate": "Bearer"})
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(401, "a valid bearer token is required (Authorization: Bearer TOKEN)",
                       headers={"WWW-Authenticate": "Bearer"})


@router.get("/{document_id}", summary="A document's text and the spans of it that are evidence of events")
async def get_document(document_id: str, request: Request) -> dict:
    store = request.app.state.stores.get()
    document = store.document(document_id)
    if document is None:
        raise ApiError(404, f"no document {document_id!r}")
    spans = [
        {"field": name, "start": ev.start, "end": ev.end, "quote": ev.quote, "mention": mention.key, "event_id": event_id}
        for mention, event_id in store.mentions_in(document_id)
        for name, ev in mention.evidence.items()
    ]
    spans.sort(key=lambda s: (s["start"], s["end"]))
    return {
        "id": document.id, "title": document.title, "source": document.source, "url": document.url,
        "published": document.published.isoformat() if document.published else None, "kind": document.kind,
        "text": document.text, "spans": spans,
        "event_ids": list(dict.fromkeys(s["event_id"] for s in spans if s["event_id"])),
    }


@router.post(
    "",
    status_code=201,
    summary="Ingest documents (one object or a list, as JSONL lines); needs the server's bearer token",
)
def post_documents(
    request: Request,
    documents: DocumentIn | list[DocumentIn] = Body(...),
    _: None = Depends(require_token),  # checked before the body is read
) -> dict:
    items = documents if isinstance(documents, list) else [documents]
    parsed = []
    for number, item in enumerate(items):
        try:
            parsed.append(parse_record(item.model_dump(exclude_none=True), default_id=""))
        except ValueError as error:
            raise ApiError(422, f"document {number}: {error}") from None
    for number, document in enumerate(parsed):
        if not document.id:
            raise ApiError(422, f"document {number}: no 'id' (the API needs one to refer to the document)")
    from ..jobs import IngestSummary, ingest_documents, merge_new_mentions  # the pipeline's imports: on first use

    store = request.app.state.stores.get()
    summary = IngestSummary()
    with _ingest_lock:
        ingest_documents(parsed, store, request.app.state.pipeline(), summary)
        merge_new_mentions(store, summary)
    return {
        "documents": summary.documents, "unchanged": summary.unchanged, "mentions": summary.mentions,
        "events_changed": summary.events_changed, "errors": summary.errors,
        "document_ids": [d.id for d in parsed],
    }
