"""``qualbridge backup`` and ``restore``: the database, uploads and keys come back, checked."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from qualbridge.web.accounts.models import User
from qualbridge.web.audit.chain import verify_chain
from qualbridge.web.audit.models import AuditEvent
from qualbridge.web.backup import BackupError, create_backup, restore_backup
from qualbridge.web.cases.models import Case, State, Statement
from qualbridge.web.jobs.models import Job
from qualbridge.web.keys import office_key
from qualbridge.web.uploads import verify

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_backup_restores_into_an_empty_installation(
    tmp_path: Path, settings: Any, make_case: Callable[..., Case], users: dict[str, User]
) -> None:
    case = make_case(State.DECIDED)
    statement = Statement.objects.get(case=case)
    document = case.documents.get(kind="diploma")
    signing_key = office_key(case.office).did
    events, jobs = AuditEvent.objects.count(), Job.objects.count()
    archive = tmp_path / "backup.tar.gz"
    manifest = create_backup(archive)
    assert oct(archive.stat().st_mode & 0o777) == "0o600"
    assert f"uploads/{document.stored_name}" in manifest["files"]
    with pytest.raises(BackupError, match="exists already"):
        create_backup(archive)

    call_command("flush", verbosity=0, interactive=False)  # the machine is lost
    for path in Path(settings.UPLOAD_DIR).rglob("*"):
        if path.is_file():
            path.unlink()

    restore_backup(archive)
    restored = Case.objects.get(reference=case.reference)
    assert restored.state == State.DECIDED and restored.applicant.username == "ana"
    assert Statement.objects.get(case=restored).signed == statement.signed
    assert verify(document.stored_name, document.sha256)
    assert office_key(restored.office).did == signing_key  # the encrypted key, under the same KEK
    assert AuditEvent.objects.count() == events and verify_chain() == []
    assert Job.objects.count() == jobs  # loading the events enqueued no new work
    assert User.objects.get(username="ana").check_password("correct horse battery")

    with pytest.raises(BackupError, match="already holds users or cases"):
        restore_backup(archive)
    restore_backup(archive, replace=True)
    assert Case.objects.filter(reference=case.reference).count() == 1


def test_a_damaged_backup_is_refused_before_anything_changes(
    tmp_path: Path, make_case: Callable[..., Case]
) -> None:
    make_case(State.SUBMITTED)
    good = tmp_path / "good.tar.gz"
    create_backup(good)
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(good) as src, tarfile.open(damaged, "w:gz") as out:
        for member in src.getmembers():
            data = src.extractfile(member).read()  # type: ignore[union-attr]
            if member.name == "database.json":
                data = data.replace(b"ana", b"eve")
            import io

            member.size = len(data)
            out.addfile(member, io.BytesIO(data))
    cases = Case.objects.count()
    with pytest.raises(BackupError, match="does not match its checksum"):
        restore_backup(damaged, replace=True)
    assert Case.objects.count() == cases
    with pytest.raises(BackupError, match="not a readable"):
        (tmp_path / "junk.tar.gz").write_bytes(b"junk")
        restore_backup(tmp_path / "junk.tar.gz")


def test_the_cli_backs_up_and_refuses_to_overwrite(tmp_path: Path) -> None:
    env = {**os.environ, "QUALBRIDGE_DATA_DIR": str(tmp_path / "data")}
    env.pop("DATABASE_URL", None)
    qualbridge = [str(Path(sys.executable).parent / "qualbridge")]
    target = tmp_path / "b.tar.gz"
    empty = subprocess.run([*qualbridge, "backup", str(target)], env=env, capture_output=True, text=True)
    assert empty.returncode == 2 and "no qualbridge tables yet" in empty.stderr and not target.exists()
    target.write_bytes(b"an earlier backup")
    again = subprocess.run([*qualbridge, "backup", str(target)], env=env, capture_output=True, text=True)
    assert again.returncode == 2 and "exists already" in again.stderr and "Traceback" not in again.stderr
