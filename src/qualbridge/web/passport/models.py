"""The qualifications passport's records: the structured interview by two evaluators, and the passports.

Written only by :mod:`qualbridge.web.passport.actions` (atomically, with an audit event each). A
passport takes its index in the office's revocation status list from the same allocation as the
office's statements (:func:`qualbridge.web.cases.issuance.allocate_index`), so the one list covers both.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from qualbridge.evaluate.passport import Certainty as _CoreCertainty
from qualbridge.web.cases.models import Case, _choices

#: how sure the evaluators are (:class:`qualbridge.evaluate.passport.Certainty`)
Certainty = _choices(
    "Certainty",
    _CoreCertainty,
    {
        "confident": _("Confident: the documents shown and the interview agree"),
        "probable": _("Probable: the interview is consistent with the partial evidence"),
        "insufficient": _("Insufficient: the evidence does not support a passport"),
    },
)


def lines(value: str) -> list[str]:
    """The non-empty lines of a text field (one item a line)."""
    return [line.strip() for line in value.splitlines() if line.strip()]


class Interview(models.Model):
    """The structured interview of a case's applicant by two evaluators, and what it found."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="passport_interview")
    first_evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    second_evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    conducted_on = models.DateField(null=True, blank=True)
    language = models.CharField(max_length=80, blank=True)
    title = models.CharField(max_length=300)
    country = models.CharField(max_length=2)
    qualification_type = models.CharField(max_length=80, blank=True)
    institution = models.CharField(max_length=300, blank=True)
    field = models.CharField(max_length=200, blank=True)
    awarded = models.CharField(max_length=40, blank=True)
    level = models.CharField(max_length=300, blank=True)
    other_qualifications = models.TextField(blank=True)
    work_experience = models.TextField(blank=True)
    language_proficiency = models.TextField(blank=True)
    evidence = models.TextField(blank=True)
    certainty = models.CharField(max_length=20, choices=Certainty.choices, default="probable")
    notes = models.TextField(blank=True)
    signed_first_at = models.DateTimeField(null=True, blank=True)
    signed_second_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def evaluators(self) -> list[str]:
        return [self.first_evaluator.username, self.second_evaluator.username]

    def signed_by(self) -> set[str]:
        signed = set()
        if self.signed_first_at:
            signed.add(self.first_evaluator.username)
        if self.signed_second_at:
            signed.add(self.second_evaluator.username)
        return signed


class Passport(models.Model):
    """A signed qualifications passport (W3C Verifiable Credential) and its revocation status."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="passports")
    interview = models.ForeignKey(Interview, on_delete=models.PROTECT, related_name="passports")
    credential_id = models.CharField(max_length=80, unique=True)
    signed = models.JSONField()
    status_index = models.PositiveIntegerField()
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField(auto_now_add=True)
    valid_until = models.DateField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-issued_at", "-id"]
