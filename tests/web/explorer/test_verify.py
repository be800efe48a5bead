"""Verification on the page and through the API: valid, tampered, revoked, and a QR-code link."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from qualbridge.web.explorer import status
from tests.web.explorer.statements import documents, provider, trust

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _published_lists() -> Iterator[None]:
    status.set_status_list_provider(provider)
    status.set_trust_list_provider(trust)
    yield
    status.set_status_list_provider(None)
    status.set_statement_provider(None)
    status.set_trust_list_provider(None)


def verify_page(client: Client, doc: object, lang: str = "en") -> str:
    response = client.post("/verify", {"statement": json.dumps(doc)}, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200
    return response.content.decode()


def failed_checks(body: str) -> list[str]:
    import re

    return re.findall(r'<li class="fail" data-check="([^"]+)"', body)


def test_a_valid_statement_passes_every_check(client: Client) -> None:
    body = verify_page(client, documents()["valid"])
    assert 'data-state="valid"' in body and failed_checks(body) == []
    assert body.count('<li class="pass"') == 6


def test_a_tampered_statement_is_shown_as_altered(client: Client) -> None:
    body = verify_page(client, documents()["tampered"])
    assert 'data-state="tampered"' in body and "signature" in failed_checks(body)
    assert "altered since it was signed" in body


def test_a_revoked_statement_is_shown_as_revoked(client: Client) -> None:
    body = verify_page(client, documents()["revoked"])
    assert 'data-state="revoked"' in body and failed_checks(body) == ["status"]
    assert "The issuer has revoked this statement" in body
    ja = verify_page(client, documents()["revoked"], lang="ja")
    assert "取り消し済み" in ja


def test_without_the_status_list_the_status_is_unchecked_not_valid(client: Client) -> None:
    status.set_status_list_provider(None)
    body = verify_page(client, documents()["valid"])
    assert 'data-state="unchecked-status"' in body
    uploaded = client.post(
        "/verify",
        {
            "statement_file": SimpleUploadedFile("s.json", json.dumps(documents()["valid"]).encode()),
            "status_list": json.dumps(documents()["status_list"]),
        },
    ).content.decode()
    assert 'data-state="valid"' in uploaded


def test_not_json_is_reported_beside_the_form(client: Client) -> None:
    response = client.post("/verify", {"statement": "{not json"})
    body = response.content.decode()
    assert response.status_code == 200 and "not a JSON document" in body and "data-state" not in body


def test_a_qr_code_link_opens_the_published_statement(client: Client) -> None:
    doc = documents()["valid"]
    status.set_statement_provider(lambda ref: doc if ref == doc["id"] else None)
    assert 'data-state="valid"' in client.get("/verify", {"id": doc["id"]}).content.decode()
    missing = client.get("/verify", {"id": "urn:uuid:nothing"}).content.decode()
    assert "No statement with this reference" in missing


def test_api_reports_the_same_checklist(client: Client) -> None:
    for name, state in [("valid", "valid"), ("tampered", "tampered"), ("revoked", "revoked")]:
        response = client.post(
            "/api/v1/statements/verify", {"statement": documents()[name]}, content_type="application/json"
        )
        body = response.json()
        assert (
            response.status_code == 200 and body["state"] == state and body["verified"] is (state == "valid")
        )
        assert [c["check"] for c in body["checks"]] == [
            "structure", "contexts", "signature", "issuer-key", "status", "validity-period"
        ]  # fmt: skip


def test_api_accepts_a_status_list_in_the_request(client: Client) -> None:
    status.set_status_list_provider(None)
    payload = {"statement": documents()["revoked"], "status_lists": [documents()["status_list"]]}
    body = client.post("/api/v1/statements/verify", payload, content_type="application/json").json()
    assert body["state"] == "revoked"


def test_hostile_documents_never_crash(client: Client) -> None:
    for doc in [
        {},
        {"@context": [1, {"@vocab": None}]},
        {"@context": "https://evil.example/ctx"},
        {"proof": []},
    ]:
        response = client.post(
            "/api/v1/statements/verify", {"statement": doc}, content_type="application/json"
        )
        assert response.status_code == 200 and response.json()["verified"] is False


def test_status_lists_resolve_only_from_this_sites_status_path() -> None:
    assert status.status_list_path("https://nic.example/status/nic-japan/revocation") == (
        "nic-japan",
        "revocation",
    )
    assert status.status_list_path("https://nic.example/lists/3") is None
    assert status.resolve_status_list("https://elsewhere.example/lists/3") is None
    status.set_status_list_provider(None)
    # the casework defaults: an office that does not exist has no list, an unknown id no statement
    assert status.resolve_status_list("https://nic.example/status/no-such-office/revocation") is None
    assert status.published_statement("urn:uuid:00000000-0000-0000-0000-000000000000") is None


def test_a_statement_issued_by_an_office_verifies_against_its_published_list(client: Client) -> None:
    """The casework app's own status list (``/status/<office>/revocation``) is found without any setup."""
    from qualbridge.statements.issue import issue_credential
    from qualbridge.statements.statuslist import StatusEntry
    from qualbridge.web.accounts.models import Office
    from qualbridge.web.cases.issuance import status_list_url
    from qualbridge.web.keys import issuer_of, office_key, signing_method
    from qualbridge.web.trust.keystore import create_office_key

    status.set_status_list_provider(None)
    status.set_trust_list_provider(None)  # the site's own trust list: its offices
    office = Office.objects.create(
        slug="nic-test", name_en="NIC test", name_ja="NIC テスト", policy="nic-japan"
    )
    create_office_key(office)
    key = office_key(office)
    doc = issue_credential(
        {"id": "did:example:holder", "qualificationType": "jp/gakushi"},
        key,
        issuer_of(office),
        StatusEntry(status_list_url(office), 5),
        verification_method=signing_method(office),
        valid_from="2026-01-01T00:00:00Z",
    )
    body = verify_page(client, doc)
    assert 'data-state="valid"' in body, failed_checks(body)
