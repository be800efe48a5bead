"""What the five elements are judged on, resolved once per credential.

The credential's qualification type (from an id or the name on the diploma), its comparison with the
body's home framework, the home qualification it is measured against (the one requested, else the
most similar comparable one), the level the purpose requires, and the awarding institution's status
in the institution registry. Every lookup that fails names the case-file field that caused it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pycountry

from qualbridge.compare import compare
from qualbridge.compare.model import Comparison
from qualbridge.compare.resolve import resolve
from qualbridge.errors import CaseFieldError, QualbridgeError
from qualbridge.evaluate.casefile import Case, Credential
from qualbridge.evaluate.conversion import credit_system
from qualbridge.evaluate.policy import Policy
from qualbridge.institutions.loader import InstitutionRegistry, get_institutions
from qualbridge.registry.loader import Registry
from qualbridge.registry.models import QualificationType, pick


@dataclass(frozen=True)
class InstitutionInfo:
    """The awarding institution as the registry knows it (or does not)."""

    given: str | None
    id: str | None = None
    names: dict[str, str] | None = None
    status: str = "unknown"  # recognised | not-recognised | unknown | not-found | ambiguous | not-given
    is_mill: bool = False
    body: str | None = None
    source_url: str | None = None
    candidates: tuple[str, ...] = ()


@dataclass(frozen=True)
class Context:
    case: Case
    policy: Policy
    registry: Registry
    index: int
    credential: Credential
    qualification: QualificationType
    comparison: Comparison
    reference: QualificationType | None
    required_level: str | None
    institution: InstitutionInfo

    @property
    def field(self) -> str:
        return f"credentials[{self.index}]"


def check_country(code: str, field: str) -> str:
    if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
        raise CaseFieldError(field, f"{code!r} is not an ISO 3166-1 alpha-2 country code (e.g. JP, GB, US)")
    return code


def resolve_qualification(registry: Registry, credential: Credential, field: str) -> QualificationType:
    try:
        found = resolve(registry, credential.qualification, credential.country)
    except QualbridgeError as exc:
        raise CaseFieldError(f"{field}.qualification", str(exc)) from None
    if found.kind != "qualification":
        raise CaseFieldError(
            f"{field}.qualification",
            f"{credential.qualification!r} is a framework level; give the qualification type or its name",
        )
    return registry.qualifications[found.id]


def home_type(registry: Registry, policy: Policy, type_id: str, field: str) -> QualificationType:
    if type_id not in policy.qualification_types:
        raise CaseFieldError(
            field,
            f"{type_id!r} is not a home qualification of policy {policy.id}",
            suggestions=policy.qualification_types,
        )
    return registry.qualification(type_id)


def level_in(qt: QualificationType, framework: str) -> str | None:
    return next((p.level for p in qt.placements if p.level.startswith(f"{framework}:")), None)


def institution_info(institutions: InstitutionRegistry, credential: Credential) -> InstitutionInfo:
    given = credential.institution
    if not given:
        return InstitutionInfo(given=None, status="not-given")
    inst = institutions.by_id.get(given.strip().lower())
    if inst is None:
        result = institutions.match(given, country=credential.country)
        if result.best is None:
            status = "ambiguous" if result.ambiguous else "not-found"
            return InstitutionInfo(
                given=given, status=status, candidates=tuple(c.id for c in result.candidates)
            )
        inst = institutions.get(result.best.id)
    file = institutions.files.get(institutions.file_of.get(inst.id, ""))
    url = None
    if file is not None:
        key = inst.recognition.source or inst.source or file.source
        url = file.sources[key].url if key in file.sources else None
    return InstitutionInfo(
        given=given,
        id=inst.id,
        names=dict(inst.names),
        status=inst.recognition.status.value,
        is_mill=inst.is_mill,
        body=pick(inst.recognition.body) or None,
        source_url=url,
    )


def build_context(
    case: Case,
    policy: Policy,
    registry: Registry,
    index: int,
    institutions: InstitutionRegistry | None = None,
) -> Context:
    credential = case.credentials[index]
    field = f"credentials[{index}]"
    check_country(credential.country, f"{field}.country")
    if credential.credits is not None:
        try:
            credit_system(credential.credits.system)
        except QualbridgeError as exc:
            raise CaseFieldError(f"{field}.credits.system", str(exc)) from None
    qt = resolve_qualification(registry, credential, field)
    comparison = compare(qt.id, policy.home_framework, registry=registry)
    reference: QualificationType | None = None
    if case.purpose.requested:
        reference = home_type(registry, policy, case.purpose.requested, "purpose.requested")
    else:
        home = [c for c in comparison.comparable_qualifications if c.type_id in policy.qualification_types]
        if home:
            reference = registry.qualifications[home[0].type_id]
    required = case.purpose.required_level
    if required is not None:
        if required not in registry.levels or not required.startswith(f"{policy.home_framework}:"):
            levels = [lv for lv in registry.levels if lv.startswith(f"{policy.home_framework}:")]
            raise CaseFieldError(
                "purpose.required_level",
                f"{required!r} is not a level of {policy.home_framework}",
                suggestions=levels,
            )
    elif case.purpose.requested and reference is not None:
        required = level_in(reference, policy.home_framework)
    return Context(
        case=case,
        policy=policy,
        registry=registry,
        index=index,
        credential=credential,
        qualification=qt,
        comparison=comparison,
        reference=reference,
        required_level=required,
        institution=institution_info(institutions or get_institutions(), credential),
    )
