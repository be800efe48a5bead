"""Hash-chained audit events: who changed what on a case, when, with the old and new values.

Each event stores the SHA-256 of its own content together with the previous event's hash, so editing
an event breaks its own hash and deleting one breaks the chain of the next; :class:`AuditHead` keeps
the sequence number and hash of the last event, so deleting the newest events is detected too.
Events are written only by :func:`qualbridge.web.audit.chain.record`, inside the transaction of the
case action that caused them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    seq = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    #: the username at the time, kept even if the account is later removed
    actor_name = models.CharField(max_length=150)
    case_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    action = models.CharField(max_length=60)
    object_type = models.CharField(max_length=40)
    object_id = models.CharField(max_length=40, blank=True)
    old = models.JSONField(default=dict)
    new = models.JSONField(default=dict)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["seq"]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} by {self.actor_name}"


class AuditHead(models.Model):
    """One row: the last event's sequence number and hash (locked while an event is appended)."""

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)


class AuditCheckpoint(models.Model):
    """An office's signature over the chain head (:mod:`qualbridge.audit.checkpoint`), kept for export."""

    office = models.ForeignKey("accounts.Office", on_delete=models.PROTECT, related_name="+")
    seq = models.PositiveBigIntegerField()
    hash = models.CharField(max_length=64)
    at = models.CharField(max_length=40, help_text="ISO 8601, exactly as signed")
    key = models.CharField(max_length=100, help_text="the office's publicKeyMultibase")
    signature = models.CharField(max_length=200)

    class Meta:
        ordering = ["seq", "at", "office_id"]
