"""``manage.py audit_verify``: walk the audit hash chain; exit 1 if any event was edited or deleted."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from qualbridge.web.audit.chain import verify_chain
from qualbridge.web.audit.models import AuditEvent


class Command(BaseCommand):
    help = "Verify the hash chain of the audit events (detects edited or deleted events)."

    def handle(self, *args: Any, **options: Any) -> None:
        problems = verify_chain()
        count = AuditEvent.objects.count()
        if problems:
            for problem in problems:
                self.stderr.write(f"event {problem.seq}: {problem.message}")
            raise CommandError(f"audit chain broken: {len(problems)} problem(s) in {count} events")
        self.stdout.write(f"audit chain intact: {count} events")
