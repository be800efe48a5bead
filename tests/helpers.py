"""Shared test helpers."""

from __future__ import annotations

import os
import subprocess
import sys


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: int = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``qualbridge ARGS`` in a fresh interpreter, as a user would, and capture its output."""
    return subprocess.run(
        [sys.executable, "-c", "from qualbridge.cli.main import run; run()", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )
