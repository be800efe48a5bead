"""One worked case per outcome: the recommendation, its reasons and what the statement rests on."""

from __future__ import annotations

import pytest

from qualbridge.evaluate import Element, Outcome, Severity
from qualbridge.registry.loader import get_registry
from tests.evaluate.conftest import CASES, assess, load_raw


def by_element(assessment, element):
    return next(f for f in assessment.principal.findings if f.element is element)


def test_every_outcome_has_a_worked_case():
    outcomes = {assess(load_raw(p.name)).recommendation.outcome for p in CASES.glob("*.yaml")}
    assert outcomes == set(Outcome)


def test_full_recognition_of_a_japanese_bachelor_for_further_study_in_the_uk():
    a = assess(load_raw("full-jp-gakushi-to-gb.yaml"))
    rec = a.recommendation
    assert rec.outcome is Outcome.FULL
    assert rec.comparable_type == "gb/bachelor-honours"
    assert rec.comparable_level == "gb-fheq:6"
    assert all(f.severity is not Severity.SUBSTANTIAL for f in a.principal.findings)
    assert [f.element for f in a.principal.findings] == list(Element)
    assert a.principal.institution.id == "jp/tokyo-daigaku"
    assert a.data_version == get_registry().data_version
    assert rec.reasons_en and rec.reasons_ja and rec.next_steps["ja"]


def test_every_finding_has_evidence_and_reasoning_in_both_languages():
    for path in CASES.glob("*.yaml"):
        for finding in assess(load_raw(path.name)).principal.findings:
            assert finding.evidence, (path.name, finding.element)
            assert finding.reasoning_en.endswith(".") and finding.reasoning_ja.endswith("。"), (
                path.name,
                finding,
            )


def test_partial_recognition_converts_the_credits_achieved():
    a = assess(load_raw("partial-jp-incomplete-studies.yaml"))
    c = a.principal
    assert a.recommendation.outcome is Outcome.PARTIAL
    assert c.credits is not None and c.credits.target_system == "gb-credit"
    # 64 tani: 2880 h = 288 UK credits by hours, 64/31 years x 120 = 248 by share of a year (a computed
    # figure, rounded to whole credits since issue 13); the lower
    assert c.credits.by_hours == pytest.approx(288.0)
    assert c.credits.converted == pytest.approx(248)
    assert f"{c.credits.converted:g}" in a.recommendation.reasons_en[0]
    # an unfinished programme has no diploma: the transcript stands for it
    assert "diploma" not in c.missing_documents


def test_alternative_recognition_names_the_home_qualification_at_the_lower_level():
    a = assess(load_raw("alternative-jp-tanki-to-gb.yaml"))
    rec = a.recommendation
    reg = get_registry()
    assert rec.outcome is Outcome.ALTERNATIVE
    assert by_element(a, Element.LEVEL).severity is Severity.SUBSTANTIAL
    assert rec.comparable_type is not None and rec.comparable_type != "gb/bachelor-honours"
    assert reg.level_order[rec.comparable_level] < reg.level_order["gb-fheq:6"]
    assert any(p.level == rec.comparable_level for p in reg.qualifications[rec.comparable_type].placements)


def test_conditional_recognition_lists_conditions_that_close_the_substantial_difference():
    a = assess(load_raw("conditional-gb-professional-practice.yaml"))
    rec = a.recommendation
    assert rec.outcome is Outcome.CONDITIONAL
    assert by_element(a, Element.PROFILE).severity is Severity.SUBSTANTIAL
    assert rec.conditions_en and len(rec.conditions_en) == len(rec.conditions_ja)
    assert "aptitude test" in rec.conditions_en[0]


def test_a_degree_mill_leads_to_non_recognition_with_the_reason():
    a = assess(load_raw("non-recognition-mill.yaml"))
    rec = a.recommendation
    assert rec.outcome is Outcome.NON_RECOGNITION
    quality = by_element(a, Element.QUALITY)
    assert quality.severity is Severity.SUBSTANTIAL and quality.code == "mill"
    assert a.principal.institution.is_mill
    assert "mill" in rec.reasons_en[0] and "ディグリーミル" in rec.reasons_ja[0]
    assert rec.comparable_type is None


def test_refugee_is_assessed_from_the_evidence_that_exists_and_the_result_says_so():
    a = assess(load_raw("refugee-background-paper.yaml"))
    rec = a.recommendation
    assert a.documentation == "background-paper"
    assert "diploma" in a.principal.missing_documents  # listed ...
    assert rec.outcome is not Outcome.NON_RECOGNITION  # ... but not blocking
    assert rec.outcome is Outcome.FULL
    assert any("background paper" in r for r in rec.reasons_en)
    assert any("背景説明書" in r for r in rec.reasons_ja)
    assert a.background_paper is not None and a.background_paper["evidence"]


def test_as_json_is_plain_json_with_the_data_version():
    import json

    data = assess(load_raw("full-jp-gakushi-to-gb.yaml")).as_json()
    again = json.loads(json.dumps(data))
    assert again["recommendation"]["outcome"] == "full"
    assert again["data_version"] and again["credentials"][0]["findings"][0]["element"] == "level"
