"""``qualbridge grades``: list grading scales and convert one grade, showing the method and its formula."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from qualbridge.cli.output import JsonOpt, console, print_json
from qualbridge.errors import InvalidGrade
from qualbridge.grades import METHOD_NAMES, Scale, convert, scales_for
from qualbridge.grades.methods import GradeTable

app = typer.Typer(help="Grading scales and grade conversion.", no_args_is_help=True)

#: the grade-conversion options ``grades convert`` and ``transcript convert`` share
MethodOpt = Annotated[str | None, typer.Option("--method", help=f"One of: {', '.join(METHOD_NAMES)}.")]
FromTableOpt = Annotated[
    str | None, typer.Option("--from-table", help="Source grading table GRADE=PERCENT,...")
]
ToTableOpt = Annotated[str | None, typer.Option("--to-table", help="Target grading table GRADE=PERCENT,...")]


def scale_summary(scale: Scale) -> dict[str, Any]:
    m = scale.model
    return {
        "id": m.id,
        "jurisdiction": scale.jurisdiction,
        "names": m.names,
        "kind": m.kind.value,
        "direction": m.direction.value,
        "best": m.best,
        "lowest_pass": m.lowest_pass,
        "worst": m.worst,
        "labels": [
            {
                "label": lab.label,
                "value": lab.point,
                "min": lab.min,
                "max": lab.max,
                "passing": scale.passes(lab.point),
                "verified": lab.verified,
            }
            for lab in m.labels
        ],
        "distribution": m.distribution.model_dump() if m.distribution else None,
        "equivalences": [eq.target for eq in m.equivalences],
        "verified": m.verified,
        "note": m.note,
        "source": scale.source_url(),
    }


@app.command("scales")
def list_scales(
    country: Annotated[str | None, typer.Option("--country", help="ISO code, e.g. JP, DE, or EHEA.")] = None,
    json: JsonOpt = False,
) -> None:
    """List grading scales: direction, best, lowest pass, worst and labels."""
    found = [] if country is not None and not country.strip() else list(scales_for(country))
    if country is not None and not found:
        from qualbridge.errors import UnknownCountry
        from qualbridge.grades import load_scales

        raise UnknownCountry(country, sorted({s.jurisdiction for s in load_scales().values()}))
    if json:
        print_json({"scales": [scale_summary(s) for s in found]})
        return
    table = Table(title=f"{len(found)} grading scales")
    for col in ("id", "where", "direction", "best", "pass", "worst", "labels", "verified"):
        table.add_column(col)
    for s in found:
        m = s.model
        labels = ", ".join(lab.label for lab in m.labels[:8]) + (" …" if len(m.labels) > 8 else "")
        table.add_row(
            m.id,
            s.jurisdiction,
            "↑ higher" if s.higher_is_better else "↓ lower",
            f"{m.best:g}",
            f"{m.lowest_pass:g}",
            f"{m.worst:g}",
            labels,
            "yes" if m.verified else "[yellow]no[/]",
        )
    console.print(table)


def parse_table(text: str | None, option: str) -> GradeTable | None:
    """``"6=35,7=40,8=14"`` -> [("6", 35.0), ("7", 40.0), ("8", 14.0)]."""
    if text is None:
        return None
    rows: list[tuple[str, float]] = []
    for part in text.split(","):
        grade, sep, share = part.partition("=")
        try:
            if not sep:
                raise ValueError
            rows.append((grade.strip(), float(share)))
        except ValueError:
            raise InvalidGrade(
                f'{option}: {part.strip()!r} is not GRADE=PERCENT (e.g. "8=14,7=40").'
            ) from None
    return rows


@app.command("convert")
def convert_grade(
    value: Annotated[str, typer.Argument(help="The grade: a number or a label of the source scale.")],
    from_scale: Annotated[str, typer.Option("--from", help="Source scale id, e.g. nl-1-10.")],
    to_scale: Annotated[str, typer.Option("--to", help="Target scale id, e.g. de-1-5.")],
    method: MethodOpt = None,
    from_table: FromTableOpt = None,
    to_table: ToTableOpt = None,
    json: JsonOpt = False,
) -> None:
    """Convert one grade and show the method with its formula."""
    c = convert(
        value,
        from_scale,
        to_scale,
        method,
        from_table=parse_table(from_table, "--from-table"),
        to_table=parse_table(to_table, "--to-table"),
    )
    if json:
        print_json(c.as_json())
        return
    table = Table(show_header=False, title=f"{c.input} on {c.from_scale} → {c.to_scale}")
    table.add_column(style="bold")
    table.add_column()
    shown = f"{c.value:g}" + (f" ({c.label})" if c.label else "")
    rows = [
        ("result", shown),
        ("passed", "yes" if c.passed else "no (a fail stays a fail)"),
        ("method", f"{c.method}: {c.method_name}"),
        ("formula", c.formula),
        ("verified", "yes" if c.verified else "[yellow]no: uses facts not confirmed against a source[/]"),
    ]
    rows += [("note", note) for note in c.notes]
    rows += [("source", url) for url in c.sources]
    for key, text in rows:
        table.add_row(key, text)
    console.print(table)
