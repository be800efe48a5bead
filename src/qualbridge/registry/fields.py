"""Pydantic model of a fields-of-education classification (``data/fields/isced-f-2013.yaml``).

Name matching uses the words of the field names: in "Bachelor of Agriculture" the field is a
specialisation of a bachelor's degree, so it is set aside like a bracketed "（工学）", while a word that is
neither a field nor part of a type's name ("Bachelor of Magic") still blocks a match.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from qualbridge.registry.base import Fact, Strict
from qualbridge.registry.models import Source


class FieldName(Fact):
    name: str


class FieldClassification(Strict):
    id: str
    fields: dict[str, FieldName] = Field(min_length=1)  # code (2, 3 or 4 digits) -> name
    sources: dict[str, Source]
    source: str | None = None

    @model_validator(mode="after")
    def _codes(self) -> FieldClassification:
        bad = [c for c in self.fields if not (c.isdigit() and 2 <= len(c) <= 4)]
        if bad:
            raise ValueError(f"field codes must be 2 to 4 digits: {', '.join(bad)}")
        if self.source and self.source not in self.sources:
            raise ValueError(f"unknown source {self.source!r}")
        return self
