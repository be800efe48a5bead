"""Institution lists imported on the web are validated in the background and kept in the shared
storage, so that every server matches against them and nothing lands on one server's own disk."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from qualbridge.institutions import loader
from qualbridge.paths import data_dir
from qualbridge.web.accounts.models import User
from qualbridge.web.cases.intake import match_institution
from qualbridge.web.jobs.models import InstitutionImport, Job, JobState
from qualbridge.web.storage import upload_storage

GOOD = (
    "country,name,name_en,recognition\n"
    "NP,Kathmandu Test Polytechnic,Kathmandu Test Polytechnic,recognised\n"
    "NP,Pokhara Test Institute of Nursing,Pokhara Test Institute of Nursing,unknown\n"
)
ONE_BAD = GOOD + "XX,Nowhere Test College,,recognised\n"


@pytest.fixture
def admin(users: dict[str, User]) -> Client:
    client = Client()
    client.force_login(users["admin"])
    return client


def _upload(client: Client, body: str, capture: Any, **fields: str) -> Any:
    with capture(execute=True):
        return client.post(
            "/staff/batch/institutions/",
            {"file": SimpleUploadedFile("np-list.csv", body.encode()), "format": "csv", **fields},
        )


def _forget_in_this_process() -> None:
    """What a second server is: a process that has not loaded the registry since the import."""
    loader._CACHE.clear()


def test_an_imported_list_is_matched_on_every_server_and_not_kept_on_local_disk(
    admin: Client, django_capture_on_commit_callbacks: Any
) -> None:
    assert match_institution("Kathmandu Test Polytechnic", "NP") == ""
    response = _upload(admin, GOOD, django_capture_on_commit_callbacks, name="np-list")
    assert response.status_code == 302
    job = Job.objects.get(task="qualbridge.import_institutions")
    assert job.state == JobState.SUCCEEDED and job.result["imported"] == 2
    record = InstitutionImport.objects.get(name="np-list")
    assert record.count == 2 and upload_storage().exists(record.stored_name)
    assert match_institution("Kathmandu Test Polytechnic", "NP") != ""
    _forget_in_this_process()
    assert match_institution("Pokhara Test Institute of Nursing", "NP") != ""
    assert not (data_dir() / "institutions").exists()
    page = admin.get("/staff/batch/institutions/").content.decode()
    assert "np-list" in page and "np-list.csv" in page


def test_importing_the_same_name_again_replaces_the_list(
    admin: Client, django_capture_on_commit_callbacks: Any
) -> None:
    _upload(admin, GOOD, django_capture_on_commit_callbacks, name="np-list")
    first = InstitutionImport.objects.get(name="np-list").stored_name
    smaller = "country,name\nNP,Biratnagar Test Academy\n"
    _upload(admin, smaller, django_capture_on_commit_callbacks, name="np-list")
    record = InstitutionImport.objects.get(name="np-list")
    assert record.count == 1 and not upload_storage().exists(first)
    assert match_institution("Biratnagar Test Academy", "NP") != ""
    assert match_institution("Kathmandu Test Polytechnic", "NP") == ""


def test_a_list_with_a_bad_row_is_refused_with_its_line_unless_good_rows_are_kept(
    admin: Client, django_capture_on_commit_callbacks: Any
) -> None:
    _upload(admin, ONE_BAD, django_capture_on_commit_callbacks, name="np-list")
    job = Job.objects.get(task="qualbridge.import_institutions")
    assert job.state == JobState.FAILED and "line 4" in job.error and "XX" in job.error
    assert not InstitutionImport.objects.exists()
    _upload(admin, ONE_BAD, django_capture_on_commit_callbacks, name="np-list", skip_bad="on")
    kept = Job.objects.filter(task="qualbridge.import_institutions", state=JobState.SUCCEEDED).get()
    assert kept.result["imported"] == 2 and len(kept.result["skipped"]) == 1
    assert InstitutionImport.objects.get(name="np-list").count == 2


def test_only_administrators_import_and_bad_uploads_are_named(
    admin: Client, users: dict[str, User], django_capture_on_commit_callbacks: Any
) -> None:
    for role in ("evaluator", "senior", "applicant"):
        client = Client()
        client.force_login(users[role])
        assert client.get("/staff/batch/institutions/").status_code == 404
        assert _upload(client, GOOD, django_capture_on_commit_callbacks).status_code == 404
    assert Client().get("/staff/batch/institutions/").status_code == 302  # to the login page
    empty = admin.post("/staff/batch/institutions/", {"format": "csv"})
    assert empty.status_code == 400 and "CSV or DEQAR JSON" in empty.content.decode()
    wrong = admin.post(
        "/staff/batch/institutions/", {"file": SimpleUploadedFile("a.csv", b"x"), "format": "xlsx"}
    )
    assert wrong.status_code == 400 and "format" in wrong.content.decode()
    assert not Job.objects.filter(task="qualbridge.import_institutions").exists()


def test_csrf_is_required(users: dict[str, User]) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["admin"])
    response = client.post(
        "/staff/batch/institutions/", {"file": SimpleUploadedFile("a.csv", GOOD.encode()), "format": "csv"}
    )
    assert response.status_code == 403


def test_the_assessment_sees_an_institution_imported_on_the_web(
    admin: Client, make_case: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from qualbridge.web.cases.actions import do_add_credential
    from qualbridge.web.cases.models import State
    from qualbridge.web.cases.prefill import assess

    case = make_case(State.DRAFT)
    do_add_credential(
        case.applicant, case, title="Diploma in Nursing", country="NP",
        institution="Kathmandu Test Polytechnic", awarded_year=2019,
    )  # fmt: skip
    assert not assess(case).summary["credentials"][1]["institution"].get("id")
    _upload(admin, GOOD, django_capture_on_commit_callbacks, name="np-list")
    found = assess(case).summary["credentials"][1]["institution"]
    assert found["id"] == "np/kathmandu-test-polytechnic" and found["status"] == "recognised"
    assert found["source_url"] == "upload:np-list.csv"
