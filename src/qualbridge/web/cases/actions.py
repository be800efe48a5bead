"""Every change of case state, one ``do_*`` function each (after Zulip's ``zerver/actions``).

Each function checks who may do it (role, office, ownership, four-eyes rule) and from which state,
changes the records inside one transaction, and writes the audit event (who, what, old and new
values) in that same transaction, so a change without its event, or an event without its change,
cannot exist. Views and the API call these and nothing else to write case state.
"""

from __future__ import annotations

import calendar
import secrets
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qualbridge.errors import QualbridgeError
from qualbridge.web.accounts.models import Office, Role, User
from qualbridge.web.audit.chain import record
from qualbridge.web.cases import permissions as perms
from qualbridge.web.cases.errors import Forbidden, InvalidTransition
from qualbridge.web.cases.models import (
    APPLICANT_EDITABLE,
    ASSESSING,
    Appeal,
    Case,
    Credential,
    Decision,
    Delay,
    Document,
    DocumentKind,
    DocumentRequest,
    Finding,
    Purpose,
    State,
    Statement,
)
from qualbridge.web.uploads import StoredUpload

#: months from a complete file to the decision when the office's policy does not say (LRC: four months)
DECISION_MONTHS = 4
#: days to appeal after a decision: the office's configurable rule (settings.CASES_APPEAL_DAYS), not a legal fact
APPEAL_DAYS = 30


def decision_deadline(case: Case, start: date) -> date:
    """The office policy's time limit from ``start``, never more than four months."""
    limit = add_months(start, DECISION_MONTHS)
    try:
        from qualbridge.evaluate.policy import get_policy

        days = get_policy(case.office.policy).time_limit_days
    except (ImportError, QualbridgeError):
        return limit
    return min(limit, start + timedelta(days=days))


def add_months(day: date, months: int) -> date:
    """``day`` plus whole months, clamped to the month's end.

    >>> add_months(date(2026, 10, 31), 4)
    datetime.date(2027, 2, 28)
    """
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _lock(case: Case) -> Case:
    """Re-read the case under a row lock, so concurrent actions on it are serialised."""
    return Case.objects.select_for_update().get(pk=case.pk)


def _state(case: Case, *allowed: str) -> None:
    if case.state not in allowed:
        raise InvalidTransition(
            _("Case %(ref)s is %(state)s; this needs it to be: %(allowed)s.")
            % {
                "ref": case.reference,
                "state": case.get_state_display(),
                "allowed": ", ".join(str(State(s).label) for s in allowed),
            }
        )


def _set_state(actor: User, case: Case, new: str, action: str, **fields: Any) -> None:
    old = {"state": case.state, **{k: getattr(case, k) for k in fields}}
    case.state = new
    for key, value in fields.items():
        setattr(case, key, value)
    case.save()
    record(actor, action, case, case_id=case.pk, old=old, new={"state": new, **fields})


def _fk(user: User | None) -> str | None:
    return user.username if user else None


# --- applicant ---------------------------------------------------------------------------------


@transaction.atomic
def do_create_case(actor: User, office: Office, purpose: str) -> Case:
    if actor.role != Role.APPLICANT:
        raise Forbidden(_("Only applicants open cases."))
    if purpose not in Purpose.values:
        raise InvalidTransition(_("Unknown purpose %(p)r.") % {"p": purpose})
    case = Case.objects.create(
        reference=f"QB-{timezone.now():%Y}-{secrets.token_hex(3).upper()}",
        office=office,
        applicant=actor,
        purpose=purpose,
    )
    record(actor, "case.create", case, case_id=case.pk, new={"office": office.slug, "purpose": purpose})
    return case


