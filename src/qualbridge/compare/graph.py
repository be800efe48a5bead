"""The level graph: every framework level as a node, every piece of evidence that links two levels as an edge.

Edges come from two kinds of evidence, built once per registry (``data_version``):

* **Decisions** (``Alignment`` files): each mapping row gives an edge from the source level to each
  target level with its SKOS match type. A decision marked ``symmetric`` also reads backwards, with the
  inverse match type (``broadMatch`` <-> ``narrowMatch``; exact and close stay). A ``noMatch`` row gives
  no edge but a :class:`NoMatchFact`: the body deliberately left the level without a counterpart.
* **ISCED co-placements**: a qualification type placed both on a framework level and on an ISCED 2011
  level links the two (both ways). ISCED classifies programmes for statistics, so these edges are the
  weakest evidence; the match is ``closeMatch`` when every type at the level sits on the same ISCED
  level, and ``broadMatch`` when the level's types are spread over several ISCED levels (and, read from
  ISCED, when the ISCED level's types are spread over several levels of that framework).

A qualification type's own placements are not edges here: the engine starts a type's routes from them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from qualbridge.compare.model import Evidence, EvidenceKind
from qualbridge.registry.loader import Registry
from qualbridge.registry.models import Alignment, FrameworkKind, LevelMapping, MatchType, Source, pick

INVERSE = {
    MatchType.EXACT: MatchType.EXACT,
    MatchType.CLOSE: MatchType.CLOSE,
    MatchType.BROAD: MatchType.NARROW,
    MatchType.NARROW: MatchType.BROAD,
    MatchType.NO_MATCH: MatchType.NO_MATCH,
}

_DECISION_KINDS: dict[str, EvidenceKind] = {
    "referencing": "referencing",
    "self-certification": "self-certification",
    "comparability-study": "comparability-study",
}


#: confidence weight of a step by the kind of its evidence and by its match (see routes.py)
KIND_WEIGHT = {
    "identity": 1.0,
    "recognition-statement": 1.0,  # a recognising body's own published statement on the type
    "placement": 1.0,
    "referencing": 1.0,
    "self-certification": 0.95,
    "comparability-study": 0.9,
    "isced-placement": 0.6,
}
MATCH_WEIGHT = {"exactMatch": 1.0, "closeMatch": 0.9, "broadMatch": 0.75, "narrowMatch": 0.75}
MATCH_RANK = {"exactMatch": 0, "closeMatch": 1, "broadMatch": 2, "narrowMatch": 2}
UNVERIFIED_WEIGHT = 0.7


@dataclass(frozen=True, slots=True)
class Edge:
    source: str  # level id (or type id for a placement step)
    target: str  # level id
    match: str  # SKOS match type
    evidence: Evidence
    inverse: bool = False
    decided: int = 0  # decision date as YYYYMMDD (missing parts 0, unknown 0) for ranking
    age: float = 1.0  # confidence weight for the decision's age (see routes.py)
    # derived once, so that scoring the many routes stays cheap
    weight: float = field(init=False)  # evidence kind x match x verification
    rank: int = field(init=False)  # MATCH_RANK of the match
    isced: bool = field(init=False)

    def __post_init__(self) -> None:
        ev = self.evidence
        weight = KIND_WEIGHT[ev.kind] * MATCH_WEIGHT.get(self.match, 0.75) * self.age
        if not ev.verified:
            weight *= UNVERIFIED_WEIGHT
        object.__setattr__(self, "weight", weight)
        object.__setattr__(self, "rank", MATCH_RANK.get(self.match, 2))
        object.__setattr__(self, "isced", ev.kind == "isced-placement")


@dataclass(frozen=True, slots=True)
class NoMatchFact:
    level: str
    target_framework: str
    evidence: Evidence


@dataclass
class LevelGraph:
    data_version: str
    framework_of: dict[str, str] = field(default_factory=dict)  # level id -> framework id
    kind_of: dict[str, FrameworkKind] = field(default_factory=dict)  # framework id -> kind
    decisions: dict[str, list[Edge]] = field(default_factory=dict)  # level -> decision edges out
    isced: dict[str, list[Edge]] = field(default_factory=dict)  # level -> ISCED co-placement edges out
    no_match: dict[str, list[NoMatchFact]] = field(default_factory=dict)
    linked: dict[str, set[str]] = field(default_factory=dict)  # framework -> frameworks it has decisions with
    as_of_year: int = 0  # newest ``consulted`` date in the data: the reference for a decision's age

    def is_classification(self, framework_id: str) -> bool:
        return self.kind_of.get(framework_id) == FrameworkKind.CLASSIFICATION


def date_key(text: str | None) -> int:
    """A sortable integer for a date given as precisely as the source gives it.

    >>> date_key("2017-06"), date_key("2019-10-01"), date_key(None)
    (20170600, 20191001, 0)
    """
    if not text:
        return 0
    parts = [int(p) for p in text.split("-")[:3] if p.isdigit()]
    parts += [0] * (3 - len(parts))
    return parts[0] * 10000 + parts[1] * 100 + parts[2]


def age_weight(as_of_year: int, decided: int) -> float:
    """1% per year beyond five years since a decision, never below 0.9; 1.0 when undated.

    >>> age_weight(2026, 20170600), age_weight(2026, 20230000), age_weight(2026, 19990000)
    (0.96, 1.0, 0.9)
    """
    if not decided or not as_of_year:
        return 1.0
    years = as_of_year - decided // 10000
    return round(max(0.9, 1 - 0.01 * max(0, years - 5)), 2)


def _decision_evidence(alignment: Alignment, row: LevelMapping) -> Evidence:
    key = row.source or alignment.source
    source = alignment.sources.get(key) if key else None
    decided = alignment.decided.isoformat() if alignment.decided else alignment.decided_text
    return Evidence(
        kind=_DECISION_KINDS.get(alignment.kind, "comparability-study"),
        decision=alignment.id,
        body=pick(alignment.body) or None,
        date=decided,
        address=alignment.report or (source.url if source else None),
        verified=alignment.verified and row.verified,
        note=row.note,
    )


def _add_decisions(graph: LevelGraph, registry: Registry) -> None:
    out: dict[str, list[Edge]] = defaultdict(list)
    for alignment in sorted(registry.alignments.values(), key=lambda a: a.id):
        src, tgt = alignment.source_framework, alignment.target_framework
        for row in alignment.mappings:
            source_level = f"{src}:{row.from_level}"
            if source_level not in registry.levels:
                continue  # `qualbridge data check` reports it; the engine ignores what it cannot place
            evidence = _decision_evidence(alignment, row)
            decided = date_key(evidence.date)
            age = age_weight(graph.as_of_year, decided)
            if row.match == MatchType.NO_MATCH or not row.to:
                graph.no_match.setdefault(source_level, []).append(NoMatchFact(source_level, tgt, evidence))
                continue
            for notation in row.to:
                target_level = f"{tgt}:{notation}"
                if target_level not in registry.levels:
                    continue
                out[source_level].append(
                    Edge(source_level, target_level, row.match, evidence, False, decided, age)
                )
                if alignment.symmetric:
                    back = INVERSE[MatchType(row.match)]
                    out[target_level].append(
                        Edge(target_level, source_level, back, evidence, True, decided, age)
                    )
        graph.linked.setdefault(src, set()).add(tgt)
        graph.linked.setdefault(tgt, set()).add(src)
        if alignment.symmetric:
            _add_unreached(graph, registry, alignment)
    graph.decisions = dict(out)


def _add_unreached(graph: LevelGraph, registry: Registry, alignment: Alignment) -> None:
    """Read backwards, a complete symmetric decision gives the target levels it never reaches no counterpart.

    When every level of the source framework has a row and none of them leads to a target level, the body
    has said, in effect, that the target level has no counterpart (NZQA and the European Commission: "EQF
    level 1 has no NZQF counterpart").
    """
    src, tgt = alignment.source_framework, alignment.target_framework
    rows = alignment.mappings
    if {r.from_level for r in rows} < {lv.notation for lv in registry.frameworks[src].levels}:
        return
    reached = {n for r in rows for n in r.to}
    first = rows[0]
    for level in registry.frameworks[tgt].levels:
        if level.notation in reached:
            continue
        evidence = _decision_evidence(alignment, first).model_copy(
            update={
                "verified": alignment.verified and all(r.verified for r in rows),
                "note": f"no level of {src} is referenced to this level in the decision",
            }
        )
        level_id = f"{tgt}:{level.notation}"
        graph.no_match.setdefault(level_id, []).append(NoMatchFact(level_id, src, evidence))


def _add_isced(graph: LevelGraph, registry: Registry) -> None:
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)  # (level, isced level) -> type ids
    verified: dict[tuple[str, str], bool] = defaultdict(bool)
    # (level, other framework) -> the levels of that framework its types sit on
    spread: dict[tuple[str, str], set[str]] = defaultdict(set)
    for qt in sorted(registry.qualifications.values(), key=lambda q: q.id):
        classified = [
            p for p in qt.placements if graph.is_classification(graph.framework_of.get(p.level, ""))
        ]
        placed = [p for p in qt.placements if p.level in graph.framework_of and p not in classified]
        for p in placed:
            for c in classified:
                pairs[(p.level, c.level)].append(qt.id)
                verified[(p.level, c.level)] |= qt.verified and p.verified and c.verified
                spread[(p.level, graph.framework_of[c.level])].add(c.level)
                spread[(c.level, graph.framework_of[p.level])].add(p.level)
    out: dict[str, list[Edge]] = defaultdict(list)
    for (level, isced_level), types in sorted(pairs.items()):
        source = type_source(registry, types[0])
        shown = ", ".join(types[:4]) + (f" and {len(types) - 4} more" if len(types) > 4 else "")
        evidence = sourced_evidence(
            "isced-placement", f"placements of {shown}", source, verified=verified[(level, isced_level)]
        )
        one = len(spread[(level, graph.framework_of[isced_level])]) == 1
        match = MatchType.CLOSE if one else MatchType.BROAD
        out[level].append(Edge(level, isced_level, match, evidence))
        back = (
            MatchType.CLOSE if len(spread[(isced_level, graph.framework_of[level])]) == 1 else MatchType.BROAD
        )
        out[isced_level].append(Edge(isced_level, level, back, evidence, True))
    graph.isced = dict(out)


def sourced_evidence(
    kind: EvidenceKind, decision: str, source: Source | None, *, verified: bool, note: str | None = None
) -> Evidence:
    """Evidence for a step that a publication gives (a type's placement): its publisher, date and address."""
    return Evidence(
        kind=kind,
        decision=decision,
        body=source.publisher if source else None,
        date=source.published if source else None,
        address=source.url if source else None,
        verified=verified,
        note=note,
    )


def type_source(registry: Registry, type_id: str) -> Source | None:
    """The source a qualification type's facts come from (its own ``source`` or its file's default)."""
    qt = registry.qualifications[type_id]
    file = registry.qualification_files.get(type_id.split("/")[0].upper())
    if file is None or qt not in file.types:
        file = next((f for f in registry.qualification_files.values() if qt in f.types), None)
    if file is None:
        return None
    key = qt.source or file.source
    return file.sources.get(key) if key else None


def _as_of_year(registry: Registry) -> int:
    newest = dt.date(2000, 1, 1)
    tables = [a.sources for a in registry.alignments.values()] + [
        f.sources for f in registry.frameworks.values()
    ]
    for table in tables:
        for source in table.values():
            newest = max(newest, source.consulted)
    return newest.year


def build_graph(registry: Registry) -> LevelGraph:
    """Build the level graph of ``registry`` (pure: same data, same graph)."""
    graph = LevelGraph(data_version=registry.data_version, as_of_year=_as_of_year(registry))
    for level_id, (framework_id, _level) in registry.levels.items():
        graph.framework_of[level_id] = framework_id
    graph.kind_of = {fid: fw.kind for fid, fw in registry.frameworks.items()}
    _add_decisions(graph, registry)
    _add_isced(graph, registry)
    return graph
