"""The comparison result: the one shape every interface (CLI, API, web, evaluation) returns.

A comparison is never a bare level. It names the source, the target framework, an outcome, the target
levels with the comparable qualification types there, a confidence with what it rests on, every route
found (each step with its match type and its evidence) and the caveats a reader must see. The models are
frozen so a precomputed answer can be handed to many callers without copying.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from qualbridge import messages


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Outcome(StrEnum):
    COMPARABLE = "comparable"
    PARTIALLY_COMPARABLE = "partially-comparable"
    INDIVIDUAL_ASSESSMENT = "individual-assessment"


#: what a step rests on, strongest first
EvidenceKind = Literal[
    "identity",  # the source already is a level of the target framework
    "recognition-statement",  # a recognising body's published statement on the type (data/recognition)
    "placement",  # a qualification type's own placement on a framework level
    "referencing",  # an official referencing decision between two frameworks
    "self-certification",
    "comparability-study",
    "isced-placement",  # types placed both on a framework level and on ISCED 2011
]


class Evidence(Frozen):
    """Where one step comes from: which decision or placement, made by whom, when, published where."""

    kind: EvidenceKind
    decision: str  # alignment id, or the qualification type(s) whose placements give the step
    body: str | None = None
    date: str | None = None  # as precise as the source gives it: "2017-06", "2019-10-01"
    address: str | None = None  # the referencing report, or the source page of the placement
    verified: bool = True
    note: str | None = None


class Step(Frozen):
    """One edge of a route: ``from_id`` (a level or a type id) to ``to_id`` (a level id)."""

    from_id: str
    to_id: str
    match: str  # SKOS match type: exactMatch, closeMatch, broadMatch, narrowMatch
    inverse: bool = False  # the decision is read from its target side (a symmetric decision)
    evidence: Evidence


class Route(Frozen):
    steps: list[Step]
    target_level: str
    confidence: float
    via: list[str] = Field(default_factory=list)  # intermediate frameworks, in order
    tier: str  # "direct", "one hub", "two hubs", "isced"...
    best: bool = False  # one of the routes the answer rests on


class NoMatchFinding(Frozen):
    """A decision that deliberately gives the source level no counterpart (SKOS noMatch)."""

    level: str
    target_framework: str  # the framework in which the level has no counterpart
    evidence: Evidence


class ComparableQualification(Frozen):
    type_id: str
    level: str
    names: dict[str, str]
    profile: str | None = None
    similarity: float  # 0..1: profile, ISCED programme code and duration against the source type
    notes: list[str] = Field(default_factory=list)


class ConfidenceFactor(Frozen):
    """The engine's own prose form of a factor (:meth:`Engine.explain`); the result carries :class:`Factor`."""

    factor: str  # evidence | match | hops | age | verification | spread | isced
    detail: str
    weight: float  # the multiplier this factor applied


class Coded(Frozen):
    """A sentence of the core as data: a stable ``code`` and its parameters.

    The words are in :mod:`qualbridge.messages` (``en`` and ``ja``); a shell asks for them with
    :meth:`text` in its reader's language and never looks at the words to decide anything.
    """

    code: str
    params: dict[str, str | int | float] = Field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        return messages.text(self.code, lang, **self.params)


class Caveat(Coded):
    """Something a reader must see before relying on the answer (a broad match, a route through ISCED ...)."""


class Factor(Coded):
    """One multiplier behind the confidence: its kind, the weight it applied, and what it is (coded)."""

    factor: str  # evidence | match | hops | age | verification | spread | type
    weight: float


class ComparisonSource(Frozen):
    kind: Literal["qualification", "level"]
    id: str
    names: dict[str, str] = Field(default_factory=dict)
    levels: list[str] = Field(default_factory=list)  # for a type: the levels it is placed on
    matched: str | None = None  # for free text: the name or alias that matched


class Comparison(Frozen):
    query: str
    source: ComparisonSource
    target_framework: str
    outcome: Outcome
    target_levels: list[str]
    target_level_labels: dict[str, str] = Field(default_factory=dict)
    comparable_qualifications: list[ComparableQualification] = Field(default_factory=list)
    confidence: float
    confidence_basis: list[Factor] = Field(default_factory=list)
    routes: list[Route] = Field(default_factory=list)
    no_match: list[NoMatchFinding] = Field(default_factory=list)
    caveats: list[Caveat] = Field(default_factory=list)
    summary: Coded | None = None  # the answer in one plain sentence (compare.summary.*)
    certainty: Coded | None = None  # how sure it is, in words (compare.certainty.*)
    data_version: str

    def as_json(self) -> dict[str, Any]:
        """A plain JSON-ready dict (stable key order, enums as strings)."""
        return self.model_dump(mode="json")
