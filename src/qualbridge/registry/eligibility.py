"""Pydantic model of an admission-eligibility policy file (``data/policies/jp-mext.yaml``).

Japanese law counts years of schooling, not degrees (課程年数主義): a target (a university's first
year, a master's course, ...) has ordered **rules**, each with its legal basis and its source, and the
**lists** the ministry designates (foreign entrance qualifications, designated 11-year courses, published
answers on one qualification) are data with their dates. The engine (:mod:`qualbridge.eligibility.rules`)
only reads these records; ``qualbridge data check`` validates the file against this model.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from qualbridge.registry.base import Fact, Strict
from qualbridge.registry.models import LangText, Source

#: the policy files (under ``data/policies/``) that are eligibility policies
ELIGIBILITY_POLICY_FILES = ("jp-mext.yaml",)


class Outcome(StrEnum):
    ELIGIBLE = "eligible"
    CONDITIONAL = "conditional"  # once the rule's conditions are met (a course to complete, an age)
    NOT_ELIGIBLE = "not-eligible"
    INDIVIDUAL_ASSESSMENT = "individual-assessment"  # only the institution's own screening can decide


class RuleKind(StrEnum):
    #: the person holds a qualification on a designated list (IB, Abitur, ...)
    DESIGNATED_QUALIFICATION = "designated-qualification"
    #: a recognising body's published answer on one qualification type
    PUBLISHED_ANSWER = "published-answer"
    #: a designated course of a country (the 11-year courses), with a minimum of years
    DESIGNATED_COURSE = "designated-course"
    #: cumulative years of schooling at least ``min_years``
    YEARS = "years"
    #: a degree: an ISCED 2011 level and a minimum programme length
    DEGREE = "degree"
    #: the institution's own screening (個別の入学資格審査), open to anyone from ``age_min``
    INDIVIDUAL_ASSESSMENT = "individual-assessment"


class Condition(Fact):
    """What must also be true for the rule to give eligibility (a course to complete, an age)."""

    code: str
    text: LangText
    age_min: int | None = None


class Rule(Fact):
    id: str
    kind: RuleKind
    outcome: Outcome
    basis: LangText  # the legal basis, e.g. {ja: 学校教育法施行規則第150条第1号, en: ...}
    min_years: int | None = None
    designations: str | None = None  # the list (in ``lists``) a designated-* or published-answer rule reads
    isced_levels: list[int] = Field(default_factory=list)  # for degree
    exclude_isced_codes: list[str] = Field(default_factory=list)  # e.g. long first degrees
    min_programme_years: float | None = None  # for degree
    age_min: int | None = None  # for individual-assessment
    conditions: list[Condition] = Field(default_factory=list)

    @model_validator(mode="after")
    def _complete(self) -> Rule:
        needs = {
            RuleKind.YEARS: self.min_years is not None,
            RuleKind.DESIGNATED_COURSE: self.designations is not None and self.min_years is not None,
            RuleKind.DESIGNATED_QUALIFICATION: self.designations is not None,
            RuleKind.PUBLISHED_ANSWER: self.designations is not None,
            RuleKind.DEGREE: bool(self.isced_levels),
            RuleKind.INDIVIDUAL_ASSESSMENT: self.age_min is not None,
        }
        if not needs[self.kind]:
            raise ValueError(f"rule {self.id!r} of kind {self.kind.value} lacks the fields its kind needs")
        return self


class Target(Strict):
    """One thing a person may be admitted to, with its rules in the order the law is applied."""

    names: LangText
    years_required: int | None = None
    rules: list[Rule]


class ListEntry(Fact):
    """One item a ministry designated or a body answered: a qualification, a country's course."""

    id: str
    names: LangText = Field(default_factory=dict)
    aliases: list[str] = Field(default_factory=list)
    type_ids: list[str] = Field(default_factory=list)  # the registry's types this entry covers
    country: str | None = None  # ISO 3166-1 alpha-2, for a country's designated course
    designated: str | None = None  # the date of designation as precisely as known ("2022-05-13")
    targets: list[str] = Field(default_factory=list)  # published-answer: the targets it answers
    outcome: Outcome | None = None  # published-answer: what the body said


class EligibilityPolicy(Strict):
    id: str
    names: LangText
    body: LangText
    note: str | None = None
    targets: dict[str, Target]
    lists: dict[str, list[ListEntry]]
    sources: dict[str, Source]

    @model_validator(mode="after")
    def _references(self) -> EligibilityPolicy:
        problems: list[str] = []
        for tid, target in self.targets.items():
            for rule in target.rules:
                facts: list[Fact] = [rule, *rule.conditions]
                problems += [f"{tid}/{rule.id}: unknown source {f.source!r}" for f in facts if _bad(f, self)]
                if rule.designations and rule.designations not in self.lists:
                    problems.append(f"{tid}/{rule.id}: unknown list {rule.designations!r}")
        for name, entries in self.lists.items():
            problems += [
                f"lists.{name}/{e.id}: unknown source {e.source!r}" for e in entries if _bad(e, self)
            ]
            for entry in entries:
                problems += [
                    f"lists.{name}/{entry.id}: unknown target {t!r}"
                    for t in entry.targets
                    if t not in self.targets
                ]
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def source_of(self, fact: Fact) -> Source | None:
        return self.sources.get(fact.source) if fact.source else None


def _bad(fact: Fact, policy: EligibilityPolicy) -> bool:
    return fact.source is None or fact.source not in policy.sources
