"""Properties every method keeps, for every pair of scales in the data (behaviour, not facts):
a better grade never converts to a worse one, a pass stays a pass, a fail stays a fail, results stay
on the target scale, and a linear round trip returns the grade within a stated tolerance."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from qualbridge.grades import convert, get_scale, load_scales
from qualbridge.grades.convert import DIGITS
from qualbridge.grades.methods import MethodNotApplicable

SCALES = sorted(load_scales())
METHODS = ["linear", "table", "bavarian", "percentile", None]

scale_ids = st.sampled_from(SCALES)
fractions = st.floats(min_value=0, max_value=1, allow_nan=False)


def on_scale(scale_id: str, t: float) -> float:
    s = get_scale(scale_id)
    return s.worst + t * (s.best - s.worst)


def not_worse(scale_id: str, a: float, b: float) -> bool:
    s = get_scale(scale_id)
    return not s.better(b, a)


@settings(max_examples=300, deadline=None)
@given(scale_ids, scale_ids, fractions, fractions, st.sampled_from(METHODS))
def test_monotone_and_pass_to_pass(src: str, tgt: str, t1: float, t2: float, method: str | None) -> None:
    x1, x2 = on_scale(src, max(t1, t2)), on_scale(src, min(t1, t2))  # x1 is at least as good as x2
    try:
        c1, c2 = convert(x1, src, tgt, method), convert(x2, src, tgt, method)
    except MethodNotApplicable:
        assume(False)
        return
    tg = get_scale(tgt)
    lo, hi = sorted((tg.best, tg.worst))
    for x, c in ((x1, c1), (x2, c2)):
        assert lo <= c.value <= hi
        assert c.passed == get_scale(src).passes(x)
        assert tg.passes(c.value) == c.passed, (x, c.value, c.formula)
    assert not_worse(tgt, c1.value, c2.value), (c1.formula, c2.formula)


@settings(max_examples=200, deadline=None)
@given(scale_ids, scale_ids, fractions)
def test_linear_round_trip(src: str, tgt: str, t: float) -> None:
    x = on_scale(src, t)
    there = convert(x, src, tgt, "linear")
    back = convert(there.value, tgt, src, "linear")
    s, g = get_scale(src), get_scale(tgt)
    ratio = abs(s.best - s.worst) / abs(g.best - g.worst)
    # stated tolerance: one reporting step (10^-DIGITS) on the target, scaled back, plus one on the source
    tolerance = 10**-DIGITS * (max(ratio, 1 / ratio) * 2 + 1)
    assert abs(back.value - x) <= tolerance, (x, there.value, back.value)


@settings(max_examples=200, deadline=None)
@given(scale_ids, fractions)
def test_bavarian_bounds(src: str, t: float) -> None:
    x = on_scale(src, t)
    c = convert(x, src, "de-1-5", "bavarian")
    if c.passed:
        assert 1.0 <= c.value <= 4.0
        assert c.value <= c.exact + 1e-9 and c.exact - c.value < 0.1  # truncated, never rounded down past
    else:
        assert c.value == 5.0
