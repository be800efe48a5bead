"""``GET /api/v1/eligibility``: the same object as the CLI's JSON; bad input is a problem document."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from typer.testing import CliRunner

from qualbridge.cli.main import app as cli

pytestmark = pytest.mark.django_db


def test_eligibility_is_the_same_object_as_the_cli_json(client: Client) -> None:
    api = client.get("/api/v1/eligibility", {"q": "au/bachelor", "for": "jp-masters"})
    printed = CliRunner().invoke(cli, ["eligibility", "au/bachelor", "--for", "jp-masters", "--json"])
    assert api.status_code == 200 and printed.exit_code == 0, printed.output
    assert api.json() == json.loads(printed.output)
    assert api.json()["outcome"] == "eligible"


def test_eligibility_errors_are_problem_documents(client: Client) -> None:
    bad = client.get("/api/v1/eligibility", {"q": "au/bachelor", "for": "jp-univ"})
    assert bad.status_code == 400 and bad["Content-Type"] == "application/problem+json"
    assert "jp-university" in bad.json()["detail"]
    unknown = client.get("/api/v1/eligibility", {"q": "Bachelor of Wizardry Studies", "for": "jp-masters"})
    assert unknown.status_code == 400 and unknown["Content-Type"] == "application/problem+json"
    years = client.get("/api/v1/eligibility", {"q": "au/bachelor", "for": "jp-masters", "years": 99})
    assert years.status_code == 422
