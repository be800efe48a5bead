"""Every case transition through the actions layer, allowed and forbidden, with its audit event."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from qualbridge.web.accounts.models import User
from qualbridge.web.audit.chain import verify_chain
from qualbridge.web.audit.models import AuditEvent
from qualbridge.web.cases import actions
from qualbridge.web.cases.errors import Forbidden, InvalidTransition
from qualbridge.web.cases.models import Case, Finding, State, Statement
from qualbridge.web.trust.did import site_trust_list

from .conftest import pdf_upload

pytestmark = pytest.mark.django_db
Users = dict[str, User]
MakeCase = Callable[..., Case]


def events(case: Case) -> list[str]:
    return list(AuditEvent.objects.filter(case_id=case.pk).values_list("action", flat=True))


def test_add_months_clamps_to_month_end() -> None:
    assert actions.add_months(date(2026, 10, 31), 4) == date(2027, 2, 28)
    assert actions.add_months(date(2026, 1, 15), 4) == date(2026, 5, 15)


def test_full_path_writes_one_event_per_change_and_the_chain_verifies(make_case: MakeCase) -> None:
    case = make_case(State.DECIDED)
    assert case.state == State.DECIDED
    assert events(case) == [
        "case.create",
        "credential.add",
        "document.add",
        "document.add",  # the identity document the fixture adds (needed to start the assessment)
        "case.submit",
        "case.complete",
        "decision.draft",
        "decision.submit",
        "decision.approve",
        "statement.issue",
    ]
    submit = AuditEvent.objects.get(case_id=case.pk, action="case.submit")
    assert submit.old["state"] == "draft" and submit.new["state"] == "submitted"
    assert submit.actor_name == "ana"
    assert verify_chain() == []


def test_complete_file_starts_the_clock_and_prefills_findings(make_case: MakeCase, users: Users) -> None:
    case = make_case(State.SUBMITTED)
    actions.do_mark_complete(users["evaluator"], case, today=date(2026, 11, 28))
    case.refresh_from_db()
    assert case.complete_at is not None and case.deadline is not None
    assert date(2026, 11, 28) < case.deadline <= date(2027, 3, 28)
    assert case.evaluator == users["evaluator"]
    level = Finding.objects.get(case=case, element="level")
    assert level.engine_text and level.text == level.engine_text
    assert Finding.objects.filter(case=case).count() == 5


def test_submit_needs_a_credential_and_a_document(users: Users, office: object) -> None:
    case = actions.do_create_case(users["applicant"], office, "employment")  # type: ignore[arg-type]
    with pytest.raises(InvalidTransition):
        actions.do_submit(users["applicant"], case)
    assert Case.objects.get(pk=case.pk).state == State.DRAFT


def test_only_the_owner_changes_an_applicant_case(make_case: MakeCase, users: Users) -> None:
    case = make_case(State.DRAFT)
    for who in ("other_applicant", "evaluator", "senior", "admin"):
        with pytest.raises(Forbidden):
            actions.do_submit(users[who], case)
    with pytest.raises(Forbidden):
        actions.do_add_credential(users["other_applicant"], case, title="x", country="JP", institution="y")


def test_staff_only_transitions_refuse_applicants_and_admins(make_case: MakeCase, users: Users) -> None:
    case = make_case(State.SUBMITTED)
    for who in ("applicant", "admin"):
        with pytest.raises(Forbidden):
            actions.do_mark_complete(users[who], case)
        with pytest.raises(Forbidden):
            actions.do_request_documents(users[who], case, "send more")
    assert Case.objects.get(pk=case.pk).state == State.SUBMITTED


def test_document_request_and_answer_round_trip(make_case: MakeCase, users: Users) -> None:
    case = make_case(State.AWAITING_DOCUMENTS)
    assert case.state == State.AWAITING_DOCUMENTS
    with pytest.raises(InvalidTransition):
        actions.do_mark_complete(users["evaluator"], case)
    request = case.requests.get()
    with pytest.raises(InvalidTransition):
        actions.do_answer_request(users["applicant"], request, "")
    from qualbridge.web.uploads import store

    actions.do_add_document(
        users["applicant"], case, store(pdf_upload("t.pdf")), "transcript", request=request
    )
    actions.do_answer_request(users["applicant"], request, "Here it is.")
    assert Case.objects.get(pk=case.pk).state == State.SUBMITTED
    with pytest.raises(InvalidTransition):
        actions.do_answer_request(users["applicant"], request, "again")


def test_wrong_state_is_refused_and_changes_nothing(make_case: MakeCase, users: Users) -> None:
    case = make_case(State.DRAFT)
    before = AuditEvent.objects.count()
    with pytest.raises(InvalidTransition):
        actions.do_mark_complete(users["evaluator"], case)
    with pytest.raises(InvalidTransition):
        actions.do_approve(users["senior"], case)
    with pytest.raises(InvalidTransition):
        actions.do_appeal(users["applicant"], case, "why")
    assert AuditEvent.objects.count() == before


def test_senior_cannot_approve_or_return_their_own_draft(make_case: MakeCase, users: Users) -> None:
    case = make_case(State.IN_ASSESSMENT)
    actions.do_draft_decision(users["senior"], case, "partial", "Workload shortfall.", "The first 100 tani.")
    actions.do_submit_draft(users["senior"], case)
    with pytest.raises(Forbidden):
        actions.do_approve(users["senior"], case)
    with pytest.raises(Forbidden):
        actions.do_return_draft(users["senior"], case, "no")
    assert Case.objects.get(pk=case.pk).state == State.PENDING_APPROVAL
    actions.do_approve(users["senior2"], case)
    assert Case.objects.get(pk=case.pk).state == State.DECIDED


def test_evaluator_cannot_approve(make_case: MakeCase, users: Users) -> None:
    case = make_case(State.PENDING_APPROVAL)
    for who in ("evaluator", "evaluator2", "admin", "applicant"):
        with pytest.raises(Forbidden):
            actions.do_approve(users[who], case)
    assert not Statement.objects.filter(case=case).exists()


def test_return_sends_the_draft_back_with_a_note(make_case: MakeCase, users: Users) -> None:
    case = make_case(State.PENDING_APPROVAL)
    with pytest.raises(InvalidTransition):
        actions.do_return_draft(users["senior"], case, " ")
    actions.do_return_draft(users["senior"], case, "Reasons too short.")
    case.refresh_from_db()
    assert case.state == State.IN_ASSESSMENT and case.return_note == "Reasons too short."


def test_only_the_assigned_evaluator_edits_findings(make_case: MakeCase, users: Users) -> None:
    case = make_case(State.IN_ASSESSMENT)
    finding = Finding.objects.filter(case=case).first()
    assert finding is not None
    with pytest.raises(Forbidden):
        actions.do_edit_finding(users["evaluator2"], finding, "x", False, "because")
    with pytest.raises(InvalidTransition):
        actions.do_edit_finding(users["evaluator"], finding, "x", False, "")
    actions.do_edit_finding(users["evaluator"], finding, "Comparable.", False, "Same level.")
    event = AuditEvent.objects.filter(action="finding.edit").get()
    assert event.new["text"] == "Comparable." and event.old["text"] == finding.text


def test_delay_needs_a_reason_and_a_later_deadline(make_case: MakeCase, users: Users) -> None:
    case = make_case(State.IN_ASSESSMENT)
    assert case.deadline is not None
    later = case.deadline + timedelta(days=30)
    with pytest.raises(InvalidTransition):
        actions.do_record_delay(users["evaluator"], case, later, "")
    with pytest.raises(InvalidTransition):
        actions.do_record_delay(users["evaluator"], case, case.deadline, "reason")
    actions.do_record_delay(users["evaluator"], case, later, "Waiting for the university's reply.")
    assert Case.objects.get(pk=case.pk).deadline == later


def test_approval_issues_a_signed_statement_that_verifies(make_case: MakeCase) -> None:
    from qualbridge.statements.verify import verify_credential
    from qualbridge.web.cases.issuance import signed_status_list, status_list_url

    case = make_case(State.DECIDED)
    statement = case.statements.get()
    url = status_list_url(case.office)
    result = verify_credential(
        statement.signed, trust=site_trust_list(), resolve_status={url: signed_status_list(case.office)}.get
    )
    assert result.ok, result.to_json()
    assert statement.signed["credentialSubject"]["caseReference"] == case.reference


def test_revocation_is_reflected_in_the_status_list(make_case: MakeCase, users: Users) -> None:
    from qualbridge.statements.verify import verify_credential
    from qualbridge.web.cases.issuance import signed_status_list, status_list_url

    case = make_case(State.DECIDED)
    statement = case.statements.get()
    with pytest.raises(Forbidden):
        actions.do_revoke_statement(users["evaluator"], statement, "error")
    actions.do_revoke_statement(users["senior"], statement, "Issued in error.")
    url = status_list_url(case.office)
    result = verify_credential(
        statement.signed, trust=site_trust_list(), resolve_status={url: signed_status_list(case.office)}.get
    )
    assert not result.ok
    assert [f.check for f in result.failed] == ["status"]


def test_appeal_goes_to_another_evaluator_within_the_window(make_case: MakeCase, users: Users) -> None:
    case = make_case(State.DECIDED)
    assert case.appeal_deadline is not None
    with pytest.raises(InvalidTransition):
        actions.do_appeal(users["applicant"], case, "late", today=case.appeal_deadline + timedelta(days=1))
    with pytest.raises(InvalidTransition):
        actions.do_appeal(users["applicant"], case, "   ")
    actions.do_appeal(users["applicant"], case, "New evidence of credits.")
    case.refresh_from_db()
    assert case.state == State.APPEALED
    assert case.first_evaluator == users["evaluator"]
    assert case.evaluator is not None and case.evaluator != users["evaluator"]
    with pytest.raises(Forbidden):
        actions.do_assign(users["senior"], case, users["evaluator"])
    finding = Finding.objects.filter(case=case).first()
    assert finding is not None
    with pytest.raises(Forbidden):
        actions.do_edit_finding(users["evaluator"], finding, "x", False, "y")


def test_decision_on_appeal_supersedes_the_first_statement(make_case: MakeCase, users: Users) -> None:
    case = make_case(State.APPEALED)
    evaluator = case.evaluator
    assert evaluator is not None
    actions.do_draft_decision(evaluator, case, "partial", "Reconsidered on appeal.", "Three years of study.")
    actions.do_submit_draft(evaluator, case)
    approver = users["senior2"] if evaluator == users["senior"] else users["senior"]
    actions.do_approve(approver, case)
    statements = list(Statement.objects.filter(case=case).order_by("id"))
    assert len(statements) == 2
    assert statements[0].revoked_at is not None and statements[1].revoked_at is None


def test_other_office_staff_cannot_touch_the_case(make_case: MakeCase, other_office: object) -> None:
    from qualbridge.web.accounts.models import Role

    case = make_case(State.SUBMITTED)
    stranger = User.objects.create_user("zed", password="x" * 12, role=Role.SENIOR, office=other_office)
    with pytest.raises(Forbidden):
        actions.do_mark_complete(stranger, case)


def test_a_failing_action_rolls_back_its_audit_event(
    make_case: MakeCase, users: Users, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = make_case(State.PENDING_APPROVAL)
    before = AuditEvent.objects.count()

    def boom(case: Case) -> Statement:
        raise RuntimeError("signing failed")

    monkeypatch.setattr("qualbridge.web.cases.issuance.issue_statement", boom)
    with pytest.raises(RuntimeError):
        actions.do_approve(users["senior"], case)
    assert Case.objects.get(pk=case.pk).state == State.PENDING_APPROVAL
    assert AuditEvent.objects.count() == before
    assert verify_chain() == []
