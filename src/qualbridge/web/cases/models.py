"""Casework records: a case, its credentials and documents, the findings, the decision and statement.

These models are read everywhere but written only by :mod:`qualbridge.web.cases.actions`, which
changes them atomically and records an audit event for each change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.translation import gettext_lazy as _

from qualbridge import evaluate as core
from qualbridge.evaluate.casefile import DocumentKind as _CoreDocumentKind
from qualbridge.evaluate.casefile import Purpose as _CorePurpose
from qualbridge.web.accounts.models import Office


class State(models.TextChoices):
    DRAFT = "draft", _("Not yet submitted")
    SUBMITTED = "submitted", _("Submitted: checking the documents")
    AWAITING_DOCUMENTS = "awaiting_documents", _("Waiting for documents from the applicant")
    IN_ASSESSMENT = "in_assessment", _("In assessment")
    PENDING_APPROVAL = "pending_approval", _("Draft decision awaiting approval")
    DECIDED = "decided", _("Decided")
    APPEALED = "appealed", _("Under appeal")
    WITHDRAWN = "withdrawn", _("Withdrawn by the applicant")  # h16a


#: states in which the evaluator works on the assessment and the draft decision
ASSESSING = (State.IN_ASSESSMENT, State.APPEALED)
#: states in which the applicant may still add documents on their own initiative
APPLICANT_EDITABLE = (State.DRAFT, State.SUBMITTED, State.AWAITING_DOCUMENTS)
#: states from which the applicant may withdraw the application (before a decision is approved)
WITHDRAWABLE = (
    State.DRAFT,
    State.SUBMITTED,
    State.AWAITING_DOCUMENTS,
    State.IN_ASSESSMENT,
    State.PENDING_APPROVAL,
)


def _choices(name: str, members: Iterable[StrEnum], labels: Mapping[str, Any]) -> Any:
    """Django choices generated from a core enum: the core defines the values, the web the words."""
    missing = [m.value for m in members if m.value not in labels]
    if missing:
        raise ImproperlyConfigured(f"{name}: no label for {', '.join(missing)}")
    return models.TextChoices(name, [(m.name, (m.value, labels[m.value])) for m in members])


#: the purposes of recognition (:class:`qualbridge.evaluate.casefile.Purpose`)
Purpose = _choices(
    "Purpose",
    _CorePurpose,
    {
        "further-study": _("Further study"),
        "employment": _("Employment"),
        "professional-practice": _("Professional practice"),
    },
)
#: the outcomes a body may decide (:class:`qualbridge.evaluate.policy.Outcome`)
Decision = _choices(
    "Decision",
    core.Outcome,
    {
        "full": _("Full recognition"),
        "partial": _("Partial recognition"),
        "alternative": _("Alternative recognition"),
        "conditional": _("Conditional recognition"),
        "non-recognition": _("Non-recognition (substantial difference shown)"),
    },
)
#: the five elements of a qualification compared in the evaluation (EAR manual), as the core spells them
Element = _choices(
    "Element",
    core.Element,
    {
        "level": _("Level"),
        "workload": _("Workload"),
        "quality": _("Quality"),
        "profile": _("Profile"),
        "learning-outcomes": _("Learning outcomes"),
    },
)
#: the kinds of document of a case file (:class:`qualbridge.evaluate.casefile.DocumentKind`)
DocumentKind = _choices(
    "DocumentKind",
    _CoreDocumentKind,
    {
        "diploma": _("Diploma or certificate"),
        "transcript": _("Transcript of records"),
        "diploma-supplement": _("Diploma supplement"),
        "programme-description": _("Programme description"),
        "identity": _("Identity document"),
        "translation": _("Certified translation"),
        "background-paper": _("Background paper (when documents cannot be supplied)"),
        "other": _("Other document"),
    },
)


class Case(models.Model):
    reference = models.CharField(max_length=20, unique=True)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="cases")
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="cases")
    purpose = models.CharField(max_length=30, choices=Purpose.choices)
    state = models.CharField(max_length=30, choices=State.choices, default=State.DRAFT, db_index=True)
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    #: the evaluator of the first decision; an appeal goes to someone else
    first_evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    #: the clock starts when the file is complete
    complete_at = models.DateTimeField(null=True, blank=True)
    deadline = models.DateField(null=True, blank=True)
    decision = models.CharField(max_length=20, choices=Decision.choices, blank=True)
    decision_reasons = models.TextField(blank=True)
    #: what a partial, alternative or conditional recognition rests on (the part recognised, the home
    #: qualification, the conditions), in the evaluator's words
    decision_basis = models.TextField(blank=True)
    assessment = models.JSONField(default=dict, blank=True)
    data_version = models.CharField(max_length=80, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    appeal_deadline = models.DateField(null=True, blank=True)
    return_note = models.TextField(blank=True)
    #: the holder as the documents name them (any script), in Latin script, and their date of birth:
    #: what the statement says about whose qualification it is (the account's name may differ)
    holder_name = models.CharField(_("Full name, as on your documents"), max_length=200, blank=True)
    holder_name_latin = models.CharField(
        _("Full name in Latin script (as in your passport)"), max_length=200, blank=True
    )
    holder_birth_date = models.DateField(_("Date of birth"), null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["office", "state", "deadline"], name="case_queue"),
            #: the queue across states, in deadline order, read page by page without sorting
            models.Index(fields=["office", "deadline", "submitted_at", "id"], name="case_queue_order"),
        ]

    def __str__(self) -> str:
        return self.reference

    def days_left(self, today: date | None = None) -> int | None:
        """Days to the deadline while the clock runs (not once decided: an appeal restarts it)."""
        if self.deadline is None or self.state in (State.DRAFT, State.DECIDED, State.WITHDRAWN):
            return None
        return (self.deadline - (today or date.today())).days


class Credential(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="credentials")
    title = models.CharField(max_length=300, help_text=_("as written on the diploma"))
    qualification_type = models.CharField(max_length=80, blank=True, db_index=True)
    country = models.CharField(max_length=2)
    institution = models.CharField(max_length=300)
    #: the institution registry's id the name matched, or "" (unmatched: checked by the evaluator)
    institution_id = models.CharField(max_length=120, blank=True)
    awarded_year = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["qualification_type", "institution"], name="credential_precedent")]

    def __str__(self) -> str:
        return self.title


class Finding(models.Model):
    """One element of one credential: the engine's text and the evaluator's (editable) finding."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="findings")
    credential = models.ForeignKey(Credential, on_delete=models.CASCADE, related_name="findings")
    element = models.CharField(max_length=30, choices=Element.choices)
    engine_text = models.TextField(blank=True)
    text = models.TextField(blank=True)
    substantial_difference = models.BooleanField(null=True, blank=True)
    reasoning = models.TextField(blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["credential", "element"], name="one_finding_per_element")
        ]
        ordering = ["credential_id", "id"]


