"""h18p: the qualifications passport for refugees, end to end in the casework.

Two different evaluators of the office record the structured interview and both sign it; only then is
a passport issued, signed with the office's key. It verifies on the page, in the API and with the CLI,
says it is a qualifications passport with its validity period, is reported expired after that period,
revoked through the office's status list, and a changed passport fails. The applicant sees their own.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import translation
from typer.testing import CliRunner

from qualbridge.cli.main import app as cli_app
from qualbridge.statements.statuslist import StatusEntry, entry_is_set
from qualbridge.web.accounts.models import Office, Role, User
from qualbridge.web.cases import actions as case_actions
from qualbridge.web.cases.errors import Forbidden, InvalidTransition
from qualbridge.web.cases.models import Case
from qualbridge.web.explorer import verification
from qualbridge.web.passport import actions
from qualbridge.web.passport.models import Interview, Passport
from qualbridge.web.trust.did import site_trust_list
from qualbridge.web.uploads import store

from .conftest import PASSWORD, pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english() -> Any:
    """The refusals are read in English here (a page request in Japanese leaves its language active)."""
    with translation.override("en"):
        yield


RECORD: dict[str, Any] = {
    "conducted_on": dt.date(2026, 11, 30),
    "language": "Arabic",
    "title": "Bachelor of Civil Engineering",
    "country": "SY",
    "institution": "Damascus University",
    "field": "Civil engineering (ISCED-F 0732)",
    "awarded": "2014",
    "level": "Bachelor's level, four years of full-time study",
    "work_experience": "Site engineer, 2015-2019",
    "language_proficiency": "Arabic (first language)\nEnglish (B2, interview)",
    "evidence": "Background paper\nPhotograph of the student card\nStructured interview",
    "certainty": "probable",
}


@pytest.fixture
def refugee_case(users: dict[str, User], office: Office) -> Case:
    applicant = users["applicant"]
    applicant.first_name, applicant.last_name = "Lina", "Haddad"
    applicant.save()
    case = case_actions.do_create_case(applicant, office, "further-study")
    case_actions.do_add_credential(
        applicant,
        case,
        title="Bachelor of Civil Engineering",
        qualification_type="",
        country="SY",
        institution="Damascus University",
        awarded_year=2014,
    )
    case_actions.do_add_document(applicant, case, store(pdf_upload("background.pdf")), "background-paper")
    case_actions.do_submit(applicant, case)
    return Case.objects.get(pk=case.pk)


def interviewed(users: dict[str, User], case: Case, signed: bool = True) -> Interview:
    interview = actions.do_start_interview(users["evaluator"], case, users["evaluator2"], RECORD)
    if signed:
        actions.do_sign(users["evaluator"], interview)
        actions.do_sign(users["evaluator2"], interview)
    return Interview.objects.get(pk=interview.pk)


def issued(users: dict[str, User], case: Case) -> Passport:
    return actions.do_issue(users["evaluator"], interviewed(users, case))


def test_the_interview_needs_two_different_evaluators_of_the_office(
    users: dict[str, User], refugee_case: Case, other_office: Office
) -> None:
    with pytest.raises(InvalidTransition, match="two different people"):
        actions.do_start_interview(users["evaluator"], refugee_case, users["evaluator"], RECORD)
    outsider = User.objects.create_user("oz", password=PASSWORD, role=Role.EVALUATOR, office=other_office)
    with pytest.raises(InvalidTransition, match="evaluator of this case's office"):
        actions.do_start_interview(users["evaluator"], refugee_case, outsider, RECORD)
    with pytest.raises(InvalidTransition, match="evaluator of this case's office"):
        actions.do_start_interview(users["evaluator"], refugee_case, users["applicant"], RECORD)
    with pytest.raises(Forbidden):
        actions.do_start_interview(users["admin"], refugee_case, users["evaluator"], RECORD)
    assert not Interview.objects.exists()


def test_a_passport_is_issued_only_after_both_evaluators_signed(
    users: dict[str, User], refugee_case: Case
) -> None:
    interview = interviewed(users, refugee_case, signed=False)
    with pytest.raises(InvalidTransition, match="has not signed"):
        actions.do_issue(users["evaluator"], interview)
    with pytest.raises(Forbidden, match="Only the two evaluators"):
        actions.do_sign(users["senior"], interview)
    actions.do_sign(users["evaluator"], interview)
    with pytest.raises(InvalidTransition, match="evan has not signed"):
        actions.do_issue(users["evaluator"], Interview.objects.get(pk=interview.pk))
    actions.do_sign(users["evaluator2"], interview)
    # a change after signing clears both signatures: each signs what the passport will say
    actions.do_edit_interview(users["evaluator2"], interview, {**RECORD, "certainty": "confident"})
    interview = Interview.objects.get(pk=interview.pk)
    assert interview.signed_by() == set()
    with pytest.raises(InvalidTransition, match="has not signed"):
        actions.do_issue(users["evaluator"], interview)
    actions.do_sign(users["evaluator"], interview)
    actions.do_sign(users["evaluator2"], interview)
    passport = actions.do_issue(users["evaluator2"], Interview.objects.get(pk=interview.pk))
    assert passport.signed["credentialSubject"]["certainty"] == "confident"
    assert Passport.objects.filter(case=refugee_case).count() == 1


def test_an_insufficient_finding_or_a_case_outside_the_refugee_procedure_gets_no_passport(
    users: dict[str, User], refugee_case: Case, make_case: Any
) -> None:
    interview = actions.do_start_interview(
        users["evaluator"], refugee_case, users["evaluator2"], {**RECORD, "certainty": "insufficient"}
    )
    actions.do_sign(users["evaluator"], interview)
    actions.do_sign(users["evaluator2"], interview)
    with pytest.raises(InvalidTransition, match="insufficient"):
        actions.do_issue(users["evaluator"], Interview.objects.get(pk=interview.pk))
    documented = make_case("submitted")
    with pytest.raises(InvalidTransition, match="background paper"):
        actions.do_start_interview(users["evaluator"], documented, users["evaluator2"], RECORD)


def test_the_passport_is_a_distinct_type_valid_for_the_eqpr_five_years(
    users: dict[str, User], refugee_case: Case
) -> None:
    doc = issued(users, refugee_case).signed
    assert doc["type"] == ["VerifiableCredential", "QualificationsPassport"]
    assert doc["@context"][1].endswith("/contexts/statement/v2.jsonld") or doc["@context"][1].endswith(":v2")
    start = dt.date.fromisoformat(doc["validFrom"][:10])
    assert doc["validUntil"] == f"{start.replace(year=start.year + 5).isoformat()}T23:59:59Z"
    subject = doc["credentialSubject"]
    assert subject["assessedQualification"][0]["title"] == "Bachelor of Civil Engineering"
    assert "Structured interview" in subject["basedOn"] and subject["interview"]["interviewerCount"] == 2
    assert subject["certainty"] == "probable" and set(subject["certaintyStatement"]) == {"en", "ja"}
    assert "not a formal recognition decision" in subject["documentStatus"]["en"]


def _verify_page(client: Client, doc: dict[str, Any], lang: str = "en") -> str:
    client.cookies["django_language"] = lang
    response = client.post("/verify", {"statement": json.dumps(doc)}, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200
    return response.content.decode()


def test_it_verifies_on_the_page_the_api_and_by_its_qr_link(
    users: dict[str, User], refugee_case: Case
) -> None:
    passport = issued(users, refugee_case)
    client = Client()
    page = _verify_page(client, passport.signed)
    assert 'data-state="valid"' in page and 'data-kind="qualifications-passport"' in page
    assert f'data-valid-until="{passport.signed["validUntil"]}"' in page
    answer = client.post(
        "/api/v1/statements/verify", {"statement": passport.signed}, content_type="application/json"
    ).json()
    assert answer["verified"] and answer["state"] == "valid" and answer["kind"] == "qualifications-passport"
    assert answer["statement"]["passport"]["valid_until"] == passport.signed["validUntil"]
    ref = passport.credential_id.removeprefix("urn:uuid:")
    linked = client.get(f"/verify?id={ref}").content.decode()
    assert 'data-state="valid"' in linked and 'id="passport"' in linked


def test_an_expired_passport_is_reported_expired(users: dict[str, User], refugee_case: Case) -> None:
    """A passport issued five years and two days ago expired yesterday; the office's status list is current."""
    today = dt.date.today()
    long_ago = today.replace(year=today.year - 5) - dt.timedelta(days=2)
    passport = actions.do_issue(users["evaluator"], interviewed(users, refugee_case), today=long_ago)
    result = verification.verify(passport.signed)
    assert (
        result.state == "expired" and result.content and result.content["kind"] == "qualifications-passport"
    )
    page = _verify_page(Client(), passport.signed)
    assert 'data-state="expired"' in page and 'id="passport-expired"' in page
    ja = _verify_page(Client(), passport.signed, "ja")
    assert "有効期限が切れました" in ja
    before = dt.datetime.fromisoformat(passport.signed["validUntil"].replace("Z", "+00:00")) - dt.timedelta(
        days=1
    )
    assert verification.verify(passport.signed, now=before).checks[-1].code == "validity.ok"


