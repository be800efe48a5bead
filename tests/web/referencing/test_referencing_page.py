"""The public referencing page: paste descriptors, see the suggestion; bad input is named; CSRF holds."""

from __future__ import annotations

import pytest
from django.test import Client

from qualbridge.registry.loader import get_registry

pytestmark = pytest.mark.django_db


def _eqf_paste() -> str:
    eqf = get_registry().framework("eu-eqf")
    return "\n".join(
        f"{lv.notation}: {' '.join(d['en'] for d in lv.descriptors.values())}" for lv in eqf.levels
    )


def test_the_form_in_english_and_japanese(client: Client) -> None:
    en = client.get("/referencing/", HTTP_ACCEPT_LANGUAGE="en")
    ja = client.get("/referencing/", HTTP_ACCEPT_LANGUAGE="ja")
    assert en.status_code == ja.status_code == 200
    assert (
        "Referencing assistant" in en.content.decode() and 'name="csrfmiddlewaretoken"' in en.content.decode()
    )
    body = ja.content.decode()
    assert (
        "参照付けアシスタント" in body and "Suggest a correspondence" not in body and "対応を提案する" in body
    )
    assert '<option value="eu-eqf"' in body


def test_pasted_descriptors_get_a_suggestion_with_a_picture(client: Client) -> None:
    page = client.post(
        "/referencing/",
        {"name": "Test", "reference": "eu-eqf", "descriptors": _eqf_paste()},
        HTTP_ACCEPT_LANGUAGE="ja",
    )
    assert page.status_code == 200
    body = page.content.decode()
    assert "<svg" in body and "<line" in body
    assert "参照付けの決定ではありません" in body  # the draft caveat, in Japanese
    assert '<q lang="en">Basic general knowledge' in body


@pytest.mark.parametrize(
    ("descriptors", "message"),
    [
        ("just some text without a level", "Line 1"),
        ("1: only one level", "at least two levels"),
        ("\n".join(f"{n}: text {n}" for n in range(1, 25)), "At most 20 levels"),
        ("x" * 20_001, "20000"),
    ],
)
def test_bad_input_is_a_readable_error(client: Client, descriptors: str, message: str) -> None:
    page = client.post(
        "/referencing/", {"reference": "eu-eqf", "descriptors": descriptors}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert page.status_code == 400
    body = page.content.decode()
    assert message in body.replace(",", "") and 'role="alert"' in body and "Traceback" not in body


def test_an_unknown_reference_is_refused_on_the_page(client: Client) -> None:
    page = client.post("/referencing/", {"reference": "xx-none", "descriptors": "1: a\n2: b"})
    assert page.status_code == 400 and "xx-none" in page.content.decode()


def test_a_post_without_the_csrf_token_is_refused() -> None:
    strict = Client(enforce_csrf_checks=True)
    page = strict.post("/referencing/", {"reference": "eu-eqf", "descriptors": _eqf_paste()})
    assert page.status_code == 403