class DocumentRequest(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="requests")
    text = models.TextField()
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answer = models.TextField(blank=True)


class Appeal(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="appeals")
    reasons = models.TextField()
    submitted_at = models.DateTimeField(auto_now_add=True)
    #: the decision appealed against
    decision = models.CharField(max_length=20, choices=Decision.choices)


class Document(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    credential = models.ForeignKey(
        Credential, null=True, blank=True, on_delete=models.SET_NULL, related_name="documents"
    )
    request = models.ForeignKey(
        DocumentRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="documents"
    )
    appeal = models.ForeignKey(
        Appeal, null=True, blank=True, on_delete=models.SET_NULL, related_name="documents"
    )
    kind = models.CharField(max_length=30, choices=DocumentKind.choices)
    original_name = models.CharField(max_length=200)
    stored_name = models.CharField(max_length=64, unique=True)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)


class Delay(models.Model):
    """A deadline extended, with the reason the applicant sees."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="delays")
    reason = models.TextField()
    old_deadline = models.DateField()
    new_deadline = models.DateField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)


class Statement(models.Model):
    """A signed recognition statement (W3C Verifiable Credential) and its revocation status."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="statements")
    credential_id = models.CharField(max_length=80, unique=True)
    signed = models.JSONField()
    #: the engine's assessment as the office decided it (``qualbridge.evaluate.Assessment``), which the
    #: statement's claims and PDF state
    assessment = models.JSONField(default=dict, blank=True)
    status_index = models.PositiveIntegerField()
    issued_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-issued_at", "-id"]


class StatusAllocation(models.Model):
    """The next free index in an office's revocation status list (locked while allocating)."""

    office = models.OneToOneField(Office, on_delete=models.CASCADE, related_name="status_allocation")
    next_index = models.PositiveIntegerField(default=0)
