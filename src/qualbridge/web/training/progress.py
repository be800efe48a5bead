"""What the supervisor's page reads: each trainee's progress, the elements most often missed, and how
far trainees agree on the same training cases (:mod:`qualbridge.training.agreement`)."""

from __future__ import annotations

from typing import Any

from qualbridge.training.agreement import Agreement, agreement
from qualbridge.training.scoring import Score, most_missed
from qualbridge.web.accounts.models import Office, Role, User
from qualbridge.web.training.models import Attempt


def submitted(office: Office) -> list[Attempt]:
    return list(
        Attempt.objects.filter(case__office=office, submissions__gt=0)
        .select_related("trainee")
        .order_by("pk")
    )


def trainee_rows(office: Office) -> list[dict[str, Any]]:
    attempts = list(Attempt.objects.filter(case__office=office).select_related("trainee"))
    rows = []
    trainees = User.objects.filter(office=office, role__in=(Role.EVALUATOR, Role.SENIOR)).order_by("username")
    for trainee in trainees:
        mine = [a for a in attempts if a.trainee_id == trainee.pk]
        if not mine:
            continue
        scores = [Score.model_validate(a.score) for a in mine if a.score]
        rows.append(
            {
                "trainee": trainee,
                "started": len(mine),
                "submitted": len(scores),
                "agreed": sum(s.agreed for s in scores),
                "out_of": sum(s.out_of for s in scores),
                "missed": most_missed(scores)[:3],
            }
        )
    return rows


def decision_agreement(office: Office) -> Agreement:
    """Agreement on the decision, over training cases (each trainee's latest submission of a case)."""
    ratings: dict[str, dict[str, str]] = {}
    for attempt in submitted(office):
        ratings.setdefault(attempt.training_case, {})[attempt.trainee.username] = attempt.score["decision"][
            "given"
        ]
    return agreement(ratings)


def element_agreement(office: Office) -> Agreement:
    """Agreement on the elements (substantial or not), each training case's element an item."""
    ratings: dict[str, dict[str, str]] = {}
    for attempt in submitted(office):
        for line in attempt.score["elements"]:
            if line["given"] is not None:
                key = f"{attempt.training_case}:{line['element']}"
                ratings.setdefault(key, {})[attempt.trainee.username] = "yes" if line["given"] else "no"
    return agreement(ratings)


def office_missed(office: Office) -> list[tuple[str, int]]:
    return most_missed(Score.model_validate(a.score) for a in submitted(office))
