"""Benchmark: ``GET /api/v1/compare`` against ``GET /healthz`` under the same gunicorn server.

Starts gunicorn (2 sync workers, the production setting of ``qualbridge serve``) on a free loopback
port with a throw-away data folder, warms both endpoints, then loads them side by side in one run with
a bounded loopback load generator: Debian's ``wrk`` when installed (``make system-packages``), else a
threaded Python generator (``BENCH_LOAD=python`` forces it). Rounds alternate between the two endpoints so both see the same machine.
Prints requests per second, p50 and p99 latency per endpoint, and the ratio compare / healthz (the
issue asks for at least 0.70). Never fails on time; exits 1 only if the server does not start or an
endpoint answers with an error. Run: ``.venv/bin/python bench/api.py``.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HEALTHZ = "/healthz"
COMPARE = "/api/v1/compare?q=jp/gakushi&to=gb-rqf"
DURATION = float(os.environ.get("BENCH_SECONDS", "5"))  # seconds per round
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "2"))  # rounds per endpoint, alternating
CONNECTIONS = 8  # concurrent connections (bounded: the generator never opens more)
TARGET = 0.70


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def start_server(port: int, data_dir: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "QUALBRIDGE_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "qualbridge.web.settings",
    }
    command = [
        sys.executable, "-m", "gunicorn", "qualbridge.web.wsgi:application", "--bind", f"127.0.0.1:{port}",
        "--workers", "2", "--log-level", "warning", "--backlog", "256",
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if get(port, HEALTHZ)[0] == 200:
                return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise SystemExit("gunicorn did not answer /healthz within 60 s")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=15)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(server.pid, signal.SIGKILL)


# -- load generators ----------------------------------------------------------------------------------


def _seconds(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}[unit]


def run_wrk(port: int, path: str) -> tuple[float, float, float, int]:
    """(requests/s, p50 s, p99 s, errors) from one wrk round."""
    out = subprocess.run(
        ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{DURATION:g}s", "--latency", f"http://127.0.0.1:{port}{path}"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _seconds(re.search(r"50%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    p99 = _seconds(re.search(r"99%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = int(bad.group(1)) if bad else 0
    if socket_errors:
        errors += sum(int(x) for x in socket_errors.groups())
    return rps, p50, p99, errors


def run_python(port: int, path: str) -> tuple[float, float, float, int]:
    """The same measure with CONNECTIONS threads, each making one request at a time."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + DURATION

    def worker() -> None:
        mine: list[float] = []
        bad = 0
        while time.monotonic() < stop_at:
            start = time.perf_counter()
            try:
                status, _ = get(port, path)
                bad += status != 200
            except OSError:
                bad += 1
            mine.append(time.perf_counter() - start)
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - began
    cuts = statistics.quantiles(latencies, n=100)
    return len(latencies) / elapsed, cuts[49], cuts[98], errors[0]


def main() -> None:
    wanted = os.environ.get("BENCH_LOAD", "wrk")  # BENCH_LOAD=python forces the Python generator
    generator = run_wrk if wanted == "wrk" and shutil.which("wrk") else run_python
    port = int(os.environ.get("BENCH_PORT", "0")) or free_port()  # BENCH_PORT: a port you were given
    with tempfile.TemporaryDirectory(prefix="qualbridge-bench-") as tmp:
        server = start_server(port, Path(tmp))
        try:
            for path in (HEALTHZ, COMPARE):
                for _ in range(20):  # both workers load the registry and answer the query once
                    status, body = get(port, path)
                    if status != 200:
                        raise SystemExit(f"{path} answered {status}: {body[:300]!r}")
            results: dict[str, list[tuple[float, float, float, int]]] = {HEALTHZ: [], COMPARE: []}
            for _ in range(ROUNDS):
                for path in (HEALTHZ, COMPARE):
                    results[path].append(generator(port, path))
        finally:
            stop_server(server)
    name = "wrk" if generator is run_wrk else "python threads"
    print(f"gunicorn 2 workers on 127.0.0.1:{port}; load: {name}, {CONNECTIONS} connections, "
          f"{ROUNDS} x {DURATION:g} s per endpoint, alternating")  # fmt: skip
    print(f"{'endpoint':<44} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    summary = {}
    for path, rounds in results.items():
        rps = statistics.mean(r[0] for r in rounds)
        p50 = statistics.mean(r[1] for r in rounds) * 1000
        p99 = max(r[2] for r in rounds) * 1000
        errors = sum(r[3] for r in rounds)
        summary[path] = rps
        print(f"{path:<44} {rps:>9.0f} {p50:>8.2f} {p99:>8.2f} {errors:>7}")
    ratio = summary[COMPARE] / summary[HEALTHZ]
    verdict = "meets" if ratio >= TARGET else "BELOW"
    print(f"ratio compare / healthz: {ratio:.2f} ({verdict} the {TARGET:.0%} target)")


if __name__ == "__main__":
    main()
