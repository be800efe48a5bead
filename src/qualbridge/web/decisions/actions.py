"""Publishing a decision and taking it back: a senior evaluator or administrator of the deciding office,
on a decided case, with the audit event in the same transaction (as every casework action)."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.utils.translation import gettext as _

from qualbridge.web.accounts.models import Role, User
from qualbridge.web.cases import permissions as perms
from qualbridge.web.cases.actions.common import audit, lock, require_state
from qualbridge.web.cases.actions.events import AuditAction
from qualbridge.web.cases.errors import InvalidTransition
from qualbridge.web.cases.models import Case, State
from qualbridge.web.decisions.models import PublishedDecision
from qualbridge.web.decisions.record import public_record
from qualbridge.web.training.offices import is_training_office


@transaction.atomic
def do_publish_decision(actor: User, case: Case) -> PublishedDecision:
    case = lock(case)
    perms.require_role(actor, case, Role.SENIOR, Role.ADMIN)
    require_state(case, State.DECIDED)
    if is_training_office(case.office_id):  # h18: an exercise is never published
        raise InvalidTransition(_("A training office's cases are exercises and are never published."))
    if PublishedDecision.objects.filter(case=case).exists():
        raise InvalidTransition(_("This decision is already published."))
    if case.statements.filter(revoked_at__isnull=False).exists():
        raise InvalidTransition(_("A decision whose statement was revoked is not published."))
    record = public_record(case)
    published = PublishedDecision.objects.create(
        slug=secrets.token_urlsafe(12),
        case=case,
        published_by=actor,
        record=record,
        countries=" " + " ".join(sorted({c["country"] for c in record["credentials"]})) + " ",
        types=" " + " ".join(sorted({c["qualification_type"] or "" for c in record["credentials"]})) + " ",
        purpose=case.purpose,
        decision=case.decision,
    )
    audit(actor, AuditAction.DECISION_PUBLISH, case, case_id=case.pk, new={"published": published.slug})
    return published


@transaction.atomic
def do_unpublish_decision(actor: User, case: Case) -> None:
    case = lock(case)
    perms.require_role(actor, case, Role.SENIOR, Role.ADMIN)
    published = PublishedDecision.objects.filter(case=case).first()
    if published is None:
        raise InvalidTransition(_("This decision is not published."))
    published.delete()
    audit(actor, AuditAction.DECISION_UNPUBLISH, case, case_id=case.pk, old={"published": published.slug})
