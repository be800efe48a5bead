"""Level-by-level tables between two frameworks, and the table of every framework pair.

A row per level of framework A: where it lands in framework B, the weakest match on the routes the
answer rests on, the outcome, the confidence, and the frameworks the route goes through. Each row is
read off the level's public :class:`~qualbridge.compare.model.Comparison` (:func:`row_of`), so the CLI's
matrix, the golden snapshots and the portal's side-by-side page show what ``compare`` answers. The text
rendering is what the golden snapshots in ``tests/compare/golden`` hold, so it carries no data version
or date: a diff in a snapshot is a change in an answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from qualbridge.compare.comparison import build_comparison
from qualbridge.compare.engine import Engine, get_engine
from qualbridge.compare.graph import MATCH_RANK
from qualbridge.compare.model import Comparison
from qualbridge.compare.resolve import Resolved
from qualbridge.registry.loader import Registry
from qualbridge.registry.models import pick


@dataclass(frozen=True, slots=True)
class MatrixRow:
    level: str
    label: str
    targets: tuple[str, ...]
    match: str  # weakest match on the best routes; "isced" when they rest on ISCED; "noMatch"; "" for none
    outcome: str
    confidence: float
    via: tuple[str, ...]
    decisions: tuple[str, ...]  # the decisions (or placements) the answer rests on, for link titles
    support: int = 0  # how many equally good routes the answer rests on


def row_of(result: Comparison) -> MatrixRow:
    """The table row of a level's public comparison result (so every table shows the same answer)."""
    level = result.source.id
    label = pick(result.source.names) or level
    best = [r for r in result.routes if r.best]
    if not best:
        stopped = any(f.target_framework == result.target_framework for f in result.no_match)
        decisions = tuple(dict.fromkeys(f.evidence.decision for f in result.no_match))
        outcome = result.outcome.value
        return MatrixRow(
            level, label, (), "noMatch" if stopped else "", outcome, result.confidence, (), decisions
        )
    top = best[0]
    if top.tier == "isced":
        match = "isced"
    else:
        match = max((s.match for r in best for s in r.steps), key=lambda m: MATCH_RANK.get(m, 2))
    decisions = tuple(dict.fromkeys(s.evidence.decision for r in best for s in r.steps))
    return MatrixRow(
        level,
        label,
        tuple(result.target_levels),
        match,
        result.outcome.value,
        result.confidence,
        tuple(top.via),
        decisions,
        len(best),
    )


def matrix(a: str, b: str, *, registry: Registry | None = None) -> list[MatrixRow]:
    """One row per level of framework ``a``, compared with framework ``b`` (raises UnknownFramework)."""
    engine = get_engine(registry)
    fa = engine.registry.framework(a)
    fb = engine.registry.framework(b)
    return matrix_rows(engine, fa.id, fb.id)


def matrix_rows(engine: Engine, a: str, b: str) -> list[MatrixRow]:
    framework = engine.registry.frameworks[a]
    rows = []
    for level in framework.levels:
        level_id = f"{a}:{level.notation}"
        rows.append(row_of(build_comparison(engine, Resolved("level", level_id), b)))
    return rows


def all_pairs(registry: Registry | None = None) -> dict[tuple[str, str], list[MatrixRow]]:
    """The table of every ordered pair of distinct frameworks."""
    engine = get_engine(registry)
    ids = sorted(engine.registry.frameworks)
    return {(a, b): matrix_rows(engine, a, b) for a in ids for b in ids if a != b}


def render_table(a: str, b: str, rows: list[MatrixRow]) -> str:
    """A plain-text table, stable across runs (used by the CLI and the golden snapshots)."""
    header = (f"{a}", f"{b}", "match", "outcome", "confidence", "via")
    body = [
        (
            r.level.split(":", 1)[1] + (f" ({r.label})" if r.label and r.label != r.level else ""),
            ", ".join(t.split(":", 1)[1] for t in r.targets) or "-",
            r.match or "-",
            r.outcome,
            f"{r.confidence:.2f}",
            _via(r),
        )
        for r in reversed(rows)
    ]
    widths = [max(len(str(row[i])) for row in (header, *body)) for i in range(len(header))]
    lines = [
        "  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in (header, *body)
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def _via(row: MatrixRow) -> str:
    """Through ISCED many countries' routes agree; say how many rather than name one at random."""
    if row.match == "isced":
        return f"ISCED 2011 ({row.support} route{'s' if row.support != 1 else ''})"
    return ", ".join(row.via) or "-"
