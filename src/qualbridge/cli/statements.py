"""``qualbridge statements``: sign a statement as a Verifiable Credential, and verify one.

``verify`` prints the whole checklist (structure, contexts, signature, issuer, status, validity
period) and exits 1 when any check fails, 2 when the file cannot be read; nothing is fetched, so a
status list is given as a file. Who is trusted comes from ``--trust-list FILE`` (the file form of
:mod:`qualbridge.statements.trust`) and ``--trust ISSUER=METHOD``; with neither, nobody is: a statement
with a valid signature is then reported "signature valid, issuer not on the trust list" and exits 1,
since anyone can sign a document naming any office.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

import typer
from rich.table import Table
from rich.text import Text

from qualbridge.cli.keys import read_key_file
from qualbridge.cli.output import console, print_json
from qualbridge.messages import text
from qualbridge.statements.errors import InvalidCredential
from qualbridge.statements.issue import issue_credential
from qualbridge.statements.passport import document_kind, passport_facts
from qualbridge.statements.statuslist import StatusEntry
from qualbridge.statements.trust import TrustList
from qualbridge.statements.verify import Verification, verify_credential

app = typer.Typer(
    help="Signed statements (W3C Verifiable Credentials 2.0, eddsa-rdfc-2022).", no_args_is_help=True
)

LABELS = {
    "structure": "structure",
    "contexts": "contexts",
    "signature": "signature",
    "issuer-key": "issuer",
    "status": "status",
    "validity-period": "validity period",
}


#: h11ops (issue 11): deeper JSON is no statement, and would exhaust the recursion of JSON-LD processing
MAX_JSON_DEPTH = 64


def _depth_exceeds(value: Any, limit: int) -> bool:
    """True when ``value`` nests lists or objects more than ``limit`` levels (iteratively: no recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def read_json(path: Path, what: str) -> Any:
    """Parsed JSON of a file; an unreadable, malformed or absurdly nested file is a typed error (exit 2)."""
    value = _read_json(path, what)
    if _depth_exceeds(value, MAX_JSON_DEPTH):
        raise InvalidCredential(
            f"{what.capitalize()} {str(path)!r} nests its JSON more than {MAX_JSON_DEPTH} levels deep: "
            "no statement does; give a statement as qualbridge writes it."
        )
    return value


def _read_json(path: Path, what: str) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InvalidCredential(f"Cannot read {what} {str(path)!r}: {exc.strerror or exc}.") from None
    except UnicodeDecodeError:
        raise InvalidCredential(f"{what.capitalize()} {str(path)!r} is not UTF-8 text (JSON).") from None
    except json.JSONDecodeError as exc:
        raise InvalidCredential(f"{what.capitalize()} {str(path)!r} is not JSON: {exc}.") from None
    except RecursionError:  # h11ops (issue 11): 100,000 nested brackets ended in a traceback
        raise InvalidCredential(
            f"{what.capitalize()} {str(path)!r} nests its JSON more than {MAX_JSON_DEPTH} levels deep: "
            "no statement does; give a statement as qualbridge writes it."
        ) from None


def _trusted(pairs: list[str]) -> dict[str, list[str]]:
    trusted: dict[str, list[str]] = {}
    for pair in pairs:
        issuer, sep, vm = pair.partition("=")
        if not sep or not issuer or not vm:
            raise InvalidCredential(f"--trust {pair!r} must be ISSUER=VERIFICATION_METHOD.")
        trusted.setdefault(issuer, []).append(vm)
    return trusted


def _check_out(out: Path, force: bool) -> None:
    """Refuse an --out path that cannot be written, before anything is signed."""
    if out.is_dir():
        raise InvalidCredential(f"--out {str(out)!r} is a folder: give a file name, e.g. statement.json.")
    if not out.parent.is_dir():
        raise InvalidCredential(f"--out {str(out)!r}: the folder {str(out.parent)!r} does not exist.")
    if out.exists() and not force:
        raise InvalidCredential(f"{str(out)!r} already exists; give --force to replace it.")


@app.command("verify")
def verify(
    file: Annotated[Path, typer.Argument(help="Signed statement (JSON-LD).")],
    json_out: Annotated[bool, typer.Option("--json", help="Print the checklist as JSON.")] = False,
    status_list: Annotated[
        list[Path] | None, typer.Option("--status-list", help="Bitstring status list credential file.")
    ] = None,
    trust: Annotated[
        list[str] | None,
        typer.Option("--trust", help="ISSUER=VERIFICATION_METHOD: a key known to belong to an issuer."),
    ] = None,
    trust_list: Annotated[
        Path | None,
        typer.Option("--trust-list", help='Trust list file: {"issuers": [...]} (see the docs).'),
    ] = None,
) -> None:
    """Verify a signed statement; list every check; exit 1 if any fails (an untrusted issuer too)."""
    doc = read_json(file, "statement")
    trusted = TrustList.from_json(read_json(trust_list, "trust list")) if trust_list else TrustList()
    lists: dict[str, Any] = {}
    for path in status_list or []:
        listed = read_json(path, "status list")
        if not isinstance(listed, dict) or not isinstance(listed.get("id"), str):
            raise InvalidCredential(f"Status list {str(path)!r} is not a credential with an id.")
        lists[listed["id"]] = listed
    result = verify_credential(doc, trust=trusted, status_lists=lists, trusted_keys=_trusted(trust or []))
    facts = passport_facts(doc)
    if json_out:
        out = {**result.to_json(), "kind": document_kind(doc)}
        if facts is not None:  # h18p: a qualifications passport says so, with its validity period
            out["validity"] = {"validFrom": facts["valid_from"], "validUntil": facts["valid_until"]}
        print_json(out)
    else:
        table = Table(title=Text(f"Verification of {file.name}"), show_lines=False)
        table.add_column("check")
        table.add_column("result")
        table.add_column("finding", overflow="fold")
        for finding in result.findings:
            mark = "[green]pass[/]" if finding.ok else "[bold red]FAIL[/]"
            table.add_row(LABELS.get(finding.check, finding.check), mark, Text(finding.message))
        console.print(table)
        verdict = "[green]verified[/]" if result.ok else "[bold red]not verified[/]"
        if _only_untrusted(result):
            verdict = "[bold yellow]signature valid — issuer not on the trust list[/]"
        console.print(
            f"{verdict}: {len(result.findings) - len(result.failed)} of {len(result.findings)} checks pass"
        )
        if facts is not None:
            _print_passport(facts, result)
    if not result.ok:
        raise SystemExit(1)


def _print_passport(facts: dict[str, Any], result: Verification) -> None:
    """h18p: say that the document is a qualifications passport, its validity period, and if it expired."""
    span = {"valid_from": facts["valid_from"] or "-", "valid_until": facts["valid_until"] or "-"}
    console.print(Text(text("passport.verify.kind", "en", **span)))
    if result.code("validity-period") == "validity.expired":
        console.print(
            Text(text("passport.verify.expired", "en", valid_until=span["valid_until"])), style="bold red"
        )


def _only_untrusted(result: Verification) -> bool:
    """Whether the signature holds and the one thing missing is trust in the issuer."""
    codes = {f.code for f in result.failed}
    return result.code("signature") == "signature.ok" and codes == {"issuer.untrusted"}


@app.command("sign")
def sign_statement(
    claims_file: Annotated[Path, typer.Argument(help="JSON object of claims (the credentialSubject).")],
    key: Annotated[Path, typer.Option("--key", help="Multikey key file (from `keys generate`).")],
    out: Annotated[Path | None, typer.Option("--out", help="Write here instead of printing.")] = None,
    issuer: Annotated[
        str | None, typer.Option("--issuer", help="Issuer id (default: the key's did:key).")
    ] = None,
    status_list_url: Annotated[
        str | None, typer.Option("--status-list-url", help="URL of the status list credential.")
    ] = None,
    status_index: Annotated[
        int | None, typer.Option("--status-index", help="Index in the status list.")
    ] = None,
    valid_until: Annotated[
        str | None, typer.Option("--valid-until", help="XMLSchema dateTime, e.g. 2030-03-31T23:59:59Z.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the --out file if it exists (never by default).")
    ] = False,
) -> None:
    """Sign claims as a RecognitionStatement Verifiable Credential."""
    if out is not None:
        _check_out(out, force)
    claims = read_json(claims_file, "claims file")
    pair = read_key_file(key)
    status = None
    if (status_list_url is None) != (status_index is None):
        raise InvalidCredential("Give --status-list-url and --status-index together.")
    if status_list_url is not None and status_index is not None:
        parts = urlsplit(status_list_url.strip())
        if not parts.scheme or not (parts.netloc or parts.path):
            raise InvalidCredential(
                f"--status-list-url {status_list_url!r} is not an absolute URL "
                "(e.g. https://example.org/status/1)."
            )
        status = StatusEntry(status_list_url.strip(), status_index)
    signed = issue_credential(
        claims, pair, pair.did if issuer is None else issuer.strip(), status, valid_until=valid_until
    )
    if out is None:
        print_json(signed)
        return
    try:
        with out.open("w" if force else "x", encoding="utf-8") as handle:
            handle.write(json.dumps(signed, ensure_ascii=False, indent=2) + "\n")
    except FileExistsError:
        raise InvalidCredential(f"{str(out)!r} already exists; give --force to replace it.") from None
    except OSError as exc:
        raise InvalidCredential(f"Cannot write {str(out)!r}: {exc.strerror}.") from None
    console.print(Text(f"Wrote {out}"))
