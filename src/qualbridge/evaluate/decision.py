"""The assessment as decided: the engine's proposal with the recognising body's decision applied.

The engine proposes (:func:`qualbridge.evaluate.evaluate`); the office decides. A statement must
say what the office decided, so before a statement is rendered and signed the approved outcome,
its reasons and the evaluator's edited findings replace the engine's in the assessment:

- every credential's recommendation takes the approved outcome, its names and next steps (from the
  policy), and the office's reasons. The engine's reasons and conditions are kept after the
  office's only while they still argue for what was decided (same outcome, no finding's severity
  changed); the comparable home qualification is kept only where both outcomes name one (full or
  conditional recognition);
- an edited finding takes the evaluator's text and reasoning; "substantial" makes it substantial,
  "not substantial" turns an engine's substantial difference into a minor one and leaves a lesser
  one as the engine graded it;
- text written by the evaluator is in one language: it goes on its own side of the bilingual
  statement, and on the other side marked as written in that language (nothing is machine
  translated).

When the engine refused the case file (an unresolvable qualification, say),
:func:`decided_without_engine` builds the assessment from the case's own record and the evaluator's
findings only, and says so in the reasons.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field

from qualbridge.errors import CaseFieldError, QualbridgeError
from qualbridge.evaluate.assess import (
    Assessment,
    ComparisonSummary,
    CredentialAssessment,
    InstitutionSummary,
    QualificationSummary,
)
from qualbridge.evaluate.findings import ELEMENT_NAMES, Element, Finding
from qualbridge.evaluate.outcome import OUTCOME_NAMES, PURPOSE_NAMES, Recommendation
from qualbridge.evaluate.policy import Outcome, Policy, Severity, get_policy
from qualbridge.messages import both, text
from qualbridge.registry.models import LangText

#: outcomes that recognise the qualification as comparable to a home qualification of the same kind
COMPARABLE_OUTCOMES = (Outcome.FULL, Outcome.CONDITIONAL)
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FindingEdit(_Frozen):
    """The evaluator's version of one element of one credential (``None``: keep the engine's)."""

    credential: int = Field(ge=0, description="index of the credential in the assessment")
    element: Element
    text: str | None = None
    substantial: bool | None = None
    reasoning: str | None = None


class OfficeDecision(_Frozen):
    """What the recognising body approved, with what the statement says about the decision."""

    outcome: Outcome
    reasons: str
    #: what a partial, alternative or conditional recognition rests on, in the evaluator's words
    basis: str = ""
    decided_on: dt.date
    findings: list[FindingEdit] = Field(default_factory=list)
    applicant: dict[str, str] = Field(default_factory=dict)  # given_name, family_name, birth_date
    body: LangText | None = None  # the office's names, when they differ from the policy's
    appeal: LangText | None = None  # the office's appeal text (e.g. with the actual deadline)


def is_japanese(text: str) -> bool:
    """Whether ``text`` is written in Japanese (holds kana or kanji).

    >>> is_japanese("実質的な相違なし"), is_japanese("No substantial difference.")
    (True, False)
    """
    return bool(_JAPANESE.search(text))


def bilingual(written: str) -> tuple[str, str]:
    """(English side, Japanese side) of text the evaluator wrote in one language.

    >>> bilingual("Comparable level.")
    ('Comparable level.', '［英語原文］Comparable level.')
    """
    written = written.strip()
    if is_japanese(written):
        return text("decision.as-written-in-other-language", "en", text=written), written
    return written, text("decision.as-written-in-other-language", "ja", text=written)


def _lines(text: str) -> tuple[list[str], list[str]]:
    en: list[str] = []
    ja: list[str] = []
    for line in (x.strip() for x in text.splitlines()):
        if line:
            line_en, line_ja = bilingual(line)
            en.append(line_en)
            ja.append(line_ja)
    return en, ja


def _severity(engine: Severity, substantial: bool | None) -> Severity:
    if substantial is None:
        return engine
    if substantial:
        return Severity.SUBSTANTIAL
    return Severity.MINOR if engine is Severity.SUBSTANTIAL else engine


def _edit(finding: Finding, edit: FindingEdit | None) -> Finding:
    if edit is None:
        return finding
    changes: dict[str, object] = {"severity": _severity(finding.severity, edit.substantial)}
    if edit.text and edit.text.strip():
        changes["reasoning_en"], changes["reasoning_ja"] = bilingual(edit.text)
    if edit.reasoning and edit.reasoning.strip():
        changes["evidence"] = [edit.reasoning.strip()]
    return finding.model_copy(update=changes)


def refusal_citations(findings: Sequence[Finding]) -> tuple[list[str], list[str]]:
    """(English, Japanese) sentences citing each substantial difference a refusal rests on."""
    cited = [f for f in findings if f.severity is Severity.SUBSTANTIAL]

    def cites(lang: str) -> list[str]:
        return [
            text(
                "decision.refusal-cites",
                lang,
                element=ELEMENT_NAMES[f.element][lang],
                reasoning=f.reasoning_en if lang == "en" else f.reasoning_ja,
            )
            for f in cited
        ]

    return cites("en"), cites("ja")


def basis_lines(decision: OfficeDecision) -> tuple[list[str], list[str]]:
    """(English, Japanese) lines of what the decision rests on: a conditional recognition's
    conditions as written, any other outcome's basis introduced as such."""
    en, ja = _lines(decision.basis)
    if decision.outcome is Outcome.CONDITIONAL or not en:
        return en, ja
    return [text("decision.rests-on", "en", basis=b) for b in en], [
        text("decision.rests-on", "ja", basis=b) for b in ja
    ]


