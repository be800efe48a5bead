"""Pydantic models of the grading-scale files (``data/grading/<cc>.yaml``, one per jurisdiction).

A grade is meaningless without its scheme, so every scale states its direction, its best grade, its
lowest pass and its worst grade on one numeric axis; labels (letters, classes, words) sit on that axis
as a representative ``value`` and/or a band ``[min, max]``. Every fact carries a ``source`` (a key
into the file's ``sources``) and ``verified``: a fact known only from recall says ``verified: false``
and no test treats it as truth.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, model_validator

from qualbridge.registry.base import Fact, Strict
from qualbridge.registry.models import LangText, Source

ScaleId = Annotated[str, Field(pattern=r"^[a-z]{2,5}(-[a-z0-9]+)+$")]


class Direction(StrEnum):
    HIGHER = "higher-is-better"
    LOWER = "lower-is-better"


class ScaleKind(StrEnum):
    NUMERIC = "numeric"  # a number is the grade (0-20, 1.0-5.0, 0-100 %)
    LETTER = "letter"  # letters or words with points (A-F, S-F, 秀-不可)
    CLASS = "class"  # classifications of a whole degree (First, 2:1 ...)


class GradeLabel(Fact):
    """One named grade: where it sits on the scale's numeric axis."""

    label: str
    names: LangText = Field(default_factory=dict)
    aliases: list[str] = Field(default_factory=list)
    value: float | None = None  # the representative point (grade points, the mark itself)
    min: float | None = None  # band on the axis, inclusive at both ends
    max: float | None = None

    @model_validator(mode="after")
    def _placed(self) -> GradeLabel:
        if self.value is None and (self.min is None or self.max is None):
            raise ValueError(f"label {self.label!r} needs a value or both min and max")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"label {self.label!r}: min {self.min} is above max {self.max}")
        return self

    @property
    def point(self) -> float:
        """The label's representative value: ``value``, else the middle of its band."""
        if self.value is not None:
            return self.value
        assert self.min is not None and self.max is not None
        return (self.min + self.max) / 2


class DistributionRow(Strict):
    grade: str  # a label or a numeric grade as written, e.g. "A", "8", "30L"
    percent: float = Field(ge=0)


class Distribution(Fact):
    """A published grade distribution (ECTS grading table): the share of students at each grade."""

    reference_group: str  # whose grades: "all Dutch HE examinations, 2006", "ECTS definition"
    rows: list[DistributionRow]


class EquivalenceRow(Strict):
    min: float  # at least this grade (in the scale's own direction) ...
    to: str  # ... gives this label of the target scale


class Equivalence(Fact):
    """A published table from this scale to another, e.g. an admissions guide's UK-class equivalents."""

    target: ScaleId
    rows: list[EquivalenceRow]  # best first


class GradingScale(Fact):
    id: ScaleId
    names: LangText
    kind: ScaleKind
    direction: Direction
    best: float
    lowest_pass: float
    worst: float
    used_for: str | None = None  # "course grades in higher education", "degree classification" ...
    labels: list[GradeLabel] = Field(default_factory=list)  # best first
    distribution: Distribution | None = None
    equivalences: list[Equivalence] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> GradingScale:
        sign = 1 if self.direction is Direction.HIGHER else -1
        if not sign * self.best > sign * self.lowest_pass > sign * self.worst:
            raise ValueError(
                f"{self.id}: best {self.best}, lowest pass {self.lowest_pass} and worst {self.worst} "
                f"are not in {self.direction} order"
            )
        lo, hi = min(self.best, self.worst), max(self.best, self.worst)
        seen: set[str] = set()
        previous: float | None = None
        for lab in self.labels:
            key = lab.label.casefold()
            if key in seen:
                raise ValueError(f"{self.id}: label {lab.label!r} appears twice")
            seen.add(key)
            for bound in (lab.value, lab.min, lab.max):
                if bound is not None and not lo <= bound <= hi:
                    raise ValueError(f"{self.id}: label {lab.label!r} lies outside {lo}..{hi}")
            if previous is not None and sign * lab.point > sign * previous:
                raise ValueError(
                    f"{self.id}: labels must be listed best first ({lab.label!r} is out of order)"
                )
            previous = lab.point
        return self


class GradingFile(Strict):
    """One file: every grading scale of one jurisdiction."""

    jurisdiction: str
    names: LangText = Field(default_factory=dict)
    scales: list[GradingScale]
    sources: dict[str, Source]
    source: str | None = None

    @model_validator(mode="after")
    def _sources_exist(self) -> GradingFile:
        keys = set(self.sources)
        used: list[str | None] = [self.source]
        for scale in self.scales:
            used.append(scale.source)
            used.extend(lab.source for lab in scale.labels)
            used.extend(eq.source for eq in scale.equivalences)
            if scale.distribution is not None:
                used.append(scale.distribution.source)
        missing = sorted({k for k in used if k is not None and k not in keys})
        if missing:
            raise ValueError(f"source keys not in sources: {', '.join(missing)}")
        return self
