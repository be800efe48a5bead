"""The shells word the core's coded results in the visitor's language, and the API's comparison answer is
the schema it declares."""

from __future__ import annotations

import re

import jsonschema
import pytest
from django.test import Client

from qualbridge.compare import compare

pytestmark = pytest.mark.django_db

ESTIMATE = "/estimate?type=nz-nzqcf:8&qualification=nz-nzqcf:8&purpose=study&destination=eu-eqf"


def test_estimate_words_caveats_and_hints_in_the_pages_language(client: Client) -> None:
    result = compare("nz-nzqcf:8", "eu-eqf")
    caveat = result.caveats[0]
    ja = client.get(ESTIMATE, HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    en = client.get(ESTIMATE, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    ja = re.sub(r"<[^>]+>", "", ja)  # an English note inside the Japanese sentence is marked lang="en"
    assert caveat.text("ja") in ja and caveat.text("en") not in ja
    assert caveat.text("en") in en
    assert "個別に審査しなければ位置づけられません" in ja  # the coded hint, in Japanese
    assert "deliberately gives this level no counterpart in eu-eqf, so only an individual assessment" in en


def test_compare_answer_validates_against_its_declared_schema(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    declared = schema["paths"]["/api/v1/compare"]["get"]["responses"]["200"]["content"]["application/json"]
    root = {**declared["schema"], "components": schema["components"]}
    for query, to in (("jp/gakushi", "gb-rqf"), ("nz-nzqcf:8", "eu-eqf"), ("jp/tanki-daigakushi", "eu-eqf")):
        body = client.get("/api/v1/compare", {"q": query, "to": to}).json()
        jsonschema.validate(body, root)
        assert body == compare(query, to).as_json()
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**body, "caveats": ["a sentence, not a code"]}, root)
