"""Who may see and change a case. Enforced by the actions and the views, never only hidden in pages.

Applicants see only their own cases. Staff (evaluator, senior evaluator, administrator) see the cases
of their own office only, and only once the applicant has submitted them (a draft is the
applicant's own until then). An applicant who names another applicant's case gets 404, as if it did not
exist, so ids cannot be probed.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from qualbridge.web.accounts.models import Role, User
from qualbridge.web.cases.errors import Forbidden
from qualbridge.web.cases.models import Case, State
from qualbridge.web.training.offices import is_training_office

STAFF = (Role.EVALUATOR, Role.SENIOR, Role.ADMIN)
ASSESSORS = (Role.EVALUATOR, Role.SENIOR)


def is_staff(user: User) -> bool:
    return user.is_authenticated and user.role in STAFF and user.office_id is not None


def visible_cases(user: User) -> QuerySet[Case]:
    if not user.is_authenticated:
        return Case.objects.none()
    if is_staff(user):
        # a draft is the applicant's own, and so is one withdrawn before it was ever submitted (h16a)
        cases = (
            Case.objects.filter(office_id=user.office_id)
            .exclude(state=State.DRAFT)
            .exclude(state=State.WITHDRAWN, submitted_at=None)
        )
        if user.role == Role.EVALUATOR and is_training_office(user.office_id):
            return cases.filter(evaluator=user)  # h18: a trainee sees only their own training cases
        return cases
    if user.role == Role.APPLICANT:
        return Case.objects.filter(applicant=user)
    return Case.objects.none()


def case_for(user: User, pk: int) -> Case:
    """The case if ``user`` may see it, else 404 (never say whether it exists)."""
    try:
        return visible_cases(user).select_related("office", "applicant", "evaluator", "drafted_by").get(pk=pk)
    except (Case.DoesNotExist, ValueError, TypeError):
        raise Http404(_("No such case.")) from None


def require_owner(user: User, case: Case) -> None:
    if user.role != Role.APPLICANT or case.applicant_id != user.pk:
        raise Forbidden(_("Only the applicant of this case may do this."))


def require_staff(user: User, case: Case) -> None:
    if user.role not in ASSESSORS or user.office_id != case.office_id:
        raise Forbidden(_("Only an evaluator of this case's office may do this."))


def require_role(user: User, case: Case, *roles: str) -> None:
    if user.role not in roles or user.office_id != case.office_id:
        raise Forbidden(_("Your role does not allow this."))


def require_assessor(user: User, case: Case) -> None:
    """The case's assigned evaluator, or a senior evaluator of its office."""
    require_staff(user, case)
    if user.role != Role.SENIOR and case.evaluator_id != user.pk:
        raise Forbidden(_("Only the evaluator assigned to this case may change its assessment."))
    if case.state == State.APPEALED and case.first_evaluator_id == user.pk:
        raise Forbidden(_("An appeal goes to an evaluator other than the one who decided the case."))
