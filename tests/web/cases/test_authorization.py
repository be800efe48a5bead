"""The authorization matrix: every role against every casework page and action, allowed or refused.

``ok`` means the request was served (200, or a redirect back to the case for a POST) and, for a
change, that the case state actually changed; 403 and 404 mean refused with nothing changed; an
anonymous visitor is sent to sign in. An applicant naming another applicant's case gets 404.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from qualbridge.web.accounts.models import Role, User
from qualbridge.web.audit.models import AuditEvent
from qualbridge.web.cases.models import Case, State

pytestmark = pytest.mark.django_db
MakeCase = Callable[..., Case]

ROLES = [
    "anonymous",
    "applicant",
    "other_applicant",
    "evaluator",
    "evaluator2",
    "senior",
    "senior2",
    "admin",
    "stranger",
]

#: (name, state the case must be in, method, url template, POST data, {role: expected})
OK, LOGIN = "ok", "login"
MATRIX: list[tuple[str, str, str, str, dict[str, Any], dict[str, Any]]] = [
    ("list", State.SUBMITTED, "get", "/cases/", {}, {"anonymous": LOGIN, "*": OK}),
    (
        "case page",
        State.SUBMITTED,
        "get",
        "/cases/{pk}/",
        {},
        {"anonymous": LOGIN, "other_applicant": 404, "stranger": 404, "*": OK},
    ),
    (
        "history and documents",
        State.DECIDED,
        "get",
        "/cases/{pk}/statement.json",
        {},
        {"anonymous": LOGIN, "other_applicant": 404, "stranger": 404, "*": OK},
    ),
    (
        "submit",
        State.DRAFT,
        "post",
        "/cases/{pk}/submit/",
        {},
        # staff do not see a case the applicant has not submitted (issue 11): 404, as for a stranger
        {"anonymous": LOGIN, "applicant": OK, "other_applicant": 404, "stranger": 404, "*": 404},
    ),
    (
        "add credential",
        State.DRAFT,
        "post",
        "/cases/{pk}/credentials/",
        {"title": "x", "country": "JP", "institution": "y"},
        {"anonymous": LOGIN, "applicant": OK, "other_applicant": 404, "stranger": 404, "*": 404},
    ),
    (
        "complete",
        State.SUBMITTED,
        "post",
        "/cases/{pk}/do/complete/",
        {},
        {
            "anonymous": LOGIN,
            "evaluator": OK,
            "evaluator2": OK,
            "senior": OK,
            "senior2": OK,
            "other_applicant": 404,
            "stranger": 404,
            "*": 403,
        },
    ),
    (
        "request documents",
        State.SUBMITTED,
        "post",
        "/cases/{pk}/do/request/",
        {"text": "More."},
        {
            "anonymous": LOGIN,
            "evaluator": OK,
            "evaluator2": OK,
            "senior": OK,
            "senior2": OK,
            "other_applicant": 404,
            "stranger": 404,
            "*": 403,
        },
    ),
    (
        "draft decision",
        State.IN_ASSESSMENT,
        "post",
        "/cases/{pk}/do/draft/",
        {"decision": "partial", "reasons": "r"},
        {
            "anonymous": LOGIN,
            "evaluator": OK,
            "senior": OK,
            "senior2": OK,
            "other_applicant": 404,
            "stranger": 404,
            "*": 403,
        },
    ),
    (
        "send draft",
        State.IN_ASSESSMENT,
        "post",
        "/cases/{pk}/do/submit-draft/",
        {},
        {
            "anonymous": LOGIN,
            "evaluator": OK,
            "senior": OK,
            "senior2": OK,
            "other_applicant": 404,
            "stranger": 404,
            "*": 403,
        },
    ),
    (
        "delay",
        State.IN_ASSESSMENT,
        "post",
        "/cases/{pk}/do/delay/",
        {"new_deadline": "2099-01-01", "reason": "r"},
        {
            "anonymous": LOGIN,
            "evaluator": OK,
            "evaluator2": 403,  # only the assigned evaluator or a senior extends the deadline (issue 11)
            "senior": OK,
            "senior2": OK,
            "other_applicant": 404,
            "stranger": 404,
            "*": 403,
        },
    ),
    (
        "assign",
        State.IN_ASSESSMENT,
        "post",
        "/cases/{pk}/do/assign/",
        {"evaluator": "{evaluator2}"},
        {
            "anonymous": LOGIN,
            "senior": OK,
            "senior2": OK,
            "admin": OK,
            "other_applicant": 404,
            "stranger": 404,
            "*": 403,
        },
    ),
    (
        "approve",
        State.PENDING_APPROVAL,
        "post",
        "/cases/{pk}/do/approve/",
        {},
        {"anonymous": LOGIN, "senior": OK, "senior2": OK, "other_applicant": 404, "stranger": 404, "*": 403},
    ),
    (
        "return",
        State.PENDING_APPROVAL,
        "post",
        "/cases/{pk}/do/return/",
        {"note": "Redo."},
        {"anonymous": LOGIN, "senior": OK, "senior2": OK, "other_applicant": 404, "stranger": 404, "*": 403},
    ),
    (
        "revoke",
        State.DECIDED,
        "post",
        "/cases/{pk}/statements/{sid}/revoke/",
        {"note": "Error."},
        {
            "anonymous": LOGIN,
            "senior": OK,
            "senior2": OK,
            "admin": OK,
            "other_applicant": 404,
            "stranger": 404,
            "*": 403,
        },
    ),
    (
        "appeal",
        State.DECIDED,
        "post",
        "/cases/{pk}/appeal/",
        {"reasons": "Wrong."},
        {"anonymous": LOGIN, "applicant": OK, "other_applicant": 404, "stranger": 404, "*": 403},
    ),
]


def expected(table: dict[str, Any], role: str) -> Any:
    return table.get(role, table["*"])


@pytest.fixture
def everyone(users: dict[str, User], other_office: Any) -> dict[str, User | None]:
    stranger = User.objects.create_user("zed", password="x" * 12, role=Role.SENIOR, office=other_office)
    return {**users, "stranger": stranger, "anonymous": None}


def fingerprint(case: Case) -> tuple[Any, ...]:
    fresh = Case.objects.get(pk=case.pk)
    return (
        fresh.state,
        fresh.decision,
        fresh.evaluator_id,
        fresh.deadline,
        fresh.credentials.count(),
        fresh.statements.filter(revoked_at=None).count(),
        AuditEvent.objects.filter(case_id=case.pk).count(),
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("row", MATRIX, ids=[r[0] for r in MATRIX])
def test_matrix(
    row: tuple[Any, ...], role: str, everyone: dict[str, User | None], make_case: MakeCase
) -> None:
    name, state, method, url, data, table = row
    case = make_case(state)
    if name == "send draft":  # a draft must exist to be sent; the evaluator wrote it
        from qualbridge.web.cases.actions import do_draft_decision

        assert case.evaluator is not None
        do_draft_decision(case.evaluator, case, "full", "Fine.")
    statement = case.statements.first()
    target = url.format(pk=case.pk, sid=statement.pk if statement else 0)
    data = {k: str(v).format(evaluator2=everyone["evaluator2"].pk) for k, v in data.items()}  # type: ignore[union-attr]
    client = Client()
    if everyone[role] is not None:
        client.force_login(everyone[role])  # type: ignore[arg-type]
    before = fingerprint(case)
    response = getattr(client, method)(target, data)
    want = expected(table, role)
    if want == LOGIN:
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    elif want == OK:
        assert response.status_code in (200, 302), response.status_code
        if method == "post":
            assert response["Location"] == f"/cases/{case.pk}/"
            assert fingerprint(case) != before, "an allowed change changed nothing"
    else:
        assert response.status_code == want
    if want != OK:
        assert fingerprint(case) == before


def test_applicant_cannot_reach_another_case_by_id_anywhere(
    client: Client, users: dict[str, User], make_case: MakeCase
) -> None:
    theirs = make_case(State.DECIDED, applicant=users["other_applicant"])
    doc = theirs.documents.get(kind="diploma")
    client.force_login(users["applicant"])
    for url in [
        f"/cases/{theirs.pk}/",
        f"/cases/{theirs.pk}/statement.json",
        f"/cases/{theirs.pk}/statement.pdf",
        f"/cases/{theirs.pk}/documents/{doc.pk}/",
    ]:
        assert client.get(url).status_code == 404, url
    before = fingerprint(theirs)
    for url, data in [
        (f"/cases/{theirs.pk}/appeal/", {"reasons": "x"}),
        (f"/cases/{theirs.pk}/submit/", {}),
        (f"/cases/{theirs.pk}/documents/", {"kind": "other"}),
    ]:
        assert client.post(url, data).status_code == 404, url
    assert fingerprint(theirs) == before
    assert theirs.reference not in client.get("/cases/").content.decode()


def test_an_upload_cannot_be_attached_to_another_applicants_credential(
    client: Client, users: dict[str, User], make_case: MakeCase
) -> None:
    from .conftest import pdf_upload

    mine = make_case(State.DRAFT)
    theirs = make_case(State.DRAFT, applicant=users["other_applicant"])
    their_credential = theirs.credentials.get()
    client.force_login(users["applicant"])
    client.post(
        f"/cases/{mine.pk}/documents/",
        {"kind": "other", "credential": their_credential.pk, "file": pdf_upload()},
    )
    assert not their_credential.documents.exclude(case=theirs).exists()
    assert theirs.documents.count() == 1
