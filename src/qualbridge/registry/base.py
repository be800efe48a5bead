"""Pydantic base classes for the data kinds that are read with pydantic models (grading scales,
credit systems, institutions, policies) and for the registry's public records
(:mod:`qualbridge.registry.summary`): unknown keys are errors, and every fact has a source.

The frameworks registry itself is plain dataclasses (:class:`qualbridge.registry.models.Fact`), so that
loading it from its compiled cache needs no pydantic. The vocabulary is one: ``Strict`` takes its rule
(unknown keys are errors) from the dataclass ``Strict``, and ``Fact`` declares the dataclass ``Fact``'s
three fields, which ``tests/registry/test_one_vocabulary.py`` holds equal (names, types, defaults). Only
the technology differs, until the pydantic-read kinds (about sixty models with validators, in ten
modules) move to dataclasses too.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from qualbridge.registry import models


class Strict(BaseModel):
    """Base: unknown keys are errors, so a typo in a data file never passes silently."""

    model_config = ConfigDict(extra=models.Strict.__pydantic_config__["extra"], frozen=True, defer_build=True)


class Fact(Strict):
    """Anything that states a fact: where it comes from and whether it was confirmed (the fields of
    :class:`qualbridge.registry.models.Fact`)."""

    source: str | None = None  # key into the file's ``sources``; ``None`` means the file's default
    verified: bool = True
    note: str | None = None
