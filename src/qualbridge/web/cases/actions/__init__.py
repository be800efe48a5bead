"""Every change of case state, one ``do_*`` function each (after Zulip's ``zerver/actions``).

Each function checks who may do it (role, office, ownership, the four-eyes rule) and from which
state, changes the records inside one transaction, and writes the audit event (an
:class:`~.events.AuditAction`, who, the old and new values) in that same transaction, so a change
without its event, or an event without its change, cannot exist. Views and the API call these and
nothing else to write case state. By purpose: :mod:`.applicant` (intake and appeal),
:mod:`.assessment` (the evaluator's file work), :mod:`.decision` (draft, four-eyes approval,
revocation), :mod:`.self_service` (withdrawing, removing a document); :mod:`.deadlines` holds the policy's time limits.
"""

from qualbridge.web.cases.actions.applicant import (
    do_add_credential,
    do_add_document,
    do_answer_request,
    do_appeal,
    do_create_case,
    do_submit,
)
from qualbridge.web.cases.actions.assessment import (
    do_assign,
    do_edit_finding,
    do_mark_complete,
    do_record_delay,
    do_request_documents,
)
from qualbridge.web.cases.actions.deadlines import add_months, appeal_deadline, decision_deadline
from qualbridge.web.cases.actions.decision import (
    do_approve,
    do_draft_decision,
    do_return_draft,
    do_revoke_statement,
    do_submit_draft,
)
from qualbridge.web.cases.actions.events import AuditAction
from qualbridge.web.cases.actions.self_service import do_remove_document, do_withdraw

__all__ = [
    "AuditAction",
    "add_months",
    "appeal_deadline",
    "decision_deadline",
    "do_add_credential",
    "do_add_document",
    "do_answer_request",
    "do_appeal",
    "do_approve",
    "do_assign",
    "do_create_case",
    "do_draft_decision",
    "do_edit_finding",
    "do_mark_complete",
    "do_record_delay",
    "do_remove_document",
    "do_request_documents",
    "do_return_draft",
    "do_revoke_statement",
    "do_submit",
    "do_submit_draft",
    "do_withdraw",
]
