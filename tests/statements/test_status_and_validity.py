"""Revocation through a Bitstring Status List, and the validity period."""

from __future__ import annotations

import base64
import copy
import gzip
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qualbridge.statements.dataintegrity import sign
from qualbridge.statements.errors import InvalidStatusList
from qualbridge.statements.issue import issue_credential
from qualbridge.statements.multikey import KeyPair
from qualbridge.statements.statuslist import MIN_BITS, StatusEntry, StatusList, status_list_credential
from qualbridge.statements.verify import verify_credential

KEY = KeyPair.generate()
LIST_URL = "https://recognition.example/status/3"
INDEX = 1234
CLAIMS = {"id": "did:example:holder", "qualificationType": "jp/shushi", "comparableLevel": ["eu-eqf:7"]}
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
#: the test issuer is on the trust list (an issuer nobody listed is never authentic)
TRUST = {KEY.did: [KEY.verification_method]}


def statement(**options: Any) -> dict[str, Any]:
    entry = StatusEntry(LIST_URL, INDEX)
    return issue_credential(CLAIMS, KEY, KEY.did, entry, valid_from="2026-01-01T00:00:00Z", **options)


def signed_list(revoked: set[int], *, key: KeyPair = KEY, purpose: str = "revocation") -> dict[str, Any]:
    bits = StatusList()
    for index in revoked:
        bits.set(index)
    unsigned = status_list_credential(
        bits,
        list_id=LIST_URL,
        issuer=key.did,
        valid_from="2026-01-01T00:00:00Z",
        valid_until="2027-01-01T00:00:00Z",
        purpose=purpose,
    )
    return sign(unsigned, key)


def status_finding(doc: dict[str, Any], lists: dict[str, Any] | None) -> Any:
    result = verify_credential(doc, status_lists=lists, now=NOW, trusted_keys=TRUST)
    return next(f for f in result.findings if f.check == "status"), result


def test_encoded_list_is_multibase_base64url_gzip_of_16kb() -> None:
    bits = StatusList()
    bits.set(0)
    bits.set(9)
    encoded = bits.encode()
    assert encoded.startswith("u") and "=" not in encoded
    raw = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    assert len(raw) == 16 * 1024 == MIN_BITS // 8
    # bit 0 is the left-most bit of the first byte
    assert raw[0] == 0b1000_0000 and raw[1] == 0b0100_0000 and not any(raw[2:])


@settings(max_examples=40, deadline=None)
@given(st.sets(st.integers(min_value=0, max_value=MIN_BITS - 1), max_size=40), st.integers(0, MIN_BITS - 1))
def test_set_bits_survive_encoding(revoked: set[int], probe: int) -> None:
    bits = StatusList()
    for index in revoked:
        bits.set(index)
    decoded = StatusList.decode(bits.encode())
    assert all(decoded.get(i) for i in revoked)
    assert decoded.get(probe) == (probe in revoked)


def test_short_or_malformed_lists_are_refused() -> None:
    short = "u" + base64.urlsafe_b64encode(gzip.compress(bytes(100))).decode().rstrip("=")
    with pytest.raises(InvalidStatusList, match="at least"):
        StatusList.decode(short)
    with pytest.raises(InvalidStatusList):
        StatusList.decode("zNotBase64url")
    with pytest.raises(InvalidStatusList):
        StatusList.decode("u!!!!")
    with pytest.raises(InvalidStatusList, match="outside"):
        StatusList().get(MIN_BITS)


def test_not_revoked_passes_and_revoked_fails() -> None:
    doc = statement()
    finding, result = status_finding(doc, {LIST_URL: signed_list({INDEX + 1})})
    assert finding.ok and result.ok
    finding, result = status_finding(doc, {LIST_URL: signed_list({INDEX})})
    assert not finding.ok and "revoked" in finding.message
    assert not result.ok


def test_status_list_given_through_a_resolver() -> None:
    lists = {LIST_URL: signed_list({INDEX})}
    result = verify_credential(statement(), resolve_status=lists.get, now=NOW, trusted_keys=TRUST)
    assert [f.check for f in result.failed] == ["status"]


def test_missing_status_list_fails() -> None:
    finding, _ = status_finding(statement(), None)
    assert not finding.ok and LIST_URL in finding.message


def test_status_list_from_another_key_fails() -> None:
    other = KeyPair.generate()
    finding, _ = status_finding(statement(), {LIST_URL: signed_list(set(), key=other)})
    assert not finding.ok


def test_tampered_status_list_fails() -> None:
    listed = signed_list({INDEX})
    cleared = copy.deepcopy(listed)
    cleared["credentialSubject"]["encodedList"] = signed_list(set())["credentialSubject"]["encodedList"]
    finding, _ = status_finding(statement(), {LIST_URL: cleared})
    assert not finding.ok and "does not verify" in finding.message


def test_status_list_with_another_purpose_fails() -> None:
    finding, _ = status_finding(statement(), {LIST_URL: signed_list(set(), purpose="suspension")})
    assert not finding.ok and "statusPurpose" in finding.message


def test_expired_and_not_yet_valid_statements_fail() -> None:
    lists = {LIST_URL: signed_list(set())}
    expired = statement(valid_until="2026-06-30T00:00:00Z")
    result = verify_credential(expired, status_lists=lists, trusted_keys=TRUST, now=NOW)
    assert [f.check for f in result.failed] == ["validity-period"]
    assert "Expired" in result.failed[0].message
    early = verify_credential(
        expired, status_lists=lists, trusted_keys=TRUST, now=datetime(2025, 12, 31, tzinfo=UTC)
    )
    validity = next(f for f in early.findings if f.check == "validity-period")
    assert not validity.ok and "Not valid before" in validity.message
    current = verify_credential(
        expired, status_lists=lists, trusted_keys=TRUST, now=datetime(2026, 3, 1, tzinfo=UTC)
    )
    assert current.ok
