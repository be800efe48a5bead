"""The engine's pre-filled assessment of a case, from the core (never computed here).

The case becomes a core case file and :func:`qualbridge.evaluate.evaluate` fills the five findings
of each credential and the recommended outcome; a finding keeps the engine's reasoning and evidence
as its text and is marked substantial only for a substantial difference; the recommended outcome
becomes the initial draft decision (the same vocabulary, :class:`qualbridge.evaluate.Outcome`).

If the core refuses the case file (say, a qualification it cannot resolve), each credential is
assessed on its own, so an unassessable credential is reported on its own and never breaks the
others: for that one the level comes from :func:`qualbridge.compare.compare` against the policy's
home framework where it can, the other elements are left to the evaluator, and the core's reason is
kept for the staff in the assessment summary (never on the statement). Nothing is guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from qualbridge.compare import compare
from qualbridge.errors import QualbridgeError
from qualbridge.evaluate import evaluate, get_policy, parse_case
from qualbridge.evaluate.casefile import Purpose
from qualbridge.evaluate.findings import SEVERITY_NAMES, Element
from qualbridge.evaluate.policy import Policy, Severity
from qualbridge.registry import get_registry
from qualbridge.web.cases.models import Case, Credential, Decision
from qualbridge.web.jobs.institutions import shared_institutions


@dataclass(frozen=True)
class ElementFinding:
    text: str
    substantial: bool | None = None
    reasoning: str = ""


@dataclass
class EngineResult:
    findings: dict[int, dict[str, ElementFinding]] = field(default_factory=dict)
    summary: dict[str, Any] = field(default_factory=dict)
    recommended: str = ""
    data_version: str = ""


NOT_ASSESSED = "Not assessed by the engine: to be assessed by the evaluator."


def _credential_file(case: Case, credential: Credential) -> dict[str, Any]:
    kinds = sorted({d.kind for d in case.documents.all() if d.credential_id in (None, credential.pk)})
    return {
        "country": credential.country,
        "qualification": credential.qualification_type or credential.title,
        "title": credential.title,
        "institution": credential.institution_id or credential.institution or None,
        "documents": [{"kind": k} for k in kinds],
    }


def case_file(case: Case, credentials: list[Credential] | None = None) -> dict[str, Any]:
    """The case (or some of its credentials) as a core case file (``qualbridge.evaluate.casefile.Case``)."""
    chosen = credentials if credentials is not None else list(case.credentials.order_by("pk"))
    return {
        "reference": case.reference,
        "policy": case.office.policy,
        "purpose": {"kind": case.purpose},
        "credentials": [_credential_file(case, c) for c in chosen],
    }


def assess(case: Case) -> EngineResult:
    """The core's assessment; if the core refuses the case file, each credential on its own."""
    credentials = list(case.credentials.order_by("pk"))
    try:
        return _from_core(case, credentials)
    except QualbridgeError as exc:
        refused = str(exc)
    policy = get_policy(case.office.policy)
    result = EngineResult(
        data_version=get_registry().data_version,
        summary={"engine": "per-credential", "home": policy.home_framework, "engine_refused": refused},
    )
    for credential in credentials:
        try:
            single = _from_core(case, [credential])
        except QualbridgeError as exc:
            result.summary.setdefault("unassessable", {})[str(credential.pk)] = str(exc)
            result.findings[credential.pk] = _level_only(result, policy, credential)
            continue
        result.findings[credential.pk] = single.findings[credential.pk]
        assessed = single.summary["credentials"][0]["comparison"]
        result.summary.setdefault("comparison", {})[str(credential.pk)] = assessed
    return result


def _from_core(case: Case, credentials: list[Credential]) -> EngineResult:
    assessment = evaluate(
        parse_case(case_file(case, credentials), case.reference), institutions=shared_institutions()
    )
    result = EngineResult(summary=assessment.as_json(), data_version=assessment.data_version)
    for credential, assessed in zip(credentials, assessment.credentials, strict=True):
        items: dict[str, ElementFinding] = {}
        for finding in assessed.findings:
            severity = SEVERITY_NAMES[finding.severity]["en"]
            items[finding.element.value] = ElementFinding(
                text=f"{severity[:1].upper()}{severity[1:]}: {finding.reasoning_en}",
                substantial=finding.severity is Severity.SUBSTANTIAL,
                reasoning="; ".join(finding.evidence) or finding.code,
            )
        result.findings[credential.pk] = items
    outcome = assessment.recommendation.outcome.value
    result.recommended = outcome if outcome in Decision.values else ""
    return result


def _level_only(result: EngineResult, policy: Policy, credential: Credential) -> dict[str, ElementFinding]:
    """The findings of a credential the core could not assess: the level from a comparison, if any."""
    items = {e.value: ElementFinding(NOT_ASSESSED) for e in Element}
    query = credential.qualification_type or credential.title
    try:
        comparison = compare(query, policy.home_framework, credential.country or None)
    except QualbridgeError as exc:
        items[Element.LEVEL] = ElementFinding(f"The engine could not place {query!r}: {exc}")
        return items
    labels = ", ".join(comparison.target_level_labels.get(lv, lv) for lv in comparison.target_levels)
    text = f"{comparison.outcome.value}: {labels or 'no level'} (confidence {comparison.confidence:.2f})."
    if comparison.caveats:
        text += " " + " ".join(c.text() for c in comparison.caveats)
    result.summary.setdefault("level", {})[str(credential.pk)] = comparison.as_json()["target_levels"]
    result.summary.setdefault("comparison", {})[str(credential.pk)] = {
        "outcome": comparison.outcome.value,
        "target_framework": comparison.target_framework,
        "target_levels": list(comparison.target_levels),
        "confidence": comparison.confidence,
        "caveats": [c.text() for c in comparison.caveats],
    }
    items[Element.LEVEL] = ElementFinding(text, None, "")
    return items


def required_documents(case: Case) -> list[str]:
    """Document kinds the office's policy requires for the case's purpose (the checklist)."""
    return [k.value for k in get_policy(case.office.policy).rule(Purpose(case.purpose)).required_documents]


def missing_to_start(case: Case, policy: Policy) -> list[str]:
    """Documents the policy needs before the assessment can start that the case lacks (none when
    the applicant brings a background paper instead: the refugee procedure, EAR manual ch. 12)."""
    present = set(case.documents.values_list("kind", flat=True))
    if "background-paper" in present:
        return []
    return [k.value for k in policy.rule(Purpose(case.purpose)).required_to_start if k.value not in present]
