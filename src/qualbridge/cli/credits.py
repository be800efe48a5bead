"""``qualbridge credits``: list credit systems and convert an amount by workload hours and by year share."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from qualbridge.cli.output import JsonOpt, console, print_json
from qualbridge.credits import convert, load_systems
from qualbridge.credits.convert import METHODS

app = typer.Typer(help="Credit systems and credit conversion.", no_args_is_help=True)


def _rng(low: float, high: float) -> str:
    return f"{low:g}" if low == high else f"{low:g}–{high:g}"


@app.command("systems")
def list_systems(json: JsonOpt = False) -> None:
    """List credit systems: workload hours per credit and credits per full-time year."""
    systems = list(load_systems().values())
    if json:
        print_json({"systems": [s.model_dump(mode="json") for s in systems]})
        return
    table = Table(title=f"{len(systems)} credit systems")
    for col in ("id", "where", "hours/credit", "class hours/credit", "credits/year", "verified"):
        table.add_column(col)
    for s in systems:
        hours = _rng(s.hours_per_credit.low, s.hours_per_credit.high) if s.hours_per_credit else "—"
        contact = (
            _rng(s.contact_hours_per_credit.low, s.contact_hours_per_credit.high)
            if s.contact_hours_per_credit
            else "—"
        )
        facts = [s, s.credits_per_year, *(p for p in (s.hours_per_credit, s.contact_hours_per_credit) if p)]
        ok = all(f.verified for f in facts)
        table.add_row(
            s.id,
            s.jurisdiction,
            hours,
            contact,
            _rng(s.credits_per_year.low, s.credits_per_year.high),
            "yes" if ok else "[yellow]partly[/]",
        )
    console.print(table)


@app.command("convert")
def convert_credits(
    amount: Annotated[str, typer.Argument(help="Amount of credit, e.g. 124.")],
    from_system: Annotated[str, typer.Option("--from", help="Source system id, e.g. jp-tani.")],
    to_system: Annotated[str, typer.Option("--to", help="Target system id, e.g. ects.")],
    method: Annotated[str, typer.Option("--method", help=f"One of: {', '.join(METHODS)}.")] = "both",
    json: JsonOpt = False,
) -> None:
    """Convert credits by workload hours and by share of a full-time year; show both and the range."""
    c = convert(amount, from_system, to_system, method)
    if json:
        print_json(c.as_json())
        return
    table = Table(title=f"{c.amount:g} {c.from_system} → {c.to_system}")
    for col in ("method", "value", "range", "formula"):
        table.add_column(col)
    for r in (c.by_hours, c.by_year):
        if r is not None:
            table.add_row(
                "workload hours" if r.method == "hours" else "share of a full-time year",
                f"{r.value:g}",
                _rng(r.low, r.high),
                r.formula,
            )
    table.add_row(
        f"[bold]result ({c.method})[/]", f"[bold]{c.value:g}[/]", f"[bold]{_rng(c.low, c.high)}[/]", ""
    )
    console.print(table)
    for note in c.notes:
        console.print(f"[yellow]note:[/] {note}")
    for url in c.sources:
        console.print(f"source: {url}", highlight=False)
