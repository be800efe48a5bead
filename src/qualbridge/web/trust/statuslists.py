"""An office's signed revocation list, cached: re-signed only when its content changes or nears its end.

The list credential carries ``validFrom`` (when its content last changed, so it never lies in a
verifier's future) and ``validUntil`` (:data:`VALIDITY` later than it was signed): a copy someone keeps
stops counting for foreign verifiers after that. This site never uses a copy for its own statements
(:mod:`qualbridge.statements.statuscheck`). The signed document is kept in
:class:`~qualbridge.web.trust.models.PublishedStatusList` with the digest of what it says; while the
revoked set, the signing key and the issuer are unchanged and the list has more than
:data:`RENEW_BEFORE` left, the stored signature is served as is.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone

from qualbridge.statements.dataintegrity import sign, xsd_datetime
from qualbridge.statements.statuslist import StatusList, status_list_credential
from qualbridge.web.accounts.models import Office
from qualbridge.web.keys import issuer_of, office_key, signing_method
from qualbridge.web.trust.keystore import current_row
from qualbridge.web.trust.models import PublishedStatusList

VALIDITY = timedelta(days=7)
RENEW_BEFORE = timedelta(days=2)


def _content(office: Office, list_url: str) -> tuple[list[int], datetime, str]:
    """(revoked indexes, when the content last changed, digest of everything the list says)."""
    from qualbridge.web.cases.models import Statement
    from qualbridge.web.passport.models import Passport  # h18p: passports share the office's list

    revoked_rows = Statement.objects.filter(case__office=office, revoked_at__isnull=False)
    revoked_passports = Passport.objects.filter(case__office=office, revoked_at__isnull=False)
    revoked = sorted(
        [
            *revoked_rows.values_list("status_index", flat=True),
            *revoked_passports.values_list("status_index", flat=True),
        ]
    )
    last_revoked = [
        at
        for at in (
            revoked_rows.aggregate(at=Max("revoked_at"))["at"],
            revoked_passports.aggregate(at=Max("revoked_at"))["at"],
        )
        if at is not None
    ]
    changed = (
        max(last_revoked, default=None)
        or Statement.objects.filter(case__office=office).aggregate(at=Min("issued_at"))["at"]
        or Passport.objects.filter(case__office=office).aggregate(at=Min("issued_at"))["at"]
        or current_row(office).created_at
    )
    what = {"revoked": revoked, "issuer": issuer_of(office), "key": signing_method(office), "url": list_url}
    digest = hashlib.sha256(json.dumps(what, sort_keys=True).encode()).hexdigest()
    return revoked, changed, digest


def signed_status_list(office: Office, list_url: str) -> dict[str, Any]:
    """The office's signed revocation list at ``list_url`` (one bit per issued statement, set when revoked)."""
    revoked, changed, digest = _content(office, list_url)
    now = timezone.now()
    cached = PublishedStatusList.objects.filter(office=office).first()
    if cached is not None and cached.digest == digest and cached.valid_until - now > RENEW_BEFORE:
        return dict(cached.signed)
    bits = StatusList()
    for index in revoked:
        bits.set(index)
    doc = status_list_credential(
        bits,
        list_id=list_url,
        issuer=issuer_of(office),
        valid_from=xsd_datetime(changed),
        valid_until=xsd_datetime(now + VALIDITY),
    )
    signed = sign(doc, office_key(office), verification_method=signing_method(office))
    with transaction.atomic():
        PublishedStatusList.objects.update_or_create(
            office=office,
            defaults={"digest": digest, "signed": signed, "valid_until": (now + VALIDITY).astimezone(UTC)},
        )
    return signed
