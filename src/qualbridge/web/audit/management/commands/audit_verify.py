"""``manage.py audit_verify [--checkpoints FILE]``: walk the audit hash chain and check it against the
offices' signed checkpoints (stored, and an exported file); exit 1 if any event was edited, deleted or
the chain rewritten."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from qualbridge.audit.checkpoint import InvalidCheckpointFile, read
from qualbridge.web.audit.anchors import checkpoint_problems
from qualbridge.web.audit.chain import verify_chain
from qualbridge.web.audit.models import AuditCheckpoint, AuditEvent


class Command(BaseCommand):
    help = "Verify the hash chain of the audit events and the offices' signed checkpoints of it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--checkpoints", type=Path, help="Checkpoints exported earlier (audit_checkpoint --export)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        exported = []
        if options.get("checkpoints"):
            try:
                exported = read(options["checkpoints"])
            except InvalidCheckpointFile as exc:
                raise CommandError(str(exc), returncode=2) from None
        problems = [*verify_chain(), *checkpoint_problems(exported)]
        count = AuditEvent.objects.count()
        anchors = AuditCheckpoint.objects.count() + len(exported)
        if problems:
            for problem in problems:
                self.stderr.write(f"event {problem.seq}: {problem.message}")
            raise CommandError(f"audit chain broken: {len(problems)} problem(s) in {count} events")
        self.stdout.write(f"audit chain intact: {count} events, {anchors} signed checkpoints hold")
