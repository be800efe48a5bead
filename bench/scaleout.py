"""Benchmark: casework throughput with one and with two app servers on one PostgreSQL and Redis.

Starts the installation of the scale-out test (``tests/web/services/cluster.py``: the units of
``deploy/systemd``, a fresh PostgreSQL database, Redis, an S3-compatible server for the uploads, an
SMTP server), then drives full case cycles — an applicant applies with a diploma, adds an identity document and submits, an
evaluator marks the file complete, drafts and submits the decision, a senior evaluator approves
(8 requests; the worker renders and mails in the background) — from ``BENCH_CLIENTS`` concurrent
clients until ``BENCH_CASES`` cases are done, first against one app server, then spread over two. Prints cases and
requests per second, the median case time, and the ratio two / one. Never fails on time.

Needs PostgreSQL (``BENCH_DATABASE_URL``, default ``postgres://postgres@127.0.0.1:5432/postgres``; the
database ``BENCH_DATABASE`` is created and dropped) and Redis (``BENCH_REDIS_URL``).
Run: ``.venv/bin/python bench/scaleout.py``.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aiosmtpd.controller import Controller

from tests.web.services.cluster import (
    Browser,
    Cluster,
    cluster_env,
    drop_database,
    free_port,
    recreate_database,
    s3_server,
)

ADMIN_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
DATABASE = os.environ.get("BENCH_DATABASE", "qualbridge_bench_scaleout")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/2")
CASES = int(os.environ.get("BENCH_CASES", "24"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "4"))
REQUESTS_PER_CASE = 8


class Sink:
    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        return "250 OK"


def one_case(people: dict[str, Browser], servers: list[str], office: int, turn: int) -> None:
    at = lambda k: servers[(turn + k) % len(servers)]  # noqa: E731  (spread the requests round-robin)
    case = people["applicant"].new_case(at(0), office)
    people["applicant"].act(at(1), case, "submit/")
    people["evaluator"].act(at(2), case, "do/complete/")
    people["evaluator"].act(
        at(3), case, "do/draft/", {"decision": "full", "reasons": "No substantial difference."}
    )
    people["evaluator"].act(at(4), case, "do/submit-draft/")
    people["senior"].act(at(5), case, "do/approve/")


def measure(servers: list[str], office: int, cases: int) -> tuple[int, float, float]:
    """(cases, seconds, median seconds per case): ``cases`` full cycles from CLIENTS clients."""
    done: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    left = [cases]
    clients = []
    for index in range(CLIENTS):  # sign in before the clock starts
        people = {name: Browser(name) for name in ("applicant", "evaluator", "senior")}
        for person in people.values():
            person.login(servers[index % len(servers)])
        clients.append(people)

    def client(index: int) -> None:
        turn = index
        while True:
            with lock:
                if left[0] <= 0 or errors:
                    return
                left[0] -= 1
            started = time.monotonic()
            try:
                one_case(clients[index], servers, office, turn)
            except Exception as exc:
                with lock:
                    errors.append(str(exc)[:200])
                return
            with lock:
                done.append(time.monotonic() - started)
            turn += 1

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise SystemExit(f"casework failed during the benchmark: {errors[0]}")
    return len(done), time.monotonic() - started, statistics.median(done)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="qualbridge-scaleout-") as tmp:
        data_dir = Path(tmp)
        database = recreate_database(ADMIN_URL, DATABASE)
        smtp = Controller(Sink(), hostname="127.0.0.1", port=free_port(8225))
        smtp.start()
        port_a = free_port(8200)
        port_b = free_port(port_a + 1)
        nodes: Cluster | None = None
        try:
            with s3_server(free_port(port_b + 1)) as endpoint:
                env = cluster_env(
                    data_dir, database, REDIS_URL, endpoint, smtp.port, f"http://127.0.0.1:{port_a}"
                )
                nodes = Cluster(env, data_dir)
                nodes.run_unit("qualbridge-migrate.service")
                a, b = nodes.start_app(port_a), nodes.start_app(port_b)
                nodes.start("worker", "qualbridge-worker.service")
                office = nodes.seed()
                nodes.wait_ready(a), nodes.wait_ready(b)
                measure([a, b], office, CLIENTS)  # warm both servers' workers and caches
                results = {
                    "one app server": measure([a], office, CASES),
                    "two app servers": measure([a, b], office, CASES),
                }
        finally:
            if nodes is not None:
                nodes.stop_all()
            smtp.stop()
            drop_database(ADMIN_URL, DATABASE)
    print(
        f"casework throughput: {CLIENTS} clients, {CASES} cases each run, a case = {REQUESTS_PER_CASE} requests "
        f"from application to approval; {os.cpu_count()} CPU cores shared by every process"
    )
    for name, (cases, seconds, median) in results.items():
        print(
            f"  {name:<16} {cases / seconds:6.2f} cases/s  {cases * REQUESTS_PER_CASE / seconds:6.1f} requests/s"
            f"  median case {median * 1000:5.0f} ms  ({cases} cases)"
        )
    one, two = (cases / seconds for cases, seconds, _ in results.values())
    print(f"  ratio two / one  {two / one:.2f}")
    print(f"  load average during the run: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
