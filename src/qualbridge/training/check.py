"""The training cases' rules for ``qualbridge data check``: every case file is valid, its facts exist in
the registry, its country is its credential's, and an engine reference still holds on today's data.

A reference whose basis is the engine is re-derived (:func:`qualbridge.training.derive.engine_reference`);
if the data changed so that the engine judges an element or the decision otherwise, the case is
reported, never silently left teaching an answer the data no longer give.
"""

from __future__ import annotations

from qualbridge.errors import QualbridgeError
from qualbridge.evaluate.policy import get_policy
from qualbridge.registry.loader import Problem, get_registry
from qualbridge.registry.training import Basis, TrainingCaseFile
from qualbridge.training.catalogue import read_cases
from qualbridge.training.derive import engine_reference


def _case_problems(case: TrainingCaseFile) -> list[Problem]:
    rel = f"training/{case.id}.yaml"
    registry = get_registry()
    problems = []
    for fact in case.facts:
        if fact.kind == "qualification-type" and fact.id not in registry.qualifications:
            problems.append(Problem(rel, "facts", f"unknown qualification type {fact.id!r}"))
        if fact.kind == "policy":
            try:
                get_policy(fact.id)
            except QualbridgeError as exc:
                problems.append(Problem(rel, "facts", str(exc)))
    try:
        engine = engine_reference(case.case_file)
    except QualbridgeError as exc:
        return [*problems, Problem(rel, "case_file", str(exc))]
    countries = {str(c.get("country", "")).upper() for c in case.case_file.get("credentials", [])}
    if case.country not in countries:
        problems.append(
            Problem(rel, "country", f"{case.country} is not a credential's country ({sorted(countries)})")
        )
    if engine.unverified:
        problems.append(
            Problem(
                rel, "reference", f"the engine's answer rests on unverified facts: {engine.unverified[0]}"
            )
        )
    for name, element in case.reference.elements.items():
        found = engine.elements[name]
        if element.basis is Basis.ENGINE and (element.substantial, element.code) != (
            found.substantial,
            found.code,
        ):
            problems.append(
                Problem(
                    rel,
                    f"reference.elements.{name}",
                    f"the engine now finds {found.code} (substantial: {found.substantial}), not "
                    f"{element.code} (substantial: {element.substantial}): re-derive the case",
                )
            )
    decision = case.reference.decision
    if decision.basis is Basis.ENGINE and decision.outcome != engine.outcome:
        problems.append(
            Problem(
                rel,
                "reference.decision",
                f"the engine now recommends {engine.outcome}, not {decision.outcome}",
            )
        )
    return problems


def training_problems() -> list[Problem]:
    """Every problem of every training case file."""
    cases, problems = read_cases()
    for case in cases:
        problems.extend(_case_problems(case))
    return problems
