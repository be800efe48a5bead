"""Two app servers and one worker on one PostgreSQL database and one Redis, with shared storage.

Every process is started from the units in ``deploy/systemd`` (migration, two app servers, worker,
scheduler). A case is submitted on one server, assessed on the other, approved; the worker renders
its statement; the statement verifies on both servers; the applicant's mail arrives over SMTP. Then
one app server is killed in the middle of a burst of submissions: every submission it acknowledged
is in the database, its document in the object store, and its applicant's mail is sent.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
import redis

from tests.web.services.cluster import (
    Browser,
    Cluster,
    cluster_env,
    drop_database,
    recreate_database,
    s3_server,
)
from tests.web.services.conftest import Mailbox, body_of, free_port, start_smtp

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

REDIS_URL = os.environ.get("QUALBRIDGE_SCALEOUT_REDIS_URL", "redis://127.0.0.1:6379/2")
BURST = 16


def _admin_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.fail("the scale-out test needs DATABASE_URL=postgres://... (make pytest-postgres sets it)")
    return url


def _scale_name(url: str) -> str:
    return (url.rsplit("/", 1)[-1] or "qualbridge") + "_scale"


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[tuple[Cluster, Any, Mailbox, str, str, str]]:
    from aiosmtpd.controller import Controller

    admin = _admin_url()
    name = _scale_name(admin)
    database = recreate_database(admin, name)
    redis.Redis.from_url(REDIS_URL).flushdb()
    mailbox = Mailbox()
    smtp = start_smtp(Controller, mailbox, 8220)
    data_dir = tmp_path / "shared"
    data_dir.mkdir()
    port_a = free_port(8200)
    port_b = free_port(port_a + 1)
    with s3_server(free_port(port_b + 1)) as endpoint:
        env = cluster_env(data_dir, database, REDIS_URL, endpoint, smtp.port, f"http://127.0.0.1:{port_a}")
        nodes = Cluster(env, data_dir)
        try:
            nodes.run_unit("qualbridge-migrate.service")
            a, b = nodes.start_app(port_a), nodes.start_app(port_b)
            nodes.start("worker", "qualbridge-worker.service")
            nodes.start("scheduler", "qualbridge-scheduler.service")
            office_id = nodes.seed()  # while they start
            nodes.wait_ready(a), nodes.wait_ready(b)
            nodes.wait_log("worker", "ready.")
            with psycopg.connect(database, autocommit=True) as db:
                yield nodes, db, mailbox, a, b, str(office_id)
        finally:
            nodes.stop_all()
            smtp.stop()
            drop_database(admin, name)


def _wait(what: str, check: Any, timeout: float = 60) -> Any:
    deadline = time.monotonic() + timeout
    while not (found := check()):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.25)
    return found


def _one(db: Any, sql: str, *args: Any) -> Any:
    row = db.execute(sql, args).fetchone()
    return row[0] if row else None


def test_two_app_servers_and_a_worker_share_one_installation(
    cluster: tuple[Cluster, Any, Mailbox, str, str, str],
) -> None:
    nodes, db, mailbox, a, b, office = cluster
    ready = nodes.wait_ready(b)
    assert ready["checks"]["broker"]["status"] == "ok" and ready["checks"]["storage"]["ok"]
    applicant, evaluator, senior = Browser("applicant", "ja"), Browser("evaluator"), Browser("senior")
    applicant.login(a)
    evaluator.login(b)
    senior.login(a)

    case = applicant.new_case(a, int(office))
    applicant.act(a, case, "submit/")
    document = _one(db, "SELECT stored_name FROM cases_document WHERE case_id = %s", case)
    download = evaluator.session.get(
        f"{b}/cases/{case}/documents/{_one(db, 'SELECT id FROM cases_document WHERE case_id = %s', case)}/"
    )
    assert download.status_code == 200 and download.content.startswith(b"%PDF"), (
        document
    )  # uploaded on A, read on B
    evaluator.act(b, case, "do/complete/")
    evaluator.act(b, case, "do/draft/", {"decision": "full", "reasons": "No substantial difference."})
    evaluator.act(b, case, "do/submit-draft/")
    assert _one(db, "SELECT state FROM cases_case WHERE id = %s", case) == "pending_approval"
    senior.act(a, case, "do/approve/")
    assert _one(db, "SELECT state FROM cases_case WHERE id = %s", case) == "decided"

    statement = _one(db, "SELECT id FROM cases_statement WHERE case_id = %s", case)
    rendered = _wait(
        "the worker to render the statement",
        lambda: db.execute(
            "SELECT sha256 FROM jobs_statementfile WHERE statement_id = %s", (statement,)
        ).fetchone(),
    )
    assert (
        _one(db, "SELECT state FROM jobs_job WHERE key = %s", f"render-statement:{statement}") == "succeeded"
    )
    pdf = applicant.session.get(f"{b}/cases/{case}/statement.pdf")
    assert pdf.status_code == 200 and hashlib.sha256(pdf.content).hexdigest() == rendered[0]
    signed = applicant.session.get(f"{a}/cases/{case}/statement.json").json()
    for server in (a, b):
        verified = applicant.session.post(
            f"{server}/api/v1/statements/verify", json={"statement": signed}
        ).json()
        assert verified["verified"] is True, (server, verified)

    reference = _one(db, "SELECT reference FROM cases_case WHERE id = %s", case)
    decision = _wait(
        "the decision mail",
        lambda: [m for m in mailbox.to("applicant@example.org") if "決定しました" in str(m["Subject"])],
    )
    assert reference in str(decision[0]["Subject"]) and "完全承認" in body_of(decision[0])
    assert "qualbridge.render_statement" in nodes.log("worker")  # rendered by the worker, not a server
    nodes.wait_log("scheduler", "beat: Starting...")
    assert nodes.processes["scheduler"].poll() is None
    assert '"request_id"' in nodes.log(f"web-{a.rsplit(':', 1)[1]}")  # JSON log lines with request ids

    _burst_with_a_server_killed(nodes, db, mailbox, a, b, int(office))


def _burst_with_a_server_killed(
    nodes: Cluster, db: Any, mailbox: Mailbox, a: str, b: str, office: int
) -> None:
    acknowledged: list[int] = []
    failed: list[str] = []
    lock = threading.Lock()

    def client(index: int) -> None:
        person = Browser("applicant")
        servers = [a, b] if index % 2 else [b, a]
        for item in range(BURST // 4):
            base = servers[item % 2]
            try:
                person.login(base)
                case = person.new_case(base, office, title=f"Burst {index}-{item}")
                person.act(base, case, "submit/")
            except Exception as exc:  # the killed server: not acknowledged, so not counted
                with lock:
                    failed.append(f"{base}: {type(exc).__name__}")
                continue
            with lock:
                acknowledged.append(case)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    _wait("the burst to get going", lambda: len(acknowledged) >= 3)
    nodes.kill(f"web-{b.rsplit(':', 1)[1]}")
    for thread in threads:
        thread.join(timeout=120)
    assert failed, "the killed server never failed a request: the test did not test anything"
    assert len(acknowledged) >= 4

    for case in acknowledged:
        assert _one(db, "SELECT state FROM cases_case WHERE id = %s", case) == "submitted", case
    references = {
        r for (r,) in db.execute("SELECT reference FROM cases_case WHERE id = ANY(%s)", (acknowledged,))
    }
    assert len(references) == len(acknowledged)

    def mailed() -> bool:
        subjects = " ".join(str(m["Subject"]) for m in mailbox.to("applicant@example.org"))
        return all(ref in subjects for ref in references)

    _wait("a submission mail for every acknowledged case", mailed, timeout=90)
    nodes.manage("audit_verify")  # the hash chain survived the killed server
