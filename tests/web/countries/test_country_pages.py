"""The country pages, the PDF brief and the API give the same profile, in Japanese and English."""

from __future__ import annotations

import json
import subprocess

import pytest
from django.test import Client
from typer.testing import CliRunner

from qualbridge.cli.main import app as cli
from qualbridge.profiles.country import countries

pytestmark = pytest.mark.django_db


def test_the_list_links_every_country(client: Client) -> None:
    page = client.get("/countries/")
    assert page.status_code == 200
    for cc in countries():
        assert f'href="/countries/{cc}"' in page.content.decode()


def test_a_profile_page_in_japanese_and_english(client: Client) -> None:
    en = client.get("/countries/NP", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    ja = client.get("/countries/NP", HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "<h1>Nepal" in en and "The education system" in en and "<svg" in en
    assert "<h1>ネパール" in ja and "教育制度" in ja and "The education system" not in ja


def test_an_unknown_country_is_a_readable_404(client: Client) -> None:
    page = client.get("/countries/ZZ")
    assert page.status_code == 404 and "ZZ" in page.content.decode()
    api = client.get("/api/v1/countries/ZZ")
    assert api.status_code == 404 and api["Content-Type"] == "application/problem+json"
    assert "JP" in api.json()["detail"]


def test_the_api_answers_what_the_cli_prints(client: Client) -> None:
    api = client.get("/api/v1/countries/jp")
    printed = CliRunner().invoke(cli, ["countries", "show", "jp", "--json"])
    assert api.status_code == 200 and printed.exit_code == 0
    assert api.json() == json.loads(printed.output)
    assert {row["country"] for row in client.get("/api/v1/countries").json()} == set(countries())


def test_the_country_brief_is_a_pdf_with_the_profile(client: Client, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pdf = client.get("/countries/NP/brief.pdf", HTTP_ACCEPT_LANGUAGE="ja")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    path = tmp_path / "brief.pdf"
    path.write_bytes(pdf.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "ネパール" in text and "np/bachelor" in text
