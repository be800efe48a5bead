"""h18p: the qualifications passport in Debian's Chromium: two evaluators interview, sign and issue it;
the applicant opens it in Japanese and anyone verifies it on /verify.

The refugee case (a background paper instead of documents) is made through the actions; each person
then signs in through the real sign-in page in their own browser context.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from qualbridge.web.accounts.models import Office, Role, User
from qualbridge.web.cases import actions
from qualbridge.web.passport.models import Passport
from qualbridge.web.uploads import store

from .test_casework_journey import PASSWORD, PDF, click_and_wait, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def refugee_case(tmp_path: Path, settings: Any) -> tuple[dict[str, User], int]:
    settings.UPLOAD_DIR = tmp_path / "uploads"
    settings.KEY_DIR = tmp_path / "keys"
    office = Office.objects.create(
        slug="nic", name_en="Admissions office", name_ja="入学審査担当", policy="jp-nic"
    )
    from qualbridge.web.trust.keystore import create_office_key

    create_office_key(office)
    people = {
        name: User.objects.create_user(name, password=PASSWORD, role=role, office=office)
        for name, role in (("ana", Role.APPLICANT), ("eve", Role.EVALUATOR), ("evan", Role.EVALUATOR))
    }
    case = actions.do_create_case(people["ana"], office, "further-study")
    actions.do_add_credential(
        people["ana"], case, title="Bachelor of Civil Engineering", qualification_type="", country="SY",
        institution="Damascus University", awarded_year=2014,
    )  # fmt: skip
    actions.do_add_document(
        people["ana"], case, store(SimpleUploadedFile("paper.pdf", PDF)), "background-paper"
    )
    actions.do_submit(people["ana"], case)
    return people, case.pk


def test_two_evaluators_issue_a_passport_the_applicant_reads_and_anyone_verifies(
    browser: Any, live_server: Any, refugee_case: tuple[dict[str, User], int]
) -> None:
    _people, pk = refugee_case
    base = live_server.url
    eve = sign_in(browser, base, "eve", "en")
    eve.goto(f"{base}/cases/{pk}/passport/")
    eve.fill("#id_conducted_on", "2026-11-30")
    eve.fill("#id_language", "Arabic")
    eve.fill("#id_evidence", "Background paper\nStructured interview")
    eve.select_option("#id_second_evaluator", label="evan")
    click_and_wait(eve, "#interview-form button[type=submit]")
    click_and_wait(eve, "#sign")
    assert "evan" in eve.inner_text("#problems") and not Passport.objects.exists()

    evan = sign_in(browser, base, "evan", "en")
    evan.goto(f"{base}/cases/{pk}/passport/")
    click_and_wait(evan, "#sign")
    click_and_wait(evan, "#issue")
    passport = Passport.objects.get()

    applicant = sign_in(browser, base, "ana", "ja")
    applicant.goto(f"{base}/cases/{pk}/passport/mine/")
    assert passport.valid_until.isoformat() in applicant.inner_text("#passport-valid")
    click_and_wait(applicant, "#passport-ja")
    assert applicant.get_attribute("html", "lang") == "ja" and "資格パスポート" in applicant.inner_text("h1")

    visitor = browser.new_context(locale="en-GB").new_page()
    visitor.goto(f"{base}/verify")
    visitor.fill("#id_statement", json.dumps(passport.signed))
    click_and_wait(visitor, "form.panel button[type=submit]")
    assert visitor.get_attribute("#verdict", "data-state") == "valid"
    assert visitor.get_attribute("#passport-validity", "data-valid-until") == passport.signed["validUntil"]
