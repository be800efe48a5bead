"""The engine's rules, one at a time, on the invented fixture registry of ``conftest.py``."""

from __future__ import annotations

import pytest

from qualbridge.compare import compare
from qualbridge.compare.model import Outcome
from qualbridge.errors import (
    AmbiguousQualification,
    NoMatch,
    UnknownCountry,
    UnknownFramework,
    UnknownLevel,
    UnknownQualification,
)
from qualbridge.registry.loader import Registry


def test_direct_decision_gives_its_level_with_evidence(reg: Registry) -> None:
    c = compare("aa-nqf:8", "rr-rqf", registry=reg)
    assert c.outcome == Outcome.COMPARABLE
    assert c.target_levels == ["rr-rqf:6"]
    best = c.routes[0]
    assert best.best and best.tier == "direct"
    (step,) = best.steps
    assert step.match == "exactMatch"
    assert step.evidence.decision == "aa-nqf__rr-rqf"
    assert step.evidence.body == "Body of aa-nqf"
    assert step.evidence.date == "2019-06"
    assert step.evidence.address == "https://example.org/aa-nqf__rr-rqf"


def test_symmetric_decision_reads_backwards(reg: Registry) -> None:
    c = compare("rr-rqf:6", "aa-nqf", registry=reg)
    assert c.target_levels == ["aa-nqf:7", "aa-nqf:8"]
    assert all(r.steps[0].inverse for r in c.routes if r.best)
    assert any("spans 2 levels" in cv.text() for cv in c.caveats)


def test_asymmetric_decision_does_not_read_backwards(tmp_path_factory: pytest.TempPathFactory) -> None:
    from tests.compare.conftest import build, files

    data = files()
    data["alignments/dd-nqf__ss-rqf.yaml"]["symmetric"] = False
    reg = build(tmp_path_factory.mktemp("asym"), data)
    assert compare("dd-nqf:2", "ss-rqf", registry=reg).target_levels == ["ss-rqf:2"]
    assert compare("ss-rqf:2", "dd-nqf", registry=reg).outcome == Outcome.INDIVIDUAL_ASSESSMENT


def test_broad_match_inverts_to_narrow_and_is_partial(reg: Registry) -> None:
    forward = compare("cc-nqf:2", "rr-rqf", registry=reg)
    assert forward.outcome == Outcome.PARTIALLY_COMPARABLE
    assert forward.routes[0].steps[0].match == "broadMatch"
    assert any("broadMatch" in cv.text() for cv in forward.caveats)
    back = compare("rr-rqf:3", "cc-nqf", registry=reg)
    assert back.routes[0].steps[0].match == "narrowMatch"
    assert back.outcome == Outcome.PARTIALLY_COMPARABLE


def test_direct_beats_hub_and_hub_is_weaker(reg: Registry) -> None:
    c = compare("aa-nqf:8", "bb-nqf", registry=reg)
    assert c.routes[0].tier == "direct"
    hub = next(r for r in c.routes if r.via == ["rr-rqf"])
    assert hub.confidence < c.routes[0].confidence
    assert not hub.best


def test_route_through_one_hub(reg: Registry) -> None:
    c = compare("aa-nqf:4", "bb-nqf", registry=reg)
    assert c.target_levels == ["bb-nqf:2"]
    assert c.routes[0].via == ["rr-rqf"]
    assert any("rr-rqf" in cv.text() for cv in c.caveats)


def test_two_hubs_rank_below_one(reg: Registry) -> None:
    c = compare("dd-nqf:2", "aa-nqf", registry=reg)
    assert c.routes[0].via == ["ss-rqf", "rr-rqf"]
    assert c.routes[0].tier == "2 intermediate frameworks"
    one_hub = compare("aa-nqf:4", "bb-nqf", registry=reg).routes[0].confidence
    assert c.routes[0].confidence < one_hub


def test_no_match_gives_individual_assessment_not_a_guess(reg: Registry) -> None:
    c = compare("bb-nqf:8", "rr-rqf", registry=reg)
    assert c.outcome == Outcome.INDIVIDUAL_ASSESSMENT
    assert c.target_levels == []
    assert c.confidence == 0
    assert c.no_match and c.no_match[0].evidence.note == "agreed to remain unlevelled"
    assert not any(r.best for r in c.routes)  # the ISCED routes exist but are not used


def test_no_match_blocks_isced_fallback_elsewhere(reg: Registry) -> None:
    c = compare("bb/honours", "aa-nqf", registry=reg)
    assert c.outcome == Outcome.INDIVIDUAL_ASSESSMENT
    assert any("no counterpart" in cv.text() for cv in c.caveats)


def test_no_route_at_all(reg: Registry) -> None:
    c = compare("zz-nqf:1", "rr-rqf", registry=reg)
    assert c.outcome == Outcome.INDIVIDUAL_ASSESSMENT
    assert c.routes == [] and c.target_levels == []


def test_isced_is_the_weakest_fallback(reg: Registry) -> None:
    c = compare("ee/gakushi", "rr-rqf", registry=reg)
    assert c.outcome == Outcome.PARTIALLY_COMPARABLE
    assert c.target_levels == ["rr-rqf:6"]
    assert all(r.tier == "isced" for r in c.routes)
    assert c.confidence < 0.5
    assert any("ISCED" in cv.text() for cv in c.caveats)


