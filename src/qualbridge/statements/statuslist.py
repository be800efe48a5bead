"""Revocation by a Bitstring Status List (W3C Bitstring Status List v1.0).

The issuer publishes one signed ``BitstringStatusListCredential`` whose ``encodedList`` is a bitstring
of at least 16 KB (131,072 entries, so one entry does not single out a holder), GZIP-compressed,
base64url-encoded without padding, with the multibase prefix ``u``. Each statement carries a
``BitstringStatusListEntry`` naming the list and its index; bit 0 is the left-most (most significant)
bit of the first byte, and a set bit means revoked (or suspended, by ``statusPurpose``).

>>> bits = StatusList()
>>> bits.set(42)
>>> StatusList.decode(bits.encode()).get(42), StatusList.decode(bits.encode()).get(41)
(True, False)
"""

from __future__ import annotations

import base64
import binascii
import gzip
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from qualbridge.statements.documentloader import CREDENTIALS_V2
from qualbridge.statements.errors import InvalidStatusList

MIN_BITS = 16 * 1024 * 8
#: largest list decoded (16 MB of bits), so a hostile list cannot exhaust memory
MAX_BYTES = 16 * 1024 * 1024
PURPOSES = ("revocation", "suspension")


class StatusList:
    """A bitstring of status entries, one bit each."""

    def __init__(self, length: int = MIN_BITS) -> None:
        if length < MIN_BITS or length % 8:
            raise InvalidStatusList(
                f"A status list has {length} entries; it needs a multiple of 8, at least {MIN_BITS}."
            )
        self._bits = bytearray(length // 8)

    def __len__(self) -> int:
        return len(self._bits) * 8

    def _check(self, index: int) -> None:
        if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(self):
            raise InvalidStatusList(f"Status list index {index!r} is outside 0..{len(self) - 1}.")

    def get(self, index: int) -> bool:
        self._check(index)
        return bool(self._bits[index // 8] & (0x80 >> (index % 8)))

    def set(self, index: int, value: bool = True) -> None:
        self._check(index)
        mask = 0x80 >> (index % 8)
        if value:
            self._bits[index // 8] |= mask
        else:
            self._bits[index // 8] &= ~mask & 0xFF

    def encode(self) -> str:
        """``u`` + base64url (no padding) of the GZIP-compressed bitstring (``mtime`` 0: reproducible)."""
        packed = gzip.compress(bytes(self._bits), mtime=0)
        return "u" + base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")

    @classmethod
    def decode(cls, encoded: str) -> StatusList:
        if not isinstance(encoded, str) or not encoded.startswith("u"):
            raise InvalidStatusList(
                f"encodedList {str(encoded)[:20]!r}... must be multibase base64url ('u...')."
            )
        body = encoded[1:]
        try:
            packed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
            decoder = zlib.decompressobj(wbits=31)
            raw = decoder.decompress(packed, MAX_BYTES + 1)
        except (binascii.Error, ValueError, zlib.error) as exc:
            raise InvalidStatusList(f"encodedList is not GZIP in base64url: {exc}.") from None
        if len(raw) > MAX_BYTES:
            raise InvalidStatusList(f"encodedList expands past {MAX_BYTES} bytes; refusing it.")
        bits = cls.__new__(cls)
        bits._bits = bytearray(raw)
        if len(bits) < MIN_BITS:
            raise InvalidStatusList(
                f"encodedList holds {len(bits)} entries; at least {MIN_BITS} are required."
            )
        return bits


@dataclass(frozen=True)
class StatusEntry:
    """Where a statement's status is published: list credential URL and index."""

    status_list_credential: str
    status_list_index: int
    status_purpose: str = "revocation"

    def __post_init__(self) -> None:
        if self.status_purpose not in PURPOSES:
            raise InvalidStatusList(f"statusPurpose {self.status_purpose!r}; valid: {', '.join(PURPOSES)}.")
        if self.status_list_index < 0:
            raise InvalidStatusList(f"statusListIndex {self.status_list_index} must not be negative.")

    def to_json(self) -> dict[str, Any]:
        return {
            "id": f"{self.status_list_credential}#{self.status_list_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": self.status_purpose,
            "statusListIndex": str(self.status_list_index),
            "statusListCredential": self.status_list_credential,
        }

    @classmethod
    def from_json(cls, entry: Any) -> StatusEntry:
        if not isinstance(entry, Mapping) or entry.get("type") != "BitstringStatusListEntry":
            raise InvalidStatusList(f"credentialStatus {entry!r} is not a BitstringStatusListEntry.")
        index = entry.get("statusListIndex")
        url = entry.get("statusListCredential")
        if not isinstance(index, str) or not index.isdigit():
            raise InvalidStatusList(f"statusListIndex {index!r} must be a string of digits.")
        if not isinstance(url, str) or not url:
            raise InvalidStatusList(f"statusListCredential {url!r} must be a URL.")
        return cls(url, int(index), str(entry.get("statusPurpose", "")))


def status_list_credential(
    bits: StatusList,
    *,
    list_id: str,
    issuer: str,
    valid_from: str,
    valid_until: str | None = None,
    purpose: str = "revocation",
) -> dict[str, Any]:
    """An unsigned ``BitstringStatusListCredential`` publishing ``bits`` (sign it with dataintegrity.sign).

    ``valid_until`` bounds how long a copy may be relied on: a verifier given a copy by someone else
    uses it only inside ``validFrom`` .. ``validUntil``.
    """
    if purpose not in PURPOSES:
        raise InvalidStatusList(f"statusPurpose {purpose!r}; valid: {', '.join(PURPOSES)}.")
    window = {"validFrom": valid_from, **({"validUntil": valid_until} if valid_until else {})}
    return {
        "@context": [CREDENTIALS_V2],
        "id": list_id,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
        **window,
        "credentialSubject": {
            "id": f"{list_id}#list",
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": bits.encode(),
        },
    }


def entry_is_set(entry: StatusEntry, list_credential: Mapping[str, Any]) -> bool:
    """Whether the entry's bit is set in the list credential (the caller has verified its proof)."""
    if list_credential.get("id") != entry.status_list_credential:
        raise InvalidStatusList(
            f"The status list given is {list_credential.get('id')!r}; the statement names "
            f"{entry.status_list_credential!r}."
        )
    subject = list_credential.get("credentialSubject")
    if not isinstance(subject, Mapping) or subject.get("type") != "BitstringStatusList":
        raise InvalidStatusList("The status list credential's subject is not a BitstringStatusList.")
    if subject.get("statusPurpose") != entry.status_purpose:
        raise InvalidStatusList(
            f"The list's statusPurpose is {subject.get('statusPurpose')!r}; the entry's is {entry.status_purpose!r}."
        )
    return StatusList.decode(str(subject.get("encodedList"))).get(entry.status_list_index)
