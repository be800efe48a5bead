"""The core's casework rules: four eyes on every contribution, reasoned refusals, the policy's outcomes."""

from __future__ import annotations

from qualbridge.evaluate import Outcome, get_policy
from qualbridge.evaluate.findings import Element
from qualbridge.evaluate.rules import JudgedFinding, approval_refusal, decision_problems

NONE = [JudgedFinding(e, False, "checked") for e in Element]


def test_whoever_drafted_or_changed_a_finding_may_not_approve() -> None:
    assert approval_refusal("sam", drafters={"sam"}, finding_editors=set()) is not None
    assert approval_refusal("sam", drafters={"eve"}, finding_editors={"sam", "eve"}) is not None
    assert approval_refusal("sue", drafters={"eve"}, finding_editors={"sam", "eve"}) is None


def test_a_refusal_must_rest_on_a_substantial_difference_with_its_reason() -> None:
    policy = get_policy("jp-nic")
    codes = [m.code for m in decision_problems(policy, Outcome.NON_RECOGNITION, NONE)]
    assert codes == ["rules.refusal-needs-substantial-difference"]
    unreasoned = [*NONE[1:], JudgedFinding(Element.LEVEL, True, "  ")]
    assert decision_problems(policy, Outcome.NON_RECOGNITION, unreasoned)
    shown = [*NONE[1:], JudgedFinding(Element.LEVEL, True, "Two-year diploma, not a degree.")]
    assert decision_problems(policy, Outcome.NON_RECOGNITION, shown) == []
    assert decision_problems(policy, Outcome.FULL, NONE) == []


def test_the_policy_limits_the_outcomes() -> None:
    policy = get_policy("jp-nic")
    narrow = policy.model_copy(
        update={"casework": policy.casework.model_copy(update={"outcomes": [Outcome.FULL]})}
    )
    problems = decision_problems(narrow, Outcome.PARTIAL, NONE, basis="The first year.")
    assert [m.code for m in problems] == ["rules.outcome-not-allowed"]
    assert problems[0].params["allowed"] == "full"
    assert "not one policy" in problems[0].text("en")


def test_partial_alternative_and_conditional_need_a_basis_unless_the_engine_recommended_them() -> None:
    policy = get_policy("jp-nic")
    for outcome in (Outcome.PARTIAL, Outcome.ALTERNATIVE, Outcome.CONDITIONAL):
        assert [m.code for m in decision_problems(policy, outcome, NONE)] == ["rules.basis-needed"]
        assert decision_problems(policy, outcome, NONE, basis="Years 1-2.") == []
        assert decision_problems(policy, outcome, NONE, engine_outcome=outcome) == []
