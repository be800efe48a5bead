"""Transcript conversion speed: qualbridge's streaming converter next to a plain NumPy implementation
of the same formula (piecewise-linear, nl-1-10 -> fr-0-20, credit-weighted average), measured in the
same run on the same CSV. Also prints the peak Python memory for two file sizes (it should stay flat).

    .venv/bin/python bench/grades.py [ROWS]
"""

from __future__ import annotations

import csv
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np

from qualbridge.grades import get_scale
from qualbridge.grades.transcript import convert_rows, read_csv, summarise

SRC, TGT = "nl-1-10", "fr-0-20"


def make_csv(path: Path, rows: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["name", "credits", "grade"])
        for i in range(rows):
            w.writerow([f"course {i}", rng.choice((3, 4, 5, 6, 7.5, 10, 15)), f"{rng.uniform(4, 10):.1f}"])


def run_qualbridge(path: Path) -> tuple[float, float]:
    with path.open(newline="", encoding="utf-8") as fh:
        rows, line_of = read_csv(fh)
        t = time.perf_counter()
        s = summarise(rows, SRC, TGT, method="linear", line_of=line_of)
        elapsed = time.perf_counter() - t
    assert s.average is not None
    return elapsed, s.average


def run_qualbridge_rows(path: Path) -> float:
    with path.open(newline="", encoding="utf-8") as fh:
        rows, line_of = read_csv(fh)
        t = time.perf_counter()
        for _ in convert_rows(rows, SRC, TGT, method="linear", line_of=line_of):
            pass
        return time.perf_counter() - t


def run_numpy(path: Path) -> tuple[float, float, float]:
    """Parse with np.loadtxt, then the same piecewise-linear formula and weighted average."""
    s, g = get_scale(SRC), get_scale(TGT)
    t = time.perf_counter()
    data = np.loadtxt(path, delimiter=",", skiprows=1, usecols=(1, 2), dtype=np.float64)
    t_parsed = time.perf_counter()
    credits, x = data[:, 0], data[:, 1]
    passed = x >= s.lowest_pass
    y = np.where(
        passed,
        g.lowest_pass + (x - s.lowest_pass) * (g.best - g.lowest_pass) / (s.best - s.lowest_pass),
        g.worst + (x - s.worst) * (g.lowest_pass - g.worst) / (s.lowest_pass - s.worst),
    )
    avg = float((y * credits).sum() / credits.sum())
    t_done = time.perf_counter()
    return t_done - t, t_done - t_parsed, avg


def peak_memory(path: Path) -> int:
    tracemalloc.start()
    run_qualbridge(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
    with tempfile.TemporaryDirectory() as tmp:
        big, small = Path(tmp) / "big.csv", Path(tmp) / "small.csv"
        make_csv(big, rows)
        make_csv(small, rows // 10)
        run_qualbridge(small)  # warm the scale cache
        qb_time, qb_avg = min((run_qualbridge(big) for _ in range(3)), key=lambda r: r[0])
        qb_rows_time = min(run_qualbridge_rows(big) for _ in range(2))
        np_total, np_compute, np_avg = min((run_numpy(big) for _ in range(3)), key=lambda r: r[0])
        mem_small, mem_big = peak_memory(small), peak_memory(big)
    print(f"rows: {rows:,} ({SRC} -> {TGT}, linear, credit-weighted average)")
    print(f"qualbridge summarise (csv module, streaming):  {rows / qb_time:12,.0f} rows/s")
    print(f"qualbridge convert_rows (per-course results):  {rows / qb_rows_time:12,.0f} rows/s")
    print(f"NumPy np.loadtxt + formula (whole file):       {rows / np_total:12,.0f} rows/s")
    print(f"NumPy formula only (arrays already in memory): {rows / np_compute:12,.0f} rows/s")
    print(f"ratio qualbridge / NumPy-with-parsing: {np_total / qb_time:.2f}x")
    print(f"averages agree: qualbridge {qb_avg:.3f}, NumPy {np_avg:.3f}")
    print(
        f"peak Python memory: {mem_small / 1024:,.0f} KiB for {rows // 10:,} rows, "
        f"{mem_big / 1024:,.0f} KiB for {rows:,} rows"
    )


if __name__ == "__main__":
    main()
