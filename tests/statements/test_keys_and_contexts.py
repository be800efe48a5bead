"""Multikey keys, the offline document loader, the context check and issuing."""

from __future__ import annotations

import copy
import hashlib
import json

import pytest
from pyld import jsonld

from qualbridge.statements import documentloader
from qualbridge.statements.contextcheck import undefined_terms
from qualbridge.statements.errors import InvalidCredential, InvalidKey, UndefinedTerms, UnknownContext
from qualbridge.statements.issue import issue_credential
from qualbridge.statements.multikey import KeyPair, did_key_document, resolve_verification_method
from qualbridge.statements.verify import verify_credential

from .helpers import RDFC, VECTORS, load

SIGNED = load(RDFC / "signedDataInt.json")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(url: str, options: object = None) -> None:
        raise AssertionError(f"pyld's default loader was asked for {url}")

    monkeypatch.setattr(jsonld, "_default_document_loader", refuse)


def test_generated_key_round_trips_through_its_document() -> None:
    pair = KeyPair.generate()
    doc = pair.to_document()
    assert doc["publicKeyMultibase"].startswith("z6Mk") and doc["type"] == "Multikey"
    assert doc["id"] == f"did:key:{doc['publicKeyMultibase']}#{doc['publicKeyMultibase']}"
    again = KeyPair.from_document(json.loads(json.dumps(doc)))
    assert again.sign(b"statement") == pair.sign(b"statement")  # Ed25519 is deterministic
    public_only = KeyPair.from_document(pair.to_document(include_secret=False))
    assert public_only.verify(pair.sign(b"statement"), b"statement")
    assert not public_only.verify(pair.sign(b"statement"), b"statemenT")
    with pytest.raises(InvalidKey, match="cannot sign"):
        public_only.sign(b"x")


def test_malformed_keys_are_refused_with_a_reason() -> None:
    pair = load(VECTORS / "keyPair.json")
    with pytest.raises(InvalidKey, match="header"):
        KeyPair.from_multibase(pair["privateKeyMultibase"])  # a secret key where a public one belongs
    with pytest.raises(InvalidKey, match="does not belong"):
        KeyPair.from_multibase(pair["publicKeyMultibase"], KeyPair.generate().secret_key_multibase)
    with pytest.raises(InvalidKey, match="multibase"):
        KeyPair.from_multibase("6Mk" + pair["publicKeyMultibase"][3:])


def test_did_key_document_and_resolution() -> None:
    pair = KeyPair.from_document(load(VECTORS / "keyPair.json"))
    doc = did_key_document(pair.did)
    assert doc["assertionMethod"] == [pair.verification_method]
    assert doc["verificationMethod"][0]["publicKeyMultibase"] == pair.public_key_multibase
    assert (
        resolve_verification_method(pair.verification_method).public_key_multibase
        == pair.public_key_multibase
    )


def test_bundled_contexts_are_the_published_bytes() -> None:
    # the examples context is the same file as the W3C test vectors' copy (shared/specs)
    assert (
        documentloader.context_bytes(documentloader.EXAMPLES_V2)
        == (VECTORS / "credentials-examples-v2.jsonld").read_bytes()
    )
    digest = hashlib.sha256(documentloader.context_bytes(documentloader.CREDENTIALS_V2)).hexdigest()
    assert (
        digest == "8a9f494a89ecc51db093e90e84713e07e84d6d9204364a9b3c7868b21751236f"
    )  # see contexts/README.md


def test_loader_refuses_anything_not_bundled() -> None:
    with pytest.raises(UnknownContext, match="never fetched"):
        documentloader.document_loader("https://example.org/evil-context")


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        (
            ["https://www.w3.org/ns/credentials/v2", "https://example.org/unknown/v1"],
            "https://example.org/unknown/v1",
        ),
        (
            [
                "https://www.w3.org/ns/credentials/v2",
                "https://evil.example/contexts/statement/v9.jsonld",
            ],  # h18p: v2 exists now
            "evil.example",
        ),
    ],
)
def test_unknown_context_fails_without_network(context: list[object], expected: str) -> None:
    doc = copy.deepcopy(SIGNED)
    doc["@context"] = context
    result = verify_credential(doc)
    contexts = next(f for f in result.findings if f.check == "contexts")
    assert not contexts.ok and expected in contexts.message
    assert not result.ok


def test_an_inline_context_is_read_but_cannot_change_what_was_signed() -> None:
    """VC 2.0 allows context objects after the base context: their terms count as defined, but a
    context swapped after signing changes the signed meaning, so the signature fails."""
    doc = copy.deepcopy(SIGNED)
    doc["@context"] = ["https://www.w3.org/ns/credentials/v2", {"@vocab": "https://example.org/#"}]
    result = verify_credential(doc)
    checks = {f.check: f for f in result.findings}
    assert checks["contexts"].ok and checks["signature"].code == "signature.mismatch"
    doc["@context"] = ["https://www.w3.org/ns/credentials/v2", {"alumniOf": "https://example.org/#a"}]
    assert "AlumniCredential" in undefined_terms(doc)  # every other term must still be defined


def test_context_check_names_undefined_terms_and_relative_iris() -> None:
    doc = copy.deepcopy(SIGNED)
    doc["@context"] = ["https://www.w3.org/ns/credentials/v2"]  # without the examples @vocab
    doc["credentialSubject"]["id"] = "relative-holder"
    bad = undefined_terms(doc)
    assert "alumniOf" in bad and "AlumniCredential" in bad
    assert any(b.startswith("relative-holder") for b in bad)
    assert undefined_terms(SIGNED) == []  # the examples context defines everything through @vocab


def test_issuing_refuses_undefined_claims_and_foreign_did_key() -> None:
    pair = KeyPair.generate()
    with pytest.raises(UndefinedTerms, match="favouriteColour"):
        issue_credential({"id": "did:example:x", "favouriteColour": "blue"}, pair, pair.did)
    with pytest.raises(InvalidCredential, match="signing key"):
        issue_credential({"qualificationType": "jp/gakushi"}, pair, KeyPair.generate().did)
    with pytest.raises(InvalidCredential, match="non-empty"):
        issue_credential({}, pair, pair.did)


def test_issued_statement_keeps_names_in_three_scripts_and_verifies() -> None:
    pair = KeyPair.generate()
    names = {"ja": "修士", "ja-Latn": "shūshi", "en": "Master's degree"}
    doc = issue_credential({"id": "did:example:x", "type": "Qualification", "names": names}, pair, pair.did)
    assert doc["credentialSubject"]["names"] == names
    assert doc["@context"] == ["https://www.w3.org/ns/credentials/v2", documentloader.QUALBRIDGE_V1]
    assert verify_credential(doc, trusted_keys={pair.did: [pair.verification_method]}).ok
