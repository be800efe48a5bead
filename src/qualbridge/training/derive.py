"""A training case's reference as the engine gives it, and the registry facts it rests on.

Where no body published a decision on a case, its reference answer is the engine's assessment of the
case file on the registry's sourced data (:func:`qualbridge.evaluate.evaluate`): an element is
substantial when the engine finds a substantial difference, and the decision is the engine's
recommendation. The reference then names the registry's facts (the qualification type, the
recognition policy) and their sources, so a reader can check them; ``qualbridge data check``
re-derives it here and fails when the data no longer give the same answer.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from qualbridge.evaluate import evaluate, parse_case
from qualbridge.evaluate.policy import Severity
from qualbridge.registry.loader import Registry, get_registry
from qualbridge.registry.models import Source


@dataclasses.dataclass(frozen=True, slots=True)
class EngineElement:
    substantial: bool
    code: str
    reasons: dict[str, str]
    evidence: tuple[str, ...]


@dataclasses.dataclass(frozen=True, slots=True)
class EngineReference:
    elements: dict[str, EngineElement]
    outcome: str
    reasons: dict[str, str]
    #: the principal credential's qualification-type id, as the engine resolved it
    type_id: str
    #: evidence that rests on an unverified fact (a reference must not: it would teach a guess)
    unverified: tuple[str, ...]


def engine_reference(case_file: dict[str, Any]) -> EngineReference:
    """The engine's judgement of each element and its recommended decision for ``case_file``."""
    assessment = evaluate(parse_case(case_file, "training case file"))
    principal = assessment.principal
    elements = {
        f.element.value: EngineElement(
            substantial=f.severity is Severity.SUBSTANTIAL,
            code=f.code,
            reasons={"en": f.reasoning_en, "ja": f.reasoning_ja},
            evidence=tuple(f.evidence),
        )
        for f in principal.findings
    }
    rec = principal.recommendation
    unverified = tuple(e for f in principal.findings for e in f.evidence if "not verified" in e)
    return EngineReference(
        elements=elements,
        outcome=rec.outcome.value,
        reasons={"en": " ".join(rec.reasons_en), "ja": "".join(rec.reasons_ja)},
        type_id=principal.qualification.id,
        unverified=unverified,
    )


def type_sources(type_id: str, registry: Registry | None = None) -> dict[str, Source]:
    """The sources of a qualification type and of its placements, by their keys in its file."""
    registry = registry or get_registry()
    qt = registry.qualifications[type_id]
    file = registry.qualification_files[type_id.split("/")[0].upper()]
    keys = {qt.source or file.source} | {p.source or qt.source or file.source for p in qt.placements}
    return {key: file.sources[key] for key in sorted(k for k in keys if k and k in file.sources)}
