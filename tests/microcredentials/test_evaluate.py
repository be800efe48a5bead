"""Evaluation and stacking: level through the comparability engine, credits by the credits package,
and what a stack still lacks."""

import pytest

from qualbridge.compare import compare
from qualbridge.credits import convert
from qualbridge.microcredentials.evaluate import NotStackable, evaluate, stack
from qualbridge.microcredentials.model import from_mapping
from qualbridge.microcredentials.sample import UnknownMicroCredential, get, load_sample


def test_sample_records_carry_their_source():
    sample = load_sample()
    assert len(sample) >= 3
    for mc in sample.values():
        assert mc.source_url and mc.source_url.startswith("https://www.nzqa.govt.nz/")
        assert mc.consulted is not None
        assert mc.level and mc.credits


def test_unknown_sample_id_names_the_closest():
    with pytest.raises(UnknownMicroCredential) as err:
        get("nz-growsafe-basik")
    assert "nz-growsafe-basic" in str(err.value)


def test_level_placed_as_the_engine_places_the_level():
    mc = get("nz-mediaworks-sales-capability")
    result = evaluate(mc, "eu-eqf", "ects")
    engine = compare(mc.level, "eu-eqf")
    assert result.comparison is not None
    assert result.comparison.target_levels == engine.target_levels
    assert result.credits is not None
    assert result.credits.low == convert(mc.credits, "nz-credit", "ects").low


def test_no_level_is_said_not_guessed():
    mc = from_mapping(
        {"title": "x", "provider": "p", "country": "NZ", "credits": 5, "credit_system": "nz-credit"}
    )
    result = evaluate(mc, "eu-eqf", "ects")
    assert result.comparison is None and "mc-no-level" in result.caveats


def test_stack_counts_lower_bounds_and_names_what_is_missing():
    mcs = [get("nz-growsafe-basic"), get("nz-growsafe-standard"), get("nz-mediaworks-sales-capability")]
    result = stack(mcs, "ie/higher-diploma")
    expected = sum(convert(m.credits, m.credit_system, "ects").low for m in mcs)
    assert result.total == pytest.approx(expected, abs=0.1)
    assert result.credits_missing == pytest.approx(60 - expected, abs=0.1)
    assert "mc-stack-credits" in result.missing
    assert "mc-stack-outcomes" in result.missing  # the register records no outcomes


def test_stack_more_credits_means_less_missing():
    one = stack([get("nz-growsafe-basic")], "ie/higher-diploma")
    two = stack([get("nz-growsafe-basic"), get("nz-mediaworks-sales-capability")], "ie/higher-diploma")
    assert two.credits_missing < one.credits_missing


def test_stack_toward_type_without_credits_is_refused():
    with pytest.raises(NotStackable):
        stack([get("nz-growsafe-basic")], "nz/masters")
