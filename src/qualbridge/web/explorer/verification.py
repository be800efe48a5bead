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
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qualbridge.statements.verify import Finding, verify_credential
from qualbridge.web.explorer import status
from qualbridge.web.explorer.content import statement_content
from qualbridge.web.i18n import visitor_lang

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
    "issuer-key": gettext_lazy("It was signed by an issuer on this site's trust list, with one of its keys."),
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
#: finding code -> the explanation that replaces the check's general one
BY_CODE = {
    "issuer.untrusted": gettext_lazy(
        "Signature valid — issuer not on this site's trust list. Anyone can sign a document naming any "
        "office; only the issuers listed here are known."
    ),
    "issuer.key-retired": gettext_lazy("It claims to be signed after the issuer retired that key."),
    "issuer.key-not-issuers": gettext_lazy("The key that signed it is not one of the named issuer's keys."),
    "status.revoked": gettext_lazy("The issuer has revoked it."),
    "status.suspended": gettext_lazy("The issuer has suspended it."),
    "status.list-outside-window": gettext_lazy(
        "The status list given is outside its validity period, so it was not used."
    ),
    "validity.expired": gettext_lazy("It has expired."),
    "validity.not-yet-valid": gettext_lazy("It is not valid yet."),
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
    "untrusted-issuer": (
        gettext_lazy(
            "Signature valid — issuer not on this site's trust list. The document is unchanged since it "
            "was signed, but nothing shows who signed it: do not treat it as authentic."
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
    code: str = ""
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return str(TITLES.get(self.check, self.check))

    @property
    def explanation(self) -> str:
        if self.code in BY_CODE:
            return str(BY_CODE[self.code])
        return str((PASSED if self.ok else FAILED).get(self.check, ""))


@dataclass(frozen=True)
class Result:
    state: str
    checks: list[Check]
    document: Mapping[str, Any] | None = None
    content: Mapping[str, Any] | None = None

    @property
    def verified(self) -> bool:
        return self.state == "valid"

    @property
    def summary(self) -> str:
        return str(STATES[self.state][0])

    @property
    def shown(self) -> dict[str, Any] | None:
        """The content in the reader's language (the other one where the statement lacks it)."""
        if not self.content:
            return None
        lang = visitor_lang()
        other = "en" if lang == "ja" else "ja"
        c = self.content

        def pick(names: Mapping[str, str]) -> str:
            return names.get(lang) or names.get(other) or ""

        return {
            **c,
            "qualification_name": pick(c["qualification"]["names"]),
            "decision_name": pick(c["decision"]["names"]),
            "reasons": c["decision"]["reasons"].get(lang) or c["decision"]["reasons"].get(other) or [],
            "issuer_name": pick(c["issuer"]["names"]),
            "passport_words": {  # h18p: a passport's sentences in the reader's language
                k: pick(c["passport"][k]) for k in ("certainty_statement", "document_status", "way_ahead")
            }
            if c.get("passport")
            else None,
        }

    def as_json(self) -> dict[str, Any]:
        return {
            "verified": self.verified,
            "state": self.state,
            "summary": self.summary,
            "kind": (self.content or {}).get("kind", "credential"),
            "statement": dict(self.content) if self.content else None,
            "checks": [
                {"check": c.check, "ok": c.ok, "code": c.code, "params": dict(c.params), "message": c.message}
                for c in self.checks
            ],
        }


def state_of(findings: Iterable[Finding]) -> str:
    """The one state a visitor most needs to know, from the findings' codes (never their text)."""
    failed = {f.check: f.code for f in findings if not f.ok}
    if not failed:
        return "valid"
    if failed.get("signature") == "signature.mismatch" and not {"structure", "contexts"} & set(failed):
        return "tampered"
    if (
        failed.get("issuer-key") == "issuer.untrusted"
        and "signature" not in failed
        and "contexts" not in failed
    ):
        return "untrusted-issuer"
    if failed.get("status") == "status.revoked":
        return "revoked"
    if failed.get("status") == "status.suspended":
        return "suspended"
    if set(failed) == {"validity-period"}:
        return "expired" if failed["validity-period"] == "validity.expired" else "not-yet-valid"
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
    """Verify ``doc`` against this site's trust list and status lists; never raises on bad input.

    ``status_lists`` (as the visitor supplies them) count only for issuers that are not this site's
    offices, and only inside their validity window.
    """
    lists = {
        item["id"]: item
        for item in status_lists
        if isinstance(item, Mapping) and isinstance(item.get("id"), str)
    }
    trust = status.trust_list()
    try:
        result = verify_credential(
            doc, now=now, trust=trust, status_lists=lists, resolve_status=status.resolve_status_list
        )
    except Exception as exc:  # hostile JSON-LD can break a library deep down: report it, never a 500
        log.exception("verification crashed")
        message = f"The document could not be processed: {type(exc).__name__}."
        checks = [Check("structure", False, message, "structure.unprocessable")]
        return Result("invalid", checks, doc if isinstance(doc, Mapping) else None)
    checks = [Check(f.check, f.ok, f.message, f.code, f.params) for f in result.findings]
    mapping = doc if isinstance(doc, Mapping) else None
    return Result(state_of(result.findings), checks, mapping, statement_content(mapping, trust))
