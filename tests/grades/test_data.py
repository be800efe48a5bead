"""The grading data: loads, covers what the issue names, and is internally consistent."""

from __future__ import annotations

import pytest

from qualbridge.errors import UnknownScale
from qualbridge.grades import get_scale, load_scales
from qualbridge.grades.methods import distribution_of, grading_table

REQUIRED = [
    "de-1-5",
    "us-4",
    "nl-1-10",
    "fr-0-20",
    "it-0-30",
    "in-percent",
    "jp-s-f",
    "gb-class",
    "cn-0-100",
    "kr-4-5",
    "ph-1-5",
]


def test_required_scales_exist() -> None:
    scales = load_scales()
    assert [s for s in REQUIRED if s not in scales] == []


def test_at_least_thirty_jurisdictions() -> None:
    assert len({s.jurisdiction for s in load_scales().values()}) >= 30


def test_scale_ids_start_with_their_jurisdiction() -> None:
    for scale in load_scales().values():
        assert scale.id.split("-")[0] == scale.jurisdiction.lower(), scale.id


@pytest.mark.parametrize("scale_id", sorted(load_scales()))
def test_every_scale_is_consistent(scale_id: str) -> None:
    scale = get_scale(scale_id)
    assert scale.source_url(), "every scale names a source"
    assert scale.passes(scale.best) and scale.passes(scale.lowest_pass) and not scale.passes(scale.worst)
    for lab in scale.model.labels:  # a label reads back as itself
        value, name = scale.parse(lab.label)
        assert name == lab.label and value == lab.point
    for eq in scale.model.equivalences:  # published tables point at passing labels of a real scale
        target = get_scale(eq.target)
        for row in eq.rows:
            lab = target.label(row.to)
            assert lab is not None and target.passes(lab.point), (eq.target, row.to)
            assert scale.passes(row.min)
    table = distribution_of(scale)
    if table is not None:
        rows = grading_table(scale, table, "distribution")
        assert abs(sum(r.share for r in rows) - 100) < 1e-9


def test_unknown_scale_names_the_closest() -> None:
    with pytest.raises(UnknownScale) as err:
        get_scale("de-1-6")
    assert "de-1-5" in str(err.value)
