"""Country profiles: what an evaluator reads before assessing a qualification from a country.

Nuffic's country modules, AACRAO EDGE and NIC-Japan's country pages all answer the same questions: what
the education system looks like (stages, years, where each leads), which qualifications it awards and
at what level, how grades and credits work, how to check that an institution is recognised, how its
qualifications usually compare with the home system, and on what sources all of that rests. A profile
here is generated from the registry's data, never written by hand, so it can never say more than the
data (and it carries the data's ``verified`` flags and sources with their dates).

``qualbridge countries show CC``, ``GET /api/v1/countries/{cc}``, the page ``/countries/<cc>`` and the
PDF country brief all print this one record.
"""

from __future__ import annotations

from babel import Locale
from pydantic import Field

from qualbridge.compare.comparison import compare
from qualbridge.compare.model import Comparison
from qualbridge.credits.systems import load_systems
from qualbridge.errors import QualbridgeError, UnknownCountry
from qualbridge.grades.scales import scales_for
from qualbridge.institutions.loader import get_institutions
from qualbridge.registry.base import Strict
from qualbridge.registry.loader import Registry, get_registry
from qualbridge.registry.models import LangText, QualificationType, Source
from qualbridge.registry.summary import FrameworkSummary, framework_summary

#: the home framework profiles compare into (NIC-Japan's caseload comes first)
HOME_FRAMEWORK = "jp-jeqf"


class Years(Strict):
    """Cumulative years of schooling, a range; ``verified`` is false when the data could not confirm it."""

    min: int
    max: int
    verified: bool


class Placement(Strict):
    level: str
    isced_code: str | None = None
    verified: bool


class Stage(Strict):
    """One qualification type on the country's ladder."""

    id: str
    names: LangText
    profile: str | None
    years_of_schooling: Years | None
    duration_years: tuple[float, float] | None
    placements: list[Placement]
    leads_to: list[str]
    verified: bool
    note: str | None = None


class Comparability(Strict):
    """How the type compares with the home framework, as the comparison engine answers it."""

    type_id: str
    outcome: str
    target_levels: list[str]
    confidence: float
    evidence: list[str]  # kinds of evidence the best route rests on: referencing, isced-placement ...


class Scale(Strict):
    id: str
    names: LangText
    used_for: str | None


class CreditSystemRef(Strict):
    id: str
    names: LangText
    credits_per_year: tuple[float, float]


class InstitutionList(Strict):
    """The recognised-institution lists held for the country and where they come from."""

    count: int
    mills: int
    sources: list[Source]


class CountryProfile(Strict):
    country: str
    names: LangText
    has_nqf: bool
    frameworks: list[FrameworkSummary]
    stages: list[Stage]
    comparisons: list[Comparability]
    grading_scales: list[Scale]
    credit_systems: list[CreditSystemRef]
    institutions: InstitutionList
    sources: list[Source] = Field(default_factory=list)
    data_version: str


def countries(registry: Registry | None = None) -> list[str]:
    """ISO codes of every country (or sub-national system) that has qualification types in the data."""
    registry = registry or get_registry()
    return sorted(registry.types_by_jurisdiction)


class CountrySummary(Strict):
    country: str
    names: LangText
    types: int


def summaries(registry: Registry | None = None) -> list[CountrySummary]:
    """One line per country (names and number of types), without building the full profiles."""
    registry = registry or get_registry()
    return [
        CountrySummary(country=cc, names=_names(registry, cc), types=len(registry.types_by_jurisdiction[cc]))
        for cc in countries(registry)
    ]


def country_profile(code: str, registry: Registry | None = None) -> CountryProfile:
    """The profile of one country (built once per registry); :class:`UnknownCountry` names the codes
    that have data."""
    registry = registry or get_registry()
    cc = code.strip().upper()
    if not registry.types_by_jurisdiction.get(cc):
        raise UnknownCountry(code, countries(registry))
    return registry.derive(f"country-profile:{cc}", lambda r: _build(r, cc))


def _build(registry: Registry, cc: str) -> CountryProfile:
    type_ids = registry.types_by_jurisdiction[cc]
    types = [registry.qualifications[t] for t in type_ids]
    frameworks = [f for f in registry.frameworks.values() if f.jurisdiction.upper() == cc]
    qfile = registry.qualification_files.get(cc)
    return CountryProfile(
        country=cc,
        names=_names(registry, cc),
        has_nqf=any(f.kind == "nqf" for f in frameworks),
        frameworks=[framework_summary(f) for f in frameworks],
        stages=sorted((_stage(qt) for qt in types), key=_ladder_order),
        comparisons=[c for qt in types if (c := _comparability(qt, registry)) is not None],
        grading_scales=[
            Scale(id=s.id, names=s.model.names, used_for=s.model.used_for) for s in scales_for(cc)
        ],
        credit_systems=[
            CreditSystemRef(
                id=c.id, names=c.names, credits_per_year=(c.credits_per_year.low, c.credits_per_year.high)
            )
            for c in load_systems().values()
            if c.jurisdiction.upper() == cc
        ],
        institutions=_institutions(cc),
        sources=sorted(qfile.sources.values(), key=lambda s: s.url) if qfile else [],
        data_version=registry.data_version,
    )


def _names(registry: Registry, cc: str) -> LangText:
    """The data file's names (original script first), completed with CLDR's ja and en names."""
    qfile = registry.qualification_files.get(cc)
    names: LangText = dict(qfile.names) if qfile is not None else {}
    for lang in ("ja", "en"):
        territory = Locale(lang).territories.get(cc[:2])
        if territory and lang not in names:
            names[lang] = territory
    return names or {"en": cc}


def _stage(qt: QualificationType) -> Stage:
    years = qt.years_of_schooling
    return Stage(
        id=qt.id,
        names=dict(qt.names),
        profile=qt.profile.value if qt.profile else None,
        years_of_schooling=Years(min=years.min_years, max=years.max_years, verified=years.verified)
        if years
        else None,
        duration_years=(qt.duration.min_years, qt.duration.max_years) if qt.duration else None,
        placements=[
            Placement(level=p.level, isced_code=p.isced_code, verified=p.verified) for p in qt.placements
        ],
        leads_to=list(qt.access_to),
        verified=qt.verified,
        note=qt.note,
    )


def _ladder_order(stage: Stage) -> tuple[int, int, str]:
    """Fewest years first; a type without years of schooling goes last (the ladder cannot place it)."""
    years = stage.years_of_schooling
    return (years.min, years.max, stage.id) if years else (99, 99, stage.id)


def _comparability(qt: QualificationType, registry: Registry) -> Comparability | None:
    try:
        answer: Comparison = compare(qt.id, HOME_FRAMEWORK, registry=registry)
    except QualbridgeError:
        return None  # a type the engine cannot place is shown on the ladder, not in the comparisons
    best = [r for r in answer.routes if r.best] or answer.routes[:1]
    evidence = sorted({step.evidence.kind for route in best for step in route.steps})
    return Comparability(
        type_id=qt.id,
        outcome=answer.outcome.value,
        target_levels=list(answer.target_levels),
        confidence=answer.confidence,
        evidence=evidence,
    )


def _institutions(cc: str) -> InstitutionList:
    held = get_institutions()
    found = held.by_country(cc)
    files = {held.file_of[i.id] for i in found}
    sources = [s for name in sorted(files) for s in held.files[name].sources.values()]
    return InstitutionList(
        count=sum(not i.is_mill for i in found), mills=sum(i.is_mill for i in found), sources=sources
    )
