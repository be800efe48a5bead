"""Where uploaded documents and rendered statements are kept: Django's ``STORAGES["uploads"]``.

On one machine that is :class:`UploadFolderStorage`, a folder in the data directory outside any
served path (``settings.UPLOAD_DIR``, read on every use so a test or a deployment can move it); on
several machines it is S3-compatible object storage through django-storages, chosen in
:mod:`qualbridge.web.settings_services`. Code reads and writes through :func:`upload_storage` only,
so a document uploaded through one app server opens on every other.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages


class UploadFolderStorage(FileSystemStorage):
    """The upload folder: files 0600, folders 0700, never served by URL."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("file_permissions_mode", 0o600)
        kwargs.setdefault("directory_permissions_mode", 0o700)
        super().__init__(**kwargs)  # type: ignore[arg-type]

    @property  # type: ignore[override]
    def base_location(self) -> str:
        return str(settings.UPLOAD_DIR)

    @property  # type: ignore[override]
    def location(self) -> str:
        path = Path(os.path.abspath(self.base_location))
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        return str(path)

    def url(self, name: str | None) -> str:
        raise ValueError(
            "uploaded documents have no public address; they are served by permission-checked views"
        )


def upload_storage() -> Storage:
    return storages["uploads"]


def describe() -> str:
    """Where uploads go, for the operator (``/readyz``, ``qualbridge backup``)."""
    storage = upload_storage()
    if isinstance(storage, FileSystemStorage):
        return f"folder {storage.location}"
    bucket = getattr(storage, "bucket_name", "?")
    return f"object storage bucket {bucket} at {getattr(storage, 'endpoint_url', None) or 'AWS'}"
