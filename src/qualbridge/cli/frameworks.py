"""``qualbridge frameworks``: list the frameworks and show one with its levels and referencing."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from qualbridge.cli.output import console, print_json
from qualbridge.errors import QualbridgeError
from qualbridge.registry import Registry, get_registry
from qualbridge.registry.models import Framework, as_dict, pick

app = typer.Typer(help="The qualifications frameworks in the registry.", no_args_is_help=True)

LANGS = ("en", "ja")


def _summary(fw: Framework) -> dict[str, Any]:
    return {
        "id": fw.id,
        "abbreviation": fw.abbreviation,
        "kind": fw.kind.value,
        "jurisdiction": fw.jurisdiction,
        "names": fw.names,
        "status": fw.status.value,
        "levels": len(fw.levels),
        "verified": fw.verified,
    }


@app.command("list")
def list_frameworks(json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """List every framework: id, kind, jurisdiction, number of levels."""
    registry = get_registry()
    frameworks = sorted(registry.frameworks.values(), key=lambda f: f.id)
    if json:
        print_json([_summary(f) for f in frameworks])
        return
    table = Table(title=f"{len(frameworks)} frameworks (data {registry.data_version})")
    for column in ("id", "kind", "jurisdiction", "levels", "name", "status"):
        table.add_column(column)
    for fw in frameworks:
        table.add_row(
            fw.id, fw.kind.value, fw.jurisdiction, str(len(fw.levels)), pick(fw.names), fw.status.value
        )
    console.print(table)


def framework_detail(registry: Registry, fw: Framework) -> dict[str, Any]:
    """Everything about one framework, as the CLI and the API print it."""
    return {
        **_summary(fw),
        "domains": [as_dict(d) for d in fw.domains],
        "uri": fw.uri,
        "valid_from": fw.valid_from,
        "levels": [
            {
                "id": f"{fw.id}:{lv.notation}",
                "notation": lv.notation,
                "labels": lv.labels,
                "descriptors": lv.descriptors,
                "verified": lv.verified and fw.verified,
                "qualification_types": [
                    {"id": t, "names": registry.qualifications[t].names}
                    for t in registry.types_by_level.get(f"{fw.id}:{lv.notation}", [])
                ],
            }
            for lv in fw.levels
        ],
        "alignments": [
            {
                "id": al.id,
                "source_framework": al.source_framework,
                "target_framework": al.target_framework,
                "kind": al.kind,
                "body": al.body,
                "decided": al.decided or al.decided_text,
                "report": al.report,
            }
            for al in (registry.alignments[a] for a in registry.alignments_by_framework.get(fw.id, []))
        ],
        "sources": {k: as_dict(v) for k, v in fw.sources.items()},
    }


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
        print_json(detail)
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
    for level in reversed(detail["levels"]):
        lv = fw.levels[[x.notation for x in fw.levels].index(level["notation"])]
        types = "\n".join(pick(t["names"], lang) for t in level["qualification_types"])
        label = pick(lv.labels, lang) or lv.notation
        if not level["verified"]:
            label += " (unverified)"
        table.add_row(label, *[pick(lv.descriptors.get(d.id, {}), lang) for d in domains], types)
    console.print(table)
    if detail["alignments"]:
        console.print("[bold]Referencing decisions[/]")
        for al in detail["alignments"]:
            console.print(
                f"  {al['id']}: {pick(al['body'], lang)} ({al['decided'] or 'date unknown'}) {al['report'] or ''}"
            )
