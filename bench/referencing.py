"""Benchmark: the referencing assistant against the decisions in the data, beside the naive baseline.

Runs ``qualbridge.referencing.evaluate`` in both modes (lexical; semantic when torch and the model
package are installed) and prints per framework and overall: exact-level agreement and mean absolute
level error, the proportional baseline measured on the same rows in the same run, and the time taken.
Then checks the issue's floor (at least 12 frameworks measured, overall exact agreement at least 80%,
better than the baseline on every framework) and says in words which parts are met. Never fails on
the figures: it reports them. Run: ``.venv/bin/python bench/referencing.py [--lexical-only]``.
"""

from __future__ import annotations

import sys
import time

from qualbridge.referencing.evaluate import Evaluation, evaluate
from qualbridge.registry.loader import get_registry

FLOOR_FRAMEWORKS, FLOOR_EXACT = 12, 0.80


def report(result: Evaluation, seconds: float) -> None:
    print(f"\n== {result.method} ({seconds:.1f} s) ==")
    print(f"{'alignment':32} {'rows':>4} {'exact':>6} {'mae':>5} | {'base':>6} {'mae':>5}  better")
    for fr in result.frameworks:
        a, b = fr.assistant, fr.baseline
        print(
            f"{fr.alignment:32} {a.rows:>4} {a.exact_agreement:>6.1%} {a.mae:>5.2f} | "
            f"{b.exact_agreement:>6.1%} {b.mae:>5.2f}  {'yes' if fr.beats_baseline else 'no'}"
        )
    o, b = result.overall, result.baseline
    print(f"overall: exact {o.exact_agreement:.1%}, mae {o.mae:.2f} on {o.rows} rows")
    print(f"baseline: exact {b.exact_agreement:.1%}, mae {b.mae:.2f}")
    print(
        f"verified rows only ({result.overall_verified.rows}): exact {result.overall_verified.exact_agreement:.1%}, "
        f"baseline {result.baseline_verified.exact_agreement:.1%}"
    )
    sources = {fr.source for fr in result.frameworks}
    print(f"frameworks measured: {len(sources)} ({len(result.frameworks)} alignments)")
    print(
        "floor: "
        + ", ".join(
            (
                f"{'met' if len(sources) >= FLOOR_FRAMEWORKS else 'NOT met'}: >= {FLOOR_FRAMEWORKS} frameworks",
                f"{'met' if o.exact_agreement >= FLOOR_EXACT else 'NOT met'}: exact >= {FLOOR_EXACT:.0%}",
                f"{'met' if all(fr.beats_baseline for fr in result.frameworks) else 'NOT met'}: better than "
                "the baseline on every framework",
            )
        )
    )


def main() -> None:
    registry = get_registry()
    modes = [False] if "--lexical-only" in sys.argv else [False, True]
    for semantic in modes:
        start = time.perf_counter()
        try:
            result = evaluate(registry, semantic=semantic)
        except Exception as exc:  # the semantic mode without its packages: say so, go on
            print(f"\n== {'semantic' if semantic else 'lexical'}: not run ({exc}) ==")
            continue
        report(result, time.perf_counter() - start)


if __name__ == "__main__":
    main()
