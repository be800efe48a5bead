"""``qualbridge audit verify FILE``: check exported audit checkpoints offline (no database, no server).

Each checkpoint is an office's Ed25519 signature over the audit chain's head; this checks every
signature, that each office's checkpoints never go backwards, and, with ``--key OFFICE=KEY``, that
they were signed by the key the office publishes. Exit 0 when all hold, 1 when any does not, 2 for
an unreadable file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from qualbridge.audit.checkpoint import check_signatures, read
from qualbridge.cli.output import console
from qualbridge.errors import QualbridgeError

app = typer.Typer(help="Check the casework audit trail's signed checkpoints.", no_args_is_help=True)


@app.callback()
def _group() -> None:
    """Check the casework audit trail's signed checkpoints."""


def _expected(keys: list[str]) -> dict[str, set[str]] | None:
    if not keys:
        return None
    expected: dict[str, set[str]] = {}
    for item in keys:
        office, sep, key = item.partition("=")
        if not sep or not office.strip() or not key.strip():
            raise QualbridgeError(f"--key {item!r}: give OFFICE=publicKeyMultibase (e.g. nic=z6Mk…).")
        expected.setdefault(office.strip(), set()).add(key.strip())  # repeat --key for rotated keys
    return expected


@app.command("verify")
def verify(
    file: Annotated[
        Path, typer.Argument(help="Checkpoints exported by `manage.py audit_checkpoint --export`.")
    ],
    key: Annotated[
        list[str] | None,
        typer.Option("--key", help="OFFICE=publicKeyMultibase the office publishes (repeatable)."),
    ] = None,
) -> None:
    """Verify exported audit checkpoints offline."""
    checkpoints = read(file)
    expected = _expected(key or [])
    problems = check_signatures(checkpoints, expected)
    table = Table(title=f"{len(checkpoints)} checkpoints in {file}")
    for col in ("office", "event", "hash", "signed at", "key"):
        table.add_column(col)
    for cp in checkpoints[-20:]:
        table.add_row(cp.office, str(cp.seq), cp.hash[:16] + "…", cp.at, cp.key[:16] + "…")
    console.print(table)
    if problems:
        for problem in problems:
            console.print(f"[red]event {problem.seq}:[/] {problem.message}", highlight=False, soft_wrap=True)
        raise typer.Exit(1)
    pinned = "against the given keys" if expected else "(keys not pinned: pass --key OFFICE=KEY)"
    console.print(f"all {len(checkpoints)} signatures valid {pinned}", highlight=False)
