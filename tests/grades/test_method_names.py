"""A method's name matches its working (issue 13): a "table lookup" never shows a linear formula."""

from __future__ import annotations

from qualbridge.grades import convert
from qualbridge.grades.scales import load_scales


def test_a_table_lookup_without_a_published_table_says_it_interpolated() -> None:
    scales = load_scales()
    for src in scales.values():
        for tgt in scales.values():
            if src.id == tgt.id or not tgt.model.labels or not src.model.labels:
                continue
            if any(eq.target == tgt.id for eq in src.model.equivalences):
                continue
            c = convert(src.model.labels[0].label, src, tgt, "table")
            assert c.method == "band" and "table lookup" not in c.method_name
            assert c.formula.startswith("no published table")
            return
    raise AssertionError("no pair of labelled scales without a published table in the data")


def test_a_published_table_is_a_table_lookup_with_no_formula() -> None:
    for src in load_scales().values():
        for eq in src.model.equivalences:
            c = convert(src.best, src, eq.target, "table")
            assert c.method == "table" and "y =" not in c.formula and "published table" in c.formula
            return
    raise AssertionError("no published equivalence table in the data")
