"""``qualbridge interop``: export qualbridge's data as exchange documents (Open Badges 3.0, the European
Learning Model, CTDL) and import any such document or an ELMO transcript (format detected).

A refused document exits 2 with the path of the offending field (the error's first words).
"""

from __future__ import annotations

import json as jsonlib
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from qualbridge.cli.output import console
from qualbridge.errors import QualbridgeError
from qualbridge.interop import MAX_DOCUMENT_BYTES, format_module, import_any
from qualbridge.registry import get_registry

app = typer.Typer(
    help="Exchange formats: export (ob3, elm, ctdl) and import (detected).", no_args_is_help=True
)
EXPORT_FORMATS = ("ob3", "elm", "ctdl")


@app.callback()
def _group() -> None:
    """Exchange formats: export (ob3, elm, ctdl) and import (detected)."""


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    )


def _tracked(items: list[Any], what: str) -> Iterable[Any]:
    """The items, with a progress bar on the terminal's error stream while they are exported."""
    with _progress() as progress:
        task = progress.add_task(what, total=len(items))
        for item in items:
            yield item
            progress.advance(task)


def _export_ctdl(frameworks: list[str] | None) -> dict[str, Any]:
    from qualbridge.interop import ctdl

    reg = get_registry()
    chosen = [reg.framework(f) for f in frameworks] if frameworks else list(reg.frameworks.values())
    ids = {f.id for f in chosen}
    graph = [node for fw in _tracked(chosen, "frameworks") for node in ctdl.framework_nodes(reg, fw)]
    graph += [
        ctdl.decision_node(reg, a)
        for a in reg.alignments.values()
        if a.source_framework in ids and a.target_framework in ids
    ]
    return {"@context": ctdl.CONTEXT, "@graph": graph}


def _export_elm(types: list[str] | None, jurisdiction: str | None, fields: list[str]) -> dict[str, Any]:
    from qualbridge.interop import elm

    reg = get_registry()
    if types:
        chosen = [reg.qualification(t).id for t in types]
    elif jurisdiction:
        return elm.export_qualifications(jurisdiction=jurisdiction, fields=fields)
    else:
        chosen = list(reg.qualifications)
    graph = [
        elm.qualification(reg, reg.qualifications[t], fields) for t in _tracked(chosen, "qualification types")
    ]
    return {"@context": elm.CONTEXT, "@graph": graph}


@app.command("export")
def export(
    format: Annotated[str, typer.Option("--format", help=f"One of: {', '.join(EXPORT_FORMATS)}.")],
    qualification: Annotated[
        list[str] | None, typer.Option("--type", help="elm: a qualification type (repeatable).")
    ] = None,
    jurisdiction: Annotated[
        str | None, typer.Option("--jurisdiction", help="elm: every type of a jurisdiction (JP, GB ...).")
    ] = None,
    field: Annotated[
        list[str] | None,
        typer.Option("--field", help="elm: an ISCED-F 2013 field code of the degree (repeatable)."),
    ] = None,
    framework: Annotated[
        list[str] | None, typer.Option("--framework", help="ctdl: a framework (repeatable; default: all).")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.")
    ] = None,
) -> None:
    """Export as an exchange document: ELM qualification types, CTDL frameworks with every referencing
    decision, or (ob3) what the Open Badges module exports."""
    if format not in EXPORT_FORMATS:
        raise QualbridgeError(
            f"--format {format!r} is not an export format; valid: {', '.join(EXPORT_FORMATS)}."
        )
    if format == "ctdl":
        document = _export_ctdl(framework)
    elif format == "elm":
        document = _export_elm(qualification, jurisdiction, field or [])
    else:
        module = format_module("ob3")
        if not hasattr(module, "export_default"):
            raise QualbridgeError(
                "The Open Badges 3.0 module of this build has no whole-registry export; "
                "use `qualbridge microcredentials` to export one micro-credential."
            )
        document = module.export_default()
    text = jsonlib.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        console.print(f"wrote {output} ({len(text.encode()):,} bytes)", highlight=False)


