"""Ed25519 keys in the Multikey form, and the ``did:key`` identifiers built from them.

A statement is signed by a recognising body's Ed25519 key. Keys travel as Multikey documents
(W3C Controlled Identifiers): ``publicKeyMultibase`` is base58btc (``z``) of the multicodec header
``0xed 0x01`` and the 32-byte public key, hence the familiar ``z6Mk...``; ``secretKeyMultibase`` is
base58btc of header ``0x80 0x26`` (ed25519-priv) and the 32-byte seed. A ``did:key`` is the public
multibase itself, so a verifier finds the key offline, with no resolver.

>>> pair = KeyPair.from_multibase(
...     "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2", "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq")
>>> pair.verification_method
'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import base58
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from qualbridge.statements.errors import InvalidKey, UnresolvableKey

ED25519_PUB_HEADER = b"\xed\x01"
ED25519_PRIV_HEADER = b"\x80\x26"
MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1"
DID_CONTEXT = "https://www.w3.org/ns/did/v1"


def multibase_b58_decode(value: str, what: str = "value") -> bytes:
    """Bytes of a base58btc multibase string (prefix ``z``)."""
    if not isinstance(value, str) or not value.startswith("z") or len(value) < 2:
        raise InvalidKey(f"{what} {value!r} is not base58btc multibase (it must start with 'z').")
    try:
        return bytes(base58.b58decode(value[1:]))
    except ValueError as exc:
        raise InvalidKey(f"{what} {value!r} is not valid base58btc: {exc}.") from None


def multibase_b58_encode(data: bytes) -> str:
    """base58btc multibase (``z`` + base58) of ``data``."""
    return "z" + base58.b58encode(data).decode("ascii")


def _unwrap(value: str, header: bytes, what: str) -> bytes:
    raw = multibase_b58_decode(value, what)
    if raw[:2] != header or len(raw) != 34:
        raise InvalidKey(
            f"{what} {value!r} is not an Ed25519 Multikey (expected multicodec header {header.hex()} "
            f"and 32 key bytes, got header {raw[:2].hex()} and {len(raw) - 2} bytes)."
        )
    return raw[2:]


def public_key_from_multibase(value: str) -> Ed25519PublicKey:
    """The Ed25519 public key of a ``publicKeyMultibase`` (``z6Mk...``)."""
    return Ed25519PublicKey.from_public_bytes(_unwrap(value, ED25519_PUB_HEADER, "publicKeyMultibase"))


def public_key_to_multibase(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return multibase_b58_encode(ED25519_PUB_HEADER + raw)


@dataclass(frozen=True)
class KeyPair:
    """An Ed25519 key pair (the secret half may be absent for verification only)."""

    public_key_multibase: str
    secret_key: Ed25519PrivateKey | None = None

    @classmethod
    def generate(cls) -> KeyPair:
        secret = Ed25519PrivateKey.generate()
        return cls(public_key_to_multibase(secret.public_key()), secret)

    @classmethod
    def from_multibase(cls, public: str, secret: str | None = None) -> KeyPair:
        public_key_from_multibase(public)  # validates
        if secret is None:
            return cls(public)
        key = Ed25519PrivateKey.from_private_bytes(_unwrap(secret, ED25519_PRIV_HEADER, "secretKeyMultibase"))
        if public_key_to_multibase(key.public_key()) != public:
            raise InvalidKey(f"secretKeyMultibase does not belong to publicKeyMultibase {public!r}.")
        return cls(public, key)

    @classmethod
    def from_document(cls, doc: Mapping[str, Any]) -> KeyPair:
        """Read a Multikey document (``privateKeyMultibase``, as in the W3C test vectors, is accepted too)."""
        if not isinstance(doc, Mapping) or not isinstance(doc.get("publicKeyMultibase"), str):
            raise InvalidKey("A Multikey document needs a 'publicKeyMultibase' string.")
        secret = doc.get("secretKeyMultibase", doc.get("privateKeyMultibase"))
        if secret is not None and not isinstance(secret, str):
            raise InvalidKey("'secretKeyMultibase' must be a string.")
        return cls.from_multibase(doc["publicKeyMultibase"], secret)

    @property
    def public_key(self) -> Ed25519PublicKey:
        return public_key_from_multibase(self.public_key_multibase)

    @property
    def secret_key_multibase(self) -> str | None:
        if self.secret_key is None:
            return None
        seed = self.secret_key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        return multibase_b58_encode(ED25519_PRIV_HEADER + seed)

    @property
    def did(self) -> str:
        return f"did:key:{self.public_key_multibase}"

    @property
    def verification_method(self) -> str:
        return f"{self.did}#{self.public_key_multibase}"

    def sign(self, data: bytes) -> bytes:
        if self.secret_key is None:
            raise InvalidKey(f"Key {self.public_key_multibase} has no secret half: it cannot sign.")
        return self.secret_key.sign(data)

    def verify(self, signature: bytes, data: bytes) -> bool:
        try:
            self.public_key.verify(signature, data)
        except InvalidSignature:
            return False
        return True

    def to_document(self, *, include_secret: bool = True) -> dict[str, Any]:
        """The Multikey document of this key (with ``secretKeyMultibase`` unless told not to)."""
        doc: dict[str, Any] = {
            "@context": MULTIKEY_CONTEXT,
            "id": self.verification_method,
            "type": "Multikey",
            "controller": self.did,
            "publicKeyMultibase": self.public_key_multibase,
        }
        if include_secret and self.secret_key is not None:
            doc["secretKeyMultibase"] = self.secret_key_multibase
        return doc


def did_key_document(did: str) -> dict[str, Any]:
    """The DID document of an Ed25519 ``did:key`` (its one verification method, in every relationship)."""
    public = did_key_public_multibase(did)
    vm = f"{did}#{public}"
    return {
        "@context": [DID_CONTEXT, MULTIKEY_CONTEXT],
        "id": did,
        "verificationMethod": [
            {"id": vm, "type": "Multikey", "controller": did, "publicKeyMultibase": public}
        ],
        "authentication": [vm],
        "assertionMethod": [vm],
        "capabilityDelegation": [vm],
        "capabilityInvocation": [vm],
    }


def did_key_public_multibase(did: str) -> str:
    """The ``publicKeyMultibase`` inside an Ed25519 ``did:key``."""
    if not isinstance(did, str) or not did.startswith("did:key:"):
        raise UnresolvableKey(f"{did!r} is not a did:key.")
    public = did.removeprefix("did:key:").split("#", 1)[0]
    try:
        public_key_from_multibase(public)
    except InvalidKey as exc:
        raise UnresolvableKey(f"{did!r} is not an Ed25519 did:key: {exc}") from None
    return public


def resolve_verification_method(vm: str) -> KeyPair:
    """The public key a verification method names; only Ed25519 ``did:key`` URLs resolve offline.

    The fragment must be the key itself (``did:key:X#X``), as the did:key method defines.
    """
    if not isinstance(vm, str) or "#" not in vm:
        raise UnresolvableKey(f"verificationMethod {vm!r} is not a did:key URL with a fragment.")
    did, fragment = vm.split("#", 1)
    public = did_key_public_multibase(did)
    if fragment != public:
        raise UnresolvableKey(f"verificationMethod {vm!r}: the fragment must repeat the key ({public}).")
    return KeyPair(public)
