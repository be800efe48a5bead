"""The applicant and the evaluators hear of each step by e-mail, in their language, through real SMTP."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from qualbridge.web.accounts.models import User
from qualbridge.web.cases import actions
from qualbridge.web.cases.models import Case, State
from qualbridge.web.jobs.models import Job, JobState
from qualbridge.web.notifications.events import remember_language
from qualbridge.web.notifications.models import Notification
from qualbridge.web.uploads import store
from tests.web.cases.conftest import pdf_upload
from tests.web.services.conftest import Mailbox, body_of


def _addresses(users: dict[str, User]) -> None:
    for name, user in users.items():
        user.email = f"{name}@example.org"
        user.save(update_fields=["email"])


def test_each_step_of_a_case_reaches_the_applicant_in_japanese(
    smtp: Mailbox,
    users: dict[str, User],
    make_case: Callable[..., Case],
    django_capture_on_commit_callbacks: Any,
) -> None:
    _addresses(users)
    applicant, evaluator, senior = users["applicant"], users["evaluator"], users["senior"]
    remember_language(applicant, "ja")
    case = make_case(State.DRAFT)
    actions.do_add_document(applicant, case, store(pdf_upload("passport.pdf")), "identity")
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_submit(applicant, case)
        actions.do_request_documents(evaluator, case, "卒業証明書の写しを送ってください。")
        request = case.requests.get()
        actions.do_answer_request(applicant, request, "添付しました。")
        actions.do_mark_complete(evaluator, case)
        case.refresh_from_db()
        actions.do_record_delay(evaluator, case, case.deadline + timedelta(days=20), "原本の照会中です。")
        actions.do_draft_decision(evaluator, case, "full", "No substantial difference.")
        actions.do_submit_draft(evaluator, case)
        statement = actions.do_approve(senior, case)
        actions.do_revoke_statement(senior, statement, "発行の誤り")

    mail = smtp.to("applicant@example.org")
    subjects = [str(m["Subject"]) for m in mail]
    assert len(mail) == 5, subjects
    assert all(str(m["Content-Language"]) == "ja" for m in mail)
    submitted, requested, delay, decision, revoked = (body_of(m) for m in mail)
    assert case.reference in subjects[0] and "受け付けました" in subjects[0]
    assert "卒業証明書の写しを送ってください。" in requested
    assert "原本の照会中です。" in delay and str(case.deadline + timedelta(days=20)) in delay
    assert "完全承認" in decision  # the decision in the applicant's language
    assert "発行の誤り" in revoked
    assert all(f"/cases/{case.pk}/" in body for body in (submitted, requested, decision))


def test_an_appeal_is_acknowledged_and_its_decision_told_in_english(
    smtp: Mailbox,
    users: dict[str, User],
    make_case: Callable[..., Case],
    django_capture_on_commit_callbacks: Any,
) -> None:
    _addresses(users)
    case = make_case(State.DECIDED)
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_appeal(users["applicant"], case, "The transcript shows more credits.")
        case.refresh_from_db()
        assessor = case.evaluator
        actions.do_draft_decision(
            assessor, case, "partial", "On appeal: partial.", basis="the first two years of the programme"
        )
        actions.do_submit_draft(assessor, case)
        approver = users["senior2"] if assessor == users["senior"] else users["senior"]
        actions.do_approve(approver, case)
    subjects = [str(m["Subject"]) for m in smtp.to("applicant@example.org")]
    assert subjects == [
        f"[{case.reference}] Your appeal has been received",
        f"[{case.reference}] Your appeal has been decided",
    ]
    decided = body_of(smtp.to("applicant@example.org")[1])
    assert "Partial recognition" in decided
    # the appeal went to another evaluator, who heard of it
    queue = [str(m["Subject"]) for m in smtp.to(f"{_name(users, assessor)}@example.org")]
    assert f"[{case.reference}] An appeal has been assigned to you" in queue


def _name(users: dict[str, User], user: User | None) -> str:
    return next(name for name, u in users.items() if u == user)


def test_evaluators_hear_of_their_queue(
    smtp: Mailbox,
    users: dict[str, User],
    make_case: Callable[..., Case],
    django_capture_on_commit_callbacks: Any,
) -> None:
    _addresses(users)
    case = make_case(State.DRAFT)
    actions.do_add_document(users["applicant"], case, store(pdf_upload("passport.pdf")), "identity")
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_submit(users["applicant"], case)
        actions.do_mark_complete(users["evaluator"], case)
        actions.do_assign(users["senior"], case, users["evaluator2"])
        actions.do_draft_decision(users["evaluator2"], case, "full", "No substantial difference.")
        actions.do_submit_draft(users["evaluator2"], case)
    new_case = f"[{case.reference}] New case in the queue"
    for name in ("evaluator", "evaluator2", "senior", "senior2"):
        assert new_case in [str(m["Subject"]) for m in smtp.to(f"{name}@example.org")], name
    assert f"[{case.reference}] A case has been assigned to you" in [
        str(m["Subject"]) for m in smtp.to("evaluator2@example.org")
    ]
    to_approve = f"[{case.reference}] A draft decision awaits approval"
    assert to_approve in [str(m["Subject"]) for m in smtp.to("senior@example.org")]
    assert to_approve not in [str(m["Subject"]) for m in smtp.to("evaluator2@example.org")]
    assert not smtp.to("admin@example.org") and not smtp.to("other_applicant@example.org")


def test_a_mail_server_that_is_down_leaves_the_job_retrying_and_nothing_lost(
    settings: Any,
    users: dict[str, User],
    make_case: Callable[..., Case],
    django_capture_on_commit_callbacks: Any,
) -> None:
    from tests.web.services.conftest import free_port

    _addresses(users)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(8240), 2
    case = make_case(State.DRAFT)
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_submit(users["applicant"], case)
    notification = Notification.objects.get(kind="submitted", user=users["applicant"])
    assert notification.sent_at is None
    job = Job.objects.get(key=f"notify:{notification.pk}")
    assert job.state == JobState.FAILED and job.attempts == 2 and "Connection" in job.error
    case.refresh_from_db()
    assert case.state == State.SUBMITTED  # the action stands; the mail is what failed, and it says so
