"""``qualbridge frameworks``: list the frameworks and show one with its levels and referencing."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from qualbridge.cli.output import console, print_json, print_table
from qualbridge.errors import QualbridgeError
from qualbridge.registry import get_registry
from qualbridge.registry.models import pick
from qualbridge.registry.summary import framework_detail, framework_summary

app = typer.Typer(help="The qualifications frameworks in the registry.", no_args_is_help=True)

LANGS = ("en", "ja")


@app.command("list")
def list_frameworks(json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """List every framework: id, kind, jurisdiction, number of levels."""
    registry = get_registry()
    frameworks = sorted(registry.frameworks.values(), key=lambda f: f.id)
    if json:
        print_json([framework_summary(f).model_dump(mode="json") for f in frameworks])
        return
    print_table(
        f"{len(frameworks)} frameworks (data {registry.data_version})",
        ("id", "kind", "jurisdiction", "levels", "name", "status"),
        (
            (f.id, f.kind.value, f.jurisdiction, str(len(f.levels)), pick(f.names), f.status.value)
            for f in frameworks
        ),
    )


@app.command("show")
def show(
    framework_id: Annotated[str, typer.Argument(metavar="ID", help="Framework id, e.g. jp-jeqf.")],
    lang: Annotated[str, typer.Option("--lang", help="Language: en or ja.")] = "en",
    json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show one framework: levels, descriptors, qualification types per level, referencing decisions."""
    if lang not in LANGS:
        raise QualbridgeError(f"Unknown language {lang!r}; valid: {', '.join(LANGS)}.")
    registry = get_registry()
    fw = registry.framework(framework_id)
    detail = framework_detail(registry, fw)
    if json:
        print_json(detail.model_dump(mode="json"))
        return
    console.print(
        f"[bold]{pick(fw.names, lang)}[/] ({fw.abbreviation}, {fw.id}) — {fw.kind.value}, {fw.status.value}"
    )
    table = Table(show_lines=True)
    table.add_column("level" if lang == "en" else "レベル")
    # a domain no level describes (descriptors not yet in the data) would be an empty column
    domains = [d for d in fw.domains if any(pick(lv.descriptors.get(d.id, {}), lang) for lv in fw.levels)]
    for domain in domains:
        table.add_column(pick(domain.names, lang))
    table.add_column("qualification types" if lang == "en" else "資格の種類")
    for lv, level in reversed(list(zip(fw.levels, detail.levels, strict=True))):
        types = "\n".join(pick(t.names, lang) for t in level.qualification_types)
        label = pick(lv.labels, lang) or lv.notation
        if not level.verified:
            label += " (unverified)"
        table.add_row(label, *[pick(lv.descriptors.get(d.id, {}), lang) for d in domains], types)
    console.print(table)
    if detail.alignments:
        console.print("[bold]Referencing decisions[/]")
        for al in detail.alignments:
            console.print(
                f"  {al.id}: {pick(al.body, lang)} ({al.decided or 'date unknown'}) {al.report or ''}"
            )
