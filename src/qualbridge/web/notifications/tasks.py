"""Sending one notification: its templates in the recipient's language, through Django's mail."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation

from qualbridge.web.jobs.models import Job
from qualbridge.web.jobs.queue import PermanentFailure, job_task


def render(kind: str, language: str, context: dict[str, Any]) -> tuple[str, str]:
    """(subject, body) of a notification; the template's first line is the subject."""
    from qualbridge.web.cases.models import Decision

    lang = language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    with translation.override(lang):
        decision = context.get("decision")
        extra = {"decision_label": str(Decision(decision).label) if decision in Decision.values else ""}
        text = render_to_string(f"notifications/{lang}/{kind}.txt", {**context, **extra})
    subject, _, body = text.strip().partition("\n")
    return subject.strip(), body.strip() + "\n"


@job_task("send_notification")
def send_notification(job: Job, notification_id: int) -> dict[str, Any]:
    from qualbridge.web.notifications.models import Notification

    notification = Notification.objects.filter(pk=notification_id).first()
    if notification is None:
        raise PermanentFailure(f"notification {notification_id} does not exist")
    if notification.sent_at is not None:
        return {"to": notification.to, "already": True}
    subject, body = render(notification.kind, notification.language, notification.context)
    message = EmailMessage(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [notification.to],
        headers={"Auto-Submitted": "auto-generated", "Content-Language": notification.language},
    )
    message.send(fail_silently=False)
    Notification.objects.filter(pk=notification.pk).update(sent_at=timezone.now())
    return {"to": notification.to, "kind": notification.kind, "language": notification.language}
