"""What a verified statement says, for the verify page and the API: holder, qualification, decision, issuer.

The verifier needs to see *what* was verified, not only that something was: the holder's name, the
qualification and institution, the decision and its comparison sentence, the issuing body by name (from
the trust list, never from the document itself), and the dates. Values are taken from the statement as
signed; both languages are kept where the statement has both, and the page picks the reader's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from qualbridge.statements.passport import document_kind, passport_facts
from qualbridge.statements.structure import issuer_id
from qualbridge.statements.trust import TrustList


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _names(value: Any) -> dict[str, str]:
    if isinstance(value, Mapping):
        return {str(k): str(v) for k, v in value.items() if isinstance(v, str)}
    return {}


def _holder(subject: Mapping[str, Any]) -> str:
    name = " ".join(_text(subject.get(k)) for k in ("givenName", "familyName") if subject.get(k))
    return name or _text(subject.get("id"))


def _reasons(decision: Mapping[str, Any]) -> dict[str, list[str]]:
    """The decision's reasons split by script (the statement lists the English ones, then the Japanese)."""
    reasons = [r for r in decision.get("reasons", []) if isinstance(r, str)]
    ja = [r for r in reasons if any("\u3040" <= ch <= "\u9fff" for ch in r)]
    return {"en": [r for r in reasons if r not in ja], "ja": ja}


def statement_content(doc: Mapping[str, Any] | None, trust: TrustList) -> dict[str, Any] | None:
    """The readable content of a statement (None for a document that is not a credential object)."""
    if not isinstance(doc, Mapping):
        return None
    subject = doc.get("credentialSubject")
    subject = subject[0] if isinstance(subject, list) and subject else subject
    if not isinstance(subject, Mapping):
        subject = {}
    qualification = subject.get("qualification")
    qualification = qualification if isinstance(qualification, Mapping) else {}
    decision = subject.get("decision")
    decision = decision if isinstance(decision, Mapping) else {}
    issuer = issuer_id(doc)
    listed = trust.issuer(issuer)
    proof = doc.get("proof")
    first_proof = proof[0] if isinstance(proof, list) and proof else proof
    return {
        "id": _text(doc.get("id")),
        "kind": document_kind(doc),  # h18p: a qualifications passport says so
        "passport": passport_facts(doc),
        "holder": _holder(subject),
        "qualification": {
            "type": _text(qualification.get("qualificationType") or subject.get("qualificationType")),
            "names": _names(qualification.get("names")),
            "country": _text(qualification.get("country")),
            "institution": _text(qualification.get("institution")),
            "awarded": _text(qualification.get("awarded")),
        },
        "decision": {
            "outcome": _text(decision.get("outcome")),
            "names": _names(decision.get("names")),
            "comparable_level": [x for x in decision.get("comparableLevel", []) if isinstance(x, str)]
            or [x for x in subject.get("comparableLevel", []) if isinstance(x, str)],
            "comparable_type": [x for x in decision.get("comparableType", []) if isinstance(x, str)],
            "reasons": _reasons(decision),
            "decided_on": _text(decision.get("decidedOn")),
        },
        "issuer": {
            "id": issuer or "",
            "on_trust_list": listed is not None,
            "names": dict(listed.names) if listed else {},
            "country": listed.country if listed else "",
        },
        "valid_from": _text(doc.get("validFrom")),
        "valid_until": _text(doc.get("validUntil")),
        "signed": _text(first_proof.get("created")) if isinstance(first_proof, Mapping) else "",
    }
