"""The applicant's own changes beyond intake (h16a): withdraw an application, remove a document.

Both are the applicant's alone (never staff), on their own case, and each writes its audit event in
the same transaction as the change. A withdrawn case stays in the records with its history (the audit
chain keeps every event); it only leaves the office's queue. A document can be removed while the
application is still a draft: once submitted, the office may already have read it, so it stays.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from qualbridge.web.accounts.models import User
from qualbridge.web.cases import permissions as perms
from qualbridge.web.cases.actions.common import audit, lock, require_state
from qualbridge.web.cases.actions.events import AuditAction
from qualbridge.web.cases.errors import InvalidTransition
from qualbridge.web.cases.models import WITHDRAWABLE, Case, Document, State
from qualbridge.web.uploads import StoredUpload, discard

#: the longest reason kept with a withdrawal (it is optional)
REASON_LIMIT = 1000


@transaction.atomic
def do_withdraw(actor: User, case: Case, reason: str = "") -> Case:
    """Withdraw the application before its decision is approved; the clock stops."""
    case = lock(case)
    perms.require_owner(actor, case)
    require_state(case, *WITHDRAWABLE)
    old = {"state": case.state, "deadline": case.deadline}
    case.state, case.deadline = State.WITHDRAWN, None
    case.save(update_fields=["state", "deadline"])
    new = {"state": case.state, "deadline": None, "reason": reason.strip()[:REASON_LIMIT]}
    audit(actor, AuditAction.CASE_WITHDRAW, case, case_id=case.pk, old=old, new=new)
    return case


@transaction.atomic
def do_remove_document(actor: User, case: Case, document: Document) -> None:
    """Remove a document of a draft application; the stored file goes once the removal is committed."""
    case = lock(case)
    perms.require_owner(actor, case)
    if document.case_id != case.pk:
        raise InvalidTransition(_("That document belongs to another case."))
    if case.state != State.DRAFT:
        raise InvalidTransition(
            _("Documents can be removed only before the application is submitted; %(ref)s is %(state)s.")
            % {"ref": case.reference, "state": case.get_state_display()}
        )
    old = {
        "kind": document.kind,
        "name": document.original_name,
        "sha256": document.sha256,
        "size": document.size,
    }
    stored = StoredUpload(
        original_name=document.original_name,
        stored_name=document.stored_name,
        content_type=document.content_type,
        size=document.size,
        sha256=document.sha256,
    )
    audit(actor, AuditAction.DOCUMENT_REMOVE, document, case_id=case.pk, old=old)
    document.delete()
    transaction.on_commit(lambda: discard(stored), robust=True)
