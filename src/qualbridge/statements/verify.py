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

from collections.abc import Collection, Mapping
from datetime import UTC, datetime
from typing import Any

from qualbridge.statements.checks import (
    CHECKS,
    Finding,
    StatusResolver,
    Verification,
    check_validity,
    run_checks,
    structure_problems,
)
from qualbridge.statements.statuscheck import check_status as run_status_check
from qualbridge.statements.structure import issuer_id, parse_datetime
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
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    trusted = (trust or TrustList()).merged(TrustList.of(trusted_keys or {}))
    if not isinstance(doc, Mapping):
        problem = Finding("structure", False, "The document is not a JSON object.", "structure.invalid")
        unchecked = [
            Finding(c, False, "Not checked: not a JSON object.", f"{c}.unchecked") for c in CHECKS[1:]
        ]
        return Verification([problem, *unchecked])
    result = Verification(run_checks(doc, trusted))
    if check_status:
        result.findings.append(run_status_check(doc, status_lists or {}, resolve_status, trusted, moment))
    result.findings.append(check_validity(doc, moment))
    return result
