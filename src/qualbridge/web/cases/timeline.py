"""What the applicant sees of their case's history: the steps that concern them, never staff work.

Built from the audit trail, but only from the events an applicant is entitled to know about
(submitted, documents requested, in assessment, delayed with the reason, decided, a statement
revoked with the reason, appeal lodged with the date a decision on it is due), and the applicant's own
steps (started, qualification added, a document uploaded or removed, withdrawn: h16a), each in plain
words. Drafts, the engine's recommendation, findings, return notes and staff names are never part of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils.translation import gettext_lazy as _

from qualbridge.web.audit.models import AuditEvent
from qualbridge.web.cases.actions.events import AuditAction
from qualbridge.web.cases.models import Case, Decision, DocumentKind, State

#: the events an applicant sees, with the words for each
SHOWN: dict[str, Any] = {
    AuditAction.CASE_CREATE: _("You started the application"),
    AuditAction.CREDENTIAL_ADD: _("You added a qualification"),
    AuditAction.DOCUMENT_ADD: _("You uploaded a document"),
    AuditAction.DOCUMENT_REMOVE: _("You removed a document"),
    AuditAction.CASE_WITHDRAW: _("You withdrew the application"),
    AuditAction.CASE_DOCUMENTS_RECEIVED: _("All the requested documents arrived: checking them"),
    AuditAction.STATEMENT_ISSUE: _("Your signed statement was issued"),
    AuditAction.CASE_SUBMIT: _("Application submitted"),
    AuditAction.REQUEST_CREATE: _("Documents requested"),
    AuditAction.REQUEST_ANSWER: _("You answered a request"),
    AuditAction.CASE_COMPLETE: _("File complete: in assessment"),
    AuditAction.CASE_DELAY: _("Decision delayed"),
    AuditAction.DECISION_APPROVE: _("Decided"),
    AuditAction.STATEMENT_REVOKE: _("Statement revoked"),
    AuditAction.CASE_APPEAL: _("Appeal lodged"),
}


#: what happens next, in plain words, for each state of the case (h16a)
NEXT: dict[str, Any] = {
    State.DRAFT: _(
        "Add what is missing, then submit the application. Nothing is sent to the office before you submit."
    ),
    State.SUBMITTED: _("The office checks that your file is complete. The time limit starts when it is."),
    State.AWAITING_DOCUMENTS: _("The office asked you for documents: answer the request below."),
    State.IN_ASSESSMENT: _("An evaluator is assessing your qualification."),
    State.PENDING_APPROVAL: _("A decision has been drafted and is being checked by a second evaluator."),
    State.DECIDED: _("The decision is made. Download your statement, or appeal if you disagree."),
    State.APPEALED: _("Another evaluator is reviewing your case."),
    State.WITHDRAWN: _("You withdrew this application; it will not be assessed."),
}


@dataclass(frozen=True)
class Step:
    kind: str  # the AuditAction value, for styling and tests
    at: datetime
    label: Any
    detail: str = ""  # what the applicant is told: the request, the reason, the decision
    due: str = ""  # a date that applies from this step on (decision due, appeal window)


def _step(event: AuditEvent, case: Case) -> Step:
    new = event.new or {}
    detail, due = "", ""
    if event.action == AuditAction.REQUEST_CREATE:
        detail = str(new.get("text", ""))
    elif event.action in (AuditAction.CASE_COMPLETE, AuditAction.CASE_APPEAL, AuditAction.CASE_DELAY):
        due = str(new.get("deadline") or "")
        detail = str(new.get("reason", ""))
    elif event.action == AuditAction.DECISION_APPROVE:
        detail = str(Decision(case.decision).label) if case.decision in Decision.values else ""
        due = str(new.get("appeal_deadline") or "")
    elif event.action in (AuditAction.STATEMENT_REVOKE, AuditAction.CASE_WITHDRAW):
        detail = str(new.get("reason", ""))
    elif event.action in (AuditAction.DOCUMENT_ADD, AuditAction.DOCUMENT_REMOVE):
        detail = _document(new or (event.old or {}))
    elif event.action == AuditAction.CREDENTIAL_ADD:
        detail = str(new.get("title", ""))
    return Step(kind=event.action, at=event.at, label=SHOWN[event.action], detail=detail, due=due)


def _document(values: dict[str, Any]) -> str:
    kind = str(values.get("kind", ""))
    label = str(DocumentKind(kind).label) if kind in DocumentKind.values else ""
    name = str(values.get("name", ""))
    return f"{name} ({label})" if label else name


def applicant_timeline(case: Case) -> list[Step]:
    events = AuditEvent.objects.filter(case_id=case.pk, action__in=[a.value for a in SHOWN]).order_by("seq")
    return [_step(e, case) for e in events]
