"""Regressions found by attacking the casework pages and the staff API: malformed ids, NUL characters
and misleading download names give a message or a 4xx, never a 500 or a stored surprise."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

import pytest
from django.test import Client

from qualbridge.web.accounts.models import User
from qualbridge.web.cases.models import Case, DocumentRequest, State

from .conftest import pdf_upload

pytestmark = pytest.mark.django_db
MakeCase = Callable[..., Case]


def messages_of(client: Client, case: Case) -> str:
    return client.get(f"/cases/{case.pk}/").content.decode()


@pytest.mark.parametrize("credential", ["abc", "1.5", "٣", "9" * 40, "-1"])
def test_upload_naming_a_malformed_or_unknown_credential_is_refused_with_a_message(
    client: Client, users: dict[str, User], make_case: MakeCase, credential: str
) -> None:
    case = make_case(State.DRAFT)
    client.force_login(users["applicant"])
    response = client.post(
        f"/cases/{case.pk}/documents/", {"kind": "other", "credential": credential, "file": pdf_upload()}
    )
    assert response.status_code == 302
    assert "in this case; choose one of its credentials" in messages_of(client, case)
    assert case.documents.count() == 1  # only the one made with the case


def test_upload_naming_its_own_credential_attaches_to_it(
    client: Client, users: dict[str, User], make_case: MakeCase
) -> None:
    case = make_case(State.DRAFT)
    credential = case.credentials.get()
    client.force_login(users["applicant"])
    client.post(
        f"/cases/{case.pk}/documents/", {"kind": "other", "credential": credential.pk, "file": pdf_upload()}
    )
    assert credential.documents.count() == 2


@pytest.mark.parametrize("evaluator", ["abc", "", "99999999999999999999999"])
def test_assigning_a_malformed_evaluator_id_is_a_message_not_a_500(
    client: Client, users: dict[str, User], make_case: MakeCase, evaluator: str
) -> None:
    case = make_case(State.IN_ASSESSMENT)
    client.force_login(users["senior"])
    response = client.post(f"/cases/{case.pk}/do/assign/", {"evaluator": evaluator})
    assert response.status_code == 302
    assert "in this office; choose one from the list" in messages_of(client, case)
    assert Case.objects.get(pk=case.pk).evaluator_id == case.evaluator_id


def test_staff_free_text_drops_nul_characters(
    client: Client, users: dict[str, User], make_case: MakeCase
) -> None:
    case = make_case(State.SUBMITTED)
    client.force_login(users["evaluator"])
    client.post(f"/cases/{case.pk}/do/request/", {"text": "Your tran\x00script"})
    assert DocumentRequest.objects.get(case=case).text == "Your transcript"


def test_staff_api_refuses_nul_characters_with_a_problem_document(
    client: Client, users: dict[str, User], make_case: MakeCase
) -> None:
    case = make_case(State.PENDING_APPROVAL)
    client.force_login(users["senior"])
    response = client.post(
        f"/api/staff/cases/{case.pk}/return", {"note": "bad\x00note"}, content_type="application/json"
    )
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert "NUL" in response.json()["detail"]
    assert Case.objects.get(pk=case.pk).state == State.PENDING_APPROVAL


@pytest.mark.parametrize(
    "name,saved",
    [
        ("diploma.pdf", "diploma.pdf"),
        ("report.html", "report.html.pdf"),
        ("setup.exe", "setup.exe.pdf"),
        ("学位記.PDF", "学位記.PDF"),
    ],
)
def test_downloads_are_saved_with_the_extension_of_their_checked_content(
    client: Client, users: dict[str, User], make_case: MakeCase, name: str, saved: str
) -> None:
    case = make_case(State.DRAFT)
    client.force_login(users["applicant"])
    client.post(f"/cases/{case.pk}/documents/", {"kind": "other", "file": pdf_upload(name)})
    document = case.documents.order_by("-pk").first()
    assert document is not None and document.original_name == name
    response = client.get(f"/cases/{case.pk}/documents/{document.pk}/")
    assert response["Content-Type"] == "application/pdf"
    assert quote(saved) in response["Content-Disposition"]


def test_forbidden_casework_action_shows_the_reason(
    client: Client, users: dict[str, User], make_case: MakeCase
) -> None:
    case = make_case(State.PENDING_APPROVAL, applicant=users["applicant"])
    client.force_login(users["applicant"])
    response = client.post(f"/cases/{case.pk}/do/approve/")
    assert response.status_code == 403
    assert "Staff only." in response.content.decode()
