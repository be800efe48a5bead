"""The assessment as decided: the office's outcome, reasons and edited findings replace the engine's."""

from __future__ import annotations

import datetime as dt

import pytest

from qualbridge.errors import CaseFieldError
from qualbridge.evaluate import Assessment, Element, Outcome, Severity, get_policy
from qualbridge.evaluate.decision import (
    FindingEdit,
    OfficeDecision,
    RecordedCredential,
    decided,
    decided_without_engine,
)
from qualbridge.evaluate.outcome import OUTCOME_NAMES
from qualbridge.statements.render import statement_claims

from .conftest import assess, load_raw

DAY = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def full() -> Assessment:
    return assess(load_raw("full-jp-gakushi-to-gb.yaml"))


@pytest.fixture(scope="module")
def conditional() -> Assessment:
    return assess(load_raw("conditional-gb-professional-practice.yaml"))


def severity(a: Assessment, element: Element) -> Severity:
    return next(f.severity for f in a.principal.findings if f.element is element)


def test_an_outcome_other_than_the_engines_replaces_its_names_reasons_and_next_steps(
    full: Assessment,
) -> None:
    assert full.recommendation.outcome is Outcome.FULL
    office = OfficeDecision(
        outcome=Outcome.NON_RECOGNITION,
        reasons="The institution's status could not be confirmed.\n\n所在国の当局に確認できませんでした。",
        decided_on=DAY,
    )
    out = decided(full, office)
    rec = out.recommendation
    assert rec.outcome is Outcome.NON_RECOGNITION and rec.names == OUTCOME_NAMES[Outcome.NON_RECOGNITION]
    # the office's reasons, each on its own side; the engine's reasons for full recognition are gone
    assert rec.reasons_en == [
        "The institution's status could not be confirmed.",
        "[in Japanese] 所在国の当局に確認できませんでした。",
    ]
    assert rec.reasons_ja == [
        "［英語原文］The institution's status could not be confirmed.",
        "所在国の当局に確認できませんでした。",
    ]
    assert not set(full.recommendation.reasons_en) & set(rec.reasons_en)
    assert rec.comparable_type is None and rec.comparable_level is None
    assert rec.next_steps == get_policy(full.policy).next_steps[Outcome.NON_RECOGNITION]
    assert out.assessed_on == DAY and out.data_version == full.data_version
    claims = statement_claims(out)
    assert claims["decision"]["outcome"] == "non-recognition"
    assert "The institution's status could not be confirmed." in claims["decision"]["reasons"]


def test_the_same_outcome_keeps_the_engines_reasons_after_the_offices(conditional: Assessment) -> None:
    office = OfficeDecision(outcome=Outcome.CONDITIONAL, reasons="Profile differs.", decided_on=DAY)
    rec = decided(conditional, office).recommendation
    engine = conditional.recommendation
    assert rec.reasons_en == ["Profile differs.", *engine.reasons_en]
    assert rec.conditions_en == engine.conditions_en and rec.conditions_ja == engine.conditions_ja
    assert rec.comparable_type == engine.comparable_type is not None


def test_edited_findings_set_severity_and_text(conditional: Assessment) -> None:
    assert severity(conditional, Element.PROFILE) is Severity.SUBSTANTIAL
    assert severity(conditional, Element.WORKLOAD) is Severity.MINOR
    edits = [
        FindingEdit(
            credential=0,
            element=Element.PROFILE,
            text="職業上の性格は同等と判断した。",
            substantial=False,
            reasoning="Registered with the professional body.",
        ),
        FindingEdit(credential=0, element=Element.WORKLOAD, substantial=True),
        FindingEdit(credential=0, element=Element.LEVEL, substantial=None),
    ]
    office = OfficeDecision(outcome=Outcome.CONDITIONAL, reasons="Workload.", decided_on=DAY, findings=edits)
    out = decided(conditional, office)
    profile = next(f for f in out.principal.findings if f.element is Element.PROFILE)
    # "not substantial" turns a substantial difference into a minor one, not into none
    assert profile.severity is Severity.MINOR
    assert profile.reasoning_ja == "職業上の性格は同等と判断した。"
    assert profile.reasoning_en == "[in Japanese] 職業上の性格は同等と判断した。"
    assert profile.evidence == ["Registered with the professional body."]
    assert severity(out, Element.WORKLOAD) is Severity.SUBSTANTIAL
    assert severity(out, Element.LEVEL) is severity(conditional, Element.LEVEL)
    # severities changed, so the engine's reasons (which argue from the old ones) are dropped
    assert out.recommendation.reasons_en == ["Workload."]
    assert out.recommendation.conditions_en == []


def test_an_edit_of_a_credential_that_does_not_exist_is_refused(full: Assessment) -> None:
    office = OfficeDecision(
        outcome=Outcome.FULL,
        reasons="x",
        decided_on=DAY,
        findings=[FindingEdit(credential=3, element=Element.LEVEL, substantial=True)],
    )
    with pytest.raises(CaseFieldError, match=r"findings\[0\]\.credential: credential 3 does not exist"):
        decided(full, office)


def test_office_names_applicant_and_appeal_override_the_policys(full: Assessment) -> None:
    office = OfficeDecision(
        outcome=Outcome.FULL,
        reasons="Fine.",
        decided_on=DAY,
        applicant={"given_name": "Ana", "family_name": "Sato"},
        body={"en": "Admissions office", "ja": "入学審査"},
        appeal={"en": "Appeal by 2026-12-28.", "ja": "2026-12-28まで。"},
    )
    out = decided(full, office)
    assert out.body == {"en": "Admissions office", "ja": "入学審査"}
    assert out.appeal["en"] == "Appeal by 2026-12-28."
    claims = statement_claims(out)
    assert claims["givenName"] == "Ana" and claims["familyName"] == "Sato"


def test_without_the_engine_only_judged_findings_are_stated_and_the_refusal_is_said() -> None:
    policy = get_policy("jp-nic")
    office = OfficeDecision(
        outcome=Outcome.PARTIAL,
        reasons="Two of four years documented.",
        decided_on=DAY,
        findings=[
            FindingEdit(credential=0, element=Element.WORKLOAD, text="Two years.", substantial=True),
            FindingEdit(credential=0, element=Element.QUALITY, text="Not assessed.", substantial=None),
        ],
    )
    out = decided_without_engine(
        reference="QB-2026-000001",
        policy=policy,
        purpose="further-study",
        credentials=[RecordedCredential(title="Diploma of nothing", country="FR", institution="X")],
        decision=office,
        data_version="test",
    )
    assert [f.element for f in out.principal.findings] == [Element.WORKLOAD]
    assert out.recommendation.outcome is Outcome.PARTIAL
    assert out.recommendation.reasons_en[0] == "Two of four years documented."
    assert "could not be assessed automatically" in out.recommendation.reasons_en[-1]
    assert "自動評価ができなかった" in out.recommendation.reasons_ja[-1]
    assert out.principal.comparison.outcome == "individual-assessment"
    assert statement_claims(out)["decision"]["outcome"] == "partial"
