"""``/training/`` (a trainee's training cases and scores) and ``/training/supervisor/`` (progress).

Who may do what is checked here and in the actions (never only hidden in the page): evaluators and
senior evaluators of a training office work cases; senior evaluators and administrators of a
training office see everyone's progress. Anyone else gets 403 with a readable message.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qualbridge.errors import QualbridgeError
from qualbridge.training.catalogue import training_cases
from qualbridge.training.scoring import Score
from qualbridge.web.accounts.models import Role, User
from qualbridge.web.cases.errors import Forbidden
from qualbridge.web.cases.models import Decision, Element
from qualbridge.web.training import actions, progress
from qualbridge.web.training.models import Attempt
from qualbridge.web.training.offices import is_training_office


def _training_staff(user: User) -> None:
    if user.role not in (Role.EVALUATOR, Role.SENIOR, Role.ADMIN) or not is_training_office(user.office_id):
        raise Forbidden(_("The training mode is for the staff of a training office."))


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    _training_staff(user)
    attempts = {a.training_case: a for a in Attempt.objects.filter(trainee=user).select_related("case")}
    rows = []
    for case in training_cases():
        attempt = attempts.get(case.id)
        score = Score.model_validate(attempt.score) if attempt and attempt.score else None
        rows.append(
            {"case": case, "attempt": attempt, "score": score, "bases": sorted(b.value for b in case.bases())}
        )
    context = {
        "rows": rows,
        "countries": len({c.country for c in training_cases()}),
        "can_supervise": user.role in (Role.SENIOR, Role.ADMIN),
        "can_train": user.role in actions.TRAINEE_ROLES,
    }
    return render(request, "training/index.html", context)


@login_required
@require_POST
def start(request: HttpRequest, case_id: str) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    existing = Attempt.objects.filter(trainee=user, training_case=case_id).first()
    if existing is not None:
        return redirect("cases:detail", pk=existing.case_id)
    try:
        attempt = actions.do_start_training_case(user, case_id)
    except Forbidden:
        raise
    except QualbridgeError as exc:
        messages.error(request, str(exc))
        return redirect("training:index")
    return redirect("cases:detail", pk=attempt.case_id)


@login_required
def supervisor(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if user.role not in (Role.SENIOR, Role.ADMIN) or not is_training_office(user.office_id):
        raise Forbidden(
            _("Only a senior evaluator or administrator of a training office sees the trainees' progress.")
        )
    office = user.office
    assert office is not None
    element_names = {**dict(Element.choices), "decision": _("Decision")}
    context = {
        "rows": progress.trainee_rows(office),
        "missed": [(element_names.get(k, k), n) for k, n in progress.office_missed(office)],
        "decision_agreement": progress.decision_agreement(office),
        "element_agreement": progress.element_agreement(office),
        "element_names": element_names,
        "decision_names": dict(Decision.choices),
    }
    return render(request, "training/supervisor.html", context)
