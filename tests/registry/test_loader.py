"""Loading: the compiled cache is used only while the data are unchanged; lookups name close ids."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from qualbridge.errors import UnknownFramework
from qualbridge.registry.loader import DataError, load_registry
from qualbridge.registry.schema import generated, stale
from tests.registry.conftest import write


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUALBRIDGE_CACHE_DIR", str(tmp_path / "cache"))


def test_indexes(tmp_path: Path, files: dict[str, dict[str, Any]]) -> None:
    reg = load_registry(write(tmp_path / "data", files))
    assert reg.level_order["bb-qf:4"] == 4
    assert reg.types_by_level["aa-qf:2"] == ["aa/diploma"]
    assert reg.alignments_by_framework["bb-qf"] == ["aa-qf__bb-qf"]
    assert reg.types_by_jurisdiction["AA"] == ["aa/diploma", "aa/degree"]


def test_an_edit_invalidates_the_cache(tmp_path: Path, files: dict[str, dict[str, Any]]) -> None:
    data = write(tmp_path / "data", files)
    first = load_registry(data)
    assert load_registry(data).data_version == first.data_version
    assert list((tmp_path / "cache").glob("registry-*.pickle"))
    files["frameworks/aa-qf.yaml"]["names"]["en"] = "Renamed"
    write(data, files)
    second = load_registry(data)
    assert second.data_version != first.data_version
    assert second.frameworks["aa-qf"].names["en"] == "Renamed"


def test_a_corrupt_cache_is_rebuilt(tmp_path: Path, files: dict[str, dict[str, Any]]) -> None:
    data = write(tmp_path / "data", files)
    version = load_registry(data).data_version
    for cached in (tmp_path / "cache").glob("registry-*.pickle"):
        cached.write_bytes(b"not a pickle")
    assert load_registry(data).data_version == version


def test_invalid_data_raise_data_error(tmp_path: Path, files: dict[str, dict[str, Any]]) -> None:
    files["frameworks/aa-qf.yaml"]["kind"] = "galaxy"
    with pytest.raises(DataError, match=r"frameworks/aa-qf.yaml: kind"):
        load_registry(write(tmp_path / "data", files))


def test_unknown_framework_suggests_close_ids(tmp_path: Path, files: dict[str, dict[str, Any]]) -> None:
    reg = load_registry(write(tmp_path / "data", files))
    with pytest.raises(UnknownFramework, match=r"'aa-fq'.*Did you mean: aa-qf"):
        reg.framework("aa-fq")


def test_committed_schema_is_current() -> None:
    assert stale() == [], "run `qualbridge data schema` and commit the result"


def test_schema_describes_the_files(files: dict[str, dict[str, Any]]) -> None:
    import json

    import jsonschema

    schemas = {name.split(".")[0]: json.loads(text) for name, text in generated().items()}
    for rel, content in files.items():
        jsonschema.validate(yaml.safe_load(yaml.safe_dump(content)), schemas[rel.split("/")[0]])


def test_the_compiled_registry_loads_without_pydantic(tmp_path: Path) -> None:
    """The cached path must stay light: importing pydantic alone exceeds the start-up budget."""
    import subprocess
    import sys

    code = (
        "import sys; from qualbridge.registry import load_registry; load_registry(); "
        "load_registry(); print('pydantic' in sys.modules)"
    )
    env = {**__import__("os").environ, "QUALBRIDGE_CACHE_DIR": str(tmp_path / "c")}
    subprocess.run(
        [sys.executable, "-c", "from qualbridge.registry import load_registry; load_registry()"],
        check=True,
        env=env,
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True, text=True)
    assert out.stdout.strip() == "False"
