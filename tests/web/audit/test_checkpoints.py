"""Anchored audit trail (issue 11): rewriting the chain inside the database (edit an event and re-hash
everything after it; delete the newest events and roll the head back) passes the hash-chain walk, but
fails ``audit_verify`` against the offices' signed checkpoints, stored or exported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from qualbridge.audit import checkpoint as core
from qualbridge.statements.multikey import KeyPair
from qualbridge.web.accounts.models import Office
from qualbridge.web.audit.anchors import make_checkpoints
from qualbridge.web.audit.chain import event_hash, record, verify_chain
from qualbridge.web.audit.models import AuditCheckpoint, AuditEvent, AuditHead
from qualbridge.web.keys import office_key
from qualbridge.web.trust.keystore import create_office_key, rotate_office_key
from tests.helpers import run_cli

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(db: None) -> Office:
    made = Office.objects.create(slug="nic", name_en="Office", name_ja="機関", policy="jp-nic")
    create_office_key(made)  # keys are provisioned, never created on first use
    return made


@pytest.fixture
def chain(office: Office) -> list[AuditEvent]:
    for i in range(6):
        with transaction.atomic():
            record(None, "note", office, case_id=None, new={"step": i})
    return list(AuditEvent.objects.order_by("seq"))


def _rehash_from(seq: int) -> None:
    """What an attacker with write access to the database does after editing event ``seq``."""
    prev = AuditEvent.objects.get(seq=seq - 1).hash if seq > 1 else "0" * 64
    for event in AuditEvent.objects.filter(seq__gte=seq).order_by("seq"):
        event.prev_hash = prev
        event.hash = event_hash(event)
        event.save()
        prev = event.hash
    AuditHead.objects.filter(pk=1).update(hash=prev)


def rewrite(seq: int) -> None:
    event = AuditEvent.objects.get(seq=seq)
    event.new = {"step": "forged"}
    event.save()
    _rehash_from(seq)


def delete_newest_and_roll_back() -> None:
    newest = AuditEvent.objects.order_by("-seq").first()
    assert newest is not None
    newest.delete()
    before = AuditEvent.objects.order_by("-seq").first()
    assert before is not None
    AuditHead.objects.filter(pk=1).update(seq=before.seq, hash=before.hash)


def test_checkpoints_hold_on_an_intact_chain(
    chain: list[AuditEvent], capsys: pytest.CaptureFixture[str]
) -> None:
    made, skipped = make_checkpoints()
    assert skipped == [] and [(c.office, c.seq) for c in made] == [("nic", len(chain))]
    call_command("audit_verify")
    assert "6 events, 1 signed checkpoints hold" in capsys.readouterr().out


def test_a_rewritten_and_rehashed_chain_fails_verification(chain: list[AuditEvent]) -> None:
    make_checkpoints()
    rewrite(2)
    assert verify_chain() == []  # the hash chain alone cannot see it
    with pytest.raises(CommandError, match="broken"):
        call_command("audit_verify")


def test_deleting_the_newest_event_and_rolling_back_the_head_fails_verification(
    chain: list[AuditEvent],
) -> None:
    make_checkpoints()
    delete_newest_and_roll_back()
    assert verify_chain() == []
    with pytest.raises(CommandError, match="broken"):
        call_command("audit_verify")


@pytest.mark.parametrize("attack", [lambda: rewrite(3), delete_newest_and_roll_back])
def test_an_exported_checkpoint_catches_an_attacker_who_also_deletes_the_stored_ones(
    chain: list[AuditEvent], tmp_path: Path, attack: object
) -> None:
    export = tmp_path / "checkpoints.json"
    call_command("audit_checkpoint", export=export)
    attack()  # type: ignore[operator]
    AuditCheckpoint.objects.all().delete()
    call_command("audit_verify")  # nothing left in the database to notice
    with pytest.raises(CommandError, match="broken"):
        call_command("audit_verify", checkpoints=export)


def test_a_checkpoint_re_signed_with_another_key_is_refused(chain: list[AuditEvent], office: Office) -> None:
    make_checkpoints()
    rewrite(2)
    AuditCheckpoint.objects.all().delete()
    head = AuditHead.objects.get(pk=1)
    forged = core.sign("nic", head.seq, head.hash, "2030-01-01T00:00:00+00:00", KeyPair.generate())
    AuditCheckpoint.objects.create(
        office=office,
        seq=forged.seq,
        hash=forged.hash,
        at=forged.at,
        key=forged.key,
        signature=forged.signature,
    )
    with pytest.raises(CommandError, match="broken"):
        call_command("audit_verify")


def test_checkpoints_verify_offline_with_the_cli(
    chain: list[AuditEvent], office: Office, tmp_path: Path
) -> None:
    export = tmp_path / "checkpoints.json"
    call_command("audit_checkpoint", export=export)
    key = office_key(office).public_key_multibase
    ok = run_cli("audit", "verify", str(export), "--key", f"nic={key}")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "all 1 signatures valid against the given keys" in ok.stdout
    wrong_key = run_cli(
        "audit", "verify", str(export), "--key", f"nic={KeyPair.generate().public_key_multibase}"
    )
    assert wrong_key.returncode == 1 and "not the office's" in wrong_key.stdout
    body = json.loads(export.read_text())
    body["checkpoints"][0]["seq"] += 1  # the signed content changed
    export.write_text(json.dumps(body))
    tampered = run_cli("audit", "verify", str(export))
    assert tampered.returncode == 1 and "signature is not valid" in tampered.stdout
    export.write_text("[" * 100_000)
    garbage = run_cli("audit", "verify", str(export))
    assert garbage.returncode == 2 and "Traceback" not in garbage.stderr


def test_checkpoints_signed_before_a_key_rotation_still_verify(
    chain: list[AuditEvent], office: Office
) -> None:
    make_checkpoints()
    rotate_office_key(office)
    with transaction.atomic():
        record(None, "note", office, case_id=None, new={"step": "after rotation"})
    make_checkpoints()
    assert AuditCheckpoint.objects.values("key").distinct().count() == 2
    call_command("audit_verify")  # raises CommandError on any problem
