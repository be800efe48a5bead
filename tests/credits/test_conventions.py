"""Conversions follow the conventions the bodies publish (issue 13): a published rate is the value, the
workload computation is a check beside it, no figure is the middle of two methods, no false precision.

The rates themselves are data (some not yet confirmed against their source), so these tests assert how the
engine uses whatever rate the data records, not the rate's figure.
"""

from __future__ import annotations

import pytest

from qualbridge.credits import convert, get_system, load_systems
from qualbridge.credits.convert import estimate


def _rate(src: str, tgt: str) -> float:
    (rate,) = [r for r in get_system(src).published_rates if r.to == tgt]
    return rate.factor


@pytest.mark.parametrize(
    ("amount", "src", "tgt"),
    [(180, "ects", "gb-credit"), (120, "nz-credit", "ects"), (15, "gb-credit", "ects")],
)
def test_a_published_rate_is_the_value_and_the_workload_a_check(amount: float, src: str, tgt: str) -> None:
    c = convert(amount, src, tgt)
    factor = (
        _rate(src, tgt) if any(r.to == tgt for r in get_system(src).published_rates) else 1 / _rate(tgt, src)
    )
    assert c.method == "published-rate" and c.published is not None
    assert c.value == c.low == c.high == pytest.approx(amount * factor)
    assert c.by_hours is not None and "checks: by workload hours" in c.formula
    assert "middle" not in c.formula


def test_two_published_rates_chain_through_the_system_both_name() -> None:
    c = convert(120, "gb-credit", "nz-credit")
    assert c.method == "published-rate" and "via ects" in c.formula
    assert c.value == pytest.approx(120 * _rate("gb-credit", "ects") / _rate("nz-credit", "ects"))


def test_without_a_rate_the_published_workload_gives_a_range_never_a_midpoint() -> None:
    c = convert(124, "jp-tani", "ects")
    assert c.published is None and c.method == "hours"
    hours = c.by_hours
    assert hours is not None and (c.low, c.high) == (hours.low, hours.high) and c.value == c.low
    assert c.value != round((hours.value + c.by_year.value) / 2, 2)


@pytest.mark.parametrize("system", sorted(load_systems()))
def test_computed_figures_carry_no_false_precision(system: str) -> None:
    for target in sorted(load_systems()):
        c = convert(130, system, target)
        for figure in (c.low, c.high, c.by_year.low, c.by_year.high):
            assert figure == estimate(figure)  # whole credits (half credits below 10)


def test_sources_of_the_credit_files_are_not_blogs_or_wikis() -> None:
    banned = ("wiki", "hatenadiary", "blog", "slideshare", "snowday", "asiaexchange", "wealthyspear")
    for system in load_systems().values():
        for source in system.sources.values():
            assert not any(b in source.url for b in banned), (system.id, source.url)
