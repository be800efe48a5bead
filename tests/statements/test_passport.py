"""h18p: the qualifications passport credential: a distinct type under v2 of the statement context.

Version 2 of the context keeps every term of version 1 with the same meaning (v1 is published as
immutable), so statements signed under v1 keep verifying; the passport's claims are all defined, so a
change to any of them, or to its validity period, breaks the signature.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest

from qualbridge.evaluate.passport import AssessedQualification, Certainty, InterviewRecord
from qualbridge.statements import documentloader
from qualbridge.statements.contextcheck import undefined_terms
from qualbridge.statements.issue import issue_credential
from qualbridge.statements.multikey import KeyPair
from qualbridge.statements.passport import document_kind, issue_passport, passport_claims, passport_facts
from qualbridge.statements.passport_page import passport_page
from qualbridge.statements.verify import verify_credential

KEY = KeyPair.generate()
TRUSTED = {KEY.did: [KEY.verification_method]}
RECORD = InterviewRecord(
    evaluators=["eve", "evan"],
    signed_by={"eve", "evan"},
    conducted_on=dt.date(2026, 11, 30),
    language="Arabic",
    qualifications=[AssessedQualification("Bachelor of Civil Engineering", "SY", awarded="2014")],
    evidence=["Background paper", "Structured interview"],
    certainty=Certainty.PROBABLE,
    work_experience=["Site engineer, 2015-2019"],
)


def passport(issued_on: dt.date = dt.date(2026, 12, 3)) -> dict[str, Any]:
    claims = passport_claims(RECORD, reference="QB-1", body="jp-nic", applicant={"given_name": "Lina"})
    return issue_passport(claims, KEY, KEY.did, issued_on=issued_on)


def test_version_2_keeps_every_term_of_version_1_with_the_same_meaning() -> None:
    v1 = documentloader.load_context(documentloader.QUALBRIDGE_V1)["@context"]
    v2 = documentloader.load_context(documentloader.QUALBRIDGE_V2)["@context"]
    assert all(v2[term] == definition for term, definition in v1.items())
    assert v2["@protected"] is True and "@vocab" not in v2
    assert {"QualificationsPassport", "assessedQualification", "basedOn", "certainty"} <= set(v2)
    published = "https://nic.example/contexts/statement/v2.jsonld"
    assert documentloader.bundled_file(published) == "qualbridge-statement-v2.jsonld"


def test_a_v1_statement_still_names_v1_and_verifies() -> None:
    doc = issue_credential({"qualificationType": "jp/gakushi"}, KEY, KEY.did)
    assert doc["@context"][1] == documentloader.QUALBRIDGE_V1 and doc["type"][1] == "RecognitionStatement"
    assert verify_credential(doc, trusted_keys=TRUSTED).ok
    assert document_kind(doc) == "recognition-statement"


def test_a_passport_is_its_own_type_and_every_claim_is_signed() -> None:
    doc = passport()
    assert doc["type"] == ["VerifiableCredential", "QualificationsPassport"]
    assert doc["@context"][1] == documentloader.QUALBRIDGE_V2 and undefined_terms(doc) == []
    assert (doc["validFrom"], doc["validUntil"]) == ("2026-12-03T00:00:00Z", "2031-12-03T23:59:59Z")
    assert verify_credential(doc, trusted_keys=TRUSTED, now=dt.datetime(2027, 1, 1, tzinfo=dt.UTC)).ok
    facts = passport_facts(doc)
    assert facts and facts["interview"]["interviewers"] == 2 and facts["certainty"] == "probable"


@pytest.mark.parametrize(
    "path",
    [
        ("credentialSubject", "certainty"),
        ("credentialSubject", "basedOn"),
        ("validUntil",),
        ("credentialSubject", "assessedQualification"),
    ],
)
def test_tampering_with_any_part_is_detected(path: tuple[str, ...]) -> None:
    doc = copy.deepcopy(passport())
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = {"certainty": "confident", "validUntil": "2099-01-01T00:00:00Z"}.get(
        path[-1], ["forged"]
    )
    result = verify_credential(doc, trusted_keys=TRUSTED, now=dt.datetime(2027, 1, 1, tzinfo=dt.UTC))
    assert result.code("signature") == "signature.mismatch"


def test_after_its_period_the_passport_is_expired() -> None:
    doc = passport()
    result = verify_credential(doc, trusted_keys=TRUSTED, now=dt.datetime(2031, 12, 4, tzinfo=dt.UTC))
    assert result.code("validity-period") == "validity.expired" and result.code("signature") == "signature.ok"


def test_the_page_is_in_one_language_and_says_only_what_was_signed() -> None:
    doc = passport()
    ja = passport_page(doc, "ja", verify_url="https://nic.example/verify?id=x")
    en = passport_page(doc, "en", verify_url="https://nic.example/verify?id=x")
    assert (
        '<html lang="ja">' in ja and "構造化面接" in ja and "Structured interview" not in ja.split("<ul>")[0]
    )
    assert "2031-12-03" in ja and "2031-12-03" in en and "Probable" in en
    with pytest.raises(ValueError, match="ja or en"):
        passport_page(doc, "fr", verify_url="x")
    with pytest.raises(ValueError, match="not a qualifications passport"):
        passport_page(json.loads(json.dumps({**doc, "type": ["VerifiableCredential"]})), "en", verify_url="x")
