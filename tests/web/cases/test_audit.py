"""The audit chain: ``manage.py audit_verify`` passes on an intact chain and catches any edit or deletion."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from qualbridge.web.audit.chain import record
from qualbridge.web.audit.models import AuditEvent
from qualbridge.web.cases.models import Case, State

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(make_case: Callable[..., Case]) -> list[AuditEvent]:
    make_case(State.DECIDED)
    return list(AuditEvent.objects.order_by("seq"))


def test_intact_chain_passes(chain: list[AuditEvent], capsys: pytest.CaptureFixture[str]) -> None:
    call_command("audit_verify")
    assert f"intact: {len(chain)} events" in capsys.readouterr().out


@pytest.mark.parametrize(
    "field,value", [("new", {"state": "decided"}), ("actor_name", "mallory"), ("action", "x")]
)
def test_an_edited_event_is_detected(chain: list[AuditEvent], field: str, value: object) -> None:
    AuditEvent.objects.filter(pk=chain[3].pk).update(**{field: value})
    with pytest.raises(CommandError, match="1 problem"):
        call_command("audit_verify")


def test_a_deleted_event_in_the_middle_is_detected(chain: list[AuditEvent]) -> None:
    AuditEvent.objects.filter(pk=chain[4].pk).delete()
    with pytest.raises(CommandError, match="broken"):
        call_command("audit_verify")


def test_deleting_the_newest_event_is_detected(chain: list[AuditEvent]) -> None:
    AuditEvent.objects.filter(pk=chain[-1].pk).delete()
    with pytest.raises(CommandError, match="broken"):
        call_command("audit_verify")


def test_a_rehashed_forgery_still_breaks_the_link(chain: list[AuditEvent]) -> None:
    from qualbridge.web.audit.chain import event_hash

    event = AuditEvent.objects.get(pk=chain[2].pk)
    event.new = {"state": "forged"}
    event.hash = event_hash(event)
    event.save()
    with pytest.raises(CommandError):
        call_command("audit_verify")


def test_an_appended_event_extends_the_chain(chain: list[AuditEvent]) -> None:
    with transaction.atomic():
        record(None, "note", chain[0], case_id=None)
    call_command("audit_verify")
