"""The trust list: which issuers this verifier believes, and the keys each may sign with.

A valid signature only proves that *some* key signed the document. Whether the statement is authentic
depends on who holds that key: anyone can generate an Ed25519 key and name any office as the issuer.
So verification takes a trust list. Each entry is an issuer with its name (ja/en), country, the
identifiers it may issue under (its ``did:web``, the ``did:key`` of its keys) and its verification
methods, earlier ones with the moment they were retired: a statement signed before a key's retirement
still verifies, one claiming a later date does not. Entries marked ``local`` are this site's own offices;
for them the site's own status list is the only one consulted (see :mod:`qualbridge.statements.verify`).

An empty trust list (the default) trusts nobody: a valid signature is then reported as "signature
valid, issuer not on the trust list", never as authentic.

The file form (``qualbridge statements verify --trust-list FILE``)::

    {"issuers": [{"id": "did:web:nic.example:offices:nic",
                  "name": {"en": "NIC-Japan", "ja": "大学改革支援・学位授与機構"},
                  "country": "JP",
                  "ids": ["did:key:z6Mk..."],
                  "verificationMethods": [{"id": "did:web:nic.example:offices:nic#key-1",
                                           "publicKeyMultibase": "z6Mk...",
                                           "retired": "2026-06-01T00:00:00Z"}]}]}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from qualbridge.statements.errors import InvalidTrustList, UnresolvableKey
from qualbridge.statements.multikey import KeyPair, public_key_from_multibase, resolve_verification_method


@dataclass(frozen=True)
class TrustedKey:
    """A verification method of a trusted issuer; ``retired`` (XMLSchema dateTime) ends what it may sign."""

    id: str
    public_key_multibase: str | None = None
    retired: str | None = None

    def signed_in_time(self, created: Any) -> bool:
        """Whether a proof dated ``created`` falls before the key's retirement (always, if not retired)."""
        if self.retired is None:
            return True
        if not isinstance(created, str):
            return False
        try:
            return _moment(created) <= _moment(self.retired)  # proofs are dated to the second
        except ValueError:
            return False

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id}
        if self.public_key_multibase:
            out["publicKeyMultibase"] = self.public_key_multibase
        if self.retired:
            out["retired"] = self.retired
        return out


@dataclass(frozen=True)
class TrustedIssuer:
    id: str
    names: Mapping[str, str]
    country: str = ""
    ids: tuple[str, ...] = ()
    keys: tuple[TrustedKey, ...] = ()
    local: bool = False

    @property
    def identifiers(self) -> tuple[str, ...]:
        return (self.id, *self.ids)

    def key(self, vm: str) -> TrustedKey | None:
        """The trusted key ``vm`` names, including a did:key method of one of the issuer's did:keys."""
        for key in self.keys:
            if key.id == vm:
                return key
        did = vm.split("#", 1)[0]
        if did.startswith("did:key:") and did in self.identifiers:
            public = did.removeprefix("did:key:")
            for key in self.keys:
                if key.public_key_multibase == public:
                    return TrustedKey(vm, public, key.retired)
            return TrustedKey(vm, public)
        return None

    def name(self, lang: str = "en") -> str:
        return self.names.get(lang) or self.names.get("en") or next(iter(self.names.values()), self.id)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": dict(self.names),
            "country": self.country,
            "ids": list(self.ids),
            "verificationMethods": [k.to_json() for k in self.keys],
            **({"local": True} if self.local else {}),
        }


