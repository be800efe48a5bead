"""The method's rules: thresholds from the policy, purpose-dependent weights, missing documents."""

from __future__ import annotations

from typing import Any

from qualbridge.evaluate import Element, Outcome, Severity, evaluate, get_policy, parse_case
from tests.evaluate.conftest import assess, load_raw


def finding(a, element):
    return next(f for f in a.principal.findings if f.element is element)


def with_credential(raw: dict[str, Any], **changes: Any) -> dict[str, Any]:
    raw["credentials"][0].update(changes)
    return raw


def test_workload_shortfall_severity_follows_the_policy_thresholds(full_raw):
    # 3 years of study against the 360-credit honours degree of the policy (= 3 years of 120):
    # give 80 tani over 3 years: by hours 3600 h = 100 %, so no shortfall ...
    raw = with_credential(full_raw, credits={"amount": 62, "system": "jp-tani"}, duration_years=2)
    a = assess(raw)
    wl = finding(a, Element.WORKLOAD)
    # 62 tani = 2790 h (78 % of 3600 h); 2 years = 67 % of 3 years: the favourable 78 % is used -> 22 % short
    assert wl.severity is Severity.MINOR
    strict = get_policy("gb-enic").model_copy(
        update={
            "thresholds": get_policy("gb-enic").thresholds.model_copy(
                update={"workload_substantial_shortfall": 0.2}
            )
        }
    )
    b = evaluate(parse_case(raw), strict)
    wl2 = finding(b, Element.WORKLOAD)
    assert wl2.severity is Severity.SUBSTANTIAL
    assert b.recommendation.outcome is Outcome.CONDITIONAL
    assert wl2.data["gap_credits"] > 0
    assert any("additional study" in c for c in b.recommendation.conditions_en)


def test_workload_does_not_count_as_substantial_for_employment(full_raw):
    raw = with_credential(full_raw, credits={"amount": 30, "system": "jp-tani"}, duration_years=1)
    study = assess(raw)
    assert finding(study, Element.WORKLOAD).severity is Severity.SUBSTANTIAL
    raw["purpose"] = {"kind": "employment", "requested": "gb/bachelor-honours"}
    job = assess(raw)
    assert finding(job, Element.WORKLOAD).severity is Severity.MINOR


def test_profile_weight_depends_on_the_purpose():
    raw = load_raw("conditional-gb-professional-practice.yaml")
    assert finding(assess(raw), Element.PROFILE).severity is Severity.SUBSTANTIAL
    raw["purpose"]["kind"] = "further-study"
    a = assess(raw)
    assert finding(a, Element.PROFILE).severity is Severity.MINOR
    assert a.recommendation.outcome is Outcome.FULL


def test_field_of_study_compared_by_isced_f(full_raw):
    raw = full_raw
    raw["purpose"]["field"] = "0714"
    assert finding(assess(raw), Element.LEARNING_OUTCOMES).severity is Severity.NONE
    raw["purpose"]["field"] = "0923"  # social work: another broad field
    lo = finding(assess(raw), Element.LEARNING_OUTCOMES)
    assert lo.code == "different-broad-field" and lo.severity is Severity.MINOR  # gb-enic further study
    raw["purpose"]["kind"] = "professional-practice"
    lo = finding(assess(raw), Element.LEARNING_OUTCOMES)
    assert lo.severity is Severity.SUBSTANTIAL


def test_missing_documents_are_listed_and_make_recognition_conditional(full_raw):
    raw = with_credential(full_raw, documents=[{"kind": "diploma"}])
    a = assess(raw)
    assert a.principal.missing_documents == ["transcript", "identity"]
    assert a.documentation == "incomplete"
    assert a.recommendation.outcome is Outcome.CONDITIONAL
    assert "transcript" in a.recommendation.conditions_en[0]


def test_refugee_without_documents_is_still_assessed(full_raw):
    raw = with_credential(full_raw, documents=[])
    raw["applicant"]["refugee"] = True
    a = assess(raw)
    assert a.principal.missing_documents == ["diploma", "transcript", "identity"]
    assert a.documentation == "background-paper"
    assert a.recommendation.outcome is Outcome.FULL


def test_unknown_institution_is_a_minor_quality_finding(full_raw):
    raw = with_credential(full_raw, institution="Completely Unheard-of Institute of Nowhere")
    q = finding(assess(raw), Element.QUALITY)
    assert q.severity is Severity.MINOR and q.code.startswith("institution-")


def test_requested_type_must_be_a_home_qualification(full_raw):
    import pytest

    from qualbridge.errors import CaseFieldError

    full_raw["purpose"]["requested"] = "jp/gakushi"
    with pytest.raises(
        CaseFieldError, match=r"^purpose\.requested: 'jp/gakushi' is not a home qualification"
    ):
        assess(full_raw)


def test_grade_average_is_credit_weighted_and_converted(full_raw):
    raw = with_credential(
        full_raw,
        transcript={"scale": "jp-s-f", "grades": [{"grade": 100, "credits": 1}, {"grade": 60, "credits": 3}]},
    )
    g = assess(raw).principal.grade
    assert g is not None
    assert g.average == 70.0  # (100 + 3 x 60) / 4
    assert g.source_scale == "jp-s-f" and g.target_scale == "gb-class"
    assert g.formula and g.label
