"""Suggestions from descriptors: where each level lands, its strength, the phrases and the warnings."""

from __future__ import annotations

import pytest

from qualbridge.referencing import DescribedFramework, DescribedLevel, NoDescriptors, described, suggest
from qualbridge.registry.loader import get_registry


def _fw(fid: str, texts: list[dict[str, str]]) -> DescribedFramework:
    levels = tuple(DescribedLevel(str(k + 1), t) for k, t in enumerate(texts))
    return DescribedFramework(fid, fid, "en", levels)


def test_a_framework_that_copies_the_eqf_wording_lands_level_for_level() -> None:
    eqf = described(get_registry().framework("eu-eqf"))
    copy = DescribedFramework("xx-copy", "copy", "en", eqf.levels)
    result = suggest(copy, eqf)
    assert result.targets() == {str(n): str(n) for n in range(1, 9)}
    assert all(lv.strength != "weak" for lv in result.levels)
    assert all(lv.phrases and lv.phrases[0].score > 0.9 for lv in result.levels)


def test_a_shuffled_ladder_still_keeps_the_order() -> None:
    eqf = described(get_registry().framework("eu-eqf"))
    # level 2 of this framework reads like EQF 6 and level 3 like EQF 3: the order wins, with a warning
    odd = DescribedFramework(
        "xx-odd", "odd", "en", (eqf.levels[0], eqf.levels[5], eqf.levels[2], eqf.levels[7])
    )
    result = suggest(odd, eqf)
    bests = [int(lv.best) for lv in result.levels]
    assert bests == sorted(bests)
    assert any(w.code == "referencing.warning.order" for lv in result.levels for w in lv.warnings)


def test_thin_descriptors_are_flagged() -> None:
    ref = described(get_registry().framework("eu-eqf"))
    thin = _fw("xx-thin", [{"knowledge": "Basic knowledge"}, {"knowledge": "Advanced knowledge of theories"}])
    result = suggest(thin, ref)
    codes = {w.code for lv in result.levels for w in lv.warnings}
    assert {"referencing.warning.few-words", "referencing.warning.few-facets"} <= codes
    assert result.caveats[0].code == "referencing.caveat.draft"


def test_a_framework_without_descriptors_is_refused_by_name() -> None:
    reg = get_registry()
    with pytest.raises(NoDescriptors, match="jp-jeqf"):
        suggest(described(reg.framework("jp-jeqf")), described(reg.framework("eu-eqf")))


def test_levels_without_descriptors_are_named_as_skipped() -> None:
    reg = get_registry()
    src = described(reg.framework("de-dqr"))
    assert src.skipped == ()
    sadc = described(reg.framework("sadc-qf"))
    assert "1" in sadc.skipped


def test_a_partly_described_reference_is_named_in_a_caveat() -> None:
    reg = get_registry()
    result = suggest(described(reg.framework("de-dqr")), described(reg.framework("sadc-qf")))
    partial = [c for c in result.caveats if c.code == "referencing.caveat.reference-partial"]
    assert partial and "1" in str(partial[0].params["levels"]).split(", ")
    assert {lv.best for lv in result.levels} <= {"9", "10"}
