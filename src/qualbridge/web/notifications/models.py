"""A notification to send (or sent), and the language each person reads their mail in."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Preference(models.Model):
    """The language of a person's mail: the one they last used the site in."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=10, choices=settings.LANGUAGES)


class Notification(models.Model):
    kind = models.CharField(max_length=40)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    to = models.EmailField()
    language = models.CharField(max_length=10)
    case = models.ForeignKey("cases.Case", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    #: the audit event that caused it (one notification per event, kind and person)
    event_seq = models.PositiveBigIntegerField()
    context = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["event_seq", "kind", "user"], name="one_notification_per_event")
        ]
