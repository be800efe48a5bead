"""Admission eligibility (入学資格): the MEXT rules as data, applied to qualifications, with the basis shown.

Facts the policy marks ``verified: false`` are never asserted here as truth; the engine's logic is tested on
the verified rules of the shipped policy and on small fixture records.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qualbridge.cli.main import app as cli
from qualbridge.eligibility.answer import check_eligibility
from qualbridge.eligibility.policy import load_policy, read_policy
from qualbridge.eligibility.rules import Subject, decide
from qualbridge.errors import QualbridgeError
from qualbridge.registry import get_registry
from qualbridge.registry.check import check
from qualbridge.registry.eligibility import Rule
from qualbridge.registry.loader import DATA_DIR

POLICY = load_policy()


def _rule(target: str, rule_id: str) -> Rule:
    return next(r for r in POLICY.targets[target].rules if r.id == rule_id)


def test_twelve_years_abroad_make_a_university_applicant_eligible_with_the_article() -> None:
    assert _rule("jp-university", "twelve-years-abroad").verified  # the rule the test relies on
    result = check_eligibility(get_registry(), "kr/godeunghakgyo-joreop", "jp-university", years=12)
    data = result.as_json()
    assert data["outcome"] == "eligible"
    assert data["rule"]["id"] == "twelve-years-abroad" and "第150条第1号" in data["rule"]["basis"]["ja"]
    assert data["years_of_schooling"] == {"min": 12, "max": 12, "source": "stated", "verified": True}
    assert any("k19811003001" in s["url"] for s in data["sources"])
    assert set(data) >= {"outcome", "rule", "years_of_schooling", "conditions", "sources"}


def test_eleven_years_need_a_designated_preparatory_course() -> None:
    assert _rule("jp-university", "preparatory-course").verified
    result = check_eligibility(get_registry(), "vn/thpt", "jp-university", years=11)  # years as stated
    assert result.outcome == "conditional"
    assert [c.code for c in result.conditions()] == ["designated-preparatory-course"]
    assert "準備教育課程" in result.conditions()[0].text["ja"]


def test_a_designated_eleven_year_course_needs_no_preparatory_course() -> None:
    ukraine = next(e for e in POLICY.lists["designated-11-year-courses"] if e.country == "UA")
    assert ukraine.verified and ukraine.designated == "2022-05-13"
    verdict = decide(POLICY, "jp-university", Subject(None, "UA", (11, 11)))
    assert verdict.outcome == "eligible" and verdict.rule is not None
    assert verdict.rule.id == "designated-11-year-course" and verdict.entry == ukraine
    # the same 11 years from a country without a designated course: the preparatory course is the route
    assert decide(POLICY, "jp-university", Subject(None, "VN", (11, 11))).outcome == "conditional"


def test_a_range_of_years_is_not_folded_into_one_figure() -> None:
    verdict = decide(POLICY, "jp-university", Subject(None, "VN", (11, 12)))
    assert verdict.outcome == "conditional"
    (span,) = [c for c in verdict.extra if c.code == "years-range"]
    assert "11 to 12 years" in span.text["en"] and "eligible" in span.text["en"]


def test_a_range_whose_ends_agree_is_not_made_conditional() -> None:
    # 11 years from Ukraine (designated course) and 12 years are both eligible: the low end's route decides
    verdict = decide(POLICY, "jp-university", Subject(None, "UA", (11, 12)))
    assert verdict.outcome == "eligible" and verdict.rule is not None
    assert verdict.rule.id == "designated-11-year-course" and not verdict.extra


def test_unknown_years_say_that_the_years_decide() -> None:
    registry = get_registry()
    listed = {t for entries in POLICY.lists.values() for e in entries for t in e.type_ids}
    unknown = next(
        qt.id
        for qt in sorted(registry.qualifications.values(), key=lambda q: q.id)
        if qt.years_of_schooling is None and qt.id not in listed
    )
    result = check_eligibility(registry, unknown, "jp-university")
    assert result.years is None and result.years_source == "unknown"
    assert "years-unknown" in [c.code for c in result.conditions()]


def test_few_years_leave_only_the_universitys_own_screening_with_its_age_floor() -> None:
    verdict = decide(POLICY, "jp-university", Subject(None, "VN", (9, 9)))
    assert verdict.outcome == "individual-assessment"
    assert [c.age_min for c in verdict.conditions if c.code == "age-floor"] == [18]


def test_the_international_baccalaureate_is_a_designated_entrance_qualification() -> None:
    result = check_eligibility(get_registry(), "IB Diploma", "jp-university")
    assert result.outcome == "eligible" and result.verdict.entry is not None
    assert (
        result.verdict.entry.id == "international-baccalaureate"
        and result.verdict.entry.designated == "1979-04-25"
    )


def test_published_answers_decide_before_the_general_rules() -> None:
    honours = check_eligibility(get_registry(), "au/bachelor-honours", "jp-doctoral")
    assert honours.outcome == "not-eligible" and honours.verdict.entry is not None
    assert honours.verdict.entry.verified and "honours.html" in honours.sources()[0].url
    assert any(
        c.code == "age-floor" for c in honours.conditions()
    )  # the graduate school's screening stays open
    bachelor = check_eligibility(get_registry(), "au/bachelor", "jp-masters")
    assert bachelor.outcome == "eligible" and bachelor.verdict.entry is not None
    assert bachelor.verdict.entry.id == "au-bachelor-postgraduate-entry"


def test_a_target_without_an_individual_route_can_answer_not_eligible() -> None:
    verdict = decide(POLICY, "jp-kosen-transfer", Subject(None, "VN", (9, 9)))
    assert verdict.outcome == "not-eligible" and verdict.rule is None


def test_every_type_named_in_the_designated_lists_exists() -> None:
    registry = get_registry()
    named = [t for entries in POLICY.lists.values() for e in entries for t in e.type_ids]
    assert named and all(t in registry.qualifications for t in named)


def test_unknown_qualification_country_or_target_exits_2_with_a_message() -> None:
    runner = CliRunner()
    for args, needle in [
        (["eligibility", "kr/haksa", "--for", "jp-univ"], "jp-university"),
        (["eligibility", "kr/haksa", "--for", "jp-masters", "--country", "xq"], "xq"),
        (["eligibility", "kr/nosuch-type", "--for", "jp-masters"], "kr/nosuch-type"),
    ]:
        with pytest.raises(QualbridgeError, match=needle):
            runner.invoke(cli, args, catch_exceptions=False)


def test_json_output_has_the_documented_keys() -> None:
    printed = CliRunner().invoke(
        cli, ["eligibility", "kr/godeunghakgyo-joreop", "--for", "jp-university", "--years", "12", "--json"]
    )
    assert printed.exit_code == 0, printed.output
    data = json.loads(printed.output)
    assert data["outcome"] == "eligible" and data["summary"]["ja"].startswith("入学資格あり")


def test_data_check_reports_a_broken_eligibility_policy(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(DATA_DIR, tmp_path / "data")
    path = tmp_path / "data" / "policies" / "jp-mext.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("source: mext-kokuji-153\n", "source: nowhere\n", 1),
        encoding="utf-8",
    )
    _, problems = check(tmp_path / "data")
    assert any(p.file.endswith("jp-mext.yaml") and "nowhere" in p.message for p in problems)
    with pytest.raises(QualbridgeError, match="nowhere"):
        read_policy(path)
