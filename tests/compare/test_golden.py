"""Golden snapshots: the level-by-level tables of framework pairs, as ``scripts/regen_golden.py`` wrote them.

A failure means an answer changed. If the change is intended (new data, a new rule), run
``.venv/bin/python scripts/regen_golden.py`` and review the diff of ``tests/compare/golden`` line by line.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from qualbridge.compare.engine import Engine
from qualbridge.registry.loader import Registry

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("regen_golden", ROOT / "scripts" / "regen_golden.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REGEN = _script()


def test_at_least_twenty_pairs_are_kept() -> None:
    assert len(REGEN.PAIRS) >= 20
    assert len(list(GOLDEN.glob("*.txt"))) >= 20


@pytest.mark.parametrize(("a", "b"), REGEN.PAIRS, ids=[f"{a}->{b}" for a, b in REGEN.PAIRS])
def test_table_matches_snapshot(real: Registry, a: str, b: str) -> None:
    path = GOLDEN / REGEN.golden_name(a, b)
    if a not in real.frameworks or b not in real.frameworks:
        pytest.fail(f"{a} or {b} is not in the data")
    assert path.exists(), "run scripts/regen_golden.py"
    engine = real.derive("compare-engine", Engine)
    assert REGEN.render(engine, a, b) == path.read_text(encoding="utf-8"), (
        f"{path.name} changed: run scripts/regen_golden.py and review the diff"
    )
