"""The public API against its own OpenAPI schema, with schemathesis: no server error, no answer outside
the schema (status code, content type, body), whatever the input."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis.internal.conjecture import utils as conjecture_utils
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db


def _many_more(self: Any) -> bool:
    """The ``many.more()`` of older Hypothesis, which hypothesis-jsonschema 0.23 still calls.

    Hypothesis 6.170 replaced it with ``with many(...) as elements: for _ in elements``; this is one
    step of that loop (finish the previous element, decide whether to draw another, open its span).
    """
    if self._depth is None:
        self._depth = self.data.depth
    self._finish_element()
    if not self._decide():
        return False
    self.count += 1
    self._in_element, self._rejected = True, False
    return True


if not hasattr(conjecture_utils.many, "more"):
    conjecture_utils.many.more = _many_more
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
