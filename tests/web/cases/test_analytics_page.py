"""The office's consistency page and CSV: staff of that office only, every decided case counted."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pytest
from django.test import Client

from qualbridge.web.accounts.models import User
from qualbridge.web.cases.models import Case, State

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _client(user: str) -> Client:
    client = Client()
    assert client.login(username=user, password=PASSWORD)
    return client


def test_staff_see_their_decisions_counted_and_exported(
    make_case: Callable[..., Case], users: dict[str, User]
) -> None:
    decided = [make_case(State.DECIDED) for _ in range(2)]
    make_case(State.IN_ASSESSMENT)  # not decided: not counted
    page = _client("eve").get("/cases/analytics/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "2 decided qualifications" in body and "<svg" in body
    rows = list(
        csv.DictReader(io.StringIO(_client("sam").get("/cases/analytics/decisions.csv").content.decode()))
    )
    assert sorted(r["reference"] for r in rows) == sorted(c.reference for c in decided)
    assert {r["qualification_type"] for r in rows} == {"jp/gakushi"}


def test_applicants_and_anonymous_visitors_do_not_see_the_analytics(users: dict[str, User]) -> None:
    assert _client("ana").get("/cases/analytics/").status_code == 403
    assert Client().get("/cases/analytics/").status_code == 302  # to the sign-in page
