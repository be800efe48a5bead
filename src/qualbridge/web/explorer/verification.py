"""Verify a statement for a visitor: the core's ordered checklist, an overall state, and plain words.

:func:`qualbridge.statements.verify.verify_credential` runs every check (structure, contexts,
signature, issuer key, status, validity period). This module adds what a visitor needs to read the
result: one state (valid, tampered, revoked, ...) chosen by what matters most, a sentence saying what
it means, and for every check a title and an explanation in the visitor's language, with the
technical finding kept beside it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qualbridge.statements.verify import Finding, verify_credential
from qualbridge.web.explorer import status

log = logging.getLogger(__name__)

MAX_STATEMENT_BYTES = 512 * 1024

TITLES = {
    "structure": gettext_lazy("Format"),
    "contexts": gettext_lazy("Vocabulary"),
    "signature": gettext_lazy("Signature"),
    "issuer-key": gettext_lazy("Issuer"),
    "status": gettext_lazy("Revocation status"),
    "validity-period": gettext_lazy("Validity period"),
}
PASSED = {
    "structure": gettext_lazy(
        "It is a signed statement in the standard format (a W3C Verifiable Credential)."
    ),
    "contexts": gettext_lazy("Every term in it is defined, so the signature covers all of its content."),
    "signature": gettext_lazy("It has not been changed since it was signed."),
    "issuer-key": gettext_lazy("The key that signed it belongs to the issuer named in it."),
    "status": gettext_lazy("The issuer has not revoked or suspended it."),
    "validity-period": gettext_lazy("It is within its validity period."),
}
FAILED = {
    "structure": gettext_lazy("It is not a complete signed statement in the expected format."),
    "contexts": gettext_lazy(
        "Part of its content uses terms that are unknown or not covered by the signature."
    ),
    "signature": gettext_lazy(
        "It was changed after it was signed, or the signature is not valid. Do not rely on its content."
    ),
    "issuer-key": gettext_lazy("We cannot confirm that the issuer named in it is the one who signed it."),
    "status": gettext_lazy("We could not confirm that the issuer has not revoked it."),
    "validity-period": gettext_lazy("It is outside its validity period."),
}

#: state -> (plain summary, is it good news)
STATES = {
    "valid": (gettext_lazy("This statement is authentic and valid: every check passed."), True),
    "tampered": (
        gettext_lazy(
            "This statement has been altered since it was signed, or its signature is not genuine. "
            "Do not rely on it; ask the holder for the original or contact the issuer."
        ),
        False,
    ),
    "revoked": (
        gettext_lazy(
            "The issuer has revoked this statement. It is no longer valid, even though it was genuine."
        ),
        False,
    ),
    "suspended": (gettext_lazy("The issuer has suspended this statement for now. Do not rely on it."), False),
    "expired": (gettext_lazy("This statement has expired."), False),
    "not-yet-valid": (gettext_lazy("This statement is not valid yet."), False),
    "unchecked-status": (
        gettext_lazy(
            "The statement is genuine, but whether it has been revoked could not be checked. "
            "Provide the issuer's status list or contact the issuer."
        ),
        False,
    ),
    "invalid": (gettext_lazy("This statement could not be verified. See the checks below."), False),
}


@dataclass(frozen=True)
class Check:
    check: str
    ok: bool
    message: str  # the core's technical finding (English)

    @property
    def title(self) -> str:
        return str(TITLES.get(self.check, self.check))

    @property
    def explanation(self) -> str:
        if not self.ok and self.check == "status":
            if "revoked" in self.message:
                return _("The issuer has revoked it.")
            if "suspended" in self.message:
                return _("The issuer has suspended it.")
        if not self.ok and self.check == "validity-period":
            if self.message.startswith("Expired"):
                return _("It has expired.")
            if self.message.startswith("Not valid before"):
                return _("It is not valid yet.")
        return str((PASSED if self.ok else FAILED).get(self.check, ""))


@dataclass(frozen=True)
class Result:
    state: str
    checks: list[Check]
    document: Mapping[str, Any] | None = None

    @property
    def verified(self) -> bool:
        return self.state == "valid"

    @property
    def summary(self) -> str:
        return str(STATES[self.state][0])

    def as_json(self) -> dict[str, Any]:
        return {
            "verified": self.verified,
            "state": self.state,
            "summary": self.summary,
            "checks": [{"check": c.check, "ok": c.ok, "message": c.message} for c in self.checks],
        }


def state_of(findings: Iterable[Finding]) -> str:
    """The one state a visitor most needs to know, from the ordered findings."""
    failed = {f.check: f.message for f in findings if not f.ok}
    if not failed:
        return "valid"
    if "signature" in failed and "structure" not in failed and "contexts" not in failed:
        return "tampered"
    status_msg = failed.get("status", "")
    if "is revoked" in status_msg:
        return "revoked"
    if "is suspended" in status_msg:
        return "suspended"
    validity = failed.get("validity-period", "")
    if set(failed) == {"validity-period"}:
        return "expired" if validity.startswith("Expired") else "not-yet-valid"
    if set(failed) == {"status"}:
        return "unchecked-status"
    return "invalid"


def parse_statement(text: str | bytes) -> Any:
    """The JSON document in ``text``; raises ValueError with a reader-friendly message."""
    if len(text) > MAX_STATEMENT_BYTES:
        raise ValueError(_("The statement is larger than %(n)d KB.") % {"n": MAX_STATEMENT_BYTES // 1024})
    try:
        raw = text.decode("utf-8-sig") if isinstance(text, bytes) else text
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(_("This is not a JSON document: %(error)s") % {"error": exc}) from None
    except RecursionError:
        raise ValueError(
            _("This is not a JSON document: %(error)s") % {"error": "nested too deeply"}
        ) from None


def verify(doc: Any, status_lists: Iterable[Any] = (), now: datetime | None = None) -> Result:
    """Verify ``doc`` with the lists given and those this site publishes; never raises on bad input."""
    lists = {
        item["id"]: item
        for item in status_lists
        if isinstance(item, Mapping) and isinstance(item.get("id"), str)
    }
    try:
        result = verify_credential(
            doc,
            now=now,
            status_lists=lists,
            resolve_status=status.resolve_status_list,
            trusted_keys=status.trusted_keys(),
        )
    except Exception as exc:  # hostile JSON-LD can break a library deep down: report it, never a 500
        log.exception("verification crashed")
        checks = [Check("structure", False, f"The document could not be processed: {type(exc).__name__}.")]
        return Result("invalid", checks, doc if isinstance(doc, Mapping) else None)
    checks = [Check(f.check, f.ok, f.message) for f in result.findings]
    return Result(state_of(result.findings), checks, doc if isinstance(doc, Mapping) else None)
