"""``qualbridge backup FILE``: the database, the uploads and the keys in one archive (see restore)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from qualbridge.cli.output import console


def register(app: typer.Typer) -> None:
    app.command("backup")(backup)


def progress_bar() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=Console(stderr=True)
    )


def backup(
    file: Annotated[Path, typer.Argument(help="The archive to write (.tar.gz); it must not exist yet.")],
) -> None:
    """Back up the web app's database, uploaded documents and signing keys into FILE (mode 0600)."""
    from qualbridge.web.backup import create_backup

    with progress_bar() as bar:
        task = bar.add_task("backing up", total=None)
        manifest = create_backup(
            file, lambda name, done, total: bar.update(task, completed=done, total=total)
        )
    files = manifest["files"]
    uploads = sum(1 for n in files if n.startswith("uploads/"))
    keys = sum(1 for n in files if n.startswith("keys/"))
    console.print(
        f"Backed up the {manifest['database']} database, {uploads} stored file(s) and {keys} key file(s) "
        f"to {file}. It holds private keys: keep it safe.",
        highlight=False,
    )
