"""The evaluator's actions: request documents, start the assessment, assign, edit findings, delay."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qualbridge.web.accounts.models import Role, User
from qualbridge.web.cases import permissions as perms
from qualbridge.web.cases.actions.common import audit, lock, policy_of, require_state, set_state, username
from qualbridge.web.cases.actions.deadlines import decision_deadline
from qualbridge.web.cases.actions.events import AuditAction
from qualbridge.web.cases.errors import Forbidden, InvalidTransition
from qualbridge.web.cases.models import ASSESSING, Case, Delay, DocumentKind, DocumentRequest, Finding, State
from qualbridge.web.cases.prefill import assess, missing_to_start


@transaction.atomic
def do_request_documents(actor: User, case: Case, text: str) -> DocumentRequest:
    case = lock(case)
    perms.require_staff(actor, case)
    require_state(case, State.SUBMITTED, State.AWAITING_DOCUMENTS, *ASSESSING)
    if not text.strip():
        raise InvalidTransition(_("Say which documents are needed."))
    request = DocumentRequest.objects.create(case=case, text=text.strip(), requested_by=actor)
    audit(actor, AuditAction.REQUEST_CREATE, request, case_id=case.pk, new={"text": request.text})
    if case.state == State.SUBMITTED:
        set_state(actor, case, State.AWAITING_DOCUMENTS, AuditAction.CASE_AWAIT_DOCUMENTS)
    return request


@transaction.atomic
def do_mark_complete(actor: User, case: Case, today: date | None = None) -> Case:
    """The file is complete: the clock starts and the engine's assessment is filled in."""
    case = lock(case)
    perms.require_staff(actor, case)
    require_state(case, State.SUBMITTED)
    if case.requests.filter(answered_at=None).exists():
        raise InvalidTransition(_("A document request is still open."))
    policy = policy_of(case)
    if missing := missing_to_start(case, policy):
        names = ", ".join(str(DocumentKind(k).label) for k in missing)
        raise InvalidTransition(
            _("The assessment cannot start without: %(docs)s. Request them from the applicant.")
            % {"docs": names}
        )
    deadline = decision_deadline(policy, today or timezone.localdate())
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
    set_state(
        actor,
        case,
        State.IN_ASSESSMENT,
        AuditAction.CASE_COMPLETE,
        complete_at=timezone.now(),
        deadline=deadline,
        evaluator=case.evaluator or (actor if actor.role in (Role.EVALUATOR, Role.SENIOR) else None),
        assessment=result.summary,
        data_version=result.data_version,
        decision=case.decision or result.recommended,
    )
    return case


@transaction.atomic
def do_assign(actor: User, case: Case, evaluator: User) -> Case:
    case = lock(case)
    perms.require_role(actor, case, Role.SENIOR, Role.ADMIN)
    if evaluator.office_id != case.office_id or evaluator.role not in (Role.EVALUATOR, Role.SENIOR):
        raise InvalidTransition(_("%(u)s is not an evaluator of this office.") % {"u": evaluator.username})
    if case.state == State.APPEALED and case.first_evaluator_id == evaluator.pk:
        raise Forbidden(_("An appeal goes to an evaluator other than the one who decided the case."))
    require_state(case, State.SUBMITTED, State.AWAITING_DOCUMENTS, *ASSESSING, State.PENDING_APPROVAL)
    old = {"evaluator": username(case.evaluator)}
    case.evaluator = evaluator
    case.save(update_fields=["evaluator"])
    audit(
        actor, AuditAction.CASE_ASSIGN, case, case_id=case.pk, old=old, new={"evaluator": evaluator.username}
    )
    return case


@transaction.atomic
def do_edit_finding(
    actor: User, finding: Finding, text: str, substantial_difference: bool | None, reasoning: str
) -> Finding:
    case = lock(finding.case)
    perms.require_assessor(actor, case)
    require_state(case, *ASSESSING)
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
    audit(
        actor,
        AuditAction.FINDING_EDIT,
        finding,
        case_id=case.pk,
        old=old,
        new={**new, "element": finding.element},
    )
    return finding


@transaction.atomic
def do_record_delay(actor: User, case: Case, new_deadline: date, reason: str) -> Delay:
    """Extend the deadline, with the reason the applicant sees: the assigned evaluator or a senior."""
    case = lock(case)
    perms.require_assessor(actor, case)
    require_state(case, *ASSESSING, State.PENDING_APPROVAL)
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
    audit(
        actor,
        AuditAction.CASE_DELAY,
        case,
        case_id=case.pk,
        old=old,
        new={"deadline": new_deadline, "reason": delay.reason},
    )
    return delay