def _read_file(file: Path) -> bytes:
    if not file.is_file():
        raise QualbridgeError(f"No document at {str(file)!r}: give the path of a JSON-LD or ELMO XML file.")
    if file.stat().st_size > MAX_DOCUMENT_BYTES:
        raise QualbridgeError(
            f"{str(file)!r} is larger than {MAX_DOCUMENT_BYTES:,} bytes: not a document qualbridge reads."
        )
    return file.read_bytes()


@app.command("import")
def import_(
    file: Annotated[
        Path, typer.Argument(help="An OB3, ELM or CTDL document (JSON-LD) or an ELMO report (XML).")
    ],
    from_scale: Annotated[
        str | None, typer.Option("--from", help="ELMO: the grading scale of the results.")
    ] = None,
    to_scale: Annotated[
        str | None, typer.Option("--to", help="ELMO: convert the results to this scale.")
    ] = None,
    json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Read a document (its format detected); an ELMO transcript converts like a CSV one with --from/--to."""
    name, result = import_any(_read_file(file))
    conversion = None
    if name == "elmo" and (from_scale or to_scale):
        if not (from_scale and to_scale):
            raise QualbridgeError("Give both --from and --to to convert an ELMO transcript's results.")
        conversion = _convert_elmo(result, from_scale, to_scale)
    if json:
        body = result.as_json() if hasattr(result, "as_json") else {"format": name, "result": str(result)}
        if conversion is not None:
            body["conversion"] = conversion
        sys.stdout.write(jsonlib.dumps(body, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    _print(name, result, conversion)


def _convert_elmo(report: Any, from_scale: str, to_scale: str) -> dict[str, Any]:
    from qualbridge.grades import get_scale
    from qualbridge.grades.transcript import CourseResult, TranscriptSummary, convert_rows

    src, tgt = get_scale(from_scale), get_scale(to_scale)
    summary = TranscriptSummary(src.id, tgt.id, "")
    courses = [
        c.as_json()
        for c in convert_rows(report.rows(), src, tgt, summary=summary)
        if isinstance(c, CourseResult)
    ]
    return {
        "courses": courses,
        "summary": summary.as_json(),
        "credit_schemes": sorted(report.credit_schemes()),
    }


def _print(name: str, result: Any, conversion: dict[str, Any] | None) -> None:
    console.print(f"[bold]format:[/] {name}", highlight=False)
    if name == "elm":
        table = Table(title=f"{len(result.qualifications)} qualifications")
        for col in ("title", "EQF", "national levels", "ISCED-F", "ECTS"):
            table.add_column(col)
        for q in result.qualifications:
            table.add_row(
                q.title.get("en") or next(iter(q.title.values())),
                q.eqf_level or "—",
                ", ".join(q.nqf_levels) or "—",
                ", ".join(q.isced_f) or "—",
                f"{q.ects:g}" if q.ects is not None else "—",
            )
        console.print(table)
    elif name == "ctdl":
        console.print(
            f"{len(result.frameworks)} frameworks, {len(result.decisions)} referencing decisions",
            highlight=False,
        )
    elif name == "elmo":
        issuer = result.issuer.get("en") or next(iter(result.issuer.values()), "?")
        console.print(f"{len(result.courses)} courses from {issuer}", highlight=False)
        for path in result.without_credit:
            console.print(f"[yellow]not counted (a result without credit):[/] {path}", highlight=False)
        if conversion:
            s = conversion["summary"]
            console.print(
                f"converted {s['converted']} of {s['rows']}: {s['from']} → {s['to']}; "
                f"credit-weighted average {s['average']}",
                highlight=False,
            )
    else:
        console.print(
            jsonlib.dumps(
                result.as_json() if hasattr(result, "as_json") else str(result),
                ensure_ascii=False,
                indent=2,
                default=str,
            )
        )
