"""Level-by-level tables between two frameworks, and the table of every framework pair.

A row per level of framework A: where it lands in framework B, the weakest match on the routes the
answer rests on, the outcome, the confidence, and the frameworks the route goes through. The text
rendering is what the golden snapshots in ``tests/compare/golden`` hold, so it carries no data version
or date: a diff in a snapshot is a change in an answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from qualbridge.compare.engine import Answer, Engine, get_engine
from qualbridge.compare.graph import MATCH_RANK
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


def _row(engine: Engine, level: str, answer: Answer) -> MatrixRow:
    label = pick(engine.registry.levels[level][1].labels) or level
    if not answer.best:
        match = (
            "noMatch" if any(f.target_framework == answer.target_framework for f in answer.no_match) else ""
        )
        decisions = tuple(dict.fromkeys(f.evidence.decision for f in answer.no_match))
        return MatrixRow(level, label, (), match, answer.outcome, answer.confidence, (), decisions)
    top = answer.best[0]
    if top.isced:
        match = "isced"
    else:
        match = max((e.match for s in answer.best for e in s.path), key=lambda m: MATCH_RANK.get(m, 2))
    decisions = tuple(dict.fromkeys(e.evidence.decision for s in answer.best for e in s.path))
    return MatrixRow(
        level,
        label,
        answer.target_levels,
        match,
        answer.outcome,
        answer.confidence,
        top.via,
        decisions,
        len(answer.best),
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
        rows.append(_row(engine, level_id, engine.answer(level_id, b)))
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
