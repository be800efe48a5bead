"""Why an answer is what it is, as codes: its caveats and the factors behind its confidence.

Every caveat and every confidence factor of a :class:`~qualbridge.compare.model.Comparison` is a stable
code with its parameters (``compare.caveat.*``, ``compare.factor.*``, ``compare.type.*``); the words, in
English and Japanese, are in :mod:`qualbridge.messages`. So the CLI, the web pages, the API's readers and
the statements word an answer in their reader's language, and no shell ever has to read the English to
know what a caveat is about. The figures are the engine's (:mod:`qualbridge.compare.routes`,
:mod:`qualbridge.compare.engine`); this module only names them.
"""

from __future__ import annotations

from qualbridge.compare.engine import SPREAD_WEIGHT, Answer
from qualbridge.compare.graph import KIND_WEIGHT, MATCH_WEIGHT, UNVERIFIED_WEIGHT, LevelGraph, NoMatchFact
from qualbridge.compare.model import Caveat, Factor
from qualbridge.compare.routes import HUB_WEIGHT, OTHER_HOP_WEIGHT, Path
from qualbridge.registry.models import FrameworkKind

#: above this many unverified decisions, one caveat names the first few instead of one caveat each
UNVERIFIED_LISTED = 3


def explain(graph: LevelGraph, answer: Answer) -> tuple[list[Caveat], list[Factor]]:
    """The caveats and the confidence factors of ``answer``, most decisive first."""
    caveats = [_stopped(fact) for fact in answer.stopped_by]
    if not answer.best:
        if not caveats:
            params = {"source": answer.source, "framework": answer.target_framework}
            caveats.append(Caveat(code="compare.caveat.no-route", params=params))
        return caveats, []
    top = answer.best[0]
    basis = route_factors(graph, top.path, top.via)
    targets = answer.target_levels
    if len(targets) > 1:
        basis.append(_factor("spread", SPREAD_WEIGHT, "spread", count=len(targets)))
        spread = {"count": len(targets), "framework": answer.target_framework, "levels": ", ".join(targets)}
        caveats.append(Caveat(code="compare.caveat.spread", params=spread))
    caveats.extend(route_caveats(answer))
    for note in answer.type_notes:
        basis.append(Factor(factor="type", weight=note.weight, code=note.code, params=dict(note.params)))
        caveats.append(Caveat(code=note.code, params=dict(note.params)))
    return caveats, basis


def _stopped(fact: NoMatchFact) -> Caveat:
    ev = fact.evidence
    params = {
        "decision": ev.decision,
        "body": ev.body or ev.decision,
        "when": f", {ev.date}" if ev.date else "",
        "level": fact.level,
        "framework": fact.target_framework,
        "why": f": {ev.note}" if ev.note else "",
    }
    return Caveat(code="compare.caveat.no-counterpart", params=params)


def _factor(factor: str, weight: float, code: str, **params: str | int | float) -> Factor:
    return Factor(factor=factor, weight=weight, code=f"compare.factor.{code}", params=params)


def route_factors(graph: LevelGraph, path: Path, via: tuple[str, ...]) -> list[Factor]:
    """The multipliers behind a route's confidence (the ones that are not 1), each coded."""
    out: list[Factor] = []
    for e in path:
        ev = e.evidence
        if KIND_WEIGHT[ev.kind] != 1.0:
            out.append(
                _factor("evidence", KIND_WEIGHT[ev.kind], "evidence", kind=ev.kind, decision=ev.decision)
            )
        match_weight = MATCH_WEIGHT.get(e.match, 0.75)
        if match_weight != 1.0:
            out.append(
                _factor("match", match_weight, "match", match=e.match, source=e.source, target=e.target)
            )
        if not ev.verified:
            out.append(_factor("verification", UNVERIFIED_WEIGHT, "unverified", decision=ev.decision))
        if e.age < 1.0:
            years = graph.as_of_year - e.decided // 10000
            out.append(_factor("age", e.age, "age", decision=ev.decision, years=years))
    for fw in via:
        if graph.kind_of.get(fw) == FrameworkKind.RQF:
            out.append(_factor("hops", HUB_WEIGHT, "via-regional", framework=fw))
        else:
            out.append(_factor("hops", OTHER_HOP_WEIGHT, "via", framework=fw))
    return out


def route_caveats(answer: Answer) -> list[Caveat]:
    """What the routes of an answer warn about: ISCED only, a detour, a broad match, unverified data."""
    out: list[Caveat] = []
    top = answer.best[0]
    if top.isced:
        params = {"source": answer.source, "framework": answer.target_framework}
        out.append(Caveat(code="compare.caveat.isced-only", params=params))
    elif top.via:
        out.append(Caveat(code="compare.caveat.via", params={"via": ", ".join(top.via)}))
    seen: set[tuple[str, str]] = set()
    unverified: dict[str, str | None] = {}
    for s in answer.best:
        for e in s.path:
            if e.rank == 2 and not e.isced and (e.source, e.target) not in seen:
                seen.add((e.source, e.target))
                code = "compare.caveat.broader" if e.match == "broadMatch" else "compare.caveat.narrower"
                params = {
                    "source": e.source,
                    "target": e.target,
                    "match": e.match,
                    "decision": e.evidence.decision,
                }
                out.append(Caveat(code=code, params=params))
            if not e.evidence.verified:
                unverified.setdefault(e.evidence.decision, e.evidence.note)
    out.extend(_unverified(unverified))
    others = sorted({s.target for s in answer.routes if not s.isced and s.target not in answer.target_levels})
    if others and not top.isced:
        out.append(Caveat(code="compare.caveat.other-levels", params={"levels": ", ".join(others)}))
    return out


def _unverified(unverified: dict[str, str | None]) -> list[Caveat]:
    if len(unverified) > UNVERIFIED_LISTED:
        first = ", ".join(sorted(unverified)[:UNVERIFIED_LISTED])
        return [
            Caveat(code="compare.caveat.unverified-many", params={"count": len(unverified), "first": first})
        ]
    return [
        Caveat(code="compare.caveat.unverified", params={"decision": d, "why": f" ({note})" if note else ""})
        for d, note in unverified.items()
    ]
