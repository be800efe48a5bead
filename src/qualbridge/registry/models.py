"""The data model of the frameworks registry, as frozen dataclasses.

One file per framework, per alignment (referencing decision) and per jurisdiction's qualification
types. Every fact carries a ``source`` (the key of an entry in the file's ``sources`` table) and a
``verified`` flag: a fact that could not be confirmed against its source says ``verified: false`` and
is never used as ground truth in a test. Names borrow from the standards: SKOS match types for
alignments (Credential Engine's AlignmentMap proposal), ISCED 2011 for programme codes.

The classes are plain dataclasses, not pydantic models, so that loading the registry from its compiled
cache needs no pydantic at all (importing pydantic alone takes longer than the whole load budget);
:mod:`qualbridge.registry.validation` validates the files against these classes with pydantic.
Identifier formats and the like are checked by ``qualbridge data check``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import StrEnum
from typing import Any, ClassVar

#: Text in several languages, keyed by BCP 47 tag: ``ja`` (original script), ``ja-Latn``
#: (romanisation), ``en`` (English), ``de``, ``fr`` ...
LangText = dict[str, str]

#: identifier formats, checked by ``qualbridge data check``
ID_PATTERNS = {
    "framework": r"^[a-z0-9]+(-[a-z0-9]+)*$",
    "qualification": r"^[a-z]{2}(-[a-z0-9]+)?/[a-z0-9]+(-[a-z0-9]+)*$",
    "level": r"^[a-z0-9-]+:[A-Za-z0-9+.-]+$",
    "isced_code": r"^[0-9]{3}$",
}


class Strict:
    """Base: unknown keys are errors (for pydantic's validation), so a typo never passes silently."""

    __slots__ = ()
    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Source(Strict):
    """A publication a fact was taken from."""

    url: str
    title: str
    publisher: str | None = None
    published: str | None = None  # as precise as the publication gives it: "2016", "2017-06-30"
    consulted: dt.date
    note: str | None = None


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Fact(Strict):
    """Mixin for anything that states a fact: where it comes from and whether it was confirmed."""

    source: str | None = None  # key into the file's ``sources``; ``None`` means the file's default
    verified: bool = True
    note: str | None = None


class FrameworkKind(StrEnum):
    """What a framework is: national (nqf), regional (rqf), a classification (ISCED) or part of another."""

    NQF = "nqf"
    RQF = "rqf"
    CLASSIFICATION = "classification"
    SUB_FRAMEWORK = "sub-framework"


class Status(StrEnum):
    IN_FORCE = "in-force"
    ADOPTED = "adopted"  # adopted, not (yet) fully implemented
    PROPOSED = "proposed"
    UNCONFIRMED = "unconfirmed"  # existence or official status not confirmed by a source
    SUPERSEDED = "superseded"


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Domain(Strict):
    id: str
    names: LangText


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Level(Fact):
    """One level of a framework. ``descriptors`` maps a domain id to text per language."""

    notation: str
    labels: LangText = dataclasses.field(default_factory=dict)
    descriptors: dict[str, LangText] = dataclasses.field(default_factory=dict)
    # ISCED 2011 only: the three-digit programme codes under this level, code -> names
    programme_codes: dict[str, LangText] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Framework(Fact):
    id: str
    kind: FrameworkKind
    jurisdiction: str  # ISO 3166-1 alpha-2, ISO 3166-2, or a region code (EU, ASEAN, SADC ...)
    abbreviation: str
    names: LangText
    status: Status = Status.IN_FORCE
    parent: str | None = None  # for a sub-framework: the framework it belongs to
    domains: list[Domain] = dataclasses.field(default_factory=list)
    levels: list[Level]
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    uri: str | None = None
    level_uri_template: str | None = None  # e.g. "http://data.europa.eu/snb/eqf/{notation}"
    sources: dict[str, Source]


class Profile(StrEnum):
    GENERAL = "general"
    ACADEMIC = "academic"
    PROFESSIONAL = "professional"
    VOCATIONAL = "vocational"


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Placement(Fact):
    """Where a qualification type sits: a framework level, and for ISCED the 3-digit programme code."""

    level: str
    isced_code: str | None = None


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Duration(Strict):
    """Typical full-time duration in years (min = max for a fixed length)."""

    min_years: float
    max_years: float
    after: str | None = None  # what the duration counts from, e.g. "upper secondary", "a bachelor's"


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Credits(Strict):
    amount: float
    max_amount: float | None = None
    system: str  # credit-system id, e.g. "ects", "jp-tani"
    minimum: bool = False  # true when the figure is a legal minimum ("at least 124 tani")


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class SchoolingYears(Fact):
    """Cumulative years of formal schooling a qualification represents, counted from the first year of
    primary school; a range where the system allows several routes (never folded into a midpoint).
    Japanese admission rules (学校教育法施行規則) count these years."""

    min_years: int
    max_years: int


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class QualificationType(Fact):
    id: str
    names: LangText
    abbreviations: list[str] = dataclasses.field(default_factory=list)
    aliases: list[str] = dataclasses.field(default_factory=list)
    placements: list[Placement] = dataclasses.field(default_factory=list)
    profile: Profile | None = None
    duration: Duration | None = None
    credits: Credits | None = None
    access_to: list[str] = dataclasses.field(default_factory=list)  # qualification-type ids or level ids
    awarded_by: LangText = dataclasses.field(default_factory=dict)
    is_micro_credential: bool = False
    years_of_schooling: SchoolingYears | None = None


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class QualificationTypes(Strict):
    """One file: every qualification type of one jurisdiction."""

    jurisdiction: str
    names: LangText = dataclasses.field(default_factory=dict)  # e.g. {"ja": "日本", "en": "Japan"}
    types: list[QualificationType]
    sources: dict[str, Source]
    source: str | None = None  # default source key for facts in this file


class MatchType(StrEnum):
    """SKOS mapping properties, as used by Credential Engine's AlignmentMap proposal."""

    EXACT = "exactMatch"
    CLOSE = "closeMatch"
    BROAD = "broadMatch"  # the target is broader than the source
    NARROW = "narrowMatch"  # the target is narrower than the source
    NO_MATCH = "noMatch"


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class LevelMapping(Fact):
    """One row of a referencing table: a source level and its target level(s).

    The files write the source level as ``from`` (a Python keyword); the loader reads it into
    ``from_level``.
    """

    from_level: str
    to: list[str] = dataclasses.field(default_factory=list)
    match: MatchType


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Alignment(Fact):
    """A referencing decision between two frameworks, as published by the body that made it."""

    id: str
    source_framework: str
    target_framework: str
    kind: str = "referencing"  # referencing | comparability-study | self-certification
    body: LangText
    decided: dt.date | None = None
    decided_text: str | None = None  # when only a year or month is known: "2016", "2017-06"
    report: str | None = None  # the referencing report's address
    symmetric: bool = True  # does the decision read both ways?
    mappings: list[LevelMapping]
    sources: dict[str, Source]


def as_dict(item: Any) -> dict[str, Any]:
    """A record as plain JSON-ready data (dates as ISO strings)."""
    out: dict[str, Any] = dataclasses.asdict(item)
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in out.items()}


def pick(text: LangText, lang: str = "en") -> str:
    """The text in ``lang``, else English, else the first language given.

    >>> pick({"ja": "学士", "en": "Bachelor's degree"}, "ja")
    '学士'
    >>> pick({"de": "Meister"}, "en")
    'Meister'
    """
    return text.get(lang) or text.get("en") or next(iter(text.values()), "")
