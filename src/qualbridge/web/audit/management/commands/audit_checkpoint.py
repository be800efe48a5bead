"""``manage.py audit_checkpoint [--export FILE]``: every office signs the audit chain head now."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from qualbridge.web.audit.anchors import export, make_checkpoints


class Command(BaseCommand):
    help = "Sign the audit chain head with every office's key; optionally export all checkpoints."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--export", type=Path, help="Write every checkpoint (JSON) here, for `qualbridge audit verify`."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        made, skipped = make_checkpoints()
        for cp in made:
            self.stdout.write(f"{cp.office}: signed event {cp.seq} ({cp.hash[:16]}…) at {cp.at}")
        for line in skipped:
            self.stderr.write(f"not signed: {line}")
        if options.get("export"):
            count = export(options["export"])
            self.stdout.write(f"{count} checkpoints written to {options['export']}")
