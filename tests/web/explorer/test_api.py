"""The public API v1: the same answers as the CLI, problem documents for bad input, a schema for all."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from typer.testing import CliRunner

from qualbridge.cli.main import app as cli
from qualbridge.registry import get_registry

pytestmark = pytest.mark.django_db


def test_compare_is_the_same_object_as_the_cli_json(client: Client) -> None:
    for query, to, country in [
        ("jp/gakushi", "gb-rqf", None),
        ("学士（工学）", "eu-eqf", "jp"),
        ("ie-nfq:8", "gb-scqf", None),
    ]:
        params = {"q": query, "to": to, **({"country": country} if country else {})}
        api = client.get("/api/v1/compare", params)
        args = ["compare", query, "--to", to, "--json", *(["--country", country] if country else [])]
        printed = CliRunner().invoke(cli, args)
        assert api.status_code == 200 and printed.exit_code == 0, printed.output
        assert api.json() == json.loads(printed.output)
        assert client.get("/api/v1/compare", params).content == api.content  # served again from the cache


def test_compare_errors_are_problem_documents(client: Client) -> None:
    unknown = client.get("/api/v1/compare", {"q": "jp/gakushi", "to": "gb-rqx"})
    assert unknown.status_code == 400 and unknown["Content-Type"] == "application/problem+json"
    body = unknown.json()
    assert (
        body["type"].endswith("unknown-framework")
        and "gb-rqx" in body["detail"]
        and "gb-rqf" in body["suggestions"]
    )
    ambiguous = client.get("/api/v1/compare", {"q": "Bachelor", "to": "eu-eqf"}).json()
    assert ambiguous["status"] == 400 and ambiguous["type"].endswith("ambiguous-qualification")
    missing = client.get("/api/v1/compare", {"q": "jp/gakushi"})
    assert missing.status_code == 422 and "to" in missing.json()["detail"]


def test_frameworks_list_and_detail(client: Client) -> None:
    registry = get_registry()
    listed = client.get("/api/v1/frameworks").json()
    assert {f["id"] for f in listed} == set(registry.frameworks)
    detail = client.get("/api/v1/frameworks/jp-jeqf").json()
    assert [lv["id"] for lv in detail["levels"]] == [
        f"jp-jeqf:{lv.notation}" for lv in registry.frameworks["jp-jeqf"].levels
    ]
    level6 = next(lv for lv in detail["levels"] if lv["notation"] == "6")
    assert "jp/gakushi" in {t["id"] for t in level6["qualification_types"]}
    missing = client.get("/api/v1/frameworks/jp-jqef")
    assert missing.status_code == 404 and "jp-jeqf" in missing.json()["suggestions"]


def test_qualifications_search_and_country_filter(client: Client) -> None:
    hits = client.get("/api/v1/qualifications", {"q": "学士（工学）", "country": "jp"}).json()
    assert hits[0]["id"] == "jp/gakushi" and hits[0]["score"] >= 99
    assert all(h["jurisdiction"] == "JP" for h in hits)
    everything = client.get("/api/v1/qualifications", {"country": "jp", "limit": 100}).json()
    assert {h["id"] for h in everything} == set(get_registry().types_by_jurisdiction["JP"])
    bad = client.get("/api/v1/qualifications", {"q": "x", "country": "zz"})
    assert bad.status_code == 400 and bad.json()["type"].endswith("unknown-country")


def test_grade_and_credit_conversion(client: Client) -> None:
    from qualbridge import credits, grades

    body = client.post(
        "/api/v1/grades/convert",
        {"value": "8", "from": "nl-1-10", "to": "de-1-5"},
        content_type="application/json",
    ).json()
    assert body == grades.convert("8", "nl-1-10", "de-1-5").as_json()
    bad = client.post(
        "/api/v1/grades/convert",
        {"value": "11", "from": "nl-1-10", "to": "de-1-5"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and "11" in bad.json()["detail"]
    body = client.post(
        "/api/v1/credits/convert",
        {"amount": 124, "from": "jp-tani", "to": "ects"},
        content_type="application/json",
    ).json()
    assert body == credits.convert(124, "jp-tani", "ects").as_json()
    bad = client.post(
        "/api/v1/credits/convert",
        {"amount": 1, "from": "jp-tanni", "to": "ects"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and "jp-tani" in bad.json()["suggestions"]
    negative = client.post(
        "/api/v1/credits/convert",
        {"amount": -1, "from": "jp-tani", "to": "ects"},
        content_type="application/json",
    )
    assert negative.status_code == 422


def test_schema_documents_every_public_operation_and_its_errors(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    public = {p: ops for p, ops in schema["paths"].items() if p.startswith("/api/v1/")}
    expected = {
        ("get", "/api/v1/frameworks"), ("get", "/api/v1/frameworks/{framework_id}"), ("get", "/api/v1/qualifications"),
        ("get", "/api/v1/compare"), ("post", "/api/v1/grades/convert"), ("post", "/api/v1/credits/convert"),
        ("post", "/api/v1/statements/verify"),
    }  # fmt: skip
    assert expected <= {(m, p) for p, ops in public.items() for m in ops}
    for path, ops in public.items():
        for method, op in ops.items():
            takes_input = bool(op.get("parameters")) or "requestBody" in op
            if takes_input:
                assert {"400", "422"} <= set(op["responses"]), (method, path)
                for code in ("400", "422"):
                    content = op["responses"][code]["content"]["application/problem+json"]
                    assert content["schema"]["$ref"].endswith("/Problem"), (method, path, code)
    compare_schema = schema["components"]["schemas"]["Comparison"]
    assert {"outcome", "routes", "confidence", "caveats"} <= set(compare_schema["properties"])
