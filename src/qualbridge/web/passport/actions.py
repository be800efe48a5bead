"""Every change to an interview or a passport: atomic, permission-checked, with its audit event.

The rules are the core's (:mod:`qualbridge.evaluate.passport`): two different evaluators, only they
sign, both sign before a passport is issued, and it names what was assessed and on what evidence. This
module adds who may act here: only evaluators (and senior evaluators) of the case's office conduct
and record interviews; only a senior evaluator or an administrator revokes a passport, as a statement.
A change to the record after a signature clears both signatures: each signs what the passport will say.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qualbridge.evaluate.passport import AssessedQualification, Certainty, InterviewRecord, issue_problems
from qualbridge.evaluate.passport import signoff_refusal as core_signoff_refusal
from qualbridge.messages import Message
from qualbridge.registry import get_registry
from qualbridge.statements.passport import issue_passport as sign_passport
from qualbridge.statements.passport import passport_claims
from qualbridge.statements.statuslist import StatusEntry
from qualbridge.web.accounts.models import Role, User
from qualbridge.web.audit.chain import record
from qualbridge.web.cases.errors import Forbidden, InvalidTransition
from qualbridge.web.cases.issuance import allocate_index, status_list_url
from qualbridge.web.cases.models import Case, State
from qualbridge.web.cases.permissions import ASSESSORS
from qualbridge.web.i18n import visitor_lang
from qualbridge.web.keys import issuer_of, office_key, signing_method
from qualbridge.web.passport.models import Interview, Passport, lines

#: the fields of the interview record an evaluator fills in
RECORD_FIELDS = (
    "conducted_on",
    "language",
    "title",
    "country",
    "qualification_type",
    "institution",
    "field",
    "awarded",
    "level",
    "other_qualifications",
    "work_experience",
    "language_proficiency",
    "evidence",
    "certainty",
    "notes",
)


def _words(message: Message) -> str:
    return message.text(visitor_lang())


def _refuse(messages: list[Message]) -> None:
    if messages:
        raise InvalidTransition(" ".join(_words(m) for m in messages))


def refugee_route(case: Case) -> bool:
    """Whether the case follows the refugee procedure: a background paper stands in for documents."""
    documented = case.documents.filter(kind="background-paper").exists()
    return documented or (case.assessment or {}).get("documentation") == "background-paper"


def require_interviewer_role(user: User, case: Case) -> None:
    if user.role not in ASSESSORS or user.office_id != case.office_id:
        raise Forbidden(_("Only an evaluator of this case's office may conduct or record its interview."))


def _audit(actor: User, action: str, obj: Any, case: Case, **new: Any) -> None:
    record(actor, action, obj, case_id=case.pk, new=new)


def _lock(case: Case) -> Case:
    return Case.objects.select_for_update().get(pk=case.pk)


@transaction.atomic
def do_start_interview(actor: User, case: Case, second: User, data: dict[str, Any]) -> Interview:
    """Open the interview record: ``actor`` and ``second`` are its two evaluators."""
    case = _lock(case)
    require_interviewer_role(actor, case)
    if case.state == State.DRAFT:
        raise InvalidTransition(_("The applicant has not submitted this case yet."))
    if not refugee_route(case):
        raise InvalidTransition(
            _("A qualifications passport follows the refugee procedure: the case needs a background paper.")
        )
    if Interview.objects.filter(case=case).exists():
        raise InvalidTransition(_("This case already has an interview record."))
    if second.pk == actor.pk:
        _refuse([Message("passport.rule.distinct-evaluators")])
    if second.role not in ASSESSORS or second.office_id != case.office_id:
        raise InvalidTransition(_("The second evaluator must be an evaluator of this case's office."))
    interview = Interview(case=case, first_evaluator=actor, second_evaluator=second)
    for name in RECORD_FIELDS:
        if name in data:
            setattr(interview, name, data[name])
    interview.save()
    _audit(actor, "passport.interview.start", interview, case, evaluators=interview.evaluators())
    return interview


@transaction.atomic
def do_edit_interview(actor: User, interview: Interview, data: dict[str, Any]) -> Interview:
    """Change the record (only its two evaluators); a change clears the signatures given so far."""
    _lock(interview.case)
    interview = Interview.objects.select_for_update().get(pk=interview.pk)
    if actor.pk not in (interview.first_evaluator_id, interview.second_evaluator_id):
        raise Forbidden(_("Only the two evaluators of the interview may change its record."))
    changed = {n: str(data[n]) for n in RECORD_FIELDS if n in data and data[n] != getattr(interview, n)}
    if not changed:
        return interview
    for name in changed:
        setattr(interview, name, data[name])
    cleared = bool(interview.signed_first_at or interview.signed_second_at)
    interview.signed_first_at = interview.signed_second_at = None
    interview.save()
    _audit(
        actor, "passport.interview.edit", interview, interview.case, fields=sorted(changed), cleared=cleared
    )
    return interview


@transaction.atomic
def do_sign(actor: User, interview: Interview) -> Interview:
    """``actor`` signs the record as one of its two evaluators."""
    _lock(interview.case)
    interview = Interview.objects.select_for_update().get(pk=interview.pk)
    refusal = core_signoff_refusal(actor.username, interview.evaluators())
    if refusal is not None:
        raise Forbidden(_words(refusal))
    now = timezone.now()
    if actor.pk == interview.first_evaluator_id:
        interview.signed_first_at = now
    else:
        interview.signed_second_at = now
    interview.save(update_fields=["signed_first_at", "signed_second_at"])
    _audit(actor, "passport.interview.sign", interview, interview.case, signer=actor.username)
    return interview


def core_record(interview: Interview) -> InterviewRecord:
    """The interview in the core's terms (the highest qualification first, then the others)."""
    main = AssessedQualification(
        title=interview.title,
        country=interview.country.upper(),
        qualification_type=interview.qualification_type,
        institution=interview.institution,
        field=interview.field,
        awarded=interview.awarded,
        level=interview.level,
    )
    others = [
        AssessedQualification(title=t, country=interview.country.upper())
        for t in lines(interview.other_qualifications)
    ]
    return InterviewRecord(
        evaluators=interview.evaluators(),
        signed_by=interview.signed_by(),
        conducted_on=interview.conducted_on,
        language=interview.language,
        qualifications=[main, *others] if interview.title.strip() else others,
        evidence=lines(interview.evidence),
        certainty=Certainty(interview.certainty),
        work_experience=lines(interview.work_experience),
        language_proficiency=lines(interview.language_proficiency),
    )


