"""The site's shell: liveness, sign-in with rate limiting and CSRF, the language switch."""

from __future__ import annotations

import pytest
from django.test import Client

from qualbridge.web.accounts.models import User

pytestmark = pytest.mark.django_db


def test_healthz(client: Client) -> None:
    body = client.get("/healthz").json()
    assert body["status"] == "ok" and body["data_version"]


def test_openapi_schema_and_local_swagger(client: Client) -> None:
    assert client.get("/api/openapi.json").json()["openapi"].startswith("3.")
    docs = client.get("/api/docs").content.decode()
    assert "swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()


def test_passwords_are_hashed_with_argon2() -> None:
    user = User.objects.create_user("ada", password="correct horse battery")
    assert user.password.startswith("argon2")


def test_sign_in_is_rate_limited(client: Client) -> None:
    User.objects.create_user("ada", password="correct horse battery")
    for _ in range(5):
        client.post("/accounts/login/", {"username": "ada", "password": "wrong"})
    page = client.post("/accounts/login/", {"username": "ada", "password": "correct horse battery"})
    assert page.status_code == 200 and "Too many failed sign-in attempts" in page.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_in_needs_the_csrf_token() -> None:
    User.objects.create_user("ada", password="correct horse battery")
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/accounts/login/", {"username": "ada", "password": "correct horse battery"})
    assert response.status_code == 403


def test_language_switch_and_accept_language(client: Client) -> None:
    assert 'lang="ja"' in client.get("/", HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    client.post("/i18n/setlang/", {"language": "ja", "next": "/"})
    assert 'lang="ja"' in client.get("/").content.decode()
