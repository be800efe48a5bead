"""Each office's ``did:web`` identifier and DID document, and this site's trust list.

An office issues as ``did:web:<host>:offices:<slug>`` (the host of ``QUALBRIDGE_PUBLIC_URL``, a port
written ``%3A``), which a verifier anywhere resolves to ``https://<host>/offices/<slug>/did.json``. The
document lists every key the office has had, ``key-1``, ``key-2``, ...; a retired key carries the
``revoked`` moment of W3C Controlled Identifiers, so a verifier accepts what it signed before then and
nothing after.

The trust list (:class:`~qualbridge.statements.trust.TrustList`) that decides this site's verifications
holds its offices, marked ``local`` (their revocation lists are only ever the site's own), and the
issuers an administrator added (:class:`~qualbridge.web.trust.models.TrustedIssuer`).
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import quote, urlsplit

from django.conf import settings

from qualbridge.statements.dataintegrity import xsd_datetime
from qualbridge.statements.multikey import DID_CONTEXT, MULTIKEY_CONTEXT
from qualbridge.statements.trust import TrustedIssuer, TrustedKey, TrustList
from qualbridge.web.accounts.models import Office
from qualbridge.web.trust.models import OfficeKey
from qualbridge.web.trust.models import TrustedIssuer as TrustedIssuerRow


def public_base() -> str:
    """The deployment's public address (statements name their status list and pages by it)."""
    base = (
        os.environ.get("QUALBRIDGE_PUBLIC_URL")
        or getattr(settings, "QUALBRIDGE_PUBLIC_URL", "")
        or "http://127.0.0.1:8000"
    )
    return base.rstrip("/")


def office_did(office: Office) -> str:
    """``did:web:<host>:offices:<slug>``.

    The host keeps its port, percent-encoded, as the did:web method requires.
    """
    host = urlsplit(public_base()).netloc
    return f"did:web:{quote(host, safe='')}:offices:{office.slug}"


def method_id(office: Office, row: OfficeKey) -> str:
    return f"{office_did(office)}#key-{row.number}"


def did_document(office: Office) -> dict[str, Any]:
    """The office's DID document: all its keys; retired ones say since when."""
    did = office_did(office)
    methods = []
    for row in OfficeKey.objects.filter(office=office).order_by("number"):
        method: dict[str, Any] = {
            "id": method_id(office, row),
            "type": "Multikey",
            "controller": did,
            "publicKeyMultibase": row.public_key_multibase,
        }
        if row.retired_at is not None:
            method["revoked"] = xsd_datetime(row.retired_at)
        methods.append(method)
    ids = [m["id"] for m in methods]
    return {
        "@context": [DID_CONTEXT, MULTIKEY_CONTEXT],
        "id": did,
        "alsoKnownAs": [
            f"did:key:{row.public_key_multibase}" for row in OfficeKey.objects.filter(office=office)
        ],
        "verificationMethod": methods,
        "assertionMethod": ids,
        "authentication": [m["id"] for m in methods if "revoked" not in m],
    }


def office_entry(office: Office) -> TrustedIssuer:
    rows = list(OfficeKey.objects.filter(office=office).order_by("number"))
    keys = tuple(
        TrustedKey(
            method_id(office, row),
            row.public_key_multibase,
            xsd_datetime(row.retired_at) if row.retired_at else None,
        )
        for row in rows
    )
    ids = [f"did:key:{row.public_key_multibase}" for row in rows]
    if office.issuer_did:
        ids.append(office.issuer_did)
    return TrustedIssuer(
        id=office_did(office),
        names={"en": office.name_en, "ja": office.name_ja},
        country="",
        ids=tuple(ids),
        keys=keys,
        local=True,
    )


def added_entry(row: TrustedIssuerRow) -> TrustedIssuer:
    names = {"en": row.name_en, **({"ja": row.name_ja} if row.name_ja else {})}
    keys = tuple(
        TrustedKey(str(m.get("id")), m.get("publicKeyMultibase"), m.get("retired"))
        for m in row.verification_methods
        if isinstance(m, dict) and m.get("id")
    )
    return TrustedIssuer(row.issuer_id, names, row.country, tuple(row.ids), keys)


def site_trust_list() -> TrustList:
    """This site's offices (local) and the issuers an administrator added."""
    offices = [office_entry(o) for o in Office.objects.all().order_by("slug")]
    added = [added_entry(r) for r in TrustedIssuerRow.objects.all().order_by("issuer_id")]
    return TrustList((*offices, *added))
