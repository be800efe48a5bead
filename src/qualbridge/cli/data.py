"""``qualbridge data``: validate the curated data, list stale sources, name and compare data versions,
and regenerate the JSON Schema."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from qualbridge.cli.output import console, print_json
from qualbridge.registry import schema
from qualbridge.registry.check import check as run_check
from qualbridge.registry.loader import DATA_DIR, data_version
from qualbridge.registry.staleness import YEARLY_LIMIT_DAYS, SourceAge, stale_sources

app = typer.Typer(help="The curated data files.", no_args_is_help=True)


JSON = Annotated[bool, typer.Option("--json", help="Print JSON.")]


@app.command("check")
def check(
    json: JSON = False,
    stale_days: Annotated[
        int | None,
        typer.Option(
            "--stale",
            metavar="DAYS",
            min=0,
            help=f"Also list every source consulted more than DAYS ago, per source (the check itself "
            f"fails past {YEARLY_LIMIT_DAYS} days).",
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="YYYY-MM-DD", help="Date the staleness rules (default: today)."),
    ] = None,
) -> None:
    """Validate every data file; report every problem with file and field; exit 1 if any."""
    today = _date(as_of)
    registry, problems = run_check(today=today)
    from qualbridge.microcredentials.sample import sample_problems
    from qualbridge.training.check import training_problems  # h18: the training cases' rules

    problems = [*problems, *training_problems(), *sample_problems(registry=registry)]
    stale = schema.stale()
    old = stale_sources(stale_days, today=today) if stale_days is not None else None
    if json:
        print_json(
            {
                "ok": not problems and not stale,
                "data_version": registry.data_version,
                "problems": [p.__dict__ for p in problems],
                "stale_schemas": stale,
                **({"stale_sources": [a.as_json() for a in old]} if old is not None else {}),
            }
        )
    else:
        if old is not None:
            _print_stale(old, stale_days or 0)
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


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a date; write YYYY-MM-DD", param_hint="--as-of") from None


def _print_stale(ages: list[SourceAge], days: int) -> None:
    table = Table(title=f"{len(ages)} sources consulted more than {days} days ago")
    for column in ("file", "source", "consulted", "days", "facts", "url"):
        table.add_column(column, overflow="fold")
    for a in ages:
        facts = f"{a.facts}" + (" + file default" if a.is_default else "")
        table.add_row(a.file, a.key, a.consulted.isoformat(), str(a.age_days), facts, a.url)
    console.print(table)


@app.command("version")
def version(
    spec: Annotated[
        str | None, typer.Argument(help="A data folder or git revision (default: the installed data).")
    ] = None,
    json: JSON = False,
) -> None:
    """Print the data_version a decision made with these data records."""
    from qualbridge.registry.versions import resolve

    with tempfile.TemporaryDirectory(prefix="qualbridge-data-") as scratch:
        folder, label = (DATA_DIR, "installed data") if spec is None else resolve(spec, Path(scratch))
        value = data_version(folder)
    if json:
        print_json({"data_version": value, "of": label})
    else:
        console.print(f"{value}  ({label})")


@app.command("find")
def find(version: Annotated[str, typer.Argument(help="A recorded data_version (16 hex digits).")]) -> None:
    """List the git commits whose data have this data_version (to replay a recorded decision)."""
    from qualbridge.registry.versions import find_revisions

    revisions = find_revisions(version.strip().lower())
    if not revisions:
        console.print(f"[red]no commit of the data's history has data_version {version}[/]")
        raise typer.Exit(1)
    for commit in revisions:
        console.print(commit)


@app.command("checkout")
def checkout(
    spec: Annotated[str, typer.Argument(help="A git revision or a recorded data_version.")],
    into: Annotated[Path, typer.Argument(help="An empty or new folder to write the data folder under.")],
) -> None:
    """Write the data folder of a revision or recorded version out (to replay or inspect a decision)."""
    from qualbridge.registry.versions import find_revisions, materialise

    if into.exists() and any(into.iterdir()):
        raise typer.BadParameter(f"{into} is not empty", param_hint="INTO")
    rev = spec
    if len(spec) == 16 and (found := find_revisions(spec.lower())):
        rev = found[0]
    folder = materialise(rev, into)
    console.print(f"wrote {folder} (data_version {data_version(folder)})")


@app.command("diff")
def diff(
    old: Annotated[str, typer.Argument(help="Data folder, git revision or recorded data_version.")],
    new: Annotated[str | None, typer.Argument(help="The same kinds; default: the installed data.")] = None,
    json: JSON = False,
) -> None:
    """Say what changed between two data versions: items added, removed and changed, and files."""
    from qualbridge.registry.versions import diff_folders, resolve

    with tempfile.TemporaryDirectory(prefix="qualbridge-data-") as scratch:
        old_dir, old_label = resolve(old, Path(scratch) / "old")
        new_dir, new_label = (
            (DATA_DIR, "installed data") if new is None else resolve(new, Path(scratch) / "new")
        )
        result = diff_folders(old_dir, new_dir)
    if json:
        print_json({"old": old_label, "new": new_label, **result.as_json()})
        return
    console.print(f"{old_label}: {result.old_version}\n{new_label}: {result.new_version}")
    if result.empty:
        console.print("[green]same data[/]")
        return
    for kind in result.added:
        for item in result.added[kind]:
            console.print(f"[green]+ {kind} {item}[/]")
        for item in result.removed[kind]:
            console.print(f"[red]- {kind} {item}[/]")
        for item, lines in result.changed[kind].items():
            console.print(f"[yellow]~ {kind} {item}[/]")
            for line in lines:
                console.print(f"    {line}", markup=False)
    for state, paths in result.files.items():
        for path in paths:
            if not path.startswith(("frameworks/", "alignments/", "qualifications/")):
                console.print(f"  file {state}: {path}")


@app.command("stats")
def stats(json: JSON = False) -> None:
    """Coverage by world region and the unverified share of each kind of fact."""
    from qualbridge.registry import get_registry
    from qualbridge.registry.coverage import frameworks_by_region, unverified_shares

    registry = get_registry()
    shares, regions = unverified_shares(registry), frameworks_by_region(registry)
    if json:
        print_json(
            {
                "data_version": registry.data_version,
                "frameworks": len(registry.frameworks),
                "regions": regions,
                "unverified": {kind: share.as_json() for kind, share in shares.items()},
            }
        )
        return
    table = Table(title=f"{len(registry.frameworks)} frameworks (data {registry.data_version})")
    table.add_column("region")
    table.add_column("frameworks", justify="right")
    for region, ids in regions.items():
        table.add_row(region, str(len(ids)))
    console.print(table)
    for kind, share in shares.items():
        console.print(f"{kind}: {share.unverified} of {share.total} unverified ({share.percent:.1f}%)")


@app.command("schema")
def write_schema() -> None:
    """Regenerate the committed JSON Schema files from the models."""
    for path in schema.write():
        console.print(f"wrote {path}")