def test_a_revoked_passport_fails_through_the_status_list(users: dict[str, User], refugee_case: Case) -> None:
    passport = issued(users, refugee_case)
    with pytest.raises(Forbidden):
        actions.do_revoke(users["evaluator"], passport, "wrong person")
    with pytest.raises(InvalidTransition, match="Say why"):
        actions.do_revoke(users["senior"], passport, " ")
    actions.do_revoke(users["senior"], passport, "The applicant's identity was confused with another.")
    answer = (
        Client()
        .post("/api/v1/statements/verify", {"statement": passport.signed}, content_type="application/json")
        .json()
    )
    assert answer["state"] == "revoked" and answer["kind"] == "qualifications-passport"
    status_list = Client().get(f"/status/{refugee_case.office.slug}/revocation").json()
    entry = StatusEntry.from_json(passport.signed["credentialStatus"])
    assert entry.status_list_index == passport.status_index and entry_is_set(entry, status_list)


def test_a_changed_passport_is_detected(users: dict[str, User], refugee_case: Case) -> None:
    passport = issued(users, refugee_case)
    for change in ("certainty", "validUntil"):
        doc = copy.deepcopy(passport.signed)
        if change == "certainty":
            doc["credentialSubject"]["certainty"] = "confident"
        else:
            doc["validUntil"] = "2099-12-31T23:59:59Z"
        assert verification.verify(doc).state == "tampered", change


