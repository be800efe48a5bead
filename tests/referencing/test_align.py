"""The alignment's properties: order kept, ties settled the same way every time, one level to several."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from qualbridge.referencing.align import centred, monotone_alignment, widen

matrices = st.integers(1, 9).flatmap(
    lambda n: st.integers(1, 9).flatmap(
        lambda m: st.lists(
            st.lists(st.floats(0, 1, allow_nan=False), min_size=m, max_size=m), min_size=n, max_size=n
        )
    )
)


@given(matrices, st.sampled_from([0.0, 0.5, 1.5]))
def test_a_higher_level_never_maps_lower(scores: list[list[float]], weight: float) -> None:
    path = monotone_alignment(scores, weight)
    assert len(path) == len(scores)
    assert all(0 <= j < len(scores[0]) for j in path)
    assert all(a <= b for a, b in itertools.pairwise(path))


@given(matrices)
def test_without_the_step_weight_no_monotone_path_scores_higher(scores: list[list[float]]) -> None:
    path = monotone_alignment(scores)
    total = sum(scores[i][j] for i, j in enumerate(path))
    n, m = len(scores), len(scores[0])
    # every non-decreasing path is as good or worse (brute force on small matrices)
    if m**n <= 4096:
        import itertools

        for cand in itertools.product(range(m), repeat=n):
            if all(a <= b for a, b in itertools.pairwise(cand)):
                assert sum(scores[i][j] for i, j in enumerate(cand)) <= total + 1e-9


def test_ties_go_to_the_lower_level() -> None:
    assert monotone_alignment([[0.5, 0.5, 0.5]]) == [0]
    assert monotone_alignment([[0.5, 0.5], [0.5, 0.5]]) == [0, 0]


def test_several_levels_may_share_one_target() -> None:
    scores = [[0.9, 0.1, 0.0], [0.8, 0.3, 0.0], [0.7, 0.2, 0.1], [0.0, 0.1, 0.9]]
    assert monotone_alignment(scores) == [0, 0, 0, 2]


def test_a_level_close_to_two_neighbours_is_given_both() -> None:
    scores = [[0.9, 0.1, 0.0], [0.1, 0.60, 0.59], [0.0, 0.1, 0.9]]
    path = monotone_alignment(scores)
    assert path == [0, 1, 2]
    assert widen(scores, path, tie=0.02) == [(0,), (1, 2), (2,)]
    # a neighbour below the level beneath's target is never added (the order holds)
    assert widen([[0.1, 0.9], [0.89, 0.9]], [1, 1], tie=0.05) == [(1,), (1,)]


def test_the_even_step_settles_what_the_descriptors_leave_open() -> None:
    flat = [[0.5] * 4 for _ in range(4)]
    assert monotone_alignment(flat, 1.0) == [0, 1, 2, 3]


def test_centring_removes_a_column_that_is_close_to_everything() -> None:
    # reference level 2 has long general wording: raw scores pull every level to it
    raw = [[0.6, 0.7, 0.2], [0.3, 0.8, 0.3], [0.2, 0.7, 0.6]]
    assert monotone_alignment(raw) == [1, 1, 1]
    assert monotone_alignment(centred(raw)) == [0, 1, 2]


def test_the_ends_pull_the_lowest_and_highest_levels_to_the_reference_ends() -> None:
    # descriptors that slightly prefer a shift down by one: the ends' weight undoes it
    shifted = [[0.0, 0.6, 0.5, 0.0], [0.0, 0.0, 0.6, 0.5], [0.0, 0.0, 0.0, 0.6], [0.0, 0.0, 0.0, 0.55]]
    rows_at = [0.0, 1 / 3, 2 / 3, 1.0]
    assert monotone_alignment(shifted, 1.0, rows_at)[0] == 1
    assert monotone_alignment(shifted, 1.0, rows_at, end_weight=1.0)[0] == 0
