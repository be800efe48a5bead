"""The applicant's journey in Debian's Chromium at phone width (390 px), in English and Japanese (issue 16):
estimate by name -> apply with the estimate's answers pre-filled -> upload -> follow the timeline ->
receive the decision -> appeal. Staff steps run through the actions (their pages have their own tests).
Screenshots of each step are kept under ``QUALBRIDGE_ARTEFACTS`` (default ``test-artefacts/``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from qualbridge.web.accounts.models import Office, Role, User
from qualbridge.web.cases import actions
from qualbridge.web.cases.models import Case, State

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
LOCALES = {"en": "en-GB", "ja": "ja-JP"}

#: the elements that reach past the right edge of the screen (none on a page that fits a phone)
WIDER_THAN_SCREEN = """
[...document.querySelectorAll('main *')]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
               && !e.closest('.table-scroll, .picture-scroll, details:not([open])'))
  .slice(0, 5)
  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')
            + ' ' + Math.round(e.getBoundingClientRect().right))
"""


@pytest.fixture
def artefacts() -> Path:
    folder = Path(os.environ.get("QUALBRIDGE_ARTEFACTS", "test-artefacts")) / "applicant-journey"
    folder.mkdir(parents=True, exist_ok=True)
    print(f"screenshots in {folder.resolve()}")
    return folder


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_estimate_apply_upload_follow_receive_appeal(
    browser: Any, live_server: Any, tmp_path: Path, settings: Any, artefacts: Path, lang: str
) -> None:
    settings.UPLOAD_DIR = tmp_path / "uploads"
    settings.KEY_DIR = tmp_path / "keys"
    office = Office.objects.create(
        slug="nic", name_en="Admissions office", name_ja="入学審査担当", policy="jp-nic"
    )
    from qualbridge.web.trust.keystore import create_office_key

    create_office_key(office)
    people = {
        n: User.objects.create_user(n, password=PASSWORD, role=r, office=office)
        for n, r in (
            ("ana", Role.APPLICANT),
            ("eve", Role.EVALUATOR),
            ("evan", Role.EVALUATOR),
            ("sam", Role.SENIOR),
        )
    }
    diploma = tmp_path / "diploma.pdf"
    diploma.write_bytes(PDF)
    context = browser.new_context(locale=LOCALES[lang], viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(45_000)
    base = live_server.url

    def shot(name: str, fits: bool = True) -> None:
        page.screenshot(path=str(artefacts / f"{lang}-{name}.png"), full_page=True)
        if fits:
            wider = page.evaluate(WIDER_THAN_SCREEN)
            assert not wider, f"{name}: wider than the screen: {wider}"
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), name

    # estimate: by name, in Japanese script, with plain words and no bare score
    page.goto(f"{base}/estimate?country=jp&qualification=学士&purpose=study&destination=jp-jeqf")
    assert page.get_attribute("html", "lang") == lang
    answer = page.locator("#answer").inner_text()
    assert "学士" in answer and "%" not in page.locator("#certainty").inner_text()
    assert page.locator("#evidence-details").count() == 1
    shot("1-estimate")

    # sign in, then apply with the estimate's answers carried over
    apply_href = page.get_attribute("#apply-with-estimate", "href")
    page.goto(f"{base}/accounts/login/?next={quote(apply_href or '', safe='')}")
    page.fill("#id_username", "ana")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("form.stack button[type=submit]")
    assert page.input_value("#id_country") == ("日本" if lang == "ja" else "Japan")
    assert page.input_value("#id_qualification_type") == ("学士" if lang == "ja" else "Bachelor's degree")
    page.fill("#id_title", "学士（工学）")
    page.fill("#id_institution", "Tokyo University")
    page.select_option("#id_kind", "diploma")
    page.set_input_files("#id_file", str(diploma))
    shot("2-apply")
    with page.expect_navigation():
        page.click("form.stack button[type=submit]")
    case = Case.objects.get(applicant=people["ana"])
    assert case.credentials.get().qualification_type == "jp/gakushi"

    # upload the identity document, then submit
    page.select_option("#id_kind", "identity")
    page.set_input_files("#id_file", str(diploma))
    with page.expect_navigation():
        page.click("form.stack:has(#id_kind) button[type=submit]")
    with page.expect_navigation():
        page.click("#submit-case")
    assert Case.objects.get(pk=case.pk).state == State.SUBMITTED
    assert page.locator('#timeline [data-kind="document.add"]').count() == 2
    shot("3-follow")

    # the office decides (four eyes), the applicant receives the decision and appeals
    actions.do_mark_complete(people["eve"], case)
    actions.do_draft_decision(people["eve"], case, "full", "No substantial difference.")
    actions.do_submit_draft(people["eve"], case)
    actions.do_approve(people["sam"], case)
    page.goto(f"{base}/cases/{case.pk}/")
    assert page.locator("#decision").count() == 1 and page.locator("#appeal-deadline").count() == 1
    assert page.locator("#statement-pdf").count() == 1
    shot("4-receive")
    page.fill("#id_reasons", "The transcript shows more credits.")
    with page.expect_navigation():
        page.click("form[action$='/appeal/'] button[type=submit]")
    assert Case.objects.get(pk=case.pk).state == State.APPEALED
    assert page.locator('#timeline [data-kind="case.appeal"]').count() == 1
    shot("5-appeal")
    context.close()
