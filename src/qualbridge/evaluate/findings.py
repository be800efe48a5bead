"""The vocabulary of a finding: the five elements, the three severities, and the Finding itself.

Kept apart from :mod:`qualbridge.evaluate.elements` (the judging) so the statement renderer and the
CLI can name elements and severities in both languages without importing the method.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from qualbridge.evaluate.policy import Severity


class Element(StrEnum):
    LEVEL = "level"
    WORKLOAD = "workload"
    QUALITY = "quality"
    PROFILE = "profile"
    LEARNING_OUTCOMES = "learning-outcomes"


ELEMENT_NAMES = {
    Element.LEVEL: {"en": "Level", "ja": "水準"},
    Element.WORKLOAD: {"en": "Workload", "ja": "学修量"},
    Element.QUALITY: {"en": "Quality", "ja": "質（機関・課程の地位）"},
    Element.PROFILE: {"en": "Profile", "ja": "資格の性格"},
    Element.LEARNING_OUTCOMES: {"en": "Learning outcomes", "ja": "学習成果"},
}
SEVERITY_NAMES = {
    Severity.NONE: {"en": "no difference", "ja": "相違なし"},
    Severity.MINOR: {"en": "minor difference", "ja": "軽微な相違"},
    Severity.SUBSTANTIAL: {"en": "substantial difference", "ja": "実質的な相違"},
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
