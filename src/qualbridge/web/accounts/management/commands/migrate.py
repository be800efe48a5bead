"""``migrate`` under a PostgreSQL advisory lock, so servers starting together never race it.

It replaces Django's command of the same name (an app's command wins over Django's own), so
``manage.py migrate``, ``call_command("migrate")`` and ``qualbridge serve`` are all serialised.
"""

from __future__ import annotations

from typing import Any

from django.core.management.commands import migrate

from qualbridge.web.dblock import migration_lock


class Command(migrate.Command):
    def handle(self, *args: Any, **options: Any) -> None:
        with migration_lock(options.get("database") or "default"):
            super().handle(*args, **options)
