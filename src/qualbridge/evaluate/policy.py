"""A recognising body's policy, as data: its home framework, qualification types, credit system,
grading scale and the thresholds it applies when it judges whether a difference is substantial.

The thresholds are the office's own configurable rules, not facts about any education system: a
policy file says so (``configurable: true``) and every finding that uses one names the rule. Policies
ship in ``qualbridge/data/policies/<id>.yaml``; a user may pass any other file with the same shape.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from pathlib import Path

import yaml
from pydantic import Field, ValidationError

from qualbridge.errors import InvalidCaseFile, UnknownPolicy
from qualbridge.evaluate.casefile import DocumentKind, Purpose
from qualbridge.registry.base import Strict
from qualbridge.registry.models import LangText, Source

POLICY_DIR = Path(__file__).resolve().parent.parent / "data" / "policies"


class Severity(StrEnum):
    """How much a difference between the qualifications weighs, as the body's policy ranks it."""

    NONE = "none"
    MINOR = "minor"  # listed among the reasons of the recommended outcome
    SUBSTANTIAL = "substantial"


class Outcome(StrEnum):
    """The recognition outcomes a body's policy can decide on."""

    FULL = "full"
    PARTIAL = "partial"  # studies not completed: the part achieved is recognised
    ALTERNATIVE = "alternative"  # as the (lower) home qualification it is comparable to
    CONDITIONAL = "conditional"
    NON_RECOGNITION = "non-recognition"


class Thresholds(Strict):
    """Where the body draws its lines. Fractions are shares of the reference workload."""

    workload_minor_shortfall: float = Field(ge=0, le=1)
    workload_substantial_shortfall: float = Field(ge=0, le=1)
    level_min_confidence: float = Field(ge=0, le=1)


class PurposeRule(Strict):
    """How the body weighs differences for one purpose of recognition."""

    required_documents: list[DocumentKind]
    #: documents without which the assessment cannot start (a background paper stands in for them)
    required_to_start: list[DocumentKind]
    profile_mismatch: Severity
    field_mismatch: Severity  # different ISCED-F broad field (first two digits)
    narrow_field_mismatch: Severity  # same broad field, different narrow field (first three digits)
    workload_counts: bool = True  # whether a workload shortfall can be substantial for this purpose


class ReferenceWorkload(Strict):
    amount: float = Field(gt=0)
    system: str
    source: str | None = None
    verified: bool = True
    note: str | None = None


class Casework(Strict):
    """The body's casework rules: time limits, the appeal window, and the outcomes it may decide."""

    #: the Revised Recommendation on Criteria and Procedures (2010), para. 4: never more than four months
    time_limit_months: int = Field(gt=0, le=4)
    appeal_days: int = Field(gt=0)
    #: the time limit for deciding an appeal, counted from the day it is lodged
    appeal_time_limit_days: int = Field(gt=0, le=120)
    #: the outcomes this body may decide (a body that only advises may not refuse, say)
    outcomes: list[Outcome] = Field(min_length=1)
    #: the appeal text of a decided case, with the case's own deadline as ``{day}``
    appeal_until: LangText


class Policy(Strict):
    id: str
    names: LangText
    body: LangText
    country: str
    home_framework: str
    qualification_types: list[str]
    credit_system: str
    grading_scale: str
    thresholds: Thresholds
    purposes: dict[Purpose, PurposeRule]
    reference_workload: dict[str, ReferenceWorkload] = Field(default_factory=dict)
    time_limit_days: int = Field(gt=0, le=120)  # the Recommendation: never more than four months
    appeal: LangText
    casework: Casework
    next_steps: dict[Outcome, LangText]
    verify_base_url: str
    configurable: bool = True
    note: str | None = None
    sources: dict[str, Source] = Field(default_factory=dict)

    def rule(self, purpose: Purpose) -> PurposeRule:
        try:
            return self.purposes[purpose]
        except KeyError:
            known = ", ".join(p.value for p in self.purposes)
            raise InvalidCaseFile(
                f"purpose.kind: policy {self.id} does not assess for {purpose.value}; it covers {known}."
            ) from None


def policy_ids(directory: Path = POLICY_DIR) -> list[str]:
    from qualbridge.registry.eligibility import ELIGIBILITY_POLICY_FILES  # admission rules, not casework

    return sorted(p.stem for p in directory.glob("*.yaml") if p.name not in ELIGIBILITY_POLICY_FILES)


def load_policy_file(path: Path) -> Policy:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Policy.model_validate(raw)
    except (OSError, yaml.YAMLError) as exc:
        raise InvalidCaseFile(f"Cannot read policy file {str(path)!r}: {exc}") from None
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise InvalidCaseFile(f"Policy file {path.name}: {where}: {err['msg']}") from None


@cache
def get_policy(policy_id: str) -> Policy:
    """A shipped policy by id, or a policy file by path."""
    candidate = Path(policy_id)
    if candidate.suffix in (".yaml", ".yml") and candidate.exists():
        return load_policy_file(candidate)
    path = POLICY_DIR / f"{policy_id.strip().lower()}.yaml"
    if not path.exists():
        raise UnknownPolicy(policy_id, policy_ids())
    return load_policy_file(path)