def _recommendation(
    engine: Recommendation,
    decision: OfficeDecision,
    policy: Policy | None,
    keep_engine_reasons: bool,
    findings: Sequence[Finding] = (),
) -> Recommendation:
    outcome = decision.outcome
    same = outcome is engine.outcome and keep_engine_reasons
    reasons_en, reasons_ja = _lines(decision.reasons)
    if outcome is Outcome.NON_RECOGNITION:  # a refusal cites the substantial differences it rests on
        cited_en, cited_ja = refusal_citations(findings)
        reasons_en, reasons_ja = reasons_en + cited_en, reasons_ja + cited_ja
    basis_en, basis_ja = basis_lines(decision)
    if outcome is not Outcome.CONDITIONAL:  # the basis of a conditional recognition is its conditions
        reasons_en, reasons_ja = reasons_en + basis_en, reasons_ja + basis_ja
        basis_en, basis_ja = [], []
    comparable = engine.outcome in COMPARABLE_OUTCOMES and outcome in COMPARABLE_OUTCOMES
    next_steps = policy.next_steps.get(outcome) if policy is not None else None
    if next_steps is None:
        next_steps = engine.next_steps if outcome is engine.outcome else {}
    return Recommendation(
        outcome=outcome,
        names=OUTCOME_NAMES[outcome],
        comparable_type=engine.comparable_type if comparable else None,
        comparable_names=dict(engine.comparable_names) if comparable else {},
        comparable_level=engine.comparable_level if comparable else None,
        reasons_en=reasons_en + (engine.reasons_en if same else []),
        reasons_ja=reasons_ja + (engine.reasons_ja if same else []),
        conditions_en=basis_en + (list(engine.conditions_en) if same else []),
        conditions_ja=basis_ja + (list(engine.conditions_ja) if same else []),
        next_steps=dict(next_steps),
    )


def _policy(policy_id: str) -> Policy | None:
    try:
        return get_policy(policy_id)
    except QualbridgeError:
        return None


def _common(assessment: Assessment, decision: OfficeDecision) -> dict[str, object]:
    return {
        "assessed_on": decision.decided_on,
        "applicant": {**assessment.applicant, **decision.applicant},
        "body": dict(decision.body or assessment.body),
        "appeal": dict(decision.appeal or assessment.appeal),
    }


def decided(assessment: Assessment, decision: OfficeDecision, policy: Policy | None = None) -> Assessment:
    """``assessment`` as the office decided it (see the module's docstring for the rules)."""
    policy = policy or _policy(assessment.policy)
    edits = {(e.credential, e.element): e for e in decision.findings}
    if bad := [e for e in decision.findings if e.credential >= len(assessment.credentials)]:
        raise CaseFieldError(
            f"findings[{decision.findings.index(bad[0])}].credential",
            f"credential {bad[0].credential} does not exist; the assessment has "
            f"{len(assessment.credentials)} credential(s), numbered from 0",
        )
    credentials = []
    for c in assessment.credentials:
        findings = [_edit(f, edits.get((c.index, f.element))) for f in c.findings]
        unchanged = all(a.severity is b.severity for a, b in zip(findings, c.findings, strict=True))
        rec = _recommendation(c.recommendation, decision, policy, unchanged, findings)
        credentials.append(c.model_copy(update={"findings": findings, "recommendation": rec}))
    return assessment.model_copy(update={**_common(assessment, decision), "credentials": credentials})


