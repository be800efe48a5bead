"""``qualbridge countries``: the country profiles an evaluator reads before assessing (see
:mod:`qualbridge.profiles.country`), as tables, JSON or the education-system picture."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from qualbridge.cli.output import console, print_json, print_table, write_svg
from qualbridge.errors import QualbridgeError
from qualbridge.profiles.country import country_profile, summaries
from qualbridge.profiles.ladder import LadderWording, render_ladder
from qualbridge.registry.models import pick

app = typer.Typer(
    help="Country profiles: education system, qualifications, grading, comparisons.", no_args_is_help=True
)

LANGS = ("en", "ja")


@app.command("list")
def list_countries(json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Every country with qualification types in the data."""
    rows = summaries()
    if json:
        print_json([row.model_dump(mode="json") for row in rows])
        return
    print_table(
        f"{len(rows)} countries",
        ("code", "name", "types"),
        ((r.country, pick(r.names), str(r.types)) for r in rows),
    )


@app.command("show")
def show(
    code: Annotated[str, typer.Argument(metavar="CC", help="ISO 3166 code, e.g. NP or GB-SCT.")],
    lang: Annotated[str, typer.Option("--lang", help="Language of the names: en or ja.")] = "en",
    json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    svg: Annotated[
        Path | None, typer.Option("--svg", help="Write the education-system picture here.")
    ] = None,
) -> None:
    """One country's profile: the ladder of qualifications, comparisons into the JEQF, grading, sources."""
    if lang not in LANGS:
        raise QualbridgeError(f"Unknown language {lang!r}; valid: {', '.join(LANGS)}.")
    profile = country_profile(code)
    if svg is not None:
        picture = render_ladder(profile, LadderWording(lang=lang))
        if not picture:
            raise QualbridgeError(
                f"No qualification type of {profile.country} has years of schooling in the data: nothing to draw."
            )
        write_svg(svg, picture)
    if json:
        print_json(profile.model_dump(mode="json"))
        return
    console.print(f"[bold]{pick(profile.names, lang)}[/] ({profile.country})")
    if not profile.has_nqf:
        console.print(
            "No national qualifications framework in the data: types are placed on ISCED 2011 only."
        )
    compared = {c.type_id: c for c in profile.comparisons}
    table = Table(show_lines=False)
    for column in ("years", "qualification", "profile", "levels", "JEQF"):
        table.add_column(column)
    for stage in profile.stages:
        years = stage.years_of_schooling
        span = (
            "?"
            if years is None
            else (f"{years.min}" if years.min == years.max else f"{years.min}–{years.max}")
        )
        if years is not None and not years.verified:
            span += " (unverified)"
        jeqf = compared.get(stage.id)
        table.add_row(
            span,
            f"{pick(stage.names, lang)}\n[dim]{stage.id}[/]",
            stage.profile or "",
            ", ".join(p.level for p in stage.placements),
            f"{', '.join(jeqf.target_levels)} ({jeqf.outcome})" if jeqf else "",
        )
    console.print(table)
    console.print(f"Grading scales: {', '.join(s.id for s in profile.grading_scales) or 'none in the data'}")
    console.print(f"Credit systems: {', '.join(c.id for c in profile.credit_systems) or 'none in the data'}")
    console.print(
        f"Institutions held: {profile.institutions.count} (and {profile.institutions.mills} known mills)"
    )
    for source in profile.sources:
        console.print(f"  source: {source.title} — {source.url} (consulted {source.consulted})")
