"""The applicant's self-service (issue 16): requirements before applying, withdrawing, removing a
document before submitting, the appeal deadline after a decision, and the timeline in plain words."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from qualbridge.evaluate.policy import get_policy
from qualbridge.web.audit.models import AuditEvent
from qualbridge.web.cases import actions
from qualbridge.web.cases.errors import Forbidden, InvalidTransition
from qualbridge.web.cases.models import Case, Document, DocumentKind, State
from qualbridge.web.uploads import open_stored

MakeCase = Callable[..., Case]
Users = dict


@pytest.fixture(autouse=True)
def _english_after(db: None) -> Any:
    """Pages asked for in Japanese leave the thread in Japanese; the next test starts in English."""
    yield
    translation.deactivate()


@pytest.mark.parametrize("policy_id", ["jp-nic", "gb-enic"])
def test_the_requirements_page_shows_what_the_policy_says_and_no_invented_fee(
    client: Client, db: None, policy_id: str
) -> None:
    policy = get_policy(policy_id)
    body = client.get(f"/cases/requirements/{policy_id}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    for purpose, rule in policy.purposes.items():
        section = body[body.index(f'data-purpose="{purpose.value}"') :]
        section = section[: section.index("</ul>")]
        for kind in rule.required_documents:
            assert str(DocumentKind(kind.value).label) in section
    assert f"within {policy.casework.time_limit_months} months" in body
    assert f"appeal within {policy.casework.appeal_days} days" in body
    assert "These rules give no fee" in body  # the data has no fee: said, never made up
    assert "¥" not in body and "£" not in body
    ja = client.get(f"/cases/requirements/{policy_id}/", HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "手数料が示されていません" in ja and "申請の前に必要なもの" in ja


def test_an_unknown_policy_is_a_readable_404(client: Client, db: None) -> None:
    response = client.get("/cases/requirements/no-such-body/")
    assert response.status_code == 404 and "no-such-body" in response.content.decode()
    assert "jp-nic" in response.content.decode()


@pytest.mark.parametrize("state", [State.DRAFT, State.SUBMITTED, State.IN_ASSESSMENT])
def test_the_applicant_withdraws_with_an_audit_event(
    client: Client, make_case: MakeCase, users: Users, state: str
) -> None:
    case = make_case(state)
    client.force_login(users["applicant"])
    response = client.post(
        f"/cases/{case.pk}/withdraw/", {"reason": "I was admitted elsewhere."}, follow=True
    )
    assert "is withdrawn" in response.content.decode()
    case.refresh_from_db()
    assert case.state == State.WITHDRAWN and case.days_left() is None
    event = AuditEvent.objects.filter(case_id=case.pk).order_by("-seq").first()
    assert event is not None and event.action == "case.withdraw"
    assert event.new["reason"] == "I was admitted elsewhere." and event.old["state"] == state
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert 'data-kind="case.withdraw"' in page and 'id="withdraw"' not in page


def test_only_the_applicant_withdraws_and_not_after_the_decision(
    client: Client, make_case: MakeCase, users: Users
) -> None:
    case = make_case(State.SUBMITTED)
    with pytest.raises(Forbidden):
        actions.do_withdraw(users["evaluator"], case)
    client.force_login(users["other_applicant"])
    assert client.post(f"/cases/{case.pk}/withdraw/").status_code == 404
    decided = make_case(State.DECIDED)
    with pytest.raises(InvalidTransition):
        actions.do_withdraw(users["applicant"], decided)
    assert Case.objects.get(pk=case.pk).state == State.SUBMITTED


def test_withdrawing_needs_the_csrf_token(make_case: MakeCase, users: Users) -> None:
    case = make_case(State.SUBMITTED)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(users["applicant"])
    assert strict.post(f"/cases/{case.pk}/withdraw/").status_code == 403
    assert Case.objects.get(pk=case.pk).state == State.SUBMITTED


def test_a_withdrawn_draft_never_reaches_the_office(
    client: Client, make_case: MakeCase, users: Users
) -> None:
    case = make_case(State.DRAFT)
    actions.do_withdraw(users["applicant"], case)
    client.force_login(users["evaluator"])
    assert client.get(f"/cases/{case.pk}/").status_code == 404


def test_a_document_is_removed_before_submission_only(
    client: Client, make_case: MakeCase, users: Users, django_capture_on_commit_callbacks: Any
) -> None:
    case = make_case(State.DRAFT)
    document = case.documents.get()
    stored = document.stored_name
    client.force_login(users["applicant"])
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert f'data-remove="{document.pk}"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/cases/{case.pk}/documents/{document.pk}/remove/", follow=True)
    assert "was removed" in response.content.decode()
    assert not Document.objects.filter(pk=document.pk).exists()
    with pytest.raises(Exception):  # noqa: B017 - the stored file is gone too
        open_stored(stored).close()
    event = AuditEvent.objects.filter(case_id=case.pk, action="document.remove").get()
    assert event.old["name"] == "diploma.pdf"
    assert 'data-kind="document.remove"' in client.get(f"/cases/{case.pk}/").content.decode()

    submitted = make_case(State.SUBMITTED)
    kept = submitted.documents.first()
    assert kept is not None
    response = client.post(f"/cases/{submitted.pk}/documents/{kept.pk}/remove/", follow=True)
    assert "only before the application is submitted" in response.content.decode()
    assert Document.objects.filter(pk=kept.pk).exists()
    client.force_login(users["other_applicant"])
    assert client.post(f"/cases/{case.pk}/documents/{kept.pk}/remove/").status_code == 404


def test_the_appeal_deadline_is_shown_after_the_decision(
    client: Client, make_case: MakeCase, users: Users
) -> None:
    case = make_case(State.DECIDED)
    assert case.appeal_deadline is not None
    client.force_login(users["applicant"])
    en = client.get(f"/cases/{case.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"you may appeal until {case.appeal_deadline:%Y-%m-%d}" in en
    ja = client.get(f"/cases/{case.pk}/", HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert f"{case.appeal_deadline:%Y-%m-%d}まで不服申立てができます" in ja


def test_the_timeline_speaks_plainly_in_both_languages(
    client: Client, make_case: MakeCase, users: Users
) -> None:
    case = make_case(State.SUBMITTED)
    client.force_login(users["applicant"])
    en = client.get(f"/cases/{case.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    for kind in ("case.create", "credential.add", "document.add", "case.submit"):
        assert f'data-kind="{kind}"' in en
    assert "You uploaded a document" in en and "passport.pdf" in en and 'id="next-step"' in en
    ja = client.get(f"/cases/{case.pk}/", HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "書類をアップロードしました" in ja and "You uploaded a document" not in ja
