"""Country profiles say exactly what the data says: every type on the ladder at its years of schooling
(a range kept as a range, an unconfirmed figure marked), comparisons from the engine, sources with dates."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from qualbridge.cli.main import app as cli
from qualbridge.errors import UnknownCountry
from qualbridge.profiles.country import countries, country_profile
from qualbridge.profiles.ladder import BOX_H, LadderWording, render_ladder
from qualbridge.registry import get_registry
from tests.helpers import run_cli

SVG = "{http://www.w3.org/2000/svg}"


def test_every_country_with_types_has_a_profile_listing_all_of_them() -> None:
    registry = get_registry()
    assert len(countries()) == len(registry.types_by_jurisdiction)
    for cc in countries():
        profile = country_profile(cc)
        assert sorted(s.id for s in profile.stages) == sorted(registry.types_by_jurisdiction[cc])
        assert profile.sources, f"{cc}: a profile without sources"


def test_the_ladder_orders_types_by_years_and_keeps_the_data_flags() -> None:
    registry = get_registry()
    for cc in countries():
        profile = country_profile(cc)
        placed = [s.years_of_schooling for s in profile.stages if s.years_of_schooling]
        assert [(y.min, y.max) for y in placed] == sorted((y.min, y.max) for y in placed)
        for stage in profile.stages:
            data = registry.qualifications[stage.id].years_of_schooling
            if data is None:
                assert stage.years_of_schooling is None
            else:
                assert stage.years_of_schooling is not None
                shown = stage.years_of_schooling
                assert (shown.min, shown.max, shown.verified) == (
                    data.min_years,
                    data.max_years,
                    data.verified,
                )


def _ranged_country() -> tuple[str, str]:
    """A country and a type whose years of schooling the data gives as a range (min < max)."""
    for cc in countries():
        for stage in country_profile(cc).stages:
            if stage.years_of_schooling and stage.years_of_schooling.min < stage.years_of_schooling.max:
                return cc, stage.id
    pytest.skip("no type in the data has a range of years of schooling")


def test_the_picture_draws_every_placed_type_and_a_range_as_a_range() -> None:
    cc, ranged = _ranged_country()
    profile = country_profile(cc)
    svg = render_ladder(profile, LadderWording(href="/t/{id}"))
    root = ET.fromstring(svg)
    links = {a.get("href"): a for a in root.iter(f"{SVG}a")}
    for stage in profile.stages:
        if stage.years_of_schooling is not None:
            assert f"/t/{stage.id}" in links, stage.id
    rect = links[f"/t/{ranged}"].find(f"{SVG}g/{SVG}rect")
    assert rect is not None and float(rect.get("height", 0)) > BOX_H  # spans its rows, not a midpoint
    for stage in profile.stages:
        if stage.years_of_schooling and not stage.years_of_schooling.verified:
            box = links[f"/t/{stage.id}"].find(f"{SVG}g/{SVG}rect")
            assert box is not None and box.get("stroke-dasharray")


def test_a_country_without_an_nqf_says_so_and_its_types_stay_on_isced() -> None:
    registry = get_registry()
    without = [
        cc
        for cc in countries()
        if not any(f.jurisdiction.upper() == cc for f in registry.frameworks.values())
    ]
    assert without
    profile = country_profile(without[0])
    assert not profile.has_nqf and not profile.frameworks


def test_comparisons_are_the_engines_answers() -> None:
    from qualbridge.compare import compare

    profile = country_profile("JP")
    for row in profile.comparisons[:5]:
        answer = compare(row.type_id, "jp-jeqf")
        assert (row.outcome, row.target_levels) == (answer.outcome.value, answer.target_levels)


def test_unknown_country_names_the_valid_codes() -> None:
    with pytest.raises(UnknownCountry) as caught:
        country_profile("ZZ")
    assert "JP" in str(caught.value)
    result = run_cli("countries", "show", "ZZ")
    assert (
        result.returncode == 2 and "ZZ" in result.stderr + result.stdout and "Traceback" not in result.stderr
    )


def test_cli_json_is_the_profile_and_writes_the_picture(tmp_path) -> None:  # type: ignore[no-untyped-def]
    cc, _ = _ranged_country()
    out = tmp_path / "ladder.svg"
    result = CliRunner().invoke(cli, ["countries", "show", cc, "--json", "--svg", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == country_profile(cc).model_dump(mode="json")
    ET.fromstring(out.read_text(encoding="utf-8"))
    missing = run_cli("countries", "show", cc, "--svg", str(tmp_path / "no" / "x.svg"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr + missing.stdout
