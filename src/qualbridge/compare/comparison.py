"""The public comparison result: ``compare(query, to, country)`` returns a :class:`Comparison`.

This is what the CLI (text and ``--json``), the API (``/api/v1/compare``, whose schema is this model),
the web pages (the estimate, the JEQF guide, the side-by-side page), the evaluation method and the
statements all call, so they all show the same answer. It resolves the query (type id, level id, or a
name), asks the engine for the ranked answer and dresses it with names, the comparable qualification types
at the target levels (ranked by how much they resemble the source type), the evidence of every route and
the coded caveats and confidence factors (:mod:`qualbridge.compare.explanation`). Finished results are
kept per query — the one cache above the engine — so a repeated comparison is a dictionary look-up.
"""

from __future__ import annotations

from qualbridge.compare.engine import Answer, Engine, get_engine
from qualbridge.compare.explanation import explain
from qualbridge.compare.model import (
    ComparableQualification,
    Comparison,
    ComparisonSource,
    NoMatchFinding,
    Outcome,
    Route,
    Step,
)
from qualbridge.compare.resolve import Resolved, resolve
from qualbridge.compare.summary import certainty, summary
from qualbridge.compare.typeinfo import similarity
from qualbridge.registry.loader import Registry
from qualbridge.registry.models import pick

#: comparable types listed per target level
PER_LEVEL = 8
#: finished results kept per engine before the memo is emptied (free text can vary without end)
MEMO_LIMIT = 200_000

_Memo = dict[tuple[str, str, str | None], Comparison]


def compare(
    query: str, to: str, country: str | None = None, *, registry: Registry | None = None
) -> Comparison:
    """Compare ``query`` (type id, level id or name) with the framework ``to``.

    Raises UnknownFramework, UnknownCountry, UnknownLevel, UnknownQualification, NoMatch or
    AmbiguousQualification (all :class:`~qualbridge.errors.QualbridgeError`).
    """
    engine = get_engine(registry)
    memo: _Memo = engine.registry.derive("compare-memo", lambda _r: {})
    key = (query, to, country)
    found = memo.get(key)
    if found is not None:
        return found
    target = engine.registry.framework(to).id
    resolved = resolve(engine.registry, query, country)
    result = build_comparison(engine, resolved, target, query)
    if len(memo) >= MEMO_LIMIT:
        memo.clear()
    memo[key] = result
    return result


def build_comparison(engine: Engine, resolved: Resolved, target: str, query: str | None = None) -> Comparison:
    """Dress the engine's answer for ``resolved`` as a :class:`Comparison`."""
    registry = engine.registry
    answer = engine.answer(resolved.id, target)
    caveats, basis = explain(engine.graph, answer)
    if resolved.kind == "qualification":
        qt = registry.qualifications[resolved.id]
        source = ComparisonSource(
            kind="qualification",
            id=qt.id,
            names=dict(qt.names),
            levels=[p.level for p in qt.placements],
            matched=resolved.matched,
        )
    else:
        level = registry.levels[resolved.id][1]
        source = ComparisonSource(
            kind="level", id=resolved.id, names=dict(level.labels), levels=[resolved.id]
        )
    listed = comparable(engine, answer, resolved)
    return Comparison(
        query=query if query is not None else resolved.id,
        source=source,
        target_framework=target,
        outcome=Outcome(answer.outcome),
        target_levels=list(answer.target_levels),
        target_level_labels={lv: pick(registry.levels[lv][1].labels) or lv for lv in answer.target_levels},
        comparable_qualifications=listed,
        confidence=answer.confidence,
        confidence_basis=basis,
        routes=routes_of(answer),
        no_match=[
            NoMatchFinding(level=f.level, target_framework=f.target_framework, evidence=f.evidence)
            for f in answer.no_match
        ],
        caveats=caveats,
        summary=summary(engine, answer, listed),  # h13: one plain sentence and its certainty in words
        certainty=certainty(engine, answer),
        data_version=registry.data_version,
    )


def routes_of(answer: Answer) -> list[Route]:
    best = {id(s) for s in answer.best}
    return [
        Route(
            steps=[
                Step(from_id=e.source, to_id=e.target, match=e.match, inverse=e.inverse, evidence=e.evidence)
                for e in s.path
            ],
            target_level=s.target,
            confidence=round(s.confidence, 2),
            via=list(s.via),
            tier=s.tier,
            best=id(s) in best,
        )
        for s in answer.routes
    ]


def comparable(engine: Engine, answer: Answer, resolved: Resolved) -> list[ComparableQualification]:
    """The types at the target levels, most similar to the source type first."""
    registry = engine.registry
    source = registry.qualifications.get(resolved.id) if resolved.kind == "qualification" else None
    out: list[ComparableQualification] = []
    for level in answer.target_levels:
        found = []
        for type_id in registry.types_by_level.get(level, []):
            if type_id == resolved.id:
                continue
            qt = registry.qualifications[type_id]
            if source is not None and qt.is_micro_credential != source.is_micro_credential:
                continue
            sim, notes = similarity(source, qt)
            found.append(
                ComparableQualification(
                    type_id=type_id,
                    level=level,
                    names=dict(qt.names),
                    profile=qt.profile.value if qt.profile else None,
                    similarity=sim,
                    notes=notes,
                )
            )
        found.sort(key=lambda c: (-c.similarity, c.type_id))
        out.extend(found[:PER_LEVEL])
    return out