@dataclass(frozen=True)
class TrustList:
    issuers: tuple[TrustedIssuer, ...] = field(default_factory=tuple)

    def issuer(self, issuer_id: str | None) -> TrustedIssuer | None:
        """The trusted issuer that may issue under ``issuer_id`` (its own id or one of its ids)."""
        if not issuer_id:
            return None
        for issuer in self.issuers:
            if issuer_id in issuer.identifiers:
                return issuer
        return None

    def resolve_key(self, vm: str) -> KeyPair:
        """The public key of ``vm``: a did:key offline, otherwise a key published by a listed issuer."""
        if isinstance(vm, str) and vm.startswith("did:key:"):
            return resolve_verification_method(vm)
        for issuer in self.issuers:
            for key in issuer.keys:
                if key.id == vm and key.public_key_multibase:
                    return KeyPair(key.public_key_multibase)
        raise UnresolvableKey(
            f"verificationMethod {vm!r} is neither a did:key nor a key of an issuer on the trust list, "
            "so its public key cannot be found without the network."
        )

    @classmethod
    def of(cls, trusted_keys: Mapping[str, Iterable[str]]) -> TrustList:
        """A trust list of bare entries: issuer id -> the verification methods it signs with.

        >>> TrustList.of({"did:example:office": ["did:key:z6Mk...#z6Mk..."]}).issuer("did:example:office").id
        'did:example:office'
        """
        return cls(
            tuple(
                TrustedIssuer(issuer, {"en": issuer}, keys=tuple(TrustedKey(vm) for vm in vms))
                for issuer, vms in trusted_keys.items()
            )
        )

    def merged(self, other: TrustList) -> TrustList:
        return TrustList((*self.issuers, *other.issuers))

    def to_json(self) -> dict[str, Any]:
        return {"issuers": [i.to_json() for i in self.issuers]}

    @classmethod
    def from_json(cls, doc: Any) -> TrustList:
        """Read the file form; a malformed entry raises :class:`InvalidTrustList` naming the field."""
        if not isinstance(doc, Mapping) or not isinstance(doc.get("issuers"), list):
            raise InvalidTrustList('A trust list is a JSON object {"issuers": [...]}.')
        return cls(tuple(_issuer(item, i) for i, item in enumerate(doc["issuers"])))


def _moment(value: str) -> datetime:
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(f"{value!r} has no time zone")
    return moment


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise InvalidTrustList(f"{where} must be a list of identifiers (strings).")
    return tuple(value)


def _issuer(item: Any, index: int) -> TrustedIssuer:
    where = f"issuers[{index}]"
    if not isinstance(item, Mapping) or not isinstance(item.get("id"), str) or ":" not in item["id"]:
        raise InvalidTrustList(f"{where}.id must be the issuer's DID or URL.")
    names = item.get("name", {})
    if isinstance(names, str):
        names = {"en": names}
    if not isinstance(names, Mapping) or not names or not all(isinstance(v, str) for v in names.values()):
        raise InvalidTrustList(f'{where}.name must be a name or an object {{"en": ..., "ja": ...}}.')
    return TrustedIssuer(
        id=item["id"],
        names=dict(names),
        country=str(item.get("country", "")),
        ids=_strings(item.get("ids"), f"{where}.ids"),
        keys=tuple(_keys(item.get("verificationMethods", []), where)),
    )


def _keys(items: Any, where: str) -> Iterable[TrustedKey]:
    if not isinstance(items, list):
        raise InvalidTrustList(f"{where}.verificationMethods must be a list.")
    for j, key in enumerate(items):
        here = f"{where}.verificationMethods[{j}]"
        if isinstance(key, str):
            key = {"id": key}
        if not isinstance(key, Mapping) or not isinstance(key.get("id"), str):
            raise InvalidTrustList(f"{here} must be a verification method URL or an object with an id.")
        public = key.get("publicKeyMultibase")
        if public is not None:
            try:
                public_key_from_multibase(public)
            except Exception as exc:
                raise InvalidTrustList(f"{here}.publicKeyMultibase: {exc}") from None
        retired = key.get("retired")
        if retired is not None:
            try:
                _moment(str(retired))
            except ValueError:
                raise InvalidTrustList(f"{here}.retired {retired!r} is not an XMLSchema dateTime.") from None
        yield TrustedKey(key["id"], public, retired)
