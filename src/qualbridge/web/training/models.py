"""A training office (an office whose cases are exercises) and a trainee's attempt at a training case.

The attempt's case is an ordinary case of the training office, worked in the normal casework screens;
the attempt keeps which training case it is, and the score of the last submitted draft
(:func:`qualbridge.training.scoring.score`, as JSON) with the answers it scored.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from qualbridge.web.accounts.models import Office


class TrainingOffice(models.Model):
    """Marks an office as a training office: its cases never lead to a statement or a publication."""

    office = models.OneToOneField(Office, on_delete=models.CASCADE, related_name="training")

    def __str__(self) -> str:
        return self.office.slug


class Attempt(models.Model):
    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="training_attempt")
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="training_attempts"
    )
    training_case = models.CharField(max_length=80, db_index=True)
    started_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submissions = models.PositiveIntegerField(default=0)
    #: the last scored submission: ``Score.model_dump(mode="json")``
    score = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
