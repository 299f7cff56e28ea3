"""One JSON shape for every error the API returns: {"error": {"status", "code", "message", "details"?}}."""

from __future__ import annotations

from collections.abc import Mapping

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..ingest.common import TOO_DEEP

CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    406: "not_acceptable", 413: "too_large", 415: "unsupported_media_type", 422: "invalid_request",
    500: "internal_error", 503: "unavailable",
}


class ApiError(HTTPException):
    def __init__(self, status: int, message: str, details: list | None = None, headers: dict | None = None):
        super().__init__(status, message, headers=headers)
        self.details = details


def error_response(status: int, message: str, details: list | None = None, headers: Mapping[str, str] | None = None) -> JSONResponse:
    body = {"status": status, "code": CODES.get(status, "error"), "message": message}
    if details:
        body["details"] = details
    return JSONResponse({"error": body}, status_code=status, headers=headers)


# The schema of that shape, for the OpenAPI document.
ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["status", "code", "message"],
            "properties": {
                "status": {"type": "integer"},
                "code": {"type": "string"},
                "message": {"type": "string"},
                "details": {"type": "array", "items": {"type": "object"}},
            },
        }
    },
}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> JSONResponse:
        message = error.detail if isinstance(error.detail, str) else CODES.get(error.status_code, "error")
        if isinstance(error.__cause__, RecursionError):  # FastAPI's "There was an error parsing the body"
            message = f"body: {TOO_DEEP}"
        return error_response(error.status_code, message, getattr(error, "details", None), error.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
        details = [
            {"location": ".".join(str(part) for part in item.get("loc", ())), "message": item.get("msg", "")}
            for item in error.errors()
        ]
        message = "; ".join(f"{d['location']}: {d['message']}" for d in details) or "invalid request"
        return error_response(422, message, details)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, error: Exception) -> JSONResponse:
        return error_response(500, f"internal error: {type(error).__name__}")
