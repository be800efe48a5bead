"""VC-API verification answers: a credential's or a presentation's checks, warnings and errors.

The core's checklist (:func:`qualbridge.statements.verify.verify_credential`) is mapped onto the VC-API
shape: passed checks by name, failures as errors with their stable code, and two things reported as
warnings rather than errors: an issuer that is not on the trust list (the proof holds, but nothing
shows who the issuer is) and a foreign issuer's status list that this site cannot obtain offline.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, HttpResponse

from qualbridge.errors import QualbridgeError
from qualbridge.statements.contextcheck import undefined_terms
from qualbridge.statements.dataintegrity import proofs_of, verify_proofs
from qualbridge.statements.structure import presentation_problems
from qualbridge.statements.trust import TrustList
from qualbridge.statements.verify import verify_credential
from qualbridge.web.api.problems import problem_body
from qualbridge.web.explorer import status

NAMES = {
    "structure": "structure",
    "contexts": "contexts",
    "signature": "proof",
    "issuer-key": "issuer",
    "status": "credentialStatus",
    "validity-period": "validity",
}
#: failures that are warnings: the statement may still be fine, but this site cannot say more
WARNINGS = {"issuer.untrusted", "status.list-missing", "status.list-unavailable"}


@dataclass
class Outcome:
    checks: list[str] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    trusted: bool | None = None

    def error(self, code: str, message: str, field_name: str = "") -> None:
        self.errors.append(
            {"code": code, "message": message, **({"field": field_name} if field_name else {})}
        )


def credential_outcome(doc: Any, trust: TrustList, where: str = "verifiableCredential") -> Outcome:
    result = verify_credential(doc, trust=trust, resolve_status=status.resolve_status_list)
    local = trust.issuer(doc.get("issuer") if isinstance(doc.get("issuer"), str) else None)
    out = Outcome()
    for finding in result.findings:
        name = NAMES.get(finding.check, finding.check)
        entry = {"code": finding.code, "check": name, "message": finding.message, "field": where}
        if finding.ok:
            out.checks.append(name)
        elif finding.code in WARNINGS and not (
            local is not None and local.local and finding.check == "status"
        ):
            out.warnings.append(entry)
        else:
            out.errors.append(entry)
    out.trusted = result.code("issuer-key") == "issuer.trusted"
    return out


def _presentation_proof(
    vp: Mapping[str, Any], trust: TrustList, options: Mapping[str, Any], out: Outcome
) -> None:
    if "proof" not in vp:
        return
    try:
        results = verify_proofs(vp, resolve_key=trust.resolve_key)
        proofs = proofs_of(vp)
    except QualbridgeError as exc:
        out.error("presentation.proof-invalid", str(exc), "verifiablePresentation.proof")
        return
    if not all(ok for _, ok in results):
        out.error("presentation.proof-mismatch", "The presentation's signature does not match it.", "proof")
        return
    holder = vp.get("holder")
    holder = holder.get("id") if isinstance(holder, Mapping) else holder
    for proof in proofs:
        for name in ("challenge", "domain"):
            if options.get(name) is not None and proof.get(name) != options.get(name):
                out.error(
                    f"presentation.{name}-mismatch",
                    f"proof.{name} is not the requested {name}.",
                    f"proof.{name}",
                )
        if holder and str(proof.get("verificationMethod", "")).split("#", 1)[0] != holder:
            out.error(
                "presentation.holder-mismatch", "The presentation is not signed by its holder.", "holder"
            )
    out.checks.append("proof")


def presentation_outcome(vp: Any, trust: TrustList, options: Mapping[str, Any]) -> Outcome:
    out = Outcome()
    for problem in presentation_problems(vp):
        out.error("presentation.structure", str(problem), f"verifiablePresentation.{problem.field}")
    if out.errors:
        return out
    try:
        bad = undefined_terms(vp)
    except QualbridgeError as exc:
        out.error("presentation.contexts", str(exc), "verifiablePresentation.@context")
        return out
    if bad:
        out.error(
            "presentation.undefined-terms", f"Undefined terms: {', '.join(bad)}.", "verifiablePresentation"
        )
    _presentation_proof(vp, trust, options, out)
    credentials = vp.get("verifiableCredential", [])
    trusted = []
    for i, credential in enumerate(credentials if isinstance(credentials, list) else [credentials]):
        inner = credential_outcome(credential, trust, f"verifiablePresentation.verifiableCredential[{i}]")
        out.errors += inner.errors
        out.warnings += inner.warnings
        trusted.append(bool(inner.trusted))
    out.trusted = all(trusted) if trusted else None
    out.checks.append("structure")
    return out


def answer(
    request: HttpRequest, outcome: Outcome, options: Mapping[str, Any]
) -> HttpResponse | dict[str, Any]:
    if options.get("requireTrustedIssuer") and outcome.trusted is False:
        outcome.error("issuer.untrusted", "The issuer is not on this site's trust list.", "issuer")
        outcome.warnings = [w for w in outcome.warnings if w["code"] != "issuer.untrusted"]
    body = {
        "checks": outcome.checks,
        "warnings": outcome.warnings,
        "errors": outcome.errors,
        "trustedIssuer": outcome.trusted,
    }
    if not outcome.errors:
        return body
    first = outcome.errors[0]
    return problem_body(
        400,
        "verification-failed",
        "Verification failed",
        first["message"],
        field=first.get("field", ""),
        **body,
    )
