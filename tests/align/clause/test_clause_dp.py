"""The exact clause DP: best path, margins, and the diagonal band that keeps a long window
linear."""

import time

import numpy as np

from dpa_compare.align.clause import dp as clause_dp
from dpa_compare.align.evidence.beads import BEAD_TYPES


def _diagonal_score(i, a, b, cols):
    """1-1 beads on the diagonal score 1, everything else -1 (skips -2)."""
    if a == 0 or b == 0:
        return np.full(len(cols), -2.0)
    return np.where((a == 1) & (b == 1) & (cols == i), 1.0, -1.0)


def test_a_small_grid_finds_the_diagonal_with_margins():
    path = clause_dp.solve(5, 5, BEAD_TYPES, _diagonal_score)
    assert [(b.kind, b.i, b.j) for b in path] == [((1, 1), k, k) for k in range(1, 6)]
    assert all(b.margin > 0 for b in path)


def test_a_long_window_is_searched_in_a_band_with_the_same_result():
    n = 400  # -- 401 × 401 cells, far above FULL_CELLS --
    assert (n + 1) ** 2 > clause_dp.FULL_CELLS
    start = time.perf_counter()
    path = clause_dp.solve(n, n, BEAD_TYPES, _diagonal_score)
    elapsed = time.perf_counter() - start
    assert [(b.kind, b.i, b.j) for b in path] == [((1, 1), k, k) for k in range(1, n + 1)]
    rows = clause_dp._band(n, n)
    assert max(len(r) for r in rows) <= 2 * clause_dp.BAND + 1
    assert elapsed < 60  # -- a hang guard, not a timing --


def test_the_band_follows_an_uneven_grid_to_its_corner():
    rows = clause_dp._band(300, 90)
    assert rows[0].start == 0 and rows[-1].stop == 91
    assert all(r.start <= round(i * 90 / 300) < r.stop for i, r in enumerate(rows))
