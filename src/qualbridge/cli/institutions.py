"""``qualbridge institutions``: match a free-text institution name; import institution lists."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from qualbridge.cli.output import console, print_json
from qualbridge.institutions.importers import InvalidInstitutionFile, read_file, slug
from qualbridge.institutions.loader import get_institutions, save_import
from qualbridge.institutions.models import InstitutionFile
from qualbridge.registry.models import Source

app = typer.Typer(help="Institutions: name matching, recognition status, imports.", no_args_is_help=True)


@app.command("match")
def match_cmd(
    name: Annotated[str, typer.Argument(help="Institution name as written, in any script.")],
    country: Annotated[str | None, typer.Option("--country", "-c", help="ISO 3166 code, e.g. JP.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=50, help="Candidates to show.")] = 5,
    json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Candidates for NAME with scores; when two are close both are shown and none is chosen."""
    result = get_institutions().match(name, country=country, limit=limit)
    if json:
        print_json(result.to_dict())
        return
    if not result.candidates:
        console.print(f"No institution matches {name!r}" + (f" in {country.upper()}." if country else "."))
        raise typer.Exit(1)
    table = Table(title=f"Institutions matching {name!r}")
    for column in ("score", "id", "name", "official name", "country", "recognition"):
        table.add_column(column)
    for c in result.candidates:
        status = "[bold red]MILL[/]" if c.is_mill else c.recognition
        table.add_row(f"{c.score:.1f}", c.id, c.name, c.official_name, c.country, status)
    console.print(table)
    if result.best:
        console.print(f"Best match: [bold]{result.best.id}[/] ({result.best.name})")
    elif result.ambiguous:
        console.print("[yellow]Ambiguous:[/] the top candidates score within a few points; none is chosen.")
    else:
        console.print("[yellow]No confident match:[/] check the candidates by hand.")


@app.command("import")
def import_cmd(
    file: Annotated[Path, typer.Argument(help="CSV (documented columns) or DEQAR institution JSON.")],
    fmt: Annotated[
        str | None, typer.Option("--format", help="csv or deqar (default: from the extension).")
    ] = None,
    skip_bad: Annotated[
        bool, typer.Option("--skip-bad", help="Keep the good rows when some are bad.")
    ] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Validate only; save nothing.")] = False,
    json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Validate FILE and add its institutions to your local registry; bad rows are listed by line."""
    result = read_file(file, fmt)
    if result.problems and not skip_bad:
        raise InvalidInstitutionFile(str(file), result.problems)
    saved = None
    if not dry_run and result.institutions:
        source = Source(
            url=file.resolve().as_uri(), title=f"import of {file.name}", consulted=dt.date.today()
        )
        data = InstitutionFile(sources={"import": source}, source="import", institutions=result.institutions)
        saved = save_import(slug(file.stem) or "import", data)
    if json:
        print_json({
            "file": str(file), "imported": len(result.institutions), "saved_to": str(saved) if saved else None,
            "problems": [{"line": p.line, "field": p.field, "message": p.message} for p in result.problems],
        })  # fmt: skip
        return
    for p in result.problems:
        console.print(f"[yellow]skipped[/] {file.name} {p}", highlight=False)
    verb = "Checked" if dry_run else "Imported"
    console.print(
        f"{verb} {len(result.institutions)} institution(s) from {file.name}"
        + (f" into {saved}" if saved else ".")
    )
