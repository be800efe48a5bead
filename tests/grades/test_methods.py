"""Worked examples published with each method (cited), and the choice of method."""

from __future__ import annotations

import pytest

from qualbridge.grades import convert, get_scale
from qualbridge.grades.methods import MethodNotApplicable


def test_bavarian_netherlands_example() -> None:
    # stat.de FAQ on the modified Bavarian formula: Dutch 8 with Nmax 10, Nmin 6 -> 2.5
    # https://www.stat.de/archives/ufaqs/how-is-the-grade-of-the-previous-first-degree-calculated-if-no-german-grading-system-is-used
    c = convert("8", "nl-1-10", "de-1-5")
    assert c.method == "bavarian" and c.value == 2.5 and c.passed
    assert "(10 − 8) / (10 − 6)" in c.formula


def test_bavarian_india_example_is_truncated_not_rounded() -> None:
    # stat.de: Indian 75 % with Nmax 100, Nmin 40 -> 2.25; KMK 15.03.1991 (as amended 2013) 4(4):
    # "auf eine Stelle nach dem Komma bestimmt; es wird nicht gerundet" -> 2.2
    c = convert(75, "in-percent", "de-1-5", "bavarian")
    assert c.exact == pytest.approx(2.25)
    assert c.value == 2.2


def test_bavarian_works_for_lower_is_better_scales() -> None:
    # the formula needs no change for a reversed scale: Philippine 2.0 (best 1.0, pass 3.0) is half way
    c = convert("2.0", "ph-1-5", "de-1-5", "bavarian")
    assert c.exact == pytest.approx(2.5)


def test_bavarian_only_targets_the_german_scale() -> None:
    with pytest.raises(MethodNotApplicable, match="de-1-5"):
        convert("8", "nl-1-10", "fr-0-20", "bavarian")


def test_linear_to_german_scale_equals_the_bavarian_formula() -> None:
    for grade in ("6", "6.5", "7.3", "9.9", "10"):
        lin = convert(grade, "nl-1-10", "de-1-5", "linear")
        bav = convert(grade, "nl-1-10", "de-1-5", "bavarian")
        assert lin.exact == pytest.approx(bav.exact)


def test_table_uses_the_published_french_equivalents() -> None:
    # Aberystwyth University, comparability of non-EU qualifications: francophone Licence
    # 16 -> First, 14 -> 2:1, 12 -> 2:2
    assert convert("16", "fr-0-20", "gb-class").label == "First"
    assert convert("14", "fr-0-20", "gb-class").label == "2:1"
    assert convert("13.9", "fr-0-20", "gb-class").label == "2:2"
    low = convert("10", "fr-0-20", "gb-class")
    assert low.passed and low.label == "Third"  # below the table, still a pass
    assert convert("9", "fr-0-20", "gb-class").label == "Fail"


def test_table_uses_the_published_nigerian_equivalents() -> None:
    # Loughborough University, Nigeria postgraduate entry: 5-point CGPA 4.0 / 3.4 / 2.7 for First / 2:1 / 2:2
    assert convert("4.0", "ng-cgpa-5", "gb-class").label == "First"
    assert convert("3.4", "ng-cgpa-5", "gb-class").label == "2:1"
    assert convert("2.7", "ng-cgpa-5", "gb-class").label == "2:2"


def test_table_without_published_rows_uses_the_target_bands() -> None:
    c = convert("A", "jp-s-f", "gb-class", "table")
    assert c.label in {lab.label for lab in get_scale("gb-class").model.labels}
    assert c.value == get_scale("gb-class").label(c.label).point  # type: ignore[union-attr]


def test_percentile_with_the_ects_scale_shares() -> None:
    # ECTS grading scale (ULB): A top 10 %, B next 25 %, C next 30 %, D next 25 %, E last 10 %
    # A table with the same shares on both sides maps every grade to the same rank.
    source = [("1.0", 10), ("2.0", 25), ("3.0", 30), ("3.7", 25), ("4.0", 10)]
    got = [convert(g, "de-1-5", "ehea-ects", "percentile", from_table=source).label for g, _ in source]
    assert got == ["A", "B", "C", "D", "E"]


def test_percentile_uses_published_distributions() -> None:
    # Nuffic 2006 distribution (printed by Erasmus University Rotterdam): 10 and 9 are 3.5 % of passes
    assert convert("10", "nl-1-10", "ehea-ects").label == "A"
    assert convert("9", "nl-1-10", "ehea-ects").label == "A"
    assert convert("6", "nl-1-10", "ehea-ects").label in {"D", "E"}
    assert convert("8", "nl-1-10", "ehea-ects").method == "percentile"


def test_percentile_needs_tables_on_both_sides() -> None:
    with pytest.raises(MethodNotApplicable, match="grading table"):
        convert("8", "nl-1-10", "de-1-5", "percentile")


def test_every_conversion_explains_itself() -> None:
    c = convert("B+", "us-4", "kr-4-5")
    data = c.as_json()
    assert {"value", "method", "formula", "passed"} <= set(data)
    assert c.method_name and "=" in c.formula
    assert data["verified"] is False  # us-4 is from recall
