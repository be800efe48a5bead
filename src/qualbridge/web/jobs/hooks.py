"""Background work caused by case events: each audit event of an issue or revocation enqueues it.

Every change of case state writes its audit event inside its transaction
(:func:`qualbridge.web.audit.chain.record`), so listening to new events hooks the background work to
the casework without touching the actions: the jobs are written in the same transaction and sent
after it commits.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from qualbridge.web.audit.models import AuditEvent
from qualbridge.web.cases.actions.events import AuditAction

#: the events that change what an office's statements and status list say
STATEMENT_EVENTS = (AuditAction.STATEMENT_ISSUE, AuditAction.STATEMENT_REVOKE)


@receiver(post_save, sender=AuditEvent, dispatch_uid="qualbridge.jobs.on_audit_event")
def on_audit_event(sender: Any, instance: AuditEvent, created: bool, **kwargs: Any) -> None:
    if not created or kwargs.get("raw") or instance.action not in STATEMENT_EVENTS:
        return
    from qualbridge.web.cases.models import Case
    from qualbridge.web.jobs.queue import enqueue_for_case
    from qualbridge.web.jobs.tasks import publish_status_list, render_statement

    case = Case.objects.filter(pk=instance.case_id).select_related("office").first()
    if case is None:
        return
    if instance.action == AuditAction.STATEMENT_ISSUE:
        key = f"render-statement:{instance.object_id}"
        enqueue_for_case(render_statement, int(instance.object_id), key=key, case=case, actor=instance.actor)
    key = f"status-list:{case.office_id}:{instance.seq}"
    enqueue_for_case(publish_status_list, case.office_id, key=key, case=case, actor=instance.actor)
