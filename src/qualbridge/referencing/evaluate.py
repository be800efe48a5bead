"""Measure the assistant against the decisions countries made: hide the decision, suggest, compare.

For every alignment in the registry (a referencing decision or an official comparability study) whose
two frameworks carry descriptors, the suggestion is computed from the descriptors alone (it never reads
an alignment) and compared row by row with the decision. A row agrees exactly when the suggested best
level is one of the decided target levels; its error is the distance, in levels of the reference
framework, to the nearest decided target. The naive baseline scales level positions proportionally
(level i of n lands at round(i·(m-1)/(n-1)) of m) and is measured on the same rows in the same run.
Rows the data marks unverified are counted apart, so a reader sees the figure on confirmed rows too.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from qualbridge.referencing.model import DescribedFramework, Suggestion
from qualbridge.referencing.similarity import Backend, backend
from qualbridge.referencing.suggest import described, suggest
from qualbridge.registry.loader import Registry
from qualbridge.registry.models import Alignment, Framework

#: the kinds of alignment measured: decisions by the bodies concerned, not self-certification
KINDS = ("referencing", "comparability-study")
#: a framework is measured when at least this share of its decided rows have descriptors, and the
#: reference framework when at least this share of its levels have
MIN_COVERAGE = 0.5


@dataclasses.dataclass(frozen=True, slots=True)
class Row:
    level: str
    decided: tuple[str, ...]
    suggested: str
    baseline: str
    error: int
    baseline_error: int
    verified: bool


@dataclasses.dataclass(frozen=True, slots=True)
class Score:
    rows: int
    exact_agreement: float
    mae: float


@dataclasses.dataclass(frozen=True, slots=True)
class FrameworkResult:
    alignment: str
    source: str
    reference: str
    kind: str
    rows: tuple[Row, ...]
    assistant: Score
    baseline: Score
    verified_rows: int

    @property
    def beats_baseline(self) -> bool:
        a, b = self.assistant, self.baseline
        return a.exact_agreement > b.exact_agreement or (
            a.exact_agreement == b.exact_agreement and a.mae < b.mae
        )


@dataclasses.dataclass(frozen=True, slots=True)
class Evaluation:
    method: str
    frameworks: tuple[FrameworkResult, ...]
    overall: Score
    baseline: Score
    overall_verified: Score
    baseline_verified: Score
    skipped: dict[str, str]  # alignment id -> why it was not measured


def score(pairs: Iterable[tuple[bool, int]]) -> Score:
    items = list(pairs)
    if not items:
        return Score(0, 0.0, 0.0)
    return Score(
        len(items), sum(1 for ok, _ in items if ok) / len(items), sum(e for _, e in items) / len(items)
    )


def proportional(index: int, count: int, ref_count: int) -> int:
    """The naive baseline: position ``index`` of ``count`` scaled onto ``ref_count`` positions.

    >>> [proportional(i, 10, 8) for i in range(10)]
    [0, 1, 2, 2, 3, 4, 5, 5, 6, 7]
    """
    if count <= 1:
        return 0
    return int(index * (ref_count - 1) / (count - 1) + 0.5)


def evaluate(
    registry: Registry,
    *,
    semantic: bool = False,
    sim: Backend | None = None,
    progress: Callable[[str], None] | None = None,
) -> Evaluation:
    """Every measurable alignment of the registry, the assistant beside the baseline."""
    sim = sim or backend(semantic)
    results, skipped = [], {}
    for alignment in sorted(registry.alignments.values(), key=lambda a: a.id):
        if progress:
            progress(alignment.id)
        why = _unmeasurable(registry, alignment)
        if why:
            skipped[alignment.id] = why
            continue
        src = described(registry.frameworks[alignment.source_framework])
        ref = described(registry.frameworks[alignment.target_framework])
        suggestion = suggest(src, ref, sim=sim)
        results.append(_compare(registry, alignment, src, suggestion))
    all_rows = [r for fr in results for r in fr.rows]
    verified = [r for r in all_rows if r.verified]
    return Evaluation(
        method=sim.name,
        frameworks=tuple(results),
        overall=score((r.error == 0, r.error) for r in all_rows),
        baseline=score((r.baseline_error == 0, r.baseline_error) for r in all_rows),
        overall_verified=score((r.error == 0, r.error) for r in verified),
        baseline_verified=score((r.baseline_error == 0, r.baseline_error) for r in verified),
        skipped=skipped,
    )


def _unmeasurable(registry: Registry, alignment: Alignment) -> str | None:
    if alignment.kind not in KINDS:
        return f"kind {alignment.kind}"
    src_fw = registry.frameworks.get(alignment.source_framework)
    ref_fw = registry.frameworks.get(alignment.target_framework)
    if src_fw is None or ref_fw is None:
        return "framework missing"
    ref = described(ref_fw)
    if len(ref.levels) < 2 or len(ref.levels) / len(ref_fw.levels) < MIN_COVERAGE:
        return f"{ref_fw.id} (the reference) has descriptors for {len(ref.levels)} of {len(ref_fw.levels)} levels"
    src = described(src_fw)
    rows = [m for m in alignment.mappings if m.to]
    have = {lv.notation for lv in src.levels}
    covered = [m for m in rows if m.from_level in have]
    if len(src.levels) < 2 or not rows or len(covered) / len(rows) < MIN_COVERAGE:
        return f"{src_fw.id} has descriptors for {len(covered)} of {len(rows)} decided levels"
    return None


def _compare(
    registry: Registry, alignment: Alignment, src: DescribedFramework, suggestion: Suggestion
) -> FrameworkResult:
    src_fw: Framework = registry.frameworks[alignment.source_framework]
    ref_fw: Framework = registry.frameworks[alignment.target_framework]
    ref_pos = {lv.notation: k for k, lv in enumerate(ref_fw.levels)}
    src_pos = {lv.notation: k for k, lv in enumerate(src_fw.levels)}
    chosen = suggestion.targets()
    rows = []
    for m in alignment.mappings:
        decided = tuple(t for t in m.to if t in ref_pos)
        if not decided or m.from_level not in chosen:
            continue
        base = ref_fw.levels[
            proportional(src_pos[m.from_level], len(src_fw.levels), len(ref_fw.levels))
        ].notation
        rows.append(
            Row(
                level=m.from_level,
                decided=decided,
                suggested=chosen[m.from_level],
                baseline=base,
                error=min(abs(ref_pos[chosen[m.from_level]] - ref_pos[t]) for t in decided),
                baseline_error=min(abs(ref_pos[base] - ref_pos[t]) for t in decided),
                verified=m.verified and alignment.verified,
            )
        )
    return FrameworkResult(
        alignment=alignment.id,
        source=src_fw.id,
        reference=ref_fw.id,
        kind=alignment.kind,
        rows=tuple(rows),
        assistant=score((r.error == 0, r.error) for r in rows),
        baseline=score((r.baseline_error == 0, r.baseline_error) for r in rows),
        verified_rows=sum(1 for r in rows if r.verified),
    )
