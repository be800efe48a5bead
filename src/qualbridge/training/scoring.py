"""Scoring a trainee's assessment against a training case's reference, element by element.

Pure functions over plain values, so the web app, the CLI and the tests score alike. A trainee
answers, for each of the five elements, whether the difference is substantial (yes, no, or left
open) and chooses a decision; each answer *agrees* with the reference, *differs* from it, or was
left *unanswered* (which counts as missed: an evaluator must judge every element). The score is the
number of agreeing answers out of six (five elements and the decision), never rounded into a grade,
and every line carries the reference's reasons so the trainee learns why.

>>> from qualbridge.registry.training import ELEMENTS
>>> expected = {e: False for e in ELEMENTS}
>>> s = score(expected, "full", {"level": False, "workload": True}, "full")
>>> (s.agreed, s.out_of, [e.element for e in s.missed()])
(2, 6, ['workload', 'quality', 'profile', 'learning-outcomes'])
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from qualbridge.registry.training import ELEMENTS

#: what the element list and the decision are called in a tally of misses
DECISION = "decision"


class Verdict(StrEnum):
    AGREES = "agrees"
    DIFFERS = "differs"
    UNANSWERED = "unanswered"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ElementScore(_Frozen):
    element: str
    expected: bool  # is the difference substantial, in the reference
    given: bool | None
    verdict: Verdict


class DecisionScore(_Frozen):
    expected: str
    given: str
    verdict: Verdict


class Score(_Frozen):
    elements: list[ElementScore]
    decision: DecisionScore

    @property
    def agreed(self) -> int:
        verdicts = [e.verdict for e in self.elements] + [self.decision.verdict]
        return sum(v is Verdict.AGREES for v in verdicts)

    @property
    def out_of(self) -> int:
        return len(self.elements) + 1

    def missed(self) -> list[ElementScore]:
        """The elements judged otherwise than the reference, or not judged."""
        return [e for e in self.elements if e.verdict is not Verdict.AGREES]


def _verdict(expected: object, given: object) -> Verdict:
    if given is None or given == "":
        return Verdict.UNANSWERED
    return Verdict.AGREES if given == expected else Verdict.DIFFERS


def score(
    expected: Mapping[str, bool],
    expected_outcome: str,
    given: Mapping[str, bool | None],
    given_outcome: str,
) -> Score:
    """The trainee's answers (``given``: element -> substantial?) against the reference's."""
    unknown = sorted(set(expected) - set(ELEMENTS))
    if unknown or len(expected) != len(ELEMENTS):
        raise ValueError(
            f"the reference must judge the five elements {', '.join(ELEMENTS)}; got {sorted(expected)}"
        )
    elements = [
        ElementScore(
            element=element,
            expected=expected[element],
            given=given.get(element),
            verdict=_verdict(expected[element], given.get(element)),
        )
        for element in ELEMENTS
    ]
    decision = DecisionScore(
        expected=expected_outcome, given=given_outcome, verdict=_verdict(expected_outcome, given_outcome)
    )
    return Score(elements=elements, decision=decision)


def most_missed(scores: Iterable[Score]) -> list[tuple[str, int]]:
    """Elements (and ``decision``) by how often they were missed, most often first; ties by the
    method's order of the elements."""
    counts: Counter[str] = Counter()
    for s in scores:
        counts.update(e.element for e in s.missed())
        if s.decision.verdict is not Verdict.AGREES:
            counts[DECISION] += 1
    order = {name: i for i, name in enumerate((*ELEMENTS, DECISION))}
    return sorted(counts.items(), key=lambda item: (-item[1], order[item[0]]))
