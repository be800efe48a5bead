"""The W3C VC-API (``/api/vc/``): issue a credential, verify a credential, verify a presentation.

Follows the VC-API draft (https://w3c-ccg.github.io/vc-api/): ``POST /credentials/issue`` (an office's
bearer token or a signed-in staff member of the office), ``POST /credentials/verify`` and
``POST /presentations/verify`` (public). A malformed document is a 400 problem document whose ``field``
names the member at fault (``credential.credentialSchema.type``, ``credential.id``, ...).

Verification answers as the VC-API does: 200 with the checks that passed and any warnings, or 400 with the
errors. The proof, status and validity decide the answer; trust in the issuer is reported, never implied:
an issuer that is not on this site's trust list is a warning ``issuer.untrusted`` (``trustedIssuer``
false), and with ``options.requireTrustedIssuer`` an error. The web page and ``/api/v1/statements/verify``
say "signature valid — issuer not on this site's trust list" for the same case.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema
from ninja.security import HttpBearer, django_auth

from qualbridge.statements.contextcheck import undefined_terms
from qualbridge.statements.dataintegrity import add_proof, sign
from qualbridge.statements.documentloader import DATA_INTEGRITY_V2
from qualbridge.statements.errors import InvalidCredential
from qualbridge.statements.statuslist import StatusEntry
from qualbridge.statements.structure import credential_problems, data_model, issuer_id, parse_datetime
from qualbridge.web.accounts.models import Office
from qualbridge.web.api import presentations
from qualbridge.web.api.problems import Problem, field_problem, problem_responses
from qualbridge.web.explorer import status
from qualbridge.web.keys import issuer_of, office_key, signing_method
from qualbridge.web.trust.models import IssuerToken

router = Router(tags=["vc-api"])


class IssuerTokenAuth(HttpBearer):
    """``Authorization: Bearer <token>`` of an office (``qualbridge keys issuer-token SLUG`` makes one)."""

    def authenticate(self, request: HttpRequest, token: str) -> Office | None:
        digest = hashlib.sha256(token.encode("utf-8")).hexdigest()
        row = IssuerToken.objects.select_related("office").filter(token_hash=digest).first()
        return row.office if row is not None else None


class IssueIn(Schema):
    credential: dict[str, Any]
    options: dict[str, Any] = {}


class IssueOut(Schema):
    verifiableCredential: dict[str, Any]


class VerifyCredentialIn(Schema):
    verifiableCredential: dict[str, Any]
    options: dict[str, Any] = {}


class VerifyPresentationIn(Schema):
    verifiablePresentation: dict[str, Any]
    options: dict[str, Any] = {}


class VerifyOut(Schema):
    checks: list[str]
    warnings: list[dict[str, Any]]
    errors: list[dict[str, Any]]
    trustedIssuer: bool | None = None


def _office_of(request: HttpRequest) -> Office:
    auth = getattr(request, "auth", None)
    if isinstance(auth, Office):
        return auth
    office = getattr(auth, "office", None)
    if isinstance(office, Office) and getattr(auth, "is_staff_member", False):
        return office
    raise InvalidCredential("Only an office's token or its staff may issue.")


def _signing_identity(office: Office, credential: dict[str, Any]) -> tuple[str, str]:
    """(issuer id, verification method) the office signs this credential with, or a 400 naming issuer."""
    wanted = issuer_id(credential)
    key = office_key(office)
    if wanted == key.did:
        return key.did, key.verification_method
    if wanted == issuer_of(office):
        return wanted, signing_method(office)
    raise field_problem(
        "credential.issuer",
        f"issuer {wanted!r} is not an identifier of office {office.slug!r}; use {issuer_of(office)} "
        f"or {key.did}.",
    )


def _check_issuable(credential: dict[str, Any]) -> None:
    problems = credential_problems(credential, require_proof=False)
    if problems:
        first = problems[0]
        raise field_problem(f"credential.{first.field}", "; ".join(str(p) for p in problems) + ".")
    if "validFrom" in credential and "validUntil" in credential:
        start = parse_datetime(credential["validFrom"], "validFrom")
        if parse_datetime(credential["validUntil"], "validUntil") < start:
            raise field_problem("credential.validUntil", "validUntil is before validFrom.")
    bad = undefined_terms(credential)
    if bad:
        raise field_problem(
            "credential", f"terms no context defines (they would be unsigned): {', '.join(bad)}."
        )


def _with_status(office: Office, credential: dict[str, Any], options: dict[str, Any]) -> dict[str, Any]:
    wanted = options.get("credentialStatus")
    if wanted is None:
        return credential
    if not isinstance(wanted, dict) or wanted.get("type") != "BitstringStatusListEntry":
        raise field_problem(
            "options.credentialStatus", "only {'type': 'BitstringStatusListEntry'} is offered."
        )
    from qualbridge.web.cases.statements import allocate_index, status_list_url

    purpose = str(wanted.get("statusPurpose", "revocation"))
    entry = StatusEntry(status_list_url(office), allocate_index(office), purpose)
    return {**credential, "credentialStatus": entry.to_json()}


@router.post(
    "/credentials/issue",
    auth=[IssuerTokenAuth(), django_auth],
    response={201: IssueOut, **problem_responses(400, 401, 422)},
    operation_id="vc_issue_credential",
    summary="Issue a credential (VC-API)",
)
def issue(request: HttpRequest, payload: IssueIn) -> Any:
    """Sign ``credential`` with the office's current key (eddsa-rdfc-2022); a credential that already has
    proofs gets one more (a proof set)."""
    from django.db import transaction

    office = _office_of(request)
    credential = dict(payload.credential)
    if payload.options.get("credentialId"):
        credential["id"] = payload.options["credentialId"]
    _check_issuable({k: v for k, v in credential.items() if k != "proof"})
    _, method = _signing_identity(office, credential)
    with transaction.atomic():
        credential = _with_status(office, credential, payload.options)
    if data_model(credential) == "1.1" and DATA_INTEGRITY_V2 not in credential["@context"]:
        # the VC 1.1 context does not define the Data Integrity proof's terms (vc-di-eddsa §3.1)
        credential["@context"] = [*credential["@context"], DATA_INTEGRITY_V2]
    key = office_key(office)
    if "proof" in credential:
        signed = add_proof(credential, key, verification_method=method)
    else:
        signed = sign(credential, key, verification_method=method)
    return 201, {"verifiableCredential": signed}


@router.post(
    "/credentials/verify",
    response={200: VerifyOut, **problem_responses(400, 422)},
    operation_id="vc_verify_credential",
    summary="Verify a credential (VC-API)",
)
def verify_credential(request: HttpRequest, payload: VerifyCredentialIn) -> Any:
    """Check the credential's shape, contexts, proofs, status and validity period; report trust in the
    issuer as ``trustedIssuer`` (a warning when false)."""
    outcome = presentations.credential_outcome(payload.verifiableCredential, status.trust_list())
    return presentations.answer(request, outcome, payload.options)


@router.post(
    "/presentations/verify",
    response={200: VerifyOut, **problem_responses(400, 422)},
    operation_id="vc_verify_presentation",
    summary="Verify a presentation (VC-API)",
)
def verify_presentation(request: HttpRequest, payload: VerifyPresentationIn) -> HttpResponse | Any:
    """Check the presentation (its proof, with ``challenge`` and ``domain`` when given) and every
    credential in it."""
    outcome = presentations.presentation_outcome(
        payload.verifiablePresentation, status.trust_list(), payload.options
    )
    return presentations.answer(request, outcome, payload.options)


__all__ = ["Problem", "router"]
