"""The answer in one plain sentence, and how sure it is in words.

An applicant reads "Comparable to 学士 (Bachelor's degree), JEQF level 6", not a route table; an
evaluator reads whether that rests on a verified official decision or on ISCED. Both are coded sentences
(``compare.summary.*``, ``compare.certainty.*``, worded in :mod:`qualbridge.messages`) built from the
engine's answer:

* **confident** - confidence at least 0.8, the best route direct or through regional frameworks only,
  every step verified, resting on a recognising body's published statement, an official referencing
  decision or the type's own placement;
* **probable** - official decisions, but through another framework or with a step not yet verified;
* **weak** - only ISCED or a broad match links the two;
* **none** - no level is given (an individual assessment).
"""

from __future__ import annotations

from qualbridge.compare.engine import Answer, Engine
from qualbridge.compare.model import Coded, ComparableQualification
from qualbridge.registry.models import FrameworkKind

#: below this confidence an answer is never called confident, whatever it rests on
CONFIDENT = 0.8
#: evidence that a reader may rely on when every step of the route is verified
OFFICIAL = {"recognition-statement", "referencing", "identity", "placement", "self-certification"}
#: the basis named in a confident answer, by the kind of the decisive step
BASIS = {
    "recognition-statement": "statement",
    "referencing": "referencing",
    "self-certification": "referencing",
    "identity": "placement",
    "placement": "placement",
}


def certainty(engine: Engine, answer: Answer) -> Coded:
    """How sure the answer is, in words (see the module docstring)."""
    if not answer.best:
        return Coded(code="compare.certainty.none", params={"framework": answer.target_framework})
    kinds = engine.graph.kind_of
    confidence = f"{answer.confidence:.2f}"
    if answer.best[0].isced or answer.outcome != "comparable":
        return Coded(code="compare.certainty.weak", params={"confidence": confidence})
    for route in answer.best:  # equally good routes: one fully verified official route suffices
        hubs_only = all(kinds.get(fw) == FrameworkKind.RQF for fw in route.via)
        official = all(e.evidence.kind in OFFICIAL for e in route.path)
        if (
            official
            and hubs_only
            and answer.confidence >= CONFIDENT
            and all(e.evidence.verified for e in route.path)
        ):
            decisive = next(
                (e for e in reversed(route.path) if e.evidence.kind != "placement"), route.path[-1]
            )
            ev = decisive.evidence
            params: dict[str, str | int | float] = {
                "body": ev.body or ev.decision,
                "date": ev.date or "-",
                "confidence": confidence,
            }
            return Coded(code=f"compare.certainty.confident-{BASIS[ev.kind]}", params=params)
    top = answer.best[0]
    if top.via:
        return Coded(
            code="compare.certainty.probable-via",
            params={"via": ", ".join(top.via), "confidence": confidence},
        )
    study = next((e.evidence for e in top.path if e.evidence.kind not in OFFICIAL), None)
    if study is not None:
        params = {"body": study.body or study.decision, "confidence": confidence}
        return Coded(code="compare.certainty.probable-study", params=params)
    return Coded(code="compare.certainty.probable-unverified", params={"confidence": confidence})


def _local_name(names: dict[str, str]) -> str:
    """The name in the type's own language (the first that is not English or a romanisation)."""
    own = next((v for k, v in names.items() if k != "en" and "-Latn" not in k), None)
    return own or names.get("en", "")


def summary(engine: Engine, answer: Answer, comparable: list[ComparableQualification]) -> Coded:
    """One sentence a reader acts on: the comparable home type and level, or why none is given."""
    registry = engine.registry
    framework = registry.frameworks[answer.target_framework]
    if not answer.best:
        return Coded(code="compare.summary.individual", params={"framework": framework.abbreviation})
    notations = ", ".join(lv.split(":", 1)[1] for lv in answer.target_levels)
    weak = "partial" if answer.outcome != "comparable" else "comparable"
    home = framework.jurisdiction.split("-")[0].lower()
    stated = {
        e.evidence.decision: e
        for s in answer.best
        for e in s.path
        if e.evidence.kind == "recognition-statement"
    }
    preferred = [c for c in comparable if c.type_id.split("/")[0].split("-")[0] == home]
    if stated:
        named = [c for c in preferred if _stated_type(engine, answer.source) == c.type_id]
        preferred = named or preferred
    params: dict[str, str | int | float] = {
        "framework": framework.abbreviation,
        "levels": notations,
    }
    if not preferred:
        return Coded(code=f"compare.summary.{weak}-level", params=params)
    best = preferred[0]
    english = best.names.get("en", best.type_id)
    local = _local_name(best.names)
    if not local or local == english:
        return Coded(code=f"compare.summary.{weak}-name", params=params | {"name": english})
    return Coded(code=f"compare.summary.{weak}-type", params=params | {"local": local, "english": english})


def _stated_type(engine: Engine, type_id: str) -> str | None:
    from qualbridge.compare.recognition import load_statements

    for file in load_statements():
        for st in file.statements:
            if st.type_id == type_id and st.comparable_type:
                return st.comparable_type
    return None
