"""Consistency figures: outliers against precedent, and chance-corrected agreement between raters."""

from __future__ import annotations

import pytest

from qualbridge.analytics.consistency import Decided, cohen_kappa, fleiss_kappa, outliers, tally


def _case(ref: str, decision: str, qt: str = "kr/haksa", purpose: str = "further-study") -> Decided:
    return Decided(ref, qt, "KR", purpose, decision, "eve", "2026-11")


def test_a_decision_unlike_enough_precedents_is_an_outlier() -> None:
    cases = [_case(f"c{i}", "full") for i in range(3)] + [_case("odd", "partial")]
    found = outliers(cases)
    assert [(o.case.reference, o.usual, o.precedents) for o in found] == [("odd", ("full",), 3)]


def test_too_few_precedents_or_another_purpose_is_no_outlier() -> None:
    assert outliers([_case("a", "full"), _case("b", "full"), _case("odd", "partial")]) == []
    mixed = [_case(f"c{i}", "full") for i in range(3)] + [_case("other", "partial", purpose="employment")]
    assert outliers(mixed) == []
    assert outliers([_case(f"c{i}", "full", qt="") for i in range(3)] + [_case("x", "partial", qt="")]) == []


def test_a_tie_among_precedents_makes_neither_side_an_outlier() -> None:
    cases = [_case("a", "full"), _case("b", "full"), _case("c", "partial"), _case("d", "partial")]
    assert outliers(cases) == []


def test_tally_counts_decisions_per_value() -> None:
    counts = tally([_case("a", "full"), _case("b", "partial"), _case("c", "full")], lambda d: d.country)
    assert counts == {"KR": {"full": 2, "partial": 1}}


def test_cohen_kappa_is_one_for_agreement_and_zero_for_chance() -> None:
    assert cohen_kappa(["a", "b", "a"], ["a", "b", "a"]) == 1.0
    assert cohen_kappa(["a", "a", "b", "b"], ["a", "b", "a", "b"]) == 0.0
    with pytest.raises(ValueError):
        cohen_kappa(["a"], [])


def test_fleiss_kappa_of_the_published_example() -> None:
    # Fleiss (1971) worked example as reproduced in the literature: 10 items, 14 raters, kappa 0.210
    table = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
             [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]  # fmt: skip
    assert fleiss_kappa(table) == pytest.approx(0.210, abs=0.0005)
    with pytest.raises(ValueError):
        fleiss_kappa([[1, 1], [2, 1]])
