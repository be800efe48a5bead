"""A small qualbridge installation on this machine, started from the units in ``deploy/systemd``.

Used by the scale-out test and ``bench/scaleout.py``: a fresh PostgreSQL database, a Redis database,
an S3-compatible server (moto) for the uploads, an SMTP server (aiosmtpd) for the mail, and then the
units' own ``ExecStart`` commands (paths mapped to this checkout's virtualenv): the migration, app
servers, the worker and the scheduler, each in its own process group so one can be killed outright.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit, urlunsplit

import requests

ROOT = Path(__file__).resolve().parents[3]
UNITS = ROOT / "deploy" / "systemd"
BIN = Path(sys.executable).parent
PASSWORD = "scale-out passphrase"
SEED = """
from qualbridge.web.accounts.models import Office, Role, User
from qualbridge.web.trust.keystore import create_office_key
office = Office.objects.create(slug="nic", name_en="Scale-out office", name_ja="拡張試験機関", policy="jp-nic")
create_office_key(office)
for name, role in (("applicant", "applicant"), ("evaluator", "evaluator"), ("senior", "senior")):
    User.objects.create_user(name, password={password!r}, role=role, office=office, email=name + "@example.org")
print(office.pk)
"""


#: this suite's port range (8200-8249 unless QUALBRIDGE_TEST_PORTS=first-last says otherwise)
_FIRST, _LAST = (int(p) for p in os.environ.get("QUALBRIDGE_TEST_PORTS", "8200-8249").split("-"))


def free_port(start: int = _FIRST) -> int:
    """The first port from ``start`` in the range that nothing listens on."""
    for port in range(max(start, _FIRST), _LAST + 1):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {_FIRST}-{_LAST}")


def unit_command(unit: str, instance: str = "", data_dir: Path | None = None) -> list[str]:
    """The unit's ExecStart, run from this checkout's virtualenv instead of /opt/qualbridge."""
    text = (UNITS / unit).read_text(encoding="utf-8")
    line = next(m.group(1) for m in re.finditer(r"^ExecStart=(.+)$", text, re.M))
    line = line.replace("/opt/qualbridge/.venv/bin/", f"{BIN}/").replace("%i", instance)
    if data_dir is not None:
        line = line.replace("/var/lib/qualbridge", str(data_dir))
    return shlex.split(line)


def database_url(base: str, name: str) -> str:
    parts = urlsplit(base)
    return urlunsplit(parts._replace(path=f"/{name}"))


def recreate_database(base_url: str, name: str) -> str:
    """Drop and create the database ``name`` on the server of ``base_url``; its URL."""
    import psycopg

    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise ValueError(f"unsafe database name {name!r}")
    with psycopg.connect(database_url(base_url, "postgres"), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")
    return database_url(base_url, name)


def drop_database(base_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(database_url(base_url, "postgres"), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@dataclass
class Cluster:
    env: dict[str, str]
    data_dir: Path
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    logs: dict[str, IO[bytes]] = field(default_factory=dict)

    def run_unit(self, unit: str) -> None:
        """A oneshot unit (the migration), to completion."""
        subprocess.run(unit_command(unit, data_dir=self.data_dir), env=self.env, check=True, timeout=180)

    def manage(self, *args: str) -> str:
        command = [sys.executable, "-m", "qualbridge.web.manage", *args]
        done = subprocess.run(command, env=self.env, check=True, capture_output=True, text=True, timeout=120)
        return done.stdout

    def seed(self) -> int:
        """The office and one user per role; the office's id."""
        return int(self.manage("shell", "-c", SEED.format(password=PASSWORD)).strip().splitlines()[-1])

    def start(self, name: str, unit: str, instance: str = "") -> None:
        log = (self.data_dir / f"{name}.log").open("wb")
        self.logs[name] = log
        self.processes[name] = subprocess.Popen(
            unit_command(unit, instance, self.data_dir),
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def start_app(self, port: int) -> str:
        self.start(f"web-{port}", "qualbridge-web@.service", str(port))
        return f"http://127.0.0.1:{port}"

    def wait_ready(self, base: str, timeout: float = 60) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            with contextlib.suppress(requests.RequestException):
                answer = requests.get(f"{base}/readyz", timeout=5)
                if answer.status_code == 200:
                    return answer.json()  # type: ignore[no-any-return]
            if time.monotonic() > deadline:
                raise TimeoutError(f"{base} not ready after {timeout}s:\n{self.log_tail()}")
            time.sleep(0.3)

    def wait_log(self, name: str, pattern: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while pattern not in self.log(name):
            if self.processes[name].poll() is not None or time.monotonic() > deadline:
                raise TimeoutError(f"{name}: no {pattern!r} in its log:\n{self.log(name)[-3000:]}")
            time.sleep(0.3)

    def log(self, name: str) -> str:
        return (self.data_dir / f"{name}.log").read_text(encoding="utf-8", errors="replace")

    def log_tail(self) -> str:
        return "\n".join(f"== {n}\n{self.log(n)[-1500:]}" for n in self.processes)

    def kill(self, name: str) -> None:
        """SIGKILL the whole process group: the server dies mid-request, as a crashed machine does."""
        process = self.processes[name]
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def stop_all(self) -> None:
        for process in self.processes.values():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for name, process in self.processes.items():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill(name)
        for log in self.logs.values():
            log.close()


def cluster_env(
    data_dir: Path, database: str, redis_url: str, s3_endpoint: str, smtp_port: int, public_url: str
) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("QUALBRIDGE_", "CELERY_", "PYTEST", "COV_"))
    }
    env.update(
        QUALBRIDGE_SECRET_KEY="scale-out-test-secret-key-" + "x" * 30,
        QUALBRIDGE_KEY_ENCRYPTION_KEY="scale-out-test-key-encryption-key-" + "y" * 20,
        QUALBRIDGE_DATA_DIR=str(data_dir),
        QUALBRIDGE_ALLOWED_HOSTS="127.0.0.1,localhost",
        QUALBRIDGE_PUBLIC_URL=public_url,
        QUALBRIDGE_LOG_FORMAT="json",
        DATABASE_URL=database,
        REDIS_URL=redis_url,
        QUALBRIDGE_S3_BUCKET="qualbridge-scale",
        QUALBRIDGE_S3_ENDPOINT_URL=s3_endpoint,
        QUALBRIDGE_S3_REGION="us-east-1",
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",
        QUALBRIDGE_EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}",
        DJANGO_SETTINGS_MODULE="qualbridge.web.settings",
    )
    return env


