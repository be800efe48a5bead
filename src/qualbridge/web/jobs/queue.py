"""Enqueue work after the transaction commits; run it idempotently with retries and recorded state.

:func:`enqueue` writes the job row inside the caller's transaction and sends the task with
``transaction.on_commit``. :func:`job_task` turns a function ``f(job, *args)`` into a Celery task that
marks its job running, done or failed, skips a job already done (a redelivered message does nothing
twice) and retries a failure with exponential back-off. :func:`send_unsent` sends again the jobs whose
message never reached the broker (the server died or the broker was down right after the commit).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from qualbridge.web.jobs.celery_app import app
from qualbridge.web.jobs.models import Job, JobState
from qualbridge.web.logs import current_request_id, request_id_var

log = logging.getLogger("qualbridge.jobs")

MAX_RETRIES = 5
#: seconds before the first retry; doubled each time, at most BACKOFF_MAX
BACKOFF_FIRST = 5
BACKOFF_MAX = 600


class PermanentFailure(Exception):
    """A task failure that retrying cannot mend (e.g. the record is gone): fail at once."""


def backoff(retries: int) -> int:
    """Seconds to wait before retry number ``retries + 1``.

    >>> [backoff(n) for n in range(8)]
    [5, 10, 20, 40, 80, 160, 320, 600]
    """
    return min(BACKOFF_MAX, BACKOFF_FIRST * 2**retries)


def enqueue(
    task: Any,
    *args: Any,
    key: str,
    case_id: int | None = None,
    office: Any = None,
    actor: Any = None,
    total: int | None = None,
) -> Job:
    """The job for ``key`` (created with the caller's transaction), sent once that commits."""
    job, created = Job.objects.get_or_create(
        key=key,
        defaults={
            "task": task.name,
            "args": list(args),
            "case_id": case_id,
            "office": office,
            "created_by": actor if getattr(actor, "pk", None) else None,
            "total": total,
            "request_id": current_request_id() if current_request_id() != "-" else "",
        },
    )
    if created:
        transaction.on_commit(lambda: send(job.pk), robust=True)
    return job


def enqueue_for_case(task: Any, *args: Any, key: str, case: Any, actor: Any) -> Job:
    """A job caused by an event of ``case``: listed with the case and its office, done for ``actor``."""
    return enqueue(task, *args, key=key, case_id=case.pk, office=case.office, actor=actor)


def send(job_id: Any) -> None:
    """Hand the job to the broker (or, without one, run it now)."""
    job = Job.objects.get(pk=job_id)
    try:
        app.tasks[job.task].apply_async(args=[str(job.pk), *job.args], task_id=str(job.pk))
    except Exception:  # the broker is down: the job stays unsent and the sweep sends it again
        log.warning("job %s (%s) could not be sent to the broker", job.pk, job.task, exc_info=True)
        return
    Job.objects.filter(pk=job.pk, sent_at=None).update(sent_at=timezone.now())


def send_unsent(older_than: timedelta = timedelta(seconds=30)) -> int:
    """Send the queued jobs that never reached the broker; the number sent."""
    cutoff = timezone.now() - older_than
    stale = list(
        Job.objects.filter(state=JobState.QUEUED, sent_at=None, created_at__lt=cutoff).values_list(
            "pk", flat=True
        )[:500]
    )
    for pk in stale:
        send(pk)
    return len(stale)


def progress(job: Job, done: int, total: int | None = None) -> None:
    """Record how far a long job has come (read by its web page)."""
    job.done = done
    fields: dict[str, Any] = {"done": done}
    if total is not None:
        job.total = fields["total"] = total
    Job.objects.filter(pk=job.pk).update(**fields)


def _start(job_id: str) -> Job | None:
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.state == JobState.SUCCEEDED:
            return None
        job.state, job.attempts, job.started_at = JobState.RUNNING, job.attempts + 1, timezone.now()
        job.save(update_fields=["state", "attempts", "started_at"])
        return job


def _finish(job: Job, state: str, **fields: Any) -> None:
    values = {"state": state, **fields}
    if state in (JobState.SUCCEEDED, JobState.FAILED):
        values["finished_at"] = timezone.now()
    Job.objects.filter(pk=job.pk).update(**values)


def job_task(name: str, max_retries: int = MAX_RETRIES) -> Callable[[Callable[..., Any]], Any]:
    """Register ``f(job, *args) -> dict | None`` as the Celery task ``qualbridge.<name>``."""

    def decorate(fn: Callable[..., Any]) -> Any:
        @shared_task(bind=True, name=f"qualbridge.{name}", max_retries=max_retries)
        def run(self: Any, job_id: str, *args: Any) -> str:
            job = _start(job_id)
            if job is None:
                return "skipped"
            token = request_id_var.set(job.request_id or f"job-{job_id[:8]}")
            try:
                result = fn(job, *args)
            except Exception as exc:
                error = f"{type(exc).__name__}: {exc}"
                # in the request (no broker) one immediate retry; a worker retries later, with back-off
                limit = 1 if self.request.is_eager else self.max_retries
                if isinstance(exc, PermanentFailure) or self.request.retries >= limit:
                    log.error("job %s (%s) failed: %s", job_id, name, error, extra={"job": job_id})
                    _finish(job, JobState.FAILED, error=error + "\n" + traceback.format_exc(limit=5))
                    return "failed"
                log.warning("job %s (%s) will be retried: %s", job_id, name, error, extra={"job": job_id})
                _finish(job, JobState.RETRYING, error=error)
                raise self.retry(exc=exc, countdown=backoff(self.request.retries)) from None
            finally:
                request_id_var.reset(token)
            _finish(job, JobState.SUCCEEDED, result=result or {}, error="")
            return "done"

        run.job_function = fn
        return run

    return decorate
