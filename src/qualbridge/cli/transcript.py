"""``qualbridge transcript convert``: a CSV of courses to converted grades, a credit-weighted average
and total credits, streamed (a progress bar on large files; memory stays flat)."""

from __future__ import annotations

import json as jsonlib
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn, TransferSpeedColumn
from rich.table import Table

from qualbridge.cli.grades import FromTableOpt, MethodOpt, ToTableOpt, parse_table
from qualbridge.cli.output import console
from qualbridge.credits import convert as convert_credits
from qualbridge.errors import QualbridgeError
from qualbridge.grades import convert, get_scale
from qualbridge.grades.transcript import CourseResult, TranscriptSummary, convert_rows, read_csv

app = typer.Typer(help="Convert a transcript (CSV of courses: name, credits, grade).", no_args_is_help=True)

PROGRESS_BYTES = 1_000_000  # show a progress bar from this file size up
SHOWN = 25  # courses listed in the readable output


@app.callback()
def _group() -> None:
    """Convert a transcript (CSV of courses: name, credits, grade)."""


def _credits(summary: TranscriptSummary, system: str | None, target: str) -> dict[str, Any] | None:
    if system is None:
        return None
    try:  # after the courses have been streamed an error can no longer stop the output: report it
        total = convert_credits(summary.total_credits, system, target).as_json()
        earned = convert_credits(summary.earned_credits, system, target).as_json()
    except QualbridgeError as exc:
        return {"system": system, "to": target, "error": str(exc)}
    return {"system": system, "to": target, "total": total, "earned": earned}


SNIFF_BYTES = 65_536
#: files people pass for a transcript that may pass as text but are not CSV (spreadsheets, with their
#: NUL bytes, are refused as "not a text file")
BINARY_KINDS = ((b"%PDF-", "a PDF (export the transcript's table as CSV; qualbridge does not read PDFs)"),)


def _refuse_if_nothing_converted(file: Path, summary: TranscriptSummary) -> None:
    """A file with rows of which not one is a course is the wrong file, not a transcript of 0 courses."""
    if summary.rows == 0 or summary.converted > 0:
        return
    first = summary.errors[0] if summary.errors else None
    detail = f" (line {first.line}: {first.message})" if first else ""
    raise QualbridgeError(
        f"None of the {summary.rows} rows of {str(file)!r} is a course{detail}: give a CSV of courses "
        "with name, credits and grade."
    )


