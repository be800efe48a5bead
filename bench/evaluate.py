"""Benchmark: evaluate + sign + render the PDF statement, per worked case, against the 300 ms budget.

Printed next to a baseline measured in the same run: rendering the PDF alone (WeasyPrint, fonts,
PDF/A-3) for the same assessment, so the figure shows what the method and the signing add to it.
Wall-clock and CPU time are both shown (the CPU figure is steadier on a shared machine). The first
run of each case (registry, fonts and engine warm-up) is not counted.

    .venv/bin/python bench/evaluate.py [ROUNDS]
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from qualbridge.evaluate import evaluate, load_case
from qualbridge.statements.issue import issue_credential
from qualbridge.statements.multikey import KeyPair
from qualbridge.statements.render import render_pdf, statement_claims

CASES = Path(__file__).resolve().parents[1] / "examples" / "cases"
BUDGET_MS = 300.0


def measure(fn: Callable[[], object], rounds: int) -> tuple[float, float, float]:
    """Median wall, median CPU and best wall milliseconds of ``fn`` over ``rounds`` runs."""
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(rounds):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - w0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return statistics.median(wall), statistics.median(cpu), min(wall)


def main(rounds: int = 5) -> None:
    key = KeyPair.generate()
    files = sorted(CASES.glob("*.yaml"))

    def full(path: Path) -> bytes:
        assessment = evaluate(load_case(path))
        credential = issue_credential(statement_claims(assessment), key, key.did)
        return render_pdf(assessment, credential)

    print(
        f"{'case':40} {'statement median wall/cpu, best':>32} {'render-only median wall/cpu, best':>34} {'ratio':>6}"
    )
    stmts: list[tuple[float, float, float]] = []
    bases: list[tuple[float, float, float]] = []
    for path in files:
        full(path)  # warm-up
        assessment = evaluate(load_case(path))
        credential = issue_credential(statement_claims(assessment), key, key.did)
        base = measure(lambda a=assessment, c=credential: render_pdf(a, c), rounds)
        stmt = measure(lambda p=path: full(p), rounds)
        stmts.append(stmt)
        bases.append(base)
        print(
            f"{path.stem:40} {stmt[0]:16.0f} /{stmt[1]:5.0f}, {stmt[2]:5.0f}"
            f" {base[0]:18.0f} /{base[1]:5.0f}, {base[2]:5.0f} {stmt[0] / base[0]:6.2f}"
        )
    wall, cpu, best = (statistics.median(s[i] for s in stmts) for i in range(3))
    base_wall, base_cpu = (statistics.median(b[i] for b in bases) for i in range(2))
    verdict = "within" if wall <= BUDGET_MS else "OVER"
    print(
        f"median per statement {wall:.0f} ms wall / {cpu:.0f} ms CPU (evaluate + sign + PDF/A-3 render); "
        f"baseline render-only {base_wall:.0f} ms wall / {base_cpu:.0f} ms CPU; ratio {wall / base_wall:.2f} wall, "
        f"{cpu / base_cpu:.2f} CPU"
    )
    print(
        f"{verdict} the {BUDGET_MS:.0f} ms budget on wall time ({rounds} rounds per case); CPU {cpu:.0f} ms is "
        f"{'within' if cpu <= BUDGET_MS else 'OVER'} it; best runs: median {best:.0f} ms wall (the least "
        "disturbed runs)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
