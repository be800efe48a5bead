"""How long a fresh process takes to load the whole registry, cold.

Each figure is the median over fresh interpreters. "import + load" counts from the first import of
qualbridge.registry (pydantic included) to a ready registry; "load" is the load_registry() call alone
in a fresh process with the compiled cache present. The baseline, measured in the same run, parses and
validates every YAML file from scratch. The issue's floor is 150 ms cold.
"""

from __future__ import annotations

import statistics
import subprocess
import sys

PROBE = """
import time
t0 = time.perf_counter()
from qualbridge.registry import load_registry
t1 = time.perf_counter()
load_registry(use_cache={cache})
t2 = time.perf_counter()
print(t2 - t0, t2 - t1)
"""


def measure(use_cache: bool, runs: int) -> tuple[float, float]:
    rows = []
    for _ in range(runs):
        out = subprocess.check_output([sys.executable, "-c", PROBE.format(cache=use_cache)], text=True)
        rows.append([float(x) * 1000 for x in out.split()])
    return statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows)


def main() -> None:
    from qualbridge.registry import load_registry

    reg = load_registry()  # make sure the compiled cache exists
    total, load = measure(True, runs=9)
    base_total, base_load = measure(False, runs=3)
    print(
        f"registry: {len(reg.frameworks)} frameworks, {len(reg.alignments)} alignments, "
        f"{len(reg.qualifications)} qualification types (data {reg.data_version})"
    )
    print(f"{'':34}{'import + load':>15}{'load':>10}")
    print(f"{'qualbridge, compiled cache':34}{total:12.1f} ms{load:7.1f} ms   (floor: 150 ms)")
    print(f"{'baseline: parse all YAML':34}{base_total:12.1f} ms{base_load:7.1f} ms")
    print(f"{'ratio baseline / qualbridge':34}{base_total / total:13.1f}x{base_load / load:9.1f}x")


if __name__ == "__main__":
    main()
