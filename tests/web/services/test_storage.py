"""Uploads go through STORAGES: the upload folder by default, S3-compatible storage when configured."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client

from qualbridge.web.accounts.models import User
from qualbridge.web.cases.models import Case, State
from qualbridge.web.storage import describe, upload_storage
from qualbridge.web.uploads import UploadRejected, open_stored, store, verify
from tests.web.cases.conftest import PDF, pdf_upload
from tests.web.services.conftest import free_port


@pytest.fixture
def s3(settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """An S3-compatible server (moto) on 127.0.0.1 with a bucket, and STORAGES pointing at it."""
    import boto3
    from moto.server import ThreadedMotoServer

    port = free_port(8210)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    for name, value in (("AWS_ACCESS_KEY_ID", "test"), ("AWS_SECRET_ACCESS_KEY", "test")):
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    client.create_bucket(Bucket="qualbridge-test")
    backend = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "qualbridge-test",
            "endpoint_url": endpoint,
            "region_name": "us-east-1",
            "location": "uploads",
            "default_acl": None,
            "file_overwrite": False,
        },
    }
    settings.STORAGES = {**settings.STORAGES, "default": backend, "uploads": backend}
    try:
        yield client
    finally:
        server.stop()


def test_an_upload_lands_in_the_object_store_and_is_served_from_it(
    s3: Any, make_case: Callable[..., Case], users: dict[str, User], django_capture_on_commit_callbacks: Any
) -> None:
    assert describe().startswith("object storage bucket qualbridge-test")
    case = make_case(State.DRAFT)
    document = case.documents.get()
    listed = s3.list_objects_v2(Bucket="qualbridge-test", Prefix="uploads/")["Contents"]
    assert [o["Key"] for o in listed] == [f"uploads/{document.stored_name}"]
    body = s3.get_object(Bucket="qualbridge-test", Key=f"uploads/{document.stored_name}")["Body"].read()
    assert body == PDF and verify(document.stored_name, document.sha256)
    client = Client()
    client.force_login(users["applicant"])
    download = client.get(f"/cases/{case.pk}/documents/{document.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    with open_stored(document.stored_name) as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == document.sha256
    ready = Client().get("/readyz").json()
    assert ready["checks"]["storage"]["ok"] is True


def test_the_object_store_being_down_makes_the_server_not_ready(s3: Any, settings: Any, db: None) -> None:
    settings.STORAGES["uploads"]["OPTIONS"]["endpoint_url"] = f"http://127.0.0.1:{free_port(8245)}"
    settings.STORAGES = dict(settings.STORAGES)
    response = Client().get("/readyz")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["storage"]["ok"] is False and checks["database"]["ok"] is True


def test_by_default_uploads_go_to_the_private_upload_folder(db: None, settings: Any) -> None:
    stored = store(pdf_upload())
    path = settings.UPLOAD_DIR / stored.stored_name
    assert path.read_bytes() == PDF and oct(path.stat().st_mode & 0o777) == "0o600"
    assert describe() == f"folder {settings.UPLOAD_DIR}"
    with pytest.raises(ValueError, match="no public address"):
        upload_storage().url(stored.stored_name)
    with pytest.raises(UploadRejected):
        open_stored("../../secret_key")
