"""Benchmark: the first hit on a cold worker, without and with the warm-up (``qualbridge.web.warmup``).

For each page and each mode, starts a fresh gunicorn (one sync worker, so the request meets the cold
worker) on a free loopback port with a throw-away data folder, then times the first request of the page (cold) and a second
one (warm). Modes: ``cold`` (``QUALBRIDGE_WARMUP=0``, no ``--preload``: how the server ran before) and
``warm`` (``--preload`` and the warm-up, as ``qualbridge serve`` and deploy/systemd run it now).
Prints the first-hit and second-hit latency per page and mode, the ratio cold / warm of the first hit,
and the seconds from start to ready (the warm-up moves the cost there). Never fails on time; exits 1
only if the server does not start or a page answers with an error. Run: ``.venv/bin/python bench/warmup.py``.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAGES = (
    "/",
    "/frameworks/jp-jeqf",
    "/estimate?country=gb&qualification=gb/bachelor-honours&destination=jp-jeqf&purpose=study",
    "/api/v1/compare?q=jp/gakushi&to=gb-rqf",
)
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "2"))
#: seconds between the port listening and the first request: a booted, idle worker (no request has
#: warmed it: /healthz would, as it loads the registry)
SETTLE = float(os.environ.get("BENCH_SETTLE", "6"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(port: int, path: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Accept-Language": "ja"})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def start(mode: str, data_dir: Path) -> tuple[subprocess.Popen[bytes], int, float]:
    port = free_port()
    env = {
        **os.environ,
        "QUALBRIDGE_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "qualbridge.web.settings",
        "QUALBRIDGE_WARMUP": "1" if mode == "warm" else "0",
    }
    command = [
        sys.executable, "-m", "gunicorn", "qualbridge.web.wsgi:application", "--bind", f"127.0.0.1:{port}",
        "--workers", "1", "--log-level", "warning", *(["--preload"] if mode == "warm" else []),
    ]  # fmt: skip
    began = time.perf_counter()
    server = subprocess.Popen(command, env=env, start_new_session=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
        except OSError:
            time.sleep(0.05)
            continue
        listening = time.perf_counter() - began
        time.sleep(SETTLE)  # the worker has booted (and, without preload, imported the app) meanwhile
        return server, port, listening
    stop(server)
    raise SystemExit(f"gunicorn ({mode}) did not listen within 90 s")


def stop(server: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=15)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(server.pid, signal.SIGKILL)


def timed(port: int, path: str) -> float:
    began = time.perf_counter()
    status = get(port, path)
    if status != 200:
        raise SystemExit(f"{path} answered {status}")
    return time.perf_counter() - began


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        prepare = [sys.executable, "-m", "qualbridge.web.manage", "migrate", "--no-input", "-v", "0"]
        subprocess.run(prepare, env={**os.environ, "QUALBRIDGE_DATA_DIR": tmp}, check=True)
        results: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
        for _ in range(ROUNDS):
            for path in PAGES:
                for mode in ("cold", "warm"):  # alternating, so both see the same machine
                    server, port, ready = start(mode, data_dir)
                    try:
                        first = timed(port, path)
                        second = timed(port, path)
                    finally:
                        stop(server)
                    results.setdefault((path, mode), []).append((first, second, ready))
    print(f"first hit on a cold worker (1 gunicorn worker, median of {ROUNDS} starts), Accept-Language: ja")
    print(f"{'page':<48} {'mode':<5} {'first':>8} {'second':>8} {'ready':>7}")
    ratios = []
    for path in PAGES:
        medians = {}
        for mode in ("cold", "warm"):
            rows = results[(path, mode)]
            first, second, ready = (statistics.median(r[i] for r in rows) for i in range(3))
            medians[mode] = first
            print(f"{path[:48]:<48} {mode:<5} {first * 1000:>6.0f}ms {second * 1000:>6.0f}ms {ready:>6.2f}s")
        ratios.append(medians["cold"] / medians["warm"])
        print(f"{'':<48} ratio cold/warm first hit: {ratios[-1]:.1f}x")
    print(
        f"median ratio over the pages: {statistics.median(ratios):.1f}x (ready: seconds from start to listening)"
    )


if __name__ == "__main__":
    main()
