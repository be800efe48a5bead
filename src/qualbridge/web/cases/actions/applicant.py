"""The applicant's actions: open a case, add credentials and documents, submit, answer, appeal."""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qualbridge.web.accounts.models import Office, Role, User
from qualbridge.web.cases import intake
from qualbridge.web.cases import permissions as perms
from qualbridge.web.cases.actions.common import audit, lock, policy_of, require_state, set_state
from qualbridge.web.cases.actions.deadlines import appeal_decision_deadline
from qualbridge.web.cases.actions.events import AuditAction
from qualbridge.web.cases.errors import Forbidden, InvalidTransition
from qualbridge.web.cases.models import (
    APPLICANT_EDITABLE,
    ASSESSING,
    Appeal,
    Case,
    Credential,
    Document,
    DocumentKind,
    DocumentRequest,
    Purpose,
    State,
)
from qualbridge.web.uploads import StoredUpload

CREDENTIAL_FIELDS = {"title", "qualification_type", "country", "institution", "awarded_year"}


@transaction.atomic
def do_create_case(actor: User, office: Office, purpose: str, holder: dict[str, Any] | None = None) -> Case:
    """Open a draft case; ``holder`` (optional) names whose qualification it is, as the statement will:
    ``holder_name`` (as on the documents), ``holder_name_latin`` and ``holder_birth_date``."""
    if actor.role != Role.APPLICANT:
        raise Forbidden(_("Only applicants open cases."))
    if purpose not in Purpose.values:
        raise InvalidTransition(_("Unknown purpose %(p)r.") % {"p": purpose})
    case = Case.objects.create(
        reference=f"QB-{timezone.now():%Y}-{secrets.token_hex(3).upper()}",
        office=office,
        applicant=actor,
        purpose=purpose,
        holder_name=str((holder or {}).get("holder_name") or "").strip(),
        holder_name_latin=str((holder or {}).get("holder_name_latin") or "").strip(),
        holder_birth_date=(holder or {}).get("holder_birth_date") or None,
    )
    audit(
        actor, AuditAction.CASE_CREATE, case, case_id=case.pk, new={"office": office.slug, "purpose": purpose}
    )
    return case


def checked_credential(fields: dict[str, Any]) -> dict[str, Any]:
    """The credential's fields checked against the registry, with the institution's match."""
    if extra := set(fields) - CREDENTIAL_FIELDS:
        raise InvalidTransition(f"Unknown credential fields: {', '.join(sorted(extra))}.")
    checked = dict(fields)
    checked["country"] = intake.check_country(str(fields.get("country") or ""))
    checked["qualification_type"] = intake.check_qualification(
        str(fields.get("qualification_type") or ""), checked["country"]
    )
    checked["institution_id"] = intake.match_institution(
        str(fields.get("institution") or ""), checked["country"]
    )
    return checked


@transaction.atomic
def do_add_credential(actor: User, case: Case, **fields: Any) -> Credential:
    case = lock(case)
    perms.require_owner(actor, case)
    require_state(case, State.DRAFT)
    checked = checked_credential(fields)
    credential = Credential.objects.create(case=case, **checked)
    audit(actor, AuditAction.CREDENTIAL_ADD, credential, case_id=case.pk, new=checked)
    return credential


@transaction.atomic
def do_add_document(
    actor: User,
    case: Case,
    stored: StoredUpload,
    kind: str,
    *,
    credential: Credential | None = None,
    request: DocumentRequest | None = None,
    appeal: Appeal | None = None,
) -> Document:
    """Attach a stored upload to a case (the file was checked and written by ``uploads.store``)."""
    case = lock(case)
    perms.require_owner(actor, case)
    if appeal is None:
        require_state(case, *APPLICANT_EDITABLE)
    else:
        require_state(case, State.APPEALED)
    if kind not in DocumentKind.values:
        raise InvalidTransition(_("Unknown document kind %(k)r.") % {"k": kind})
    for linked in (credential, request, appeal):
        if linked is not None and linked.case_id != case.pk:
            raise Forbidden(_("That item belongs to another case."))
    document = Document.objects.create(
        case=case,
        credential=credential,
        request=request,
        appeal=appeal,
        kind=kind,
        original_name=stored.original_name,
        stored_name=stored.stored_name,
        content_type=stored.content_type,
        size=stored.size,
        sha256=stored.sha256,
        uploaded_by=actor,
    )
    audit(
        actor,
        AuditAction.DOCUMENT_ADD,
        document,
        case_id=case.pk,
        new={"kind": kind, "name": stored.original_name, "sha256": stored.sha256, "size": stored.size},
    )
    return document


