"""``GET /api/v1/countries`` and ``/api/v1/countries/{code}``: the same profile as ``qualbridge countries
show CC --json`` and the page ``/countries/<cc>``."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from qualbridge.profiles.country import CountryProfile, CountrySummary, country_profile, summaries
from qualbridge.web.api.problems import Problem

router = Router(tags=["public"])
PROBLEMS = {"responses": {str(c): {"description": "Problem document (RFC 9457)", "content": {
    "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}} for c in (400, 404, 422)}}  # fmt: skip


@router.get("/countries", response={200: list[CountrySummary]}, operation_id="list_countries")
def list_countries(request: HttpRequest) -> list[CountrySummary]:
    """Every country with qualification types in the data."""
    return summaries()


@router.get("/countries/{code}", response={200: CountryProfile, 400: Problem, 404: Problem, 422: Problem}, operation_id="get_country",
            openapi_extra=PROBLEMS)  # fmt: skip
def get_country(request: HttpRequest, code: str) -> CountryProfile:
    """One country's profile: its qualifications on the ladder of years of schooling, their levels and
    comparison with the JEQF, grading scales, credit systems, institution lists and sources."""
    return country_profile(code)
