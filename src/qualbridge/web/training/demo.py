"""Demo data of the training mode (``serve --demo``): a training office, a supervisor and two trainees,
one of whom has worked two training cases, so the supervisor's page has figures to show.

The trainees' answers are made up for the demo (they are a trainee's answers, not reference answers).
"""

from __future__ import annotations

from collections.abc import Callable

from qualbridge.web.accounts.models import Office, Role, User
from qualbridge.web.cases import actions
from qualbridge.web.cases.models import Finding
from qualbridge.web.training.actions import do_start_training_case
from qualbridge.web.training.models import TrainingOffice

#: trainee -> (training case, the trainee's decision, the element the trainee judges substantial, if any)
DEMO_WORK = {
    "trainee": [
        ("dk-academy-profession-master", "alternative", "level"),
        ("au-bachelor-partial", "partial", None),
    ],
    "trainee2": [
        ("dk-academy-profession-master", "full", None),
        ("au-bachelor-partial", "partial", "workload"),
    ],
}


def seed_training(password: Callable[[], str]) -> list[str]:
    office = Office.objects.create(
        slug="training-office",
        name_en="Training office (exercises only: no statements are issued)",
        name_ja="研修用事務局（演習専用：証明書は発行されません）",
        policy="jp-nic",
    )
    TrainingOffice.objects.create(office=office)
    lines = ["Training mode (a training office at /training/; no statement is ever issued there):"]
    users = {}
    for username, role, label in (
        ("supervisor", Role.SENIOR, "Supervisor"),
        ("trainee", Role.EVALUATOR, "Trainee"),
        ("trainee2", Role.EVALUATOR, "Trainee"),
    ):
        secret = password()
        users[username] = User.objects.create_user(username, password=secret, role=role, office=office)
        lines.append(f"  {label:<18} {username:<11} {secret}")
    for name, work in DEMO_WORK.items():
        for case_id, decision, substantial in work:
            _work(users[name], case_id, decision, substantial)
    return lines


def _work(trainee: User, case_id: str, decision: str, substantial: str | None) -> None:
    case = do_start_training_case(trainee, case_id).case
    for finding in Finding.objects.filter(case=case):
        actions.do_edit_finding(
            trainee, finding, "", finding.element == substantial, "Demo trainee's judgement."
        )
    basis = "" if decision == "full" else "Demo trainee's basis of the recognition."
    actions.do_draft_decision(trainee, case, decision, "Demo trainee's reasons.", basis)
    actions.do_submit_draft(trainee, case)
