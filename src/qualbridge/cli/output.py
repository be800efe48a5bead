"""Shared output helpers for CLI commands: JSON printing and the console."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console

console = Console()


def print_json(data: Any) -> None:
    """Print ``data`` as indented UTF-8 JSON (Japanese stays readable, not escaped)."""
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
