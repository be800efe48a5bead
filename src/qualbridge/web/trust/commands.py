"""What ``qualbridge keys create-office / rotate-office / issuer-token / trust-add`` do in the web app.

Each sets Django up (the CLI never imports Django itself), works in one transaction and returns the
lines to print. Errors are :class:`~qualbridge.errors.QualbridgeError`, so the CLI exits 2 with the
message.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from typing import Any

from qualbridge.errors import QualbridgeError


class UnknownOffice(QualbridgeError):
    code = "unknown-office"


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qualbridge.web.settings")
    import django

    django.setup()


def _office(slug: str) -> Any:
    from qualbridge.web.accounts.models import Office

    office = Office.objects.filter(slug=slug).first()
    if office is None:
        known = ", ".join(Office.objects.order_by("slug").values_list("slug", flat=True)) or "none yet"
        raise UnknownOffice(f"No office {slug!r}; offices: {known}.")
    return office


def create_office(slug: str) -> list[str]:
    return _office_key(slug, rotate=False)


def rotate_office(slug: str) -> list[str]:
    return _office_key(slug, rotate=True)


def _office_key(slug: str, *, rotate: bool) -> list[str]:
    """Create the office's signing key, or rotate to a new one; returns the lines to print."""
    _setup()
    from qualbridge.web.trust.did import method_id, office_did
    from qualbridge.web.trust.keystore import create_office_key, rotate_office_key

    office = _office(slug)
    if rotate:
        row = rotate_office_key(office)
        head = [f"office {slug}: key-{row.number} now signs; earlier keys are retired (they still verify)"]
    else:
        row = create_office_key(office)
        head = [f"office {slug}: key-{row.number} created", f"issuer  {office_did(office)}"]
    return [*head, f"method  {method_id(office, row)}"]


def issuer_token(slug: str, label: str) -> list[str]:
    _setup()
    from qualbridge.web.trust.models import IssuerToken

    office = _office(slug)
    token = secrets.token_urlsafe(32)
    IssuerToken.objects.create(
        office=office, token_hash=hashlib.sha256(token.encode()).hexdigest(), label=label
    )
    return [f"VC-API issuer token for {slug} (shown once; send as 'Authorization: Bearer ...'):", token]


def trust_add(document: Any) -> list[str]:
    """Add (or replace) the issuers of a trust list file in this site's trust list."""
    from qualbridge.statements.trust import TrustList

    listed = TrustList.from_json(document)
    _setup()
    from django.db import transaction

    from qualbridge.web.trust.models import TrustedIssuer

    with transaction.atomic():
        for issuer in listed.issuers:
            TrustedIssuer.objects.update_or_create(
                issuer_id=issuer.id,
                defaults={
                    "name_en": issuer.names.get("en") or issuer.name(),
                    "name_ja": issuer.names.get("ja", ""),
                    "country": issuer.country[:2].upper(),
                    "ids": list(issuer.ids),
                    "verification_methods": [k.to_json() for k in issuer.keys],
                },
            )
    return [f"trusted: {issuer.name()} ({issuer.id})" for issuer in listed.issuers]
