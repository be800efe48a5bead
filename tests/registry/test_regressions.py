"""Regressions in the registry's loading and lookups."""

from __future__ import annotations

import shutil
from pathlib import Path

from qualbridge.registry.loader import DATA_DIR, data_files, get_registry
from qualbridge.registry.search import check_country


def test_a_folder_named_like_a_data_file_is_not_read(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR / "frameworks", data / "frameworks")
    (data / "frameworks" / "odd.yaml").mkdir()
    files = data_files(data)
    assert files and all(p.is_file() for p in files)


def test_lookups_forgive_stray_spaces() -> None:
    registry = get_registry()
    assert registry.framework(" JP-JEQF ").id == "jp-jeqf"
    assert registry.qualification("jp/gakushi ").id == "jp/gakushi"
    assert check_country(registry, " jp") == "JP"
