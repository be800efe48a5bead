"""What a published decision shows: the decision and its reasons, never who it concerns.

Kept: the deciding office, the month of the decision, the purpose, each credential's country,
qualification type and title, the outcome, the evaluator's reasons and the five-element findings (the
quality finding names the institution and its status: that is what it is about). Left out: the
applicant, the staff, the case reference, the award year, documents and dates to the day.
"""

from __future__ import annotations

from typing import Any

from qualbridge.registry import get_registry
from qualbridge.web.cases.models import Case


def public_record(case: Case) -> dict[str, Any]:
    registry = get_registry()
    credentials = []
    for credential in case.credentials.order_by("pk"):
        qt = (
            registry.qualifications.get(credential.qualification_type)
            if credential.qualification_type
            else None
        )
        findings = [
            {
                "element": f.element,
                "substantial_difference": f.substantial_difference,
                "reasoning": f.reasoning or f.text,
            }
            for f in case.findings.filter(credential=credential).order_by("pk")
        ]
        credentials.append(
            {
                "country": credential.country,
                "qualification_type": credential.qualification_type or None,
                "type_names": dict(qt.names) if qt else {},
                "title": credential.title,
                "findings": findings,
            }
        )
    decided = case.decided_at.strftime("%Y-%m") if case.decided_at else None
    return {
        "office": {"slug": case.office.slug, "en": case.office.name_en, "ja": case.office.name_ja},
        "decided": decided,
        "purpose": case.purpose,
        "decision": case.decision,
        "reasons": case.decision_reasons,
        "basis": case.decision_basis,
        "credentials": credentials,
        "data_version": case.data_version,
    }
