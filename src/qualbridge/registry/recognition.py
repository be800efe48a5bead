"""Pydantic model of published recognition statements (``data/recognition/<body>.yaml``).

A recognising body sometimes says directly where a foreign qualification type stands in its own system:
MEXT recognising Australian bachelor's degrees as bachelor's degrees for entry to Japanese graduate
schools, NIC-Japan answering that an Australian Bachelor Honours is not a master's equivalent. Such a
statement is stronger evidence than any route through ISCED, so the comparability engine takes it as a
direct step from the type to the framework level (:mod:`qualbridge.compare.recognition`). A statement not
confirmed against its source is ``verified: false``; the engine then weighs it as unverified.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from qualbridge.registry.base import Fact, Strict
from qualbridge.registry.models import LangText, Source


class Statement(Fact):
    id: str
    type_id: str  # the foreign qualification type the statement is about
    level: str  # the framework level it is comparable to, e.g. jp-jeqf:6
    match: str = Field(pattern=r"^(exactMatch|closeMatch|broadMatch|narrowMatch)$")
    comparable_type: str | None = None  # the home type it is compared with, e.g. jp/gakushi
    purpose: LangText = Field(default_factory=dict)  # what the statement was made for
    decided: str | None = None  # as precisely as the source gives it


class RecognitionFile(Strict):
    id: str
    body: LangText
    framework: str  # the body's home framework
    statements: list[Statement]
    sources: dict[str, Source]
    source: str | None = None

    @model_validator(mode="after")
    def _sources_exist(self) -> RecognitionFile:
        missing = sorted({s.source or self.source or "" for s in self.statements} - set(self.sources))
        if missing:
            raise ValueError(f"source keys not in sources: {', '.join(k or '(none)' for k in missing)}")
        wrong = [s.id for s in self.statements if not s.level.startswith(f"{self.framework}:")]
        if wrong:
            raise ValueError(f"statements {', '.join(wrong)} are not about levels of {self.framework}")
        return self

    def consulted(self) -> dt.date:
        return max(s.consulted for s in self.sources.values())
