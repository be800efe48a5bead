"""Pydantic model of a training case (``data/training/<id>.yaml``): a worked case for evaluators.

A training case is a case file (the core's :class:`qualbridge.evaluate.casefile.Case`), the documents
an evaluator would have in front of them (described, not scanned), and the reference answer: a
judgement of each of the five elements of the evaluation method (is the difference substantial?) and
the decision, each with its reasons in Japanese and English and with what it rests on (``basis``):

- ``published``: a recognising body's published statement or decision on this qualification type
  (MEXT's statement on Australian bachelor's degrees, say);
- ``worked-example``: a worked example of the European Area of Recognition manual, whose situation
  the case reproduces;
- ``engine``: the engine's assessment of the case file on the registry's sourced data (the reference
  names the registry facts and their sources; ``qualbridge data check`` re-runs the engine and fails
  when the data no longer give the same answer).

A reference is never presented as a body's decision unless that body published it. The cross-file
rules (the case file is valid, the facts exist, an engine reference still holds) are
:mod:`qualbridge.training.check`'s, which sits above the evaluation method.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import Field, model_validator

from qualbridge.registry.base import Strict
from qualbridge.registry.models import Source

#: the five elements of the evaluation method, as :class:`qualbridge.evaluate.findings.Element` spells them
ELEMENTS = ("level", "workload", "quality", "profile", "learning-outcomes")
OUTCOMES = ("full", "partial", "alternative", "conditional", "non-recognition")
DOCUMENT_KINDS = (
    "diploma", "transcript", "diploma-supplement", "programme-description", "identity", "translation",
    "background-paper", "other",
)  # fmt: skip


class Bilingual(Strict):
    """A text every trainee reads in their language: both are required."""

    en: str = Field(min_length=1)
    ja: str = Field(min_length=1)


class Basis(StrEnum):
    PUBLISHED = "published"
    WORKED_EXAMPLE = "worked-example"
    ENGINE = "engine"


class RegistryFact(Strict):
    """An item of the registry an engine reference rests on, with the keys of its sources."""

    id: str  # au/bachelor, jp-mext:au-bachelor, jp-nic, "dk/erhvervsakademigrad -> isced-2011:5" ...
    kind: str = Field(pattern=r"^(qualification-type|recognition-statement|policy|route-step)$")
    sources: list[str] = Field(min_length=1)


class ReferenceElement(Strict):
    substantial: bool
    code: str | None = None  # the engine finding's code, when the basis is the engine
    reasons: Bilingual
    basis: Basis
    sources: list[str] = Field(min_length=1)


class ReferenceDecision(Strict):
    outcome: str = Field(pattern=r"^(full|partial|alternative|conditional|non-recognition)$")
    reasons: Bilingual
    basis: Basis
    sources: list[str] = Field(min_length=1)


class Reference(Strict):
    elements: dict[str, ReferenceElement]
    decision: ReferenceDecision

    @model_validator(mode="after")
    def _five_elements(self) -> Reference:
        if sorted(self.elements) != sorted(ELEMENTS):
            raise ValueError(
                f"reference.elements must judge exactly the five elements: {', '.join(ELEMENTS)}"
            )
        return self


class TrainingDocument(Strict):
    kind: str = Field(pattern=r"^(" + "|".join(DOCUMENT_KINDS) + r")$")
    description: Bilingual


class TrainingCaseFile(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{2,60}$")
    country: str = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 code of the awarding country")
    title: Bilingual
    scenario: Bilingual
    #: a core case file (``qualbridge.evaluate.casefile.Case``), validated by ``qualbridge data check``
    case_file: dict[str, Any]
    documents: list[TrainingDocument] = Field(min_length=1)
    reference: Reference
    facts: list[RegistryFact] = Field(default_factory=list)
    sources: dict[str, Source] = Field(min_length=1)

    @model_validator(mode="after")
    def _sources_exist(self) -> TrainingCaseFile:
        named = {key for e in self.reference.elements.values() for key in e.sources}
        named |= set(self.reference.decision.sources)
        named |= {key for fact in self.facts for key in fact.sources}
        missing = sorted(named - set(self.sources))
        if missing:
            raise ValueError(f"source keys not in sources: {', '.join(missing)}")
        return self

    def bases(self) -> set[Basis]:
        """Every basis the reference rests on."""
        return {e.basis for e in self.reference.elements.values()} | {self.reference.decision.basis}
