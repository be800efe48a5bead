"""Verification of a signed statement as an ordered checklist of typed findings.

Following the Digital Credentials Consortium's verifier, the reader gets every check with its own
finding, not a single yes or no: structure, contexts, signature, issuer, status, validity period.
Every check runs and reports even when an earlier one failed (a check that cannot run says why and
counts as failed); the statement is valid only when all pass. Each finding carries a stable ``code``
(``issuer.untrusted``, ``status.revoked``, ...) and its parameters: the shells choose the words from
the code and never read the English ``message``, which is kept for logs and the technical view.

Who signed matters as much as whether the signature holds: the issuer check passes only when the issuer
is on the :class:`~qualbridge.statements.trust.TrustList` and the proof's key is one of its keys, not
retired before the proof was made. Nothing is fetched: keys come from ``did:key`` identifiers or the
trust list; status lists come from the site's resolver or, for foreign issuers only, from the caller
(:mod:`qualbridge.statements.statuscheck`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from qualbridge.errors import QualbridgeError
from qualbridge.statements.contextcheck import undefined_terms
from qualbridge.statements.dataintegrity import proofs_of, verify_proofs
from qualbridge.statements.errors import UnknownContext, UnresolvableKey
from qualbridge.statements.structure import credential_problems, data_model, issuer_id, parse_datetime
from qualbridge.statements.trust import TrustList

__all__ = [
    "CHECKS",
    "Finding",
    "StatusResolver",
    "Verification",
    "issuer_id",
    "parse_datetime",
    "structure_problems",
    "verify_credential",
]

CHECKS = ("structure", "contexts", "signature", "issuer-key", "status", "validity-period")
StatusResolver = Callable[[str], Mapping[str, Any] | None]


@dataclass(frozen=True)
class Finding:
    """The result of one check: its name, whether it passed, a stable code, its parameters, and a note."""

    check: str
    ok: bool
    message: str
    code: str = ""
    params: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "ok": self.ok,
            "code": self.code,
            "params": dict(self.params),
            "message": self.message,
        }


@dataclass
class Verification:
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.findings) and all(f.ok for f in self.findings)

    @property
    def failed(self) -> list[Finding]:
        return [f for f in self.findings if not f.ok]

    def code(self, check: str) -> str:
        return next((f.code for f in self.findings if f.check == check), "")

    def to_json(self) -> dict[str, Any]:
        return {"verified": self.ok, "checks": [f.to_json() for f in self.findings]}


def structure_problems(doc: Any) -> list[str]:
    """What makes ``doc`` not a VC 2.0 credential with eddsa-rdfc-2022 proofs, in words (empty when fine)."""
    return [str(p) for p in credential_problems(doc)]


def _check_structure(doc: Any) -> Finding:
    problems = credential_problems(doc)
    if problems:
        fields = sorted({p.field for p in problems})
        message = "; ".join(str(p) for p in problems) + "."
        return Finding("structure", False, message, "structure.invalid", {"fields": ", ".join(fields)})
    return Finding("structure", True, "A VC 2.0 credential with Data Integrity proof(s).", "structure.ok")


def _check_contexts(doc: Mapping[str, Any]) -> tuple[Finding, bool]:
    """The finding, and whether the document can be canonicalised at all (all contexts known)."""
    try:
        bad = undefined_terms(doc)
    except UnknownContext as exc:
        return Finding("contexts", False, str(exc), "contexts.unknown", {"context": exc.url}), False
    except QualbridgeError as exc:
        return Finding("contexts", False, str(exc), "contexts.invalid"), False
    if bad:
        message = f"Terms no context defines (they would not be signed): {', '.join(bad)}."
        return Finding(
            "contexts", False, message, "contexts.undefined-terms", {"terms": ", ".join(bad)}
        ), True
    return Finding("contexts", True, "Every context is bundled and defines every term.", "contexts.ok"), True


def _check_signature(doc: Mapping[str, Any], canonicalisable: bool, trust: TrustList) -> Finding:
    if not canonicalisable:
        message = "Not checked: the document cannot be canonicalised (see contexts)."
        return Finding("signature", False, message, "signature.unchecked")
    try:
        results = verify_proofs(doc, resolve_key=trust.resolve_key)
    except UnresolvableKey as exc:
        return Finding("signature", False, str(exc), "signature.unresolvable-key")
    except QualbridgeError as exc:
        return Finding("signature", False, str(exc), "signature.invalid-proof")
    bad = [str(p.get("verificationMethod")) for p, ok in results if not ok]
    if bad:
        message = f"The Ed25519 signature by {', '.join(bad)} does not match the document."
        return Finding("signature", False, message, "signature.mismatch", {"key": bad[0]})
    methods = ", ".join(str(p.get("verificationMethod")) for p, _ in results)
    message = f"{len(results)} Ed25519 signature(s) (eddsa-rdfc-2022) by {methods} match the document."
    return Finding("signature", True, message, "signature.ok", {"count": len(results)})


def check_issuer(doc: Mapping[str, Any], trust: TrustList, purpose: str = "assertionMethod") -> Finding:
    """Whether the issuer is on the trust list and one of the proofs was made with one of its keys in time."""
    issuer = issuer_id(doc)
    try:
        proofs = proofs_of(doc)
    except QualbridgeError:
        proofs = []
    if issuer is None or not proofs:
        return Finding("issuer-key", False, "No issuer or no proof to compare.", "issuer.missing")
    listed = trust.issuer(issuer)
    if listed is None:
        own = any(str(p.get("verificationMethod", "")).split("#", 1)[0] == issuer for p in proofs)
        message = f"The issuer {issuer} is not on this site's trust list" + (
            " (the key is the issuer's own did:key, which anybody can make)." if own else "."
        )
        return Finding("issuer-key", False, message, "issuer.untrusted", {"issuer": issuer})
    params = {"issuer": issuer, "name_en": listed.name("en"), "name_ja": listed.name("ja")}
    for proof in proofs:
        vm = str(proof.get("verificationMethod", ""))
        key = listed.key(vm)
        if key is None or proof.get("proofPurpose") != purpose:
            continue
        if not key.signed_in_time(proof.get("created")):
            message = (
                f"{vm} was retired on {key.retired}; a proof dated {proof.get('created')} is not accepted."
            )
            return Finding("issuer-key", False, message, "issuer.key-retired", {**params, "key": vm})
        message = f"{vm} is a key of {listed.name('en')} ({issuer}), on this site's trust list."
        return Finding("issuer-key", True, message, "issuer.trusted", {**params, "key": vm})
    vms = ", ".join(str(p.get("verificationMethod")) for p in proofs)
    message = (
        f"The issuer {issuer} is trusted, but no {purpose} proof is by one of its keys (proofs by {vms})."
    )
    return Finding("issuer-key", False, message, "issuer.key-not-issuers", params)


def check_validity(doc: Mapping[str, Any], now: datetime) -> Finding:
    if data_model(doc) == "1.1":  # VC 1.1 names the same window issuanceDate .. expirationDate
        doc = {
            "validFrom": doc.get("issuanceDate"),
            **({"validUntil": doc["expirationDate"]} if "expirationDate" in doc else {}),
        }
    try:
        start = parse_datetime(doc["validFrom"], "validFrom") if "validFrom" in doc else None
        end = parse_datetime(doc["validUntil"], "validUntil") if "validUntil" in doc else None
    except ValueError as exc:
        return Finding("validity-period", False, f"{exc}.", "validity.invalid")
    stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    params = {"valid_from": str(doc.get("validFrom", "")), "valid_until": str(doc.get("validUntil", ""))}
    if start and now < start:
        message = f"Not valid before {doc['validFrom']} (now {stamp})."
        return Finding("validity-period", False, message, "validity.not-yet-valid", params)
    if end and now > end:
        message = f"Expired on {doc['validUntil']} (now {stamp})."
        return Finding("validity-period", False, message, "validity.expired", params)
    span = f"from {doc.get('validFrom', 'any time')} until {doc.get('validUntil', 'no end')}"
    return Finding("validity-period", True, f"Valid now ({stamp}): {span}.", "validity.ok", params)


def verify_credential(
    doc: Any,
    *,
    now: datetime | None = None,
    trust: TrustList | None = None,
    status_lists: Mapping[str, Mapping[str, Any]] | None = None,
    resolve_status: StatusResolver | None = None,
    trusted_keys: Mapping[str, Collection[str]] | None = None,
    check_status: bool = True,
) -> Verification:
    """Run every check on ``doc`` in order; see :data:`CHECKS`.

    ``trust`` is the trust list (default: nobody is trusted). ``resolve_status`` gives the site's own
    status lists, which alone count for an issuer marked ``local`` on the trust list; ``status_lists``
    (URL -> list credential, as a visitor supplies them) count only for other issuers, inside their
    validity window. ``trusted_keys`` (issuer id -> verification methods) adds bare entries to it.
    """
    from qualbridge.statements.statuscheck import check_status as run_status_check

    moment = (now or datetime.now(UTC)).astimezone(UTC)
    trusted = (trust or TrustList()).merged(TrustList.of(trusted_keys or {}))
    result = Verification([_check_structure(doc)])
    if not isinstance(doc, Mapping):
        result.findings += [
            Finding(c, False, "Not checked: not a JSON object.", f"{c}.unchecked") for c in CHECKS[1:]
        ]
        return result
    contexts, canonicalisable = _check_contexts(doc)
    result.findings += [contexts, _check_signature(doc, canonicalisable, trusted), check_issuer(doc, trusted)]
    if check_status:
        result.findings.append(run_status_check(doc, status_lists or {}, resolve_status, trusted, moment))
    result.findings.append(check_validity(doc, moment))
    return result
