"""Route search, route ranking and route confidence.

**Search.** From a level, every simple path of at most ``MAX_STEPS`` decision edges that visits each
framework once is a route to the framework it ends in (so one walk answers every target framework at
once). ISCED 2011 is entered only as a fallback, and only at the start of a route: the source level (or
the source type's own ISCED placement) leads to an ISCED level, on to the levels whose types share it,
and from there by at most one more decision.

**Ranking** (best first), by the first of these that differs:

1. a route that does not go through ISCED beats one that does (ISCED is the weakest fallback);
2. fewer intermediate frameworks: a direct decision (or the type's own placement on the target) beats a
   route through one regional framework, which beats two;
3. a regional framework (``kind: rqf``) as the intermediate beats a national one;
4. the weakest match on the route: exact beats close beats broad/narrow; then the sum over the steps;
5. fewer unverified steps;
6. newer decisions beat older (the oldest decision on the route counts);
7. then the level ids, so that the order is total and every run gives the same answer.

**Confidence** of a route is the product of

* per step, the kind of evidence: placement and referencing 1.0, self-certification 0.95, comparability
  study 0.9, ISCED co-placement 0.6;
* per step, the match: exact 1.0, close 0.9, broad/narrow 0.75;
* per intermediate framework: 0.85 for a regional framework, 0.75 for any other;
* per decision, its age against the newest date the data were consulted: 1% per year beyond five years,
  never below 0.9;
* per unverified step, 0.7 (and the engine adds a caveat).

The engine multiplies further for an answer spread over several target levels and for what is known about
the type (see :mod:`qualbridge.compare.engine`). Every factor is reported, so a reader sees what the number
rests on.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from qualbridge.compare.graph import KIND_WEIGHT, MATCH_WEIGHT, UNVERIFIED_WEIGHT, Edge, LevelGraph
from qualbridge.compare.model import ConfidenceFactor
from qualbridge.registry.models import FrameworkKind

MAX_STEPS = 3

Path = tuple[Edge, ...]

HUB_WEIGHT = 0.85
OTHER_HOP_WEIGHT = 0.75
DECISION_KINDS = ("referencing", "self-certification", "comparability-study")


def walk(graph: LevelGraph, start: str) -> dict[str, list[Path]]:
    """Every route from level ``start``, grouped by the framework it ends in."""
    found: dict[str, list[Path]] = defaultdict(list)
    start_fw = graph.framework_of[start]
    if graph.is_classification(start_fw):
        _walk_from_isced(graph, start, (), {start_fw}, found)
        return dict(found)
    _walk_decisions(graph, start, (), {start_fw}, MAX_STEPS, found)
    for edge in graph.isced.get(start, ()):
        fw = graph.framework_of[edge.target]
        found[fw].append((edge,))
        _walk_from_isced(graph, edge.target, (edge,), {start_fw, fw}, found)
    return dict(found)


def _walk_decisions(
    graph: LevelGraph, level: str, path: Path, seen: set[str], budget: int, found: dict[str, list[Path]]
) -> None:
    if budget == 0:
        return
    _follow(graph, graph.decisions.get(level, ()), path, seen, found, budget - 1)


def _walk_from_isced(
    graph: LevelGraph, isced_level: str, path: Path, seen: set[str], found: dict[str, list[Path]]
) -> None:
    # from ISCED, at most one more decision (and never past MAX_STEPS)
    _follow(graph, graph.isced.get(isced_level, ()), path, seen, found, min(1, MAX_STEPS - len(path) - 1))


def _follow(
    graph: LevelGraph,
    edges: Iterable[Edge],
    path: Path,
    seen: set[str],
    found: dict[str, list[Path]],
    budget: int,
) -> None:
    """Each edge into a framework not yet on the path ends a route; from its target, walk on by at most
    ``budget`` decisions."""
    for edge in edges:
        fw = graph.framework_of[edge.target]
        if fw in seen:
            continue
        route = (*path, edge)
        found[fw].append(route)
        seen.add(fw)
        _walk_decisions(graph, edge.target, route, seen, budget, found)
        seen.discard(fw)


@dataclass(frozen=True, slots=True)
class Scored:
    """A route with its rank key and confidence (computed once, reused by every answer)."""

    path: Path
    key: tuple[object, ...]
    confidence: float
    via: tuple[str, ...]
    isced: bool
    votes: int = 1  # for a folded ISCED route: how many frameworks reach its target level

    @property
    def target(self) -> str:
        return self.path[-1].target

    @property
    def grade(self) -> tuple[object, ...]:
        """The part of the key that decides whether two routes are equally good evidence.

        Outside ISCED the decision date counts too: of two otherwise equal routes resting on different
        decisions, the newer decision stands.
        """
        return self.key[:4] if self.isced else (*self.key[:4], self.key[6])

    @property
    def tier(self) -> str:
        if self.isced:
            return "isced"
        return {0: "direct", 1: "one intermediate framework"}.get(
            len(self.via), f"{len(self.via)} intermediate frameworks"
        )


def score(graph: LevelGraph, path: Path) -> Scored:
    """Rank key and confidence of one route (see the module docstring)."""
    framework_of = graph.framework_of
    kind_of = graph.kind_of
    via = tuple(framework_of[e.target] for e in path[:-1] if e.evidence.kind != "placement")
    is_isced = False
    confidence = 1.0
    worst = total = unverified = 0
    oldest = 0
    for e in path:
        is_isced = is_isced or e.isced
        confidence *= e.weight
        if e.decided:
            oldest = e.decided if not oldest else min(oldest, e.decided)
        worst = max(worst, e.rank)
        total += e.rank
        unverified += not e.evidence.verified
    national = 0
    for fw in via:
        if kind_of.get(fw) == FrameworkKind.RQF:
            confidence *= HUB_WEIGHT
        else:
            confidence *= OTHER_HOP_WEIGHT
            national += 1
            is_isced = is_isced or kind_of.get(fw) == FrameworkKind.CLASSIFICATION
    key = (is_isced, len(via), national, worst, total, unverified, -oldest, tuple(e.target for e in path))
    return Scored(path, key, confidence, via, is_isced)


def factors(graph: LevelGraph, path: Path, via: tuple[str, ...]) -> list[ConfidenceFactor]:
    """The multipliers behind a route's confidence, each with what it is."""
    return [ConfidenceFactor(factor=n, detail=d, weight=w) for n, d, w in _weights(graph, path, via)]


