"""The evaluator of a Japanese office sees admission eligibility beside the assessment: the same answer
as the public estimate and ``qualbridge eligibility``."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.utils.html import escape

from qualbridge.eligibility.answer import eligibility_overview
from qualbridge.registry import get_registry
from qualbridge.web.cases.models import Case, State

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_staff_case_page_shows_the_cores_eligibility_answers(make_case: Callable[..., Case]) -> None:
    case = make_case(State.IN_ASSESSMENT)
    client = Client()
    assert client.login(username="eve", password=PASSWORD)
    page = client.get(f"/cases/{case.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    expected = eligibility_overview(get_registry(), "jp/gakushi", country="JP")
    assert "Admission eligibility in Japan" in page
    for answer in expected:
        assert f'data-outcome="{answer.outcome.value}"' in page
        assert escape(answer.summary()["en"]) in page


def test_an_office_outside_japan_gets_no_eligibility_section(make_case: Callable[..., Case]) -> None:
    case = make_case(State.IN_ASSESSMENT)
    case.office.policy = "gb-enic"
    case.office.save()
    client = Client()
    assert client.login(username="eve", password=PASSWORD)
    assert "Admission eligibility in Japan" not in client.get(f"/cases/{case.pk}/").content.decode()
