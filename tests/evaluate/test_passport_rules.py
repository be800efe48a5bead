"""h18p: the rules of the qualifications passport's interview (two different evaluators, both sign)."""

from __future__ import annotations

import datetime as dt

import pytest

from qualbridge.evaluate.passport import (
    AssessedQualification,
    Certainty,
    InterviewRecord,
    interviewer_problems,
    issue_problems,
    signoff_refusal,
    validity_period,
)


def record(**changes: object) -> InterviewRecord:
    base: dict[str, object] = {
        "evaluators": ["eve", "evan"],
        "signed_by": {"eve", "evan"},
        "conducted_on": dt.date(2026, 11, 30),
        "language": "Arabic",
        "qualifications": [AssessedQualification("Bachelor of Civil Engineering", "SY")],
        "evidence": ["Structured interview"],
        "certainty": Certainty.PROBABLE,
    }
    return InterviewRecord(**{**base, **changes})  # type: ignore[arg-type]


def codes(messages: list[object]) -> list[str]:
    return [m.code for m in messages]  # type: ignore[attr-defined]


def test_a_complete_record_signed_by_both_may_be_issued() -> None:
    assert issue_problems(record()) == []


@pytest.mark.parametrize(
    ("evaluators", "code"),
    [
        (["eve"], "passport.rule.two-evaluators"),
        (["eve", "eve"], "passport.rule.distinct-evaluators"),
        ([], "passport.rule.two-evaluators"),
    ],
)
def test_the_interview_needs_two_different_people(evaluators: list[str], code: str) -> None:
    assert code in codes(interviewer_problems(evaluators))
    assert code in codes(issue_problems(record(evaluators=evaluators, signed_by=set(evaluators))))


def test_each_evaluator_signs_and_only_they_may() -> None:
    missing = issue_problems(record(signed_by={"eve"}))
    assert [(m.code, dict(m.params)) for m in missing] == [("passport.rule.unsigned", {"evaluator": "evan"})]
    assert signoff_refusal("sam", ["eve", "evan"]) is not None
    assert signoff_refusal("evan", ["eve", "evan"]) is None


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"evidence": ["  "]}, "passport.rule.no-evidence"),
        ({"qualifications": []}, "passport.rule.nothing-assessed"),
        ({"conducted_on": None}, "passport.rule.no-interview-date"),
        ({"certainty": Certainty.INSUFFICIENT}, "passport.rule.insufficient"),
    ],
)
def test_a_passport_rests_on_evidence_and_names_what_was_assessed(
    changes: dict[str, object], code: str
) -> None:
    assert codes(issue_problems(record(**changes))) == [code]


def test_the_validity_is_the_eqpr_five_years_from_the_date_of_issue() -> None:
    assert validity_period(dt.date(2026, 12, 3)) == (dt.date(2026, 12, 3), dt.date(2031, 12, 3))
    assert validity_period(dt.date(2028, 2, 29))[1] == dt.date(2033, 2, 28)
    with pytest.raises(ValueError, match="at least one year"):
        validity_period(dt.date(2026, 1, 1), 0)
