"""Starting a training case and scoring a submitted draft (the training mode's only writes).

:func:`do_start_training_case` opens a case of the training office from a training case's case file,
assigned to the trainee and already in assessment, with the five findings of each credential left
for the trainee to judge (no engine pre-fill: the reference is often the engine's answer). The
trainee then works it in the normal casework screens. :func:`score_submitted_draft` runs inside
``do_submit_draft``'s transaction (a hook the cases app calls) and scores the draft against the
reference; a senior evaluator may return the draft, and the next submission is scored again.
"""

from __future__ import annotations

import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qualbridge.training.catalogue import expected_answers, get_training_case
from qualbridge.training.scoring import score
from qualbridge.web.accounts.models import Office, Role, User
from qualbridge.web.cases.actions.common import audit
from qualbridge.web.cases.actions.events import AuditAction
from qualbridge.web.cases.errors import Forbidden
from qualbridge.web.cases.models import Case, Credential, Element, Finding, State
from qualbridge.web.training.models import Attempt
from qualbridge.web.training.offices import is_training_office

TRAINEE_ROLES = (Role.EVALUATOR, Role.SENIOR)


def training_applicant(office: Office) -> User:
    """The office's placeholder applicant of training cases (no password: nobody signs in as it)."""
    user, created = User.objects.get_or_create(
        username=f"training-applicant-{office.slug}"[:150],
        defaults={"role": Role.APPLICANT, "office": office, "first_name": "Training"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def require_trainee(user: User) -> None:
    if not user.is_authenticated or user.role not in TRAINEE_ROLES or not is_training_office(user.office_id):
        raise Forbidden(_("Only evaluators of a training office work training cases."))


@transaction.atomic
def do_start_training_case(trainee: User, training_case_id: str) -> Attempt:
    require_trainee(trainee)
    training = get_training_case(training_case_id)
    office = trainee.office
    assert office is not None
    file = training.case_file
    now = timezone.now()
    case = Case.objects.create(
        reference=f"TR-{uuid.uuid4().hex[:10]}",
        office=office,
        applicant=training_applicant(office),
        purpose=file["purpose"]["kind"],
        state=State.IN_ASSESSMENT,
        evaluator=trainee,
        submitted_at=now,
        complete_at=now,
    )
    audit(trainee, AuditAction.CASE_CREATE, case, case_id=case.pk, new={"training_case": training.id})
    for given in file["credentials"]:
        awarded = str(given.get("awarded") or "")[:4]
        credential = Credential.objects.create(
            case=case,
            title=given.get("title") or given["qualification"],
            qualification_type=given["qualification"],
            country=given["country"],
            institution=given.get("institution") or "—",
            awarded_year=int(awarded) if awarded.isdigit() else None,
        )
        audit(
            trainee, AuditAction.CREDENTIAL_ADD, credential, case_id=case.pk, new={"title": credential.title}
        )
        for element in Element.values:
            Finding.objects.create(case=case, credential=credential, element=element)
    return Attempt.objects.create(case=case, trainee=trainee, training_case=training.id)


def given_answers(case: Case) -> dict[str, bool | None]:
    """The trainee's judgement of each element of the principal (first) credential."""
    first = case.credentials.order_by("pk").first()
    if first is None:
        return {}
    return {f.element: f.substantial_difference for f in case.findings.filter(credential=first)}


def score_submitted_draft(actor: User, case: Case) -> None:
    """Score the draft just submitted, if the case is a training attempt (called in the transaction)."""
    attempt = Attempt.objects.select_for_update().filter(case=case).first()
    if attempt is None:
        return
    expected, outcome = expected_answers(get_training_case(attempt.training_case))
    result = score(expected, outcome, given_answers(case), case.decision)
    attempt.score = result.model_dump(mode="json")
    attempt.submitted_at = timezone.now()
    attempt.submissions += 1
    attempt.save(update_fields=["score", "submitted_at", "submissions"])
