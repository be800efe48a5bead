"""The vocabulary of a finding: the five elements, the three severities, and the Finding itself.

Kept apart from :mod:`qualbridge.evaluate.elements` (the judging) so the statement renderer and the
CLI can name elements and severities in both languages without importing the method.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from qualbridge.evaluate.policy import Severity
from qualbridge.messages import Param, both, text


class Element(StrEnum):
    LEVEL = "level"
    WORKLOAD = "workload"
    QUALITY = "quality"
    PROFILE = "profile"
    LEARNING_OUTCOMES = "learning-outcomes"


#: the elements' and severities' names in every language (the core message catalogue's words)
ELEMENT_NAMES = {
    Element.LEVEL: both("element.name.level"),
    Element.WORKLOAD: both("element.name.workload"),
    Element.QUALITY: both("element.name.quality"),
    Element.PROFILE: both("element.name.profile"),
    Element.LEARNING_OUTCOMES: both("element.name.learning-outcomes"),
}
SEVERITY_NAMES = {
    Severity.NONE: both("severity.name.none"),
    Severity.MINOR: both("severity.name.minor"),
    Severity.SUBSTANTIAL: both("severity.name.substantial"),
}


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    element: Element
    severity: Severity
    code: str  # machine-readable reason: "mill", "below-required-level", "within-threshold" ...
    evidence: list[str] = Field(default_factory=list)
    reasoning_en: str
    reasoning_ja: str
    #: figures the outcome needs, e.g. ``shortfall`` (share) and ``gap_credits`` (in the policy's system)
    data: dict[str, float] = Field(default_factory=dict)


def finding(
    element: Element,
    severity: Severity,
    code: str,
    evidence: list[str],
    message: str,
    params: dict[str, Param] | None = None,
    *,
    ja: dict[str, Param] | None = None,
    data: dict[str, float] | None = None,
) -> Finding:
    """A finding whose reasoning is the catalogue's ``message``; ``ja`` overrides parameters (names)
    that have their own Japanese form."""
    en_params = params or {}
    return Finding(
        element=element,
        severity=severity,
        code=code,
        evidence=evidence,
        reasoning_en=text(message, "en", **en_params),
        reasoning_ja=text(message, "ja", **{**en_params, **(ja or {})}),
        data=data or {},
    )
