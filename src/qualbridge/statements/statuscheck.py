"""The status check: has the issuer revoked or suspended the statement? Decided so a visitor cannot undo it.

A statement names its status list by URL. Which copy of that list counts:

- for an issuer on the trust list marked ``local`` (this site's own offices), only the list the site
  itself resolves; a list the visitor supplies is ignored, so an old copy taken before the revocation
  changes nothing;
- for any other issuer, the site's resolver first, else a list the caller supplies, and that only
  inside its validity window (``validFrom`` .. ``validUntil``; a supplied list without ``validUntil``
  is not used, since nothing shows it is still current).

Whichever list is used must verify: its structure, contexts and signature, the same issuer as the
statement, signed with a key that issuer controls (its own ``did:key`` or one the trust list gives).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from qualbridge.errors import QualbridgeError
from qualbridge.statements.statuslist import StatusEntry, entry_is_set
from qualbridge.statements.structure import issuer_id, parse_datetime
from qualbridge.statements.trust import TrustList
from qualbridge.statements.verify import Finding, check_issuer, verify_credential

StatusResolver = Callable[[str], Mapping[str, Any] | None]
_STATE = {"revocation": "revoked", "suspension": "suspended"}


def _fail(code: str, message: str, **params: Any) -> Finding:
    return Finding("status", False, message, f"status.{code}", params)


def _window_problem(listed: Mapping[str, Any], now: datetime, *, supplied: bool) -> str | None:
    """Why the list is outside its validity window (or has none, when supplied), else None."""
    try:
        start = parse_datetime(listed["validFrom"], "validFrom") if "validFrom" in listed else None
        end = parse_datetime(listed["validUntil"], "validUntil") if "validUntil" in listed else None
    except ValueError as exc:
        return str(exc)
    if supplied and end is None:
        return "a supplied status list must carry validUntil"
    if start and now < start:
        return f"the list is not valid before {listed['validFrom']}"
    if end and now > end:
        return f"the list expired on {listed['validUntil']}"
    return None


def _list_problem(
    listed: Mapping[str, Any], doc: Mapping[str, Any], trust: TrustList, now: datetime
) -> str | None:
    """Why the list credential cannot be relied on for ``doc``, else None."""
    checked = verify_credential(listed, trust=trust, now=now, check_status=False)
    failing = [f for f in checked.failed if f.check not in ("issuer-key", "validity-period")]
    if failing:
        return "; ".join(f"{f.check}: {f.message}" for f in failing)
    if not _same_issuer(issuer_id(listed), issuer_id(doc), trust):
        return f"it is issued by {issuer_id(listed)}, not by the statement's issuer"
    owner = check_issuer(listed, trust)
    own_key = any(
        str(p.get("verificationMethod", "")).split("#", 1)[0] == issuer_id(listed) for p in _proofs(listed)
    )
    if not owner.ok and not (owner.code == "issuer.untrusted" and own_key):
        return f"its key is not one of the issuer's ({owner.message})"
    return None


def _same_issuer(a: str | None, b: str | None, trust: TrustList) -> bool:
    """Identical identifiers, or two identifiers of one trusted issuer (its did:web and a key's did:key)."""
    if a == b:
        return a is not None
    listed = trust.issuer(a)
    return listed is not None and listed == trust.issuer(b)


def _proofs(doc: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    proof = doc.get("proof")
    return [p for p in (proof if isinstance(proof, list) else [proof]) if isinstance(p, Mapping)]


def _list_for(
    url: str,
    local: bool,
    supplied: Mapping[str, Mapping[str, Any]],
    resolve: StatusResolver | None,
) -> tuple[Mapping[str, Any] | None, bool]:
    """(the list to use, whether it came from the caller rather than the site)."""
    own = resolve(url) if resolve is not None else None
    if own is not None or local:
        return own, False
    return supplied.get(url), True


def check_status(
    doc: Mapping[str, Any],
    supplied: Mapping[str, Mapping[str, Any]],
    resolve: StatusResolver | None,
    trust: TrustList,
    now: datetime,
) -> Finding:
    raw = doc.get("credentialStatus")
    if raw is None:
        return Finding("status", True, "No credentialStatus: the statement cannot be revoked.", "status.none")
    issuer = trust.issuer(issuer_id(doc))
    local = issuer is not None and issuer.local
    notes: list[str] = []
    for item in raw if isinstance(raw, list) else [raw]:
        try:
            entry = StatusEntry.from_json(item)
            url = entry.status_list_credential
            try:
                listed, from_caller = _list_for(url, local, supplied, resolve)
            except Exception as exc:  # a resolver's failure is a finding, never a crash
                return _fail("list-unavailable", f"Status list {url}: {exc}", url=url)
            if listed is None:
                why = "this site does not publish it" if local else "it was not provided"
                return _fail("list-missing", f"Status list {url} could not be used: {why}.", url=url)
            window = _window_problem(listed, now, supplied=from_caller)
            if window:
                return _fail("list-outside-window", f"Status list {url} is not used: {window}.", url=url)
            problem = _list_problem(listed, doc, trust, now)
            if problem:
                return _fail("list-invalid", f"The status list does not verify: {problem}.", url=url)
            if entry_is_set(entry, listed):
                state = _STATE[entry.status_purpose]
                message = f"The statement is {state} (index {entry.status_list_index})."
                return _fail(state, message, index=entry.status_list_index)
        except QualbridgeError as exc:
            return _fail("invalid-entry", str(exc))
        notes.append(f"not {_STATE[entry.status_purpose]} (index {entry.status_list_index})")
    return Finding("status", True, "Status list checked: " + "; ".join(notes) + ".", "status.ok")
