"""Turn the core's :class:`qualbridge.evaluate.Assessment` into the case's pre-filled findings.

The core names the element ``learning-outcomes`` and grades each difference none / minor /
substantial; here a finding keeps the engine's English reasoning and evidence as its text, marks
``substantial_difference`` only for a substantial one, and the recommended outcome becomes the
initial draft decision (same vocabulary: full, partial, alternative, conditional, non-recognition).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qualbridge.evaluate import evaluate, parse_case
from qualbridge.evaluate.findings import SEVERITY_NAMES
from qualbridge.evaluate.policy import Severity
from qualbridge.web.cases.engine import ElementFinding, EngineResult
from qualbridge.web.cases.models import Decision

if TYPE_CHECKING:
    from qualbridge.web.cases.models import Case


def from_core(case: Case, case_file: dict[str, Any]) -> EngineResult:
    assessment = evaluate(parse_case(case_file, case.reference))
    credentials = list(case.credentials.order_by("pk"))
    result = EngineResult(summary=assessment.as_json(), data_version=assessment.data_version)
    for credential, assessed in zip(credentials, assessment.credentials, strict=True):
        items: dict[str, ElementFinding] = {}
        for finding in assessed.findings:
            element = finding.element.value.replace("-", "_")
            severity = SEVERITY_NAMES[finding.severity]["en"]
            items[element] = ElementFinding(
                text=f"{severity[:1].upper()}{severity[1:]}: {finding.reasoning_en}",
                substantial=finding.severity is Severity.SUBSTANTIAL,
                reasoning="; ".join(finding.evidence) or finding.code,
            )
        result.findings[credential.pk] = items
    outcome = assessment.recommendation.outcome.value
    result.recommended = outcome if outcome in Decision.values else ""
    return result
