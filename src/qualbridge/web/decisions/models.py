"""A published decision: the public snapshot of one decided case."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from qualbridge.web.cases.models import Case


class PublishedDecision(models.Model):
    #: a random public name, so the published record cannot be joined to the case reference
    slug = models.CharField(max_length=24, unique=True)
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="publication")
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField(auto_now_add=True)
    #: what the public sees (:func:`qualbridge.web.decisions.record.public_record`), fixed at publication
    record = models.JSONField()
    #: searchable copies of the record's fields
    countries = models.CharField(max_length=100, db_index=True)  # " JP KR " (space-delimited)
    types = models.CharField(max_length=500, blank=True)  # " jp/gakushi kr/haksa "
    purpose = models.CharField(max_length=30, db_index=True)
    decision = models.CharField(max_length=20, db_index=True)

    class Meta:
        ordering = ["-published_at"]
