"""A golden snapshot per framework, for every framework in the data (``scripts/regen_framework_golden.py``).

A failure means an answer changed. If the change is intended, run
``.venv/bin/python scripts/regen_framework_golden.py`` and review the diff of ``tests/data/golden``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from qualbridge.compare.engine import Engine
from qualbridge.registry import get_registry

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"


def _script() -> ModuleType:
    path = ROOT / "scripts" / "regen_framework_golden.py"
    spec = importlib.util.spec_from_file_location("regen_framework_golden", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REGEN = _script()
FRAMEWORKS = sorted(get_registry().frameworks)


def test_every_framework_has_a_snapshot_and_no_snapshot_is_orphaned() -> None:
    kept = sorted(p.stem for p in GOLDEN.glob("*.txt"))
    assert kept == FRAMEWORKS, "run scripts/regen_framework_golden.py"


@pytest.mark.parametrize("fw_id", FRAMEWORKS)
def test_answers_match_the_snapshot(fw_id: str) -> None:
    path = GOLDEN / f"{fw_id}.txt"
    assert path.exists(), "run scripts/regen_framework_golden.py"
    engine = get_registry().derive("compare-engine", Engine)
    assert REGEN.render(engine, fw_id) == path.read_text(encoding="utf-8"), (
        f"{path.name} changed: run scripts/regen_framework_golden.py and review the diff"
    )
