"""The evaluation: the decision is hidden, the baseline is measured on the same rows."""

from __future__ import annotations

import dataclasses

from qualbridge.referencing.evaluate import evaluate, proportional, score
from qualbridge.registry.loader import get_registry
from qualbridge.registry.models import LevelMapping, MatchType


def test_proportional_baseline_keeps_the_ends() -> None:
    assert proportional(0, 10, 8) == 0 and proportional(9, 10, 8) == 7
    assert [proportional(i, 8, 8) for i in range(8)] == list(range(8))


def test_score_counts_exact_rows_and_mean_error() -> None:
    s = score([(True, 0), (False, 2), (True, 0), (False, 1)])
    assert (s.rows, s.exact_agreement, s.mae) == (4, 0.5, 0.75)


def test_the_suggestion_never_reads_the_decision() -> None:
    reg = get_registry()
    before = {fr.alignment: [r.suggested for r in fr.rows] for fr in evaluate(reg).frameworks}
    # replace one decision by nonsense: the suggestions stay, only the agreement changes
    original = reg.alignments["de-dqr__eu-eqf"]
    wrong = [
        LevelMapping(from_level=m.from_level, to=["1"], match=MatchType.BROAD) for m in original.mappings
    ]
    reg.alignments["de-dqr__eu-eqf"] = dataclasses.replace(original, mappings=wrong)
    try:
        after = evaluate(reg)
    finally:
        reg.alignments["de-dqr__eu-eqf"] = original
    dqr = next(fr for fr in after.frameworks if fr.alignment == "de-dqr__eu-eqf")
    assert [r.suggested for r in dqr.rows] == before["de-dqr__eu-eqf"]
    assert dqr.assistant.exact_agreement <= 2 / 8


def test_frameworks_without_descriptors_are_skipped_with_a_reason() -> None:
    result = evaluate(get_registry())
    # SADCQF describes 2 of its 10 levels: too few to be a reference
    assert result.skipped["mu-nqf__sadc-qf"].startswith("sadc-qf (the reference) has descriptors for 2 of 10")
    assert result.skipped["gb-rqf__eu-eqf"].startswith("gb-rqf has descriptors for 0 of")
    assert result.skipped["gb-rqf__gb-cqfw"] in {
        "gb-cqfw has no descriptors",
        "kind comparability-study",
    } or ("descriptors" in result.skipped["gb-rqf__gb-cqfw"])
    assert "mu-nqf" not in {fr.source for fr in result.frameworks}
    assert all(fr.rows for fr in result.frameworks)
