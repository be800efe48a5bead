"""``qualbridge institutions``: match a free-text institution name; import institution lists."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
import yaml
from rich.console import Console
from rich.table import Table

from qualbridge.cli.output import console, print_json
from qualbridge.errors import QualbridgeError
from qualbridge.institutions.importers import InvalidInstitutionFile, read_file, slug
from qualbridge.institutions.loader import get_institutions, save_import, user_dir
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
    if not name.strip():
        raise QualbridgeError("Give an institution name to match, e.g. 東京大学 or 'University of Tokyo'.")
    result = get_institutions().match(name, country=country, limit=limit)
    if json:
        print_json(result.to_dict())
        if not result.candidates:  # the same exit status as the readable answer
            raise typer.Exit(1)
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


def _check_not_clobbering(name: str, url: str, replace: bool) -> None:
    """Re-importing the same file updates it; a different file with the same name is refused (no lost data)."""
    existing = user_dir() / f"{name}.yaml"
    if replace or not existing.exists():
        return
    try:
        earlier = yaml.safe_load(existing.read_text(encoding="utf-8")) or {}
        earlier_url = earlier["sources"]["import"]["url"]
    except (OSError, UnicodeDecodeError, yaml.YAMLError, KeyError, TypeError):
        earlier_url = None
    if earlier_url != url:
        raise QualbridgeError(
            f"An import named {name!r} already exists (from {earlier_url or existing}); importing this "
            "file would replace it. Rename the file, or give --replace to replace the earlier import."
        )


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
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Replace an earlier import of another file with the same name."),
    ] = False,
    json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Validate FILE and add its institutions to your local registry; bad rows are listed by line."""
    status = Console(stderr=True).status  # long work shows it is working, away from --json output
    with status(f"Reading {file.name}…"):
        result = read_file(file, fmt)
    if result.problems and not skip_bad:
        raise InvalidInstitutionFile(str(file), result.problems)
    saved = None
    if not dry_run and result.institutions:
        source = Source(
            url=file.resolve().as_uri(), title=f"import of {file.name}", consulted=dt.date.today()
        )
        name = slug(file.stem) or "import"
        _check_not_clobbering(name, source.url, replace)
        data = InstitutionFile(sources={"import": source}, source="import", institutions=result.institutions)
        with status(f"Saving {len(result.institutions)} institution(s)…"):
            saved = save_import(name, data)
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
