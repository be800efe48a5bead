"""The best monotone alignment of ordered levels, by dynamic programming.

Given a score for every (level, reference level) pair, choose one reference level per level so that a
higher level never maps lower than the level below it, maximising the total score. Several levels may
share a reference level (Ireland's NFQ 7 and 8 both sit at EQF 6), and a level whose score for a
neighbouring reference level is within ``tie`` of its best is given both (one level to several), as
long as the order still holds. Ties between equal totals go to the lower reference level, so the
answer never depends on dictionary order.

>>> monotone_alignment([[0.9, 0.1], [0.8, 0.2], [0.1, 0.7]])
[0, 0, 1]
>>> monotone_alignment([[0.1, 0.9], [0.9, 0.3]])  # crossing is not allowed: the better total wins
[1, 1]
>>> monotone_alignment([[0.9, 0.1], [0.8, 0.2]], step_weight=1.0)  # the even step outweighs 0.6
[0, 1]
"""

from __future__ import annotations

from collections.abc import Sequence


def monotone_alignment(
    scores: Sequence[Sequence[float]],
    step_weight: float = 0.0,
    rows_at: Sequence[float] | None = None,
    cols_at: Sequence[float] | None = None,
    end_weight: float = 0.0,
) -> list[int]:
    """For each row, the column chosen by the best non-decreasing assignment.

    ``step_weight`` charges each step between consecutive rows for how far it is from the even step
    (the ladder's shape: a framework with as many levels as the reference usually steps one by one);
    0 leaves the descriptors alone to decide. ``rows_at`` and ``cols_at`` place the rows and columns on
    their ladders (0 = lowest level, 1 = highest), so a level left out for want of descriptors still
    counts as a rung; by default the rows and columns are evenly spaced. ``end_weight`` charges the
    lowest and highest levels for how far they stand from the reference ladder's ends (most frameworks
    span the reference's range; NZQCF level 1 at EQF 2 shows that the descriptors may overrule it).
    """
    n = len(scores)
    if n == 0:
        return []
    m = len(scores[0])
    if m == 0:
        raise ValueError("no reference levels to align to")
    rows_at = list(rows_at) if rows_at is not None else [i / (n - 1) if n > 1 else 0.0 for i in range(n)]
    cols_at = list(cols_at) if cols_at is not None else [j / (m - 1) if m > 1 else 0.0 for j in range(m)]
    unit = (m - 1) if m > 1 else 1.0  # penalties in reference levels
    # total[i][j]: best total of rows 0..i with row i at column j; back[i][j]: row i-1's column then
    total = [[0.0] * m for _ in range(n)]
    back = [[0] * m for _ in range(n)]
    # the ends: the lowest and highest levels are charged for standing apart from the reference's ends
    total[0] = [float(v) - end_weight * unit * abs(cols_at[j] - rows_at[0]) for j, v in enumerate(scores[0])]
    for i in range(1, n):
        for j in range(m):
            best_k, best_v = 0, float("-inf")
            for k in range(j + 1):
                step = (cols_at[j] - cols_at[k]) - (rows_at[i] - rows_at[i - 1])
                v = total[i - 1][k] - step_weight * unit * abs(step)
                if v > best_v + 1e-12:
                    best_k, best_v = k, v
            total[i][j] = best_v + float(scores[i][j])
            back[i][j] = best_k
    final = [total[n - 1][c] - end_weight * unit * abs(cols_at[c] - rows_at[n - 1]) for c in range(m)]
    j = max(range(m), key=lambda c: (final[c], -c))
    path = [j]
    for i in range(n - 1, 0, -1):
        j = back[i][j]
        path.append(j)
    return path[::-1]


def centred(scores: Sequence[Sequence[float]]) -> list[list[float]]:
    """Scores with each row's and each column's mean taken out, in units of their spread.

    A reference level with long, general wording is close to everything; centring removes that pull
    (and a level's general closeness to all), leaving which pairing stands out.

    >>> centred([[1.0, 0.0], [0.0, 1.0]])
    [[1.0, -1.0], [-1.0, 1.0]]
    """
    n, m = len(scores), len(scores[0])
    rows = [sum(r) / m for r in scores]
    cols = [sum(scores[i][j] for i in range(n)) / n for j in range(m)]
    grand = sum(rows) / n
    out = [[scores[i][j] - rows[i] - cols[j] + grand for j in range(m)] for i in range(n)]
    spread = (sum(v * v for r in out for v in r) / (n * m)) ** 0.5 or 1.0
    return [[v / spread for v in r] for r in out]


def widen(scores: Sequence[Sequence[float]], path: Sequence[int], tie: float) -> list[tuple[int, ...]]:
    """Each row's chosen column plus adjacent columns scoring within ``tie`` of it, kept in order.

    >>> widen([[0.5, 0.49, 0.1], [0.1, 0.2, 0.9]], [0, 2], tie=0.02)
    [(0, 1), (2,)]
    """
    out: list[tuple[int, ...]] = []
    for i, j in enumerate(path):
        low = path[i - 1] if i > 0 else 0
        high = path[i + 1] if i + 1 < len(path) else len(scores[i]) - 1
        chosen = [j]
        for k in (j - 1, j + 1):
            if low <= k <= high and scores[i][k] >= scores[i][j] - tie:
                chosen.append(k)
        out.append(tuple(sorted(chosen)))
    return out
