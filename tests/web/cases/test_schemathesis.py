"""Property-based API tests: schemathesis drives the staff endpoints from the OpenAPI schema.

Signed in as a senior evaluator (with the CSRF token), every generated request must get a response
that is declared in the schema (status code and body) and never a server error.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance, status_code_conformance

from qualbridge.web.accounts.models import User
from qualbridge.web.cases.models import Case, State

CSRF = "a" * 32
SESSION: dict[str, Any] = {}
#: django-ninja writes OpenAPI 3.1, which schemathesis 3 supports behind this switch
schemathesis.experimental.OPEN_API_3_1.enable()


@pytest.fixture
def staff_api(db: None, users: dict[str, User], make_case: Any, client: Any) -> Any:
    for state in (State.SUBMITTED, State.IN_ASSESSMENT, State.PENDING_APPROVAL, State.DECIDED):
        make_case(state)
    client.force_login(users["senior2"])
    from qualbridge.web.wsgi import application

    # as Django's test client does: keep the test's connection (and transaction) across requests
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    schema = schemathesis.from_wsgi("/api/openapi.json", application)
    SESSION["id"] = client.cookies["sessionid"].value
    SESSION["cases"] = list(Case.objects.order_by("pk").values_list("pk", flat=True))
    yield schema
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.from_pytest_fixture("staff_api").include(path_regex="^/api/staff/")


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_staff_api_conforms_to_its_schema(case: Any) -> None:
    given = (case.path_parameters or {}).get("case_id")
    if isinstance(given, int) and given % 2 == 0:  # half the ids name real cases, in every state
        case.path_parameters["case_id"] = SESSION["cases"][given // 2 % len(SESSION["cases"])]
    case.cookies = {**(case.cookies or {}), "sessionid": SESSION["id"], "csrftoken": CSRF}
    response = case.call_wsgi(headers={"X-CSRFToken": CSRF})
    case.validate_response(
        response, checks=(not_a_server_error, status_code_conformance, response_schema_conformance)
    )


def test_case_ids_found_by_the_fuzzer_exist(staff_api: Any) -> None:
    assert Case.objects.count() == 4