def _check_readable(file: Path) -> None:
    """Refuse, before any output, what is not a readable UTF-8 text file (typed errors, exit 2)."""
    what = "give the path of a CSV file (name,credits,grade)"
    if file.is_dir():
        raise QualbridgeError(f"{str(file)!r} is a folder: {what}.")
    if not file.is_file():
        raise QualbridgeError(f"No transcript file at {str(file)!r}: {what}.")
    try:
        with file.open("rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError as exc:
        raise QualbridgeError(f"Cannot read {str(file)!r}: {exc.strerror or exc}.") from None
    for magic, kind in BINARY_KINDS:
        if head.startswith(magic):
            raise QualbridgeError(f"{str(file)!r} is {kind}, not a CSV file: {what}.")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise QualbridgeError(f"{str(file)!r} is UTF-16 text: save it as CSV in UTF-8.")
    if b"\x00" in head:
        raise QualbridgeError(
            f"{str(file)!r} is not a text file (a spreadsheet?): export it as CSV in UTF-8 ({what})."
        )
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:  # not just a character cut at the end of the sample
            raise QualbridgeError(
                f"{str(file)!r} is not UTF-8 text (byte {exc.start + 1}; Shift_JIS or Latin-1?): "
                "save it as CSV in UTF-8."
            ) from None


@app.command("convert")
def convert_transcript(
    file: Annotated[
        Path,
        typer.Argument(
            help="CSV in UTF-8: name,credits,grade (header optional; ',', ';' or tab; decimal commas work)."
        ),
    ],
    from_scale: Annotated[str, typer.Option("--from", help="Grading scale of the transcript.")],
    to_scale: Annotated[str, typer.Option("--to", help="Target grading scale.")],
    credits: Annotated[str | None, typer.Option("--credits", help="Credit system of the transcript.")] = None,
    to_credits: Annotated[str, typer.Option("--to-credits", help="Target credit system.")] = "ects",
    method: MethodOpt = None,
    from_table: FromTableOpt = None,
    to_table: ToTableOpt = None,
    json: Annotated[bool, typer.Option("--json", help="Print one JSON object (streamed).")] = False,
) -> None:
    """Convert every course, average in the target scale weighted by credits, total the credits."""
    _check_readable(file)
    src, tgt = get_scale(from_scale), get_scale(to_scale)
    if credits is not None:
        convert_credits(0, credits, to_credits)  # unknown systems fail before the file is read
    summary = TranscriptSummary(src.id, tgt.id, method or "")
    tables = {
        "from_table": parse_table(from_table, "--from-table"),
        "to_table": parse_table(to_table, "--to-table"),
    }
    # a method that cannot apply to these scales (or a bad grading table) fails once, here, before any
    # output: not as the same error on every row, nor after the JSON has begun
    convert(src.best, src, tgt, method, **tables)
    shown: list[CourseResult] = []
    with ExitStack() as stack:
        if file.stat().st_size >= PROGRESS_BYTES:
            progress = stack.enter_context(
                Progress(
                    TextColumn("converting"),
                    BarColumn(),
                    TransferSpeedColumn(),
                    TimeRemainingColumn(),
                    console=Console(stderr=True),
                    transient=True,
                )
            )
            fh = stack.enter_context(
                progress.open(file, "r", encoding="utf-8-sig", errors="surrogateescape", newline="")
            )
        else:
            fh = stack.enter_context(
                file.open("r", encoding="utf-8-sig", errors="surrogateescape", newline="")
            )
        rows, line_of = read_csv(fh)
        results = convert_rows(
            rows, src, tgt, method=method, summary=summary, line_of=line_of, report_csv_errors=True, **tables
        )
        if json:
            out = sys.stdout
            out.write('{"courses": [')
            sep = "\n  "
            for item in results:
                if isinstance(item, CourseResult):
                    out.write(sep + jsonlib.dumps(item.as_json(), ensure_ascii=False))
                    sep = ",\n  "
        else:
            for item in results:
                if isinstance(item, CourseResult) and len(shown) < SHOWN:
                    shown.append(item)
    summary.credits = _credits(summary, credits, to_credits)
    if json:
        body = jsonlib.dumps(summary.as_json(), ensure_ascii=False, indent=2, default=str)
        sys.stdout.write('\n], "summary": ' + body + "}\n")
        _refuse_if_nothing_converted(file, summary)  # the JSON stays whole; the exit status says it
        return
    _refuse_if_nothing_converted(file, summary)
    _print_readable(summary, shown)


def _print_readable(summary: TranscriptSummary, shown: list[CourseResult]) -> None:
    table = Table(
        title=f"{summary.converted} of {summary.rows} courses: {summary.from_scale} → {summary.to_scale}"
    )
    for col in ("line", "course", "credits", "grade", "converted", "passed"):
        table.add_column(col)
    for c in shown:
        table.add_row(
            str(c.line),
            c.name,
            f"{c.credits:g}",
            c.grade,
            f"{c.value:g}" + (f" ({c.label})" if c.label else ""),
            "yes" if c.passed else "[red]no[/]",
        )
    if summary.converted > len(shown):
        table.add_row("…", f"{summary.converted - len(shown)} more", "", "", "", "")
    console.print(table)
    if shown:
        example = convert(shown[0].grade, summary.from_scale, summary.to_scale, summary.method)
        console.print(f"method: {example.method_name}", highlight=False)
        console.print(f"formula (first course): {example.formula}", highlight=False)
    if summary.average is not None:
        label = f" ({summary.average_label})" if summary.average_label else ""
        console.print(
            f"[bold]credit-weighted average:[/] {summary.average:g}{label} on {summary.to_scale} "
            f"(source average {summary.source_average:g} on {summary.from_scale})",
            highlight=False,
        )
    console.print(
        f"credits: {summary.total_credits:g} in total, {summary.earned_credits:g} earned "
        f"({summary.failed_courses} failed courses)",
        highlight=False,
    )
    if summary.credits and "error" in summary.credits:
        console.print(f"[yellow]credits not converted:[/] {summary.credits['error']}", highlight=False)
    elif summary.credits:
        for key in ("total", "earned"):
            c = summary.credits[key]
            console.print(
                f"{key} in {c['to']}: {c['value']:g} (range {c['low']:g}–{c['high']:g}; {c['formula']})",
                highlight=False,
            )
    if summary.error_count:
        console.print(f"[yellow]{summary.error_count} rows could not be read:[/]")
        for err in summary.errors[:20]:
            console.print(f"  line {err.line}: {err.message}", highlight=False)
        if summary.error_count > 20:
            console.print(f"  … and {summary.error_count - 20} more (see --json)")
