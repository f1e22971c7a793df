"""Exact dynamic-programming search over beads inside a band of the alignment grid.

The grid has a node (i, j) for every pair of prefix lengths: i source and j
target sentences consumed. A bead of type (a, b) is an edge from (i-a, j-b)
to (i, j). The search finds the path from (0, 0) to (n, m) with the highest
total bead score among the nodes of a band: row i keeps the `width` columns
starting at `band.lo[i]`. Inside the band the search is exact.

Bead scores come as tables, one per bead type and chunk of rows, each (rows × width) in band
coordinates, so that a scorer computes them with a few array operations instead of one call per row.
The search itself walks the rows one at a time (row i needs the rows its widest bead type reaches
back to), each bead type being a shifted slice of an earlier row; the 0-1 skips, which stay on a
row, are folded in with a running maximum. Time and memory are O(n · width).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from dpa_compare.align.evidence.band import NEG, Band
from dpa_compare.align.evidence.beads import BeadType
from dpa_compare.errors import AlignmentError

BeadScoreFn = Callable[[int, int, int, np.ndarray], np.ndarray]
"""score(i, a, b, J) -> scores of the beads covering source i-a..i-1 and target J-b..J-1."""

TableFn = Callable[[int, int, int, int, "Band"], np.ndarray]
"""table(a, b, start, stop, band) -> scores of (a, b) beads ending at rows start..stop-1,
columns band.lo[i] + 0..width-1 (shape (stop - start, width); -inf where impossible)."""

CHUNK = 512
"""Rows whose score tables are computed at once (bounds the tables' memory)."""


@dataclass(frozen=True)
class Step:
    """One bead of the best path: its type, the node it ends at, its score."""

    kind: BeadType
    i: int
    j: int
    score: float
    margin: float = np.inf
    """How much the best path into node (i, j) beats the best path arriving by another
    bead type or from another node (inf when there is no other way in)."""


def row_tables(score: BeadScoreFn, m: int) -> TableFn:
    """Return a table function that asks the per-row `score` function row by row (m: last
    column)."""

    def table(a: int, b: int, start: int, stop: int, band: Band) -> np.ndarray:
        out = np.full((stop - start, band.width), NEG)
        for i in range(max(start, a), stop):
            cols = band.columns(i)
            ok = (cols >= b) & (cols <= m)
            if ok.any():
                out[i - start, ok] = score(i, a, b, cols[ok])
        return out

    return table


def search(
    n: int,
    m: int,
    types: Sequence[BeadType],
    score: BeadScoreFn | None,
    skip_tgt: np.ndarray,
    band: Band,
    table: TableFn | None = None,
) -> list[Step]:
    """Return the highest-scoring bead path from (0, 0) to (n, m) inside `band`.

    Bead scores come from `table` when given, else from the per-row `score`;
    neither is asked about (0, 1): `skip_tgt[k]` is the score of the 0-1 bead
    holding target sentence k. Raises
    AlignmentError when the band holds no complete path.
    """
    if table is None:
        if score is None:
            raise ValueError("search needs a score or a table function")
        table = row_tables(score, m)
    width = band.width
    total = np.full((n + 1, width), NEG)
    second = np.full((n + 1, width), NEG)
    back = np.full((n + 1, width), -1, dtype=np.int8)
    moving = [(t, kind) for t, kind in enumerate(types) if kind[0] > 0]
    skip_index = types.index((0, 1)) if (0, 1) in types else -1
    skip_cum = np.concatenate([[0.0], np.cumsum(skip_tgt)])
    for start in range(0, n + 1, CHUNK):
        stop = min(start + CHUNK, n + 1)
        tables = [(t, a, b, table(a, b, start, stop, band)) for t, (a, b) in moving]
        for i in range(start, stop):
            best, runner_up, arrow = total[i], second[i], back[i]
            if i == 0 and band.lo[0] == 0:
                best[0] = 0.0
            for t, a, b, scores in tables:
                if a <= i:
                    _relax(
                        total[i - a],
                        int(band.lo[i] - band.lo[i - a]) - b,
                        scores[i - start],
                        best,
                        runner_up,
                        arrow,
                        t,
                    )
            if skip_index >= 0:
                _fold_skips(best, runner_up, arrow, band.columns(i), m, skip_cum, skip_index)
    return _trace(total, second, back, band, types, n, m)


def _relax(
    prev_row: np.ndarray,
    shift: int,
    scores: np.ndarray,
    best: np.ndarray,
    runner_up: np.ndarray,
    arrow: np.ndarray,
    t: int,
) -> None:
    # -- column k of this row comes from column k + shift of the earlier row --
    width = len(best)
    k0, k1 = max(0, -shift), min(width, width - shift)
    if k0 >= k1:
        return
    candidate = prev_row[k0 + shift : k1 + shift] + scores[k0:k1]
    target = best[k0:k1]
    # -- the runner-up is the larger of the old runner-up and the loser of this comparison --
    np.maximum(runner_up[k0:k1], np.minimum(candidate, target), out=runner_up[k0:k1])
    better = candidate > target
    if better.any():
        np.copyto(target, candidate, where=better)
        arrow[k0:k1][better] = t


def _fold_skips(
    best: np.ndarray,
    runner_up: np.ndarray,
    arrow: np.ndarray,
    cols: np.ndarray,
    m: int,
    skip_cum: np.ndarray,
    skip_index: int,
) -> None:
    # -- D[j] = max(best[j], D[j-1] + skip[j-1]) unrolls to a running maximum of best - P --
    valid = cols <= m
    offset = np.where(valid, skip_cum[np.minimum(cols, m)], 0.0)
    shifted = np.where(valid, best - offset, NEG)
    running = np.maximum.accumulate(shifted)
    from_skip = np.concatenate([[NEG], running[:-1]]) + offset
    np.maximum(runner_up, np.minimum(from_skip, best), out=runner_up)
    from_left = running > shifted
    from_left[0] = False
    best[from_left] = running[from_left] + offset[from_left]
    arrow[from_left] = skip_index


def _trace(
    total: np.ndarray,
    second: np.ndarray,
    back: np.ndarray,
    band: Band,
    types: Sequence[BeadType],
    n: int,
    m: int,
) -> list[Step]:
    j_index = m - band.lo[n]
    if not 0 <= j_index < band.width or total[n, j_index] == NEG:
        raise AlignmentError(
            f"no alignment path inside the search band ({n} × {m} sentences); "
            "widen the band (AlignOptions.margin)"
        )
    steps: list[Step] = []
    i, j = n, m
    while (i, j) != (0, 0):
        col = j - band.lo[i]
        t = int(back[i, col])
        if t < 0:
            raise AlignmentError(f"alignment back-trace broke at node ({i}, {j})")
        a, b = types[t]
        prev = total[i - a, j - b - band.lo[i - a]]
        steps.append(
            Step((a, b), i, j, float(total[i, col] - prev), float(total[i, col] - second[i, col]))
        )
        i, j = i - a, j - b
    steps.reverse()
    return steps


__all__ = ["CHUNK", "BeadScoreFn", "Step", "TableFn", "row_tables", "search"]
