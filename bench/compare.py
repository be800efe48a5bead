"""Benchmark of the comparability engine (prints figures; never passes or fails on time).

    .venv/bin/python bench/compare.py [--seconds 2]

1. Comparisons per second after warm-up: ``compare(query, to)`` over a mix of level ids, type ids and
   names against several target frameworks, next to a plain dictionary look-up of the same precomputed
   answers measured in the same run (the ratio is what the engine costs over a bare look-up).
2. The table of every framework pair, built from cold by a fresh engine.

Both wall-clock and CPU time are printed: on a shared machine the CPU time of this process is the
fairer figure.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from qualbridge.compare import compare
from qualbridge.compare.engine import Engine
from qualbridge.compare.matrix import all_pairs
from qualbridge.errors import QualbridgeError
from qualbridge.registry.loader import Registry, parse_files

TARGETS = ["eu-eqf", "gb-scqf", "nz-nzqcf", "jp-jeqf", "isced-2011"]
NAMES = [
    ("学士", "jp"),
    ("Licence professionnelle", "fr"),
    ("Meister", "de"),
    ("Bachelor Honours Degree", "nz"),
]


def queries(registry: Registry) -> list[tuple[str, str, str | None]]:
    out: list[tuple[str, str, str | None]] = []
    targets = [t for t in TARGETS if t in registry.frameworks]
    for level in sorted(registry.levels):
        out.extend((level, t, None) for t in targets)
    for type_id in sorted(registry.qualifications):
        out.extend((type_id, t, None) for t in targets[:2])
    for name, country in NAMES:
        if country.upper() in registry.types_by_jurisdiction:
            out.extend((name, t, country) for t in targets)
    return out


def timed(run: Callable[[], int], seconds: float) -> tuple[int, float, float]:
    """Repeat ``run`` (which returns how many operations it did) for about ``seconds``."""
    done, wall0, cpu0 = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - wall0 < seconds:
        done += run()
    return done, time.perf_counter() - wall0, time.process_time() - cpu0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0)
    args = parser.parse_args()

    registry, problems = parse_files()
    if problems:
        raise SystemExit(f"the data files do not load: {problems[0]}")
    qs = []
    for q, t, c in queries(registry):  # warm-up: every answer computed once
        try:
            compare(q, t, c, registry=registry)
            qs.append((q, t, c))
        except QualbridgeError:
            pass
    precomputed = {(q, t, c): compare(q, t, c, registry=registry) for q, t, c in qs}

    def engine_run() -> int:
        for q, t, c in qs:
            compare(q, t, c, registry=registry)
        return len(qs)

    def dict_run() -> int:
        get = precomputed.__getitem__
        for q, t, c in qs:
            get((q, t, c))
        return len(qs)

    n_e, wall_e, cpu_e = timed(engine_run, args.seconds)
    n_d, wall_d, cpu_d = timed(dict_run, args.seconds)
    qps_e, qps_d = n_e / cpu_e, n_d / cpu_d
    print(
        f"data version {registry.data_version}: {len(registry.frameworks)} frameworks, "
        f"{len(registry.levels)} levels, {len(registry.qualifications)} types, {len(registry.alignments)} decisions"
    )
    print(f"queries in the mix: {len(qs)}")
    print(f"compare() after warm-up : {qps_e:>12,.0f} comparisons/s CPU  ({n_e / wall_e:,.0f}/s wall)")
    print(f"plain dict look-up      : {qps_d:>12,.0f} look-ups/s CPU      ({n_d / wall_d:,.0f}/s wall)")
    print(f"ratio dict / compare    : {qps_d / qps_e:>12.2f}x")

    fresh_registry, _ = parse_files()
    wall0, cpu0 = time.perf_counter(), time.process_time()
    engine = Engine(fresh_registry)
    fresh_registry.derived["compare-engine"] = engine
    tables = all_pairs(fresh_registry)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    rows = sum(len(r) for r in tables.values())
    print(
        f"every framework pair    : {len(tables)} tables, {rows} rows in {cpu:.2f} s CPU ({wall:.2f} s wall), "
        "from a cold engine"
    )


if __name__ == "__main__":
    main()
