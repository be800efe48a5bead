"""Regressions found by attacking the public pages and the API: every bad input is a 4xx that names the
problem (an HTML page with a readable message, or an RFC 9457 problem document under ``/api/``)."""

from __future__ import annotations

import json

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import override_settings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("a,b", [("/", "/"), ("jp-jeqf", "a/b"), ("<x>", "eu-eqf")])
def test_pair_form_with_unknown_or_slashed_ids_is_a_404_naming_the_id(client: Client, a: str, b: str) -> None:
    response = client.get("/frameworks/", {"a": a, "b": b})
    assert response.status_code == 404
    body = response.content.decode()
    assert "Unknown framework" in body
    assert "<x>" not in body  # echoed, but escaped


def test_pair_form_redirects_to_the_canonical_ids(client: Client) -> None:
    response = client.get("/frameworks/", {"a": " JP-JEQF ", "b": "eu-eqf"})
    assert response.status_code == 302
    assert response["Location"] == "/frameworks/jp-jeqf/vs/eu-eqf"


def test_transcript_with_an_overlong_field_is_refused_with_a_message(client: Client) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {
        "tool": "transcript",
        "t-from_scale": "jp-gpa-4",
        "t-to_scale": "de-1-5",
        "t-to_credits": "ects",
        "t-transcript": SimpleUploadedFile("t.csv", b'"' + b"x" * 200_000 + b'",2,3\n'),
    }
    response = client.post("/convert", data)
    assert response.status_code == 200
    assert "not a readable CSV file" in response.content.decode()


def test_unknown_api_path_is_a_problem_document(client: Client) -> None:
    response = client.get("/api/v1/nope")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert "/api/docs" in response.json()["detail"]


def test_wrong_method_in_the_api_is_a_problem_document_naming_the_allowed_ones(client: Client) -> None:
    response = client.put("/api/v1/frameworks")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert response["Allow"] == "GET"
    assert "allowed: GET" in response.json()["detail"]


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1024 * 1024)
def test_a_body_over_the_limit_is_a_413_problem_document(client: Client) -> None:
    body = json.dumps({"statement": {"a": "x" * (2 * 1024 * 1024)}})
    response = client.post("/api/v1/statements/verify", body, content_type="application/json")
    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"
    assert "larger than 1 MB" in response.json()["detail"]


def test_page_not_found_names_the_path_in_the_site_layout(client: Client) -> None:
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="ja")
    assert response.status_code == 404
    body = response.content.decode()
    assert "/no-such-page/ にはページがありません。" in body
    assert 'href="/frameworks/"' in body  # the site's navigation, not Django's bare page


def test_csrf_failure_page_says_what_happened_and_what_to_do() -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/verify", {"statement": "{}"})
    assert response.status_code == 403
    body = response.content.decode()
    assert "security token is missing or out of date" in body
    assert "Nothing was changed" in body


def test_server_error_page_renders_without_a_request() -> None:
    assert "Something went wrong on our side" in render_to_string("500.html")
