"""The shape of an admission-eligibility policy file (``data/policies/jp-mext.yaml``).

Japanese law counts years of schooling, not degrees (課程年数主義): a target (a university's first
year, a master's course, ...) has ordered **rules**, each with its legal basis and its source, and the
**lists** the ministry designates (foreign entrance qualifications, designated 11-year courses, published
answers on one qualification) are data with their dates. Nothing about the law is in code: the engine
(:mod:`qualbridge.eligibility.rules`) only reads these records. A rule or list entry that could not be
confirmed against its source carries ``verified: false`` and the answer says so.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from qualbridge.errors import QualbridgeError
from qualbridge.registry.eligibility import EligibilityPolicy

POLICY_DIR = Path(__file__).resolve().parent.parent / "data" / "policies"
DEFAULT_POLICY = "jp-mext"


class UnknownEligibilityTarget(QualbridgeError):
    code = "unknown-eligibility-target"


class InvalidEligibilityPolicy(QualbridgeError):
    code = "invalid-eligibility-policy"


@cache
def load_policy(policy_id: str = DEFAULT_POLICY) -> EligibilityPolicy:
    """The eligibility policy shipped as ``data/policies/<policy_id>.yaml`` (read once)."""
    return read_policy(POLICY_DIR / f"{policy_id}.yaml")


def read_policy(path: Path) -> EligibilityPolicy:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return EligibilityPolicy.model_validate(raw)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise InvalidEligibilityPolicy(f"{path.name}: {exc}") from None


def consulted(policy: EligibilityPolicy) -> dt.date:
    """The newest date a source of the policy was consulted."""
    return max(s.consulted for s in policy.sources.values())
