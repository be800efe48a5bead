"""Shared helpers for the evaluation tests: the worked cases and a case built from a dict."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from qualbridge.evaluate import Assessment, evaluate, parse_case

CASES = Path(__file__).resolve().parents[2] / "examples" / "cases"


def load_raw(name: str) -> dict[str, Any]:
    raw: dict[str, Any] = yaml.safe_load((CASES / name).read_text(encoding="utf-8"))
    return raw


def assess(raw: dict[str, Any]) -> Assessment:
    return evaluate(parse_case(copy.deepcopy(raw)))


@pytest.fixture
def full_raw() -> dict[str, Any]:
    return load_raw("full-jp-gakushi-to-gb.yaml")
