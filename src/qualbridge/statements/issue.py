"""Issuing a statement as a signed W3C Verifiable Credential 2.0.

The claims (what the statement says about the holder's qualification) become the
``credentialSubject`` of a ``RecognitionStatement`` credential under the VC 2.0 context and the
qualbridge statement context, optionally with a Bitstring Status List entry so it can be revoked,
and are signed with Ed25519 (``eddsa-rdfc-2022``). A claim whose name the contexts do not define is
refused before signing, since the signature would not cover it.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from qualbridge.statements.contextcheck import undefined_terms
from qualbridge.statements.dataintegrity import sign, xsd_datetime
from qualbridge.statements.documentloader import (
    CREDENTIALS_V2,
    QUALBRIDGE_V1,
    QUALBRIDGE_V2,
    load_context,
    statement_context_url,
)
from qualbridge.statements.errors import InvalidCredential, UndefinedTerms
from qualbridge.statements.multikey import KeyPair
from qualbridge.statements.statuslist import StatusEntry
from qualbridge.statements.structure import parse_datetime
from qualbridge.statements.verify import structure_problems

STATEMENT_TYPE = "RecognitionStatement"


def statement_terms(context_version: int = 1) -> list[str]:
    """The claim names the qualbridge statement context defines (for an error message)."""
    context = load_context(QUALBRIDGE_V2 if context_version == 2 else QUALBRIDGE_V1).get("@context")
    if not isinstance(context, dict):
        return []
    return sorted(t for t in context if not t.startswith("@") and t[:1].islower())


def build_credential(
    claims: Mapping[str, Any],
    issuer: str,
    *,
    status: StatusEntry | None = None,
    credential_id: str | None = None,
    valid_from: datetime | str | None = None,
    valid_until: datetime | str | None = None,
    name: str | None = None,
    description: str | None = None,
    extra_types: Sequence[str] = (),
    context_base: str | None = None,
    credential_type: str = STATEMENT_TYPE,
    context_version: int = 1,
) -> dict[str, Any]:
    """The unsigned credential for ``claims`` (checked: every term is defined).

    The statement context is named at ``context_base`` (default: ``QUALBRIDGE_PUBLIC_URL``), where the
    deployment serves it; see :func:`~qualbridge.statements.documentloader.statement_context_url`.
    ``credential_type`` is the credential's own type after ``VerifiableCredential`` (a qualifications
    passport is not a recognition statement), ``context_version`` the statement context's version.
    """
    if not isinstance(claims, Mapping) or not claims:
        raise InvalidCredential("Claims must be a non-empty JSON object (the credentialSubject).")
    if "@context" in claims:
        raise InvalidCredential("Claims may not carry their own @context.")
    doc: dict[str, Any] = {
        "@context": [CREDENTIALS_V2, statement_context_url(context_base, context_version)],
        "id": credential_id or f"urn:uuid:{uuid.uuid4()}",
        "type": ["VerifiableCredential", credential_type, *extra_types],
        "issuer": issuer,
        "validFrom": valid_from if isinstance(valid_from, str) else xsd_datetime(valid_from),
    }
    if valid_until is not None:
        doc["validUntil"] = valid_until if isinstance(valid_until, str) else xsd_datetime(valid_until)
    if name:
        doc["name"] = name
    if description:
        doc["description"] = description
    doc["credentialSubject"] = copy.deepcopy(dict(claims))
    if status is not None:
        doc["credentialStatus"] = status.to_json()
    problems = [p for p in structure_problems(doc) if "proof" not in p]
    if not problems and "validUntil" in doc:
        start = parse_datetime(doc["validFrom"], "validFrom")
        end = parse_datetime(doc["validUntil"], "validUntil")
        if end < start:  # VC 2.0 §4.9: validFrom must not be later than validUntil
            problems.append(f"validUntil {doc['validUntil']} is before validFrom {doc['validFrom']}")
    if problems:
        raise InvalidCredential("Cannot issue: " + "; ".join(problems) + ".")
    bad = undefined_terms(doc)
    if bad:
        raise UndefinedTerms(bad, statement_terms(context_version))
    return doc


def issue_credential(
    claims: Mapping[str, Any],
    key: KeyPair,
    issuer: str,
    status: StatusEntry | None = None,
    *,
    created: str | None = None,
    verification_method: str | None = None,
    proof_id: str | None = None,
    **options: Any,
) -> dict[str, Any]:
    """Build and sign a statement credential; ``options`` go to :func:`build_credential`.

    When ``issuer`` is a ``did:key`` it must be the signing key's own, or no verifier could tie
    the signature to the issuer. ``verification_method`` names the key as the issuer's DID document
    does (default: the key's did:key method).
    """
    if issuer.startswith("did:key:") and issuer != key.did:
        raise InvalidCredential(f"Issuer {issuer} is a did:key but the signing key is {key.did}.")
    doc = build_credential(claims, issuer, status=status, **options)
    return sign(doc, key, created=created, verification_method=verification_method, proof_id=proof_id)
