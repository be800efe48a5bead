"""Safe by default (issue 11): production settings from the environment pass ``check --deploy`` without
a warning, data files are private, demo data only on request and never in production, a busy port is
refused before the banner, and a refused request is one line in the log."""

from __future__ import annotations

import logging
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseForbidden, HttpResponseServerError
from django.test import RequestFactory
from django.utils.log import log_response

from qualbridge.web.logfilters import ClientErrorsInOneLine
from tests.helpers import run_cli

SECRET = "k3Y-" + "x1Yq9zR7" * 8
PRODUCTION = {
    "QUALBRIDGE_ENV": "production",
    "QUALBRIDGE_SECRET_KEY": SECRET,
    "QUALBRIDGE_ALLOWED_HOSTS": "recognition.example.org",
}
#: ports nothing else listens on during the tests (one held busy by a test, one left free)
BUSY_PORT, PORT = 8147, 8148


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUALBRIDGE_") and k != "DATABASE_URL"}
    return {**env, "QUALBRIDGE_DATA_DIR": str(tmp_path / "data"), **extra}


def _manage(tmp_path: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qualbridge.web.manage", *args],
        env=_env(tmp_path, **extra),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_check_deploy_prints_no_warning(tmp_path: Path) -> None:
    # the README's command: QUALBRIDGE_ENV=production ... python -m qualbridge.web.manage check --deploy
    out = _manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "System check identified no issues" in out.stdout
    assert "WARNING" not in out.stdout + out.stderr


def test_without_production_mode_check_deploy_does_warn(tmp_path: Path) -> None:
    out = _manage(tmp_path, "check", "--deploy")
    assert "security.W012" in out.stdout + out.stderr  # the check is real: the dev settings fail it


def test_production_settings_come_from_the_environment(tmp_path: Path) -> None:
    probe = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, "
        "s.SECURE_PROXY_SSL_HEADER, s.ALLOWED_HOSTS, s.DEBUG)"
    )
    env = _env(tmp_path, DJANGO_SETTINGS_MODULE="qualbridge.web.settings", QUALBRIDGE_DEBUG="1", **PRODUCTION)
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60)
    assert out.stdout.split("\n")[0] == (
        "True True 31536000 ('HTTP_X_FORWARDED_PROTO', 'https') ['recognition.example.org'] False"
    ), out.stderr


@pytest.mark.parametrize("missing", ["QUALBRIDGE_SECRET_KEY", "QUALBRIDGE_ALLOWED_HOSTS"])
def test_production_without_a_required_setting_is_a_clear_error(tmp_path: Path, missing: str) -> None:
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    out = run_cli("serve", "--port", str(PORT), env=_env(tmp_path, **env))
    assert out.returncode == 2
    assert missing in out.stderr and "Traceback" not in out.stderr
    assert "qualbridge on http" not in out.stdout


def test_demo_data_are_refused_in_production(tmp_path: Path) -> None:
    out = run_cli("serve", "--demo", "--port", str(PORT), env=_env(tmp_path, **PRODUCTION))
    assert out.returncode == 2 and "--demo is refused" in out.stderr
    assert "passwords shown once" not in out.stdout


def test_a_busy_port_is_refused_before_the_banner(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", BUSY_PORT))
        busy.listen()
        out = run_cli("serve", "--port", str(BUSY_PORT), env=_env(tmp_path))
    assert out.returncode == 2
    assert f"Port {BUSY_PORT} on 127.0.0.1 is already in use" in out.stderr
    assert "qualbridge on http" not in out.stdout and "Traceback" not in out.stderr
    assert not (tmp_path / "data" / "qualbridge.sqlite3").exists()  # nothing was done before the check


def _prepare(tmp_path: Path, demo: bool) -> subprocess.CompletedProcess[str]:
    script = (
        "from qualbridge.web.setup import prepare\n"
        f"lines = list(prepare(demo={demo}))\n"
        "from qualbridge.web.accounts.models import User, Office\n"
        "from django.core.files.uploadedfile import SimpleUploadedFile\n"
        "from qualbridge.web.uploads import store\n"
        "from qualbridge.web.trust.keystore import create_office_key\n"
        "print(User.objects.count())\n"
        "store(SimpleUploadedFile('d.pdf', b'%PDF-1.4\\n%%EOF\\n'))\n"
        "create_office_key(Office.objects.first() or Office.objects.create(slug='o', policy='jp-nic'))\n"
    )
    env = _env(tmp_path)
    return subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300
    )


def test_without_demo_no_accounts_are_seeded_and_the_files_are_private(tmp_path: Path) -> None:
    out = _prepare(tmp_path, demo=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "0"  # no demo accounts, no printed passwords
    data = tmp_path / "data"
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    files = [p for p in data.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"qualbridge.sqlite3", "secret_key"}  # keys: in the database
    assert any(p.parent.name == "uploads" or "uploads" in p.parts for p in files)
    for path in data.rglob("*"):
        expected = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.stat().st_mode) == expected, path


def test_the_makefile_runs_the_demo() -> None:
    makefile = (Path(__file__).parents[2] / "Makefile").read_text()
    run_target = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "qualbridge serve --demo" in run_target


class Lines(logging.Handler):
    """A handler that keeps each formatted record, as the console handler would write it."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter())

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


def test_a_refused_request_is_logged_in_one_line() -> None:
    assert "client_errors_in_one_line" in settings.LOGGING["handlers"]["console"]["filters"]
    handler = Lines()
    handler.addFilter(ClientErrorsInOneLine())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    request = RequestFactory().get("/cases/1/")
    try:
        try:
            raise PermissionDenied("Staff only.")
        except PermissionDenied as exc:  # as Django's handler logs it: with the exception attached
            log_response(
                "Forbidden (Permission denied): %s",
                request.path,
                response=HttpResponseForbidden(),
                request=request,
                exception=exc,
            )
            log_response(
                "Internal Server Error: %s",
                request.path,
                response=HttpResponseServerError(),
                request=request,
                exception=exc,
            )
    finally:
        logger.removeHandler(handler)
    forbidden, server_error = handler.lines
    assert forbidden == "Forbidden (Permission denied): /cases/1/"
    assert "Traceback" in server_error  # a server error keeps its traceback
