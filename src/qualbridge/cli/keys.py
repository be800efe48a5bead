"""``qualbridge keys``: make and inspect the Ed25519 key that signs statements.

A key file is a Multikey JSON document holding the secret key, so it is created with mode 0600 and
never overwritten (losing a signing key silently would orphan every statement it signed).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from qualbridge.cli.output import console, print_json
from qualbridge.statements.errors import InvalidKey
from qualbridge.statements.multikey import KeyPair

app = typer.Typer(help="Ed25519 signing keys (Multikey documents).", no_args_is_help=True)


def read_key_file(path: Path) -> KeyPair:
    """The key pair in a Multikey document file; unreadable or malformed files raise InvalidKey."""
    made_by = "give a Multikey file made by `qualbridge keys generate`"
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InvalidKey(f"Cannot read key file {str(path)!r}: {exc.strerror or exc}; {made_by}.") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InvalidKey(f"Key file {str(path)!r} is not JSON; {made_by}.") from None
    return KeyPair.from_document(doc)


@app.command("generate")
def generate(
    out: Annotated[Path, typer.Option("--out", help="Key file to create (refuses to overwrite).")],
    json_out: Annotated[bool, typer.Option("--json", help="Print the public key document as JSON.")] = False,
) -> None:
    """Generate an Ed25519 key pair and write it as a Multikey document (mode 0600)."""
    if out.is_dir():
        raise InvalidKey(
            f"--out {str(out)!r} is a folder: give the name of a new file, e.g. issuer-key.json."
        )
    pair = KeyPair.generate()
    data = (json.dumps(pair.to_document(), indent=2) + "\n").encode("utf-8")
    try:
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise InvalidKey(f"Key file {str(out)!r} already exists; it is never overwritten.") from None
    except OSError as exc:
        raise InvalidKey(f"Cannot create key file {str(out)!r}: {exc.strerror}.") from None
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.chmod(out, 0o600)  # in case the umask widened nothing, keep it explicit
    if json_out:
        print_json(pair.to_document(include_secret=False))
    else:
        console.print(f"Wrote {out} (mode 0600).", highlight=False, emoji=False, markup=False)
        console.print(
            f"issuer (did:key): {pair.did}", highlight=False, soft_wrap=True, emoji=False, markup=False
        )


@app.command("show")
def show(
    keyfile: Annotated[Path, typer.Argument(help="Multikey document file.")],
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show the public half of a key: its did:key and verification method (never the secret)."""
    pair = read_key_file(keyfile)
    if json_out:
        print_json(pair.to_document(include_secret=False))
        return
    console.print(
        f"did:key              {pair.did}", highlight=False, soft_wrap=True, emoji=False, markup=False
    )
    console.print(
        f"verificationMethod   {pair.verification_method}",
        highlight=False,
        soft_wrap=True,
        emoji=False,
        markup=False,
    )
    console.print(
        f"can sign             {'yes' if pair.secret_key else 'no (public key only)'}", highlight=False
    )


# -- office keys in the web app's database ------------------------------------------------------------


def _say(lines: list[str]) -> None:
    for line in lines:
        console.print(line, highlight=False, soft_wrap=True, emoji=False, markup=False)


@app.command("create-office")
def create_office(slug: Annotated[str, typer.Argument(help="Office slug.")]) -> None:
    """Provision an office's first signing key (stored encrypted in the web app's database)."""
    from qualbridge.web.trust import commands

    _say(commands.create_office(slug))


@app.command("rotate-office")
def rotate_office(slug: Annotated[str, typer.Argument(help="Office slug.")]) -> None:
    """Retire the office's current key and make a new one; earlier statements keep verifying."""
    from qualbridge.web.trust import commands

    _say(commands.rotate_office(slug))


@app.command("issuer-token")
def issuer_token(
    slug: Annotated[str, typer.Argument(help="Office slug.")],
    label: Annotated[str, typer.Option("--label", help="What the token is for.")] = "",
) -> None:
    """Make a bearer token that lets a program issue through the VC-API for the office."""
    from qualbridge.web.trust import commands

    _say(commands.issuer_token(slug, label))


@app.command("trust-add")
def trust_add(
    file: Annotated[Path, typer.Argument(help='Trust list file {"issuers": [...]}.')],
) -> None:
    """Add the issuers of a trust list file to this site's trust list."""
    from qualbridge.cli.statements import read_json
    from qualbridge.web.trust import commands

    _say(commands.trust_add(read_json(file, "trust list")))
