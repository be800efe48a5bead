"""``evaluate(case, policy) -> Assessment``: the credential-evaluation method end to end.

For each credential: resolve it, compare it with the body's home framework, judge the five elements,
convert its grade average and credits to the body's scale and credit system, list the documents the
purpose needs that are missing, and recommend an outcome. The assessment records the ``data_version``
of the registry it used, so the decision can be replayed against the same data.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from qualbridge.errors import CaseFieldError, QualbridgeError
from qualbridge.evaluate.casefile import Case, DocumentKind
from qualbridge.evaluate.context import Context, build_context
from qualbridge.evaluate.conversion import CreditConversion, GradeConversion, convert_credits, grade_average
from qualbridge.evaluate.elements import assess_elements, comparable_level
from qualbridge.evaluate.findings import Finding
from qualbridge.evaluate.outcome import PURPOSE_NAMES, Recommendation, recommend
from qualbridge.evaluate.policy import Policy, get_policy
from qualbridge.institutions.loader import InstitutionRegistry
from qualbridge.registry.loader import Registry, get_registry
from qualbridge.registry.models import LangText


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class QualificationSummary(Frozen):
    id: str
    names: LangText
    title: str | None = None  # as written on the diploma
    country: str
    levels: list[str] = Field(default_factory=list)
    programme: str | None = None
    field: str | None = None
    awarded: dt.date | None = None
    awarded_year: int | None = None  # when only the year is known
    completed: bool = True


class InstitutionSummary(Frozen):
    given: str | None = None
    id: str | None = None
    names: LangText = Field(default_factory=dict)
    status: str
    is_mill: bool = False
    source_url: str | None = None


class ComparisonSummary(Frozen):
    outcome: str
    target_framework: str
    target_levels: list[str]
    confidence: float
    caveats: list[str] = Field(default_factory=list)


class CredentialAssessment(Frozen):
    index: int
    principal: bool
    qualification: QualificationSummary
    institution: InstitutionSummary
    comparison: ComparisonSummary
    findings: list[Finding]
    grade: GradeConversion | None = None
    credits: CreditConversion | None = None
    missing_documents: list[str] = Field(default_factory=list)
    recommendation: Recommendation


class Assessment(Frozen):
    case_reference: str
    policy: str
    body: LangText
    home_framework: str
    purpose: str
    purpose_names: LangText
    requested: str | None = None
    required_level: str | None = None
    applicant: dict[str, str] = Field(default_factory=dict)
    assessed_on: dt.date
    data_version: str
    documentation: str  # complete | incomplete | background-paper
    background_paper: dict[str, Any] | None = None
    credentials: list[CredentialAssessment]
    appeal: LangText
    time_limit_days: int
    verify_base_url: str

    @property
    def principal(self) -> CredentialAssessment:
        return next(c for c in self.credentials if c.principal)

    @property
    def recommendation(self) -> Recommendation:
        return self.principal.recommendation

    def as_json(self) -> dict[str, Any]:
        """A plain JSON-ready dict (dates as ISO strings, enums as their values)."""
        data = self.model_dump(mode="json")
        data["recommendation"] = self.recommendation.model_dump(mode="json")
        return data


def _assess_credential(ctx: Context, background_paper: bool, principal: bool) -> CredentialAssessment:
    cred, policy, field = ctx.credential, ctx.policy, ctx.field
    findings = assess_elements(ctx)
    grade: GradeConversion | None = None
    if cred.transcript is not None:
        grade = grade_average(cred.transcript, policy.grading_scale, f"{field}.transcript")
    credits = None
    if cred.credits is not None:
        try:
            credits = convert_credits(cred.credits, policy.credit_system)
        except QualbridgeError as exc:
            raise CaseFieldError(f"{field}.credits.system", str(exc)) from None
    required = list(policy.rule(ctx.case.purpose.kind).required_documents)
    if not cred.completed:  # partial studies have no diploma: the transcript stands for it
        required = [DocumentKind.TRANSCRIPT if d is DocumentKind.DIPLOMA else d for d in required]
        required = list(dict.fromkeys(required))
    present = {d.kind for d in cred.documents}
    if background_paper:
        present.add(DocumentKind.BACKGROUND_PAPER)
    missing = [d.value for d in required if d not in present]
    level = comparable_level(ctx)
    rec = recommend(
        ctx,
        findings,
        missing_documents=missing,
        background_paper=background_paper,
        comparable_level=level,
        credits=credits,
    )
    inst = ctx.institution
    qt = ctx.qualification
    return CredentialAssessment(
        index=ctx.index,
        principal=principal,
        qualification=QualificationSummary(
            id=qt.id,
            names=dict(qt.names),
            title=cred.title,
            country=cred.country,
            levels=[p.level for p in qt.placements],
            programme=cred.programme.name if cred.programme else None,
            field=cred.programme.field if cred.programme else None,
            awarded=cred.awarded,
            awarded_year=cred.awarded.year if cred.awarded else cred.awarded_year,
            completed=cred.completed,
        ),
        institution=InstitutionSummary(
            given=inst.given,
            id=inst.id,
            names=dict(inst.names or {}),
            status=inst.status,
            is_mill=inst.is_mill,
            source_url=inst.source_url,
        ),
        comparison=ComparisonSummary(
            outcome=ctx.comparison.outcome.value,
            target_framework=ctx.comparison.target_framework,
            target_levels=list(ctx.comparison.target_levels),
            confidence=ctx.comparison.confidence,
            caveats=[c.text() for c in ctx.comparison.caveats],
        ),
        findings=findings,
        grade=grade,
        credits=credits,
        missing_documents=missing,
        recommendation=rec,
    )


def evaluate(
    case: Case,
    policy: Policy | None = None,
    *,
    registry: Registry | None = None,
    institutions: InstitutionRegistry | None = None,
    today: dt.date | None = None,
) -> Assessment:
    """Assess every credential of ``case`` under ``policy`` (default: the policy the case names)."""
    if policy is None:
        try:
            policy = get_policy(case.policy)
        except QualbridgeError as exc:
            raise CaseFieldError("policy", str(exc)) from None
    registry = registry or get_registry()
    principal = case.principal_index
    refugee_route = case.applicant.refugee or case.background_paper is not None
    contexts = [build_context(case, policy, registry, i, institutions) for i in range(len(case.credentials))]
    assessed = [_assess_credential(ctx, refugee_route, ctx.index == principal) for ctx in contexts]
    missing_any = any(c.missing_documents for c in assessed)
    documentation = "background-paper" if refugee_route else ("incomplete" if missing_any else "complete")
    applicant = {k: str(v) for k, v in case.applicant.model_dump(exclude_none=True).items() if k != "refugee"}
    paper = (
        case.background_paper.model_dump(mode="json", exclude_none=True) if case.background_paper else None
    )
    return Assessment(
        case_reference=case.reference,
        policy=policy.id,
        body=dict(policy.body),
        home_framework=policy.home_framework,
        purpose=case.purpose.kind.value,
        purpose_names=PURPOSE_NAMES[case.purpose.kind.value],
        requested=case.purpose.requested,
        required_level=contexts[principal].required_level,
        applicant=applicant,
        assessed_on=today or dt.date.today(),
        data_version=registry.data_version,
        documentation=documentation,
        background_paper=paper,
        credentials=assessed,
        appeal=dict(policy.appeal),
        time_limit_days=policy.time_limit_days,
        verify_base_url=policy.verify_base_url,
    )