def _weights(graph: LevelGraph, path: Path, via: tuple[str, ...]) -> list[tuple[str, str, float]]:
    out: list[tuple[str, str, float]] = []
    for e in path:
        ev = e.evidence
        kind = ev.kind
        if KIND_WEIGHT[kind] != 1.0:
            out.append(("evidence", f"{kind}: {ev.decision}", KIND_WEIGHT[kind]))
        match_weight = MATCH_WEIGHT.get(e.match, 0.75)
        if match_weight != 1.0:
            out.append(("match", f"{e.match} {e.source} -> {e.target}", match_weight))
        if not ev.verified:
            out.append(("verification", f"unverified: {ev.decision}", UNVERIFIED_WEIGHT))
        weight = e.age
        if weight < 1.0:
            out.append(("age", f"{ev.decision} is {graph.as_of_year - e.decided // 10000} years old", weight))
    for fw in via:
        hub = graph.kind_of.get(fw) == FrameworkKind.RQF
        kind_text = "regional framework" if hub else "framework"
        out.append(("hops", f"through {kind_text} {fw}", HUB_WEIGHT if hub else OTHER_HOP_WEIGHT))
    return out


def best_of(scored: list[Scored]) -> list[Scored]:
    """The routes an answer rests on: every route as good as the best one.

    Through ISCED the routes run through many countries' types, so there the target levels reached by the
    most routes win (a plurality), instead of the union.
    """
    if not scored:
        return []
    top = scored[0].grade
    best = [s for s in scored if s.grade == top]
    if scored[0].isced:
        votes: dict[str, int] = defaultdict(int)
        for s in best:
            votes[s.target] += s.votes
        most = max(votes.values())
        best = [s for s in best if votes[s.target] == most]
    return best
