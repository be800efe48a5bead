"""The assistant's inputs and results as plain frozen dataclasses (JSON-ready through ``as_dict``).

A :class:`DescribedFramework` is what the assistant reads: ordered levels, each with descriptor text per
*facet* (knowledge, skills, competence: the common ground of the frameworks' differently named
domains, see :mod:`.facets`). It is built from a registry framework or from descriptors pasted on the
web page, so the matching never depends on where the text came from.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from qualbridge.messages import Message


@dataclasses.dataclass(frozen=True, slots=True)
class DescribedLevel:
    """One level: its notation and descriptor text by facet (in one language, ``lang``)."""

    notation: str
    texts: dict[str, str]
    label: str = ""
    position: float | None = None  # place on the whole ladder, 0 (lowest) to 1 (highest); None: evenly spaced

    @property
    def whole(self) -> str:
        return " ".join(self.texts.values())


@dataclasses.dataclass(frozen=True, slots=True)
class DescribedFramework:
    """A framework as the assistant sees it: id, name, the language of its text, described levels.

    ``skipped`` names the levels left out because they carry no descriptor in ``lang``.
    """

    id: str
    name: str
    lang: str
    levels: tuple[DescribedLevel, ...]
    skipped: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True, slots=True)
class Phrase:
    """A pair of descriptor phrases that matched: one from the level, one from the reference level."""

    facet: str
    source: str
    target: str
    score: float


@dataclasses.dataclass(frozen=True, slots=True)
class LevelSuggestion:
    """Where one level lands: target notation(s), the similarity, the strength in words, the evidence."""

    notation: str
    targets: tuple[str, ...]
    best: str
    similarity: float
    margin: float  # lead of the chosen target over the next best, in spreads of the centred scores
    strength: str  # "strong" | "moderate" | "weak"
    strength_text: Message
    phrases: tuple[Phrase, ...]
    warnings: tuple[Message, ...]
    scores: dict[str, float]  # reference notation -> similarity


@dataclasses.dataclass(frozen=True, slots=True)
class Suggestion:
    """A suggested referencing of ``source`` to ``reference`` (never a decision: a draft to review)."""

    source: str
    reference: str
    method: str  # "lexical" | "semantic"
    lang: str
    levels: tuple[LevelSuggestion, ...]
    skipped: tuple[str, ...]
    caveats: tuple[Message, ...]

    def targets(self) -> dict[str, str]:
        """Source notation -> the single best reference notation."""
        return {lv.notation: lv.best for lv in self.levels}


def to_json(item: Any) -> Any:
    """A result as JSON-ready data; each :class:`Message` as its code, parameters and en/ja words."""
    if isinstance(item, Message):
        return {"code": item.code, "params": dict(item.params), "en": item.text("en"), "ja": item.text("ja")}
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        return {f.name: to_json(getattr(item, f.name)) for f in dataclasses.fields(item)}
    if isinstance(item, dict):
        return {str(k): to_json(v) for k, v in item.items()}
    if isinstance(item, list | tuple):
        return [to_json(v) for v in item]
    if isinstance(item, float):
        return round(item, 4)
    return item
