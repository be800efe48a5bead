"""Issue 11's casework rules, each as the case that broke them: four eyes on every contribution,
reasoned refusals, what applicants see, intake against the registry, and who may extend a deadline."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from django.test import Client
from django.utils import translation

from qualbridge.evaluate.policy import POLICY_DIR
from qualbridge.web.accounts.models import Office, User
from qualbridge.web.cases import actions
from qualbridge.web.cases.errors import Forbidden, InvalidTransition
from qualbridge.web.cases.models import Case, Credential, Finding, State
from qualbridge.web.cases.prefill import NOT_ASSESSED
from qualbridge.web.uploads import store

from .conftest import pdf_upload

pytestmark = pytest.mark.django_db
Users = dict[str, User]
MakeCase = Callable[..., Case]


def finding(case: Case, element: str) -> Finding:
    return Finding.objects.get(case=case, element=element)


# --- four eyes on every contribution ------------------------------------------------------------


def test_a_senior_who_changed_a_finding_cannot_approve_what_the_evaluator_submitted(
    make_case: MakeCase, users: Users
) -> None:
    case = make_case(State.IN_ASSESSMENT)
    actions.do_edit_finding(users["senior"], finding(case, "workload"), "124 tani.", False, "Transcript.")
    actions.do_draft_decision(users["evaluator"], case, "full", "No substantial difference.")
    actions.do_submit_draft(users["evaluator"], case)  # drafted_by is the evaluator, not the senior
    with pytest.raises(Forbidden):
        actions.do_approve(users["senior"], case)
    with pytest.raises(Forbidden):
        actions.do_return_draft(users["senior"], case, "Looks fine to me.")
    assert Case.objects.get(pk=case.pk).state == State.PENDING_APPROVAL
    actions.do_approve(users["senior2"], case)  # a senior who contributed nothing may
    assert Case.objects.get(pk=case.pk).state == State.DECIDED


def test_a_senior_who_wrote_the_draft_cannot_approve_it_after_another_submits_it(
    make_case: MakeCase, users: Users
) -> None:
    case = make_case(State.IN_ASSESSMENT)
    actions.do_draft_decision(users["senior"], case, "full", "Comparable to the gakushi.")
    actions.do_submit_draft(users["evaluator"], case)
    with pytest.raises(Forbidden):
        actions.do_approve(users["senior"], case)


def test_the_web_page_refuses_the_bypass_too(client: Client, make_case: MakeCase, users: Users) -> None:
    case = make_case(State.IN_ASSESSMENT)
    actions.do_edit_finding(users["senior"], finding(case, "level"), "Level 6.", False, "JEQF.")
    actions.do_draft_decision(users["evaluator"], case, "full", "No substantial difference.")
    actions.do_submit_draft(users["evaluator"], case)
    client.force_login(users["senior"])
    assert client.post(f"/cases/{case.pk}/do/approve/").status_code == 403
    assert Case.objects.get(pk=case.pk).state == State.PENDING_APPROVAL


# --- decisions that follow the method -----------------------------------------------------------


def test_a_refusal_needs_a_substantial_difference_with_its_reason_and_the_statement_cites_it(
    make_case: MakeCase, users: Users
) -> None:
    case = make_case(State.IN_ASSESSMENT)
    Finding.objects.filter(case=case).update(substantial_difference=False)
    actions.do_draft_decision(users["evaluator"], case, "non-recognition", "Not comparable.")
    with pytest.raises(InvalidTransition, match="substantial difference"):
        actions.do_submit_draft(users["evaluator"], case)
    assert Case.objects.get(pk=case.pk).state == State.IN_ASSESSMENT
    reason = "The programme is a two-year diploma, not a degree."
    actions.do_edit_finding(users["evaluator"], finding(case, "level"), reason, True, "Ministry letter.")
    actions.do_submit_draft(users["evaluator"], case)
    statement = actions.do_approve(users["senior"], case)
    decided = statement.assessment["credentials"][0]["recommendation"]
    assert decided["outcome"] == "non-recognition"
    assert f"Substantial difference in Level: {reason}" in decided["reasons_en"]
    assert any("水準における実質的な相違" in r for r in decided["reasons_ja"])


def test_a_substantial_finding_without_reasoning_is_no_ground_for_refusal(
    make_case: MakeCase, users: Users
) -> None:
    case = make_case(State.IN_ASSESSMENT)
    Finding.objects.filter(case=case).update(substantial_difference=False)
    Finding.objects.filter(case=case, element="quality").update(substantial_difference=True, reasoning=" ")
    actions.do_draft_decision(users["evaluator"], case, "non-recognition", "Not comparable.")
    with pytest.raises(InvalidTransition):
        actions.do_submit_draft(users["evaluator"], case)


def _policy_file(tmp_path: Path, outcomes: list[str]) -> str:
    data = yaml.safe_load((POLICY_DIR / "jp-nic.yaml").read_text(encoding="utf-8"))
    data["id"] = "advice-only"
    data["casework"]["outcomes"] = outcomes
    path = tmp_path / "advice-only.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(path)


def test_the_policy_says_which_outcomes_a_body_may_decide(
    client: Client, make_case: MakeCase, users: Users, office: Office, tmp_path: Path
) -> None:
    case = make_case(State.IN_ASSESSMENT)
    Office.objects.filter(pk=office.pk).update(policy=_policy_file(tmp_path, ["full", "conditional"]))
    client.force_login(users["evaluator"])
    client.post(f"/cases/{case.pk}/do/draft/", {"decision": "partial", "reasons": "Two years only."})
    response = client.post(f"/cases/{case.pk}/do/submit-draft/", follow=True)
    assert response.status_code == 200
    assert "not one policy advice-only allows" in response.content.decode()
    assert Case.objects.get(pk=case.pk).state == State.IN_ASSESSMENT


# --- what applicants see ------------------------------------------------------------------------


def test_the_applicant_sees_a_timeline_never_staff_drafts_notes_or_names(
    client: Client, make_case: MakeCase, users: Users
) -> None:
    case = make_case(State.IN_ASSESSMENT)
    actions.do_draft_decision(users["evaluator"], case, "conditional", "Internal draft wording xyzzy.")
    actions.do_submit_draft(users["evaluator"], case)
    actions.do_return_draft(users["senior"], case, "Staff-only return note plugh.")
    actions.do_draft_decision(users["evaluator"], case, "full", "No substantial difference.")
    actions.do_submit_draft(users["evaluator"], case)
    statement = actions.do_approve(users["senior"], case)
    client.force_login(users["applicant"])
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert 'id="timeline"' in page
    for step in ("case.submit", "case.complete", "decision.approve"):
        assert f'data-kind="{step}"' in page
    for hidden in ("xyzzy", "plugh", "decision.draft", "decision.return", "finding.edit"):
        assert hidden not in page
    for staff in ("evaluator", "senior"):
        assert f"— {users[staff].username} —" not in page
    assert "days left" not in page  # the clock stops when the case is decided

    actions.do_revoke_statement(users["senior2"], statement, "The diploma was found to be altered.")
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert 'id="revoked-notice"' in page and "The diploma was found to be altered." in page
    assert 'data-kind="statement.revoke"' in page and 'id="statement-pdf"' not in page


def test_an_appeal_restarts_the_clock_with_its_own_limit(
    client: Client, make_case: MakeCase, users: Users
) -> None:
    from datetime import timedelta

    from django.utils import timezone

    case = make_case(State.DECIDED)
    assert case.days_left() is None
    actions.do_appeal(users["applicant"], case, "The transcript shows more credits.")
    case.refresh_from_db()
    assert case.deadline == timezone.localdate() + timedelta(days=60)  # jp-nic: appeal_time_limit_days
    assert case.days_left() == 60
    client.force_login(users["applicant"])
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert 'data-kind="case.appeal"' in page and "60 days left" in page


# --- intake validation --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "complaint"),
    [
        ({"country": "ZZ", "qualification_type": ""}, "is not a country"),
        ({"country": "JP", "qualification_type": "jp/no-such-degree"}, "not a qualification type of JP"),
        ({"country": "GB", "qualification_type": "jp/gakushi"}, "not a qualification type of GB"),
    ],
)
def test_intake_takes_country_and_qualification_from_the_registry(
    client: Client, make_case: MakeCase, users: Users, fields: dict[str, str], complaint: str
) -> None:
    case = make_case(State.DRAFT)
    with pytest.raises(InvalidTransition, match=complaint):
        actions.do_add_credential(users["applicant"], case, title="BSc", institution="Somewhere", **fields)
    client.force_login(users["applicant"])
    response = client.post(
        f"/cases/{case.pk}/credentials/", {"title": "BSc", "institution": "Somewhere", **fields}, follow=True
    )
    assert response.status_code == 200 and complaint in response.content.decode()
    assert case.credentials.count() == 1


def test_the_institution_is_matched_or_marked_unmatched(make_case: MakeCase) -> None:
    case = make_case(State.DRAFT)
    matched = case.credentials.get()
    assert matched.institution_id == "jp/tokyo-daigaku"  # "Tokyo University" in the registry
    other = actions.do_add_credential(
        case.applicant, case, title="BSc", country="JP", institution="Nowhere Institute of Nothing"
    )
    assert other.institution_id == ""


def _input_value(html: str, name: str) -> str:
    import html as htmllib

    match = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
    assert match, name
    value = re.search(r'value="([^"]*)"', match.group(0))
    return htmllib.unescape(value.group(1)) if value else ""


@pytest.mark.parametrize(
    ("lang", "country", "kind"), [("en", "Japan", "Bachelor's degree"), ("ja", "日本", "学士")]
)
def test_the_estimates_answer_is_carried_into_the_application_form(
    client: Client, users: Users, lang: str, country: str, kind: str
) -> None:
    client.force_login(users["applicant"])
    page = client.get(
        "/cases/new/?country=jp&type=jp/gakushi&purpose=study&qualification=学士", HTTP_ACCEPT_LANGUAGE=lang
    )
    html = page.content.decode()
    # shown by name in the visitor's language, never as a code or an id (issue 16)
    assert _input_value(html, "country") == country and _input_value(html, "qualification_type") == kind
    assert _input_value(html, "title") == "学士"
    assert '<option value="further-study" selected>' in html
    assert "ISO" not in html and "type id" not in html
    translation.deactivate()  # the page's language must not leak into the next test's messages


def test_names_in_any_script_resolve_to_the_registry_ids(make_case: MakeCase, users: Users) -> None:
    case = make_case(State.DRAFT)
    for country, kind in (
        ("日本", "学士"),
        ("japan", "gakushi"),
        ("JP", "jp/gakushi"),
        ("Japan", "Bachelor's degree"),
    ):
        credential = actions.do_add_credential(
            users["applicant"], case, title="BSc", country=country, qualification_type=kind, institution="X"
        )
        assert (credential.country, credential.qualification_type) == ("JP", "jp/gakushi"), (country, kind)
    korean = actions.do_add_credential(
        users["applicant"], case, title="학사", country="대한민국", qualification_type="학사", institution="X"
    )
    assert korean.country == "KR" and korean.qualification_type.startswith("kr/")


def test_an_unassessable_credential_is_reported_on_its_own(make_case: MakeCase, users: Users) -> None:
    case = make_case(State.DRAFT)
    good = case.credentials.get()
    bad = actions.do_add_credential(
        users["applicant"], case, title="Diploma of nothing", country="FR", institution="Somewhere"
    )
    actions.do_add_document(users["applicant"], case, store(pdf_upload("id.pdf")), "identity")
    actions.do_submit(users["applicant"], case)
    actions.do_mark_complete(users["evaluator"], case)
    case.refresh_from_db()
    assert set(case.assessment["unassessable"]) == {str(bad.pk)}
    assert "jp-jeqf:6" in finding_of(good, "level").engine_text  # the good one is fully assessed
    assert finding_of(good, "workload").engine_text != NOT_ASSESSED
    assert finding_of(bad, "workload").engine_text == NOT_ASSESSED
    refusal = case.assessment["engine_refused"]
    actions.do_edit_finding(
        users["evaluator"], finding_of(bad, "level"), "Below degree level.", False, "Letter."
    )
    actions.do_draft_decision(users["evaluator"], case, "full", "The degree is comparable.")
    actions.do_submit_draft(users["evaluator"], case)
    statement = actions.do_approve(users["senior"], case)
    signed = json.dumps(statement.signed, ensure_ascii=False)
    assert refusal and refusal not in signed and refusal not in json.dumps(statement.assessment)


def finding_of(credential: Credential, element: str) -> Finding:
    return Finding.objects.get(credential=credential, element=element)


def test_the_assessment_cannot_start_without_the_identity_document(
    make_case: MakeCase, users: Users, office: Office
) -> None:
    case = actions.do_create_case(users["applicant"], office, "employment")
    actions.do_add_credential(
        users["applicant"], case, title="学士", qualification_type="jp/gakushi", country="JP", institution="x"
    )
    actions.do_add_document(users["applicant"], case, store(pdf_upload()), "diploma")
    actions.do_submit(users["applicant"], case)
    with pytest.raises(InvalidTransition, match="Identity document"):
        actions.do_mark_complete(users["evaluator"], case)
    assert Case.objects.get(pk=case.pk).state == State.SUBMITTED
    # the refugee procedure: a background paper stands in for the missing documents
    actions.do_add_document(users["applicant"], case, store(pdf_upload("paper.pdf")), "background-paper")
    actions.do_mark_complete(users["evaluator"], case)
    assert Case.objects.get(pk=case.pk).state == State.IN_ASSESSMENT


# --- smaller items ------------------------------------------------------------------------------


def test_only_the_assigned_evaluator_or_a_senior_extends_the_deadline(
    make_case: MakeCase, users: Users
) -> None:
    from datetime import timedelta

    case = make_case(State.IN_ASSESSMENT)
    assert case.evaluator == users["evaluator"] and case.deadline is not None
    with pytest.raises(Forbidden):
        actions.do_record_delay(users["evaluator2"], case, case.deadline + timedelta(days=9), "Busy.")
    actions.do_record_delay(
        users["senior"], case, case.deadline + timedelta(days=9), "Awaiting the ministry."
    )


def test_staff_cannot_read_a_case_the_applicant_has_not_submitted(
    client: Client, make_case: MakeCase, users: Users
) -> None:
    case = make_case(State.DRAFT)
    for who in ("evaluator", "senior", "admin"):
        client.force_login(users[who])
        assert client.get(f"/cases/{case.pk}/").status_code == 404
        assert case.reference not in client.get("/cases/?state=draft").content.decode()
        document = case.documents.get()
        assert client.get(f"/cases/{case.pk}/documents/{document.pk}/").status_code == 404
    actions.do_add_document(users["applicant"], case, store(pdf_upload("id.pdf")), "identity")
    actions.do_submit(users["applicant"], case)
    client.force_login(users["evaluator"])
    assert client.get(f"/cases/{case.pk}/").status_code == 200


def test_partial_alternative_and_conditional_name_what_they_rest_on(
    make_case: MakeCase, users: Users
) -> None:
    case = make_case(State.IN_ASSESSMENT)  # the engine recommends conditional (no transcript)
    actions.do_draft_decision(users["evaluator"], case, "partial", "Only part of the programme.")
    with pytest.raises(InvalidTransition, match="must name what it rests on"):
        actions.do_submit_draft(users["evaluator"], case)
    basis = "The first two years (62 tani) of the gakushi programme."
    actions.do_draft_decision(users["evaluator"], case, "partial", "Only part of the programme.", basis)
    actions.do_submit_draft(users["evaluator"], case)
    statement = actions.do_approve(users["senior"], case)
    decided = statement.assessment["credentials"][0]["recommendation"]
    assert f"The decision rests on: {basis}" in decided["reasons_en"]
    assert any(basis in r for r in decided["reasons_ja"])


def test_a_conditional_recognition_states_its_conditions(make_case: MakeCase, users: Users) -> None:
    case = make_case(State.IN_ASSESSMENT)
    assert case.assessment["recommendation"]["outcome"] == "conditional"
    condition = "Send the certified transcript of records."
    actions.do_draft_decision(users["evaluator"], case, "conditional", "Transcript missing.", condition)
    actions.do_submit_draft(users["evaluator"], case)
    statement = actions.do_approve(users["senior"], case)
    assert statement.signed["credentialSubject"]["decision"]["outcome"] == "conditional"
    assert condition in statement.assessment["credentials"][0]["recommendation"]["conditions_en"]


def test_the_estimate_links_to_the_application_with_its_answer(client: Client) -> None:
    page = client.get("/estimate?qualification=gakushi&country=jp&purpose=study&destination=jp-jeqf")
    html = page.content.decode()
    assert 'id="apply-with-estimate"' in html
    link = re.search(r'id="apply-with-estimate"[^>]*href="([^"]+)"', html) or re.search(
        r'href="([^"]+)"[^>]*id="apply-with-estimate"', html
    )
    assert link is not None
    query = parse_qs(urlsplit(link.group(1).replace("&amp;", "&")).query)
    assert query["type"] == ["jp/gakushi"] and query["country"] == ["JP"] and query["purpose"] == ["study"]
