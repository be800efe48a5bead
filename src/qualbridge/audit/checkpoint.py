"""Signed checkpoints of the audit chain: an office's signature over the chain head at a moment.

The audit chain (in the web app's database) detects an edited or deleted event only as long as the
database itself is trusted: whoever can write to it can re-hash every event after an edit, or delete
the newest events and roll the head back. A checkpoint anchors the chain outside the database: the
office signs ``(seq, hash)`` of the head with its Ed25519 key, the checkpoints are exported to a file
kept elsewhere, and a later chain must still contain event ``seq`` with exactly that ``hash``. An
attacker without the office's secret key cannot make a new checkpoint for a rewritten chain.

This module is pure: it signs, reads, checks signatures and compares checkpoints with a chain given
as a lookup function, so the same code serves ``manage.py audit_verify`` and the offline
``qualbridge audit verify`` (which needs only the exported file).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from qualbridge.errors import QualbridgeError
from qualbridge.statements.errors import InvalidKey
from qualbridge.statements.multikey import KeyPair, multibase_b58_decode, multibase_b58_encode

FILE_TYPE = "qualbridge-audit-checkpoints"
FILE_VERSION = 1
FIELDS = ("office", "seq", "hash", "at", "key", "signature")


class InvalidCheckpointFile(QualbridgeError):
    """An exported checkpoint file that cannot be read."""


@dataclass(frozen=True)
class Checkpoint:
    office: str  #: the office's slug
    seq: int  #: the sequence number of the newest event when signed (0: an empty chain)
    hash: str  #: that event's hash
    at: str  #: when it was signed (ISO 8601)
    key: str  #: the office's publicKeyMultibase
    signature: str  #: multibase (base58btc) Ed25519 signature over :meth:`payload`

    def payload(self) -> bytes:
        body = {"type": FILE_TYPE, "office": self.office, "seq": self.seq, "hash": self.hash, "at": self.at}
        return json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")

    def signature_valid(self) -> bool:
        try:
            pair = KeyPair.from_multibase(self.key)
            return pair.verify(multibase_b58_decode(self.signature, "signature"), self.payload())
        except (InvalidKey, ValueError):
            return False

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def sign(office: str, seq: int, head_hash: str, at: str, key: KeyPair) -> Checkpoint:
    unsigned = Checkpoint(office, seq, head_hash, at, key.public_key_multibase, "")
    signature = multibase_b58_encode(key.sign(unsigned.payload()))
    return Checkpoint(office, seq, head_hash, at, key.public_key_multibase, signature)


def dumps(checkpoints: Iterable[Checkpoint]) -> str:
    body = {"type": FILE_TYPE, "version": FILE_VERSION, "checkpoints": [c.as_json() for c in checkpoints]}
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"


def _checkpoint(item: Any, index: int) -> Checkpoint:
    if not isinstance(item, dict) or set(item) != set(FIELDS):
        raise InvalidCheckpointFile(
            f"checkpoint {index + 1} must have exactly the fields {', '.join(FIELDS)}."
        )
    if not isinstance(item["seq"], int) or isinstance(item["seq"], bool) or item["seq"] < 0:
        raise InvalidCheckpointFile(f"checkpoint {index + 1}: 'seq' must be a whole number from 0.")
    if not all(isinstance(item[f], str) for f in FIELDS if f != "seq"):
        raise InvalidCheckpointFile(f"checkpoint {index + 1}: every field but 'seq' must be a string.")
    return Checkpoint(**item)


def loads(text: str, source: str = "the checkpoint file") -> list[Checkpoint]:
    try:
        body = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise InvalidCheckpointFile(f"{source} is not JSON: {exc}.") from None
    if not isinstance(body, dict) or body.get("type") != FILE_TYPE:
        raise InvalidCheckpointFile(f"{source} is not a qualbridge checkpoint export (type {FILE_TYPE!r}).")
    if body.get("version") != FILE_VERSION or not isinstance(body.get("checkpoints"), list):
        raise InvalidCheckpointFile(f"{source}: expected version {FILE_VERSION} with a 'checkpoints' list.")
    return [_checkpoint(item, i) for i, item in enumerate(body["checkpoints"])]


def read(path: Path) -> list[Checkpoint]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidCheckpointFile(f"Cannot read {str(path)!r}: {exc}.") from None
    return loads(text, repr(str(path)))


@dataclass(frozen=True)
class Problem:
    seq: int
    message: str


def check_signatures(
    checkpoints: Iterable[Checkpoint], keys: Mapping[str, Collection[str]] | None = None
) -> list[Problem]:
    """Bad signatures, keys other than the office's (office -> its current and earlier keys), and seq
    going backwards."""
    problems: list[Problem] = []
    newest: dict[str, Checkpoint] = {}
    for cp in checkpoints:
        if not cp.signature_valid():
            problems.append(
                Problem(cp.seq, f"checkpoint of {cp.office} at {cp.at}: the signature is not valid")
            )
            continue
        if keys is not None and cp.key not in keys.get(cp.office, ()):
            problems.append(
                Problem(
                    cp.seq, f"checkpoint of {cp.office} at {cp.at}: signed by key {cp.key}, not the office's"
                )
            )
        before = newest.get(cp.office)
        if before is not None and before.at <= cp.at and before.seq > cp.seq:
            problems.append(
                Problem(cp.seq, f"{cp.office} signed event {before.seq} at {before.at}, then only {cp.seq}")
            )
        newest[cp.office] = cp
    return problems


def compare_with_chain(
    checkpoints: Iterable[Checkpoint], hash_of: Callable[[int], str | None], last_seq: int
) -> list[Problem]:
    """Where the chain no longer holds what a checkpoint signed (rewritten, or newest events deleted)."""
    problems: list[Problem] = []
    for cp in checkpoints:
        if cp.seq == 0:
            continue
        if cp.seq > last_seq:
            problems.append(
                Problem(
                    cp.seq,
                    f"the chain ends at event {last_seq} but {cp.office} signed event {cp.seq} at {cp.at}: "
                    "events were deleted and the head rolled back",
                )
            )
            continue
        stored = hash_of(cp.seq)
        if stored != cp.hash:
            problems.append(
                Problem(
                    cp.seq,
                    f"event {cp.seq} is not the one {cp.office} signed at {cp.at}: the chain was rewritten",
                )
            )
    return problems
