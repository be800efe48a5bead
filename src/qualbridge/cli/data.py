"""``qualbridge data``: validate the curated data and regenerate its JSON Schema."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from qualbridge.cli.output import console, print_json
from qualbridge.registry import schema
from qualbridge.registry.check import check as run_check

app = typer.Typer(help="The curated data files.", no_args_is_help=True)


@app.command("check")
def check(json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Validate every data file; report every problem with file and field; exit 1 if any."""
    registry, problems = run_check()
    stale = schema.stale()
    if json:
        print_json(
            {
                "ok": not problems and not stale,
                "data_version": registry.data_version,
                "problems": [p.__dict__ for p in problems],
                "stale_schemas": stale,
            }
        )
    else:
        if problems:
            table = Table(title=f"{len(problems)} problems")
            for column in ("file", "field", "problem"):
                table.add_column(column, overflow="fold")
            for p in problems:
                table.add_row(p.file, p.field, p.message)
            console.print(table)
        for name in stale:
            console.print(f"[red]schema {name} is stale[/]: run `qualbridge data schema`")
        console.print(
            f"{len(registry.frameworks)} frameworks, {len(registry.alignments)} alignments, "
            f"{len(registry.qualifications)} qualification types: "
            + ("[green]ok[/]" if not problems and not stale else f"[red]{len(problems)} problems[/]")
        )
    if problems or stale:
        raise typer.Exit(1)


@app.command("schema")
def write_schema() -> None:
    """Regenerate the committed JSON Schema files from the models."""
    for path in schema.write():
        console.print(f"wrote {path}")
