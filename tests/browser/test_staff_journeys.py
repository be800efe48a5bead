"""The evaluator's, the senior evaluator's and the verifier's journeys in Chromium, in English and
Japanese, at phone width (390 px), with a screenshot of every step kept as a test artefact.

The applicant's side is set up through the casework actions (the applicant's journey is its own test):
a submitted case whose holder is named in Hangul. The evaluator opens the menu with its button, finds
the case in the queue, starts the assessment, records a finding and sends a draft decision; the senior
evaluator approves it and downloads the statement from the staff page, which names the holder; a
stranger pastes the signed statement into the verify page. On every page the document is no wider than
the screen (tables and the picture scroll inside their own box), and the language switcher changes
nothing until its button is pressed (WCAG 3.2.2). Screenshots go to ``$QUALBRIDGE_ARTEFACTS``
(default ``test-artefacts/``, ignored by git).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from qualbridge.web.accounts.models import Office, Role, User
from qualbridge.web.cases import actions
from qualbridge.web.cases.models import Case, State
from qualbridge.web.uploads import store

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"
PHONE = {"width": 390, "height": 844}
HOLDER = "김민준"
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
WORDS = {
    "en": {"approved": "Decided", "valid": "Valid"},
    "ja": {"approved": "決定済み", "valid": "有効"},
}


def artefacts() -> Path:
    folder = Path(os.environ.get("QUALBRIDGE_ARTEFACTS", "test-artefacts")) / "staff-journeys"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def shot(page: Any, name: str) -> None:
    page.screenshot(path=str(artefacts() / f"{name}.png"), full_page=True)


def fits_the_screen(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391)"
        ".filter(e => !e.closest('.table-scroll, .picture, main table') || e.matches('.table-scroll, .picture')).slice(0, 5)"
        ".map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + (e.textContent || '').slice(0, 40))"
    )
    assert width <= PHONE["width"], f"{page.url} is {width} px wide at {PHONE['width']} px: {wide}"


def choose_language(page: Any, lang: str) -> None:
    """Choose with the keyboard (nothing happens), then press the switcher's button."""
    start = page.url
    page.focus("#language-switch")
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(400)
    assert page.url == start and page.get_attribute("html", "lang") != lang  # ArrowDown changed nothing
    page.select_option("#language-switch", lang)
    with page.expect_navigation():
        page.click("form.lang button[type=submit]")
    assert page.get_attribute("html", "lang") == lang


def open_menu(page: Any) -> None:
    nav = page.locator("#site-nav")
    assert not nav.is_visible()  # collapsed behind its button at phone width
    page.click("#menu-toggle")
    assert page.get_attribute("#menu-toggle", "aria-expanded") == "true"
    assert nav.is_visible()
    box = page.locator("#site-nav a").first.bounding_box()
    assert box is not None and box["x"] + box["width"] <= PHONE["width"]


