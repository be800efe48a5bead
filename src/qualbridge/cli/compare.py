"""``qualbridge compare``: where a qualification or level lands in another framework, and why.

    qualbridge compare "学士（工学）" --to eu-eqf --country jp
    qualbridge compare ie-nfq:8 --to gb-scqf --json
    qualbridge compare --matrix nz-nzqcf eu-eqf [--svg nz-eqf.svg]

The readable answer draws each route as a chain of steps, each with its match type and evidence; the
JSON answer is the :class:`~qualbridge.compare.model.Comparison` every other interface returns.
"""

from __future__ import annotations

from pathlib import Path

import typer

from qualbridge.cli.output import print_json, write_svg
from qualbridge.compare.comparison import compare as run_compare
from qualbridge.compare.engine import get_engine
from qualbridge.compare.matrix import matrix_rows, render_table
from qualbridge.compare.model import Comparison, Route
from qualbridge.compare.svg import render_svg
from qualbridge.errors import QualbridgeError
from qualbridge.messages import LANGUAGES
from qualbridge.registry.loader import Registry, get_registry
from qualbridge.registry.models import pick


class UsageProblem(QualbridgeError):
    code = "invalid-usage"


def _registry() -> Registry:
    """The registry the command uses (a seam for tests)."""
    return get_registry()


def _names(names: dict[str, str]) -> str:
    shown = [names[k] for k in ("ja", "zh", "ko", "ja-Latn", "zh-Latn", "ko-Latn") if k in names]
    for lang, text in names.items():
        if lang != "en" and text not in shown and len(shown) < 2:
            shown.append(text)
    if "en" in names and names["en"] not in shown:
        shown.append(names["en"])
    return " · ".join(dict.fromkeys(shown))


def _route_lines(index: int, route: Route) -> list[str]:
    star = "*" if route.best else " "
    lines = [f"  {index:>2}.{star} confidence {route.confidence:.2f}  [{route.tier}]"]
    first = route.steps[0].from_id
    lines.append(f"        {first}")
    for step in route.steps:
        ev = step.evidence
        who = ", ".join(x for x in (ev.body, ev.date) if x)
        flags = " (read backwards)" if step.inverse else ""
        flags += "" if ev.verified else " (UNVERIFIED)"
        lines.append(
            f"          |  {step.match} · {ev.kind}: {ev.decision}{' — ' + who if who else ''}{flags}"
        )
        if ev.address:
            lines.append(f"          |  {ev.address}")
        lines.append(f"          v  {step.to_id}")
    return lines


def render_text(result: Comparison, registry: Registry, all_routes: bool = False, lang: str = "en") -> str:
    """The comparison as the terminal shows it; caveats and confidence factors worded in ``lang``."""
    fw = registry.frameworks[result.target_framework]
    src = result.source
    lines = [f"{src.id}  {_names(src.names)}" + (f"   (matched {src.matched!r})" if src.matched else "")]
    lines.append(f"compared with {fw.id}  {pick(fw.names)}")
    lines.append("")
    for sentence in (result.summary, result.certainty):  # h13: the answer in words, en and ja
        if sentence is not None:
            lines.extend([sentence.text("en"), sentence.text("ja")])
    lines.append("")
    lines.append(f"Outcome      {result.outcome.value}")
    levels = ", ".join(f"{lv} ({result.target_level_labels.get(lv, lv)})" for lv in result.target_levels)
    lines.append(f"Level(s)     {levels or 'none given'}")
    lines.append(f"Confidence   {result.confidence:.2f}")
    for factor in result.confidence_basis:
        lines.append(f"             x{factor.weight:.2f}  {factor.factor}: {factor.text(lang)}")
    if result.comparable_qualifications:
        lines.append("")
        lines.append("Comparable qualifications")
        for cq in result.comparable_qualifications:
            notes = f"  ({'; '.join(cq.notes)})" if cq.notes else ""
            lines.append(f"  {cq.level:<14} {cq.type_id:<28} {_names(cq.names)}{notes}")
    shown = result.routes if all_routes else result.routes[:5]
    lines.append("")
    more = "" if len(shown) == len(result.routes) else f", showing {len(shown)} (--all-routes for every one)"
    lines.append(f"Routes ({len(result.routes)} found{more}; * = the answer rests on it)")
    for i, route in enumerate(shown, start=1):
        lines.extend(_route_lines(i, route))
    if not result.routes:
        lines.append("  none")
    if result.caveats:
        lines.append("")
        lines.append("Caveats")
        lines.extend(f"  - {c.text(lang)}" for c in result.caveats)
    return "\n".join(lines)


