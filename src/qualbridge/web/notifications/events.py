"""Which case events notify whom: the applicant for their case's steps, evaluators for their queue.

:func:`on_audit_event` runs for each new audit event inside the action's transaction, writes one
notification per recipient and enqueues its sending (sent after the commit). The applicant's language
is remembered from the requests they make (:func:`remember_language`).
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import translation

from qualbridge.web.audit.models import AuditEvent
from qualbridge.web.logs import current_request_id

log = logging.getLogger("qualbridge.notifications")

#: audit action -> what the applicant is told
APPLICANT_KINDS = {
    "case.submit": "submitted",
    "request.create": "documents_requested",
    "case.delay": "delay",
    "statement.issue": "decision",
    "statement.revoke": "revocation",
    "appeal.submit": "appeal_lodged",
}
#: audit action -> what evaluators are told about their queue
STAFF_KINDS = {
    "case.submit": "queue_new_case",
    "case.documents_received": "queue_documents_received",
    "case.assign": "queue_assigned",
    "decision.submit": "queue_draft_to_approve",
    "decision.return": "queue_draft_returned",
    "case.appeal": "queue_appeal",
}


def language_of(user: Any) -> str:
    from qualbridge.web.notifications.models import Preference

    found = Preference.objects.filter(user=user).values_list("language", flat=True).first()
    return found or settings.LANGUAGE_CODE


def remember_language(user: Any, language: str | None) -> None:
    from qualbridge.web.notifications.models import Preference

    code = (language or "").split("-")[0]
    if code in dict(settings.LANGUAGES) and getattr(user, "pk", None):
        Preference.objects.update_or_create(user=user, defaults={"language": code})


@receiver(user_logged_in, dispatch_uid="qualbridge.notifications.login_language")
def _login_language(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    remember_language(user, getattr(request, "LANGUAGE_CODE", None))


def _staff_recipients(kind: str, case: Any, event: AuditEvent) -> list[Any]:
    from qualbridge.web.accounts.models import Role, User

    office_staff = User.objects.filter(office=case.office, is_active=True)
    if kind == "queue_new_case":
        return list(office_staff.filter(role__in=(Role.EVALUATOR, Role.SENIOR)))
    if kind == "queue_draft_to_approve":
        return list(office_staff.filter(role=Role.SENIOR).exclude(pk=case.drafted_by_id))
    if kind == "queue_documents_received" and case.evaluator is None:
        return list(office_staff.filter(role__in=(Role.EVALUATOR, Role.SENIOR)))
    return [case.evaluator] if case.evaluator is not None else []


def _context(case: Any, event: AuditEvent) -> dict[str, Any]:
    from qualbridge.web.cases.issuance import public_url

    new = event.new or {}
    return {
        "reference": case.reference,
        "url": public_url(reverse("cases:detail", args=[case.pk])),
        "office_en": case.office.name_en,
        "office_ja": case.office.name_ja,
        "text": str(new.get("text") or new.get("reason") or new.get("reasons") or ""),
        "deadline": str(new.get("deadline") or case.deadline or ""),
        "decision": case.decision,
        "appeal_deadline": str(case.appeal_deadline or ""),
        "on_appeal": case.appeals.exists(),
        "actor": event.actor_name,
    }


@receiver(post_save, sender=AuditEvent, dispatch_uid="qualbridge.notifications.on_audit_event")
def on_audit_event(sender: Any, instance: AuditEvent, created: bool, **kwargs: Any) -> None:
    applicant_kind = APPLICANT_KINDS.get(instance.action)
    staff_kind = STAFF_KINDS.get(instance.action)
    if not created or kwargs.get("raw") or not (applicant_kind or staff_kind) or instance.case_id is None:
        return
    from qualbridge.web.cases.models import Case, State

    case = Case.objects.filter(pk=instance.case_id).select_related("office", "applicant").first()
    if case is None:
        return
    if instance.actor_id == case.applicant_id and current_request_id() != "-":  # in the applicant's request
        remember_language(case.applicant, translation.get_language())
    context = _context(case, instance)
    if applicant_kind == "revocation" and case.state == State.PENDING_APPROVAL:
        applicant_kind = None  # superseded by the approval on appeal, which is told as the appeal's decision
    if applicant_kind == "decision" and context["on_appeal"]:
        applicant_kind = "appeal_decided"
    if applicant_kind:
        _notify(applicant_kind, case.applicant, case, instance, context)
    if staff_kind:
        for person in _staff_recipients(staff_kind, case, instance):
            if person.pk != instance.actor_id:
                _notify(staff_kind, person, case, instance, context)


def _notify(kind: str, user: Any, case: Any, event: AuditEvent, context: dict[str, Any]) -> None:
    from qualbridge.web.jobs.queue import enqueue_for_case
    from qualbridge.web.notifications.models import Notification
    from qualbridge.web.notifications.tasks import send_notification

    if not user.email:
        log.info("no e-mail address for %s: %s of case %s not sent", user.username, kind, case.reference)
        return
    notification, created = Notification.objects.get_or_create(
        event_seq=event.seq,
        kind=kind,
        user=user,
        defaults={"to": user.email, "language": language_of(user), "case": case, "context": context},
    )
    if created:
        key = f"notify:{notification.pk}"
        enqueue_for_case(send_notification, notification.pk, key=key, case=case, actor=event.actor)
