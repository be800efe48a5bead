"""Background work: enqueued after commit, idempotent, retried with back-off, visible to staff."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client

from qualbridge.web.accounts.models import User
from qualbridge.web.cases.issuance import signed_status_list as published_status_list
from qualbridge.web.cases.models import Case, State, Statement
from qualbridge.web.jobs import queue
from qualbridge.web.jobs.models import Job, JobState, StatementFile
from qualbridge.web.jobs.queue import backoff, enqueue, job_task, send_unsent
from qualbridge.web.jobs.tasks import render_statement
from qualbridge.web.trust.models import PublishedStatusList

CALLS: list[int] = []


@job_task("test_flaky", max_retries=3)
def flaky(job: Job, fail_times: int) -> dict[str, Any]:
    CALLS.append(job.attempts)
    if job.attempts <= fail_times:
        raise ConnectionError("the service is away")
    return {"attempts": job.attempts}


def test_a_job_is_sent_only_when_its_transaction_commits(
    db: None, django_capture_on_commit_callbacks: Any
) -> None:
    CALLS.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                enqueue(flaky, 0, key="rolled-back")
                raise RuntimeError("the action failed")
        except RuntimeError:
            pass
    assert not callbacks and not Job.objects.filter(key="rolled-back").exists() and not CALLS
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        job = enqueue(flaky, 0, key="committed")
        again = enqueue(flaky, 0, key="committed")  # the same work: the same job, sent once
    assert again.pk == job.pk and len(callbacks) == 1
    job.refresh_from_db()
    assert job.state == JobState.SUCCEEDED and job.sent_at is not None and CALLS == [1]
    flaky.apply(args=[str(job.pk), 0])  # a redelivered message does nothing twice
    assert CALLS == [1]


def test_a_failing_job_is_retried_and_its_state_recorded(db: None) -> None:
    CALLS.clear()
    job = Job.objects.create(task=flaky.name, key="flaky", args=[1])
    flaky.apply(args=[str(job.pk), 1])  # in the request: one immediate retry
    job.refresh_from_db()
    assert job.state == JobState.SUCCEEDED and job.attempts == 2 and job.result == {"attempts": 2}
    hopeless = Job.objects.create(task=flaky.name, key="hopeless", args=[9])
    flaky.apply(args=[str(hopeless.pk), 9])
    hopeless.refresh_from_db()
    assert hopeless.state == JobState.FAILED and "ConnectionError: the service is away" in hopeless.error
    assert [backoff(n) for n in range(3)] == [5, 10, 20]


def test_a_job_that_never_reached_the_broker_is_sent_again(
    db: None, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    CALLS.clear()

    def broker_down(*args: Any, **kwargs: Any) -> None:
        raise ConnectionRefusedError("broker down")

    monkeypatch.setattr(flaky, "apply_async", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        job = enqueue(flaky, 0, key="unsent")
    job.refresh_from_db()
    assert job.state == JobState.QUEUED and job.sent_at is None  # kept, not lost
    monkeypatch.undo()
    Job.objects.filter(pk=job.pk).update(created_at=job.created_at.replace(year=2000))
    assert send_unsent() == 1
    job.refresh_from_db()
    assert job.state == JobState.SUCCEEDED and CALLS == [1]


def test_approval_renders_the_statement_and_publishes_the_status_list(
    make_case: Callable[..., Case], users: dict[str, User], django_capture_on_commit_callbacks: Any
) -> None:
    from qualbridge.web.cases import actions

    case = make_case(State.PENDING_APPROVAL)
    with django_capture_on_commit_callbacks(execute=True):
        statement = actions.do_approve(users["senior"], case)
    rendered = StatementFile.objects.get(statement=statement)
    client = Client()
    client.force_login(users["applicant"])
    pdf = client.get(f"/cases/{case.pk}/statement.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    import hashlib

    assert hashlib.sha256(pdf.content).hexdigest() == rendered.sha256  # served as the worker rendered it
    published = PublishedStatusList.objects.get(office=case.office)
    assert published_status_list(case.office) == published.signed
    # running the render again (a retry after a crash) keeps the one file
    job = Job.objects.get(key=f"render-statement:{statement.pk}")
    Job.objects.filter(pk=job.pk).update(state=JobState.RUNNING)
    render_statement.apply(args=[str(job.pk), statement.pk])
    assert StatementFile.objects.filter(statement=statement).count() == 1


def test_a_revocation_is_never_hidden_by_a_stale_published_list(
    make_case: Callable[..., Case], users: dict[str, User], django_capture_on_commit_callbacks: Any
) -> None:
    from qualbridge.statements.statuslist import StatusList
    from qualbridge.web.cases import actions

    case = make_case(State.DECIDED)
    statement = Statement.objects.get(case=case)
    published_status_list(case.office)
    with transaction.atomic():  # the revocation's jobs are never sent (the worker is behind)
        actions.do_revoke_statement(users["senior"], statement, "issued in error")
    listed = Client().get(f"/status/{case.office.slug}/revocation").json()
    bits = StatusList.decode(listed["credentialSubject"]["encodedList"])
    assert bits.get(statement.status_index)


def test_staff_see_their_office_jobs_and_applicants_none(
    make_case: Callable[..., Case], users: dict[str, User], other_office: Any
) -> None:
    make_case(State.DECIDED)
    job = Job.objects.get(task="qualbridge.render_statement")
    client = Client()
    client.force_login(users["evaluator"])
    page = client.get("/staff/jobs/")
    assert page.status_code == 200 and "qualbridge.render_statement" in page.content.decode()
    detail = client.get(f"/staff/jobs/{job.pk}/?format=json").json()
    assert detail["state"] == "queued" and detail["task"] == "qualbridge.render_statement"
    client.force_login(users["applicant"])
    assert client.get("/staff/jobs/").status_code == 404
    assert client.get(f"/staff/jobs/{job.pk}/").status_code == 404
    outsider = User.objects.create_user("olga", password="x" * 12, role="evaluator", office=other_office)
    client.force_login(outsider)
    assert client.get(f"/staff/jobs/{job.pk}/").status_code == 404
    assert client.get("/staff/jobs/not-a-uuid/").status_code == 404


def test_a_transcript_file_is_converted_in_the_background_with_progress(
    users: dict[str, User], monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    from qualbridge.web.jobs import batch

    monkeypatch.setattr(batch, "PROGRESS_EVERY", 10)
    seen: list[tuple[int, int | None]] = []
    real = queue.progress

    def spy(job: Job, done: int, total: int | None = None) -> None:
        seen.append((done, total))
        real(job, done, total)

    monkeypatch.setattr(batch, "progress", spy)
    rows = "name,credits,grade\n" + "".join(f"Course {i},2,{'SABC'[i % 4]}\n" for i in range(40))
    client = Client()
    client.force_login(users["evaluator"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/staff/batch/transcript/",
            {"file": SimpleUploadedFile("t.csv", rows.encode()), "from": "jp-s-f", "to": "ehea-ects"},
        )
    assert response.status_code == 302
    job = Job.objects.get(task="qualbridge.convert_transcript")
    assert job.state == JobState.SUCCEEDED and job.result["summary"]["converted"] == 40
    assert seen[0] == (0, 41) and (10, None) in seen and (30, None) in seen and seen[-1] == (41, 41)
    page = client.get(response["Location"]).content.decode()
    assert 'value="41"' in page and "40 / 40" in page
    result = client.get(f"/staff/jobs/{job.pk}/result.json").json()
    assert len(result["courses"]) == 40
    bad = client.post(
        "/staff/batch/transcript/",
        {"file": SimpleUploadedFile("t.csv", b"x"), "from": "nope", "to": "ehea-ects"},
    )
    assert bad.status_code == 400 and "nope" in bad.content.decode()


def test_the_nightly_checkpoint_signs_the_chain_and_fails_on_a_broken_one(
    make_case: Callable[..., Case], django_capture_on_commit_callbacks: Any
) -> None:
    from qualbridge.web.audit.models import AuditCheckpoint, AuditEvent
    from qualbridge.web.jobs.tasks import nightly_audit_checkpoint

    case = make_case(State.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        job_id = nightly_audit_checkpoint.apply().get()
    job = Job.objects.get(pk=job_id)
    assert job.state == JobState.SUCCEEDED and job.key.startswith("audit-checkpoint:")
    head = AuditEvent.objects.order_by("-seq").first()
    assert head is not None
    assert job.result["signed"] == [{"office": case.office.slug, "seq": head.seq, "hash": head.hash}]
    assert AuditCheckpoint.objects.filter(seq=head.seq).exists()
    AuditEvent.objects.filter(seq=1).update(action="case.tampered")
    Job.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        job_id = nightly_audit_checkpoint.apply().get()
    broken = Job.objects.get(pk=job_id)
    assert broken.state == JobState.FAILED and "the audit chain is broken" in broken.error
