"""Regenerate the golden comparison tables in ``tests/compare/golden``.

    .venv/bin/python scripts/regen_golden.py          # rewrite every table
    .venv/bin/python scripts/regen_golden.py --check  # exit 1 if any table would change

Each file is the level-by-level table of one framework pair, exactly as ``qualbridge compare --matrix A B``
prints it. After a change to the engine or the data, run this and review the diff of the golden files
like any other change: every changed line is a changed answer.
"""

from __future__ import annotations

import sys
from pathlib import Path

from qualbridge.compare.engine import Engine
from qualbridge.compare.matrix import matrix_rows, render_table

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the helper beside this script, however it is run
from golden_files import start

GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "compare" / "golden"

#: the framework pairs kept as snapshots (source, target)
PAIRS = [
    ("nz-nzqcf", "eu-eqf"),
    ("eu-eqf", "nz-nzqcf"),
    ("gb-scqf", "eu-eqf"),
    ("gb-rqf", "eu-eqf"),
    ("gb-rqf", "gb-scqf"),
    ("gb-scqf", "ie-nfq"),
    ("ie-nfq", "eu-eqf"),
    ("ie-nfq", "nz-nzqcf"),
    ("nz-nzqcf", "ie-nfq"),
    ("nz-nzqcf", "hk-qf"),
    ("au-aqf", "nz-nzqcf"),
    ("au-aqf", "eu-eqf"),
    ("jp-jeqf", "eu-eqf"),
    ("jp-jeqf", "gb-scqf"),
    ("de-dqr", "eu-eqf"),
    ("de-dqr", "gb-rqf"),
    ("fr-nqf", "de-dqr"),
    ("gb-fheq", "ehea-qf"),
    ("ehea-qf", "eu-eqf"),
    ("ie-nfq", "ehea-qf"),
    ("at-nqr", "ch-nqf"),
    ("my-mqf", "asean-aqrf"),
    ("ph-pqf", "id-kkni"),
    ("eu-eqf", "isced-2011"),
    ("jp-jeqf", "isced-2011"),
]


def golden_name(a: str, b: str) -> str:
    return f"{a}__{b}.txt"


def render(engine: Engine, a: str, b: str) -> str:
    return f"# qualbridge compare --matrix {a} {b}\n" + render_table(a, b, matrix_rows(engine, a, b))


def main(argv: list[str]) -> int:
    started = start(argv, GOLDEN)
    if started is None:
        return 2
    engine, run = started
    for a, b in PAIRS:
        if a not in engine.registry.frameworks or b not in engine.registry.frameworks:
            print(f"skipped {a} {b}: not in the data")
            continue
        run.refresh(golden_name(a, b), render(engine, a, b))
    return run.finish(len(PAIRS), "tables")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
