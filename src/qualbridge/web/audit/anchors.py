"""Anchor the audit chain outside the database: signed checkpoints, their export and their check.

:func:`make_checkpoints` has every office sign the current chain head with its key
(:func:`qualbridge.web.keys.office_key`); run it at every change worth anchoring, or on a schedule
(``manage.py audit_checkpoint``, nightly), and export the checkpoints (``--export FILE``) to storage
the database's administrators cannot rewrite. :func:`checkpoint_problems` is what ``audit_verify``
adds to the hash-chain walk: every checkpoint's signature, and that the chain still holds the event
each checkpoint signed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from qualbridge.audit import checkpoint as core
from qualbridge.errors import QualbridgeError
from qualbridge.web.accounts.models import Office
from qualbridge.web.audit.models import AuditCheckpoint, AuditEvent, AuditHead
from qualbridge.web.keys import office_key
from qualbridge.web.trust.models import OfficeKey


def _as_core(row: AuditCheckpoint) -> core.Checkpoint:
    return core.Checkpoint(row.office.slug, row.seq, row.hash, row.at, row.key, row.signature)


def make_checkpoints(offices: Iterable[Office] | None = None) -> tuple[list[core.Checkpoint], list[str]]:
    """Every office signs the current head; returns the checkpoints and the offices that could not sign."""
    made: list[core.Checkpoint] = []
    skipped: list[str] = []
    with transaction.atomic():
        head, _ = AuditHead.objects.select_for_update().get_or_create(pk=1)
        at = timezone.now().isoformat()
        for office in offices if offices is not None else Office.objects.order_by("slug"):
            try:
                key = office_key(office)
            except QualbridgeError as exc:  # no key provisioned for this office, or unreadable
                skipped.append(f"{office.slug}: {exc}")
                continue
            cp = core.sign(office.slug, head.seq, head.hash, at, key)
            AuditCheckpoint.objects.create(
                office=office, seq=cp.seq, hash=cp.hash, at=cp.at, key=cp.key, signature=cp.signature
            )
            made.append(cp)
    return made, skipped


def stored_checkpoints() -> list[core.Checkpoint]:
    return [_as_core(row) for row in AuditCheckpoint.objects.select_related("office")]


def export(path: Path) -> int:
    """Write every stored checkpoint to ``path`` (JSON); returns how many."""
    checkpoints = stored_checkpoints()
    path.write_text(core.dumps(checkpoints), encoding="utf-8")
    return len(checkpoints)


def _office_keys(slugs: set[str]) -> dict[str, set[str]]:
    """Every public key each office has held (current and retired: a rotation keeps earlier
    checkpoints verifiable); an office without a key matches none."""
    keys: dict[str, set[str]] = {}
    for row in OfficeKey.objects.filter(office__slug__in=slugs).select_related("office"):
        keys.setdefault(row.office.slug, set()).add(row.public_key_multibase)
    return keys


def checkpoint_problems(extra: Iterable[core.Checkpoint] = ()) -> list[core.Problem]:
    """Problems of the stored checkpoints and of ``extra`` (an export) against the chain in the database."""
    checkpoints = [*stored_checkpoints(), *extra]
    problems = core.check_signatures(checkpoints, _office_keys({c.office for c in checkpoints}))
    last = AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0

    def hash_of(seq: int) -> str | None:
        return AuditEvent.objects.filter(seq=seq).values_list("hash", flat=True).first()

    problems += core.compare_with_chain(checkpoints, hash_of, last)
    return problems
