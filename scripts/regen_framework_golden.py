"""Regenerate the per-framework golden snapshots in ``tests/data/golden``: one file for every framework.

    .venv/bin/python scripts/regen_framework_golden.py          # rewrite every snapshot, drop orphans
    .venv/bin/python scripts/regen_framework_golden.py --check  # exit 1 if any snapshot would change

Each file holds one framework's levels (with their verified flag) and its level-by-level answers
against ISCED 2011 and against every framework it has a referencing decision with, exactly as
``qualbridge compare --matrix`` prints them. The list of frameworks is the data's, not a hand-kept
list: a new framework gets a snapshot, a removed one loses it, and any data change shows in review as
a diff of answers.
"""

from __future__ import annotations

import sys
from pathlib import Path

from qualbridge.compare.engine import Engine
from qualbridge.compare.matrix import matrix_rows, render_table
from qualbridge.registry.loader import Registry
from qualbridge.registry.models import pick

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the helper beside this script, however it is run
from golden_files import start

GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "data" / "golden"


def targets(registry: Registry, fw_id: str) -> list[str]:
    """ISCED 2011 and every framework with a referencing decision from or to ``fw_id``."""
    linked = {
        other
        for al_id in registry.alignments_by_framework.get(fw_id, [])
        for other in (
            registry.alignments[al_id].source_framework,
            registry.alignments[al_id].target_framework,
        )
    }
    return sorted((linked | {"isced-2011"}) - {fw_id})


def render(engine: Engine, fw_id: str) -> str:
    registry = engine.registry
    fw = registry.frameworks[fw_id]
    lines = [f"# {fw_id}: {pick(fw.names)} ({fw.kind}, {fw.jurisdiction}, {fw.status})", "", "## levels"]
    for level in fw.levels:
        mark = "" if fw.verified and level.verified else "  [unverified]"
        lines.append(f"{level.notation}  {pick(level.labels) or '-'}{mark}")
    for target in targets(registry, fw_id):
        if target in registry.frameworks:
            lines += ["", f"## qualbridge compare --matrix {fw_id} {target}"]
            lines.append(render_table(fw_id, target, matrix_rows(engine, fw_id, target)).rstrip("\n"))
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    started = start(argv, GOLDEN)
    if started is None:
        return 2
    engine, run = started
    frameworks = engine.registry.frameworks
    for fw_id in sorted(frameworks):
        run.refresh(f"{fw_id}.txt", render(engine, fw_id))
    for path in sorted(GOLDEN.glob("*.txt")):  # a list: files are removed as it goes
        if path.stem not in frameworks:
            run.remove(path)
    return run.finish(len(frameworks), "snapshots")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