def phone(browser: Any, base: str, lang: str, username: str | None = None) -> Any:
    context = browser.new_context(locale="en-GB", viewport=PHONE, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(45_000)
    page.goto(f"{base}/accounts/login/" if username else f"{base}/verify")
    if lang != "en":
        choose_language(page, lang)
    if username:
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        with page.expect_navigation():
            page.click("form.stack button[type=submit]")
    return page


def click_and_wait(page: Any, selector: str) -> None:
    with page.expect_navigation():
        page.click(selector)


@pytest.fixture
def submitted(tmp_path: Path, settings: Any) -> Case:
    settings.UPLOAD_DIR = tmp_path / "uploads"
    settings.KEY_DIR = tmp_path / "keys"
    office = Office.objects.create(
        slug="nic", name_en="Admissions office", name_ja="入学審査担当", policy="jp-nic"
    )
    from qualbridge.web.trust.keystore import create_office_key

    create_office_key(office)
    ana = User.objects.create_user("ana", password=PASSWORD, role=Role.APPLICANT, office=office)
    for name, role in (("eve", Role.EVALUATOR), ("sam", Role.SENIOR)):
        User.objects.create_user(name, password=PASSWORD, role=role, office=office)
    case = actions.do_create_case(
        ana,
        office,
        "further-study",
        holder={"holder_name": HOLDER, "holder_name_latin": "KIM Minjun", "holder_birth_date": "1999-05-04"},
    )
    credential = actions.do_add_credential(
        ana, case, title="학사 (공학)", qualification_type="kr/haksa", country="KR",
        institution="Seoul National University", awarded_year=2022,
    )  # fmt: skip
    upload = SimpleUploadedFile("diploma.pdf", PDF, content_type="application/pdf")
    actions.do_add_document(ana, case, store(upload), "diploma", credential=credential)
    passport = SimpleUploadedFile("passport.pdf", PDF, content_type="application/pdf")
    actions.do_add_document(ana, case, store(passport), "identity")
    actions.do_submit(ana, case)
    return Case.objects.get(pk=case.pk)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_evaluator_senior_and_verifier_at_phone_width(
    browser: Any, live_server: Any, submitted: Case, tmp_path: Path, lang: str
) -> None:
    base, case = live_server.url, submitted

    evaluator = phone(browser, base, lang, "eve")
    open_menu(evaluator)
    shot(evaluator, f"{lang}-1-evaluator-menu")
    click_and_wait(evaluator, "#site-nav a[href='/cases/']")
    fits_the_screen(evaluator)
    shot(evaluator, f"{lang}-2-evaluator-queue")
    click_and_wait(evaluator, f"text={case.reference}")
    click_and_wait(evaluator, "#mark-complete")
    assert Case.objects.get(pk=case.pk).state == State.IN_ASSESSMENT
    finding = evaluator.locator("form[action*='/findings/']").first
    finding.locator("textarea[name$='-reasoning']").fill("Four-year bachelor's degree; comparable level.")
    with evaluator.expect_navigation():
        finding.locator("button[type=submit]").click()
    evaluator.select_option("#id_decision", "full")
    evaluator.fill("#id_reasons", "No substantial difference in level, workload or profile.")
    click_and_wait(evaluator, "#save-draft")
    fits_the_screen(evaluator)
    shot(evaluator, f"{lang}-3-evaluator-draft")
    click_and_wait(evaluator, "#submit-draft")
    assert Case.objects.get(pk=case.pk).state == State.PENDING_APPROVAL

    senior = phone(browser, base, lang, "sam")
    senior.goto(f"{base}/cases/{case.pk}/")
    fits_the_screen(senior)
    shot(senior, f"{lang}-4-senior-case")
    click_and_wait(senior, "#approve")
    assert Case.objects.get(pk=case.pk).state == State.DECIDED
    assert senior.locator("#case-status").inner_text() == WORDS[lang]["approved"]
    shot(senior, f"{lang}-5-senior-approved")
    with senior.expect_download() as download:
        senior.click("#statement-pdf")  # the staff page links the statement's PDF
    pdf = tmp_path / "statement.pdf"
    download.value.save_as(pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert HOLDER in text and "KIM Minjun" in text and "1999-05-04" in text and "in 2022" in text

    signed = case.statements.get().signed
    verifier = phone(browser, base, lang)
    verifier.fill("textarea[name=statement]", json.dumps(signed))
    click_and_wait(verifier, "form.panel button[type=submit]")
    state = verifier.get_attribute("#verdict", "data-state")
    assert state == "valid", verifier.locator("#verdict").inner_text()
    assert WORDS[lang]["valid"] in verifier.locator("#verdict-h").inner_text()
    fits_the_screen(verifier)
    shot(verifier, f"{lang}-6-verifier-result")
    for page in (evaluator, senior, verifier):
        page.context.close()


def test_phone_layout_of_the_public_pages(browser: Any, live_server: Any) -> None:
    page = phone(browser, live_server.url, "ja")
    page.goto(f"{live_server.url}/frameworks/jp-jeqf/vs/gb-rqf")
    fits_the_screen(page)
    picture = page.locator("#picture")
    scroll, client = picture.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert scroll > client  # the picture keeps a readable size and scrolls sideways
    shot(page, "ja-picture")
    page.goto(f"{live_server.url}/jeqf")
    fits_the_screen(page)
    lines = page.locator("#level-8 th.level-name").evaluate(
        "el => { const r = document.createRange(); r.selectNodeContents(el); "
        "return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }"
    )
    assert lines == 1  # "レベル8" on one line
    shot(page, "ja-jeqf")
    page.context.close()
