"""``qualbridge qualifications search``: find qualification types by any of their names."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from qualbridge.cli.output import console, print_json
from qualbridge.errors import QualbridgeError
from qualbridge.registry import get_registry
from qualbridge.registry.models import pick
from qualbridge.registry.search import check_country, search_qualifications
from qualbridge.registry.summary import qualification_summary

app = typer.Typer(help="Qualification types of each jurisdiction.", no_args_is_help=True)


@app.command("search")
def search(
    text: Annotated[str, typer.Argument(help="Any name: 学士, gakushi, Bachelor, BSc (Hons) ...")],
    country: Annotated[str | None, typer.Option("--country", help="ISO country code, e.g. JP.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=100, help="Most results to show.")] = 10,
    json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Find qualification types by name, ranked, with their level placements."""
    if not text.strip():
        raise QualbridgeError("Give a name to search for, e.g. 学士, gakushi, Bachelor or 'BSc (Hons)'.")
    registry = get_registry()
    if country is not None:
        check_country(registry, country)  # an empty --country is a mistake, not "every country"
    hits = search_qualifications(registry, text, country=country, limit=limit)
    rows = [qualification_summary(registry.qualifications[h.type_id], h.score, h.matched) for h in hits]
    if json:
        print_json([row.model_dump(mode="json") for row in rows])
        return
    if not rows:
        console.print(f"No qualification type matches {text!r}.")
        return
    table = Table(title=f"Qualification types matching {text!r}")
    for column in ("score", "id", "name", "original", "levels"):
        table.add_column(column)
    for row in rows:
        original = next((v for k, v in row.names.items() if k != "en"), "")
        levels = ", ".join(p.level + (f" ({p.isced_code})" if p.isced_code else "") for p in row.placements)
        table.add_row(f"{row.score or 0:.0f}", row.id, pick(row.names), original, levels)
    console.print(table)
