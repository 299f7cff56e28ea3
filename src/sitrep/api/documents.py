"""GET /api/documents/{id} (the text with its marked spans) and POST /api/documents (ingest, token only)."""

from __future__ import annotations

import hmac
import threading

from fastapi import APIRouter, Depends, Header, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, StrictInt, StrictStr, TypeAdapter, ValidationError
from starlette.concurrency import run_in_threadpool

from ..ingest.common import load_json
from ..ingest.jsonl import parse_record
from ..model import Document
from .errors import ApiError

router = APIRouter(prefix="/api/documents", tags=["documents"])
_ingest_lock = threading.Lock()  # one ingest at a time: merging reads and rewrites events


class DocumentIn(BaseModel):
    """A document as one line of a JSONL input file, read as that line is: the API needs its id, a string or an
    integer (kept as its digits: 5 is the document "5", as in a JSONL file)."""

    model_config = ConfigDict(extra="allow")
    # strict: `true` or `1.5` is refused, never stored as "True" or "1"
    id: StrictStr | StrictInt | None = None
    text: str
    published: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None


_DOCUMENT_LIST = TypeAdapter(list[DocumentIn])
# The request body in the OpenAPI schema: the endpoint reads it itself (below), so FastAPI cannot say it.
REQUEST_BODY = {
    "required": True,
    "content": {"application/json": {"schema": {"anyOf": [
        {"$ref": "#/components/schemas/DocumentIn"},
        {"type": "array", "items": {"$ref": "#/components/schemas/DocumentIn"}},
    ]}}},
}
SCHEMAS = {"DocumentIn": DocumentIn.model_json_schema()}


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


# A path parameter: document ids are the user's own and may hold "/" ("reuters/2024/12/31-strike").
@router.get("/{document_id:path}", summary="A document's text and the spans of it that are evidence of events")
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
    openapi_extra={"requestBody": REQUEST_BODY},
)
async def post_documents(request: Request, _: None = Depends(require_token)) -> dict:
    """The token is checked before a byte of the body is read (FastAPI reads a declared body first: an
    anonymous client could make the server read and parse any amount), and the body is read up to the
    server's limit only."""
    body = await read_body(request, request.app.state.config.max_body_bytes)
    parsed = parse_documents(body)
    return await run_in_threadpool(_ingest, request, parsed)


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, or 413 once it is over `limit` bytes (by its Content-Length, or as it arrives)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(limit: int) -> ApiError:
    return ApiError(413, f"request body over this server's limit of {limit:,} bytes: send fewer documents a "
                         "request, or start the server with a larger --max-body-bytes")


def parse_documents(body: bytes) -> list[Document]:
    """The body's documents, or 422 saying what is wrong (in the shape of FastAPI's own validation errors)."""
    try:
        data = load_json(body.decode("utf-8"))
    except ValueError as error:  # bad JSON, too deeply nested, or bytes that are not UTF-8
        raise RequestValidationError([{"loc": ("body",), "msg": f"invalid JSON: {error}"}]) from None
    try:  # a list or one object, told apart first: a union's errors would name both of its branches
        items = _DOCUMENT_LIST.validate_python(data) if isinstance(data, list) else [DocumentIn.model_validate(data)]
    except ValidationError as error:
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in error.errors()]) from None
    parsed = []
    for number, item in enumerate(items):
        try:
            parsed.append(parse_record(item.model_dump(exclude_none=True), default_id=""))
        except ValueError as error:
            raise ApiError(422, f"document {number}: {error}") from None
        if not parsed[-1].id:
            raise ApiError(422, f"document {number}: no 'id' (the API needs one to refer to the document)")
    return parsed


def _ingest(request: Request, parsed: list[Document]) -> dict:
    """Runs in a worker thread: the pipeline and the database block."""
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
