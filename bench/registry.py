"""How long a fresh process takes to load the whole registry, cold.

Prints the cold load (compiled cache present, new interpreter) next to a baseline measured in the same
run: parsing and validating every YAML file from scratch. The issue's floor is 150 ms cold.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

LOAD = "import time; t=time.perf_counter(); from qualbridge.registry import load_registry; load_registry(); print(time.perf_counter()-t)"
PARSE = "import time; t=time.perf_counter(); from qualbridge.registry import load_registry; load_registry(use_cache=False); print(time.perf_counter()-t)"
STARTUP = "import time; t=time.perf_counter(); print(time.perf_counter()-t)"


def measure(code: str, runs: int = 7) -> float:
    times = [float(subprocess.check_output([sys.executable, "-c", code], text=True)) for _ in range(runs)]
    return statistics.median(times) * 1000


def main() -> None:
    subprocess.check_call(
        [sys.executable, "-c", "from qualbridge.registry import load_registry; load_registry()"]
    )
    t0 = time.perf_counter()
    cold = measure(LOAD)
    baseline = measure(PARSE, runs=3)
    from qualbridge.registry import load_registry

    reg = load_registry()
    print(
        f"registry: {len(reg.frameworks)} frameworks, {len(reg.alignments)} alignments, "
        f"{len(reg.qualifications)} qualification types (data {reg.data_version})"
    )
    print(f"cold load, compiled cache:       {cold:8.1f} ms (floor: 150 ms)")
    print(f"baseline, parse all YAML:        {baseline:8.1f} ms")
    print(f"ratio baseline / cached:         {baseline / cold:8.1f}x")
    print(f"(benchmark took {time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main()
