"""``/api/v1/interop/...``: the exchange formats in the public API, the same core functions as
``qualbridge interop export|import``.

``GET /interop/elm`` and ``GET /interop/ctdl`` answer the JSON-LD documents; ``POST /interop/import``
takes one document as the request body (JSON-LD, or ELMO XML), detects its format and answers what it
read. A document that is too large (413), not a document of a known format or with a bad field (400) is
an RFC 9457 problem whose ``field`` is the path of the offending field, worded in the reader's language.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from qualbridge.interop import MAX_DOCUMENT_BYTES, InteropError, ctdl, elm, import_any
from qualbridge.registry import get_registry
from qualbridge.web.api.problems import Problem, problem_body

router = Router(tags=["public"])
PROBLEM_CODES = (400, 413, 422)
PROBLEMS = {"responses": {str(c): {"description": "Problem document (RFC 9457)", "content": {
    "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}} for c in PROBLEM_CODES}}  # fmt: skip
LD_JSON = "application/ld+json"
#: the exports answer JSON-LD (the formats' own media type), so the schema says so
LD_RESPONSE = {
    "200": {"description": "A JSON-LD document", "content": {LD_JSON: {"schema": {"type": "object"}}}}
}
EXPORT_DOC = {"responses": {**PROBLEMS["responses"], **LD_RESPONSE}}


def _ld(document: dict[str, Any]) -> HttpResponse:
    return HttpResponse(json.dumps(document, ensure_ascii=False), content_type=LD_JSON)


def _document_problem(request: HttpRequest, exc: InteropError) -> HttpResponse:
    lang = "ja" if str(getattr(request, "LANGUAGE_CODE", "en")).startswith("ja") else "en"
    return problem_body(400, exc.code, "Invalid document", exc.message.text(lang), field=exc.path)


class ElmParams(Schema):
    type: list[str] | None = Field(None, max_length=50, description="Qualification type ids (jp/gakushi).")
    jurisdiction: str | None = Field(
        None, max_length=20, description="Every type of a jurisdiction: JP, GB ..."
    )
    field: list[str] | None = Field(
        None, max_length=10, description="ISCED-F 2013 field codes of the degree."
    )


@router.get("/interop/elm", response={200: dict[str, Any], 400: Problem, 422: Problem},
            operation_id="export_elm", openapi_extra=EXPORT_DOC)  # fmt: skip
def export_elm(request: HttpRequest, params: Query[ElmParams]) -> HttpResponse:
    """Qualification types as European Learning Model 3 ``Qualification`` nodes (JSON-LD), with their EQF
    level URI, national-framework levels, ISCED-F fields and ECTS credits (``qualbridge interop export
    --format elm``)."""
    try:
        document = elm.export_qualifications(
            params.type or None, jurisdiction=params.jurisdiction, fields=params.field or []
        )
    except InteropError as exc:
        return _document_problem(request, exc)
    return _ld(document)


class CtdlParams(Schema):
    framework: list[str] | None = Field(None, max_length=200, description="Framework ids (default: all).")


@router.get("/interop/ctdl", response={200: dict[str, Any], 400: Problem, 422: Problem},
            operation_id="export_ctdl", openapi_extra=EXPORT_DOC)  # fmt: skip
def export_ctdl(request: HttpRequest, params: Query[CtdlParams]) -> HttpResponse:
    """Frameworks as CTDL ``ceterms:QualificationsFramework`` with their levels, and every referencing
    decision between them with its match types and sources (``qualbridge interop export --format ctdl``)."""
    if params.framework:
        return _ld(ctdl.export_frameworks(params.framework))
    return _ld(get_registry().derive("interop.ctdl-all", lambda reg: ctdl.export_frameworks(registry=reg)))


IMPORT_BODY = {"requestBody": {"required": True, "description": f"One document, at most {MAX_DOCUMENT_BYTES} bytes.",
    "content": {"application/ld+json": {"schema": {"type": "object"}}, "application/json": {"schema": {"type": "object"}},
                "application/xml": {"schema": {"type": "string"}}}}}  # fmt: skip


@router.post("/interop/import", response={200: dict[str, Any], 400: Problem, 413: Problem, 422: Problem},
             operation_id="import_document", openapi_extra={**PROBLEMS, **IMPORT_BODY})  # fmt: skip
def import_document(request: HttpRequest) -> HttpResponse:
    """Read an Open Badges 3.0, ELM or CTDL document or an ELMO transcript; its format is detected and
    the answer is what ``qualbridge interop import FILE --json`` prints."""
    length = int(request.headers.get("Content-Length") or 0)
    if length > MAX_DOCUMENT_BYTES or len(request.body) > MAX_DOCUMENT_BYTES:
        return problem_body(
            413, "too-large", "Document too large", f"The document is larger than {MAX_DOCUMENT_BYTES} bytes."
        )
    if not request.body:
        return problem_body(
            400,
            "invalid-document",
            "Invalid document",
            "Send one JSON-LD or ELMO XML document as the request body.",
            field="$",
        )
    try:
        name, result = import_any(request.body)
    except InteropError as exc:
        return _document_problem(request, exc)
    body = result.as_json() if hasattr(result, "as_json") else {"format": name, "result": str(result)}
    return HttpResponse(
        json.dumps({"format": name, **body}, ensure_ascii=False, default=str), content_type="application/json"
    )
