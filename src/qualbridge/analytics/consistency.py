"""Are like cases decided alike? Counts, outliers against precedent, drift, and agreement between raters.

The conventions ask recognition decisions to be consistent and reasoned; ENIC-NARIC offices keep
precedent databases for that. Here an office's decided cases are plain :class:`Decided` records (the
web app builds them from its database), so every figure can be recomputed and tested without one:

- :func:`tally` counts decisions by any field (country, qualification type, purpose, evaluator, month);
- :func:`outliers` finds a decision unlike the precedents for the same qualification type and purpose
  (at least :data:`MIN_PRECEDENTS` other decisions, and this one not among the most common ones);
- :func:`cohen_kappa` and :func:`fleiss_kappa` measure agreement between evaluators on the same cases
  (training cases), corrected for chance.

>>> round(cohen_kappa(["full", "full", "partial", "full"], ["full", "partial", "partial", "full"]), 2)
0.5
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

#: precedents needed before a decision can be called unlike them
MIN_PRECEDENTS = 3


@dataclasses.dataclass(frozen=True, slots=True)
class Decided:
    """One decided case, reduced to what the analytics read."""

    reference: str
    qualification_type: str  # "" when the credential had no registry type
    country: str
    purpose: str
    decision: str
    evaluator: str
    month: str  # "2026-11"


@dataclasses.dataclass(frozen=True, slots=True)
class Outlier:
    case: Decided
    usual: tuple[str, ...]  # the most common decision(s) among the precedents
    precedents: int  # how many other decisions of the same type and purpose


def tally(cases: Iterable[Decided], key: Callable[[Decided], str]) -> dict[str, Counter[str]]:
    """For each value of ``key``: how many cases got each decision."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for case in cases:
        out[key(case)][case.decision] += 1
    return dict(sorted(out.items()))


def outliers(cases: Sequence[Decided], minimum: int = MIN_PRECEDENTS) -> list[Outlier]:
    """Decisions unlike their precedents (same qualification type and purpose; untyped cases are skipped)."""
    groups: dict[tuple[str, str], list[Decided]] = defaultdict(list)
    for case in cases:
        if case.qualification_type:
            groups[(case.qualification_type, case.purpose)].append(case)
    found: list[Outlier] = []
    for group in groups.values():
        if len(group) - 1 < minimum:
            continue
        counts = Counter(c.decision for c in group)
        top = max(counts.values())
        usual = tuple(sorted(d for d, n in counts.items() if n == top))  # a tie keeps every tied decision
        found += [Outlier(case, usual, len(group) - 1) for case in group if case.decision not in usual]
    return sorted(found, key=lambda o: o.case.reference)


def cohen_kappa(first: Sequence[str], second: Sequence[str]) -> float:
    """Cohen's kappa of two raters over the same items (1 = full agreement, 0 = chance)."""
    if len(first) != len(second) or not first:
        raise ValueError("two ratings of the same, non-empty list of items are needed")
    n = len(first)
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    a_counts, b_counts = Counter(first), Counter(second)
    expected = sum(a_counts[c] * b_counts[c] for c in a_counts) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def fleiss_kappa(table: Sequence[Sequence[int]]) -> float:
    """Fleiss' kappa: ``table[i][j]`` raters put item ``i`` in category ``j`` (same raters per item).

    >>> round(fleiss_kappa([[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0],
    ...     [2, 2, 8, 1, 1], [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0],
    ...     [0, 2, 2, 3, 7]]), 3)
    0.21
    """
    raters = {sum(row) for row in table}
    if len(raters) != 1 or not table or raters == {0} or raters == {1}:
        raise ValueError("every item needs the same number (at least 2) of ratings")
    n = raters.pop()
    items = len(table)
    per_item = [(sum(c * c for c in row) - n) / (n * (n - 1)) for row in table]
    shares = [sum(row[j] for row in table) / (items * n) for j in range(len(table[0]))]
    observed = sum(per_item) / items
    expected = sum(p * p for p in shares)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)