def _type_names(type_id: str) -> dict[str, dict[str, str]]:
    found = get_registry().qualifications.get(type_id.lower()) if type_id else None
    if found is None:
        return {}
    names = {k: v for k, v in found.names.items() if k in ("ja", "en", "ja-Latn")}
    return {type_id: names}


@transaction.atomic
def do_issue(actor: User, interview: Interview, today: dt.date | None = None) -> Passport:
    """Issue the passport on the signed record, signed with the office's key, valid the EQPR's years
    from ``today`` (default: the office's date)."""
    case = _lock(interview.case)
    interview = Interview.objects.select_for_update().get(pk=interview.pk)
    is_interviewer = actor.pk in (interview.first_evaluator_id, interview.second_evaluator_id)
    senior = actor.role == Role.SENIOR and actor.office_id == case.office_id
    if not (is_interviewer or senior):
        raise Forbidden(_("Only an evaluator of the interview or a senior evaluator may issue the passport."))
    core = core_record(interview)
    _refuse(issue_problems(core))
    if Passport.objects.filter(case=case, revoked_at=None).exists():
        raise InvalidTransition(
            _("This case already has a passport in force; revoke it before issuing another.")
        )
    key = office_key(case.office)
    index = allocate_index(case.office)
    credential_id = f"urn:uuid:{uuid.uuid4()}"
    applicant = {"given_name": case.applicant.first_name, "family_name": case.applicant.last_name}
    claims = passport_claims(
        core,
        reference=case.reference,
        body=case.office.policy,
        applicant=applicant,
        names=_type_names(interview.qualification_type),
    )
    today = today or timezone.localdate()
    signed = sign_passport(
        claims,
        key,
        issuer_of(case.office),
        issued_on=today,
        status=StatusEntry(status_list_url(case.office), index),
        verification_method=signing_method(case.office),
        credential_id=credential_id,
    )
    passport = Passport.objects.create(
        case=case,
        interview=interview,
        credential_id=credential_id,
        signed=signed,
        status_index=index,
        issued_by=actor,
        valid_until=signed["validUntil"][:10],
    )
    _audit(
        actor,
        "passport.issue",
        passport,
        case,
        credential_id=credential_id,
        status_index=index,
        valid_until=signed["validUntil"],
    )
    return passport


@transaction.atomic
def do_revoke(actor: User, passport: Passport, reason: str) -> Passport:
    """Revoke a passport (a senior evaluator or an administrator of the office): its status bit is set."""
    case = _lock(passport.case)
    if actor.role not in (Role.SENIOR, Role.ADMIN) or actor.office_id != case.office_id:
        raise Forbidden(_("Only a senior evaluator or an administrator of the office may revoke a passport."))
    passport = Passport.objects.select_for_update().get(pk=passport.pk)
    if passport.revoked_at is not None:
        raise InvalidTransition(_("This passport is already revoked."))
    if not reason.strip():
        raise InvalidTransition(_("Say why the passport is revoked."))
    passport.revoked_at, passport.revoked_reason = timezone.now(), reason.strip()
    passport.save(update_fields=["revoked_at", "revoked_reason"])
    record(
        actor,
        "passport.revoke",
        passport,
        case_id=case.pk,
        old={"revoked": False},
        new={"revoked": True, "reason": reason.strip()},
    )
    return passport