def register(app: typer.Typer) -> None:
    @app.command(
        "compare",
        epilog=(
            "Examples: qualbridge compare 学士 --to eu-eqf --country jp · "
            "qualbridge compare ie-nfq:8 --to gb-scqf --json · "
            "qualbridge compare --matrix nz-nzqcf eu-eqf --svg nz-eqf.svg"
        ),
    )
    def compare_command(
        query: str | None = typer.Argument(
            None, help="A type id (jp/gakushi), a level id (ie-nfq:8) or a name."
        ),
        to: str | None = typer.Option(None, "--to", help="The target framework id, e.g. eu-eqf."),
        country: str | None = typer.Option(
            None, "--country", help="Country of the qualification (ISO code)."
        ),
        as_json: bool = typer.Option(False, "--json", help="Print the comparison as one JSON object."),
        matrix: tuple[str, str] | None = typer.Option(
            None,
            "--matrix",
            metavar="A B",
            help="Two framework ids: print the level-by-level table between them (or --svg / --json).",
        ),
        svg: Path | None = typer.Option(
            None, "--svg", help="With --matrix: write the picture to this SVG file."
        ),
        all_routes: bool = typer.Option(False, "--all-routes", help="Show every route, not the first five."),
        lang: str = typer.Option("en", "--lang", help="Language of the caveats: en or ja."),
    ) -> None:
        """Compare a qualification or a level with another framework (or two frameworks level by level)."""
        if lang not in LANGUAGES:
            raise UsageProblem(f"Unknown language {lang!r}; valid: {', '.join(LANGUAGES)}.")
        registry = _registry()
        if matrix:
            given = [
                name for name, value in (("QUERY", query), ("--to", to), ("--country", country)) if value
            ]
            if given or all_routes:
                extra = ", ".join(given + (["--all-routes"] if all_routes else []))
                raise UsageProblem(
                    f"--matrix compares two frameworks level by level and takes no {extra}: "
                    "give either QUERY --to FRAMEWORK or --matrix FRAMEWORK_A FRAMEWORK_B."
                )
            if svg is not None and as_json:
                raise UsageProblem(
                    "Give --svg FILE or --json, not both: --svg writes a picture, --json prints."
                )
            a, b = (registry.framework(x).id for x in matrix)
            rows = matrix_rows(get_engine(registry), a, b)
            if svg is not None:
                write_svg(svg, render_svg(registry, a, b, rows))
                print(f"wrote {svg}")
            elif as_json:
                print_json([_row_json(r) for r in rows])
            else:
                print(render_table(a, b, rows), end="")
            return
        if svg is not None:
            raise UsageProblem("--svg needs --matrix FRAMEWORK_A FRAMEWORK_B.")
        if not query or not to:
            raise UsageProblem("Give a QUERY and --to FRAMEWORK (or --matrix FRAMEWORK_A FRAMEWORK_B).")
        result = run_compare(query, to, country, registry=registry)
        if as_json:
            print_json(result.as_json())
        else:
            print(render_text(result, registry, all_routes, lang))


def _row_json(row: object) -> dict[str, object]:
    from dataclasses import asdict, is_dataclass

    assert is_dataclass(row) and not isinstance(row, type)
    return asdict(row)