def test_the_cli_verifies_a_passport_and_reports_expiry(
    users: dict[str, User], refugee_case: Case, tmp_path: Path
) -> None:
    passport = issued(users, refugee_case)
    path = tmp_path / "passport.json"
    path.write_text(json.dumps(passport.signed), encoding="utf-8")
    trust = tmp_path / "trust.json"
    trust.write_text(json.dumps(site_trust_list().to_json()), encoding="utf-8")
    runner = CliRunner()
    shown = runner.invoke(cli_app, ["statements", "verify", str(path), "--trust-list", str(trust)])
    # the office's own status list is not given to the CLI (nothing is fetched): that check alone fails
    assert "qualifications passport" in shown.output and passport.signed["validUntil"] in shown.output
    answer = json.loads(
        runner.invoke(
            cli_app, ["statements", "verify", str(path), "--trust-list", str(trust), "--json"]
        ).output
    )
    assert answer["kind"] == "qualifications-passport"
    assert answer["validity"]["validUntil"] == passport.signed["validUntil"]
    failed = {c["check"] for c in answer["checks"] if not c["ok"]}
    assert failed <= {"status"}


def test_the_applicant_sees_their_own_passport_in_ja_and_en_and_nobody_elses(
    users: dict[str, User], refugee_case: Case
) -> None:
    issued(users, refugee_case)
    client = Client()
    client.force_login(users["applicant"])
    assert client.get(f"/cases/{refugee_case.pk}/passport/mine/").status_code == 200
    ja = client.get(f"/cases/{refugee_case.pk}/passport.html?lang=ja").content.decode()
    en = client.get(f"/cases/{refugee_case.pk}/passport.html?lang=en").content.decode()
    assert '<html lang="ja">' in ja and "資格パスポート" in ja and "評価の根拠" in ja
    assert '<html lang="en">' in en and "What the assessment rests on" in en and "資格パスポート" not in en
    assert "Bachelor of Civil Engineering" in ja and "Bachelor of Civil Engineering" in en
    assert client.get(f"/cases/{refugee_case.pk}/passport.html?lang=fr").status_code == 404
    assert client.get(f"/cases/{refugee_case.pk}/passport.json").json()["type"][1] == "QualificationsPassport"
    client.force_login(users["other_applicant"])
    assert client.get(f"/cases/{refugee_case.pk}/passport.json").status_code == 404
    assert client.get(f"/cases/{refugee_case.pk}/passport/").status_code == 404


