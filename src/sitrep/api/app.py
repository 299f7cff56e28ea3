"""The FastAPI application: the API routers, one error shape, and the map page with its bundled assets."""

from __future__ import annotations

import ctypes
import os
import re
import threading
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.routing import Route

from .. import __version__
from ..extractors.lexicon import taxonomy
from .cities import router as cities_router
from .documents import SCHEMAS as DOCUMENT_SCHEMAS
from .documents import router as documents_router
from .errors import ERROR_SCHEMA, install_error_handlers
from .events import list_events
from .events import router as events_router
from .stores import Stores

if TYPE_CHECKING:
    from ..pipeline import Pipeline

STATIC = Path(__file__).resolve().parents[1] / "web" / "static"


DEFAULT_MAX_BODY_BYTES = 10_000_000  # a POST of some thousands of articles; larger batches are split


@dataclass(frozen=True)
class ServeConfig:
    db: str
    token: str | None = None  # bearer token for POST /api/documents; None: read-only
    tiles: str | None = None  # tile URL template such as https://tile.openstreetmap.org/{z}/{x}/{y}.png
    tile_attribution: str | None = None
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES  # a larger request body is refused (413) unread

    @classmethod
    def from_env(
        cls, db: str, token: str | None = None, tiles: str | None = None, max_body_bytes: int | None = None
    ) -> "ServeConfig":
        return cls(
            db=db,
            token=token or os.environ.get("SITREP_API_TOKEN") or None,
            tiles=tiles or os.environ.get("SITREP_TILES") or None,
            tile_attribution=os.environ.get("SITREP_TILES_ATTRIBUTION") or None,
            max_body_bytes=max_body_bytes or int(os.environ.get("SITREP_API_MAX_BODY_BYTES") or DEFAULT_MAX_BODY_BYTES),
        )


def create_app(config: ServeConfig) -> FastAPI:
    stores = Stores(config.db)  # opens (and migrates) the database now: a bad address fails at start

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        stores.close()

    app = FastAPI(
        lifespan=lifespan,
        title="sitrep",
        version=__version__,
        description="Conflict events with their evidence: filter, page through and export them; ingest documents.",
        docs_url=None,  # the interactive docs load their scripts from a CDN; the schema is at /openapi.json
        redoc_url=None,
    )
    app.state.config = config
    app.state.stores = stores
    app.state.pipeline = _lazy_pipeline()
    install_error_handlers(app)
    # GET /api/events is served by a plain Starlette route ahead of its FastAPI one, which documents it in the
    # OpenAPI schema: FastAPI's per-request dependency solving cost 15% of a page of events (the list reads
    # its query by hand anyway, see events.PARAMETERS).
    app.router.routes.append(Route("/api/events", list_events, methods=["GET"]))
    app.include_router(events_router)
    app.include_router(documents_router)
    app.include_router(cities_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    csp = _content_security_policy(config.tiles)

    app.add_middleware(SecurityHeaders, csp=csp)

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/api/config", tags=["page"],
             summary="What the map page needs to know: tile URL, read-only or not, ACLED's event and sub-event types")
    def page_config() -> dict:
        return {
            "tiles": config.tiles, "tile_attribution": config.tile_attribution, "read_only": not config.token,
            "event_types": _event_types(),
        }

    _document_errors(app)
    return app


def _event_types() -> dict[str, list[str]]:
    """ACLED's event types, each with its sub-event types, in the codebook's order: the page's choice lists."""
    types: dict[str, list[str]] = {}
    for sub_event_type, event_type in taxonomy().items():
        types.setdefault(event_type, []).append(sub_event_type)
    return types


class SecurityHeaders:
    """Headers on every response: no MIME sniffing, the page's Content-Security-Policy, no framing (for
    browsers older than CSP's frame-ancestors), and no page address sent to other sites beyond this
    server's origin (tile servers may ask for a Referer: the origin is all they get). A plain ASGI
    middleware: Starlette's BaseHTTPMiddleware costs more than the whole of a page of events."""

    def __init__(self, app, csp: str):
        self.app = app
        self.headers = [
            (b"x-content-type-options", b"nosniff"),
            (b"content-security-policy", csp.encode()),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"strict-origin-when-cross-origin"),
        ]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *self.headers]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _lazy_pipeline():
    """The extraction pipeline, loaded on the first POST only: a read-only server never pays for spaCy."""
    lock = threading.Lock()
    loaded: list[Pipeline] = []

    def pipeline():
        with lock:
            if not loaded:
                from ..pipeline import Pipeline

                loaded.append(Pipeline())
            return loaded[0]

    return pipeline


def _content_security_policy(tiles: str | None) -> str:
    """Scripts and styles from this server only; images also from the tile server, if one is set."""
    images = "'self' data:"
    if tiles:
        origin = re.match(r"^(https?://[^/]+)", tiles)
        if origin:
            images += " " + re.sub(r"\{[^}]*\}", "*", origin.group(1))
    return (
        f"default-src 'self'; img-src {images}; style-src 'self' 'unsafe-inline'; script-src 'self'; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    )


def _document_errors(app: FastAPI) -> None:
    """Every operation documents the one error shape (replacing FastAPI's own validation error schema)."""
    original = app.openapi

    def openapi() -> dict:
        if app.openapi_schema:
            return app.openapi_schema
        schema = original()
        schema.setdefault("components", {}).setdefault("schemas", {}).update({"Error": ERROR_SCHEMA, **DOCUMENT_SCHEMAS})
        error = {"description": "Error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                responses = operation.setdefault("responses", {})
                responses["422"] = {**error, "description": "Invalid request"}
                responses.setdefault("404", {**error, "description": "Not found"})
                responses["default"] = error
        return schema

    app.openapi = openapi  # type: ignore[method-assign]  # FastAPI's documented way to extend the schema


def app_from_env() -> FastAPI:
    """The app for uvicorn's worker processes (`sitrep serve --workers N`), configured by environment."""
    keep_freed_memory()
    return create_app(ServeConfig.from_env(db=os.environ["SITREP_DB"]))


def keep_freed_memory() -> None:
    """For a server process on glibc: a page of events is a block of ~130 KB, which glibc's malloc maps
    afresh for each response (and gives freed heap back at once), so that every response faulted in new
    zeroed pages: half the CPU of a page while an ingest ran (bench/serve_load.py). Blocks up to 16 MB come
    from the heap, and up to 128 MB freed stays there."""
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):  # not glibc
        return
    m_trim_threshold, m_mmap_threshold = -1, -3  # malloc.h
    mallopt(m_mmap_threshold, 16 << 20)
    mallopt(m_trim_threshold, 128 << 20)