def test_isced_routes_rank_below_decisions(reg: Registry) -> None:
    c = compare("aa/honours", "bb-nqf", registry=reg)
    tiers = [r.tier for r in c.routes]
    assert tiers[0] == "direct"
    assert "isced" in tiers and tiers.index("isced") > tiers.index("direct")


def test_type_placed_on_target_is_direct(reg: Registry) -> None:
    c = compare("ee/gakushi", "ee-nqf", registry=reg)
    assert c.target_levels == ["ee-nqf:6"]
    assert c.routes[0].steps[0].evidence.kind == "placement"
    assert c.outcome == Outcome.COMPARABLE


def test_level_in_its_own_framework(reg: Registry) -> None:
    c = compare("aa-nqf:3", "aa-nqf", registry=reg)
    assert c.target_levels == ["aa-nqf:3"] and c.confidence == 1.0


def test_unverified_row_lowers_confidence_and_warns(reg: Registry) -> None:
    verified = compare("cc-nqf:1", "rr-rqf", registry=reg)
    unverified = compare("cc-nqf:3", "rr-rqf", registry=reg)
    assert unverified.target_levels == ["rr-rqf:4"]
    assert unverified.confidence < verified.confidence
    assert any("not verified" in cv.text() for cv in unverified.caveats)
    assert any(f.factor == "verification" for f in unverified.confidence_basis)


def test_newer_decision_beats_older(tmp_path_factory: pytest.TempPathFactory) -> None:
    from tests.compare.conftest import al, build, files, row

    data = files()
    data["alignments/rr-rqf__zz-nqf.yaml"] = al("rr-rqf", "zz-nqf", [row("3", ["1"])], "2010")
    data["alignments/zz-nqf__rr-rqf.yaml"] = al("zz-nqf", "rr-rqf", [row("2", ["3"])], "2024")
    reg = build(tmp_path_factory.mktemp("dates"), data)
    c = compare("rr-rqf:3", "zz-nqf", registry=reg)
    assert c.routes[0].steps[0].evidence.decision == "zz-nqf__rr-rqf"
    assert c.target_levels == ["zz-nqf:2"]


def test_workload_difference_is_a_caveat(reg: Registry) -> None:
    short = compare("bb/bachelor-short", "aa-nqf", registry=reg)
    typical = compare("bb/bachelor", "aa-nqf", registry=reg)
    assert any(cv.text().startswith("Workload: bb/bachelor-short") for cv in short.caveats)
    assert not any(cv.text().startswith("Workload") for cv in typical.caveats)
    assert short.confidence < typical.confidence


def test_access_difference_is_a_caveat(reg: Registry) -> None:
    c = compare("aa/ordinary", "rr-rqf", registry=reg)
    assert any(cv.text().startswith("Access: aa/ordinary") and "aa-nqf:9" in cv.text() for cv in c.caveats)


def test_comparable_types_ranked_with_the_source_in_mind(reg: Registry) -> None:
    c = compare("ee/gakushi", "aa-nqf", registry=reg)
    at7 = [q.type_id for q in c.comparable_qualifications if q.level == "aa-nqf:7"]
    assert at7 == ["aa/ordinary", "aa/professional"]  # same academic profile first
    at8 = [q.type_id for q in c.comparable_qualifications if q.level == "aa-nqf:8"]
    assert at8[0] == "aa/honours"  # a 4-year first degree before a 1-year graduate diploma


def test_free_text_and_bracketed_specialisation(reg: Registry) -> None:
    c = compare("学士（工学）", "rr-rqf", registry=reg)
    assert c.source.id == "ee/gakushi" and c.source.matched == "学士"


def test_ambiguous_name_lists_candidates(reg: Registry) -> None:
    with pytest.raises(AmbiguousQualification) as info:
        compare("Diploma", "rr-rqf", registry=reg)
    assert {cid for cid, _ in info.value.candidates} == {"aa/diploma", "bb/diploma"}
    assert compare("Diploma", "rr-rqf", country="bb", registry=reg).source.id == "bb/diploma"


@pytest.mark.parametrize(
    ("query", "to", "country", "error"),
    [
        ("aa-nqf:8", "rr-rqx", None, UnknownFramework),
        ("Diploma", "rr-rqf", "xx", UnknownCountry),
        ("aa-nqf:11", "rr-rqf", None, UnknownLevel),
        ("aa/nonesuch", "rr-rqf", None, UnknownQualification),
        ("Zzyzx Quorble", "rr-rqf", None, NoMatch),
        ("  ", "rr-rqf", None, NoMatch),
    ],
)
def test_bad_input_is_a_typed_error(
    reg: Registry, query: str, to: str, country: str | None, error: type
) -> None:
    with pytest.raises(error) as info:
        compare(query, to, country, registry=reg)
    if error in (UnknownFramework, UnknownCountry):
        assert info.value.suggestions


def test_json_has_the_promised_keys(reg: Registry) -> None:
    data = compare("aa-nqf:8", "bb-nqf", registry=reg).as_json()
    for key in ("outcome", "target_levels", "confidence", "routes", "comparable_qualifications", "caveats"):
        assert key in data
    assert data["outcome"] == "comparable"
    assert data["routes"][0]["steps"][0]["evidence"]["decision"] == "aa-nqf__bb-nqf"
