"""The casework journey in Debian's Chromium, in English and in Japanese.

An applicant applies with a PDF and submits; the evaluator completes the file, edits a finding and
drafts the decision; a senior evaluator approves it; the applicant downloads the statement (PDF and
signed JSON). Each person signs in through the real sign-in page in their own browser context.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from qualbridge.statements.render import ATTACHMENT_NAME
from qualbridge.web.accounts.models import Office, Role, User
from qualbridge.web.cases.models import Case, State

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
#: what each language shows at the end (the status and decision as the applicant reads them)
EXPECTED = {"en": ("Decided", "Full recognition"), "ja": ("決定済み", "完全承認")}


@pytest.fixture
def people(tmp_path: Path, settings: Any) -> dict[str, User]:
    settings.UPLOAD_DIR = tmp_path / "uploads"
    settings.KEY_DIR = tmp_path / "keys"
    office = Office.objects.create(
        slug="nic", name_en="Admissions office", name_ja="入学審査担当", policy="jp-nic"
    )
    from qualbridge.web.trust.keystore import create_office_key

    create_office_key(office)
    return {
        name: User.objects.create_user(name, password=PASSWORD, role=role, office=office)
        for name, role in (("ana", Role.APPLICANT), ("eve", Role.EVALUATOR), ("sam", Role.SENIOR))
    }


def sign_in(browser: Any, base: str, username: str, lang: str) -> Any:
    context = browser.new_context(locale="en-GB", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(45_000)
    page.goto(f"{base}/accounts/login/")
    if lang != "en":
        page.select_option("#language-switch", lang)
        with page.expect_navigation():
            page.click("form.lang button[type=submit]")
    assert page.get_attribute("html", "lang") == lang
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("form.stack button[type=submit]")
    return page


def click_and_wait(page: Any, selector: str) -> None:
    with page.expect_navigation():
        page.click(selector)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_apply_assess_approve_download(
    browser: Any, live_server: Any, people: dict[str, User], tmp_path: Path, lang: str
) -> None:
    base = live_server.url
    diploma = tmp_path / "diploma.pdf"
    diploma.write_bytes(PDF)

    applicant = sign_in(browser, base, "ana", lang)
    applicant.goto(f"{base}/cases/new/")
    applicant.select_option("#id_purpose", "further-study")
    applicant.fill("#id_title", "BSc (Hons) Computer Science")
    applicant.fill("#id_qualification_type", "gb/bachelor-honours")
    applicant.fill("#id_country", "GB")
    applicant.fill("#id_institution", "University of Leeds")
    applicant.fill("#id_awarded_year", "2021")
    applicant.select_option("#id_kind", "diploma")
    applicant.set_input_files("#id_file", str(diploma))
    click_and_wait(applicant, "form.stack button[type=submit]")
    case = Case.objects.get(applicant=people["ana"])
    assert case.documents.get().sha256
    applicant.select_option("#id_kind", "identity")  # the assessment cannot start without it (issue 11)
    applicant.set_input_files("#id_file", str(diploma))
    click_and_wait(applicant, "form.stack:has(#id_kind) button[type=submit]")
    assert case.documents.filter(kind="identity").exists()
    click_and_wait(applicant, "#submit-case")
    assert Case.objects.get(pk=case.pk).state == State.SUBMITTED

    evaluator = sign_in(browser, base, "eve", lang)
    evaluator.goto(f"{base}/cases/")
    click_and_wait(evaluator, f"text={case.reference}")
    click_and_wait(evaluator, "#mark-complete")
    assert evaluator.locator("#case-status").inner_text() == str(State.IN_ASSESSMENT.label) or lang == "ja"
    finding = evaluator.locator("form[action*='/findings/']").first
    finding.locator("textarea[name$='-reasoning']").fill("Three-year honours degree; comparable level.")
    with evaluator.expect_navigation():
        finding.locator("button[type=submit]").click()
    evaluator.select_option("#id_decision", "full")
    evaluator.fill("#id_reasons", "No substantial difference in level, workload or profile.")
    click_and_wait(evaluator, "#save-draft")
    click_and_wait(evaluator, "#submit-draft")
    assert Case.objects.get(pk=case.pk).state == State.PENDING_APPROVAL

    senior = sign_in(browser, base, "sam", lang)
    senior.goto(f"{base}/cases/{case.pk}/")
    click_and_wait(senior, "#approve")
    assert Case.objects.get(pk=case.pk).state == State.DECIDED

    applicant.goto(f"{base}/cases/{case.pk}/")
    status, decision = EXPECTED[lang]
    assert applicant.locator("#case-status").inner_text() == status
    assert applicant.locator("#decision").inner_text() == decision
    with applicant.expect_download() as pdf_download:
        applicant.click("#statement-pdf")
    pdf_path = tmp_path / "statement.pdf"
    pdf_download.value.save_as(pdf_path)
    assert pdf_path.read_bytes().startswith(b"%PDF")
    with applicant.expect_download() as json_download:
        applicant.click("#statement-json")
    json_path = tmp_path / "statement.json"
    json_download.value.save_as(json_path)
    signed = json.loads(json_path.read_text(encoding="utf-8"))
    assert signed["credentialSubject"]["caseReference"] == case.reference
    assert signed["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    # the core's bilingual statement of the approved decision, embedding the same signed credential
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "完全な承認" in text and "Full recognition" in text
    assert "No substantial difference in level, workload or profile." in text
    subprocess.run(["pdfdetach", "-saveall", "-o", str(tmp_path), str(pdf_path)], check=True)
    assert json.loads((tmp_path / ATTACHMENT_NAME).read_text(encoding="utf-8")) == signed
    assert signed["credentialSubject"]["decision"]["outcome"] == "full"
    for page in (applicant, evaluator, senior):
        page.context.close()
