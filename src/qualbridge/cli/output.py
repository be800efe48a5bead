"""Shared output helpers for CLI commands: JSON printing, tables, SVG files and the console."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from qualbridge.errors import QualbridgeError

console = Console()
#: the ``--json`` option the command groups share
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object.")]


def print_table(title: str, columns: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """Print a rich table with a title, one column per name and one line per row."""
    table = Table(*columns, title=title)
    for row in rows:
        table.add_row(*row)
    console.print(table)


def print_json(data: Any) -> None:
    """Print ``data`` as indented UTF-8 JSON (Japanese stays readable, not escaped)."""
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def write_svg(path: Path, text: str) -> None:
    """Write an SVG picture for ``--svg``; a path that cannot be written is a typed error, not a traceback."""
    if path.is_dir():
        raise QualbridgeError(
            f"--svg {str(path)!r} is a folder: give a file name, e.g. {str(path / 'picture.svg')!r}."
        )
    if not path.parent.is_dir():
        raise QualbridgeError(
            f"--svg {str(path)!r}: the folder {str(path.parent)!r} does not exist; create it or choose another path."
        )
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise QualbridgeError(f"Cannot write --svg {str(path)!r}: {exc.strerror or exc}.") from None
