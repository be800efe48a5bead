"""Signed statements for the verify tests: one valid, one revoked, one tampered, and the status list.

Built once per process with a fresh Ed25519 key (signing canonicalises JSON-LD, which takes a moment).
The issuer is on the trust list (:func:`trust`). The status list lives at ``https://verify.example/status/test-office/1`` and is served through the
provider hook of :mod:`qualbridge.web.explorer.status`, as the casework app serves its own lists.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from qualbridge.statements.dataintegrity import sign
from qualbridge.statements.issue import issue_credential
from qualbridge.statements.multikey import KeyPair
from qualbridge.statements.statuslist import StatusEntry, StatusList, status_list_credential
from qualbridge.statements.trust import TrustedIssuer, TrustedKey, TrustList

LIST_URL = "https://verify.example/status/test-office/1"
OFFICE, LIST = "test-office", "1"
VALID_INDEX, REVOKED_INDEX = 7, 8
CLAIMS = {"id": "did:example:holder", "qualificationType": "jp/shushi", "comparableLevel": ["eu-eqf:7"]}


@cache
def documents() -> dict[str, Any]:
    key = KeyPair.generate()
    bits = StatusList()
    bits.set(REVOKED_INDEX)
    unsigned_list = status_list_credential(
        bits,
        list_id=LIST_URL,
        issuer=key.did,
        valid_from="2026-01-01T00:00:00Z",
        valid_until="2099-01-01T00:00:00Z",
    )
    status_list = sign(unsigned_list, key)

    def statement(index: int) -> dict[str, Any]:
        entry = StatusEntry(LIST_URL, index)
        return issue_credential(CLAIMS, key, key.did, entry, valid_from="2026-01-01T00:00:00Z")

    valid = statement(VALID_INDEX)
    tampered = copy.deepcopy(valid)
    tampered["credentialSubject"]["comparableLevel"] = ["eu-eqf:8"]
    return {
        "key": key,
        "valid": valid,
        "revoked": statement(REVOKED_INDEX),
        "tampered": tampered,
        "status_list": status_list,
    }


def provider(office: str, list_id: str) -> dict[str, Any] | None:
    """The status-list provider the casework app would install."""
    return documents()["status_list"] if (office, list_id) == (OFFICE, LIST) else None


def trust() -> TrustList:
    """The trust list the verify tests install: the test issuer, as an administrator would add it."""
    key = documents()["key"]
    issuer = TrustedIssuer(
        key.did, {"en": "Test office", "ja": "テスト機関"}, "JP", keys=(TrustedKey(key.verification_method),)
    )
    return TrustList((issuer,))
