"""RFC 9457 problem documents for every error the API returns.

A :class:`~qualbridge.errors.QualbridgeError` from the core becomes a 4xx document naming the problem;
request validation errors become 422; nothing reaches the client as a 500 with a traceback.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from qualbridge.errors import QualbridgeError, UnknownId

PROBLEM_TYPE = "https://qualbridge.org/problems/"


class Problem(Schema):
    """An RFC 9457 problem detail."""

    type: str
    title: str
    status: int
    detail: str
    suggestions: list[str] = []


def problem(
    api: NinjaAPI, request: HttpRequest, status: int, code: str, title: str, detail: str, **extra: Any
) -> HttpResponse:
    body = {"type": PROBLEM_TYPE + code, "title": title, "status": status, "detail": detail, **extra}
    response = api.create_response(request, body, status=status)
    response["Content-Type"] = "application/problem+json"
    return response


def install(api: NinjaAPI) -> None:
    """Register the handlers that turn every error into a problem document."""

    @api.exception_handler(QualbridgeError)
    def _core_error(request: HttpRequest, exc: QualbridgeError) -> HttpResponse:
        status = (
            404
            if isinstance(exc, UnknownId) and request.method == "GET" and _is_path_lookup(request)
            else 400
        )
        return problem(api, request, status, exc.code, "Invalid input", str(exc), suggestions=exc.suggestions)

    @api.exception_handler(ValidationError)
    def _validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        details = "; ".join(
            f"{'.'.join(str(p) for p in err.get('loc', []))}: {err.get('msg', '')}" for err in exc.errors
        )
        return problem(api, request, 422, "validation", "The request is not valid", details)

    @api.exception_handler(AuthenticationError)
    def _auth(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return problem(
            api, request, 401, "unauthenticated", "Sign-in required", "Sign in to use this endpoint."
        )

    @api.exception_handler(HttpError)
    def _http(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return problem(api, request, exc.status_code, f"http-{exc.status_code}", str(exc), str(exc))


def _is_path_lookup(request: HttpRequest) -> bool:
    """Unknown ids in the path are 404; unknown values in the query string are 400."""
    return not request.GET