@transaction.atomic
def do_add_credential(actor: User, case: Case, **fields: Any) -> Credential:
    case = _lock(case)
    perms.require_owner(actor, case)
    _state(case, State.DRAFT)
    allowed = {"title", "qualification_type", "country", "institution", "awarded_year"}
    if extra := set(fields) - allowed:
        raise InvalidTransition(f"Unknown credential fields: {', '.join(sorted(extra))}.")
    credential = Credential.objects.create(case=case, **fields)
    record(actor, "credential.add", credential, case_id=case.pk, new=fields)
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
    case = _lock(case)
    perms.require_owner(actor, case)
    if appeal is None:
        _state(case, *APPLICANT_EDITABLE)
    else:
        _state(case, State.APPEALED)
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
    record(
        actor,
        "document.add",
        document,
        case_id=case.pk,
        new={"kind": kind, "name": stored.original_name, "sha256": stored.sha256, "size": stored.size},
    )
    return document


@transaction.atomic
def do_submit(actor: User, case: Case) -> Case:
    case = _lock(case)
    perms.require_owner(actor, case)
    _state(case, State.DRAFT)
    if not case.credentials.exists():
        raise InvalidTransition(_("Add at least one credential before submitting."))
    if not case.documents.exists():
        raise InvalidTransition(_("Upload at least one document before submitting."))
    _set_state(actor, case, State.SUBMITTED, "case.submit", submitted_at=timezone.now())
    return case


@transaction.atomic
def do_answer_request(actor: User, request: DocumentRequest, answer: str) -> DocumentRequest:
    case = _lock(request.case)
    perms.require_owner(actor, case)
    request = DocumentRequest.objects.select_for_update().get(pk=request.pk)
    if request.answered_at is not None:
        raise InvalidTransition(_("This request has already been answered."))
    if not answer.strip() and not request.documents.exists():
        raise InvalidTransition(_("Answer the request with a document or a note."))
    request.answered_at, request.answer = timezone.now(), answer.strip()
    request.save()
    record(actor, "request.answer", request, case_id=case.pk, new={"answer": request.answer})
    if case.state == State.AWAITING_DOCUMENTS and not case.requests.filter(answered_at=None).exists():
        _set_state(actor, case, State.SUBMITTED, "case.documents_received")
    return request


@transaction.atomic
def do_appeal(actor: User, case: Case, reasons: str, today: date | None = None) -> Appeal:
    """Appeal a decision within the window; the case goes to an evaluator other than the first."""
    case = _lock(case)
    perms.require_owner(actor, case)
    _state(case, State.DECIDED)
    today = today or timezone.localdate()
    if case.appeal_deadline is None or today > case.appeal_deadline:
        raise InvalidTransition(
            _("The appeal window closed on %(day)s.") % {"day": case.appeal_deadline or "-"}
        )
    if not reasons.strip():
        raise InvalidTransition(_("An appeal needs its reasons."))
    appeal = Appeal.objects.create(case=case, reasons=reasons.strip(), decision=case.decision)
    record(actor, "appeal.submit", appeal, case_id=case.pk, new={"reasons": appeal.reasons})
    evaluator = _other_evaluator(case)
    _set_state(
        actor,
        case,
        State.APPEALED,
        "case.appeal",
        evaluator=evaluator,
        first_evaluator=case.first_evaluator or case.evaluator,
        drafted_by=None,
        approved_by=None,
    )
    return appeal


def _other_evaluator(case: Case) -> User | None:
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


# --- evaluator ---------------------------------------------------------------------------------


@transaction.atomic
def do_request_documents(actor: User, case: Case, text: str) -> DocumentRequest:
    case = _lock(case)
    perms.require_staff(actor, case)
    _state(case, State.SUBMITTED, State.AWAITING_DOCUMENTS, *ASSESSING)
    if not text.strip():
        raise InvalidTransition(_("Say which documents are needed."))
    request = DocumentRequest.objects.create(case=case, text=text.strip(), requested_by=actor)
    record(actor, "request.create", request, case_id=case.pk, new={"text": request.text})
    if case.state == State.SUBMITTED:
        _set_state(actor, case, State.AWAITING_DOCUMENTS, "case.await_documents")
    return request


