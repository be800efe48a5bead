"""Pydantic model of the credit-system files (``data/credit/<id>.yaml``, one file per system).

A credit system is two facts an evaluator converts with: the student workload behind one credit
(hours, a range) and the credits of one full-time year (a range). Converting by hours and by share
of a year can disagree (124 Japanese tani is the classic case), so both are kept. Where a system
fixes only contact (class) hours, ``hours_per_credit`` stays empty and ``contact_hours_per_credit``
records what is known: contact hours are not workload and are never converted as if they were.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from qualbridge.registry.base import Fact
from qualbridge.registry.models import LangText, Source

CreditSystemId = Annotated[str, Field(pattern=r"^[a-z]{2,5}(-[a-z0-9]+)*$")]


class Range(Fact):
    """A quantity known as a range; ``low == high`` for a fixed figure."""

    low: float = Field(gt=0)
    high: float = Field(gt=0)

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.low > self.high:
            raise ValueError(f"low {self.low} is above high {self.high}")
        return self

    @property
    def mid(self) -> float:
        return (self.low + self.high) / 2


class PublishedRate(Fact):
    """A conversion rate a body publishes: ``credits`` of this system equal ``equals`` credits of ``to``
    (QAA: 2 UK credits = 1 ECTS credit). Where one exists it is the value of a conversion; the workload
    computation is shown beside it as a check."""

    to: str  # credit-system id
    credits: float = Field(gt=0)
    equals: float = Field(gt=0)
    body: str  # who publishes the rate

    @property
    def factor(self) -> float:
        return self.equals / self.credits


class CreditSystem(Fact):
    id: CreditSystemId
    jurisdiction: str  # ISO 3166-1 alpha-2 or a region code (EHEA)
    names: LangText
    unit: LangText = Field(
        default_factory=dict
    )  # what one credit is called: {ja: 単位, ja-Latn: tani, en: credit}
    hours_per_credit: Range | None = None  # notional student workload (all learning, not only classes)
    contact_hours_per_credit: Range | None = None
    credits_per_year: Range  # one full-time academic year
    published_rates: list[PublishedRate] = Field(default_factory=list)
    sources: dict[str, Source]

    @model_validator(mode="after")
    def _sources_exist(self) -> CreditSystem:
        used = [self.source]
        for part in (self.hours_per_credit, self.contact_hours_per_credit, self.credits_per_year):
            if part is not None:
                used.append(part.source)
        used.extend(rate.source for rate in self.published_rates)
        missing = sorted({k for k in used if k is not None and k not in self.sources})
        if missing:
            raise ValueError(f"source keys not in sources: {', '.join(missing)}")
        return self
