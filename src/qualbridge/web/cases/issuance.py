"""Issue a decided case's statement as a signed Verifiable Credential, and publish revocations.

The statement is the core's: the engine's assessment as the office decided it
(:mod:`qualbridge.evaluate.decision`), its claims (:func:`qualbridge.statements.render.statement_claims`),
signing, the Multikey and the Bitstring Status List (``qualbridge.statements``). This module only
gathers the decision from the case, allocates the statement's index in the office's status list,
keeps the decided assessment with the statement (so its PDF says what was signed even if the case
is later appealed), and builds the office's signed status list from the revoked statements. Called
by :func:`qualbridge.web.cases.actions.do_approve` inside its transaction.
"""

from __future__ import annotations

import os
import uuid
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from pydantic import ValidationError

from qualbridge.errors import QualbridgeError
from qualbridge.evaluate.assess import Assessment, ComparisonSummary
from qualbridge.evaluate.decision import (
    FindingEdit,
    OfficeDecision,
    RecordedCredential,
    decided,
    decided_without_engine,
)
from qualbridge.evaluate.findings import Element
from qualbridge.evaluate.policy import Outcome, get_policy
from qualbridge.registry import get_registry
from qualbridge.statements.issue import issue_credential
from qualbridge.statements.render import statement_claims
from qualbridge.statements.statuslist import MIN_BITS, StatusEntry
from qualbridge.web.accounts.models import Office
from qualbridge.web.cases.errors import InvalidTransition
from qualbridge.web.cases.models import Case, Statement, StatusAllocation
from qualbridge.web.keys import issuer_of, office_key, signing_method
from qualbridge.web.training.offices import is_training_office
from qualbridge.web.trust import statuslists as trust_status_lists


def public_url(path: str) -> str:
    base = (
        os.environ.get("QUALBRIDGE_PUBLIC_URL")
        or getattr(settings, "QUALBRIDGE_PUBLIC_URL", "")
        or "http://127.0.0.1:8000"
    )
    return base.rstrip("/") + path


def status_list_url(office: Office) -> str:
    return public_url(reverse("cases:status_list", args=[office.slug]))


def _appeal(case: Case) -> dict[str, str] | None:
    """The policy's appeal text with the actual deadline of this case."""
    if case.appeal_deadline is None:
        return None
    try:
        text = get_policy(case.office.policy).casework.appeal_until
    except QualbridgeError:
        return None
    day = case.appeal_deadline.isoformat()
    return {lang: sentence.format(day=day) for lang, sentence in text.items()}


def office_decision(case: Case) -> OfficeDecision:
    """The approved decision of ``case`` with the evaluator's findings, in the core's terms."""
    index = {pk: i for i, pk in enumerate(case.credentials.order_by("pk").values_list("pk", flat=True))}
    edits = [
        FindingEdit(
            credential=index[f.credential_id],
            element=Element(f.element),
            text=f.text if f.text.strip() and f.text != f.engine_text else None,
            substantial=f.substantial_difference,
            reasoning=f.reasoning if f.edited_by_id is not None else None,
        )
        for f in case.findings.all()
        if f.credential_id in index
    ]
    applicant = {
        key: value
        for key, value in (
            ("given_name", case.applicant.first_name),
            ("family_name", case.applicant.last_name),
            ("full_name", case.holder_name),
            ("full_name_latin", case.holder_name_latin),
            ("birth_date", case.holder_birth_date.isoformat() if case.holder_birth_date else ""),
        )
        if value
    }
    return OfficeDecision(
        outcome=Outcome(case.decision),
        reasons=case.decision_reasons,
        basis=case.decision_basis,
        decided_on=timezone.localdate(case.decided_at) if case.decided_at else timezone.localdate(),
        findings=edits,
        applicant=applicant,
        body={"en": case.office.name_en, "ja": case.office.name_ja},
        appeal=_appeal(case),
    )


def decided_assessment(case: Case) -> Assessment:
    """The engine's assessment of ``case`` as the office decided it; without one (the engine refused
    the case file), the case's record and the evaluator's findings, saying so."""
    decision = office_decision(case)
    stored = {k: v for k, v in (case.assessment or {}).items() if k != "recommendation"}
    if "case_reference" in stored:
        try:
            return decided(Assessment.model_validate(stored), decision)
        except ValidationError:
            pass  # an assessment recorded by an older version: decided from the case's record
    try:
        policy = get_policy(case.office.policy)
    except QualbridgeError as exc:
        raise InvalidTransition(
            _("The office's policy cannot be loaded, so no statement can be issued: %(e)s") % {"e": exc}
        ) from None
    comparisons = stored.get("comparison", {})
    credentials = [
        RecordedCredential(
            title=c.title,
            qualification_type=c.qualification_type,
            country=c.country,
            institution=c.institution,
            awarded_year=c.awarded_year,
            comparison=ComparisonSummary.model_validate(comparisons[str(c.pk)])
            if str(c.pk) in comparisons
            else None,
        )
        for c in case.credentials.order_by("pk")
    ]
    return decided_without_engine(
        reference=case.reference,
        policy=policy,
        purpose=case.purpose,
        credentials=credentials,
        decision=decision,
        data_version=case.data_version or get_registry().data_version,
    )


def allocate_index(office: Office) -> int:
    """The next free status-list index of the office (row-locked: call inside a transaction)."""
    allocation, _ = StatusAllocation.objects.select_for_update().get_or_create(office=office)
    index = allocation.next_index
    if index >= MIN_BITS:
        raise ValueError(f"Office {office.slug} has used all {MIN_BITS} status-list entries.")
    allocation.next_index = index + 1
    allocation.save(update_fields=["next_index"])
    return index


def issue_statement(case: Case) -> Statement:
    if is_training_office(case.office_id):  # h18: exercises never become signed statements
        raise InvalidTransition(
            _(
                "A training office never issues statements: this case is an exercise, scored against its reference."
            )
        )
    key = office_key(case.office)  # an office without a provisioned key cannot issue: raises first
    index = allocate_index(case.office)
    credential_id = f"urn:uuid:{uuid.uuid4()}"
    assessment = decided_assessment(case)
    signed = issue_credential(
        statement_claims(assessment),
        key,
        issuer_of(case.office),
        StatusEntry(status_list_url(case.office), index),
        verification_method=signing_method(case.office),
        credential_id=credential_id,
        name="Recognition statement",
    )
    return Statement.objects.create(
        case=case,
        credential_id=credential_id,
        signed=signed,
        status_index=index,
        assessment=assessment.model_dump(mode="json"),
    )


def statement_assessment(statement: Statement) -> Assessment:
    """The decided assessment the statement was issued from (recomputed for one issued without it)."""
    if statement.assessment:
        return Assessment.model_validate(statement.assessment)
    return decided_assessment(statement.case)


def signed_status_list(office: Office) -> dict[str, Any]:
    """The office's signed revocation list (cached, re-signed only when it changes; see
    :mod:`qualbridge.web.trust.statuslists`)."""
    return trust_status_lists.signed_status_list(office, status_list_url(office))
