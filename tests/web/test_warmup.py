"""Warm workers: the app is loaded and its public pages served once before any visitor comes.

The warm-up runs in gunicorn's master with ``--preload`` (``qualbridge serve`` and the systemd unit),
before the workers fork, so it must not open a database connection (one made before the fork would be
shared by every worker): here the database is out of reach (no ``django_db`` mark), so a page that
touched it would fail its step, and the step's failure is logged.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from django.core.wsgi import get_wsgi_application

from qualbridge.cli import serve as serve_command
from qualbridge.web import warmup

ROOT = Path(__file__).resolve().parents[2]


def test_warm_up_serves_the_public_pages_without_the_database(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    # In gunicorn's master no connection is open, so Django's per-request check of old connections does
    # nothing; here an earlier test's in-memory test database stays open, so that check is left out.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    from django.db import connections

    closed: list[bool] = []  # the warm-up closes connections before the fork; not the test's own
    monkeypatch.setattr(connections, "close_all", lambda: closed.append(True))
    served: list[str] = []
    application = get_wsgi_application()

    def recording(environ: dict[str, Any], start_response: Any) -> Any:
        def start(status: str, headers: Any, exc_info: Any = None) -> None:
            served.append(f"{environ['PATH_INFO']} {status.split()[0]}")
            start_response(status, headers, exc_info)

        return application(environ, start)

    try:
        with caplog.at_level(logging.INFO, logger="qualbridge.web.warmup"):
            seconds = warmup.warm(recording)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    assert seconds > 0 and closed
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text
    assert sorted(set(served)) == sorted({f"{p.partition('?')[0]} 200" for p in warmup.PAGES})
    assert len(served) == 2 * len(warmup.PAGES)  # in Japanese and in English


def test_warm_up_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "gunicorn", sys.modules.get("gunicorn") or object())
    monkeypatch.setenv("QUALBRIDGE_WARMUP", "0")
    assert not warmup.enabled()
    monkeypatch.setenv("QUALBRIDGE_WARMUP", "1")
    assert warmup.enabled()  # in an app server
    monkeypatch.delitem(sys.modules, "gunicorn")
    assert not warmup.enabled()  # a test importing the WSGI app is not warmed


def test_the_servers_preload_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    commands: list[list[str]] = []
    monkeypatch.setattr(serve_command, "check_port", lambda port: None)
    monkeypatch.setattr("qualbridge.web.setup.prepare", lambda demo: [])
    monkeypatch.setattr(serve_command.subprocess, "call", lambda command: commands.append(command) or 0)
    with pytest.raises(serve_command.typer.Exit):
        serve_command.serve(port=8108, workers=2, demo=False)
    assert "--preload" in commands[0]
    unit = (ROOT / "deploy" / "systemd" / "qualbridge-web@.service").read_text(encoding="utf-8")
    assert "--preload" in unit
