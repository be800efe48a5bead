"""Learning outcomes against a home level: covered and not covered, named."""

from __future__ import annotations

import pytest

from qualbridge.referencing.outcomes import NoOutcomes, coverage
from qualbridge.referencing.suggest import NoDescriptors
from qualbridge.registry.loader import get_registry


def test_outcomes_cover_the_statements_they_address_and_not_the_others() -> None:
    result = coverage(
        get_registry(),
        "eu-eqf:6",
        [
            "Advanced knowledge of civil engineering, involving a critical understanding of its theories and principles",
            "Play the piano",
        ],
    )
    by_start = {(s.domain, s.text.split()[0]): s for s in result.statements}
    knowledge = by_start[("knowledge", "Advanced")]
    assert knowledge.covered and "civil engineering" in (knowledge.by or "")
    manage = by_start[("responsibility-and-autonomy", "Manage")]
    assert not manage.covered and manage.by is None
    assert result.summary.params["covered"] == result.covered < len(result.statements)


def test_no_outcomes_is_an_error() -> None:
    with pytest.raises(NoOutcomes):
        coverage(get_registry(), "eu-eqf:6", ["", "  "])


def test_a_level_without_descriptors_is_an_error() -> None:
    with pytest.raises(NoDescriptors):
        coverage(get_registry(), "jp-jeqf:6", ["Anything"])
