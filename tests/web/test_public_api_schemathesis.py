"""The public API against its own OpenAPI schema, with schemathesis: no server error, no answer outside
the schema (status code, content type, body), whatever the input."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db


schemathesis.experimental.OPEN_API_3_1.enable()  # django-ninja writes OpenAPI 3.1


@pytest.fixture
def public_api() -> Any:
    from django.core.wsgi import get_wsgi_application

    return schemathesis.from_wsgi("/api/openapi.json", get_wsgi_application())


schema = schemathesis.from_pytest_fixture("public_api")


@schema.parametrize(endpoint="^/api/v1/")
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_public_api_conforms_to_its_schema(case: Any) -> None:
    response = case.call()
    case.validate_response(
        response,
        checks=(
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ),
    )
