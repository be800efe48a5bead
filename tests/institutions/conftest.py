"""Fixtures: the shipped registry (without the user's imports) and an isolated user data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualbridge.institutions import loader
from qualbridge.institutions.loader import InstitutionRegistry, load_institutions


@pytest.fixture(scope="session")
def shipped() -> InstitutionRegistry:
    return load_institutions(include_user=False)


@pytest.fixture
def user_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QUALBRIDGE_DATA_DIR", str(tmp_path))
    loader._CACHE.clear()
    yield tmp_path
    loader._CACHE.clear()
