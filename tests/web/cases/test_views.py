"""The casework pages: each transition through the web, refusals shown as messages, nothing leaked."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from qualbridge.web.accounts.models import User
from qualbridge.web.cases.models import Case, Finding, State

from .conftest import PDF, pdf_upload

pytestmark = pytest.mark.django_db
MakeCase = Callable[..., Case]


def login(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


def test_applicant_applies_submits_and_follows_status(
    client: Client, users: dict[str, User], office: object
) -> None:
    login(client, users["applicant"])
    response = client.post(
        "/cases/new/",
        {
            "office": office.pk,  # type: ignore[attr-defined]
            "purpose": "further-study",
            "title": "学士（工学）",
            "qualification_type": "jp/gakushi",
            "country": "jp",
            "institution": "Kyoto University",
            "awarded_year": 2019,
            "kind": "diploma",
            "file": pdf_upload(),
        },
        follow=True,
    )
    case = Case.objects.get(applicant=users["applicant"])
    assert case.reference in response.content.decode()
    assert case.credentials.get().country == "JP"
    client.post(f"/cases/{case.pk}/submit/")
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert "Submitted: checking the documents" in page
    assert client.get("/cases/").content.decode().count(case.reference) == 1


def test_evaluator_completes_assesses_drafts_and_senior_approves(
    client: Client, users: dict[str, User], make_case: MakeCase
) -> None:
    case = make_case(State.SUBMITTED)
    login(client, users["evaluator"])
    assert case.reference in client.get("/cases/").content.decode()
    client.post(f"/cases/{case.pk}/do/complete/")
    case.refresh_from_db()
    assert case.state == State.IN_ASSESSMENT
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert "Documents checklist" in page and "Precedents" in page and "days left" in page
    finding = Finding.objects.filter(case=case, element="workload").get()
    client.post(
        f"/cases/{case.pk}/findings/{finding.pk}/",
        {
            f"f{finding.pk}-text": "Four years, 124 credits.",
            f"f{finding.pk}-substantial_difference": "false",
            f"f{finding.pk}-reasoning": "Matches the reference workload.",
        },
    )
    finding.refresh_from_db()
    assert finding.text == "Four years, 124 credits." and finding.substantial_difference is False
    client.post(f"/cases/{case.pk}/do/draft/", {"decision": "full", "reasons": "No substantial difference."})
    client.post(f"/cases/{case.pk}/do/submit-draft/")
    case.refresh_from_db()
    assert case.state == State.PENDING_APPROVAL
    login(client, users["senior"])
    client.post(f"/cases/{case.pk}/do/approve/")
    case.refresh_from_db()
    assert case.state == State.DECIDED
    login(client, users["applicant"])
    statement = client.get(f"/cases/{case.pk}/statement.json")
    assert statement.status_code == 200 and statement.json()["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    pdf = client.get(f"/cases/{case.pk}/statement.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_own_draft_cannot_be_approved_through_the_page(
    client: Client, users: dict[str, User], make_case: MakeCase
) -> None:
    case = make_case(State.IN_ASSESSMENT)
    login(client, users["senior"])
    client.post(f"/cases/{case.pk}/do/draft/", {"decision": "full", "reasons": "Fine."})
    client.post(f"/cases/{case.pk}/do/submit-draft/")
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert 'id="approve"' not in page and "another senior evaluator must approve" in page
    assert client.post(f"/cases/{case.pk}/do/approve/").status_code == 403
    assert client.post(f"/cases/{case.pk}/do/return/", {"note": "x"}).status_code == 403
    assert Case.objects.get(pk=case.pk).state == State.PENDING_APPROVAL


def test_a_refused_transition_shows_a_message(
    client: Client, users: dict[str, User], make_case: MakeCase
) -> None:
    case = make_case(State.DRAFT)
    login(client, users["applicant"])
    client.post(f"/cases/{case.pk}/submit/")
    page = client.post(f"/cases/{case.pk}/submit/", follow=True).content.decode()
    assert "this needs it to be" in page


def test_document_request_answered_with_a_file(
    client: Client, users: dict[str, User], make_case: MakeCase
) -> None:
    case = make_case(State.SUBMITTED)
    login(client, users["evaluator"])
    client.post(f"/cases/{case.pk}/do/request/", {"text": "Send the transcript."})
    assert Case.objects.get(pk=case.pk).state == State.AWAITING_DOCUMENTS
    login(client, users["applicant"])
    request = case.requests.get()
    assert "Send the transcript." in client.get(f"/cases/{case.pk}/").content.decode()
    client.post(
        f"/cases/{case.pk}/requests/{request.pk}/answer/",
        {"answer": "Attached.", "file": pdf_upload("t.pdf")},
    )
    assert Case.objects.get(pk=case.pk).state == State.SUBMITTED
    assert case.documents.count() == 3  # diploma, identity (fixture) and the answer's file


def test_delay_reason_is_shown_to_the_applicant(
    client: Client, users: dict[str, User], make_case: MakeCase
) -> None:
    case = make_case(State.IN_ASSESSMENT)
    assert case.deadline is not None
    login(client, users["evaluator"])
    later = case.deadline.replace(year=case.deadline.year + 1)
    client.post(
        f"/cases/{case.pk}/do/delay/",
        {"new_deadline": later.isoformat(), "reason": "Awaiting the university's reply."},
    )
    login(client, users["applicant"])
    assert "Awaiting the university&#x27;s reply." in client.get(f"/cases/{case.pk}/").content.decode()


def test_appeal_with_new_evidence(client: Client, users: dict[str, User], make_case: MakeCase) -> None:
    case = make_case(State.DECIDED)
    login(client, users["applicant"])
    assert "Lodge the appeal" in client.get(f"/cases/{case.pk}/").content.decode()
    client.post(
        f"/cases/{case.pk}/appeal/", {"reasons": "Credits were missed.", "file": pdf_upload("new.pdf")}
    )
    case.refresh_from_db()
    assert case.state == State.APPEALED and case.evaluator != users["evaluator"]
    assert case.documents.filter(appeal__isnull=False).count() == 1


def test_revocation_shows_in_the_public_status_list(
    client: Client, users: dict[str, User], make_case: MakeCase
) -> None:
    from qualbridge.statements.statuslist import StatusList

    case = make_case(State.DECIDED)
    statement = case.statements.get()
    login(client, users["senior"])
    client.post(f"/cases/{case.pk}/statements/{statement.pk}/revoke/", {"note": "Issued in error."})
    client.logout()
    listed = client.get(f"/status/{case.office.slug}/revocation").json()
    assert StatusList.decode(listed["credentialSubject"]["encodedList"]).get(statement.status_index)


def test_documents_download_only_for_owner_and_office_staff(
    client: Client, users: dict[str, User], make_case: MakeCase
) -> None:
    case = make_case(State.SUBMITTED)
    document = case.documents.get(kind="diploma")
    url = f"/cases/{case.pk}/documents/{document.pk}/"
    login(client, users["applicant"])
    assert b"".join(client.get(url).streaming_content) == PDF  # type: ignore[attr-defined]
    login(client, users["evaluator"])
    assert client.get(url).status_code == 200
    login(client, users["other_applicant"])
    assert client.get(url).status_code == 404


def test_precedents_panel_warns_when_the_draft_departs(
    client: Client, users: dict[str, User], make_case: MakeCase
) -> None:
    from qualbridge.web.cases import actions

    for _ in range(2):
        make_case(State.DECIDED)  # two earlier decisions: full recognition, same type and institution
    case = make_case(State.IN_ASSESSMENT)
    login(client, users["evaluator"])
    actions.do_draft_decision(users["evaluator"], case, "full", "As before.")
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert "Full recognition: 2" in page and 'id="precedent-warning"' not in page
    actions.do_draft_decision(users["evaluator"], case, "non-recognition", "Different.")
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert 'id="precedent-warning"' in page and "usually: Full recognition" in page


def test_engine_prefills_the_five_findings_with_reasoning(make_case: MakeCase) -> None:
    case = make_case(State.IN_ASSESSMENT)
    findings = {f.element: f for f in Finding.objects.filter(case=case)}
    assert set(findings) == {"level", "workload", "quality", "profile", "learning-outcomes"}
    assert "jp-jeqf:6" in findings["level"].engine_text and findings["level"].substantial_difference is False
    assert all(f.reasoning for f in findings.values())
    assert case.decision  # the engine's recommendation is the starting draft


@pytest.mark.parametrize("role", ["applicant", "evaluator"])
def test_case_pages_render_in_japanese(
    client: Client, users: dict[str, User], make_case: MakeCase, role: str
) -> None:
    case = make_case(State.DECIDED)
    login(client, users[role])
    page = client.get(f"/cases/{case.pk}/", HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert 'lang="ja"' in page and "決定済み" in page and "Decided" not in page
    queue = client.get("/cases/", HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "案件" in queue or "申請" in queue
