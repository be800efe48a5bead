"""The qualifications passport for refugees: the structured interview record and the rules for issuing.

The background-paper route (:mod:`qualbridge.evaluate.casefile`, EAR manual ch. 12) reconstructs a
refugee's education from the evidence that exists. A *qualifications passport* goes one step further,
following the two published schemes:

- the Council of Europe's **European Qualifications Passport for Refugees** (EQPR): "a document
  providing an assessment of the higher education qualifications based on available documentation and a
  structured interview. It also presents information on the applicant's work experience and language
  proficiency"; "if the decision is positive, the European Qualifications Passport for Refugees is issued
  and valid for five years from the date of issue" (https://www.coe.int/en/web/education/recognition-of-refugees-qualifications,
  consulted 2026-12-03). The interview is "conducted by a team of two credentials evaluators",
  at least one of whom knows the language and education system of the country the qualification is
  claimed from (Council of Europe news on the EQPR training of March 2023, the same site);
- **UNESCO's Qualifications Passport for Refugees and Vulnerable Migrants** (UQP), drawn from the EQPR's
  methodology: a standardised document in three parts, the assessment (the highest achieved
  qualification(s), subject field, other relevant qualifications, relevant job experience and language
  proficiency), the explanatory part (the status of the document) and the way ahead; its methodology is
  "a combination of an assessment of available documentation ... and the use of a structured interview",
  and the document "does not constitute a formal recognition" (UNESCO news of 15 November 2019,
  https://webarchive.unesco.org/web/20191119064500/https://en.unesco.org/news/what-you-need-know-about-unesco-qualifications-passport-refugees-and-vulnerable-migrants ;
  the Zambia pre-pilot briefing note on reliefweb.int). The UQP's validity period was not confirmed
  from a UNESCO source, so qualbridge states the EQPR's five years and says it is the EQPR's.

This module holds what both schemes share as rules the shells enforce: two different evaluators
conduct the interview and both sign the record (the four-eyes rule of :mod:`qualbridge.evaluate.rules`
applied to the interview), a passport rests on evidence and names what was assessed, and it is valid
for a stated period. How sure the evaluators are is said in words (:class:`Certainty`); that scale is
qualbridge's own, not either scheme's. Each rule returns :class:`~qualbridge.messages.Message` codes.

>>> interviewer_problems(["eve", "eve"])[0].code
'passport.rule.distinct-evaluators'
>>> signoff_refusal("sam", ["eve", "evan"]).code
'passport.rule.signer-not-interviewer'
>>> validity_period(dt.date(2028, 2, 29))
(datetime.date(2028, 2, 29), datetime.date(2033, 2, 28))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from qualbridge.messages import Message

#: EQPR: "valid for five years from the date of issue" (Council of Europe, see the module docstring)
VALIDITY_YEARS = 5
#: the source of :data:`VALIDITY_YEARS`, cited on the passport and in the README
VALIDITY_SOURCE = "https://www.coe.int/en/web/education/recognition-of-refugees-qualifications"
#: EQPR: "a team of two credentials evaluators"
INTERVIEWERS = 2


class Certainty(StrEnum):
    """How sure the two evaluators are, in words (qualbridge's scale; the words are in passport.po)."""

    CONFIDENT = "confident"  # the documents shown and the interview agree
    PROBABLE = "probable"  # the interview is consistent with the partial evidence there is
    INSUFFICIENT = "insufficient"  # the evidence does not support a passport: none is issued


@dataclass(frozen=True)
class AssessedQualification:
    """One qualification the interview assessed, as the evaluators found it (the highest first)."""

    title: str
    country: str
    qualification_type: str = ""
    institution: str = ""
    field: str = ""
    awarded: str = ""
    level: str = ""


@dataclass(frozen=True)
class InterviewRecord:
    """The structured interview by two evaluators and what it found (the passport's assessment part)."""

    evaluators: Sequence[str]
    signed_by: Collection[str]
    conducted_on: dt.date | None
    language: str
    qualifications: Sequence[AssessedQualification]
    evidence: Sequence[str]
    certainty: Certainty
    work_experience: Sequence[str] = field(default_factory=tuple)
    language_proficiency: Sequence[str] = field(default_factory=tuple)


def interviewer_problems(evaluators: Sequence[str]) -> list[Message]:
    """What is wrong with who conducts the interview: two, and two different people."""
    people = [e for e in evaluators if e]
    if len(set(people)) < len(people):
        return [Message("passport.rule.distinct-evaluators")]
    if len(people) < INTERVIEWERS:
        return [Message("passport.rule.two-evaluators", {"count": len(people)})]
    return []


def signoff_refusal(signer: str, evaluators: Sequence[str]) -> Message | None:
    """Why ``signer`` may not sign the interview record (``None``: they may): only its interviewers."""
    if signer not in evaluators:
        return Message("passport.rule.signer-not-interviewer")
    return None


def issue_problems(record: InterviewRecord) -> list[Message]:
    """What keeps a passport from being issued on ``record`` (empty: it may be issued)."""
    problems = interviewer_problems(record.evaluators)
    problems += [
        Message("passport.rule.unsigned", {"evaluator": e})
        for e in record.evaluators
        if e and e not in record.signed_by
    ]
    if record.conducted_on is None:
        problems.append(Message("passport.rule.no-interview-date"))
    if not record.qualifications:
        problems.append(Message("passport.rule.nothing-assessed"))
    if not [e for e in record.evidence if e.strip()]:
        problems.append(Message("passport.rule.no-evidence"))
    if record.certainty is Certainty.INSUFFICIENT:
        problems.append(Message("passport.rule.insufficient"))
    return problems


def validity_period(issued_on: dt.date, years: int = VALIDITY_YEARS) -> tuple[dt.date, dt.date]:
    """(first day, last day) of a passport issued on ``issued_on``: valid until the same day ``years``
    later (a passport issued on 29 February runs to the 28th)."""
    if years < 1:
        raise ValueError(f"a passport is valid for at least one year, not {years}")
    try:
        until = issued_on.replace(year=issued_on.year + years)
    except ValueError:  # 29 February into a common year
        until = issued_on.replace(year=issued_on.year + years, day=28)
    return issued_on, until