@transaction.atomic
def do_mark_complete(actor: User, case: Case, today: date | None = None) -> Case:
    """The file is complete: the four-month clock starts and the engine's assessment is filled in."""
    from qualbridge.web.cases.engine import assess

    case = _lock(case)
    perms.require_staff(actor, case)
    _state(case, State.SUBMITTED)
    if case.requests.filter(answered_at=None).exists():
        raise InvalidTransition(_("A document request is still open."))
    now = timezone.now()
    deadline = decision_deadline(case, today or timezone.localdate())
    result = assess(case)
    for credential in case.credentials.all():
        for element, text in result.findings.get(credential.pk, {}).items():
            Finding.objects.update_or_create(
                credential=credential,
                element=element,
                defaults={
                    "case": case,
                    "engine_text": text.text,
                    "text": text.text,
                    "substantial_difference": text.substantial,
                    "reasoning": text.reasoning,
                },
            )
    _set_state(
        actor,
        case,
        State.IN_ASSESSMENT,
        "case.complete",
        complete_at=now,
        deadline=deadline,
        evaluator=case.evaluator or (actor if actor.role in (Role.EVALUATOR, Role.SENIOR) else None),
        assessment=result.summary,
        data_version=result.data_version,
        decision=case.decision or result.recommended,
    )
    return case


@transaction.atomic
def do_assign(actor: User, case: Case, evaluator: User) -> Case:
    case = _lock(case)
    perms.require_role(actor, case, Role.SENIOR, Role.ADMIN)
    if evaluator.office_id != case.office_id or evaluator.role not in (Role.EVALUATOR, Role.SENIOR):
        raise InvalidTransition(_("%(u)s is not an evaluator of this office.") % {"u": evaluator.username})
    if case.state == State.APPEALED and case.first_evaluator_id == evaluator.pk:
        raise Forbidden(_("An appeal goes to an evaluator other than the one who decided the case."))
    _state(case, State.SUBMITTED, State.AWAITING_DOCUMENTS, *ASSESSING, State.PENDING_APPROVAL)
    old = {"evaluator": _fk(case.evaluator)}
    case.evaluator = evaluator
    case.save(update_fields=["evaluator"])
    record(actor, "case.assign", case, case_id=case.pk, old=old, new={"evaluator": evaluator.username})
    return case


@transaction.atomic
def do_edit_finding(
    actor: User, finding: Finding, text: str, substantial_difference: bool | None, reasoning: str
) -> Finding:
    case = _lock(finding.case)
    perms.require_assessor(actor, case)
    _state(case, *ASSESSING)
    finding = Finding.objects.get(pk=finding.pk)
    if not reasoning.strip():
        raise InvalidTransition(_("Give the reasoning for the finding."))
    fields = ("text", "substantial_difference", "reasoning")
    old = {f: getattr(finding, f) for f in fields}
    finding.text, finding.substantial_difference, finding.reasoning = (
        text.strip(),
        substantial_difference,
        reasoning.strip(),
    )
    finding.edited_by = actor
    finding.save()
    new = {f: getattr(finding, f) for f in fields}
    record(actor, "finding.edit", finding, case_id=case.pk, old=old, new={**new, "element": finding.element})
    return finding


@transaction.atomic
def do_record_delay(actor: User, case: Case, new_deadline: date, reason: str) -> Delay:
    case = _lock(case)
    perms.require_staff(actor, case)
    _state(case, *ASSESSING, State.PENDING_APPROVAL)
    if not reason.strip():
        raise InvalidTransition(_("A delay needs a reason; the applicant sees it."))
    if case.deadline is None or new_deadline <= case.deadline:
        raise InvalidTransition(_("The new deadline must be later than %(d)s.") % {"d": case.deadline})
    delay = Delay.objects.create(
        case=case, reason=reason.strip(), old_deadline=case.deadline, new_deadline=new_deadline, by=actor
    )
    old = {"deadline": case.deadline}
    case.deadline = new_deadline
    case.save(update_fields=["deadline"])
    record(
        actor,
        "case.delay",
        case,
        case_id=case.pk,
        old=old,
        new={"deadline": new_deadline, "reason": delay.reason},
    )
    return delay


