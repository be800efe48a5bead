"""``qualbridge serve``: migrate, load demo data on request (``--demo``), and serve on 127.0.0.1.

The server is gunicorn with two workers, the app preloaded and warmed in the master before they fork
(so the first visitor meets a warm worker); the SQLite database, uploads and keys live in
``QUALBRIDGE_DATA_DIR`` (default: qualbridge's folder in the user's data directory). The port is
checked first, so a busy port is a clear error (exit 2) before anything is printed or migrated.
"""

from __future__ import annotations

import errno
import os
import socket
import subprocess
import sys
from typing import Annotated

import typer

from qualbridge.cli.output import console
from qualbridge.errors import QualbridgeError


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def check_port(port: int, host: str = "127.0.0.1") -> None:
    """Raise a clear error when ``host:port`` cannot be bound (in use, or not permitted)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn binds
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise QualbridgeError(
                    f"Port {port} on {host} is already in use (another server?): stop it, or choose "
                    "another port with --port."
                ) from None
            raise QualbridgeError(
                f"Cannot listen on {host}:{port}: {exc.strerror or exc}; choose another port with --port."
            ) from None


def serve(
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port on 127.0.0.1.")] = 8000,
    workers: Annotated[int, typer.Option("--workers", min=1, max=16)] = 2,
    demo: Annotated[
        bool,
        typer.Option(
            "--demo",
            help="Load demo accounts and cases into an empty database (refused in production).",
        ),
    ] = False,
) -> None:
    """Run the qualbridge web app (casework and public portal) on 127.0.0.1."""
    check_port(port)
    # statements name their status list and verification page by this address
    os.environ.setdefault("QUALBRIDGE_PUBLIC_URL", f"http://127.0.0.1:{port}")
    from qualbridge.web.paths import data_dir
    from qualbridge.web.setup import prepare

    for line in prepare(demo=demo):
        console.print(line, highlight=False)

    console.print(f"qualbridge on http://127.0.0.1:{port}/ (data in {data_dir()}); Ctrl-C stops it.")
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "qualbridge.web.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--preload",  # load and warm the app once, before the workers fork (qualbridge.web.warmup)
        "--access-logfile",
        "-",
    ]
    try:
        raise typer.Exit(subprocess.call(command))
    except KeyboardInterrupt:
        raise typer.Exit(0) from None
