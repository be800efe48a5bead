"""``{% training_panel case %}``: on the staff case page of a training attempt, the case file and
documents as described, and once a draft is submitted, the score element by element with the reasons."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import get_language

from qualbridge.training.catalogue import get_training_case
from qualbridge.training.scoring import Score
from qualbridge.web.cases.models import Case, Decision, DocumentKind, Element
from qualbridge.web.training.models import Attempt

register = template.Library()


def _lang() -> str:
    return "ja" if (get_language() or "en").startswith("ja") else "en"


@register.inclusion_tag("training/_panel.html")
def training_panel(case: Case) -> dict[str, Any]:
    attempt = Attempt.objects.filter(case=case).first()
    if attempt is None:
        return {"attempt": None}
    training = get_training_case(attempt.training_case)
    lang = _lang()
    element_names = dict(Element.choices)
    decisions = dict(Decision.choices)
    lines = []
    score = Score.model_validate(attempt.score) if attempt.score else None
    if score is not None:
        for line in score.elements:
            ref = training.reference.elements[line.element]
            lines.append({"name": element_names[line.element], "id": line.element, "verdict": line.verdict.value,
                          "expected": line.expected, "given": line.given, "reasons": getattr(ref.reasons, lang),
                          "basis": ref.basis.value})  # fmt: skip
        ref_decision = training.reference.decision
        decision = {"verdict": score.decision.verdict.value, "expected": decisions.get(score.decision.expected),
                    "given": decisions.get(score.decision.given, score.decision.given),
                    "reasons": getattr(ref_decision.reasons, lang), "basis": ref_decision.basis.value}  # fmt: skip
    else:
        decision = None
    return {
        "attempt": attempt,
        "training": training,
        "title": getattr(training.title, lang),
        "scenario": getattr(training.scenario, lang),
        "documents": [(DocumentKind(d.kind).label, getattr(d.description, lang)) for d in training.documents],
        "score": score,
        "lines": lines,
        "decision": decision,
        "sources": list(training.sources.items()),
    }
