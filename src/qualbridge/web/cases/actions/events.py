"""The audit event types of the casework: one member per kind of change, written by the actions.

The values are the strings stored in the audit trail (and hashed into its chain), so they never
change; a new kind of change gets a new member.
"""

from __future__ import annotations

from enum import StrEnum


class AuditAction(StrEnum):
    CASE_CREATE = "case.create"
    CREDENTIAL_ADD = "credential.add"
    DOCUMENT_ADD = "document.add"
    CASE_SUBMIT = "case.submit"
    REQUEST_CREATE = "request.create"
    CASE_AWAIT_DOCUMENTS = "case.await_documents"
    REQUEST_ANSWER = "request.answer"
    CASE_DOCUMENTS_RECEIVED = "case.documents_received"
    CASE_COMPLETE = "case.complete"
    CASE_ASSIGN = "case.assign"
    FINDING_EDIT = "finding.edit"
    CASE_DELAY = "case.delay"
    DECISION_DRAFT = "decision.draft"
    DECISION_SUBMIT = "decision.submit"
    DECISION_RETURN = "decision.return"
    DECISION_APPROVE = "decision.approve"
    STATEMENT_ISSUE = "statement.issue"
    STATEMENT_REVOKE = "statement.revoke"
    APPEAL_SUBMIT = "appeal.submit"
    CASE_APPEAL = "case.appeal"
    DECISION_PUBLISH = "decision.publish"  # shown in the public decision database
    DECISION_UNPUBLISH = "decision.unpublish"
    CASE_WITHDRAW = "case.withdraw"  # h16a: the applicant withdraws the application
    DOCUMENT_REMOVE = "document.remove"  # h16a: the applicant removes a document before submitting
