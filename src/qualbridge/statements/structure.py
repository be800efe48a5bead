"""The shape a Verifiable Credential or Presentation must have (W3C VC Data Model 2.0), field by field.

Each problem names the field it is about, so the VC-API can answer a problem document naming it and
the verifier's structure check can list them. Only shapes are checked here; meaning (contexts, terms,
signatures) is checked by :mod:`qualbridge.statements.contextcheck` and
:mod:`qualbridge.statements.dataintegrity`.

>>> [p.field for p in credential_problems({"@context": ["https://www.w3.org/ns/credentials/v2"],
...     "type": ["VerifiableCredential"], "issuer": "did:example:1", "credentialSubject": {"name": "A"},
...     "credentialSchema": {"id": "https://example.org/schema"}}, require_proof=False)]
['credentialSchema.type']
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from qualbridge.statements.documentloader import CREDENTIALS_V1, CREDENTIALS_V2

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-rdfc-2022"
#: an absolute URL / IRI: a scheme, a colon, then no white space (RFC 3986 §3.1)
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$")
#: objects that the data model requires to carry a ``type`` (and, for some, an ``id``)
TYPED = {
    "credentialSchema": True,
    "refreshService": False,
    "termsOfUse": False,
    "evidence": False,
    "credentialStatus": False,
}


@dataclass(frozen=True)
class Problem:
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field} {self.message}"


def is_url(value: Any) -> bool:
    return isinstance(value, str) and bool(_URL.match(value))


def parse_datetime(value: Any, name: str) -> datetime:
    """An XMLSchema dateTimeStamp (with a time zone) as an aware datetime."""
    if not isinstance(value, str) or "T" not in value:
        raise ValueError(f"{name} {value!r} is not an XMLSchema dateTime")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{name} {value!r} is not an XMLSchema dateTime") from None
    if moment.tzinfo is None:
        raise ValueError(f"{name} {value!r} has no time zone")
    return moment


def issuer_id(doc: Mapping[str, Any]) -> str | None:
    issuer = doc.get("issuer")
    if isinstance(issuer, Mapping):
        issuer = issuer.get("id")
    return issuer if isinstance(issuer, str) else None


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def data_model(doc: Mapping[str, Any]) -> str:
    """``"2.0"`` or ``"1.1"`` by the first context (1.1 credentials of other issuers are verified too)."""
    ctx = doc.get("@context")
    first = ctx[0] if isinstance(ctx, list) and ctx else ctx
    return "1.1" if first == CREDENTIALS_V1 else "2.0"


def _context_problems(doc: Mapping[str, Any]) -> list[Problem]:
    ctx = doc.get("@context")
    if not isinstance(ctx, list) or not ctx or ctx[0] not in (CREDENTIALS_V2, CREDENTIALS_V1):
        return [Problem("@context", f"must be a list starting with {CREDENTIALS_V2} (or {CREDENTIALS_V1})")]
    bad = [c for c in ctx[1:] if not (is_url(c) or isinstance(c, Mapping))]
    return [Problem("@context", "each context must be a URL or an object")] if bad else []


def _type_problems(doc: Mapping[str, Any], required: str) -> list[Problem]:
    types = doc.get("type")
    listed = _items(types)
    if not all(isinstance(t, str) and t for t in listed) or required not in listed:
        return [Problem("type", f"must be {required!r} or a list of strings including it")]
    return []


def _text_problems(doc: Mapping[str, Any]) -> list[Problem]:
    """``name`` and ``description``: a string, a language value object, or a list of those."""
    problems = []
    for name in ("name", "description"):
        if name not in doc:
            continue
        for item in _items(doc[name]):
            ok = isinstance(item, str) or (isinstance(item, Mapping) and isinstance(item.get("@value"), str))
            if not ok:
                problems.append(Problem(name, "must be a string or a language object with @value"))
                break
    return problems


def _typed_problems(doc: Mapping[str, Any]) -> list[Problem]:
    problems = []
    for name, needs_id in TYPED.items():
        if name not in doc:
            continue
        for item in _items(doc[name]):
            if not isinstance(item, Mapping):
                problems.append(Problem(name, "must be an object or a list of objects"))
                continue
            if not isinstance(item.get("type"), str | list) or not item.get("type"):
                problems.append(Problem(f"{name}.type", "is required"))
            if (needs_id or "id" in item) and not is_url(item.get("id")):
                problems.append(Problem(f"{name}.id", f"must be a URL, not {item.get('id')!r}"))
    return problems


def _related_problems(doc: Mapping[str, Any]) -> list[Problem]:
    if "relatedResource" not in doc:
        return []
    problems = []
    seen: set[str] = set()
    for item in _items(doc["relatedResource"]):
        if not isinstance(item, Mapping) or not is_url(item.get("id")):
            problems.append(Problem("relatedResource.id", "each related resource needs a URL id"))
            continue
        if item["id"] in seen:
            problems.append(Problem("relatedResource.id", f"{item['id']} is listed twice"))
        seen.add(item["id"])
        digests = [item.get(k) for k in ("digestSRI", "digestMultibase") if k in item]
        if not digests or not all(isinstance(d, str) and d for d in digests):
            problems.append(Problem("relatedResource.digestSRI", "needs digestSRI or digestMultibase"))
    return problems


def _validity_problems(doc: Mapping[str, Any]) -> list[Problem]:
    problems = []
    names = ("validFrom", "validUntil")
    if data_model(doc) == "1.1":
        names = ("issuanceDate", "expirationDate")
        if "issuanceDate" not in doc:
            problems.append(Problem("issuanceDate", "is required in a VC 1.1 credential"))
    for name in names:
        if name in doc:
            try:
                parse_datetime(doc[name], name)
            except ValueError as exc:
                problems.append(Problem(name, str(exc)))
    return problems


def _subject_problems(doc: Mapping[str, Any]) -> list[Problem]:
    subjects = _items(doc.get("credentialSubject"))
    if not subjects or not all(isinstance(s, Mapping) and s for s in subjects):
        return [Problem("credentialSubject", "must be a non-empty object (or list of them)")]
    bad = [s["id"] for s in subjects if "id" in s and not is_url(s["id"])]
    return [Problem("credentialSubject.id", f"must be a URL, not {bad[0]!r}")] if bad else []


def proof_problems(doc: Mapping[str, Any], *, required: bool = True) -> list[Problem]:
    """Problems of the ``proof`` member: one eddsa-rdfc-2022 Data Integrity proof or a set of them."""
    if "proof" not in doc:
        return [Problem("proof", "there is no proof")] if required else []
    proofs = _items(doc["proof"])
    if not proofs or not all(isinstance(p, Mapping) for p in proofs):
        return [Problem("proof", "must be a proof object or a non-empty list of them")]
    problems = []
    for proof in proofs:
        if proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") != CRYPTOSUITE:
            problems.append(Problem("proof.type", f"must be a {PROOF_TYPE} with cryptosuite {CRYPTOSUITE}"))
        if not isinstance(proof.get("proofPurpose"), str):
            problems.append(Problem("proof.proofPurpose", "must be a string"))
        for name in ("verificationMethod", "proofValue"):
            if not isinstance(proof.get(name), str):
                problems.append(Problem(f"proof.{name}", "must be a string"))
    return problems


def credential_problems(doc: Any, *, require_proof: bool = True) -> list[Problem]:
    """What makes ``doc`` not a VC 2.0 credential (with its proofs, unless told not to); empty when fine."""
    if not isinstance(doc, Mapping):
        return [Problem("credential", "the document is not a JSON object")]
    problems = [*_context_problems(doc), *_type_problems(doc, "VerifiableCredential")]
    if "id" in doc and not is_url(doc["id"]):
        problems.append(Problem("id", f"must be a URL, not {doc['id']!r}"))
    if not is_url(issuer_id(doc)):
        problems.append(Problem("issuer", "must be a URL or an object with a URL id"))
    problems += _subject_problems(doc) + _text_problems(doc) + _validity_problems(doc)
    problems += _typed_problems(doc) + _related_problems(doc)
    return problems + proof_problems(doc, required=require_proof)


def presentation_problems(doc: Any, *, require_proof: bool = False) -> list[Problem]:
    """What makes ``doc`` not a VC 2.0 presentation; the credentials inside are checked by the caller."""
    if not isinstance(doc, Mapping):
        return [Problem("presentation", "the document is not a JSON object")]
    problems = [*_context_problems(doc), *_type_problems(doc, "VerifiablePresentation")]
    if "id" in doc and not is_url(doc["id"]):
        problems.append(Problem("id", f"must be a URL, not {doc['id']!r}"))
    holder = doc.get("holder")
    if holder is not None and not is_url(holder.get("id") if isinstance(holder, Mapping) else holder):
        problems.append(Problem("holder", "must be a URL or an object with a URL id"))
    credentials = _items(doc.get("verifiableCredential", []))
    if not all(isinstance(c, Mapping) for c in credentials):
        problems.append(Problem("verifiableCredential", "must be credential objects"))
    return problems + proof_problems(doc, required=require_proof)
