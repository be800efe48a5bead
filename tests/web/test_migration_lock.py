"""PostgreSQL only: two servers starting together on a fresh database both come up (issue 11, 15).

Each runs the start-up of ``qualbridge serve`` (migrate) in its own process against a database made
fresh for the test (``<test database name>_race``); the advisory lock makes the second wait for the
first instead of crashing on the tables the first has just created.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection

pytestmark = pytest.mark.postgres

START = "from qualbridge.web.setup import prepare\nfor line in prepare(): print(line)\n"


@pytest.fixture
def fresh_database() -> Iterator[str]:
    if connection.vendor != "postgresql":
        pytest.fail("needs DATABASE_URL pointing at PostgreSQL: run `make pytest-postgres`")
    import psycopg

    base = os.environ["DATABASE_URL"]
    server, _, name = base.rpartition("/")
    race = f"{name.split('?')[0]}_race"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{race}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{race}"')
    yield f"{server}/{race}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{race}" WITH (FORCE)')


def _start_two(url: str, tmp_path: Path, script: str) -> list[subprocess.CompletedProcess[str]]:
    procs = []
    for server in ("a", "b"):
        env = {**os.environ, "DATABASE_URL": url, "QUALBRIDGE_DATA_DIR": str(tmp_path / server)}
        env["DJANGO_SETTINGS_MODULE"] = "qualbridge.web.settings"
        procs.append(
            subprocess.Popen(
                [sys.executable, "-c", script],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        results.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return results


def test_two_servers_starting_on_a_fresh_database_both_come_up(fresh_database: str, tmp_path: Path) -> None:
    results = _start_two(fresh_database, tmp_path, START)
    for result in results:
        assert result.returncode == 0, result.stderr[-2000:]
    import psycopg

    with psycopg.connect(fresh_database) as conn:
        applied = conn.execute("SELECT app, name FROM django_migrations").fetchall()
    assert len(applied) == len(set(applied)) and ("audit", "0002_h11ops_checkpoints") in applied
