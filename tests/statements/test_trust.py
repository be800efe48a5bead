"""Who signed: a forged statement is never authentic, retired keys sign nothing new, lists cannot be swapped.

Also the shapes the VC-API refuses (each naming its field) and proof sets and chains (W3C vectors).
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

import pytest

from qualbridge.statements.dataintegrity import add_proof, sign, verify_proofs
from qualbridge.statements.errors import InvalidTrustList
from qualbridge.statements.issue import issue_credential
from qualbridge.statements.multikey import KeyPair
from qualbridge.statements.statuslist import StatusEntry, StatusList, status_list_credential
from qualbridge.statements.structure import credential_problems
from qualbridge.statements.trust import TrustedIssuer, TrustedKey, TrustList
from qualbridge.statements.verify import verify_credential

from .helpers import VECTORS, load

OFFICE = "did:web:nic.example:offices:nic"
OFFICE_KEY = KeyPair.generate()
OFFICE_VM = f"{OFFICE}#key-1"
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
CLAIMS = {"id": "did:example:holder", "qualificationType": "jp/gakushi"}
LIST_URL = "https://nic.example/status/nic/revocation"


def office(*, retired: str | None = None, local: bool = True) -> TrustList:
    key = TrustedKey(OFFICE_VM, OFFICE_KEY.public_key_multibase, retired)
    return TrustList((TrustedIssuer(OFFICE, {"en": "NIC", "ja": "NIC機関"}, "JP", keys=(key,), local=local),))


def by_office(**options: Any) -> dict[str, Any]:
    return issue_credential(
        CLAIMS,
        OFFICE_KEY,
        OFFICE,
        verification_method=OFFICE_VM,
        valid_from="2026-01-01T00:00:00Z",
        **options,
    )


def codes(result: Any) -> dict[str, str]:
    return {f.check: f.code for f in result.findings}


def test_the_offices_own_statement_is_authentic() -> None:
    result = verify_credential(by_office(), trust=office(), now=NOW)
    assert result.ok and codes(result)["issuer-key"] == "issuer.trusted"


@pytest.mark.parametrize("name", ["NIC", "UK ENIC", "Diploma Mill University"])
def test_a_forged_statement_with_a_valid_signature_is_never_authentic(name: str) -> None:
    """A fresh key signs a statement naming any issuer: the signature holds, the issuer is not trusted."""
    forger = KeyPair.generate()
    forged = issue_credential({**CLAIMS}, forger, forger.did, name=name, valid_from="2026-01-01T00:00:00Z")
    result = verify_credential(forged, trust=office(), now=NOW)
    assert not result.ok
    assert codes(result)["signature"] == "signature.ok" and codes(result)["issuer-key"] == "issuer.untrusted"
    # naming the office as issuer with a key of its own: the key is not the office's
    claimed = issue_credential(CLAIMS, forger, OFFICE, verification_method=forger.verification_method)
    result = verify_credential(claimed, trust=office(), now=NOW)
    assert not result.ok and codes(result)["issuer-key"] == "issuer.key-not-issuers"
    # naming the office's own key id: the signature does not match the office's public key
    impostor = issue_credential(CLAIMS, forger, OFFICE, verification_method=OFFICE_VM)
    result = verify_credential(impostor, trust=office(), now=NOW)
    assert not result.ok and codes(result)["signature"] == "signature.mismatch"
    # with no trust list at all (the default), nobody is authentic
    assert not verify_credential(by_office(), now=NOW).ok


def test_a_retired_key_keeps_earlier_statements_and_signs_nothing_new() -> None:
    earlier = by_office(created="2026-03-01T00:00:00Z")
    later = by_office(created="2026-07-01T00:00:00Z")
    trust = office(retired="2026-06-01T00:00:00Z")
    assert verify_credential(earlier, trust=trust, now=NOW).ok
    result = verify_credential(later, trust=trust, now=NOW)
    assert not result.ok and codes(result)["issuer-key"] == "issuer.key-retired"


def _list(revoked: bool, *, until: str | None = "2027-01-01T00:00:00Z") -> dict[str, Any]:
    bits = StatusList()
    bits.set(3, revoked)
    doc = status_list_credential(
        bits, list_id=LIST_URL, issuer=OFFICE, valid_from="2026-01-01T00:00:00Z", valid_until=until
    )
    return sign(doc, OFFICE_KEY, verification_method=OFFICE_VM)


def test_a_revoked_statement_stays_revoked_whatever_list_the_visitor_sends() -> None:
    statement = by_office(status=StatusEntry(LIST_URL, 3))
    current = {LIST_URL: _list(True)}
    old_copy = {LIST_URL: _list(False)}  # genuinely signed by the office, before the revocation
    result = verify_credential(
        statement, trust=office(), now=NOW, status_lists=old_copy, resolve_status=current.get
    )
    assert codes(result)["status"] == "status.revoked"
    # and without the site's list the visitor's copy is not used for the site's own statement
    result = verify_credential(statement, trust=office(), now=NOW, status_lists=old_copy)
    assert codes(result)["status"] == "status.list-missing" and not result.ok


def test_a_foreign_issuers_list_counts_only_inside_its_window() -> None:
    statement = by_office(status=StatusEntry(LIST_URL, 3))
    foreign = office(local=False)
    fresh = verify_credential(statement, trust=foreign, now=NOW, status_lists={LIST_URL: _list(False)})
    assert fresh.ok
    expired = {LIST_URL: _list(False, until="2026-06-01T00:00:00Z")}
    result = verify_credential(statement, trust=foreign, now=NOW, status_lists=expired)
    assert codes(result)["status"] == "status.list-outside-window"
    endless = verify_credential(
        statement, trust=foreign, now=NOW, status_lists={LIST_URL: _list(False, until=None)}
    )
    assert codes(endless)["status"] == "status.list-outside-window"


def test_trust_list_file_form_round_trips_and_names_bad_fields() -> None:
    listed = office(retired="2026-06-01T00:00:00Z")
    back = TrustList.from_json(listed.to_json())
    assert back.issuer(OFFICE) is not None and back.issuer(OFFICE).keys == listed.issuers[0].keys  # type: ignore[union-attr]
    with pytest.raises(InvalidTrustList, match=r"issuers\[0\]\.id"):
        TrustList.from_json({"issuers": [{"name": "x"}]})
    with pytest.raises(InvalidTrustList, match="retired"):
        TrustList.from_json(
            {
                "issuers": [
                    {"id": OFFICE, "name": "x", "verificationMethods": [{"id": "a", "retired": "soon"}]}
                ]
            }
        )


MINIMAL = {
    "@context": ["https://www.w3.org/ns/credentials/v2"],
    "type": ["VerifiableCredential"],
    "issuer": "did:example:issuer",
    "credentialSubject": {"id": "did:example:subject"},
}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"id": "not a url"}, "id"),
        ({"credentialSchema": {"id": "https://example.org/schema"}}, "credentialSchema.type"),
        ({"refreshService": {"url": "https://example.org/refresh"}}, "refreshService.type"),
        ({"termsOfUse": {"id": "https://example.org/terms"}}, "termsOfUse.type"),
        ({"evidence": [{"id": "https://example.org/evidence"}]}, "evidence.type"),
        ({"relatedResource": {"id": "https://example.org/r"}}, "relatedResource.digestSRI"),
        ({"relatedResource": [{"digestSRI": "sha384-x"}]}, "relatedResource.id"),
        ({"name": 5}, "name"),
        ({"validFrom": "yesterday"}, "validFrom"),
    ],
)
def test_malformed_shapes_are_named_by_field(change: dict[str, Any], field: str) -> None:
    doc = {**copy.deepcopy(MINIMAL), **change}
    assert field in [p.field for p in credential_problems(doc, require_proof=False)]
    assert credential_problems(MINIMAL, require_proof=False) == []


PROOFS = VECTORS / "proof-set-chain"


@pytest.mark.parametrize("name", ["signedProofSet2.json", "signedProofChain2.json"])
def test_w3c_proof_sets_and_chains_verify_and_a_broken_link_fails(name: str) -> None:
    doc = load(PROOFS / name)
    assert [ok for _, ok in verify_proofs(doc)] == [True] * len(doc["proof"])
    trust = TrustList.of({doc["issuer"]: [p["verificationMethod"] for p in doc["proof"]]})
    assert verify_credential(doc, trust=trust).ok
    broken = copy.deepcopy(doc)
    broken["proof"][0]["proofValue"] = doc["proof"][1]["proofValue"]
    assert not verify_credential(broken, trust=trust).ok


def test_adding_a_proof_makes_a_set_and_a_chain_that_verify() -> None:
    second = KeyPair.generate()
    signed = by_office(proof_id="urn:uuid:first")
    both = add_proof(signed, second)
    chained = add_proof(both, KeyPair.generate(), previous_proof="urn:uuid:first")
    resolve = office().resolve_key
    assert [ok for _, ok in verify_proofs(both, resolve_key=resolve)] == [True, True]
    assert [ok for _, ok in verify_proofs(chained, resolve_key=resolve)] == [True, True, True]
    assert verify_credential(chained, trust=office(), now=NOW).ok  # one proof is by the trusted office
