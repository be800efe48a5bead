"""Verification of a signed statement as an ordered checklist.

Following the Digital Credentials Consortium's verifier, the reader gets every check with its own
finding, not a single yes or no: structure, contexts, signature, issuer key, status, validity period.
Every check runs and reports even when an earlier one failed (a check that cannot run says why and
counts as failed); the statement is valid only when all pass. Nothing is fetched: keys come from
``did:key`` identifiers, status lists are passed in or produced by a caller-supplied function.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from qualbridge.errors import QualbridgeError
from qualbridge.statements.contextcheck import undefined_terms
from qualbridge.statements.dataintegrity import CRYPTOSUITE, PROOF_TYPE, verify_proof
from qualbridge.statements.documentloader import CREDENTIALS_V2
from qualbridge.statements.statuslist import StatusEntry, entry_is_set

CHECKS = ("structure", "contexts", "signature", "issuer-key", "status", "validity-period")
StatusResolver = Callable[[str], Mapping[str, Any] | None]
_STATE = {"revocation": "revoked", "suspension": "suspended"}


@dataclass(frozen=True)
class Finding:
    """The result of one check: its name, whether it passed, and what was found."""

    check: str
    ok: bool
    message: str


@dataclass
class Verification:
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.findings) and all(f.ok for f in self.findings)

    @property
    def failed(self) -> list[Finding]:
        return [f for f in self.findings if not f.ok]

    def to_json(self) -> dict[str, Any]:
        return {"verified": self.ok, "checks": [asdict(f) for f in self.findings]}


def parse_datetime(value: Any, name: str) -> datetime:
    """An XMLSchema dateTimeStamp (with a time zone) as an aware datetime."""
    if not isinstance(value, str) or "T" not in value:
        raise ValueError(f"{name} {value!r} is not an XMLSchema dateTime")
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(f"{name} {value!r} has no time zone")
    return moment


def issuer_id(doc: Mapping[str, Any]) -> str | None:
    issuer = doc.get("issuer")
    if isinstance(issuer, Mapping):
        issuer = issuer.get("id")
    return issuer if isinstance(issuer, str) else None


def _is_url(value: Any) -> bool:
    return isinstance(value, str) and ":" in value and not value.startswith(":")


def structure_problems(doc: Any) -> list[str]:
    """What makes ``doc`` not a VC 2.0 credential with one eddsa-rdfc-2022 proof (empty when fine)."""
    if not isinstance(doc, Mapping):
        return ["the document is not a JSON object"]
    problems: list[str] = []
    ctx = doc.get("@context")
    if not isinstance(ctx, list) or not ctx or ctx[0] != CREDENTIALS_V2:
        problems.append(f"@context must be a list starting with {CREDENTIALS_V2}")
    types = doc.get("type")
    if "VerifiableCredential" not in (types if isinstance(types, list) else [types]):
        problems.append("type must include VerifiableCredential")
    if "id" in doc and not _is_url(doc["id"]):
        problems.append(f"id {doc['id']!r} is not a URL")
    if not _is_url(issuer_id(doc)):
        problems.append("issuer must be a URL or an object with a URL id")
    subject = doc.get("credentialSubject")
    subjects = subject if isinstance(subject, list) else [subject]
    if not subjects or not all(isinstance(s, Mapping) and s for s in subjects):
        problems.append("credentialSubject must be a non-empty object (or list of them)")
    for name in ("validFrom", "validUntil"):
        if name in doc:
            try:
                parse_datetime(doc[name], name)
            except ValueError as exc:
                problems.append(str(exc))
    status = doc.get("credentialStatus")
    for entry in status if isinstance(status, list) else ([] if status is None else [status]):
        if not isinstance(entry, Mapping) or not isinstance(entry.get("type"), str):
            problems.append("each credentialStatus must be an object with a type")
    proof = doc.get("proof")
    if not isinstance(proof, Mapping):
        problems.append("proof must be one proof object" if proof is not None else "there is no proof")
    else:
        if proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") != CRYPTOSUITE:
            problems.append(f"proof must be a {PROOF_TYPE} with cryptosuite {CRYPTOSUITE}")
        if proof.get("proofPurpose") != "assertionMethod":
            problems.append("proofPurpose must be assertionMethod")
        for name in ("verificationMethod", "proofValue"):
            if not isinstance(proof.get(name), str):
                problems.append(f"proof.{name} must be a string")
    return problems


def _check_structure(doc: Any) -> Finding:
    problems = structure_problems(doc)
    if problems:
        return Finding("structure", False, "; ".join(problems) + ".")
    return Finding("structure", True, "A VC 2.0 credential with one eddsa-rdfc-2022 Data Integrity proof.")


def _check_contexts(doc: Mapping[str, Any]) -> tuple[Finding, bool]:
    """The finding, and whether the document can be canonicalised at all (all contexts known)."""
    try:
        bad = undefined_terms(doc)
    except QualbridgeError as exc:
        return Finding("contexts", False, str(exc)), False
    if bad:
        message = f"Terms no context defines (they would not be signed): {', '.join(bad)}."
        return Finding("contexts", False, message), True
    return Finding("contexts", True, "All contexts are bundled and every term is defined by them."), True


def _check_signature(doc: Mapping[str, Any], canonicalisable: bool) -> Finding:
    if not canonicalisable:
        return Finding(
            "signature", False, "Not checked: the document cannot be canonicalised (see contexts)."
        )
    vm = doc.get("proof", {}).get("verificationMethod") if isinstance(doc.get("proof"), Mapping) else None
    try:
        valid = verify_proof(doc)
    except QualbridgeError as exc:
        return Finding("signature", False, str(exc))
    if not valid:
        return Finding("signature", False, f"The Ed25519 signature by {vm} does not match the document.")
    return Finding("signature", True, f"Ed25519 signature (eddsa-rdfc-2022) by {vm} matches the document.")


def _check_issuer_key(doc: Mapping[str, Any], trusted: Mapping[str, Collection[str]]) -> Finding:
    issuer = issuer_id(doc)
    proof = doc.get("proof")
    vm = proof.get("verificationMethod") if isinstance(proof, Mapping) else None
    if not isinstance(vm, str) or issuer is None:
        return Finding("issuer-key", False, "No issuer or no verificationMethod to compare.")
    if issuer.startswith("did:key:") and vm.split("#", 1)[0] == issuer:
        return Finding("issuer-key", True, f"The key is the issuer's own did:key ({issuer}).")
    if vm in trusted.get(issuer, ()):
        return Finding("issuer-key", True, f"{vm} is a trusted key of issuer {issuer}.")
    return Finding(
        "issuer-key",
        False,
        f"Nothing shows that {vm} is controlled by issuer {issuer}: it is not the issuer's did:key and not "
        f"among the keys trusted for that issuer.",
    )


def _check_status(
    doc: Mapping[str, Any],
    status_lists: Mapping[str, Mapping[str, Any]],
    resolve_status: StatusResolver | None,
    trusted: Mapping[str, Collection[str]],
    now: datetime,
) -> Finding:
    raw = doc.get("credentialStatus")
    if raw is None:
        return Finding("status", True, "No credentialStatus: the statement cannot be revoked.")
    entries = raw if isinstance(raw, list) else [raw]
    notes: list[str] = []
    for item in entries:
        try:
            entry = StatusEntry.from_json(item)
            listed = status_lists.get(entry.status_list_credential)
            if listed is None and resolve_status is not None:
                try:
                    listed = resolve_status(entry.status_list_credential)
                except Exception as exc:  # a resolver's failure is a finding, never a crash
                    return Finding("status", False, f"Status list {entry.status_list_credential}: {exc}")
            if listed is None:
                return Finding(
                    "status", False, f"Status list {entry.status_list_credential} was not provided."
                )
            checked = verify_credential(listed, trusted_keys=trusted, now=now, check_status=False)
            if not checked.ok:
                failed = ", ".join(f"{f.check}: {f.message}" for f in checked.failed)
                return Finding("status", False, f"The status list credential does not verify ({failed})")
            if issuer_id(listed) != issuer_id(doc):
                return Finding(
                    "status", False, f"The status list is issued by {issuer_id(listed)}, not the issuer."
                )
            if entry_is_set(entry, listed):
                state = _STATE[entry.status_purpose]
                return Finding(
                    "status", False, f"The statement is {state} (index {entry.status_list_index})."
                )
        except QualbridgeError as exc:
            return Finding("status", False, str(exc))
        notes.append(f"not {_STATE[entry.status_purpose]} (index {entry.status_list_index})")
    return Finding("status", True, "Status list checked: " + "; ".join(notes) + ".")


def _check_validity(doc: Mapping[str, Any], now: datetime) -> Finding:
    try:
        start = parse_datetime(doc["validFrom"], "validFrom") if "validFrom" in doc else None
        end = parse_datetime(doc["validUntil"], "validUntil") if "validUntil" in doc else None
    except ValueError as exc:
        return Finding("validity-period", False, f"{exc}.")
    stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    if start and now < start:
        return Finding("validity-period", False, f"Not valid before {doc['validFrom']} (now {stamp}).")
    if end and now > end:
        return Finding("validity-period", False, f"Expired on {doc['validUntil']} (now {stamp}).")
    span = f"from {doc.get('validFrom', 'any time')} until {doc.get('validUntil', 'no end')}"
    return Finding("validity-period", True, f"Valid now ({stamp}): {span}.")


def verify_credential(
    doc: Any,
    *,
    now: datetime | None = None,
    status_lists: Mapping[str, Mapping[str, Any]] | None = None,
    resolve_status: StatusResolver | None = None,
    trusted_keys: Mapping[str, Collection[str]] | None = None,
    check_status: bool = True,
) -> Verification:
    """Run every check on ``doc`` in order; see :data:`CHECKS`.

    ``trusted_keys`` maps an issuer id to the verification methods known to be its keys (needed
    when the issuer is not itself a ``did:key``); ``status_lists`` maps a status list credential's URL
    to that credential, and ``resolve_status`` is asked for any other one.
    """
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    trusted = trusted_keys or {}
    result = Verification([_check_structure(doc)])
    if not isinstance(doc, Mapping):
        result.findings += [Finding(c, False, "Not checked: not a JSON object.") for c in CHECKS[1:]]
        return result
    contexts, canonicalisable = _check_contexts(doc)
    result.findings += [contexts, _check_signature(doc, canonicalisable), _check_issuer_key(doc, trusted)]
    if check_status:
        result.findings.append(_check_status(doc, status_lists or {}, resolve_status, trusted, moment))
    result.findings.append(_check_validity(doc, moment))
    return result