@contextlib.contextmanager
def s3_server(port: int) -> Iterator[str]:
    """An S3-compatible server (moto) with the bucket; its endpoint."""
    import logging

    import boto3
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no access log line per S3 request
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
    ).create_bucket(Bucket="qualbridge-scale")
    try:
        yield endpoint
    finally:
        server.stop()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class Browser:
    """One person's session against one or more app servers (cookies are shared across ports)."""

    def __init__(self, username: str, language: str = "en") -> None:
        self.session = requests.Session()
        self.session.headers["Accept-Language"] = language
        self.username = username

    def login(self, base: str) -> None:
        self.session.get(f"{base}/accounts/login/", timeout=30)
        answer = self.post(base, "/accounts/login/", {"username": self.username, "password": PASSWORD})
        assert answer.status_code == 302, f"login of {self.username} failed: {answer.status_code}"

    def post(self, base: str, path: str, data: dict[str, Any], files: Any = None) -> requests.Response:
        token = self.session.cookies.get("csrftoken", "")
        return self.session.post(
            f"{base}{path}",
            data={**data, "csrfmiddlewaretoken": token},
            files=files,
            headers={"X-CSRFToken": token, "Referer": f"{base}{path}"},
            allow_redirects=False,
            timeout=60,
        )

    def new_case(self, base: str, office_id: int, title: str = "学士（工学）") -> int:
        answer = self.post(
            base,
            "/cases/new/",
            {
                "office": office_id,
                "purpose": "further-study",
                "title": title,
                "qualification_type": "jp/gakushi",
                "country": "JP",
                "institution": "Tokyo University",
                "awarded_year": 2020,
                "kind": "diploma",
            },
            files={"file": ("diploma.pdf", PDF, "application/pdf")},
        )
        location = answer.headers.get("Location", "")
        found = re.fullmatch(r"/cases/(\d+)/", location)
        if answer.status_code != 302 or not found:
            raise RuntimeError(f"case not created: {answer.status_code} {location} {answer.text[:300]}")
        case = int(found.group(1))
        identity = self.post(  # the office's policy needs the identity document before the assessment
            base,
            f"/cases/{case}/documents/",
            {"kind": "identity"},
            files={"file": ("passport.pdf", PDF, "application/pdf")},
        )
        if identity.status_code != 302:
            raise RuntimeError(f"identity document not added to case {case}: {identity.status_code}")
        return case

    def act(self, base: str, case_id: int, path: str, data: dict[str, Any] | None = None) -> None:
        answer = self.post(base, f"/cases/{case_id}/{path}", data or {})
        if answer.status_code != 302 or answer.headers.get("Location") != f"/cases/{case_id}/":
            raise RuntimeError(f"{path} on case {case_id}: {answer.status_code} {answer.text[:300]}")
