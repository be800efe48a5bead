"""The claims a statement signs, and the address that verifies it.

:func:`statement_claims` is what the signing module signs: the assessment's decision in the terms of
the qualbridge statement context. :func:`verification_url` is the address the printed link and the QR
code carry: the verification page with the statement's id (the bare uuid, which the page accepts as
well as the ``urn:uuid:`` form) and a digest of the credential.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

if TYPE_CHECKING:
    from qualbridge.evaluate.assess import Assessment


def statement_claims(assessment: Assessment) -> dict[str, Any]:
    """The credentialSubject of the signed statement (terms of the qualbridge statement context)."""
    c = assessment.principal
    rec = c.recommendation
    qualification: dict[str, Any] = {
        "type": "Qualification",
        "qualificationType": c.qualification.id,
        "names": {k: v for k, v in c.qualification.names.items() if k in ("ja", "en", "ja-Latn")},
        "country": c.qualification.country,
        "level": ", ".join(c.comparison.target_levels) or None,
        "institution": c.institution.id or c.institution.given,
        "programme": c.qualification.programme,
        "awarded": c.qualification.awarded.isoformat() if c.qualification.awarded else None,
    }
    if c.credits is not None:
        qualification["credits"] = c.credits.amount
        qualification["creditSystem"] = c.credits.system
    decision: dict[str, Any] = {
        "type": "RecognitionDecision",
        "outcome": rec.outcome.value,
        "names": dict(rec.names),
        "purpose": assessment.purpose,
        "targetFramework": assessment.home_framework,
        "comparableType": [rec.comparable_type] if rec.comparable_type else [],
        "comparableLevel": [rec.comparable_level] if rec.comparable_level else [],
        "reasons": [*rec.reasons_en, *rec.reasons_ja],
        "notes": " ".join([*rec.conditions_en, *rec.conditions_ja]) or None,
        "workload": f"{c.credits.converted:g} {c.credits.target_system}" if c.credits else None,
        "decidedOn": assessment.assessed_on.isoformat(),
        "decidingBody": assessment.policy,
        "appeal": assessment.appeal.get("en"),
        "dataVersion": assessment.data_version,
    }
    claims: dict[str, Any] = {
        "caseReference": assessment.case_reference,
        "recognisingBody": assessment.policy,
        "qualification": {k: v for k, v in qualification.items() if v is not None},
        "decision": {k: v for k, v in decision.items() if v not in (None, [])},
    }
    for key, term in (
        ("given_name", "givenName"),
        ("family_name", "familyName"),
        ("birth_date", "birthDate"),
    ):
        if key in assessment.applicant:
            claims[term] = assessment.applicant[key]
    return claims


def credential_digest(credential: Mapping[str, Any]) -> str:
    """First 128 bits of the SHA-256 of the credential's canonical JSON, base64url: short enough for a QR code."""
    canonical = json.dumps(credential, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return base64.urlsafe_b64encode(hashlib.sha256(canonical.encode()).digest()[:16]).decode().rstrip("=")


def verification_url(
    assessment: Assessment, credential: Mapping[str, Any] | None, base: str | None = None
) -> str:
    """``<base>/verify?ref=...&id=...&digest=...``: the digest lets the page check the file it is shown."""
    root = (base or assessment.verify_base_url).rstrip("/")
    query = {"ref": assessment.case_reference}
    if credential is not None:
        query["id"] = str(credential.get("id", "")).removeprefix("urn:uuid:")
        query["digest"] = credential_digest(credential)
    return f"{root}/verify?{urlencode(query)}"
