"""Uploaded documents: checked by content, capped in size, stored outside the web root.

The type is read from the first bytes (PDF, JPEG, PNG only), never from the name or the browser's
``Content-Type``; the original name is kept only as a label, stripped of any path; the file is stored
in ``STORAGES["uploads"]`` (:mod:`qualbridge.web.storage`: the upload folder, or shared object storage
when several app servers run) with a random name, and its SHA-256 is recorded. Every refusal raises
:class:`UploadRejected` with a message for the applicant, before anything is written.
"""

from __future__ import annotations

import hashlib
import html
import re
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import IO, Any, Protocol

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParser
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from qualbridge.errors import QualbridgeError
from qualbridge.web.storage import upload_storage

#: magic bytes -> (content type, extension)
SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "application/pdf", "pdf"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
)
ALLOWED = ", ".join(("PDF", "JPEG", "PNG"))


class UploadRejected(QualbridgeError):
    code = "upload-rejected"


class UploadedFileLike(Protocol):
    name: str | None
    size: int | None

    def chunks(self, chunk_size: int | None = None) -> object: ...

    def read(self, size: int = -1) -> bytes: ...

    def seek(self, offset: int) -> object: ...


@dataclass(frozen=True)
class StoredUpload:
    original_name: str
    stored_name: str
    content_type: str
    size: int
    sha256: str


def clean_name(name: str | None) -> str:
    """The original file name as a label: no directories, no control characters; refused if it had a path."""
    raw = name or ""
    if not raw.strip():
        raise UploadRejected(_("The file has no name."))
    if "/" in raw or "\\" in raw or raw.startswith(".") or "\x00" in raw:
        raise UploadRejected(
            _("The file name %(name)s contains a path; give the file's own name.") % {"name": repr(raw)}
        )
    label = "".join(c for c in unicodedata.normalize("NFC", raw) if unicodedata.category(c)[0] != "C")
    return re.sub(r"\s+", " ", label).strip()[:200]


def sniff(head: bytes) -> tuple[str, str] | None:
    for magic, content_type, extension in SIGNATURES:
        if head.startswith(magic):
            return content_type, extension
    return None


def check(upload: UploadedFileLike) -> tuple[str, str, str]:
    """Validate without storing: (clean name, content type, extension)."""
    name = clean_name(upload.name)
    size = upload.size or 0
    limit = int(settings.UPLOAD_MAX_BYTES)
    if size == 0:
        raise UploadRejected(_("The file %(name)s is empty.") % {"name": name})
    if size > limit:
        raise UploadRejected(
            _("The file %(name)s is %(size)s MB; the limit is %(limit)s MB.")
            % {"name": name, "size": f"{size / 1e6:.1f}", "limit": f"{limit / 1e6:.0f}"}
        )
    upload.seek(0)
    found = sniff(upload.read(16))
    upload.seek(0)
    if found is None:
        raise UploadRejected(
            _("The file %(name)s is not a PDF, JPEG or PNG document (its content was checked, not its name).")
            % {"name": name}
        )
    return name, found[0], found[1]


def store(upload: UploadedFileLike) -> StoredUpload:
    """Check and store an upload; returns what the case record keeps."""
    name, content_type, extension = check(upload)
    stored_name = f"{secrets.token_hex(16)}.{extension}"
    digest = hashlib.sha256()
    size = 0
    for chunk in upload.chunks():  # type: ignore[attr-defined]
        digest.update(chunk)
        size += len(chunk)
    upload.seek(0)
    saved = upload_storage().save(stored_name, upload)
    if saved != stored_name:  # the storage renamed it (a clash of 128 random bits): keep nothing
        upload_storage().delete(saved)
        raise UploadRejected(_("The file could not be stored; send it again."))
    return StoredUpload(name, stored_name, content_type, size, digest.hexdigest())


def checked_name(stored_name: str) -> str:
    """The stored name, if it is one this module made (no traversal)."""
    if not re.fullmatch(r"[0-9a-f]{32}\.(pdf|jpg|png)", stored_name):
        raise UploadRejected(f"{stored_name!r} is not a stored document name.")
    return stored_name


def open_stored(stored_name: str) -> IO[bytes]:
    """The stored file, opened for reading, wherever the storage keeps it."""
    return upload_storage().open(checked_name(stored_name), "rb")  # type: ignore[no-any-return]


def discard(stored: StoredUpload) -> None:
    """Remove a stored file whose record could not be written."""
    upload_storage().delete(checked_name(stored.stored_name))


def verify(stored_name: str, sha256: str) -> bool:
    """Whether the stored file still has the recorded checksum."""
    digest = hashlib.sha256()
    with open_stored(stored_name) as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest() == sha256


class _PathAwareParser(MultiPartParser):
    """Django's parser, noting every file name that came with a path (Django strips it silently)."""

    def __init__(self, *args: Any, found: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.found = found

    def sanitize_file_name(self, file_name: str) -> str | None:
        raw = html.unescape(file_name)
        if "/" in raw or "\\" in raw:
            self.found.append(raw)
        return super().sanitize_file_name(file_name)  # type: ignore[no-any-return]


def notes_upload_paths(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Decorate an upload view so that :func:`refuse_paths` can refuse names that carried a path.

    The multipart body must be parsed by our parser, so the CSRF check (which would parse it first)
    runs inside this decorator, after the parser is installed: CSRF protection is unchanged.
    """
    protected = csrf_protect(view)

    @csrf_exempt
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        found: list[str] = []
        request.upload_paths = found  # type: ignore[attr-defined]

        def parse(meta: Any, post_data: Any) -> Any:
            parser = _PathAwareParser(meta, post_data, request.upload_handlers, request.encoding, found=found)
            return parser.parse()

        request.parse_file_upload = parse  # type: ignore[method-assign]
        return protected(request, *args, **kwargs)

    return wrapper


def refuse_paths(request: HttpRequest) -> None:
    """Raise UploadRejected if any uploaded file's name carried a path."""
    for raw in getattr(request, "upload_paths", []):
        raise UploadRejected(
            _("The file name %(name)s contains a path; give the file's own name.") % {"name": repr(raw)}
        )