def test_the_pdf_is_in_the_language_asked_for(
    users: dict[str, User], refugee_case: Case, tmp_path: Path
) -> None:
    issued(users, refugee_case)
    client = Client()
    client.force_login(users["applicant"])
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "pdftotext is missing: install poppler-utils (make system-packages)"
    for lang, words in (("ja", "資格パスポート"), ("en", "Qualifications passport")):
        response = client.get(f"/cases/{refugee_case.pk}/passport.pdf?lang={lang}")
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        path = tmp_path / f"{lang}.pdf"
        path.write_bytes(response.content)
        text = subprocess.run([pdftotext, str(path), "-"], capture_output=True, text=True, check=True).stdout
        assert words in text


def test_the_staff_page_runs_the_interview_with_csrf_and_clear_refusals(
    users: dict[str, User], refugee_case: Case
) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["evaluator"])
    page = client.get(f"/cases/{refugee_case.pk}/passport/")
    assert page.status_code == 200 and "Damascus University" in page.content.decode()
    form = {k: str(v) for k, v in RECORD.items()}
    assert client.post(f"/cases/{refugee_case.pk}/passport/", form).status_code == 403  # no CSRF token
    client = Client()
    client.force_login(users["evaluator"])
    mine = client.post(
        f"/cases/{refugee_case.pk}/passport/",
        {**form, "second_evaluator": users["evaluator"].pk},
        follow=True,
    )
    assert not Interview.objects.exists() and "Select a valid choice" in mine.content.decode()
    client.post(f"/cases/{refugee_case.pk}/passport/", {**form, "second_evaluator": users["evaluator2"].pk})
    assert Interview.objects.get().evaluators() == ["eve", "evan"]
    refused = client.post(f"/cases/{refugee_case.pk}/passport/issue/", follow=True).content.decode()
    assert "has not signed" in refused and not Passport.objects.exists()
    client.post(f"/cases/{refugee_case.pk}/passport/sign/")
    second = Client()
    second.force_login(users["evaluator2"])
    second.post(f"/cases/{refugee_case.pk}/passport/sign/")
    done = second.post(f"/cases/{refugee_case.pk}/passport/issue/", follow=True).content.decode()
    assert Passport.objects.filter(case=refugee_case).count() == 1 and "passport is issued" in done
    applicant = Client()
    applicant.force_login(users["applicant"])
    assert applicant.post(f"/cases/{refugee_case.pk}/passport/sign/").status_code == 403


def test_the_demo_has_a_refugee_case_whose_passport_verifies(db: None) -> None:
    from qualbridge.web import demo

    lines = list(demo.seed())
    assert any("qualifications passport" in line for line in lines)
    passport = Passport.objects.get()
    assert passport.case.documents.filter(kind="background-paper").exists()
    assert verification.verify(passport.signed).state == "valid"


def test_the_cli_reports_an_expired_passport_as_expired(
    users: dict[str, User], refugee_case: Case, tmp_path: Path
) -> None:
    today = dt.date.today()
    long_ago = today.replace(year=today.year - 6)
    passport = actions.do_issue(users["evaluator"], interviewed(users, refugee_case), today=long_ago)
    path = tmp_path / "passport.json"
    path.write_text(json.dumps(passport.signed), encoding="utf-8")
    trust = tmp_path / "trust.json"
    trust.write_text(json.dumps(site_trust_list().to_json()), encoding="utf-8")
    shown = CliRunner().invoke(cli_app, ["statements", "verify", str(path), "--trust-list", str(trust)])
    assert shown.exit_code == 1
    assert f"expired on {passport.signed['validUntil']}" in " ".join(shown.output.split())
