"""The W3C vc-di-eddsa test vectors for eddsa-rdfc-2022: every intermediate value, byte for byte."""

from __future__ import annotations

import hashlib
import json

import pytest
from pyld import jsonld

from qualbridge.statements import dataintegrity as di
from qualbridge.statements.errors import UnknownContext
from qualbridge.statements.multikey import KeyPair, multibase_b58_encode
from qualbridge.statements.verify import verify_credential

from .helpers import RDFC, VECTORS, load

CREATED = "2023-02-24T23:36:38Z"


@pytest.fixture(scope="module")
def key() -> KeyPair:
    return KeyPair.from_document(load(VECTORS / "keyPair.json"))


def text(name: str, variant: str = "") -> str:
    return (RDFC / variant / name).read_text(encoding="utf-8")


def test_spec_dir_is_found() -> None:
    assert (VECTORS / "keyPair.json").is_file(), f"test vectors expected at {VECTORS.resolve()}"


def test_key_pair_round_trips_its_multibase(key: KeyPair) -> None:
    pair = load(VECTORS / "keyPair.json")
    assert key.public_key_multibase == pair["publicKeyMultibase"]
    assert key.secret_key_multibase == pair["privateKeyMultibase"]


def test_canonical_document(key: KeyPair) -> None:
    assert di.canonicalize(load(VECTORS / "unsigned.json")) == text("canonDocDataInt.txt")


def test_proof_configuration_and_its_canonical_form(key: KeyPair) -> None:
    options = {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "created": CREATED,
        "verificationMethod": key.verification_method,
        "proofPurpose": "assertionMethod",
    }
    config = di.proof_configuration(load(VECTORS / "unsigned.json"), options)
    expected = load(RDFC / "proofConfigDataInt.json")
    assert json.dumps(config) == json.dumps(expected)  # same members in the same order
    assert di.canonicalize(config) == text("proofCanonDataInt.txt")


def test_hashes_signature_and_proof_value(key: KeyPair) -> None:
    canon_doc = di.canonicalize(load(VECTORS / "unsigned.json"))
    canon_proof = di.canonicalize(load(RDFC / "proofConfigDataInt.json"))
    assert hashlib.sha256(canon_doc.encode()).hexdigest() == text("docHashDataInt.txt").strip()
    assert hashlib.sha256(canon_proof.encode()).hexdigest() == text("proofHashDataInt.txt").strip()
    combined = di.hash_data(canon_proof, canon_doc)
    assert combined.hex() == text("combinedHashDataInt.txt").strip()
    signature = key.sign(combined)
    assert signature.hex() == text("sigHexDataInt.txt").strip()
    assert multibase_b58_encode(signature) == text("sigBTC58DataInt.txt").strip()


def test_resigning_reproduces_the_signed_document_byte_for_byte(key: KeyPair) -> None:
    signed = di.sign(load(VECTORS / "unsigned.json"), key, created=CREATED)
    assert json.dumps(signed, indent=2) == text("signedDataInt.json")


def test_signed_vector_verifies_every_check_when_its_key_is_trusted() -> None:
    signed = load(RDFC / "signedDataInt.json")
    assert di.verify_proof(signed)
    trusted = {signed["issuer"]: [signed["proof"]["verificationMethod"]]}
    result = verify_credential(signed, trusted_keys=trusted)
    assert [f.check for f in result.findings] == [
        "structure",
        "contexts",
        "signature",
        "issuer-key",
        "status",
        "validity-period",
    ]
    assert result.ok, result.failed


def test_untrusted_https_issuer_fails_only_the_issuer_key_check() -> None:
    result = verify_credential(load(RDFC / "signedDataInt.json"))
    assert [f.check for f in result.failed] == ["issuer-key"]


# The `employ` vector names https://w3id.org/citizenship/v4rc1, which is not bundled (no byte-exact
# published copy available offline): its intermediate values are checked from the published canonical
# forms, and the full document must fail the context check without anything being fetched.


def test_employ_vector_hashes_and_signature(key: KeyPair) -> None:
    canon_doc = text("canonDocDataInt.txt", "employ")
    canon_proof = text("proofCanonDataInt.txt", "employ")
    assert hashlib.sha256(canon_doc.encode()).hexdigest() == text("docHashDataInt.txt", "employ").strip()
    assert hashlib.sha256(canon_proof.encode()).hexdigest() == text("proofHashDataInt.txt", "employ").strip()
    combined = di.hash_data(canon_proof, canon_doc)
    assert combined.hex() == text("combinedHashDataInt.txt", "employ").strip()
    signature = key.sign(combined)
    assert signature.hex() == text("sigHexDataInt.txt", "employ").strip()
    proof_value = multibase_b58_encode(signature)
    assert proof_value == text("sigBTC58DataInt.txt", "employ").strip()
    config = load(RDFC / "employ" / "proofConfigDataInt.json")
    proof = {k: v for k, v in config.items() if k != "@context"} | {"proofValue": proof_value}
    signed = {**load(VECTORS / "employmentAuth.json"), "proof": proof}
    assert json.dumps(signed) == json.dumps(load(RDFC / "employ" / "signedDataInt.json"))


def test_employ_vector_unknown_context_fails_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(url: str, options: object = None) -> None:
        raise AssertionError(f"pyld's default loader was asked for {url}")

    monkeypatch.setattr(jsonld, "_default_document_loader", no_network)
    signed = load(RDFC / "employ" / "signedDataInt.json")
    with pytest.raises(UnknownContext, match="citizenship/v4rc1"):
        di.canonicalize(signed)
    result = verify_credential(signed)
    contexts = next(f for f in result.findings if f.check == "contexts")
    assert not contexts.ok and "https://w3id.org/citizenship/v4rc1" in contexts.message
    assert not result.ok
