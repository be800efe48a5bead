"""``qualbridge serve``: migrate, load demo data into an empty database, and serve on 127.0.0.1.

The server is gunicorn with two workers; the SQLite database, uploads and keys live in
``QUALBRIDGE_DATA_DIR`` (default: qualbridge's folder in the user's data directory).
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Annotated

import typer

from qualbridge.cli.output import console


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port on 127.0.0.1.")] = 8000,
    workers: Annotated[int, typer.Option("--workers", min=1, max=16)] = 2,
) -> None:
    """Run the qualbridge web app (casework and public portal) on 127.0.0.1."""
    # statements name their status list and verification page by this address
    os.environ.setdefault("QUALBRIDGE_PUBLIC_URL", f"http://127.0.0.1:{port}")
    from qualbridge.web.paths import data_dir
    from qualbridge.web.setup import prepare

    for line in prepare():
        console.print(line)

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
        "--access-logfile",
        "-",
    ]
    try:
        raise typer.Exit(subprocess.call(command))
    except KeyboardInterrupt:
        raise typer.Exit(0) from None
