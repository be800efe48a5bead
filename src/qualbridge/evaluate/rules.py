"""The casework rules every recognising body keeps, whatever its policy: four eyes, reasoned decisions.

Kept in the core, in one place, so the web app's actions, the API and any other shell enforce the
same rules (the shells only report the code this module returns):

- **four eyes on every contribution**: whoever drafted the decision, or changed any finding of the
  case, may not approve it (or return it). Pressing "submit" is not the only contribution;
- **decisions that follow the method** (EAR manual ch. 10-11, which turns the Lisbon Recognition
  Convention into an evaluator's procedure: the body must show a substantial difference): the outcome must be one the body's policy allows; a refusal
  (non-recognition) must show at least one substantial difference, with its reason, which the
  statement cites; partial, alternative and conditional recognition must name what they rest on
  (the part recognised, the comparable home qualification, the conditions): the evaluator's basis,
  or the engine's own reasons and conditions when it recommended that very outcome.

Each rule returns :class:`~qualbridge.messages.Message` codes (empty when the rule holds).

>>> approval_refusal("sam", drafters={"eve"}, finding_editors={"sam"}).code
'rules.four-eyes.contributed'
>>> approval_refusal("sue", drafters={"eve"}, finding_editors={"sam"}) is None
True
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from qualbridge.evaluate.findings import Element
from qualbridge.evaluate.policy import Outcome, Policy
from qualbridge.messages import Message


@dataclass(frozen=True)
class JudgedFinding:
    """One element of one credential as the evaluator leaves it: substantial or not, and why."""

    element: Element
    substantial: bool | None
    reasoning: str


def approval_refusal(
    approver: str, *, drafters: Collection[str], finding_editors: Collection[str]
) -> Message | None:
    """Why ``approver`` may not approve (or return) the draft (``None``: they may).

    ``drafters`` are whoever wrote or submitted the pending draft; ``finding_editors`` everyone who
    changed a finding of the case (the audit trail knows them).
    """
    if approver in drafters:
        return Message("rules.four-eyes.own-draft")
    if approver in finding_editors:
        return Message("rules.four-eyes.contributed")
    return None


def substantial_findings(findings: Iterable[JudgedFinding]) -> list[JudgedFinding]:
    """The findings that show a substantial difference with a reason (what a refusal rests on)."""
    return [f for f in findings if f.substantial and f.reasoning.strip()]


#: outcomes that recognise less than, or other than, what was asked: each names what it rests on
NEEDS_BASIS = (Outcome.PARTIAL, Outcome.ALTERNATIVE, Outcome.CONDITIONAL)


def decision_problems(
    policy: Policy | None,
    outcome: Outcome,
    findings: Iterable[JudgedFinding],
    *,
    basis: str = "",
    engine_outcome: Outcome | None = None,
) -> list[Message]:
    """What keeps ``outcome`` from being decided (empty: it follows the method). Without a ``policy``
    (it could not be loaded) the outcome is not checked against one."""
    problems: list[Message] = []
    if policy is not None and outcome not in policy.casework.outcomes:
        allowed = ", ".join(o.value for o in policy.casework.outcomes)
        problems.append(
            Message(
                "rules.outcome-not-allowed",
                {"outcome": outcome.value, "policy": policy.id, "allowed": allowed},
            )
        )
    if outcome is Outcome.NON_RECOGNITION and not substantial_findings(findings):
        problems.append(Message("rules.refusal-needs-substantial-difference"))
    if outcome in NEEDS_BASIS and not basis.strip() and engine_outcome is not outcome:
        problems.append(Message("rules.basis-needed", {"outcome": outcome.value}))
    return problems
