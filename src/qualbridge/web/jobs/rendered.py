"""A statement's PDF as the worker rendered it, read from the shared storage."""

from __future__ import annotations

import hashlib
import logging

from qualbridge.web.jobs.models import StatementFile
from qualbridge.web.storage import upload_storage

log = logging.getLogger("qualbridge.jobs")


def rendered_pdf(statement: object) -> bytes | None:
    """The stored PDF of ``statement``, or None when it is not rendered yet (or the file is damaged)."""
    found = StatementFile.objects.filter(statement=statement).first()
    if found is None:
        return None
    try:
        with upload_storage().open(found.stored_name, "rb") as handle:
            pdf: bytes = handle.read()
    except OSError:
        log.warning("rendered statement %s is missing from the storage", found.stored_name)
        return None
    if hashlib.sha256(pdf).hexdigest() != found.sha256:
        log.warning("rendered statement %s does not match its checksum", found.stored_name)
        return None
    return pdf
