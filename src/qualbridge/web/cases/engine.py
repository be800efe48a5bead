"""The engine's pre-filled assessment of a case, from the core (never computed here).

The case becomes a core case file and ``qualbridge.evaluate.evaluate`` fills the five findings and
the recommended outcome (see :mod:`.engine_core`). If the core refuses the case file (say, a
qualification type it cannot resolve), the level comes from ``qualbridge.compare.compare`` against
the office policy's home framework, the other elements are left for the evaluator marked as not
assessed, and the core's reason is kept in the assessment summary; nothing is guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from qualbridge.errors import QualbridgeError
from qualbridge.web.cases.models import Case, Element


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


def case_file(case: Case) -> dict[str, Any]:
    """The case as a core case file (``qualbridge.evaluate.casefile.Case``)."""
    credentials = []
    for credential in case.credentials.order_by("pk"):
        kinds = sorted({d.kind for d in case.documents.all() if d.credential_id in (None, credential.pk)})
        credentials.append(
            {
                "country": credential.country,
                "qualification": credential.qualification_type or credential.title,
                "title": credential.title,
                "institution": credential.institution or None,
                "documents": [{"kind": k} for k in kinds],
            }
        )
    return {
        "reference": case.reference,
        "policy": case.office.policy,
        "purpose": {"kind": case.purpose},
        "credentials": credentials,
    }


def assess(case: Case) -> EngineResult:
    """The core's assessment; if the core refuses the case file, the level alone, with the reason."""
    try:
        return _from_core(case)
    except (QualbridgeError, ImportError) as exc:
        result = _fallback(case)
        result.summary["engine_refused"] = str(exc)
        return result


def _from_core(case: Case) -> EngineResult:
    from qualbridge.web.cases.engine_core import from_core

    return from_core(case, case_file(case))


def _fallback(case: Case) -> EngineResult:
    from qualbridge.compare import compare
    from qualbridge.registry import get_registry

    home = _home_framework(case)
    result = EngineResult(
        data_version=get_registry().data_version, summary={"engine": "compare", "home": home}
    )
    for credential in case.credentials.order_by("pk"):
        items = {e.value: ElementFinding(NOT_ASSESSED) for e in Element}
        query = credential.qualification_type or credential.title
        try:
            comparison = compare(query, home, credential.country or None)
        except QualbridgeError as exc:
            items[Element.LEVEL] = ElementFinding(f"The engine could not place {query!r}: {exc}")
        else:
            labels = ", ".join(comparison.target_level_labels.get(lv, lv) for lv in comparison.target_levels)
            text = (
                f"{comparison.outcome.value}: {labels or 'no level'} "
                f"(confidence {comparison.confidence:.2f})."
            )
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
        result.findings[credential.pk] = items
    return result


def _home_framework(case: Case) -> str:
    try:
        from qualbridge.evaluate.policy import get_policy

        return get_policy(case.office.policy).home_framework
    except (ImportError, QualbridgeError):
        return "eu-eqf"


def required_documents(case: Case) -> list[str]:
    """Document kinds the office's policy requires for the case's purpose (the checklist)."""
    try:
        from qualbridge.evaluate.casefile import Purpose
        from qualbridge.evaluate.policy import get_policy

        return [
            k.value for k in get_policy(case.office.policy).rule(Purpose(case.purpose)).required_documents
        ]
    except (ImportError, QualbridgeError, ValueError):
        return ["diploma", "transcript", "identity"]
