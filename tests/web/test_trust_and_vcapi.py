"""Office keys and did:web, the published context, the VC-API, and a valid, honest OpenAPI document."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from openapi_spec_validator import validate

from qualbridge.statements.documentloader import QUALBRIDGE_V1, context_bytes
from qualbridge.statements.errors import InvalidKey
from qualbridge.statements.issue import issue_credential
from qualbridge.statements.multikey import KeyPair
from qualbridge.statements.verify import verify_credential
from qualbridge.web.accounts.models import Office
from qualbridge.web.keys import MissingOfficeKey, issuer_of, office_key, signing_method
from qualbridge.web.trust import commands
from qualbridge.web.trust.did import office_did, site_trust_list
from qualbridge.web.trust.keystore import create_office_key, decrypt, rotate_office_key
from qualbridge.web.trust.models import OfficeKey

pytestmark = pytest.mark.django_db
CLAIMS = {"id": "did:example:holder", "qualificationType": "jp/gakushi"}


@pytest.fixture
def office() -> Office:
    made = Office.objects.create(
        slug="nic", name_en="NIC test office", name_ja="NIC試験機関", policy="jp-nic"
    )
    create_office_key(made)
    return made


def by(office: Office) -> dict[str, Any]:
    return issue_credential(
        CLAIMS, office_key(office), issuer_of(office), verification_method=signing_method(office)
    )


def test_keys_are_provisioned_never_created_on_first_use_and_stored_encrypted(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    bare = Office.objects.create(slug="bare", name_en="Bare", name_ja="無", policy="jp-nic")
    with pytest.raises(MissingOfficeKey, match="create-office bare"):
        office_key(bare)
    assert not OfficeKey.objects.filter(office=bare).exists()
    row = OfficeKey.objects.get(office=office)
    seed = office_key(office).secret_key_multibase
    assert seed and seed not in row.encrypted_secret
    with pytest.raises(InvalidKey):
        create_office_key(office)  # never a second first key: rotate instead
    monkeypatch.setenv("QUALBRIDGE_KEY_ENCRYPTION_KEY", "another key-encryption key")
    with pytest.raises(InvalidKey, match="cannot be decrypted"):
        decrypt(row)
    monkeypatch.delenv("QUALBRIDGE_KEY_ENCRYPTION_KEY")
    monkeypatch.setenv("QUALBRIDGE_ENV", "production")
    with pytest.raises(InvalidKey, match="must come"):
        office_key(office)


def test_rotation_keeps_earlier_statements_verifiable_and_the_did_document_lists_both(
    client: Client, office: Office
) -> None:
    before = by(office)
    old_key = office_key(office)
    rotate_office_key(office)
    assert office_key(office) != old_key and signing_method(office).endswith("#key-2")
    after = by(office)
    trust = site_trust_list()
    assert verify_credential(before, trust=trust).ok and verify_credential(after, trust=trust).ok
    response = client.get("/offices/nic/did.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/did+json"
    doc = response.json()
    assert doc["id"] == office_did(office)
    methods = {m["id"].rsplit("#", 1)[1]: m for m in doc["verificationMethod"]}
    assert (
        set(methods) == {"key-1", "key-2"}
        and "revoked" in methods["key-1"]
        and "revoked" not in methods["key-2"]
    )
    assert methods["key-1"]["publicKeyMultibase"] == old_key.public_key_multibase
    assert client.get("/offices/nobody/did.json").status_code == 404


def test_the_cli_commands_provision_rotate_and_trust(office: Office, tmp_path: Any) -> None:
    Office.objects.create(slug="enic", name_en="ENIC", name_ja="ENIC", policy="gb-enic")
    assert "key-1" in " ".join(commands.create_office("enic"))
    assert "key-2" in " ".join(commands.rotate_office("enic"))
    foreign = KeyPair.generate()
    lines = commands.trust_add(
        {"issuers": [{"id": foreign.did, "name": {"en": "Foreign NIC", "ja": "外国NIC"}, "country": "kr"}]}
    )
    assert "Foreign NIC" in lines[0]
    signed = issue_credential(CLAIMS, foreign, foreign.did)
    result = verify_credential(signed, trust=site_trust_list())
    assert result.ok  # an issuer the administrator added is trusted with its own did:key
    with pytest.raises(commands.UnknownOffice, match="nic"):
        commands.create_office("nope")


def test_the_statement_context_is_published_as_json_ld_and_immutable(client: Client) -> None:
    response = client.get("/contexts/statement/v1.jsonld")
    assert response.status_code == 200 and response["Content-Type"] == "application/ld+json"
    assert response.content == context_bytes(QUALBRIDGE_V1) and "immutable" in response["Cache-Control"]


def test_a_forged_statement_naming_the_office_is_not_authentic_on_the_page_or_the_api(
    client: Client, office: Office
) -> None:
    forger = KeyPair.generate()
    forged = issue_credential(CLAIMS, forger, forger.did, name=office.name_en)
    page = client.post("/verify", {"statement": json.dumps(forged)}).content.decode()
    assert 'data-state="untrusted-issuer"' in page and 'data-state="valid"' not in page
    assert "issuer not on this site" in page
    ja = client.post("/verify", {"statement": json.dumps(forged)}, HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "信頼リストにありません" in ja
    api = client.post(
        "/api/v1/statements/verify", {"statement": forged}, content_type="application/json"
    ).json()
    assert api["verified"] is False and api["state"] == "untrusted-issuer"
    assert api["statement"]["issuer"]["on_trust_list"] is False
    vc = client.post(
        "/api/vc/credentials/verify", {"verifiableCredential": forged}, content_type="application/json"
    )
    assert vc.status_code == 200 and vc.json()["trustedIssuer"] is False
    assert [w["code"] for w in vc.json()["warnings"]] == ["issuer.untrusted"]
    strict = client.post(
        "/api/vc/credentials/verify",
        {"verifiableCredential": forged, "options": {"requireTrustedIssuer": True}},
        content_type="application/json",
    )
    assert strict.status_code == 400 and strict["Content-Type"] == "application/problem+json"
    genuine = by(office)
    page = client.post("/verify", {"statement": json.dumps(genuine)}).content.decode()
    assert 'data-state="valid"' in page and office.name_en in page


def _token(office: Office) -> str:
    return commands.issuer_token(office.slug, "tests")[1]


UNSIGNED = {
    "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
    "type": ["VerifiableCredential", "ExampleCredential"],
    "credentialSubject": {"id": "did:example:subject", "name": "A"},
}


def test_vc_api_issues_for_an_authenticated_office_and_verifies(client: Client, office: Office) -> None:
    body = {"credential": {**UNSIGNED, "issuer": issuer_of(office)}}
    refused = client.post("/api/vc/credentials/issue", body, content_type="application/json")
    assert refused.status_code == 401 and refused["Content-Type"] == "application/problem+json"
    auth = {"HTTP_AUTHORIZATION": f"Bearer {_token(office)}"}
    made = client.post("/api/vc/credentials/issue", body, content_type="application/json", **auth)
    assert made.status_code == 201, made.content
    signed = made.json()["verifiableCredential"]
    assert signed["proof"]["verificationMethod"] == signing_method(office)
    checked = client.post(
        "/api/vc/credentials/verify", {"verifiableCredential": signed}, content_type="application/json"
    )
    assert (
        checked.status_code == 200
        and checked.json()["trustedIssuer"] is True
        and "proof" in checked.json()["checks"]
    )
    signed["credentialSubject"]["name"] = "B"
    tampered = client.post(
        "/api/vc/credentials/verify", {"verifiableCredential": signed}, content_type="application/json"
    )
    assert tampered.status_code == 400 and tampered.json()["errors"][0]["code"] == "signature.mismatch"
    stranger = {"credential": {**UNSIGNED, "issuer": "did:example:someone-else"}}
    wrong = client.post("/api/vc/credentials/issue", stranger, content_type="application/json", **auth)
    assert wrong.status_code == 400 and wrong.json()["field"] == "credential.issuer"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"credentialSchema": {"id": "https://example.org/schema"}}, "credential.credentialSchema.type"),
        ({"termsOfUse": {"id": "https://example.org/terms"}}, "credential.termsOfUse.type"),
        ({"refreshService": {"url": "https://example.org/r"}}, "credential.refreshService.type"),
        ({"relatedResource": {"id": "https://example.org/r"}}, "credential.relatedResource.digestSRI"),
        ({"id": "not a url"}, "credential.id"),
    ],
)
def test_vc_api_refuses_malformed_shapes_naming_the_field(
    client: Client, office: Office, change: dict[str, Any], field: str
) -> None:
    body = {"credential": {**UNSIGNED, "issuer": issuer_of(office), **change}}
    auth = {"HTTP_AUTHORIZATION": f"Bearer {_token(office)}"}
    response = client.post("/api/vc/credentials/issue", body, content_type="application/json", **auth)
    assert response.status_code == 400 and response.json()["field"] == field


def test_vc_api_verifies_a_presentation_and_every_credential_in_it(client: Client, office: Office) -> None:
    presentation = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "verifiableCredential": [by(office)],
    }
    ok = client.post(
        "/api/vc/presentations/verify",
        {"verifiablePresentation": presentation},
        content_type="application/json",
    )
    assert ok.status_code == 200 and ok.json()["trustedIssuer"] is True
    presentation["verifiableCredential"][0]["credentialSubject"]["qualificationType"] = "jp/shushi"
    bad = client.post(
        "/api/vc/presentations/verify",
        {"verifiablePresentation": presentation},
        content_type="application/json",
    )
    assert bad.status_code == 400
    not_vp = client.post(
        "/api/vc/presentations/verify",
        {"verifiablePresentation": {"type": "X"}},
        content_type="application/json",
    )
    assert not_vp.status_code == 400 and not_vp.json()["field"].startswith("verifiablePresentation.")


def test_the_openapi_document_validates_and_declares_problem_documents(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    validate(schema)
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            for code, response in operation["responses"].items():
                assert response.get("description"), (path, method, code)
                if code.startswith("4"):
                    assert list(response.get("content", {})) == ["application/problem+json"], (
                        path,
                        method,
                        code,
                    )
    staff = client.get("/api/staff/cases")  # what the staff API declares is what it sends
    assert staff.status_code == 401 and staff["Content-Type"] == "application/problem+json"
