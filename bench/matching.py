"""Benchmark: qualification name matching on real published names, next to a plain rapidfuzz baseline.

The corpus (``bench/data/qualification_names.csv``) holds 582 real qualification names as two publishers
list them - the UK Department for Education's degree types (titles, abbreviations, synonyms, each with its
UK qualification level) and a list of US degree titles with their level - each row with its source. A
name is answered correctly when the one type returned is of that country and placed on the level the
publisher gives. Printed for qualbridge's matcher (:func:`qualbridge.compare.resolve.resolve`, which
refuses to guess: no match, or a tie it will not break) and for ``rapidfuzz.process.extractOne`` with
WRatio over the same names (the baseline always answers), measured in the same run:

* top-1 accuracy: the share of names answered with a correct type;
* wrongly answered: the share answered with a type of another level (what a user would act on);
* refused: the share given no single answer (the user is shown the closest types instead).

Run: ``.venv/bin/python bench/matching.py``. Never pass/fail: figures only.
"""

from __future__ import annotations

import csv
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from qualbridge.compare.resolve import resolve
from qualbridge.errors import QualbridgeError
from qualbridge.registry.loader import Registry, get_registry
from qualbridge.registry.search import normalise

CORPUS = Path(__file__).resolve().parent / "data" / "qualification_names.csv"


@dataclass(frozen=True)
class Row:
    name: str
    country: str
    levels: frozenset[str]
    form: str


def load_corpus(path: Path = CORPUS) -> list[Row]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return [
        Row(r["name"], r["country"], frozenset(r["level"].split("|")), r["form"])
        for r in csv.DictReader(lines)
    ]


def correct(registry: Registry, row: Row, type_id: str | None) -> bool:
    if type_id is None or type_id.split("/")[0] != row.country:
        return False
    return any(p.level in row.levels for p in registry.qualifications[type_id].placements)


def ours(registry: Registry, row: Row) -> str | None:
    try:
        found = resolve(registry, row.name, row.country)
    except QualbridgeError:
        return None  # refused: no match or an unbroken tie
    return found.id if found.kind == "qualification" else None


def baseline_index(registry: Registry, country: str) -> tuple[list[str], list[str]]:
    keys: list[str] = []
    owners: list[str] = []
    for qt in registry.qualifications.values():
        if qt.id.split("/")[0] != country:
            continue
        for name in dict.fromkeys([*qt.names.values(), *qt.abbreviations, *qt.aliases]):
            keys.append(normalise(name))
            owners.append(qt.id)
    return keys, owners


def baseline(index: tuple[list[str], list[str]], row: Row) -> str | None:
    keys, owners = index
    hit = process.extractOne(normalise(row.name), keys, scorer=fuzz.WRatio)
    return owners[hit[2]] if hit else None


def measure() -> None:
    registry = get_registry()
    rows = load_corpus()
    indexes = {c: baseline_index(registry, c) for c in {r.country for r in rows}}
    tallies: dict[str, Counter[str]] = {"qualbridge": Counter(), "rapidfuzz WRatio (baseline)": Counter()}
    seconds: dict[str, float] = dict.fromkeys(tallies, 0.0)
    with Progress(transient=True) as progress:
        task = progress.add_task("matching", total=len(rows))
        for row in rows:
            for method, answer in (("qualbridge", ours), ("rapidfuzz WRatio (baseline)", None)):
                start = time.perf_counter()
                got = ours(registry, row) if answer else baseline(indexes[row.country], row)
                seconds[method] += time.perf_counter() - start
                outcome = "refused" if got is None else ("right" if correct(registry, row, got) else "wrong")
                tallies[method][outcome] += 1
            progress.advance(task)
    table = Table(title=f"qualification name matching: {len(rows)} real names ({CORPUS.name})")
    for column in ("method", "top-1 accuracy", "wrongly answered", "refused", "ms per name"):
        table.add_column(column, justify="right")
    for method, tally in tallies.items():
        n = sum(tally.values())
        table.add_row(
            method,
            f"{tally['right'] / n:.1%}",
            f"{tally['wrong'] / n:.1%}",
            f"{tally['refused'] / n:.1%}",
            f"{1000 * seconds[method] / n:.2f}",
        )
    Console().print(table)
    ours_t, base_t = tallies["qualbridge"], tallies["rapidfuzz WRatio (baseline)"]
    if base_t["wrong"]:
        print(f"wrong answers, qualbridge / baseline: {ours_t['wrong'] / base_t['wrong']:.2f}")


if __name__ == "__main__":
    measure()
