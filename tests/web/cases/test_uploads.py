"""Uploads: type from the content, size capped, no paths, no empty files; refused with a message, nothing stored."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from qualbridge.web.accounts.models import User
from qualbridge.web.cases.models import Case, Document, State
from qualbridge.web.uploads import store, verify

from .conftest import PDF, PNG

pytestmark = pytest.mark.django_db
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64
MZ = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


def stored_files(settings: object) -> list[Path]:
    folder = Path(settings.UPLOAD_DIR)  # type: ignore[attr-defined]
    return sorted(folder.iterdir()) if folder.exists() else []


def multipart(fields: dict[str, str], filename: str, content: bytes) -> tuple[bytes, str]:
    """A raw multipart body, so the file name reaches the server exactly as given (browsers may send paths)."""
    boundary = "qualbridgeBoundary"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
        f"Content-Type: application/pdf\r\n\r\n".encode()
        + content
        + b"\r\n"
    )
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("diploma.pdf", ELF, "is not a PDF, JPEG or PNG"),
        ("scan.png", MZ, "is not a PDF, JPEG or PNG"),
        ("../../etc/diploma.pdf", PDF, "contains a path"),
        ("C:\\\\Users\\\\me\\\\diploma.pdf", PDF, "contains a path"),
        ("empty.pdf", b"", "is empty"),
    ],
)
def test_bad_uploads_are_refused_with_a_message_and_nothing_is_stored(
    client: Client,
    users: dict[str, User],
    make_case: Callable[..., Case],
    settings: object,
    name: str,
    content: bytes,
    message: str,
) -> None:
    case = make_case(State.DRAFT)
    files_before, docs_before = stored_files(settings), Document.objects.count()
    client.force_login(users["applicant"])
    body, content_type = multipart({"kind": "diploma"}, name, content)
    response = client.post(f"/cases/{case.pk}/documents/", body, content_type=content_type)
    assert response.status_code == 302
    text = client.get(response["Location"]).content.decode()
    assert message in text
    assert stored_files(settings) == files_before and Document.objects.count() == docs_before


def test_new_application_with_a_path_in_the_name_is_refused(
    client: Client, users: dict[str, User], office: object, settings: object
) -> None:
    client.force_login(users["applicant"])
    fields = {
        "office": str(office.pk),
        "purpose": "employment",
        "title": "BA",
        "country": "JP",  # type: ignore[attr-defined]
        "institution": "X",
        "kind": "diploma",
    }
    body, content_type = multipart(fields, "/home/me/diploma.pdf", PDF)
    page = client.post("/cases/new/", body, content_type=content_type).content.decode()
    assert "contains a path" in page
    assert not Case.objects.exists() and stored_files(settings) == []


def test_upload_view_still_checks_csrf(
    users: dict[str, User], make_case: Callable[..., Case], settings: object
) -> None:
    case = make_case(State.DRAFT)
    before = stored_files(settings)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(users["applicant"])
    body, content_type = multipart({"kind": "diploma"}, "d.pdf", PDF)
    assert strict.post(f"/cases/{case.pk}/documents/", body, content_type=content_type).status_code == 403
    assert stored_files(settings) == before


def test_uploaded_name_is_only_a_label(
    users: dict[str, User], make_case: Callable[..., Case], client: Client
) -> None:
    case = make_case(State.DRAFT)
    client.force_login(users["applicant"])
    body, content_type = multipart({"kind": "other"}, "résumé\u0007 final.pdf", PDF)
    client.post(f"/cases/{case.pk}/documents/", body, content_type=content_type)
    document = case.documents.get(kind="other")
    assert document.original_name == "résumé final.pdf" and document.stored_name.endswith(".pdf")


def test_an_oversized_file_is_refused(
    client: Client, users: dict[str, User], make_case: Callable[..., Case], settings: object
) -> None:
    settings.UPLOAD_MAX_BYTES = 1000  # type: ignore[attr-defined]
    case = make_case(State.DRAFT)
    before = stored_files(settings)
    client.force_login(users["applicant"])
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * 2000)
    text = client.post(
        f"/cases/{case.pk}/documents/", {"kind": "diploma", "file": big}, follow=True
    ).content.decode()
    assert "the limit is" in text
    assert stored_files(settings) == before


def test_a_good_png_is_stored_under_a_random_name_with_its_checksum(settings: object) -> None:
    import hashlib

    stored = store(SimpleUploadedFile("scan.PNG", PNG))
    assert stored.content_type == "image/png" and stored.original_name == "scan.PNG"
    assert stored.stored_name.endswith(".png") and "scan" not in stored.stored_name
    path = Path(settings.UPLOAD_DIR) / stored.stored_name  # type: ignore[attr-defined]
    assert path.read_bytes() == PNG and stored.sha256 == hashlib.sha256(PNG).hexdigest()
    assert verify(stored.stored_name, stored.sha256)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    static_root = Path(settings.STATIC_ROOT).resolve()  # type: ignore[attr-defined]
    assert static_root not in path.resolve().parents


def test_upload_refused_after_submission_is_decided(
    client: Client, users: dict[str, User], make_case: Callable[..., Case], settings: object
) -> None:
    case = make_case(State.IN_ASSESSMENT)
    before = stored_files(settings)
    client.force_login(users["applicant"])
    text = client.post(
        f"/cases/{case.pk}/documents/",
        {"kind": "other", "file": SimpleUploadedFile("a.pdf", PDF)},
        follow=True,
    ).content.decode()
    assert "this needs it to be" in text
    assert stored_files(settings) == before