class RecordedCredential(_Frozen):
    """A credential as the case records it, for a case file the engine refused."""

    title: str
    qualification_type: str = ""
    country: str
    institution: str = ""
    awarded_year: int | None = None
    comparison: ComparisonSummary | None = None  # a level comparison made without the full engine


def _judged(edits: dict[tuple[int, Element], FindingEdit], index: int) -> list[Finding]:
    """The findings the evaluator judged for one credential (undecided elements are left out)."""
    findings = []
    for element in Element:
        edit = edits.get((index, element))
        if edit is None or edit.substantial is None:
            continue
        text_en, text_ja = bilingual(edit.text or edit.reasoning or "")
        findings.append(
            Finding(
                element=element,
                severity=Severity.SUBSTANTIAL if edit.substantial else Severity.NONE,
                code="evaluator",
                evidence=[edit.reasoning.strip()] if edit.reasoning and edit.reasoning.strip() else [],
                reasoning_en=text_en,
                reasoning_ja=text_ja,
            )
        )
    return findings


def _office_recommendation(
    decision: OfficeDecision, policy: Policy, findings: list[Finding]
) -> Recommendation:
    """The office's decision as the recommendation of a credential the engine did not assess."""
    reasons_en, reasons_ja = _lines(decision.reasons)
    if decision.outcome is Outcome.NON_RECOGNITION:
        cited_en, cited_ja = refusal_citations(findings)
        reasons_en, reasons_ja = reasons_en + cited_en, reasons_ja + cited_ja
    conditional = decision.outcome is Outcome.CONDITIONAL
    basis_en, basis_ja = basis_lines(decision)
    if not conditional:
        reasons_en, reasons_ja = reasons_en + basis_en, reasons_ja + basis_ja
    note = both("decision.not-assessed-automatically")
    return Recommendation(
        outcome=decision.outcome,
        names=OUTCOME_NAMES[decision.outcome],
        reasons_en=[*reasons_en, note["en"]],
        reasons_ja=[*reasons_ja, note["ja"]],
        conditions_en=basis_en if conditional else [],
        conditions_ja=basis_ja if conditional else [],
        next_steps=dict(policy.next_steps.get(decision.outcome, {})),
    )


def decided_without_engine(
    *,
    reference: str,
    policy: Policy,
    purpose: str,
    credentials: Sequence[RecordedCredential],
    decision: OfficeDecision,
    data_version: str,
) -> Assessment:
    """The decided assessment of a case the engine refused: the case's record, the comparison made
    without the engine (if any), only the findings the evaluator judged, and the office's decision.

    A finding the evaluator judged "not substantial" is stated as no difference (the evaluator's text
    says more); an element left undecided is not listed. Why the engine could not assess the case is
    for the staff: it is not stated (an engine's error message is no reason given to an applicant).
    """
    if not credentials:
        raise CaseFieldError("credentials", "a decided case has at least one credential")
    edits = {(e.credential, e.element): e for e in decision.findings}
    assessed = []
    for index, cred in enumerate(credentials):
        findings = _judged(edits, index)
        title_lang = "ja" if is_japanese(cred.title) else "en"
        assessed.append(
            CredentialAssessment(
                index=index,
                principal=index == 0,
                qualification=QualificationSummary(
                    id=cred.qualification_type,
                    names={title_lang: cred.title},
                    title=cred.title,
                    country=cred.country,
                    awarded_year=cred.awarded_year,
                ),
                institution=InstitutionSummary(given=cred.institution or None, status="not-checked"),
                comparison=cred.comparison
                or ComparisonSummary(
                    outcome="individual-assessment",
                    target_framework=policy.home_framework,
                    target_levels=[],
                    confidence=0.0,
                ),
                findings=findings,
                recommendation=_office_recommendation(decision, policy, findings),
            )
        )
    return Assessment(
        case_reference=reference,
        policy=policy.id,
        body=dict(decision.body or policy.body),
        home_framework=policy.home_framework,
        purpose=purpose,
        purpose_names=PURPOSE_NAMES[purpose],
        applicant=dict(decision.applicant),
        assessed_on=decision.decided_on,
        data_version=data_version,
        documentation="complete",
        credentials=assessed,
        appeal=dict(decision.appeal or policy.appeal),
        time_limit_days=policy.time_limit_days,
        verify_base_url=policy.verify_base_url,
    )
