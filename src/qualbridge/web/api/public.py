"""The public API, version 1 (attached at ``/api/v1/`` in :mod:`qualbridge.web.urls`).

Every operation calls the same core function as the CLI and the pages and declares each answer it can
give, 4xx problem documents included, so the OpenAPI schema documents every response. Bad input
raises the core's :class:`~qualbridge.errors.QualbridgeError`, which :mod:`qualbridge.web.api.problems`
turns into a problem document naming the bad value and what would be valid.

``GET /compare`` is the hot path: the answer is the core's :class:`~qualbridge.compare.model.Comparison`
(the JSON ``qualbridge compare --json`` prints), validated and serialised against the schema it declares.
The core keeps finished comparisons per query, the one cache above the engine.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from qualbridge import credits, grades
from qualbridge.compare import Comparison, compare
from qualbridge.registry import get_registry
from qualbridge.registry.summary import (
    FrameworkDetail,
    FrameworkSummary,
    QualificationSummary,
    framework_summary,
)
from qualbridge.web.api.problems import Problem
from qualbridge.web.explorer import catalogue, schemas, verification

router = Router(tags=["public"])

BAD = {400: Problem, 422: Problem}
PROBLEM_REF = {"schema": {"$ref": "#/components/schemas/Problem"}}


def problem_types(*codes: int) -> dict[str, Any]:
    """OpenAPI extra: error answers are served as ``application/problem+json`` (RFC 9457), so say so."""
    return {
        "responses": {str(code): {"content": {"application/problem+json": PROBLEM_REF}} for code in codes}
    }


class CompareParams(Schema):
    q: str = Field(
        ..., min_length=1, max_length=200, description="A type id (jp/gakushi), a level id or any name."
    )
    to: str = Field(..., min_length=1, max_length=100, description="Target framework id, e.g. gb-rqf.")
    country: str | None = Field(None, max_length=20, description="ISO code of the qualification's country.")


class QualificationParams(Schema):
    q: str | None = Field(None, max_length=200, description="Any name: 学士, gakushi, BSc (Hons) ...")
    country: str | None = Field(None, max_length=20, description="ISO code, e.g. jp.")
    limit: int = Field(20, ge=1, le=100)


@router.get("/frameworks", response={200: list[FrameworkSummary]}, operation_id="list_frameworks")
def list_frameworks(request: HttpRequest) -> list[FrameworkSummary]:
    """Every framework: id, kind, jurisdiction, names, status and number of levels."""
    return get_registry().derive(
        "api-frameworks", lambda r: [framework_summary(f) for f in catalogue.frameworks(r)]
    )


@router.get(
    "/frameworks/{framework_id}",
    response={200: FrameworkDetail, 404: Problem, **BAD},
    operation_id="get_framework",
    openapi_extra=problem_types(400, 404, 422),
)
def get_framework(request: HttpRequest, framework_id: str) -> FrameworkDetail:
    """One framework: levels with descriptors and the qualification types placed there, its referencing
    decisions and its sources (the same object as ``qualbridge frameworks show ID --json``)."""
    return catalogue.detail(framework_id)


@router.get(
    "/qualifications",
    response={200: list[QualificationSummary], **BAD},
    operation_id="find_qualifications",
    openapi_extra=problem_types(400, 422),
)
def find_qualifications(
    request: HttpRequest, params: Query[QualificationParams]
) -> list[QualificationSummary]:
    """Qualification types matching a name in any language, script or romanisation (best first), or every
    type of a country when ``q`` is left out."""
    return catalogue.find_qualifications(params.q, params.country, params.limit)


@router.get(
    "/compare",
    response={200: Comparison, **BAD},
    operation_id="compare",
    openapi_extra=problem_types(400, 422),
)
def compare_endpoint(request: HttpRequest, params: Query[CompareParams]) -> HttpResponse:
    """Where a qualification type, a level or a name lands in another framework, and why: outcome, target
    levels, comparable types, confidence with its basis, every route with its evidence, caveats (each a
    code with its parameters). The same object as ``qualbridge compare QUERY --to FRAMEWORK --json``."""
    comparison: Comparison = compare(params.q, params.to, params.country)
    # The core's validated Comparison, written by its own pydantic serializer in one step: ninja's
    # generic path (model_dump to Python, then json.dumps) took most of this hot path's own time.
    return HttpResponse(comparison.model_dump_json(), content_type="application/json; charset=utf-8")


def post_converter(path: str, answer: Any, operation_id: str) -> Any:
    """A conversion operation: a JSON body in, the conversion (keys ``from``/``to`` by alias) out."""
    return router.post(
        path,
        response={200: answer, **BAD},
        by_alias=True,
        operation_id=operation_id,
        openapi_extra=problem_types(400, 422),
    )


@post_converter("/grades/convert", grades.Conversion, "convert_grade")
def convert_grade(request: HttpRequest, payload: schemas.GradeConvertIn) -> grades.Conversion:
    """Convert one grade between two grading scales, naming the method and showing its formula."""
    tables = {
        "from_table": [(s.grade, s.percent) for s in payload.from_table] if payload.from_table else None,
        "to_table": [(s.grade, s.percent) for s in payload.to_table] if payload.to_table else None,
    }
    return grades.convert(payload.value, payload.from_scale, payload.to, payload.method, **tables)


@post_converter("/credits/convert", schemas.CreditConversionOut, "convert_credits")
def convert_credits(request: HttpRequest, payload: schemas.CreditConvertIn) -> dict[str, Any]:
    """Convert an amount of credit between systems, by workload hours and by share of a full-time year."""
    return credits.convert(payload.amount, payload.from_system, payload.to, payload.method).as_json()


@router.post(
    "/statements/verify",
    response={200: schemas.VerificationOut, **BAD},
    operation_id="verify_statement",
    openapi_extra=problem_types(400, 422),
)
def verify_statement(request: HttpRequest, payload: schemas.VerifyIn) -> dict[str, Any]:
    """Verify a signed statement: every check (structure, contexts, signature, issuer key, revocation
    status, validity period) with its finding, and one overall state. A statement that fails a check is
    a 200 answer with ``verified: false``; only a request that carries no statement is a 4xx."""
    return verification.verify(payload.statement, payload.status_lists).as_json()
