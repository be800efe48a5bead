"""The comparability engine: from a source (type or level) and a target framework to a :class:`Comparison`.

One :class:`Engine` per registry (per ``data_version``), built on first use and kept on the registry. It
walks the level graph once per source level (:func:`qualbridge.compare.routes.walk` answers every target
framework in one walk), keeps the ranked answer per (source, target framework), and the finished result
per query, so after warm-up a comparison costs about two dictionary look-ups.

**Outcome.** ``individual-assessment`` when there is no route, or when a decision between the source's
framework and the target deliberately leaves the source level without a counterpart (``noMatch``, e.g.
NZQCF 8 and the EQF) — then no level is guessed, not even through ISCED. No route may pass through a
framework in which a decision left the source level without a counterpart. Likewise ISCED is not used as a
fallback for a level that a decision left unlevelled against a framework the target is linked to (NZQCF 8
has no EQF level, so it gets none in the DQR either; it may still be placed, weakly, in the JEQF). ``partially-comparable`` when the best routes
rest on ISCED only or contain a broad or narrow match. ``comparable`` otherwise.

**Target levels** are the end levels of the best routes (see :func:`routes.best_of`). **Confidence** is
the best route's confidence (:mod:`qualbridge.compare.routes`), times 0.9 when the answer spans several
target levels, times 0.9 for each way the source type differs from its peers (workload, access); 0 for an
individual assessment (no level is claimed).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass

from qualbridge.compare.graph import Edge, LevelGraph, NoMatchFact, build_graph, sourced_evidence, type_source
from qualbridge.compare.model import ConfidenceFactor, Evidence, Outcome
from qualbridge.compare.recognition import statement_edges
from qualbridge.compare.routes import Path, Scored, best_of, factors, score, walk
from qualbridge.compare.typeinfo import TypeNote, type_notes
from qualbridge.registry.loader import Registry
from qualbridge.registry.models import FrameworkKind, QualificationType

SPREAD_WEIGHT = 0.9


@dataclass(frozen=True, slots=True)
class Answer:
    """The ranked answer for one (source, target framework), before it is dressed as a Comparison."""

    source: str
    target_framework: str
    outcome: str
    target_levels: tuple[str, ...]
    confidence: float
    routes: tuple[Scored, ...]
    best: tuple[Scored, ...]
    no_match: tuple[NoMatchFact, ...]  # every noMatch decision on the source's levels
    stopped_by: tuple[NoMatchFact, ...]  # the ones that made this an individual assessment
    type_notes: tuple[TypeNote, ...]


@dataclass(frozen=True, slots=True)
class Explanation:
    caveats: tuple[str, ...]
    basis: tuple[ConfidenceFactor, ...]


class Engine:
    """Routes and answers for one registry; see the module docstring."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.graph: LevelGraph = build_graph(registry)
        self._walks: dict[str, dict[str, list[Path]]] = {}
        self._answers: dict[tuple[str, str], Answer] = {}
        self._type_notes: dict[str, tuple[TypeNote, ...]] = {}

    # -- routes -------------------------------------------------------------------------------
    def walks(self, level: str) -> dict[str, list[Path]]:
        found = self._walks.get(level)
        if found is None:
            found = self._walks[level] = walk(self.graph, level)
        return found

    def answer(self, source: str, target_framework: str) -> Answer:
        """The answer for a level id or a qualification-type id (both already known to exist)."""
        key = (source, target_framework)
        found = self._answers.get(key)
        if found is None:
            if source in self.registry.qualifications:
                found = self._type_answer(self.registry.qualifications[source], target_framework)
            else:
                found = self._level_answer(source, target_framework)
            self._answers[key] = found
        return found

    def _level_answer(self, level: str, target: str) -> Answer:
        if self.graph.framework_of[level] == target:
            identity = Edge(
                level,
                level,
                "exactMatch",
                Evidence(kind="identity", decision=f"{level} is a level of {target}"),
            )
            return self._finish(level, target, [score(self.graph, (identity,))], [level], None)
        paths = self.walks(level).get(target, [])
        return self._finish(level, target, [score(self.graph, p) for p in paths], [level], None)

    def _type_answer(self, qt: QualificationType, target: str) -> Answer:
        graph = self.graph
        placements = [p for p in qt.placements if p.level in graph.framework_of]
        own = {graph.framework_of[p.level] for p in placements}
        own_isced = any(graph.is_classification(fw) for fw in own)
        source = type_source(self.registry, qt.id)
        paths: list[Path] = []
        for placement in placements:
            evidence = sourced_evidence(
                "placement",
                f"placement of {qt.id} on {placement.level}",
                source,
                verified=qt.verified and placement.verified,
                note=placement.note,
            )
            step = Edge(qt.id, placement.level, "exactMatch", evidence)
            start_fw = graph.framework_of[placement.level]
            if start_fw == target:
                paths.append((step,))
                continue
            for path in self.walks(placement.level).get(target, []):
                through = {graph.framework_of[e.target] for e in path[:-1]}
                if through & own:
                    continue  # a detour through the type's own frameworks says nothing new
                if (
                    own_isced
                    and not graph.is_classification(start_fw)
                    and path[0].evidence.kind == "isced-placement"
                ):
                    continue  # the type's own ISCED placement is more specific than its level's
                paths.append((step, *path))
        for edge in statement_edges().get(qt.id, ()):
            if graph.framework_of.get(edge.target) == target:
                paths.append((edge,))  # a recognising body's own statement: a direct step
        levels = [p.level for p in placements]
        return self._finish(qt.id, target, [score(graph, p) for p in paths], levels, qt)

    # -- third countries ----------------------------------------------------------------------
    def _country(self, item: str) -> str:
        """The country an id belongs to: a type's jurisdiction, or a level's framework's (``gb-sct`` -> gb)."""
        if "/" in item:
            return item.split("/")[0].split("-")[0].lower()
        framework = self.registry.frameworks.get(self.graph.framework_of.get(item, item))
        return framework.jurisdiction.split("-")[0].lower() if framework else ""

    def _third_country_at(self, ends: set[str], path: Path) -> int | None:
        """The index of the first step that enters a national framework of neither end's country."""
        kinds = self.graph.kind_of
        for i, edge in enumerate(path[:-1]):
            fw = self.graph.framework_of[edge.target]
            if (
                kinds.get(fw) in (FrameworkKind.NQF, FrameworkKind.SUB_FRAMEWORK)
                and self._country(fw) not in ends
            ):
                return i
        return None

    def _without_third_countries(self, source: str, target: str, scored: list[Scored]) -> list[Scored]:
        """No route passes through a third country's national framework.

        A route that reaches the target only as ISCED level -> another country's level -> its referencing
        says nothing about the source's country; what it does say, counted over every such country, is
        where types at that ISCED level land in the target. Those routes are folded into one ISCED step
        per target level, whose evidence counts the countries (the levels most of them reach win, as
        before); any other route through a third country is dropped.
        """
        ends = {self._country(source), self._country(target)}
        kept: list[Scored] = []
        folded: dict[tuple[Path, str], set[str]] = defaultdict(set)
        for s in scored:
            at = self._third_country_at(ends, s.path)
            if at is None:
                kept.append(s)
            elif (at > 0 and s.path[at - 1].target.startswith("isced-2011:")) or s.path[at].source.startswith(
                "isced-2011:"
            ):
                prefix = s.path[:at]
                folded[(prefix, s.target)].add(self.graph.framework_of[s.path[at].target])
        kept.extend(self._folded(target, folded))
        return kept

    def _folded(self, target: str, folded: dict[tuple[Path, str], set[str]]) -> list[Scored]:
        by_isced: dict[tuple[Path, str], dict[str, set[str]]] = defaultdict(dict)
        for (prefix, level), frameworks in folded.items():
            isced_level = prefix[-1].target if prefix else ""
            by_isced[(prefix, isced_level)][level] = frameworks
        out: list[Scored] = []
        for (prefix, isced_level), levels in by_isced.items():
            total = len(set().union(*levels.values()))
            match = "closeMatch" if len(levels) == 1 else "broadMatch"
            for level, frameworks in sorted(levels.items()):
                names = ", ".join(sorted(frameworks)[:4]) + (" ..." if len(frameworks) > 4 else "")
                evidence = Evidence(
                    kind="isced-placement",
                    decision=(
                        f"{len(frameworks)} of {total} frameworks referenced to {target} whose types share "
                        f"{isced_level} place them on {level} ({names})"
                    ),
                    verified=False,
                    note="counted over other countries' referencing; ISCED is statistical, not a decision",
                )
                step = Edge(isced_level, level, match, evidence)
                route = score(self.graph, (*prefix, step))
                out.append(dataclasses.replace(route, votes=len(frameworks)))  # best_of counts the votes
        return out

    # -- the answer ---------------------------------------------------------------------------
    def _notes(self, qt: QualificationType | None, levels: list[str]) -> tuple[TypeNote, ...]:
        if qt is None or not levels:
            return ()
        found = self._type_notes.get(qt.id)
        if found is None:
            graph = self.graph
            primary = next(
                (lv for lv in levels if not graph.is_classification(graph.framework_of[lv])), levels[0]
            )
            found = self._type_notes[qt.id] = tuple(type_notes(self.registry, qt, primary))
        return found

    def _finish(
        self, source: str, target: str, scored: list[Scored], levels: list[str], qt: QualificationType | None
    ) -> Answer:
        graph = self.graph
        scored = self._without_third_countries(source, target, scored)
        scored.sort(key=lambda s: s.key)
        facts = tuple(f for lv in levels for f in graph.no_match.get(lv, ()))
        decisive = tuple(f for f in facts if f.target_framework == target)
        # a level left unlevelled against a framework the target is itself linked to is not guessed via ISCED
        linked = graph.linked.get(target, set())
        relevant = tuple(f for f in facts if f.target_framework in linked)
        # a route may not reach a framework in which a decision left the source level without a counterpart
        banned = {f.target_framework for f in facts}
        usable = [s for s in scored if not banned.intersection(graph.framework_of[e.target] for e in s.path)]
        has_decision_route = any(not s.isced for s in usable)
        stopped_by = decisive or (relevant if not has_decision_route else ())
        best = [] if stopped_by else best_of(usable)
        notes = self._notes(qt, levels)
        if not best:
            return Answer(
                source,
                target,
                Outcome.INDIVIDUAL_ASSESSMENT.value,
                (),
                0.0,
                tuple(scored),
                (),
                facts,
                stopped_by,
                notes,
            )
        order = self.registry.level_order
        targets = tuple(sorted({s.target for s in best}, key=lambda lv: (order.get(lv, 0), lv)))
        top = best[0]
        confidence = top.confidence * (SPREAD_WEIGHT if len(targets) > 1 else 1.0)
        for note in notes:
            confidence *= note.weight
        weak = top.isced or any(e.rank == 2 for s in best for e in s.path)
        outcome = Outcome.PARTIALLY_COMPARABLE if weak else Outcome.COMPARABLE
        return Answer(
            source,
            target,
            outcome.value,
            targets,
            round(confidence, 2),
            tuple(scored),
            tuple(best),
            facts,
            (),
            notes,
        )

    def explain(self, answer: Answer) -> Explanation:
        """The caveats and the confidence factors of an answer (built only when a reader needs them)."""
        caveats: list[str] = []
        for fact in answer.stopped_by:
            ev = fact.evidence
            when = f", {ev.date}" if ev.date else ""
            why = f": {ev.note}" if ev.note else ""
            caveats.append(
                f"{ev.decision} ({ev.body or 'the deciding body'}{when}) gives {fact.level} no counterpart in "
                f"{fact.target_framework}{why}. No level is guessed; an individual assessment is needed."
            )
        if not answer.best:
            if not caveats:
                caveats.append(
                    f"No referencing decision, placement or ISCED co-placement links {answer.source} to "
                    f"{answer.target_framework}: an individual assessment is needed."
                )
            return Explanation(tuple(caveats), ())
        top = answer.best[0]
        basis = factors(self.graph, top.path, top.via)
        targets = answer.target_levels
        if len(targets) > 1:
            basis.append(
                ConfidenceFactor(factor="spread", detail=f"spans {len(targets)} levels", weight=SPREAD_WEIGHT)
            )
            caveats.append(
                f"The answer spans {len(targets)} levels of {answer.target_framework}: {', '.join(targets)}."
            )
        caveats.extend(self._route_caveats(answer))
        for note in answer.type_notes:
            basis.append(ConfidenceFactor(factor="type", detail=note.text, weight=note.weight))
            caveats.append(note.text)
        return Explanation(tuple(caveats), tuple(basis))

    def _route_caveats(self, answer: Answer) -> list[str]:
        source, target, best, targets = (
            answer.source,
            answer.target_framework,
            answer.best,
            answer.target_levels,
        )
        out: list[str] = []
        top = best[0]
        if top.isced:
            out.append(
                f"Only ISCED 2011 links {source} to {target}. ISCED classifies programmes for statistics; it is "
                "weaker evidence than a referencing decision."
            )
        elif top.via:
            out.append(f"No direct decision links them: the best route goes through {', '.join(top.via)}.")
        seen: set[tuple[str, str]] = set()
        unverified: dict[str, str | None] = {}
        for s in best:
            for e in s.path:
                ev = e.evidence
                broad = e.rank == 2 and not e.isced
                if broad and (e.source, e.target) not in seen:
                    seen.add((e.source, e.target))
                    word = "broader" if e.match == "broadMatch" else "narrower"
                    out.append(
                        f"{e.source} -> {e.target} is a {e.match} ({ev.decision}): the second is {word}."
                    )
                if not ev.verified:
                    unverified.setdefault(ev.decision, ev.note)
        if len(unverified) > 3:
            out.append(
                f"{len(unverified)} of the decisions and placements the answer rests on are not verified against "
                f"their sources ({', '.join(sorted(unverified)[:3])} ...); confidence is lowered."
            )
        else:
            for decision, note in unverified.items():
                why = f" ({note})" if note else ""
                out.append(f"{decision} is not verified against its source{why}; confidence is lowered.")
        others = sorted({s.target for s in answer.routes if not s.isced and s.target not in targets})
        if others and not top.isced:
            out.append(f"Weaker routes point to other levels: {', '.join(others)}.")
        return out


def get_engine(registry: Registry | None = None) -> Engine:
    """The engine of ``registry`` (default: the process-wide registry), built once and kept with it."""
    if registry is None:
        from qualbridge.registry.loader import get_registry

        registry = get_registry()
    return registry.derive("compare-engine", Engine)
