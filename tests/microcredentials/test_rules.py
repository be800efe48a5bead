"""The listing rules a user relies on when a micro-credential is entered: each broken rule is named."""

import datetime as dt

import pytest

from qualbridge.microcredentials.model import InvalidMicroCredential, check_rules, from_mapping

COMPLETE = {
    "title": "Test micro-credential in site safety",
    "provider": "A provider",
    "country": "NZ",
    "credits": 10,
    "credit_system": "nz-credit",
    "level": "nz-nzqcf:4",
    "outcomes": ["Identify hazards on a site"],
    "assessment": "practical",
    "participation": "blended",
    "quality_assurance": "NZQA approval",
    "review_date": "2030-01-01",
}


def test_complete_record_passes_both_rule_sets():
    mc = from_mapping(COMPLETE)
    assert check_rules(mc, "nzqcf", dt.date(2026, 12, 3)).ok
    assert check_rules(mc, "eu-2022").ok


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"credits": 45}, "credits"),
        ({"level": "eu-eqf:4"}, "level"),
        ({"outcomes": []}, "outcomes"),
        ({"review_date": None}, "review_date"),
        ({"review_date": "2020-01-01"}, "review_date"),
        ({"title": "Diploma of site safety"}, "title"),
        ({"credit_system": "ects"}, "credit_system"),
    ],
)
def test_nzqcf_rule_broken_names_the_field(change, path):
    mc = from_mapping({**COMPLETE, **change})
    found = check_rules(mc, "nzqcf", dt.date(2026, 12, 3)).findings
    assert [f.path for f in found] == [path]


@pytest.mark.parametrize(
    "missing", ["outcomes", "assessment", "participation", "quality_assurance", "credits"]
)
def test_eu_mandatory_element_missing_is_named(missing):
    mc = from_mapping({k: v for k, v in COMPLETE.items() if k != missing})
    assert [f.path for f in check_rules(mc, "eu-2022").findings] == [missing]


@pytest.mark.parametrize(
    ("bad", "path"),
    [
        ({"credits": -3}, "credits"),
        ({"participation": "by post"}, "participation"),
        ({"title": ""}, "title"),
        ({"review_date": "soon"}, "review_date"),
    ],
)
def test_bad_input_refused_with_path(bad, path):
    with pytest.raises(InvalidMicroCredential) as err:
        from_mapping({**COMPLETE, **bad})
    assert err.value.path == path
