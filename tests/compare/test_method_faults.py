"""The method faults of issue 13, each with the test that would have caught it (real data)."""

from __future__ import annotations

import pytest

from qualbridge.compare import compare
from qualbridge.compare.typeinfo import type_notes
from qualbridge.errors import NoMatch
from qualbridge.registry import get_registry


@pytest.mark.parametrize("type_id", ["jp/tanki-daigakushi", "jp/kodo-senmonshi"])
def test_a_japanese_type_is_not_routed_through_a_third_countrys_framework(type_id: str) -> None:
    registry = get_registry()
    c = compare(type_id, "eu-eqf")
    for route in c.routes:
        for step in route.steps:
            framework = registry.levels[step.to_id][0] if step.to_id in registry.levels else None
            if framework is None or registry.frameworks[framework].kind.value not in ("nqf", "sub-framework"):
                continue
            assert registry.frameworks[framework].jurisdiction.lower() in ("jp",), (route, step)
    assert not any("hu-mkkr" in str(r.steps) for r in c.routes)


def test_a_duration_range_is_reported_as_a_range_never_its_midpoint() -> None:
    registry = get_registry()
    haksa = registry.qualifications["kr/haksa"]
    assert haksa.duration is not None and haksa.duration.min_years < haksa.duration.max_years
    for placement in haksa.placements:
        for note in type_notes(registry, haksa, placement.level):
            assert (
                f"takes {(haksa.duration.min_years + haksa.duration.max_years) / 2:g} years" not in note.text
            )
    c = compare("kr/haksa", "jp-jeqf")
    assert not any("takes 5 years" in cv for cv in c.caveats)


def test_master_of_philosophy_does_not_match_types_it_shares_only_generic_words_with() -> None:
    # before issue 13 it matched A level, CertHE and GCSE "equally" on "of" and "education"-like words;
    # philosophy is a field of study (ISCED-F 0223), so the name is a master's degree in a field
    c = compare("Master of Philosophy", "eu-eqf", country="gb")
    assert c.source.id == "gb/master"
    registry = get_registry()
    for generic in ("gb/a-level", "gb/certhe", "gb/gcse"):
        assert generic in registry.qualifications and c.source.id != generic


def test_an_invented_degree_gets_no_answer_but_the_closest_real_types() -> None:
    with pytest.raises(NoMatch) as caught:
        compare("Bachelor of Magic", "eu-eqf")
    assert caught.value.suggestions and all("/bachelor" in s for s in caught.value.suggestions[:3])


def test_an_unknown_name_with_a_country_is_not_told_to_add_one() -> None:
    from qualbridge.compare.resolve import resolve
    from qualbridge.errors import NoMatch
    from qualbridge.registry import get_registry

    with pytest.raises(NoMatch) as given:
        resolve(get_registry(), "Bachelor of Magic", country="NP")
    assert "country" not in str(given.value).split("The closest")[0].split("called")[1]
    with pytest.raises(NoMatch) as without:
        resolve(get_registry(), "Bachelor of Magic")
    assert "--country" not in str(without.value) and "give the qualification's country" in str(without.value)
