"""Scoring a trainee against a reference, and the agreement figures (pure functions, h18)."""

from __future__ import annotations

import pytest

from qualbridge.registry.training import ELEMENTS
from qualbridge.training.agreement import agreement
from qualbridge.training.scoring import DECISION, Verdict, most_missed, score

REFERENCE = {"level": True, "workload": False, "quality": False, "profile": False, "learning-outcomes": False}


def test_every_answer_agreeing_scores_six_of_six() -> None:
    s = score(REFERENCE, "alternative", dict(REFERENCE), "alternative")
    assert (s.agreed, s.out_of) == (6, 6) and s.missed() == []


def test_a_wrong_element_and_decision_are_differs_not_agrees() -> None:
    given = {**REFERENCE, "level": False}
    s = score(REFERENCE, "alternative", given, "full")
    assert s.agreed == 4
    assert [e.element for e in s.missed()] == ["level"]
    assert s.elements[0].verdict is Verdict.DIFFERS and s.decision.verdict is Verdict.DIFFERS


def test_an_element_left_open_counts_as_missed() -> None:
    given = {k: v for k, v in REFERENCE.items() if k != "quality"}
    s = score(REFERENCE, "alternative", {**given, "quality": None}, "")
    quality = next(e for e in s.elements if e.element == "quality")
    assert quality.verdict is Verdict.UNANSWERED and s.decision.verdict is Verdict.UNANSWERED
    assert s.agreed == 4


def test_a_reference_without_the_five_elements_is_refused() -> None:
    with pytest.raises(ValueError, match="five elements"):
        score({"level": True}, "full", {}, "full")


def test_most_missed_counts_elements_and_decision_most_often_first() -> None:
    wrong_level = score(REFERENCE, "alternative", {**REFERENCE, "level": False}, "full")
    wrong_both = score(
        REFERENCE, "alternative", {**REFERENCE, "level": False, "profile": True}, "alternative"
    )
    assert most_missed([wrong_level, wrong_both]) == [("level", 2), ("profile", 1), (DECISION, 1)]


def test_agreement_full_when_raters_agree_and_none_without_shared_items() -> None:
    same = agreement({"a": {"x": "full", "y": "full"}, "b": {"x": "partial", "y": "partial"}})
    assert same.fleiss == pytest.approx(1.0) and same.pairs[0].kappa == pytest.approx(1.0)
    apart = agreement({"a": {"x": "full"}, "b": {"y": "partial"}})
    assert apart.fleiss is None and apart.fleiss_items == 0 and apart.pairs == ()


def test_fleiss_uses_only_items_every_rater_judged() -> None:
    ratings = {"a": {"x": "full", "y": "full"}, "b": {"x": "full", "y": "partial"}, "c": {"x": "full"}}
    result = agreement(ratings)
    assert result.fleiss_items == 2 and result.raters == ("x", "y")


def test_elements_constant_is_the_methods_five() -> None:
    from qualbridge.evaluate.findings import Element

    assert tuple(e.value for e in Element) == ELEMENTS
