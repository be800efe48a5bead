"""The registry's records are dataclasses (loaded without pydantic) and the pydantic-read kinds are
models, but ``Strict`` and ``Fact`` mean one thing in both: a data file with an unknown key is refused,
and every fact carries the same ``source``, ``verified`` and ``note``, with the same defaults."""

from __future__ import annotations

import dataclasses
import typing

import pydantic
import pytest

from qualbridge.registry import base, models
from qualbridge.registry.validation import validate


def test_both_facts_declare_the_same_fields_types_and_defaults() -> None:
    dataclass_fields = {
        f.name: (typing.get_type_hints(models.Fact)[f.name], f.default)
        for f in dataclasses.fields(models.Fact)
    }
    model_fields = {name: (f.annotation, f.default) for name, f in base.Fact.model_fields.items()}
    assert (
        dataclass_fields
        == model_fields
        == {
            "source": (str | None, None),
            "verified": (bool, True),
            "note": (str | None, None),
        }
    )


def test_a_pydantic_read_fact_refuses_an_unknown_key() -> None:
    with pytest.raises(pydantic.ValidationError, match="sourc"):
        base.Fact.model_validate({"sourc": "typo"})


def test_a_registry_fact_refuses_an_unknown_key() -> None:
    with pytest.raises(pydantic.ValidationError, match="sourc"):
        validate(models.Placement, {"level": "eu-eqf:6", "sourc": "typo"})
