"""Web tests: Django's test client against the settings in ``qualbridge.web.settings``."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualbridge.web.i18n import compile_messages


@pytest.fixture(autouse=True, scope="session")
def _translations() -> None:
    compile_messages()


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, settings: object) -> None:
    settings.UPLOAD_DIR = tmp_path / "uploads"  # type: ignore[attr-defined]
    settings.KEY_DIR = tmp_path / "keys"  # type: ignore[attr-defined]
