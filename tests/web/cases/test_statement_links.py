"""A statement's printed link and QR code open its page; its revocation cannot be undone by the visitor.

(h10: verification of the casework's statements; these tests need the casework fixtures of this folder.)
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from qualbridge.statements.qr import qr_img
from qualbridge.statements.render import render_html, verification_url
from qualbridge.web.accounts.models import User
from qualbridge.web.cases import actions
from qualbridge.web.cases.models import Case, State, Statement
from qualbridge.web.cases.pdf import public_url
from qualbridge.web.cases.statements import signed_status_list, statement_assessment

pytestmark = pytest.mark.django_db
REASONS = "No substantial difference in level or workload for further study."


def issued(users: dict[str, User], make_case: Callable[..., Case]) -> Statement:
    applicant = users["applicant"]
    applicant.first_name, applicant.last_name = "Aiko", "Tanaka"
    applicant.save()
    case = make_case(State.IN_ASSESSMENT)
    actions.do_draft_decision(users["evaluator"], case, "full", REASONS)
    actions.do_submit_draft(users["evaluator"], case)
    actions.do_approve(users["senior"], case)
    return Statement.objects.get(case=case)


def test_the_printed_link_and_the_qr_code_open_the_statements_page(
    client: Client, users: dict[str, User], make_case: Callable[..., Case]
) -> None:
    statement = issued(users, make_case)
    assessment = statement_assessment(statement)
    url = verification_url(assessment, statement.signed, public_url(""))
    page = render_html(assessment, statement.signed, verify_base_url=public_url(""))
    assert html.escape(url) in page  # the printed link
    assert qr_img(url) in page  # the QR code encodes the same address
    parts = urlsplit(url)
    response = client.get(parts.path, {k: v[0] for k, v in parse_qs(parts.query).items()})
    body = response.content.decode()
    assert response.status_code == 200 and 'data-state="valid"' in body, body[-3000:]
    assert 'data-field="holder">Aiko Tanaka<' in body
    assert 'data-field="qualification"' in body and 'data-field="decision"' in body
    assert statement.case.office.name_en in body  # the issuing body by name, from the trust list
    ja = client.get(
        parts.path, {k: v[0] for k, v in parse_qs(parts.query).items()}, HTTP_ACCEPT_LANGUAGE="ja"
    )
    assert statement.case.office.name_ja in ja.content.decode()


def test_a_revoked_statement_stays_revoked_whatever_list_the_visitor_sends(
    client: Client, users: dict[str, User], make_case: Callable[..., Case]
) -> None:
    statement = issued(users, make_case)
    old_list = signed_status_list(statement.case.office)  # genuinely signed, taken before the revocation
    actions.do_revoke_statement(users["senior"], statement, "Issued on a forged diploma.")
    page = client.post(
        "/verify", {"statement": json.dumps(statement.signed), "status_list": json.dumps(old_list)}
    ).content.decode()
    assert 'data-state="revoked"' in page
    api = client.post(
        "/api/v1/statements/verify",
        {"statement": statement.signed, "status_lists": [old_list]},
        content_type="application/json",
    ).json()
    assert api["state"] == "revoked" and api["verified"] is False
    vc_api = client.post(
        "/api/vc/credentials/verify",
        {"verifiableCredential": statement.signed},
        content_type="application/json",
    )
    assert vc_api.status_code == 400 and vc_api.json()["errors"][0]["code"] == "status.revoked"


def test_the_status_list_is_signed_once_until_it_changes(
    users: dict[str, User], make_case: Callable[..., Case]
) -> None:
    statement = issued(users, make_case)
    office = statement.case.office
    first, again = signed_status_list(office), signed_status_list(office)
    assert first == again and "validUntil" in first
    actions.do_revoke_statement(users["senior"], statement, "Issued in error.")
    assert signed_status_list(office)["proof"]["proofValue"] != first["proof"]["proofValue"]
