"""``qualbridge restore FILE``: put a backup back (database, uploads, keys), checked before any change."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from qualbridge.cli.backup import progress_bar
from qualbridge.cli.output import console


def register(app: typer.Typer) -> None:
    app.command("restore")(restore)


def restore(
    file: Annotated[Path, typer.Argument(help="A backup written by `qualbridge backup`.")],
    replace: Annotated[
        bool, typer.Option("--replace", help="Delete the users and cases already in the database first.")
    ] = False,
) -> None:
    """Restore a backup into the configured database, storage and key folder."""
    from qualbridge.web.backup import restore_backup

    with progress_bar() as bar:
        task = bar.add_task("restoring", total=None)
        manifest = restore_backup(
            file, replace, lambda name, done, total: bar.update(task, completed=done, total=total)
        )
    console.print(
        f"Restored the backup of {manifest['created_at']} ({len(manifest['files'])} members) from {file}.",
        highlight=False,
    )
