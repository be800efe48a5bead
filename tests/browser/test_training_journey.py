"""A trainee works a training case end to end in Debian's Chromium and sees the score (h18), in English
and in Japanese: start it from the training list, judge the five elements in the normal case screen,
draft the decision, send it for approval, and read each element's verdict with the reference's reasons."""

from __future__ import annotations

from typing import Any

import pytest

from qualbridge.training.catalogue import get_training_case
from qualbridge.web.accounts.models import Office, Role, User
from qualbridge.web.cases.models import Case, State, Statement
from qualbridge.web.training.models import Attempt, TrainingOffice
from tests.browser.test_casework_journey import PASSWORD, click_and_wait, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CASE_ID = "dk-academy-profession-master"
#: the trainee's answers: level substantial (as the reference), workload substantial (unlike it)
ANSWERS = {
    "level": "true",
    "workload": "true",
    "quality": "false",
    "profile": "false",
    "learning-outcomes": "false",
}
SCORE = {"en": "5 of 6 agree with the reference", "ja": "6項目中5項目が模範解答と一致"}


@pytest.fixture
def trainee() -> User:
    office = Office.objects.create(slug="train", name_en="Training", name_ja="研修", policy="jp-nic")
    TrainingOffice.objects.create(office=office)
    return User.objects.create_user("tina", password=PASSWORD, role=Role.EVALUATOR, office=office)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_trainee_works_a_case_and_sees_the_score(
    browser: Any, live_server: Any, trainee: User, lang: str
) -> None:
    base = live_server.url
    page = sign_in(browser, base, "tina", lang)
    page.goto(f"{base}/training/")
    click_and_wait(page, f"#tc-{CASE_ID} button.start")
    case = Case.objects.get(training_attempt__trainee=trainee)
    assert page.url.endswith(f"/cases/{case.pk}/")
    assert page.locator("#training-panel").is_visible()
    for i, element in enumerate(("level", "workload", "quality", "profile", "learning-outcomes")):
        form = page.locator("form[action*='/findings/']").nth(i)
        form.locator("select[name$='-substantial_difference']").select_option(ANSWERS[element])
        form.locator("textarea[name$='-reasoning']").fill(f"My judgement of {element}.")
        with page.expect_navigation():
            form.locator("button[type=submit]").click()
    page.select_option("#id_decision", "alternative")
    page.fill(
        "#id_reasons", "Short-cycle degree, below the bachelor's level the master's programme requires."
    )
    page.fill("#id_basis", "Comparable to the Japanese 準学士 at JEQF level 5.")
    click_and_wait(page, "#save-draft")
    click_and_wait(page, "#submit-draft")
    assert Case.objects.get(pk=case.pk).state == State.PENDING_APPROVAL
    assert SCORE[lang] in page.locator("#training-score").inner_text()
    assert page.locator("tr[data-element=workload]").get_attribute("data-verdict") == "differs"
    assert page.locator("tr[data-element=level]").get_attribute("data-verdict") == "agrees"
    assert page.locator("tr[data-element=decision]").get_attribute("data-verdict") == "agrees"
    reasons = getattr(get_training_case(CASE_ID).reference.elements["workload"].reasons, lang)
    assert reasons in page.locator("tr[data-element=workload]").inner_text()
    assert Attempt.objects.get(case=case).submissions == 1
    assert not Statement.objects.exists()
    page.context.close()
