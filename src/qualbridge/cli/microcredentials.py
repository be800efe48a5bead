"""``qualbridge microcredentials``: the sample list, the listing rules, evaluation, stacking and Open
Badges 3.0 export. A micro-credential is named by its sample id or given as a JSON file (a record, or
an OpenBadgeCredential)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from qualbridge.cli.output import JsonOpt, console, print_json
from qualbridge.errors import QualbridgeError
from qualbridge.interop import ob3
from qualbridge.messages import text
from qualbridge.microcredentials.evaluate import evaluate, stack
from qualbridge.microcredentials.model import RULE_SETS, MicroCredential, check_rules, from_mapping
from qualbridge.microcredentials.sample import get, load_sample

app = typer.Typer(
    help="Micro-credentials: listing rules, evaluation, stacking, Open Badges 3.0.", no_args_is_help=True
)

LangOpt = Annotated[str, typer.Option("--lang", help="Language of the sentences: en or ja.")]


def words(code: str, lang: str) -> str:
    return text(f"microcredentials.{code}", lang)


def resolve(ref: str) -> MicroCredential:
    """A sample id, or a JSON file holding a record or an OpenBadgeCredential."""
    path = Path(ref)
    if not path.suffix or not path.exists():
        if path.suffix:
            raise QualbridgeError(f"No such file: {ref!r}.")
        return get(ref)
    try:
        document: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise QualbridgeError(f"{ref}: not a readable JSON file ({exc}).") from None
    if isinstance(document, dict) and ob3.detects(document):
        return ob3.import_document(document)
    return from_mapping(document)


@app.command("list")
def list_sample(json: JsonOpt = False) -> None:
    """List the shipped micro-credentials with their level, credits and source."""
    sample = list(load_sample().values())
    if json:
        print_json({"micro_credentials": [m.as_json() for m in sample]})
        return
    table = Table(title=f"{len(sample)} micro-credentials")
    for col in ("id", "title", "level", "credits", "listing", "source"):
        table.add_column(col)
    for m in sample:
        table.add_row(m.id, m.title, m.level or "—", f"{m.credits:g} {m.credit_system}" if m.credits else "—",
                      m.listing, m.source_url or "—")  # fmt: skip
    console.print(table)


@app.command("check")
def check(ref: str, rules: Annotated[str, typer.Option(help=f"Rule set: {', '.join(RULE_SETS)}.")] = "nzqcf",
          json: JsonOpt = False, lang: LangOpt = "en") -> None:  # fmt: skip
    """Check a micro-credential against the NZQCF listing rules or the EU 2022 standard elements."""
    import datetime as dt

    result = check_rules(resolve(ref), rules, dt.date.today())
    if json:
        print_json({"ok": result.ok, "rules": rules, "findings": [f.__dict__ for f in result.findings]})
    else:
        for f in result.findings:
            console.print(f"[red]✗[/] {f.path}: {words(f.code, lang)}")
        console.print("[green]meets the rules[/]" if result.ok else f"{len(result.findings)} rule(s) not met")
    if not result.ok:
        raise typer.Exit(1)


@app.command("evaluate")
def evaluate_cmd(
    ref: str,
    to: Annotated[str, typer.Option("--to", help="Home framework, e.g. jp-jeqf.")] = "jp-jeqf",
    credits: Annotated[
        str | None, typer.Option("--credits", help="Home credit system, e.g. jp-tani.")
    ] = None,
    json: JsonOpt = False,
    lang: LangOpt = "en",
) -> None:
    """Place a micro-credential on a home framework and convert its credits."""
    result = evaluate(resolve(ref), to, credits)
    if json:
        print_json(result.as_json())
        return
    mc = result.micro_credential
    console.print(f"[bold]{mc.title}[/] ({mc.provider})")
    if result.comparison:
        c = result.comparison
        console.print(f"level {mc.level} → {', '.join(c.target_levels) or 'no level'} ({c.outcome.value}, "
                      f"confidence {c.confidence:.2f})")  # fmt: skip
    if result.credits:
        r = result.credits
        value = f"{r.low:g}" if r.low == r.high else f"{r.low:g}–{r.high:g}"
        console.print(
            f"credits {mc.credits:g} {mc.credit_system} → {value} {r.to_system} ({r.method}{'' if r.verified else ', unverified rate'})"
        )
    for caveat in result.caveats:
        console.print(f"[yellow]![/] {words(caveat, lang)}")


@app.command("stack")
def stack_cmd(
    refs: Annotated[list[str], typer.Argument(help="Sample ids or JSON files.")],
    toward: Annotated[str, typer.Option("--toward", help="Qualification type id, e.g. ie/higher-diploma.")],
    json: JsonOpt = False,
    lang: LangOpt = "en",
) -> None:
    """Stack micro-credentials toward a qualification's credit total and say what is still missing."""
    result = stack([resolve(r) for r in refs], toward)
    if json:
        print_json(result.as_json())
        return
    table = Table(title=f"toward {result.qualification} ({result.required:g} {result.credit_system})")
    for col in ("micro-credential", "counted", "level ok", "named"):
        table.add_column(col)
    for i in result.items:
        level = {True: "yes", False: "no", None: "unknown"}[i.level_ok]
        table.add_row(i.micro_credential.title, f"{i.counted:g}", level, "yes" if i.counts_toward else "no")
    console.print(table)
    console.print(
        f"total {result.total:g} of {result.required:g}; missing {result.credits_missing:g} credits"
    )
    for code in result.missing:
        console.print(f"[yellow]![/] {words(code, lang)}")


@app.command("export")
def export_cmd(ref: str) -> None:
    """Print a micro-credential as an (unsigned) Open Badges 3.0 OpenBadgeCredential."""
    print_json(ob3.export_micro_credential(resolve(ref)))
