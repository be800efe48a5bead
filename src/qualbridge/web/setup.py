"""Get the web app ready to serve: translations compiled, database migrated, demo data loaded."""

from __future__ import annotations

import os
from collections.abc import Iterator


def prepare() -> Iterator[str]:
    """Migrate, compile the translations and seed demo data when the database is empty.

    Yields the lines to show the person who started the server (the demo users and passwords).
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qualbridge.web.settings")
    import django
    from django.core.management import call_command

    from qualbridge.web.i18n import compile_messages

    compile_messages()
    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    from qualbridge.web.demo import seed_if_empty

    yield from seed_if_empty()
