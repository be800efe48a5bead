"""The background tasks: statements, status lists, batch transcripts, the audit checkpoint, the sweep.

Each is idempotent: run twice (a redelivered message, a retry after a crash) it leaves the same
result, because it first looks whether its work is already there.
"""

from __future__ import annotations

import hashlib
from typing import Any

from celery import shared_task
from django.core.files.base import ContentFile
from django.utils import timezone

from qualbridge.web.jobs.models import Job, StatementFile
from qualbridge.web.jobs.queue import PermanentFailure, enqueue, job_task, send_unsent
from qualbridge.web.storage import upload_storage


@job_task("render_statement")
def render_statement(job: Job, statement_id: int) -> dict[str, Any]:
    """Render an issued statement's PDF once and keep it in the shared storage."""
    from qualbridge.web.cases.models import Statement
    from qualbridge.web.cases.pdf import statement_pdf_bytes

    statement = Statement.objects.filter(pk=statement_id).select_related("case").first()
    if statement is None:
        raise PermanentFailure(f"statement {statement_id} does not exist")
    existing = StatementFile.objects.filter(statement=statement).first()
    if existing is not None:
        return {"stored_name": existing.stored_name, "already": True}
    pdf = statement_pdf_bytes(statement)
    digest = hashlib.sha256(pdf).hexdigest()
    name = upload_storage().save(f"statements/{statement.pk}-{digest[:16]}.pdf", ContentFile(pdf))
    rendered, _ = StatementFile.objects.get_or_create(
        statement=statement, defaults={"stored_name": name, "sha256": digest, "size": len(pdf)}
    )
    if rendered.stored_name != name:  # another run got there first: keep one file
        upload_storage().delete(name)
    return {"stored_name": rendered.stored_name, "size": rendered.size, "sha256": rendered.sha256}


@job_task("publish_status_list")
def publish_status_list(job: Job, office_id: int) -> dict[str, Any]:
    """Sign the office's revocation list and keep it, so requests serve it without signing."""
    from qualbridge.web.accounts.models import Office
    from qualbridge.web.cases.issuance import signed_status_list

    office = Office.objects.filter(pk=office_id).first()
    if office is None:
        raise PermanentFailure(f"office {office_id} does not exist")
    published = signed_status_list(office)  # signed and cached once, served as stored
    return {
        "office": office.slug,
        "valid_from": published.get("validFrom"),
        "valid_until": published.get("validUntil"),
    }


@job_task("audit_checkpoint")
def audit_checkpoint(job: Job) -> dict[str, Any]:
    """The nightly audit-chain checkpoint: the chain and earlier checkpoints verified, then every office
    signs the current head (:func:`qualbridge.web.audit.anchors.make_checkpoints`). A broken chain fails
    the job, for staff to see, and nothing is signed over it."""
    from qualbridge.web.audit.anchors import checkpoint_problems, make_checkpoints
    from qualbridge.web.audit.chain import verify_chain

    problems = [f"event {p.seq}: {p.message}" for p in verify_chain()]
    problems += [str(p) for p in checkpoint_problems()]
    if problems:
        raise PermanentFailure(
            f"the audit chain is broken ({len(problems)} problems): {'; '.join(problems[:10])}"
        )
    made, skipped = make_checkpoints()
    return {
        "signed": [{"office": cp.office, "seq": cp.seq, "hash": cp.hash} for cp in made],
        "not_signed": skipped,
    }


@shared_task(name="qualbridge.nightly_audit_checkpoint")
def nightly_audit_checkpoint() -> str:
    """Scheduled by ``celery beat``: one checkpoint job per day (enqueuing it twice is harmless)."""
    job = enqueue(audit_checkpoint, key=f"audit-checkpoint:{timezone.now():%Y-%m-%d}")
    return str(job.pk)


@shared_task(name="qualbridge.send_unsent_jobs")
def send_unsent_jobs() -> int:
    """Scheduled by ``celery beat``: jobs whose message never reached the broker are sent again."""
    return send_unsent()


from qualbridge.web.jobs.batch import convert_transcript  # noqa: E402, F401  (registers the batch task)
from qualbridge.web.jobs.institutions import import_institutions  # noqa: E402, F401  (and the import task)
