"""Get the web app ready to serve: translations compiled, database migrated, demo data on request.

Demo data (accounts with printed passwords, sample cases) are loaded only when asked for
(``qualbridge serve --demo``, which ``make run`` passes), into an empty database, and never when
``QUALBRIDGE_ENV=production``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from qualbridge.errors import QualbridgeError


def prepare(*, demo: bool = False) -> Iterator[str]:
    """Migrate, compile the translations and, with ``demo``, seed demo data when the database is empty.

    Yields the lines to show the person who started the server (the demo users and passwords).
    Raises :class:`QualbridgeError` for a configuration that cannot run (the CLI exits 2).
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qualbridge.web.settings")
    from qualbridge.web.production import is_production

    if demo and is_production():
        raise QualbridgeError(
            "--demo is refused when QUALBRIDGE_ENV=production: demo accounts with printed passwords "
            "must never reach a production database. Leave out --demo, or unset QUALBRIDGE_ENV."
        )
    import django
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import call_command

    from qualbridge.web.i18n import compile_messages

    compile_messages()
    try:
        django.setup()
    except ImproperlyConfigured as exc:
        raise QualbridgeError(str(exc)) from None
    from qualbridge.web.dblock import migration_lock

    with migration_lock():
        call_command("migrate", verbosity=0, interactive=False)
        if not demo:
            return iter(_empty_hint())
        from qualbridge.web.demo import seed_if_empty

        return iter(list(seed_if_empty()))


def _empty_hint() -> list[str]:
    from qualbridge.web.accounts.models import User

    if User.objects.exists():
        return []
    return ["The database has no accounts yet; to try qualbridge with demo data: `qualbridge serve --demo`."]