@transaction.atomic
def do_draft_decision(actor: User, case: Case, decision: str, reasons: str) -> Case:
    case = _lock(case)
    perms.require_assessor(actor, case)
    _state(case, *ASSESSING)
    if decision not in Decision.values:
        raise InvalidTransition(_("Unknown decision %(d)r.") % {"d": decision})
    old = {"decision": case.decision, "decision_reasons": case.decision_reasons}
    case.decision, case.decision_reasons = decision, reasons.strip()
    case.save(update_fields=["decision", "decision_reasons"])
    record(
        actor,
        "decision.draft",
        case,
        case_id=case.pk,
        old=old,
        new={"decision": decision, "decision_reasons": case.decision_reasons},
    )
    return case


@transaction.atomic
def do_submit_draft(actor: User, case: Case) -> Case:
    case = _lock(case)
    perms.require_assessor(actor, case)
    _state(case, *ASSESSING)
    if not case.decision or not case.decision_reasons:
        raise InvalidTransition(_("A draft decision needs the decision and its reasons."))
    _set_state(actor, case, State.PENDING_APPROVAL, "decision.submit", drafted_by=actor, return_note="")
    return case


# --- senior evaluator --------------------------------------------------------------------------


def _four_eyes(actor: User, case: Case) -> None:
    perms.require_role(actor, case, Role.SENIOR)
    if case.drafted_by_id == actor.pk:
        raise Forbidden(_("A senior evaluator cannot approve or return their own draft."))


@transaction.atomic
def do_return_draft(actor: User, case: Case, note: str) -> Case:
    case = _lock(case)
    _four_eyes(actor, case)
    _state(case, State.PENDING_APPROVAL)
    if not note.strip():
        raise InvalidTransition(_("Say why the draft is returned."))
    back = State.APPEALED if case.appeals.exists() and case.first_evaluator_id else State.IN_ASSESSMENT
    _set_state(actor, case, back, "decision.return", return_note=note.strip(), drafted_by=None)
    return case


@transaction.atomic
def do_approve(actor: User, case: Case, today: date | None = None) -> Statement:
    """Approve the draft: the decision stands and the statement is issued, signed with the office's key."""
    from qualbridge.web.cases.statements import issue_statement

    case = _lock(case)
    _four_eyes(actor, case)
    _state(case, State.PENDING_APPROVAL)
    today = today or timezone.localdate()
    for earlier in Statement.objects.select_for_update().filter(case=case, revoked_at=None):
        _revoke(actor, earlier, "superseded by the decision on appeal")
    _set_state(
        actor,
        case,
        State.DECIDED,
        "decision.approve",
        approved_by=actor,
        decided_at=timezone.now(),
        appeal_deadline=today + timedelta(days=int(getattr(settings, "CASES_APPEAL_DAYS", APPEAL_DAYS))),
        first_evaluator=case.first_evaluator or case.evaluator,
    )
    statement = issue_statement(case)
    record(
        actor,
        "statement.issue",
        statement,
        case_id=case.pk,
        new={"credential_id": statement.credential_id, "status_index": statement.status_index},
    )
    return statement


def _revoke(actor: User, statement: Statement, reason: str) -> None:
    statement.revoked_at, statement.revoked_reason = timezone.now(), reason
    statement.save(update_fields=["revoked_at", "revoked_reason"])
    record(
        actor,
        "statement.revoke",
        statement,
        case_id=statement.case_id,
        old={"revoked": False},
        new={"revoked": True, "reason": reason},
    )


@transaction.atomic
def do_revoke_statement(actor: User, statement: Statement, reason: str) -> Statement:
    case = _lock(statement.case)
    perms.require_role(actor, case, Role.SENIOR, Role.ADMIN)
    statement = Statement.objects.select_for_update().get(pk=statement.pk)
    if statement.revoked_at is not None:
        raise InvalidTransition(_("This statement is already revoked."))
    if not reason.strip():
        raise InvalidTransition(_("Say why the statement is revoked."))
    _revoke(actor, statement, reason.strip())
    return statement
