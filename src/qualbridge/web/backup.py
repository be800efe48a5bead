"""Back up and restore what an installation holds: the database, the uploads and the signing keys.

A backup is one ``.tar.gz`` (written 0600: it holds private keys) with a ``manifest.json`` listing
every member and its SHA-256, the database as Django fixtures (``database.json``, so a backup of
SQLite restores into PostgreSQL and back; the office signing keys are in it, encrypted under the
key-encryption key, which is not in the backup: keep ``QUALBRIDGE_KEY_ENCRYPTION_KEY`` apart from it),
the files of ``STORAGES["uploads"]`` (a folder or an object store) under ``uploads/``, and any files
of the key folder under ``keys/``. Restoring checks every
checksum before it changes anything, migrates, refuses a database that already holds cases unless
told to replace it, loads the fixtures (signal receivers see ``raw`` and enqueue no work) and puts
the files back.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from qualbridge import __version__
from qualbridge.errors import QualbridgeError

FORMAT = "qualbridge-backup/1"
#: tables rebuilt by ``migrate`` or of no value in a backup
EXCLUDED = ["contenttypes", "auth.permission", "sessions"]
Progress = Callable[[str, int, int], None]


class BackupError(QualbridgeError):
    code = "backup-invalid"


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qualbridge.web.settings")
    import django

    django.setup()


def _walk(storage: Any, folder: str = "") -> Iterator[str]:
    directories, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}{name}"
    for name in directories:
        yield from _walk(storage, f"{folder}{name}/")


def _add(archive: tarfile.TarFile, name: str, data: bytes, manifest: dict[str, Any]) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(data), 0o600, int(datetime.now(UTC).timestamp())
    archive.addfile(info, io.BytesIO(data))
    manifest["files"][name] = hashlib.sha256(data).hexdigest()


def _dump_database() -> bytes:
    from django.core.management import call_command

    with tempfile.NamedTemporaryFile(suffix=".qualbridge-json") as out:
        call_command(
            "dumpdata",
            exclude=EXCLUDED,
            natural_foreign=True,
            format="qualbridge-json",
            output=out.name,
            verbosity=0,
        )
        return Path(out.name).read_bytes()


def create_backup(target: Path, progress: Progress | None = None) -> dict[str, Any]:
    """Write the backup to ``target``; returns its manifest."""
    _setup()
    from django.conf import settings
    from django.db import connection

    from qualbridge.web.storage import describe, upload_storage

    if target.exists():
        raise BackupError(f"{target} exists already; give a new file name (nothing is overwritten).")
    if "cases_case" not in connection.introspection.table_names():
        raise BackupError(
            f"The database ({connection.settings_dict['NAME']}) has no qualbridge tables yet: nothing to "
            "back up (is DATABASE_URL or QUALBRIDGE_DATA_DIR the one of the installation?)."
        )
    storage = upload_storage()
    names = sorted(n for n in _walk(storage) if not n.startswith("readyz/"))
    key_dir = Path(settings.KEY_DIR)
    keys = sorted(p for p in key_dir.iterdir() if p.is_file()) if key_dir.is_dir() else []
    total, step = 1 + len(names) + len(keys), 0
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "qualbridge": __version__,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": connection.vendor,
        "uploads_from": describe(),
        "files": {},
    }
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
        _add(archive, "database.json", _dump_database(), manifest)
        step += 1
        if progress:
            progress("database", step, total)
        for name in names:
            with storage.open(name, "rb") as handle:
                _add(archive, f"uploads/{name}", handle.read(), manifest)
            step += 1
            if progress:
                progress(name, step, total)
        for path in keys:
            _add(archive, f"keys/{path.name}", path.read_bytes(), manifest)
            step += 1
            if progress:
                progress(path.name, step, total)
        _add(archive, "manifest.json", json.dumps(manifest, indent=2).encode(), {"files": {}})
    return manifest


def _read(source: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    """Every member of the backup, checked against the manifest."""
    if not source.is_file():
        raise BackupError(f"No backup file at {source}.")
    try:
        with tarfile.open(source, "r:gz") as archive:
            members: dict[str, bytes] = {}
            for member in archive.getmembers():
                if not member.isfile() or member.name.startswith("/") or ".." in member.name.split("/"):
                    raise BackupError(
                        f"{source}: unexpected member {member.name!r}; not a qualbridge backup."
                    )
                handle = archive.extractfile(member)
                members[member.name] = handle.read() if handle else b""
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise BackupError(f"{source} is not a readable .tar.gz backup: {exc}.") from None
    try:
        manifest = json.loads(members.pop("manifest.json"))
    except (KeyError, ValueError):
        raise BackupError(f"{source} has no readable manifest.json; not a qualbridge backup.") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{source} is a backup of format {manifest.get('format')!r}; expected {FORMAT}.")
    if set(members) != set(manifest["files"]):
        raise BackupError(f"{source}: its members do not match its manifest (a damaged or edited backup).")
    for name, data in members.items():
        if hashlib.sha256(data).hexdigest() != manifest["files"][name]:
            raise BackupError(f"{source}: {name} does not match its checksum (a damaged backup).")
    return manifest, members


def restore_backup(source: Path, replace: bool = False, progress: Progress | None = None) -> dict[str, Any]:
    """Restore ``source`` into the configured database, storage and key folder."""
    manifest, members = _read(source)
    _setup()
    from django.conf import settings
    from django.core.files.base import ContentFile
    from django.core.management import call_command

    from qualbridge.web.cases.models import Case
    from qualbridge.web.storage import upload_storage

    call_command("migrate", verbosity=0, interactive=False)
    from qualbridge.web.accounts.models import User

    if (Case.objects.exists() or User.objects.exists()) and not replace:
        raise BackupError(
            "The database already holds users or cases; restoring would mix two installations. "
            "Restore into an empty database, or give --replace to delete what is there first."
        )
    if replace:
        call_command("flush", verbosity=0, interactive=False)
    files = [n for n in members if n != "database.json"]
    total, step = 1 + len(files), 0
    with tempfile.NamedTemporaryFile(suffix=".qualbridge-json") as fixture:
        fixture.write(members["database.json"])
        fixture.flush()
        call_command("loaddata", fixture.name, verbosity=0)
    step += 1
    if progress:
        progress("database", step, total)
    storage, key_dir = upload_storage(), Path(settings.KEY_DIR)
    for name in files:
        data = members[name]
        if name.startswith("uploads/"):
            stored = name.removeprefix("uploads/")
            if storage.exists(stored):
                storage.delete(stored)
            storage.save(stored, ContentFile(data))
        elif name.startswith("keys/"):
            key_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            path = key_dir / Path(name).name
            path.unlink(missing_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out:
                out.write(data)
        step += 1
        if progress:
            progress(name, step, total)
    return manifest
