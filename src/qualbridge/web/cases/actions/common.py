"""What every action shares: the row lock, the state check, and a state change with its audit event."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from qualbridge.errors import QualbridgeError
from qualbridge.evaluate.policy import Policy, get_policy
from qualbridge.web.accounts.models import User
from qualbridge.web.audit.chain import record
from qualbridge.web.cases.actions.events import AuditAction
from qualbridge.web.cases.errors import InvalidTransition
from qualbridge.web.cases.models import Case, State


def lock(case: Case) -> Case:
    """Re-read the case under a row lock, so concurrent actions on it are serialised."""
    return Case.objects.select_for_update().get(pk=case.pk)


def require_state(case: Case, *allowed: str) -> None:
    if case.state not in allowed:
        raise InvalidTransition(
            _("Case %(ref)s is %(state)s; this needs it to be: %(allowed)s.")
            % {
                "ref": case.reference,
                "state": case.get_state_display(),
                "allowed": ", ".join(str(State(s).label) for s in allowed),
            }
        )


def audit(
    actor: User,
    action: AuditAction,
    obj: Any,
    *,
    case_id: int | None,
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
) -> None:
    """Write the audit event of ``action`` (inside the action's transaction)."""
    record(actor, action.value, obj, case_id=case_id, old=old, new=new)


def set_state(actor: User, case: Case, new: str, action: AuditAction, **fields: Any) -> None:
    old = {"state": case.state, **{k: getattr(case, k) for k in fields}}
    case.state = new
    for key, value in fields.items():
        setattr(case, key, value)
    case.save()
    audit(actor, action, case, case_id=case.pk, old=old, new={"state": new, **fields})


def username(user: User | None) -> str | None:
    return user.username if user else None


def policy_of(case: Case) -> Policy:
    """The office's policy; a case cannot move on without the rules it is decided under."""
    try:
        return get_policy(case.office.policy)
    except QualbridgeError as exc:
        raise InvalidTransition(
            _("The office's policy %(p)s cannot be loaded: %(e)s") % {"p": case.office.policy, "e": exc}
        ) from None
