"""The training mode: a trainee works a training case in the casework screens and is scored; a training
office never signs a statement or publishes a decision; trainees see only their own training cases."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from qualbridge.training.catalogue import get_training_case
from qualbridge.web.accounts.models import Office, Role, User
from qualbridge.web.cases import actions
from qualbridge.web.cases.errors import Forbidden, InvalidTransition
from qualbridge.web.cases.models import Case, Finding, State, Statement
from qualbridge.web.decisions.actions import do_publish_decision
from qualbridge.web.training.actions import do_start_training_case
from qualbridge.web.training.models import Attempt, TrainingOffice
from qualbridge.web.trust.keystore import create_office_key

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"
CASE_ID = "dk-academy-profession-master"  # reference: level substantial, the others not; alternative


@pytest.fixture
def people() -> dict[str, User]:
    office = Office.objects.create(slug="train", name_en="Training", name_ja="研修", policy="jp-nic")
    TrainingOffice.objects.create(office=office)
    create_office_key(office)  # even with a key, a training office must never sign
    real = Office.objects.create(slug="real", name_en="Real", name_ja="本番", policy="jp-nic")
    users = {
        name: User.objects.create_user(name, password=PASSWORD, role=role, office=office)
        for name, role in (("tina", Role.EVALUATOR), ("tom", Role.EVALUATOR), ("sue", Role.SENIOR))
    }
    users["eve"] = User.objects.create_user("eve", password=PASSWORD, role=Role.EVALUATOR, office=real)
    users["senior_real"] = User.objects.create_user("rs", password=PASSWORD, role=Role.SENIOR, office=real)
    return users


def work(trainee: User, case_id: str, substantial: set[str], decision: str, basis: str = "") -> Case:
    case = do_start_training_case(trainee, case_id).case
    for finding in Finding.objects.filter(case=case):
        actions.do_edit_finding(trainee, finding, "", finding.element in substantial, "my reasoning")
    actions.do_draft_decision(trainee, case, decision, "my reasons", basis)
    actions.do_submit_draft(trainee, case)
    return Case.objects.get(pk=case.pk)


def test_started_case_is_in_assessment_with_five_open_findings(people: dict[str, User]) -> None:
    case = do_start_training_case(people["tina"], CASE_ID).case
    assert case.state == State.IN_ASSESSMENT and case.evaluator == people["tina"]
    findings = Finding.objects.filter(case=case)
    assert sorted(f.element for f in findings) == sorted(get_training_case(CASE_ID).reference.elements)
    assert all(f.substantial_difference is None and not f.engine_text for f in findings)


def test_submitting_the_draft_scores_each_element_and_the_decision(people: dict[str, User]) -> None:
    case = work(people["tina"], CASE_ID, {"workload"}, "full")
    score: dict[str, Any] = Attempt.objects.get(case=case).score
    verdicts = {line["element"]: line["verdict"] for line in score["elements"]}
    reference = get_training_case(CASE_ID).reference
    for name, element in reference.elements.items():
        answered = name == "workload"
        assert verdicts[name] == ("agrees" if answered == element.substantial else "differs")
    assert score["decision"] == {
        "expected": reference.decision.outcome,
        "given": "full",
        "verdict": "differs",
    }


def test_the_case_page_shows_the_score_with_the_reference_reasons(people: dict[str, User]) -> None:
    case = work(
        people["tina"], CASE_ID, {"level"}, "alternative", basis="Recognised as a short-cycle degree."
    )
    client = Client()
    client.force_login(people["tina"])
    page = client.get(f"/cases/{case.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "6 of 6 agree with the reference" in page
    assert get_training_case(CASE_ID).reference.elements["level"].reasons.en in page
    ja = client.get(f"/cases/{case.pk}/", HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert get_training_case(CASE_ID).reference.elements["level"].reasons.ja in ja


def test_a_training_office_never_issues_a_statement(people: dict[str, User]) -> None:
    case = work(people["tina"], CASE_ID, {"level"}, "alternative", basis="Short-cycle degree.")
    with translation.override("en"), pytest.raises(InvalidTransition, match="training office never issues"):
        actions.do_approve(people["sue"], case)
    case.refresh_from_db()
    assert case.state == State.PENDING_APPROVAL  # rolled back: not decided, no statement
    assert not Statement.objects.filter(case=case).exists()


def test_the_signing_path_itself_refuses_a_training_case(people: dict[str, User]) -> None:
    from qualbridge.web.cases.issuance import issue_statement

    case = work(people["tina"], CASE_ID, {"level"}, "alternative", basis="Short-cycle degree.")
    with pytest.raises(InvalidTransition):
        issue_statement(case)
    assert not Statement.objects.exists()


def test_a_training_case_is_never_published(people: dict[str, User]) -> None:
    case = work(people["tina"], CASE_ID, {"level"}, "alternative", basis="Short-cycle degree.")
    Case.objects.filter(pk=case.pk).update(state=State.DECIDED)  # even if it were decided somehow
    with translation.override("en"), pytest.raises(InvalidTransition, match="never published"):
        do_publish_decision(people["sue"], Case.objects.get(pk=case.pk))


def test_trainee_sees_only_own_training_cases(people: dict[str, User]) -> None:
    mine = do_start_training_case(people["tina"], CASE_ID).case
    theirs = do_start_training_case(people["tom"], CASE_ID).case
    client = Client()
    client.force_login(people["tina"])
    assert client.get(f"/cases/{mine.pk}/").status_code == 200
    assert client.get(f"/cases/{theirs.pk}/").status_code == 404
    supervisor = Client()
    supervisor.force_login(people["sue"])
    assert supervisor.get(f"/cases/{theirs.pk}/").status_code == 200


def test_only_training_staff_start_cases_and_see_progress(people: dict[str, User]) -> None:
    with pytest.raises(Forbidden):
        do_start_training_case(people["eve"], CASE_ID)
    client = Client()
    client.force_login(people["eve"])
    assert client.get("/training/").status_code == 403
    assert client.post(f"/training/start/{CASE_ID}/").status_code == 403
    trainee = Client()
    trainee.force_login(people["tina"])
    assert trainee.get("/training/supervisor/").status_code == 403
    assert Client().get("/training/").status_code == 302  # sign in first


def test_unknown_training_case_is_a_readable_message(people: dict[str, User]) -> None:
    client = Client()
    client.force_login(people["tina"])
    response = client.post("/training/start/no-such-case/", follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Unknown training case" in response.content.decode()
    assert not Attempt.objects.exists()


def test_supervisor_sees_progress_missed_elements_and_agreement(people: dict[str, User]) -> None:
    for trainee, decision in (("tina", "alternative"), ("tom", "full")):
        basis = "Short-cycle degree." if decision == "alternative" else ""
        work(people[trainee], CASE_ID, {"level"} if decision == "alternative" else set(), decision, basis)
        work(people[trainee], "au-bachelor-partial", {"workload"}, "partial", "Two years of study.")
    client = Client()
    client.force_login(people["sue"])
    page = client.get("/training/supervisor/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "tina" in page and "tom" in page
    assert "Level: missed 1 time" in page  # tom missed the level on the Danish case
    assert "Fleiss&#x27; kappa" in page or "Fleiss' kappa" in page
    assert "over 2 items judged by all 2 trainees" in page
    ja = client.get("/training/supervisor/", HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "研修生" in ja


def test_demo_provisions_a_training_office_with_a_trainee_and_a_supervisor(
    settings: Any, tmp_path: Any
) -> None:
    from qualbridge.web.demo import seed

    settings.DATA_DIR = tmp_path
    lines = list(seed())
    assert any(line.split()[:2] == ["Supervisor", "supervisor"] for line in lines)
    assert any(line.split()[:2] == ["Trainee", "trainee"] for line in lines)
    office = TrainingOffice.objects.get().office
    assert User.objects.get(username="supervisor").role == Role.SENIOR
    assert User.objects.get(username="trainee", office=office).role == Role.EVALUATOR
    client = Client()
    client.force_login(User.objects.get(username="supervisor"))
    page = client.get("/training/supervisor/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "trainee2" in page and "Fleiss" in page  # the demo trainees' figures
    assert not Statement.objects.filter(case__office=office).exists()
