"""The qualifications passport as a signed credential: its claims, its type, and what a verifier reads.

A passport is a statement of a distinct type: a ``QualificationsPassport`` Verifiable Credential, not
a ``RecognitionStatement``, because the schemes it follows say it is not a recognition decision (see
:mod:`qualbridge.evaluate.passport` for the EQPR and UQP sources). Its claims are the UQP's three
parts in the terms of version 2 of the statement context: the assessment (``assessedQualification``,
``workExperience``, ``languageProficiency``), what it rests on (``basedOn``, the ``interview``), how
sure the evaluators are in words (``certainty``, ``certaintyStatement``), the explanatory part
(``documentStatus``) and the way ahead (``wayAhead``). It carries ``validFrom`` and ``validUntil``
(the EQPR's five years), so every verifier's validity check reports an expired passport as expired;
and a status-list entry, so it is revoked like any statement.

:func:`passport_facts` reads those claims back from any document (never trusting its shape) for the
verify page, the API and the CLI.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from qualbridge.evaluate.passport import INTERVIEWERS, InterviewRecord, validity_period
from qualbridge.messages import both
from qualbridge.statements.issue import issue_credential
from qualbridge.statements.multikey import KeyPair
from qualbridge.statements.statuslist import StatusEntry

PASSPORT_TYPE = "QualificationsPassport"
STATEMENT_TYPE = "RecognitionStatement"
#: the statement context version that defines the passport's terms
CONTEXT_VERSION = 2
KINDS = {PASSPORT_TYPE: "qualifications-passport", STATEMENT_TYPE: "recognition-statement"}


def passport_claims(
    record: InterviewRecord,
    *,
    reference: str,
    body: str,
    applicant: Mapping[str, str],
    names: Mapping[str, Mapping[str, str]] | None = None,
) -> dict[str, Any]:
    """The credentialSubject of a passport. ``names`` gives a qualification type's names by its id."""
    qualifications = []
    for q in record.qualifications:
        item: dict[str, Any] = {
            "type": "Qualification",
            "title": q.title,
            "country": q.country,
            "qualificationType": q.qualification_type,
            "names": dict((names or {}).get(q.qualification_type, {})),
            "institution": q.institution,
            "fieldOfStudy": q.field,
            "awarded": q.awarded,
            "level": q.level,
        }
        qualifications.append({k: v for k, v in item.items() if v})
    interview: dict[str, Any] = {
        "type": "StructuredInterview",
        "conductedOn": record.conducted_on.isoformat() if record.conducted_on else None,
        "interviewLanguage": record.language or None,
        "interviewerCount": len(set(record.evaluators)),
    }
    claims: dict[str, Any] = {
        "caseReference": reference,
        "recognisingBody": body,
        "assessedQualification": qualifications,
        "workExperience": [w for w in record.work_experience if w.strip()],
        "languageProficiency": [x for x in record.language_proficiency if x.strip()],
        "basedOn": [e.strip() for e in record.evidence if e.strip()],
        "interview": {k: v for k, v in interview.items() if v is not None},
        "certainty": record.certainty.value,
        "certaintyStatement": both(f"passport.certainty.{record.certainty.value}"),
        "documentStatus": both("passport.status"),
        "wayAhead": both("passport.way-ahead"),
    }
    for key, term in (("given_name", "givenName"), ("family_name", "familyName")):
        if applicant.get(key):
            claims[term] = applicant[key]
    return {k: v for k, v in claims.items() if v not in ([], None, "")}


def end_of_day(day: dt.date) -> str:
    """The last second of ``day`` in UTC as an XMLSchema dateTime (a passport's ``validUntil``)."""
    return f"{day.isoformat()}T23:59:59Z"


def issue_passport(
    claims: Mapping[str, Any],
    key: KeyPair,
    issuer: str,
    *,
    issued_on: dt.date,
    status: StatusEntry | None = None,
    years: int | None = None,
    **options: Any,
) -> dict[str, Any]:
    """Sign ``claims`` as a ``QualificationsPassport`` valid from ``issued_on`` for the EQPR's years."""
    start, until = validity_period(issued_on) if years is None else validity_period(issued_on, years)
    return issue_credential(
        claims,
        key,
        issuer,
        status,
        credential_type=PASSPORT_TYPE,
        context_version=CONTEXT_VERSION,
        valid_from=f"{start.isoformat()}T00:00:00Z",
        valid_until=end_of_day(until),
        name=options.pop("name", "Qualifications passport"),
        **options,
    )


def document_kind(doc: Any) -> str:
    """``qualifications-passport``, ``recognition-statement`` or ``credential`` by the document's type.

    >>> document_kind({"type": ["VerifiableCredential", "QualificationsPassport"]})
    'qualifications-passport'
    >>> document_kind({"type": "VerifiableCredential"})
    'credential'
    """
    types = doc.get("type") if isinstance(doc, Mapping) else None
    listed = types if isinstance(types, list) else [types]
    return next((KINDS[t] for t in listed if isinstance(t, str) and t in KINDS), "credential")


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _texts(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [i for i in items if isinstance(i, str) and i]


def _langs(value: Any) -> dict[str, str]:
    if not isinstance(value, Mapping):
        return {}
    return {str(k): v for k, v in value.items() if isinstance(v, str)}


def _qualification(item: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "title": _text(item.get("title")),
        "names": _langs(item.get("names")),
        "type": _text(item.get("qualificationType")),
        "country": _text(item.get("country")),
        "institution": _text(item.get("institution")),
        "field": _text(item.get("fieldOfStudy")),
        "awarded": _text(item.get("awarded")),
        "level": _text(item.get("level")),
    }


def passport_facts(doc: Any) -> dict[str, Any] | None:
    """What a passport says, read defensively from any document (None when it is not a passport)."""
    if document_kind(doc) != "qualifications-passport":
        return None
    subject = doc.get("credentialSubject")
    subject = subject[0] if isinstance(subject, list) and subject else subject
    subject = subject if isinstance(subject, Mapping) else {}
    interview = subject.get("interview")
    interview = interview if isinstance(interview, Mapping) else {}
    quals = subject.get("assessedQualification")
    listed = quals if isinstance(quals, list) else [quals]
    count = interview.get("interviewerCount")
    return {
        "kind": "qualifications-passport",
        "reference": _text(subject.get("caseReference")),
        "valid_from": _text(doc.get("validFrom")),
        "valid_until": _text(doc.get("validUntil")),
        "qualifications": [_qualification(q) for q in listed if isinstance(q, Mapping)],
        "work_experience": _texts(subject.get("workExperience")),
        "language_proficiency": _texts(subject.get("languageProficiency")),
        "evidence": _texts(subject.get("basedOn")),
        "interview": {
            "conducted_on": _text(interview.get("conductedOn")),
            "language": _text(interview.get("interviewLanguage")),
            "interviewers": count if isinstance(count, int) and not isinstance(count, bool) else 0,
        },
        "certainty": _text(subject.get("certainty")),
        "certainty_statement": _langs(subject.get("certaintyStatement")),
        "document_status": _langs(subject.get("documentStatus")),
        "way_ahead": _langs(subject.get("wayAhead")),
        "expected_interviewers": INTERVIEWERS,
    }
