"""The four grade-conversion methods. Each one names itself and writes its formula with the numbers in.

1. ``bavarian``: the modified Bavarian formula to the German scale (KMK, 1991):
   x = 1 + 3 (Nmax - Nd) / (Nmax - Nmin), determined to one decimal and not rounded.
2. ``linear``: piecewise-linear interpolation between anchors - best to best, lowest pass to lowest
   pass, worst to worst - between any two scales (the Bavarian formula is its special case).
3. ``table``: lookup in a published equivalence table for letter and class scales. Where the data hold
   no table for the pair there is nothing to look up: the grade is interpolated linearly and placed in
   the target band it falls in, and the result says so by its own method name, ``band`` - a "table
   lookup" never shows a linear formula.
4. ``percentile``: grading tables as in the ECTS Users' Guide and Egracons - the share of passing
   grades on each side, mapping the source grade's percentile range to the target grade there.

Invariants every method keeps: a pass stays a pass, a fail stays a fail, and a better grade never
converts to a worse one (tests check them as properties).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from qualbridge.errors import InvalidGrade, QualbridgeError
from qualbridge.grades.scales import Scale, _fmt

GERMAN_SCALE = "de-1-5"
#: a stored copy of the KMK Secretariat's text of the agreement (Beschluss vom 15.03.1991 i. d. F. vom
#: 12.09.2013, Anlage II zur NS 215. AK); the KMK's own address for it was not found
KMK_SOURCE = "https://de.scribd.com/document/397494847/Gest05"

METHOD_NAMES = {
    "bavarian": "modified Bavarian formula (KMK 1991)",
    "linear": "piecewise-linear interpolation between anchor points",
    "table": "table lookup (a published equivalence table)",
    "band": "target band of the piecewise-linear interpolation (no published table for this pair)",
    "percentile": "percentile conversion with grading tables (ECTS Users' Guide, Egracons)",
}

#: (grade as written, percent or count of students); only passing grades are used
GradeTable = Sequence[tuple[str, float]]


class MethodNotApplicable(QualbridgeError):
    """A method asked for that cannot convert between these two scales."""

    code = "method-not-applicable"


@dataclass(frozen=True)
class Step:
    """What a method computed: the exact value, the formula with numbers, and why."""

    value: float
    formula: str
    label: str | None = None
    notes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    verified: bool = True
    extra: dict[str, float] = field(default_factory=dict)
    method: str | None = None  # the method actually used, when it is not the one asked for


def n(x: float) -> str:
    """A number as a person writes it: no trailing zeros, at most four decimals."""
    return _fmt(round(x, 4))


# -- 2. linear ------------------------------------------------------------------------------------
def linear(src: Scale, tgt: Scale, x: float, passed: bool) -> Step:
    if passed:
        a0, a1, b0, b1, span = src.lowest_pass, src.best, tgt.lowest_pass, tgt.best, "lowest pass to best"
    else:
        a0, a1, b0, b1, span = src.worst, src.lowest_pass, tgt.worst, tgt.lowest_pass, "worst to lowest pass"
    y = b0 + (x - a0) * (b1 - b0) / (a1 - a0)
    formula = (
        f"y = T0 + (x − S0) × (T1 − T0) / (S1 − S0), anchors {span}: "
        f"y = {n(b0)} + ({n(x)} − {n(a0)}) × ({n(b1)} − {n(b0)}) / ({n(a1)} − {n(a0)}) = {n(y)}"
    )
    return Step(y, formula)


# -- 1. modified Bavarian formula -----------------------------------------------------------------
def bavarian(src: Scale, tgt: Scale, x: float, passed: bool) -> Step:
    if tgt.id != GERMAN_SCALE:
        raise MethodNotApplicable(
            f"The modified Bavarian formula converts to the German scale {GERMAN_SCALE} only, not {tgt.id}."
        )
    nmax, nmin = src.best, src.lowest_pass
    if not passed:
        return Step(
            tgt.worst,
            f"{n(x)} is below the lowest pass {n(nmin)} on {src.id}: the formula covers passing grades "
            f"(Nmax to Nmin) only; a fail is reported as {n(tgt.worst)} (nicht ausreichend)",
            notes=("A failing grade is not converted by the formula; it stays a fail.",),
            sources=(KMK_SOURCE,),
        )
    exact = 1 + 3 * (nmax - x) / (nmax - nmin)
    value = math.floor(round(exact, 9) * 10) / 10
    formula = (
        f"x = 1 + 3 × (Nmax − Nd) / (Nmax − Nmin) = 1 + 3 × ({n(nmax)} − {n(x)}) / ({n(nmax)} − {n(nmin)}) "
        f"= {n(exact)} → {value:.1f} (one decimal, not rounded)"
    )
    return Step(
        value,
        formula,
        notes=(
            "KMK agreement of 15 March 1991 (as amended 2013): the grade is determined to one decimal "
            "place and not rounded. Some universities round to the nearest German grade step instead.",
        ),
        sources=(KMK_SOURCE,),
        extra={"exact": exact},
    )


# -- 3. table lookup ------------------------------------------------------------------------------
def table(src: Scale, tgt: Scale, x: float, passed: bool) -> Step:
    if not tgt.model.labels:
        raise MethodNotApplicable(f"Table lookup needs a target scale with labels; {tgt.id} has none.")
    published = next((eq for eq in src.model.equivalences if eq.target == tgt.id), None)
    if published is not None and passed:
        src_url = src.sources[published.source].url if published.source in src.sources else src.source_url()
        for row in published.rows:
            if not src.better(row.min, x):
                lab = _target_label(tgt, row.to)
                formula = f"published table {src.id} → {tgt.id}: {n(x)} reaches at least {n(row.min)} → {lab}"
                return Step(
                    _point(tgt, lab), formula, lab, _notes(published.note), _urls(src_url), published.verified
                )
        lab = _lowest_passing_label(tgt)
        formula = (
            f"published table {src.id} → {tgt.id}: {n(x)} is below every row (lowest {n(published.rows[-1].min)}) "
            f"but a pass on {src.id} → lowest passing grade {lab}"
        )
        notes = (
            *_notes(published.note),
            "Below the published table: kept as a pass at the lowest passing grade.",
        )
        return Step(_point(tgt, lab), formula, lab, notes, _urls(src_url), published.verified)
    inner = linear(src, tgt, x, passed)
    found = tgt.label_for(inner.value, passed)
    assert found is not None
    formula = f"no published table {src.id} → {tgt.id}: {inner.formula}; on {tgt.id} that falls under {found}"
    return Step(
        _point(tgt, found),
        formula,
        found,
        ("No published table for this pair: the grade was interpolated and placed in the target's bands.",),
        method="band",
    )


def _target_label(tgt: Scale, name: str) -> str:
    lab = tgt.label(name)
    if lab is None:
        raise ValueError(f"equivalence table names {name!r}, which is not a label of {tgt.id}")
    return lab.label


def _point(tgt: Scale, name: str) -> float:
    lab = tgt.label(name)
    assert lab is not None
    return lab.point


def _lowest_passing_label(tgt: Scale) -> str:
    passing = [lab for lab in tgt.model.labels if tgt.passes(lab.point)]
    return passing[-1].label


def _notes(note: str | None) -> tuple[str, ...]:
    return (note,) if note else ()


def _urls(url: str | None) -> tuple[str, ...]:
    return (url,) if url else ()


# -- 4. percentile with grading tables ------------------------------------------------------------
@dataclass(frozen=True)
class _Row:
    value: float
    grade: str
    start: float  # percent of passing grades that are better
    share: float  # percent of passing grades at this grade


def grading_table(scale: Scale, rows: GradeTable, name: str) -> list[_Row]:
    """Passing rows best first, shares normalised to 100 %."""
    parsed: list[tuple[float, str, float]] = []
    for grade, amount in rows:
        if not math.isfinite(amount) or amount < 0:
            raise InvalidGrade(
                f"{name}: the share for {grade!r} must be a number of at least 0, not {amount!r}."
            )
        try:
            value, lab = scale.parse(grade)
        except InvalidGrade as exc:
            raise InvalidGrade(f"{name}: {exc}") from None
        if scale.passes(value) and amount > 0:
            parsed.append((value, lab or str(grade), amount))
    total = sum(a for _, _, a in parsed)
    if not math.isfinite(total):
        raise InvalidGrade(f"{name}: the shares add up to more than a number can hold; give percentages.")
    if not parsed or total <= 0:
        raise InvalidGrade(f"{name} for {scale.id} has no passing grade with a share above 0.")
    parsed.sort(key=lambda r: -r[0] if scale.higher_is_better else r[0])
    out: list[_Row] = []
    start = 0.0
    for value, grade, amount in parsed:
        share = 100 * amount / total
        out.append(_Row(value, grade, start, share))
        start += share
    return out


def distribution_of(scale: Scale) -> GradeTable | None:
    dist = scale.model.distribution
    return None if dist is None else [(r.grade, r.percent) for r in dist.rows]


def percentile(
    src: Scale,
    tgt: Scale,
    x: float,
    passed: bool,
    from_table: GradeTable | None = None,
    to_table: GradeTable | None = None,
) -> Step:
    src_rows = from_table if from_table is not None else distribution_of(src)
    tgt_rows = to_table if to_table is not None else distribution_of(tgt)
    missing = [s.id for s, rows in ((src, src_rows), (tgt, tgt_rows)) if rows is None]
    if missing:
        raise MethodNotApplicable(
            "Percentile conversion needs a grading table (grade distribution) for both scales; "
            f"none is published in the data for {', '.join(missing)}. Give one (--from-table / --to-table)."
        )
    assert src_rows is not None and tgt_rows is not None
    s_table = grading_table(src, src_rows, "source grading table")
    t_table = grading_table(tgt, tgt_rows, "target grading table")
    if not passed:
        inner = linear(src, tgt, x, passed)
        return Step(
            inner.value,
            inner.formula + " (grading tables hold passing grades only)",
            notes=("A fail is outside the grading tables; it was placed in the target's fail range.",),
        )
    row = next((r for r in s_table if not src.better(r.value, x)), s_table[-1])
    mid = row.start + row.share / 2
    hit = next((r for r in t_table if mid < r.start + r.share), t_table[-1])
    formula = (
        f"{row.grade} on {src.id}: {row.start:.1f}–{row.start + row.share:.1f} % of passing grades are at or above "
        f"it (midpoint {mid:.1f} %) → {hit.grade} on {tgt.id} covers {hit.start:.1f}–{hit.start + hit.share:.1f} %"
    )
    notes: list[str] = []
    verified = True
    for scale, given in ((src, from_table), (tgt, to_table)):
        dist = scale.model.distribution
        if given is None and dist is not None:
            notes.append(f"{scale.id} grading table: {dist.reference_group}.")
            verified = verified and dist.verified
        elif given is not None:
            notes.append(f"{scale.id} grading table given with the request.")
    return Step(
        hit.value,
        formula,
        tgt.label_for(hit.value, True) or hit.grade,
        tuple(notes),
        verified=verified,
        extra={"percentile_low": row.start, "percentile_high": row.start + row.share},
    )
