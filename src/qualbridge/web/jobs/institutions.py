"""Institution lists imported through the web, kept in the shared storage so that every server sees them.

An administrator uploads a CSV (the columns of :mod:`qualbridge.institutions.importers`) or a DEQAR
JSON export on the staff page; the file goes to the shared storage and :func:`import_institutions`
validates it in the background with the core's importer (as ``qualbridge institutions import`` does),
then keeps the validated list as YAML in the shared storage and records an :class:`InstitutionImport`.
The casework matches institutions against :func:`shared_institutions`, the core's registry with the
imports of :class:`SharedImportStore`: its version is the latest import, so a list imported on one
server is matched on every other at its next look-up, with nothing written to a server's own disk.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from typing import Any

from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction
from django.db.models import Count, Max

from qualbridge.errors import QualbridgeError
from qualbridge.institutions.importers import read_text
from qualbridge.institutions.loader import InstitutionRegistry, dump_yaml, get_institutions, parse_yaml
from qualbridge.institutions.models import InstitutionFile
from qualbridge.registry.models import Source
from qualbridge.web.jobs.models import InstitutionImport, Job
from qualbridge.web.jobs.queue import PermanentFailure, job_task, progress
from qualbridge.web.storage import upload_storage

MAX_BYTES = 20 * 1024 * 1024
#: the file formats an upload may have, by the extension it is stored under
EXTENSIONS = {"csv": "csv", "deqar": "json"}
#: bad rows named in a failed job's message
SHOWN_PROBLEMS = 20


def upload_name(token: str, fmt: str) -> str:
    return f"imports/{token}.{EXTENSIONS[fmt]}"


@job_task("import_institutions")
def import_institutions(
    job: Job, token: str, fmt: str, name: str, filename: str, skip_bad: bool
) -> dict[str, Any]:
    """Validate the uploaded list and keep it as the import ``name`` (replacing an earlier one)."""
    storage = upload_storage()
    try:
        with storage.open(upload_name(token, fmt), "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise PermanentFailure(f"the uploaded file {filename} is no longer stored") from None
    try:
        result = read_text(raw.decode("utf-8-sig"), fmt)
    except UnicodeDecodeError:
        raise PermanentFailure(f"{filename} is not UTF-8 text") from None
    except QualbridgeError as exc:
        raise PermanentFailure(str(exc)) from None
    problems = [str(p) for p in result.problems]
    if problems and not skip_bad:
        shown = "; ".join(problems[:SHOWN_PROBLEMS])
        more = f" and {len(problems) - SHOWN_PROBLEMS} more" if len(problems) > SHOWN_PROBLEMS else ""
        raise PermanentFailure(f"{len(problems)} bad row(s), nothing imported: {shown}{more}")
    if not result.institutions:
        raise PermanentFailure(f"{filename} holds no institution")
    progress(job, 0, len(result.institutions))
    source = Source(url=f"upload:{filename}", title=f"import of {filename}", consulted=dt.date.today())
    data = InstitutionFile(sources={"import": source}, source="import", institutions=result.institutions)
    body = dump_yaml(data).encode("utf-8")
    digest = hashlib.sha256(body).hexdigest()
    stored = storage.save(f"institutions/{name}-{digest[:16]}.yaml", ContentFile(body))
    with transaction.atomic():
        earlier = InstitutionImport.objects.select_for_update().filter(name=name).first()
        replaced = earlier.stored_name if earlier is not None and earlier.stored_name != stored else None
        InstitutionImport.objects.update_or_create(
            name=name,
            defaults={
                "stored_name": stored,
                "sha256": digest,
                "count": len(result.institutions),
                "filename": filename[:200],
                "imported_by": job.created_by,
            },
        )
    if replaced:
        transaction.on_commit(lambda: storage.delete(replaced))
    progress(job, len(result.institutions), len(result.institutions))
    return {"name": name, "imported": len(result.institutions), "skipped": problems[:SHOWN_PROBLEMS]}


class SharedImportStore:
    """The core registry's view of the imports in the shared storage (see the module's docstring)."""

    def version(self) -> str:
        try:
            latest = InstitutionImport.objects.aggregate(n=Count("pk"), last=Max("imported_at"))
        except DatabaseError:  # no table yet (before ``migrate``): no imports to read
            return "no-table"
        return f"{latest['n']}:{latest['last']}"

    def files(self) -> Iterable[tuple[str, InstitutionFile]]:
        storage = upload_storage()
        found: list[tuple[str, InstitutionFile]] = []
        for record in InstitutionImport.objects.order_by("imported_at", "name"):
            with storage.open(record.stored_name, "rb") as handle:
                found.append(
                    (f"import:{record.name}", parse_yaml(handle.read().decode("utf-8"), record.stored_name))
                )
        return found


def shared_institutions() -> InstitutionRegistry:
    """The shipped institutions with every list imported on any server of this site."""
    return get_institutions(SharedImportStore())
