"""RFC 9457 problem documents for every error the API returns.

A :class:`~qualbridge.errors.QualbridgeError` from the core becomes a 4xx document naming the problem;
request validation errors become 422; nothing reaches the client as a 500 with a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
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
    field: str | None = None


class FieldProblem(QualbridgeError):
    """A request whose member ``field`` is malformed (answered 400, the problem naming the field)."""

    code = "invalid-field"

    def __init__(self, field: str, detail: str) -> None:
        self.field = field
        super().__init__(f"{field}: {detail}")


def field_problem(field: str, detail: str) -> FieldProblem:
    return FieldProblem(field, detail)


def problem_responses(*codes: int) -> dict[int, Any]:
    """``response=`` entries for error statuses (the schema's media type is set in ``setup.QualbridgeAPI``)."""
    return {code: Problem for code in codes}


def problem_body(status: int, code: str, title: str, detail: str, **extra: Any) -> HttpResponse:
    """A problem document response built without the API object (for answers a view returns itself)."""
    body = {"type": PROBLEM_TYPE + code, "title": title, "status": status, "detail": detail, **extra}
    return HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type="application/problem+json"
    )


def problem(
    api: NinjaAPI, request: HttpRequest, status: int, code: str, title: str, detail: str, **extra: Any
) -> HttpResponse:
    body = {"type": PROBLEM_TYPE + code, "title": title, "status": status, "detail": detail, **extra}
    response = api.create_response(request, body, status=status)
    response["Content-Type"] = "application/problem+json"
    return response


def install(api: NinjaAPI) -> None:
    """Register the handlers that turn every error into a problem document."""

    @api.exception_handler(FieldProblem)
    def _field(request: HttpRequest, exc: FieldProblem) -> HttpResponse:
        return problem(api, request, 400, exc.code, "Invalid input", str(exc), field=exc.field)

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

    @api.exception_handler(RequestDataTooBig)
    def _too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        limit = int(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        detail = f"The request body is larger than {limit // (1024 * 1024)} MB; send a smaller document."
        return problem(api, request, 413, "too-large", "Request body too large", detail)

    @api.exception_handler(HttpError)
    def _http(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return problem(api, request, exc.status_code, f"http-{exc.status_code}", str(exc), str(exc))


def _is_path_lookup(request: HttpRequest) -> bool:
    """Unknown ids in the path are 404; unknown values in the query string are 400."""
    return not request.GET


class ProblemMiddleware:
    """Answer under ``/api/`` with a problem document where Django or ninja answered with an HTML or text
    page (an unknown path, a wrong method, a body Django refused, a server error), keeping the status."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            not request.path.startswith("/api/")
            or response.status_code < 400
            or "json" in response.get("Content-Type", "")
        ):
            return response
        status = response.status_code
        phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
        detail = {
            404: f"No API endpoint at {request.path}; see /api/docs for every endpoint.",
            405: f"{request.method} is not allowed here; allowed: {response.get('Allow', '-')}.",
        }.get(status, phrase + ".")
        body = {"type": f"{PROBLEM_TYPE}http-{status}", "title": phrase, "status": status, "detail": detail}
        problem_response = HttpResponse(
            json.dumps(body, ensure_ascii=False), status=status, content_type="application/problem+json"
        )
        if "Allow" in response:
            problem_response["Allow"] = response["Allow"]
        return problem_response
