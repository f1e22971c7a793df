"""Exact dynamic-programming search over beads inside a band of the alignment grid.

The grid has a node (i, j) for every pair of prefix lengths: i source and j
target sentences consumed. A bead of type (a, b) is an edge from (i-a, j-b)
to (i, j). The search finds the path from (0, 0) to (n, m) with the highest
total bead score among the nodes of a band: row i keeps the `width` columns
starting at `band.lo[i]`. Inside the band the search is exact.

Rows are computed one at a time, vectorised over the columns of the band;
the 0-1 skips, which stay on a row, are folded in with a running maximum.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from dpa_compare.align.beads import BeadType
from dpa_compare.errors import AlignmentError

BeadScoreFn = Callable[[int, int, int, np.ndarray], np.ndarray]
"""score(i, a, b, J) -> scores of the beads covering source i-a..i-1 and target J-b..J-1."""

NEG = -np.inf


@dataclass(frozen=True)
class Band:
    """The searched part of the grid: row i holds columns lo[i] .. lo[i] + width - 1."""

    lo: np.ndarray
    width: int

    @classmethod
    def full(cls, n: int, m: int) -> Band:
        """Return the band that covers the whole (n+1) × (m+1) grid."""
        return cls(np.zeros(n + 1, dtype=np.int64), m + 1)

    @classmethod
    def around(cls, path: Sequence[tuple[int, int]], n: int, m: int, margin: int) -> Band:
        """Return a band holding every node within `margin` columns of `path`.

        `path` is a list of grid nodes (i, j) from (0, 0) to (n, m), ascending;
        rows the path jumps over get columns interpolated between its nodes.
        """
        rows = np.array([p[0] for p in path], dtype=np.float64)
        cols = np.array([p[1] for p in path], dtype=np.float64)
        keys, first = np.unique(rows, return_index=True)
        last = len(rows) - 1 - np.unique(rows[::-1], return_index=True)[1]
        grid = np.arange(n + 1, dtype=np.float64)
        low = np.floor(np.interp(grid, keys, cols[first])).astype(np.int64) - margin
        high = np.ceil(np.interp(grid, keys, cols[last])).astype(np.int64) + margin
        lo = np.clip(low, 0, m)
        width = int(min(m + 1, (np.minimum(high, m) - lo).max() + 1))
        lo = np.minimum(lo, m + 1 - width)
        return cls(lo, width)

    def columns(self, i: int) -> np.ndarray:
        """Return the grid columns of row `i`."""
        return self.lo[i] + np.arange(self.width)


@dataclass(frozen=True)
class Step:
    """One bead of the best path: its type, the node it ends at, its score."""

    kind: BeadType
    i: int
    j: int
    score: float


def search(n: int, m: int, types: Sequence[BeadType], score: BeadScoreFn,
           skip_tgt: np.ndarray, band: Band) -> list[Step]:
    """Return the highest-scoring bead path from (0, 0) to (n, m) inside `band`.

    `score` scores every type except (0, 1); `skip_tgt[k]` is the score of the
    0-1 bead holding target sentence k. Raises AlignmentError when the band
    holds no complete path.
    """
    width = band.width
    total = np.full((n + 1, width), NEG)
    back = np.full((n + 1, width), -1, dtype=np.int8)
    moving = [(t, kind) for t, kind in enumerate(types) if kind[0] > 0]
    skip_index = types.index((0, 1)) if (0, 1) in types else -1
    skip_cum = np.concatenate([[0.0], np.cumsum(skip_tgt)])
    for i in range(n + 1):
        cols = band.columns(i)
        best = np.full(width, NEG)
        arrow = np.full(width, -1, dtype=np.int8)
        if i == 0 and band.lo[0] == 0:
            best[0] = 0.0
        for t, (a, b) in moving:
            if a > i:
                continue
            _relax(total[i - a], band.lo[i - a], cols, a, b, i, m, width, score, t, best, arrow)
        if skip_index >= 0:
            _fold_skips(best, arrow, cols, m, skip_cum, skip_index)
        total[i], back[i] = best, arrow
    return _trace(total, back, band, types, n, m)


def _relax(prev_row: np.ndarray, prev_lo: int, cols: np.ndarray, a: int, b: int, i: int, m: int,
           width: int, score: BeadScoreFn, t: int, best: np.ndarray, arrow: np.ndarray) -> None:
    prev_cols = cols - b
    idx = prev_cols - prev_lo
    ok = (idx >= 0) & (idx < width) & (prev_cols >= 0) & (cols <= m)
    if not ok.any():
        return
    where = np.flatnonzero(ok)
    before = prev_row[idx[where]]
    live = before > NEG
    if not live.any():
        return
    where, before = where[live], before[live]
    candidate = before + score(i, a, b, cols[where])
    better = candidate > best[where]
    best[where[better]] = candidate[better]
    arrow[where[better]] = t


def _fold_skips(best: np.ndarray, arrow: np.ndarray, cols: np.ndarray, m: int,
                skip_cum: np.ndarray, skip_index: int) -> None:
    # -- D[j] = max(best[j], D[j-1] + skip[j-1]) unrolls to a running maximum of best - P --
    valid = cols <= m
    offset = np.where(valid, skip_cum[np.minimum(cols, m)], 0.0)
    shifted = np.where(valid, best - offset, NEG)
    running = np.maximum.accumulate(shifted)
    from_left = running > shifted
    from_left[0] = False
    best[from_left] = running[from_left] + offset[from_left]
    arrow[from_left] = skip_index


def _trace(total: np.ndarray, back: np.ndarray, band: Band, types: Sequence[BeadType],
           n: int, m: int) -> list[Step]:
    j_index = m - band.lo[n]
    if not 0 <= j_index < band.width or total[n, j_index] == NEG:
        raise AlignmentError(f"no alignment path inside the search band ({n} × {m} sentences); "
                             "widen the band (AlignOptions.margin)")
    steps: list[Step] = []
    i, j = n, m
    while (i, j) != (0, 0):
        col = j - band.lo[i]
        t = int(back[i, col])
        if t < 0:
            raise AlignmentError(f"alignment back-trace broke at node ({i}, {j})")
        a, b = types[t]
        prev = total[i - a, j - b - band.lo[i - a]]
        steps.append(Step((a, b), i, j, float(total[i, col] - prev)))
        i, j = i - a, j - b
    steps.reverse()
    return steps


__all__ = ["Band", "BeadScoreFn", "Step", "search"]
