"""Country profiles say exactly what the data says: every type on the ladder at its years of schooling
(a range kept as a range, an unconfirmed figure marked), comparisons from the engine, sources with dates."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from qualbridge.cli.main import app as cli
from qualbridge.errors import UnknownCountry
from qualbridge.profiles.country import (
    CountryProfile,
    InstitutionList,
    Stage,
    Years,
    countries,
    country_profile,
)
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


def _stage(type_id: str, years: tuple[int, int], verified: bool, leads_to: list[str]) -> Stage:
    return Stage(
        id=type_id,
        names={"en": type_id},
        profile="academic",
        years_of_schooling=Years(min=years[0], max=years[1], verified=verified),
        duration_years=None,
        placements=[],
        leads_to=leads_to,
        verified=True,
    )


def _made_up_profile() -> CountryProfile:
    """A profile built here, so the picture's rules are tested whatever the data holds today."""
    stages = [
        _stage("xx/school", (12, 12), True, ["xx/bachelor"]),
        _stage("xx/bachelor", (15, 16), True, ["xx/master"]),  # a range: two routes
        _stage("xx/master", (17, 18), False, []),  # not confirmed by a source
    ]
    empty = InstitutionList(count=0, mills=0, sources=[])
    return CountryProfile(country="XX", names={"en": "Testland"}, has_nqf=False, frameworks=[], stages=stages,
                          comparisons=[], grading_scales=[], credit_systems=[], institutions=empty,
                          data_version="test")  # fmt: skip


def _drawable_country() -> str:
    """A country of the data whose ladder has something to draw (the CLI writes its picture)."""
    drawable = [cc for cc in countries() if any(s.years_of_schooling for s in country_profile(cc).stages)]
    assert drawable, "no country of the data records years of schooling"
    return drawable[0]


def test_the_picture_draws_every_placed_type_and_a_range_as_a_range() -> None:
    profile = _made_up_profile()
    svg = render_ladder(profile, LadderWording(href="/t/{id}"))
    root = ET.fromstring(svg)
    links = {a.get("href"): a for a in root.iter(f"{SVG}a")}
    assert set(links) == {"/t/xx/school", "/t/xx/bachelor", "/t/xx/master"}
    ranged = links["/t/xx/bachelor"].find(f"{SVG}g/{SVG}rect")
    single = links["/t/xx/school"].find(f"{SVG}g/{SVG}rect")
    assert ranged is not None and single is not None
    assert float(ranged.get("height", 0)) > float(single.get("height", 0)) == BOX_H  # spans its rows
    unverified = links["/t/xx/master"].find(f"{SVG}g/{SVG}rect")
    assert unverified is not None and unverified.get("stroke-dasharray")
    assert not single.get("stroke-dasharray")
    assert len(list(root.iter(f"{SVG}line"))) == 2  # school -> bachelor -> master


def test_the_picture_of_every_country_places_each_type_that_has_years() -> None:
    for cc in countries():
        profile = country_profile(cc)
        placed = {s.id for s in profile.stages if s.years_of_schooling}
        svg = render_ladder(profile, LadderWording(href="/t/{id}"))
        if not placed:
            assert svg == ""
            continue
        hrefs = {a.get("href") for a in ET.fromstring(svg).iter(f"{SVG}a")}
        assert hrefs == {f"/t/{t}" for t in placed}, cc


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
    cc = _drawable_country()
    out = tmp_path / "ladder.svg"
    result = CliRunner().invoke(cli, ["countries", "show", cc, "--json", "--svg", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == country_profile(cc).model_dump(mode="json")
    ET.fromstring(out.read_text(encoding="utf-8"))
    missing = run_cli("countries", "show", cc, "--svg", str(tmp_path / "no" / "x.svg"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr + missing.stdout
