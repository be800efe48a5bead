"""The decision: draft and submit it (evaluator), return or approve it (another senior), revoke.

Approval is one function, :func:`do_approve`, so a hook after it (rendering the statement in the
background, say) has one place to attach. The four-eyes rule and the method's rules are the core's
(:mod:`qualbridge.evaluate.rules`); this module gathers who contributed and what the findings say.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qualbridge.errors import QualbridgeError
from qualbridge.evaluate import Outcome, rules
from qualbridge.evaluate.findings import Element
from qualbridge.evaluate.policy import Policy
from qualbridge.messages import Message
from qualbridge.web.accounts.models import Role, User
from qualbridge.web.audit.models import AuditEvent
from qualbridge.web.cases import issuance
from qualbridge.web.cases import permissions as perms
from qualbridge.web.cases.actions.common import audit, lock, policy_of, require_state, set_state
from qualbridge.web.cases.actions.deadlines import appeal_deadline
from qualbridge.web.cases.actions.events import AuditAction
from qualbridge.web.cases.errors import Forbidden, InvalidTransition
from qualbridge.web.cases.models import ASSESSING, Case, Decision, Finding, State, Statement
from qualbridge.web.i18n import visitor_lang

#: called with (actor, case) inside do_submit_draft's transaction, once the draft is submitted
#: (h18: the training app scores a trainee's draft here)
AFTER_SUBMIT_DRAFT: list[Callable[[User, Case], None]] = []


def _say(message: Message) -> str:
    return message.text(visitor_lang())


@transaction.atomic
def do_draft_decision(actor: User, case: Case, decision: str, reasons: str, basis: str = "") -> Case:
    case = lock(case)
    perms.require_assessor(actor, case)
    require_state(case, *ASSESSING)
    if decision not in Decision.values:
        raise InvalidTransition(_("Unknown decision %(d)r.") % {"d": decision})
    fields = ("decision", "decision_reasons", "decision_basis")
    old = {f: getattr(case, f) for f in fields}
    case.decision, case.decision_reasons, case.decision_basis = decision, reasons.strip(), basis.strip()
    case.save(update_fields=list(fields))
    audit(
        actor,
        AuditAction.DECISION_DRAFT,
        case,
        case_id=case.pk,
        old=old,
        new={f: getattr(case, f) for f in fields},
    )
    return case


def judged_findings(case: Case) -> list[rules.JudgedFinding]:
    return [
        rules.JudgedFinding(Element(f.element), f.substantial_difference, f.reasoning)
        for f in Finding.objects.filter(case=case)
    ]


def method_problems(case: Case, policy: Policy | None) -> list[str]:
    """What keeps the draft from following the method (the core's rules), in the page's language."""
    recommended = (case.assessment or {}).get("recommendation", {}).get("outcome")
    problems = rules.decision_problems(
        policy,
        Outcome(case.decision),
        judged_findings(case),
        basis=case.decision_basis,
        engine_outcome=Outcome(recommended) if recommended in Decision.values else None,
    )
    return [_say(p) for p in problems]


def _loadable_policy(case: Case) -> Policy | None:
    try:
        return policy_of(case)
    except QualbridgeError:
        return None


@transaction.atomic
def do_submit_draft(actor: User, case: Case) -> Case:
    case = lock(case)
    perms.require_assessor(actor, case)
    require_state(case, *ASSESSING)
    if not case.decision or not case.decision_reasons:
        raise InvalidTransition(_("A draft decision needs the decision and its reasons."))
    if problems := method_problems(case, _loadable_policy(case)):
        raise InvalidTransition(" ".join(problems))
    set_state(
        actor, case, State.PENDING_APPROVAL, AuditAction.DECISION_SUBMIT, drafted_by=actor, return_note=""
    )
    for hook in AFTER_SUBMIT_DRAFT:
        hook(actor, case)
    return case


def contributors(case: Case) -> set[str]:
    """Who changed a finding of the case (ever), as user ids (the audit trail records them)."""
    edits = AuditEvent.objects.filter(case_id=case.pk, action=AuditAction.FINDING_EDIT.value)
    return {str(pk) for pk in edits.exclude(actor=None).values_list("actor_id", flat=True)}


def drafters(case: Case) -> set[str]:
    """Who drafted the decision now pending (since the case was last decided or appealed)."""
    events = AuditEvent.objects.filter(case_id=case.pk)
    last = events.filter(action__in=(AuditAction.DECISION_APPROVE.value, AuditAction.CASE_APPEAL.value))
    since = last.order_by("-seq").values_list("seq", flat=True).first() or 0
    drafts = events.filter(seq__gt=since, action=AuditAction.DECISION_DRAFT.value).exclude(actor=None)
    return {str(pk) for pk in drafts.values_list("actor_id", flat=True)}


def require_four_eyes(actor: User, case: Case) -> None:
    """A senior evaluator of the office who neither drafted the decision nor changed a finding."""
    perms.require_role(actor, case, Role.SENIOR)
    wrote = drafters(case) | ({str(case.drafted_by_id)} if case.drafted_by_id else set())
    refusal = rules.approval_refusal(str(actor.pk), drafters=wrote, finding_editors=contributors(case))
    if refusal is not None:
        raise Forbidden(_say(refusal))


@transaction.atomic
def do_return_draft(actor: User, case: Case, note: str) -> Case:
    case = lock(case)
    require_four_eyes(actor, case)
    require_state(case, State.PENDING_APPROVAL)
    if not note.strip():
        raise InvalidTransition(_("Say why the draft is returned."))
    back = State.APPEALED if case.appeals.exists() and case.first_evaluator_id else State.IN_ASSESSMENT
    set_state(actor, case, back, AuditAction.DECISION_RETURN, return_note=note.strip(), drafted_by=None)
    return case


@transaction.atomic
def do_approve(actor: User, case: Case, today: date | None = None) -> Statement:
    """Approve the draft: the decision stands, the clock stops and the statement is issued, signed
    with the office's key."""
    case = lock(case)
    require_four_eyes(actor, case)
    require_state(case, State.PENDING_APPROVAL)
    policy = policy_of(case)
    if problems := method_problems(case, policy):
        raise InvalidTransition(" ".join(problems))
    today = today or timezone.localdate()
    for earlier in Statement.objects.select_for_update().filter(case=case, revoked_at=None):
        revoke(actor, earlier, "superseded by the decision on appeal")
    set_state(
        actor,
        case,
        State.DECIDED,
        AuditAction.DECISION_APPROVE,
        approved_by=actor,
        decided_at=timezone.now(),
        appeal_deadline=appeal_deadline(policy, today),
        first_evaluator=case.first_evaluator or case.evaluator,
    )
    statement = issuance.issue_statement(case)
    audit(
        actor,
        AuditAction.STATEMENT_ISSUE,
        statement,
        case_id=case.pk,
        new={"credential_id": statement.credential_id, "status_index": statement.status_index},
    )
    return statement


def revoke(actor: User, statement: Statement, reason: str) -> None:
    statement.revoked_at, statement.revoked_reason = timezone.now(), reason
    statement.save(update_fields=["revoked_at", "revoked_reason"])
    audit(
        actor,
        AuditAction.STATEMENT_REVOKE,
        statement,
        case_id=statement.case_id,
        old={"revoked": False},
        new={"revoked": True, "reason": reason},
    )


@transaction.atomic
def do_revoke_statement(actor: User, statement: Statement, reason: str) -> Statement:
    case = lock(statement.case)
    perms.require_role(actor, case, Role.SENIOR, Role.ADMIN)
    statement = Statement.objects.select_for_update().get(pk=statement.pk)
    if statement.revoked_at is not None:
        raise InvalidTransition(_("This statement is already revoked."))
    if not reason.strip():
        raise InvalidTransition(_("Say why the statement is revoked."))
    revoke(actor, statement, reason.strip())
    return statement
