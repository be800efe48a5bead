"""The public decision database: off by default, published by a senior of the deciding office, searchable,
with its reasons and without personal data; gone when the decision no longer stands."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client

from qualbridge.web.accounts.models import User
from qualbridge.web.cases import actions
from qualbridge.web.cases.errors import Forbidden, InvalidTransition
from qualbridge.web.cases.models import Case, State
from qualbridge.web.decisions.actions import do_publish_decision, do_unpublish_decision
from qualbridge.web.decisions.models import PublishedDecision

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided(make_case: Callable[..., Case]) -> Case:
    return make_case(State.DECIDED)


def test_nothing_is_published_by_default(decided: Case, client: Client) -> None:
    assert not PublishedDecision.objects.exists()
    assert "No published decision matches" in client.get("/decisions/").content.decode()


def test_only_a_senior_or_admin_of_the_office_publishes_a_decided_case(
    decided: Case, users: dict[str, User], make_case: Callable[..., Case]
) -> None:
    for name in ("applicant", "evaluator"):
        with pytest.raises(Forbidden):
            do_publish_decision(users[name], decided)
    with pytest.raises(InvalidTransition):
        do_publish_decision(users["senior"], make_case(State.PENDING_APPROVAL))
    do_publish_decision(users["senior"], decided)
    with pytest.raises(InvalidTransition):
        do_publish_decision(users["admin"], decided)  # once


def test_the_public_record_has_the_reasons_and_no_personal_data(
    decided: Case, users: dict[str, User], client: Client
) -> None:
    published = do_publish_decision(users["senior"], decided)
    page = client.get(f"/decisions/{published.slug}", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert decided.decision_reasons.strip().splitlines()[0] in page
    assert "学士（工学）" in page and "Further study" in page
    for private in ("ana", "eve", "sam", "2020", decided.reference):
        hit = re.search(rf"\b{private}\b", page, re.I)
        assert not hit, page[max(0, hit.start() - 300) : hit.end() + 100]
    assert decided.reference not in str(published.record)


def test_search_by_country_type_purpose_and_outcome(
    decided: Case, users: dict[str, User], client: Client
) -> None:
    published = do_publish_decision(users["senior"], decided)
    link = f'href="/decisions/{published.slug}"'
    for query, found in [
        ({"country": "JP"}, True),
        ({"country": "kr"}, False),
        ({"type": "jp/gakushi"}, True),
        ({"purpose": "employment"}, False),
        ({"outcome": decided.decision}, True),
    ]:
        page = client.get("/decisions/", query)
        assert page.status_code == 200 and (link in page.content.decode()) is found, query
    bad = client.get("/decisions/", {"country": "Japan", "type": "xx/nothing"})
    assert bad.status_code == 400
    assert "two-letter ISO code" in bad.content.decode() and "xx/nothing" in bad.content.decode()


def test_a_revoked_or_withdrawn_decision_leaves_the_database(
    decided: Case, users: dict[str, User], client: Client
) -> None:
    published = do_publish_decision(users["senior"], decided)
    statement = decided.statements.first()
    assert statement is not None
    actions.do_revoke_statement(users["senior"], statement, "issued in error")
    assert client.get(f"/decisions/{published.slug}").status_code == 404
    do_unpublish_decision(users["senior"], decided)
    assert not PublishedDecision.objects.exists()


def test_the_staff_page_publishes_through_a_post_with_csrf(decided: Case, users: dict[str, User]) -> None:
    client = Client(enforce_csrf_checks=True)
    assert client.login(username="sam", password=PASSWORD)
    page = client.get(f"/cases/{decided.pk}/").content.decode()
    assert "Publish this decision" in page
    assert client.post(f"/cases/{decided.pk}/publication", {"publish": "1"}).status_code == 403  # no token
    token = client.cookies["csrftoken"].value
    done = client.post(f"/cases/{decided.pk}/publication", {"publish": "1", "csrfmiddlewaretoken": token})
    assert done.status_code == 302 and PublishedDecision.objects.filter(case=decided).exists()
