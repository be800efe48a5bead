"""Append to and verify the audit hash chain.

The hash of an event covers its sequence number, time, actor, case, action, object and the old and
new values (as canonical JSON), plus the previous event's hash. :func:`record` must run inside the
caller's ``transaction.atomic`` block: the head row is locked (``select_for_update``) so two
concurrent actions cannot both extend the chain from the same event.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from qualbridge.web.audit.models import AuditEvent, AuditHead

GENESIS = "0" * 64


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def event_hash(event: AuditEvent) -> str:
    body = {
        "seq": event.seq,
        "at": event.at.isoformat(),
        "actor": event.actor_name,
        "case": event.case_id,
        "action": event.action,
        "object": [event.object_type, event.object_id],
        "old": event.old,
        "new": event.new,
        "prev": event.prev_hash,
    }
    return hashlib.sha256(_canonical(body).encode("utf-8")).hexdigest()


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    """Round-trip through JSON so what is hashed is exactly what the database will give back."""
    return json.loads(_canonical(values))  # type: ignore[no-any-return]


def record(
    actor: Any,
    action: str,
    obj: Any,
    *,
    case_id: int | None,
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event; call it inside the action's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit events are written inside the action's transaction")
    head, _ = AuditHead.objects.select_for_update().get_or_create(pk=1)
    event = AuditEvent(
        seq=head.seq + 1,
        at=timezone.now(),
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=getattr(actor, "username", "") or "system",
        case_id=case_id,
        action=action,
        object_type=type(obj).__name__.lower(),
        object_id=str(getattr(obj, "pk", "") or ""),
        old=_jsonable(old or {}),
        new=_jsonable(new or {}),
        prev_hash=head.hash,
    )
    event.hash = event_hash(event)
    event.save()
    head.seq, head.hash = event.seq, event.hash
    head.save(update_fields=["seq", "hash"])
    return event


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    message: str


def verify_chain() -> list[ChainProblem]:
    """Every break in the chain: edited events, missing events, a head that does not match."""
    problems: list[ChainProblem] = []
    prev_hash, expected_seq = GENESIS, 1
    for event in AuditEvent.objects.order_by("seq").iterator(chunk_size=2000):
        if event.seq != expected_seq:
            problems.append(
                ChainProblem(event.seq, f"events {expected_seq}..{event.seq - 1} are missing (deleted)")
            )
        if event.prev_hash != prev_hash:
            problems.append(ChainProblem(event.seq, "does not follow the previous event (one was deleted)"))
        if event_hash(event) != event.hash:
            problems.append(ChainProblem(event.seq, "its content does not match its hash (edited)"))
        prev_hash, expected_seq = event.hash, event.seq + 1
    head = AuditHead.objects.filter(pk=1).first()
    last_seq = expected_seq - 1
    if head is not None and (head.seq != last_seq or head.hash != prev_hash):
        problems.append(
            ChainProblem(
                head.seq, f"the chain ends at event {last_seq} but the head records event {head.seq}"
            )
        )
    if head is None and last_seq:
        problems.append(ChainProblem(last_seq, "events exist but the chain head is missing"))
    return problems
