"""``qualbridge evaluate``: assess a case file (or a folder of them) and write the statement.

    qualbridge evaluate examples/cases/full-jp-gakushi-to-gb.yaml
    qualbridge evaluate CASE --json
    qualbridge evaluate CASE --pdf statement.pdf --credential statement.json --key issuer.key
    qualbridge evaluate examples/cases/ --pdf out/ --key issuer.key        (a progress bar per folder)

With ``--key`` the statement is signed (a W3C Verifiable Credential) and the PDF embeds it; without a
key the PDF is marked as an unsigned draft. A bad case file exits 2 with a message naming the field.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from qualbridge.cli.output import console, print_json
from qualbridge.errors import InvalidCaseFile, QualbridgeError
from qualbridge.evaluate.assess import Assessment, evaluate
from qualbridge.evaluate.casefile import load_case
from qualbridge.evaluate.findings import SEVERITY_NAMES
from qualbridge.evaluate.policy import get_policy
from qualbridge.statements.multikey import KeyPair

CASE_SUFFIXES = (".yaml", ".yml", ".json")


def case_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(
            p
            for p in path.iterdir()
            if p.suffix.lower() in CASE_SUFFIXES and not p.name.endswith(".schema.json")
        )
    if not path.exists():
        raise InvalidCaseFile(f"Case file {str(path)!r} does not exist.")
    return [path]


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    except OSError as exc:
        raise InvalidCaseFile(f"Cannot write {str(path)!r}: {exc.strerror}.") from None


def process(
    path: Path,
    *,
    policy: str | None,
    key: KeyPair | None,
    pdf_out: Path | None,
    credential_out: Path | None,
    verify_url: str | None,
) -> tuple[Assessment, dict[str, Any] | None]:
    """Evaluate one case file, sign and render as asked; returns the assessment and the credential."""
    case = load_case(path)
    assessment = evaluate(case, get_policy(policy) if policy else None)
    credential = None
    if key is not None:
        from qualbridge.statements.issue import issue_credential
        from qualbridge.statements.render import statement_claims

        credential = issue_credential(statement_claims(assessment), key, key.did)
    if credential_out is not None and credential is not None:
        _write(credential_out, (json.dumps(credential, ensure_ascii=False, indent=2) + "\n").encode())
    if pdf_out is not None:
        from qualbridge.statements.render import render_pdf

        _write(pdf_out, render_pdf(assessment, credential, verify_base_url=verify_url))
    return assessment, credential


def render_text(a: Assessment) -> None:
    rec = a.recommendation
    console.print(
        Text(
            f"{a.case_reference}  ·  {a.purpose_names['en']} / {a.purpose_names['ja']}  ·  policy {a.policy}"
        )
    )
    console.print(Text(f"{rec.names['en']} / {rec.names['ja']}", style="bold"))
    if rec.comparable_type:
        console.print(Text(f"comparable to {rec.comparable_type} ({rec.comparable_level or '?'})"))
    c = a.principal
    table = Table(show_lines=False)
    for col in ("element", "difference", "reasoning"):
        table.add_column(col, overflow="fold")
    for f in c.findings:
        table.add_row(f.element.value, SEVERITY_NAMES[f.severity]["en"], Text(f.reasoning_en))
    console.print(table)
    for reason in rec.reasons_en:
        console.print(Text(f"- {reason}"))
    for cond in rec.conditions_en:
        console.print(Text(f"condition: {cond}"))
    if c.grade:
        console.print(
            Text(
                f"grade average {c.grade.average:g} {c.grade.source_scale} -> {c.grade.converted:g} "
                f"({c.grade.label}) {c.grade.target_scale}"
            )
        )
    if c.credits:
        console.print(
            Text(
                f"credits {c.credits.amount:g} {c.credits.system} -> {c.credits.converted:g} {c.credits.target_system}"
            )
        )
    if c.missing_documents:
        console.print(Text(f"missing documents: {', '.join(c.missing_documents)}"))
    console.print(Text(f"next: {rec.next_steps.get('en', '')}"))
    console.print(Text(f"documentation: {a.documentation} · data version {a.data_version}", style="dim"))


def register(app: typer.Typer) -> None:
    @app.command("evaluate")
    def evaluate_command(
        case: Annotated[Path, typer.Argument(help="Case file (YAML or JSON) or a folder of case files.")],
        json_out: Annotated[bool, typer.Option("--json", help="Print the assessment as JSON.")] = False,
        pdf: Annotated[
            Path | None, typer.Option("--pdf", help="Write the statement PDF here (a folder for a folder).")
        ] = None,
        credential: Annotated[
            Path | None, typer.Option("--credential", help="Write the signed statement here (needs --key).")
        ] = None,
        key: Annotated[
            Path | None, typer.Option("--key", help="Multikey key file that signs the statement.")
        ] = None,
        policy: Annotated[
            str | None, typer.Option("--policy", help="Policy id or file (default: the case's).")
        ] = None,
        verify_url: Annotated[
            str | None, typer.Option("--verify-url", help="Base address of the verification page (QR code).")
        ] = None,
    ) -> None:
        """Assess credentials (five elements, recommended outcome) and write the bilingual statement."""
        if credential is not None and key is None:
            raise InvalidCaseFile("--credential needs --key KEYFILE to sign the statement.")
        pair = None
        if key is not None:
            from qualbridge.cli.keys import read_key_file

            pair = read_key_file(key)
        files = case_files(case)
        if case.is_dir():
            _folder(files, pdf, credential, pair, policy, verify_url, json_out)
            return
        assessment, _ = process(
            files[0], policy=policy, key=pair, pdf_out=pdf, credential_out=credential, verify_url=verify_url
        )
        if json_out:
            print_json(assessment.as_json())
        else:
            render_text(assessment)
            for label, out in (("statement", pdf), ("signed credential", credential)):
                if out is not None:
                    console.print(Text(f"Wrote {label} {out}"))


def _folder(
    files: list[Path],
    pdf: Path | None,
    credential: Path | None,
    pair: KeyPair | None,
    policy: str | None,
    verify_url: str | None,
    json_out: bool,
) -> None:
    results: list[tuple[Path, Assessment | None, str | None]] = []
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=json_out,
        disable=json_out and not console.is_terminal,
    )
    with progress:
        task = progress.add_task("evaluating", total=len(files))
        for path in files:
            progress.update(task, description=f"evaluating {path.name}")
            try:
                assessment, _ = process(
                    path,
                    policy=policy,
                    key=pair,
                    pdf_out=pdf / f"{path.stem}.pdf" if pdf else None,
                    credential_out=credential / f"{path.stem}.json" if credential else None,
                    verify_url=verify_url,
                )
                results.append((path, assessment, None))
            except QualbridgeError as exc:
                results.append((path, None, str(exc)))
            progress.advance(task)
    failed = [(p, e) for p, _, e in results if e]
    if json_out:
        print_json(
            [{"file": p.name, "assessment": a.as_json() if a else None, "error": e} for p, a, e in results]
        )
    else:
        table = Table(title=Text(f"{len(results)} case files"))
        for col in ("file", "outcome", "comparable", "level"):
            table.add_column(col, overflow="fold")
        for p, a, e in results:
            if a is None:
                table.add_row(p.name, Text("error", style="bold red"), Text(e or ""), "")
            else:
                rec = a.recommendation
                table.add_row(
                    p.name, rec.outcome.value, rec.comparable_type or "—", rec.comparable_level or "—"
                )
        console.print(table)
    if failed:
        raise SystemExit(2)
