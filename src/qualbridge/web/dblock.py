"""One process at a time: a PostgreSQL advisory lock around migrations (and the demo seed).

Two servers starting together on a fresh database both ran ``migrate``; one crashed on a table the
other had just created. With the session-level advisory lock the second waits, then finds every
migration applied. SQLite needs no lock: its writers are serialised by the database file itself
(``transaction_mode = IMMEDIATE`` and a busy timeout).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connections

#: the lock's key, the same in every qualbridge process ("qbmigr" in ASCII)
MIGRATION_LOCK = 0x71626D69677200


@contextmanager
def migration_lock(alias: str = "default") -> Iterator[None]:
    connection = connections[alias]
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [MIGRATION_LOCK])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [MIGRATION_LOCK])
