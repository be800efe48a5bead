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


def test_the_evaluation_method_cites_coverage_as_evidence() -> None:
    from types import SimpleNamespace

    from qualbridge.evaluate.elements import outcome_evidence

    stated = ["Basic factual knowledge of a field of work or study, here bookkeeping"]
    ctx = SimpleNamespace(
        registry=get_registry(),
        required_level="eu-eqf:2",
        comparison=SimpleNamespace(target_levels=[]),
        credential=SimpleNamespace(learning_outcomes=stated),
    )
    lines = outcome_evidence(ctx)  # type: ignore[arg-type]
    assert lines[0].startswith("1 of ") and "eu-eqf:2" in lines[0]
    assert any(line.startswith("not covered: Work or study under supervision") for line in lines)
    ctx.required_level = "jp-jeqf:6"
    assert "no descriptors" in outcome_evidence(ctx)[0]  # type: ignore[arg-type]
