"""``/api/v1/interop/...``: the same documents as the CLI; a bad or foreign document is an RFC 9457
problem naming the path of the offending field (in the reader's language); a huge one is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.test import Client

from qualbridge.interop import MAX_DOCUMENT_BYTES, ctdl
from qualbridge.registry import get_registry

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).resolve().parents[2] / "interop" / "fixtures"


def test_ctdl_export_carries_every_referencing_decision(client: Client) -> None:
    answer = client.get("/api/v1/interop/ctdl")
    assert answer.status_code == 200 and answer["Content-Type"] == "application/ld+json"
    graph = answer.json()["@graph"]
    decisions = [n for n in graph if n["@type"] == "qb:ReferencingDecision"]
    assert len(decisions) == len(get_registry().alignments)
    assert answer.json() == json.loads(json.dumps(ctdl.export_frameworks()))


def test_elm_export_of_named_types_and_a_bad_field_code(client: Client) -> None:
    answer = client.get("/api/v1/interop/elm", {"type": "jp/gakushi", "field": "0688"})
    assert answer.status_code == 200
    (node,) = answer.json()["@graph"]
    assert node["thematicArea"][0]["id"].endswith("/0688")
    bad = client.get("/api/v1/interop/elm", {"type": "jp/gakushi", "field": "engineering"})
    assert bad.status_code == 400 and bad["Content-Type"] == "application/problem+json"
    assert bad.json()["field"] == "field"


def test_import_detects_the_format_of_a_posted_document(client: Client) -> None:
    elmo = client.post("/api/v1/interop/import", (FIXTURES / "elmo-example.xml").read_bytes(),
                       content_type="application/xml")  # fmt: skip
    assert elmo.status_code == 200 and elmo.json()["format"] == "elmo"
    elm = client.post("/api/v1/interop/import", (FIXTURES / "elm-mc-annex1-achievement.json").read_bytes(),
                      content_type="application/ld+json")  # fmt: skip
    assert elm.status_code == 200
    assert elm.json()["qualifications"][0]["eqf_level"] == "eu-eqf:6"


def test_a_bad_field_is_a_problem_with_its_path_in_japanese_too(client: Client) -> None:
    document = json.loads((FIXTURES / "elm-mc-annex1-achievement.json").read_text(encoding="utf-8"))
    del document["credentialSubject"]["hasClaim"][0]["specifiedBy"]["title"]
    body = json.dumps(document)
    path = "$.credentialSubject.hasClaim[0].specifiedBy.title"
    en = client.post("/api/v1/interop/import", body, content_type="application/json")
    assert en.status_code == 400 and en["Content-Type"] == "application/problem+json"
    assert en.json()["field"] == path and en.json()["detail"].startswith(path)
    ja = client.post(
        "/api/v1/interop/import", body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="ja"
    )
    assert ja.json()["field"] == path and "必須" in ja.json()["detail"]


@pytest.mark.parametrize("body", [b"", b"{not json", b'{"@type": "Person"}', b"<svg/>", b"\xff\xfe\x00"])
def test_foreign_or_broken_bodies_are_problems(client: Client, body: bytes) -> None:
    answer = client.post("/api/v1/interop/import", body, content_type="application/octet-stream")
    assert answer.status_code == 400 and answer["Content-Type"] == "application/problem+json"
    assert answer.json()["field"]


def test_a_document_over_the_limit_is_refused(client: Client) -> None:
    answer = client.post(
        "/api/v1/interop/import", b" " * (MAX_DOCUMENT_BYTES + 1), content_type="application/json"
    )
    assert answer.status_code == 413 and answer["Content-Type"] == "application/problem+json"
