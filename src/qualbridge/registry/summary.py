"""Frameworks and qualification types as the outside world reads them: one record for each.

``qualbridge frameworks list/show --json``, ``GET /api/v1/frameworks`` (and ``/frameworks/{id}``) and the
portal's framework pages print the framework records; ``qualbridge qualifications search --json``,
``GET /api/v1/qualifications`` and the estimate page's suggestions print :class:`QualificationSummary`.
So the shapes are declared once, here, and the API's OpenAPI schema is generated from them. Dates serialise as ISO strings (``model_dump(mode="json")``).

>>> from qualbridge.registry import get_registry
>>> registry = get_registry()
>>> summary = framework_summary(registry.framework("eu-eqf"))
>>> summary.kind, summary.levels
('rqf', 8)
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from pydantic import Field

from qualbridge.registry.base import Strict
from qualbridge.registry.loader import Registry
from qualbridge.registry.models import Framework, LangText, QualificationType


class FrameworkHeading(Strict):
    """What the summary and the detail of a framework both say first."""

    id: str
    abbreviation: str
    kind: str
    jurisdiction: str
    names: LangText
    status: str
    verified: bool


class FrameworkSummary(FrameworkHeading):
    """One line of the list of frameworks."""

    levels: int


class TypeRef(Strict):
    id: str
    names: LangText


class LevelDetail(Strict):
    id: str
    notation: str
    labels: LangText
    descriptors: dict[str, LangText]
    verified: bool
    qualification_types: list[TypeRef]


class DomainDetail(Strict):
    id: str
    names: LangText


class AlignmentRef(Strict):
    """A referencing decision the framework takes part in, on either side."""

    id: str
    source_framework: str
    target_framework: str
    kind: str
    body: LangText
    decided: dt.date | str | None = None
    report: str | None = None


class SourceRef(Strict):
    url: str
    title: str
    publisher: str | None = None
    published: str | None = None
    consulted: dt.date
    note: str | None = None


class FrameworkDetail(FrameworkHeading):
    """Everything about one framework: its levels with descriptors and types, its decisions, its sources."""

    domains: list[DomainDetail]
    uri: str | None = None
    valid_from: dt.date | None = None
    levels: list[LevelDetail]
    alignments: list[AlignmentRef]
    sources: dict[str, SourceRef]


def _heading(fw: Framework) -> dict[str, str | LangText | bool]:
    """The fields the summary and the detail share."""
    return {
        "id": fw.id,
        "abbreviation": fw.abbreviation,
        "kind": fw.kind.value,
        "jurisdiction": fw.jurisdiction,
        "names": dict(fw.names),
        "status": fw.status.value,
        "verified": fw.verified,
    }


def framework_summary(fw: Framework) -> FrameworkSummary:
    return FrameworkSummary.model_validate({**_heading(fw), "levels": len(fw.levels)})


def _levels(registry: Registry, fw: Framework) -> list[LevelDetail]:
    out = []
    for lv in fw.levels:
        level_id = f"{fw.id}:{lv.notation}"
        types = registry.types_by_level.get(level_id, [])
        out.append(
            LevelDetail(
                id=level_id,
                notation=lv.notation,
                labels=dict(lv.labels),
                descriptors={k: dict(v) for k, v in lv.descriptors.items()},
                verified=lv.verified and fw.verified,
                qualification_types=[
                    TypeRef(id=t, names=dict(registry.qualifications[t].names)) for t in types
                ],
            )
        )
    return out


def framework_detail(registry: Registry, fw: Framework) -> FrameworkDetail:
    """Everything about one framework, as the CLI, the API and the portal show it."""
    alignments = (registry.alignments[a] for a in registry.alignments_by_framework.get(fw.id, []))
    return FrameworkDetail.model_validate(
        {
            **_heading(fw),
            "domains": [DomainDetail(id=d.id, names=dict(d.names)) for d in fw.domains],
            "uri": fw.uri,
            "valid_from": fw.valid_from,
            "levels": _levels(registry, fw),
            "alignments": [
                AlignmentRef(
                    id=al.id,
                    source_framework=al.source_framework,
                    target_framework=al.target_framework,
                    kind=al.kind,
                    body=dict(al.body),
                    decided=al.decided or al.decided_text,
                    report=al.report,
                )
                for al in alignments
            ],
            "sources": {k: SourceRef(**dataclasses.asdict(s)) for k, s in fw.sources.items()},
        }
    )


class PlacementRef(Strict):
    level: str
    isced_code: str | None = None
    verified: bool


class DurationRef(Strict):
    min_years: float
    max_years: float
    after: str | None = None


class CreditsRef(Strict):
    amount: float
    max_amount: float | None = None
    system: str
    minimum: bool


class QualificationSummary(Strict):
    """One qualification type in a list, with the name-match score when it answers a search."""

    id: str
    jurisdiction: str
    score: float | None = Field(None, description="Name-match score 0..100 (null when listing without q).")
    matched: str | None = Field(None, description="The name or alias that matched q.")
    names: LangText
    profile: str | None = None
    is_micro_credential: bool
    placements: list[PlacementRef]
    duration: DurationRef | None = None
    credits: CreditsRef | None = None
    access_to: list[str]
    verified: bool


def qualification_summary(
    qt: QualificationType, score: float | None = None, matched: str | None = None
) -> QualificationSummary:
    return QualificationSummary(
        id=qt.id,
        jurisdiction=qt.id.split("/")[0].upper(),
        score=score,
        matched=matched,
        names=dict(qt.names),
        profile=qt.profile.value if qt.profile else None,
        is_micro_credential=qt.is_micro_credential,
        placements=[
            PlacementRef(level=p.level, isced_code=p.isced_code, verified=p.verified) for p in qt.placements
        ],
        duration=DurationRef(**dataclasses.asdict(qt.duration)) if qt.duration else None,
        credits=CreditsRef(**dataclasses.asdict(qt.credits)) if qt.credits else None,
        access_to=list(qt.access_to),
        verified=qt.verified,
    )
