"""Properties of the engine over the real data (hypothesis draws the levels and frameworks)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qualbridge.compare import compare
from qualbridge.compare.comparison import build_comparison
from qualbridge.compare.engine import Engine
from qualbridge.compare.resolve import resolve
from qualbridge.registry.loader import Registry

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _orders(registry: Registry, levels: list[str]) -> list[int]:
    return [registry.level_order[lv] for lv in levels]


@SETTINGS
@given(data=st.data())
def test_monotone_a_higher_level_never_lands_lower(real: Registry, data: st.DataObject) -> None:
    ids = sorted(real.frameworks)
    a = data.draw(st.sampled_from(ids), label="source framework")
    b = data.draw(st.sampled_from([f for f in ids if f != a]), label="target framework")
    levels = [f"{a}:{lv.notation}" for lv in real.frameworks[a].levels]
    i = data.draw(st.integers(0, len(levels) - 1), label="lower")
    j = data.draw(st.integers(i, len(levels) - 1), label="higher")
    low = compare(levels[i], b, registry=real).target_levels
    high = compare(levels[j], b, registry=real).target_levels
    if low and high:
        assert min(_orders(real, high)) >= min(_orders(real, low))
        assert max(_orders(real, high)) >= max(_orders(real, low))


@SETTINGS
@given(data=st.data())
def test_deterministic_across_engines(real: Registry, data: st.DataObject) -> None:
    source = data.draw(st.sampled_from(sorted(real.levels) + sorted(real.qualifications)), label="source")
    target = data.draw(st.sampled_from(sorted(real.frameworks)), label="target")
    first = compare(source, target, registry=real).as_json()
    fresh = Engine(real)  # a second engine, built from scratch
    second = build_comparison(fresh, resolve(real, source), target, source).as_json()
    assert first == second


def _one_to_one_rows(real: Registry) -> list[tuple[str, str, str, str]]:
    """(source level, target level, decision, source framework) for exact rows of symmetric decisions
    whose target level no other row of the decision reaches."""
    found = []
    for alignment in sorted(real.alignments.values(), key=lambda a: a.id):
        if not alignment.symmetric:
            continue
        for row in alignment.mappings:
            if row.match != "exactMatch" or len(row.to) != 1:
                continue
            others = [r for r in alignment.mappings if r is not row and row.to[0] in r.to]
            if not others:
                src = f"{alignment.source_framework}:{row.from_level}"
                tgt = f"{alignment.target_framework}:{row.to[0]}"
                found.append((src, tgt, alignment.id, alignment.source_framework))
    return found


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_symmetric_decisions_read_both_ways(real: Registry, data: st.DataObject) -> None:
    rows = _one_to_one_rows(real)
    src, tgt, decision, src_fw = data.draw(st.sampled_from(rows), label="row")
    forward = compare(src, real.levels[tgt][0], registry=real)
    back = compare(tgt, src_fw, registry=real)
    assert tgt in forward.target_levels
    assert back.target_levels == [src]
    assert any(
        r.best and r.steps[0].evidence.decision == decision and r.steps[0].inverse for r in back.routes
    )
