"""``GET /api/v1/eligibility``: admission eligibility (入学資格) under Japanese law, in the public API.

The body is the object ``qualbridge eligibility QUERY --for TARGET --json`` prints (one core function,
:func:`qualbridge.eligibility.answer.check_eligibility`); bad input (an unknown qualification, country or
target, years out of range) is a 400 problem document naming what would be valid.
"""

from __future__ import annotations

from typing import Any

from ninja import Field, Query, Router, Schema

from qualbridge.eligibility.answer import check_eligibility
from qualbridge.registry import get_registry
from qualbridge.web.api.problems import Problem

router = Router(tags=["public"])


class EligibilityParams(Schema):
    q: str = Field(
        ..., min_length=1, max_length=200, description="A type id (kr/godeunghakgyo-joreop) or a name."
    )
    target: str = Field(
        ...,
        alias="for",
        min_length=1,
        max_length=40,
        description="jp-university, jp-kosen-transfer, jp-masters, jp-doctoral or jp-doctoral-medicine.",
    )
    country: str | None = Field(None, max_length=20, description="ISO code of the qualification's country.")
    years: int | None = Field(
        None, ge=0, le=30, description="Years of schooling completed, per the transcript."
    )


class EligibilityOut(Schema):
    query: str
    qualification: dict[str, Any]
    target: str
    outcome: str
    rule: dict[str, Any] | None
    years_of_schooling: dict[str, Any]
    conditions: list[dict[str, Any]]
    sources: list[dict[str, Any]]
    verified: bool
    summary: dict[str, str]
    policy: str
    data_version: str


@router.get(
    "/eligibility",
    response={200: EligibilityOut, 400: Problem, 422: Problem},
    operation_id="eligibility",
    openapi_extra={
        "responses": {
            str(code): {
                "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
            }
            for code in (400, 422)
        }
    },
)
def eligibility_endpoint(request: Any, params: Query[EligibilityParams]) -> dict[str, Any]:
    """Eligible, conditional, not-eligible or individual-assessment, with the legal basis, the years of
    schooling counted, the conditions and the sources."""
    result = check_eligibility(
        get_registry(), params.q, params.target, country=params.country, years=params.years
    )
    return result.as_json()
