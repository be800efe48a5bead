"""The staff API: authentication, office scoping, the four-eyes rule, and problem documents."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from qualbridge.web.accounts.models import Role, User
from qualbridge.web.cases.models import Case, State

pytestmark = pytest.mark.django_db
MakeCase = Callable[..., Case]
ROLES = ["anonymous", "applicant", "evaluator", "senior", "admin", "stranger"]
READ_EXPECTED = {
    "anonymous": 401,
    "applicant": 403,
    "stranger": 404,
    "evaluator": 200,
    "senior": 200,
    "admin": 200,
}


@pytest.fixture
def everyone(users: dict[str, User], other_office: object) -> dict[str, User | None]:
    stranger = User.objects.create_user("zed", password="x" * 12, role=Role.SENIOR, office=other_office)
    return {**users, "stranger": stranger, "anonymous": None}


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("path", ["/api/staff/cases/{pk}", "/api/staff/cases/{pk}/history"])
def test_read_endpoints_by_role(
    role: str, path: str, everyone: dict[str, User | None], make_case: MakeCase
) -> None:
    case = make_case(State.IN_ASSESSMENT)
    response = client_for(everyone[role]).get(path.format(pk=case.pk))
    assert response.status_code == READ_EXPECTED[role]
    if response.status_code != 200:
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["status"] == response.status_code


@pytest.mark.parametrize("role", ROLES)
def test_queue_by_role(role: str, everyone: dict[str, User | None], make_case: MakeCase) -> None:
    case = make_case(State.SUBMITTED)
    response = client_for(everyone[role]).get("/api/staff/cases")
    want = {**READ_EXPECTED, "stranger": 200}[role]
    assert response.status_code == want
    if role == "stranger":
        assert response.json()["count"] == 0
    elif want == 200:
        assert [c["reference"] for c in response.json()["items"]] == [case.reference]


@pytest.mark.parametrize("role", [*ROLES, "senior2", "evaluator2"])
def test_approve_endpoint_by_role(role: str, everyone: dict[str, User | None], make_case: MakeCase) -> None:
    case = make_case(State.PENDING_APPROVAL)
    response = client_for(everyone[role]).post(f"/api/staff/cases/{case.pk}/approve")
    want = {
        "anonymous": 401,
        "applicant": 403,
        "stranger": 404,
        "evaluator": 403,
        "evaluator2": 403,
        "admin": 403,
        "senior": 200,
        "senior2": 200,
    }[role]
    assert response.status_code == want
    assert (Case.objects.get(pk=case.pk).state == State.DECIDED) == (want == 200)


def test_draft_submit_and_self_approval_refused(users: dict[str, User], make_case: MakeCase) -> None:
    case = make_case(State.IN_ASSESSMENT)
    senior = client_for(users["senior"])
    body = senior.post(
        f"/api/staff/cases/{case.pk}/draft",
        {"decision": "partial", "reasons": "Shorter programme.", "basis": "The first two years."},
        content_type="application/json",
    ).json()
    assert body["decision"] == "partial"
    assert senior.post(f"/api/staff/cases/{case.pk}/submit-draft").json()["state"] == "pending_approval"
    refused = senior.post(f"/api/staff/cases/{case.pk}/approve")
    assert refused.status_code == 403 and "their own draft" in refused.json()["detail"]
    again = senior.post(f"/api/staff/cases/{case.pk}/submit-draft")
    assert again.status_code == 409 and again["Content-Type"] == "application/problem+json"


def test_bad_bodies_are_422_problems(users: dict[str, User], make_case: MakeCase) -> None:
    case = make_case(State.IN_ASSESSMENT)
    response = client_for(users["evaluator"]).post(
        f"/api/staff/cases/{case.pk}/draft",
        {"decision": "maybe", "reasons": ""},
        content_type="application/json",
    )
    assert response.status_code == 422 and response.json()["type"].endswith("validation")


def test_writes_need_the_csrf_token(users: dict[str, User], make_case: MakeCase) -> None:
    case = make_case(State.PENDING_APPROVAL)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(users["senior"])
    assert strict.post(f"/api/staff/cases/{case.pk}/approve").status_code == 403
    assert Case.objects.get(pk=case.pk).state == State.PENDING_APPROVAL


def test_every_4xx_is_declared_in_the_schema(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    for path, operations in schema["paths"].items():
        if not path.startswith("/api/staff/"):
            continue
        for method, operation in operations.items():
            declared = set(operation["responses"])
            assert {"401", "403", "404", "422"} <= declared or (
                path == "/api/staff/cases" and {"401", "403", "422"} <= declared
            ), (method, path)
            if method == "post":
                assert "409" in declared
