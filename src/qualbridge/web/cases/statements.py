"""Issue a decided case's statement as a signed Verifiable Credential, and publish revocations.

Signing, the Multikey and the Bitstring Status List are the core's (``qualbridge.statements``); this
module only gathers the claims from the case (terms of the qualbridge statement context), allocates
the statement's index in the office's status list, and builds the office's signed status list from
the revoked statements. Called by :func:`qualbridge.web.cases.actions.do_approve` inside its transaction.
"""

from __future__ import annotations

import os
import uuid
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from qualbridge.statements.dataintegrity import sign, xsd_datetime
from qualbridge.statements.issue import issue_credential
from qualbridge.statements.statuslist import MIN_BITS, StatusEntry, StatusList, status_list_credential
from qualbridge.web.accounts.models import Office
from qualbridge.web.cases.models import Case, Statement, StatusAllocation
from qualbridge.web.keys import office_key


def public_url(path: str) -> str:
    base = (
        os.environ.get("QUALBRIDGE_PUBLIC_URL")
        or getattr(settings, "QUALBRIDGE_PUBLIC_URL", "")
        or "http://127.0.0.1:8000"
    )
    return base.rstrip("/") + path


def status_list_url(office: Office) -> str:
    return public_url(reverse("cases:status_list", args=[office.slug]))


def claims(case: Case) -> dict[str, Any]:
    """The credentialSubject: the case, its credentials and the decision, in defined terms only."""
    applicant = case.applicant
    subject: dict[str, Any] = {
        "caseReference": case.reference,
        "recognisingBody": {"names": {"en": case.office.name_en, "ja": case.office.name_ja}},
        "purpose": case.purpose,
        "decision": case.decision,
        "reasons": case.decision_reasons,
        "decidedOn": (case.decided_at or timezone.now()).date().isoformat(),
        "dataVersion": case.data_version,
        "qualification": [
            {
                "names": {"en": c.title},
                "qualificationType": c.qualification_type,
                "country": c.country,
                "institution": c.institution,
            }
            for c in case.credentials.all()
        ],
        "appeal": f"Appeal by {case.appeal_deadline.isoformat()}" if case.appeal_deadline else "",
    }
    if applicant.first_name:
        subject["givenName"] = applicant.first_name
    if applicant.last_name:
        subject["familyName"] = applicant.last_name
    return {k: v for k, v in subject.items() if v not in ("", None, [])}


def allocate_index(office: Office) -> int:
    """The next free status-list index of the office (row-locked: call inside a transaction)."""
    allocation, _ = StatusAllocation.objects.select_for_update().get_or_create(office=office)
    index = allocation.next_index
    if index >= MIN_BITS:
        raise ValueError(f"Office {office.slug} has used all {MIN_BITS} status-list entries.")
    allocation.next_index = index + 1
    allocation.save(update_fields=["next_index"])
    return index


def issue_statement(case: Case) -> Statement:
    key = office_key(case.office)
    index = allocate_index(case.office)
    credential_id = f"urn:uuid:{uuid.uuid4()}"
    signed = issue_credential(
        claims(case),
        key,
        key.did,
        StatusEntry(status_list_url(case.office), index),
        credential_id=credential_id,
        name="Recognition statement",
    )
    return Statement.objects.create(case=case, credential_id=credential_id, signed=signed, status_index=index)


def signed_status_list(office: Office) -> dict[str, Any]:
    """The office's revocation list: one bit per issued statement, set when revoked; signed."""
    bits = StatusList()
    revoked = Statement.objects.filter(case__office=office, revoked_at__isnull=False)
    for index in revoked.values_list("status_index", flat=True):
        bits.set(index)
    key = office_key(office)
    doc = status_list_credential(
        bits, list_id=status_list_url(office), issuer=key.did, valid_from=xsd_datetime()
    )
    return sign(doc, key)