@transaction.atomic
def do_submit(actor: User, case: Case) -> Case:
    case = lock(case)
    perms.require_owner(actor, case)
    require_state(case, State.DRAFT)
    if not case.credentials.exists():
        raise InvalidTransition(_("Add at least one credential before submitting."))
    if not case.documents.exists():
        raise InvalidTransition(_("Upload at least one document before submitting."))
    set_state(actor, case, State.SUBMITTED, AuditAction.CASE_SUBMIT, submitted_at=timezone.now())
    return case


@transaction.atomic
def do_answer_request(actor: User, request: DocumentRequest, answer: str) -> DocumentRequest:
    case = lock(request.case)
    perms.require_owner(actor, case)
    request = DocumentRequest.objects.select_for_update().get(pk=request.pk)
    if request.answered_at is not None:
        raise InvalidTransition(_("This request has already been answered."))
    if not answer.strip() and not request.documents.exists():
        raise InvalidTransition(_("Answer the request with a document or a note."))
    request.answered_at, request.answer = timezone.now(), answer.strip()
    request.save()
    audit(actor, AuditAction.REQUEST_ANSWER, request, case_id=case.pk, new={"answer": request.answer})
    if case.state == State.AWAITING_DOCUMENTS and not case.requests.filter(answered_at=None).exists():
        set_state(actor, case, State.SUBMITTED, AuditAction.CASE_DOCUMENTS_RECEIVED)
    return request


@transaction.atomic
def do_appeal(actor: User, case: Case, reasons: str, today: date | None = None) -> Appeal:
    """Appeal a decision within the window; the case goes to an evaluator other than the first, and
    the clock restarts with the appeal's own time limit (the office's policy)."""
    case = lock(case)
    perms.require_owner(actor, case)
    require_state(case, State.DECIDED)
    today = today or timezone.localdate()
    if case.appeal_deadline is None or today > case.appeal_deadline:
        raise InvalidTransition(
            _("The appeal window closed on %(day)s.") % {"day": case.appeal_deadline or "-"}
        )
    if not reasons.strip():
        raise InvalidTransition(_("An appeal needs its reasons."))
    appeal = Appeal.objects.create(case=case, reasons=reasons.strip(), decision=case.decision)
    audit(actor, AuditAction.APPEAL_SUBMIT, appeal, case_id=case.pk, new={"reasons": appeal.reasons})
    set_state(
        actor,
        case,
        State.APPEALED,
        AuditAction.CASE_APPEAL,
        evaluator=other_evaluator(case),
        first_evaluator=case.first_evaluator or case.evaluator,
        drafted_by=None,
        approved_by=None,
        deadline=appeal_decision_deadline(policy_of(case), today),
    )
    return appeal


def other_evaluator(case: Case) -> User | None:
    """The least-loaded evaluator of the office who did not decide the case the first time."""
    first = case.first_evaluator or case.evaluator
    candidates = User.objects.filter(
        office=case.office, role__in=(Role.EVALUATOR, Role.SENIOR), is_active=True
    ).exclude(pk=getattr(first, "pk", None))
    loads = {
        u.pk: Case.objects.filter(evaluator=u, state__in=(*ASSESSING, State.PENDING_APPROVAL)).count()
        for u in candidates
    }
    ranked = sorted(candidates, key=lambda u: (u.role != Role.EVALUATOR, loads[u.pk], u.pk))
    return ranked[0] if ranked else None
