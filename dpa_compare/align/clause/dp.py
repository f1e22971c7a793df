"""Exact bead DP over clause units, with max-marginals so that every bead of the best path has a
margin.

The grid and beads are those of the sentence engine (`dp.py`): node (i, j)
means i English and j Chinese units consumed; a bead of type (a, b) is an
edge from (i-a, j-b) to (i, j). Clause blocks are small (tens of units), so
the whole grid is searched — no band — and a backward pass is run as well:
the best score of any path through a bead is forward + bead + backward.

The margin of a path bead is the best total minus the best total of a path
that does not use it. Any such path covers the bead's first unit with a
different bead, so the margin is exact: best − max over the competing beads
that cover that unit of their max-marginal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from dpa_compare.align.evidence.beads import BeadType
from dpa_compare.errors import AlignmentError

ScoreFn = Callable[[int, int, int, np.ndarray], np.ndarray]
"""score(i, a, b, J) -> scores of the beads covering English i-a..i-1 and Chinese J-b..J-1."""

NEG = -np.inf
MARGIN_CAP = 50.0
FULL_CELLS = 10_000
"""Largest grid (units × units) searched whole; beyond it the search keeps to a band around the
diagonal, so that a long stretch without anchors costs time in proportion to its length."""
BAND = 40
"""Half-width of that band, in units off the straight line from (0, 0) to (n, m)."""
"""Margin reported when no competing bead exists (a 1 × 1 block linked, say)."""


@dataclass(frozen=True)
class PathBead:
    """One bead of the best path: type, end node, score, and its margin over the best path without
    it."""

    kind: BeadType
    i: int
    j: int
    score: float
    margin: float

    @property
    def en(self) -> range:
        """Return the English unit indices of the bead."""
        return range(self.i - self.kind[0], self.i)

    @property
    def zh(self) -> range:
        """Return the Chinese unit indices of the bead."""
        return range(self.j - self.kind[1], self.j)


def solve(n: int, m: int, types: Sequence[BeadType], score: ScoreFn) -> list[PathBead]:
    """Return the best bead path from (0, 0) to (n, m) with each bead's margin.

    `types` must hold (1, 0) and (0, 1) so that a path always exists.
    Raises AlignmentError when none does.
    """
    if (1, 0) not in types or (0, 1) not in types:
        raise AlignmentError(
            f"clause DP needs the skip beads (1, 0) and (0, 1) among its types, got {list(types)}"
        )
    rows = _band(n, m)
    table = _scores(n, m, types, score, rows)
    forward = _forward(n, m, types, table, rows)
    backward = _backward(n, m, types, table, rows)
    best = forward[n, m]
    if not np.isfinite(best):
        raise AlignmentError(f"no clause alignment path over {n} × {m} units")
    path = _trace(n, m, types, table, forward)
    out = []
    for t, i, j in path:
        a, b = types[t]
        rival = _best_rival(t, i, j, types, table, forward, backward, n, m)
        margin = MARGIN_CAP if not np.isfinite(rival) else min(float(best - rival), MARGIN_CAP)
        out.append(PathBead((a, b), i, j, float(table[t][i, j]), max(margin, 0.0)))
    return out


def _band(n: int, m: int) -> list[range]:
    """Return per row i the columns j searched: all of them for a small grid, else a diagonal
    band."""
    if (n + 1) * (m + 1) <= FULL_CELLS:
        return [range(0, m + 1)] * (n + 1)
    out = []
    for i in range(n + 1):
        centre = round(i * m / n) if n else m
        out.append(range(max(0, centre - BAND), min(m, centre + BAND) + 1))
    return out


def _scores(
    n: int, m: int, types: Sequence[BeadType], score: ScoreFn, rows: list[range]
) -> list[np.ndarray]:
    """Return per type t a table S[t][i, j]: the score of the bead of type t ending at (i, j)."""
    tables = []
    for a, b in types:
        table = np.full((n + 1, m + 1), NEG)
        for i in range(a, n + 1):
            start = max(b, rows[i].start)
            cols = np.arange(start, rows[i].stop)
            if len(cols):
                table[i, start : rows[i].stop] = score(i, a, b, cols)
        tables.append(table)
    return tables


def _forward(
    n: int, m: int, types: Sequence[BeadType], table: list[np.ndarray], rows: list[range]
) -> np.ndarray:
    total = np.full((n + 1, m + 1), NEG)
    total[0, 0] = 0.0
    for i in range(n + 1):
        for j in rows[i]:
            for t, (a, b) in enumerate(types):
                if (a or b) and i >= a and j >= b:
                    value = total[i - a, j - b] + table[t][i, j]
                    if value > total[i, j]:
                        total[i, j] = value
    return total


def _backward(
    n: int, m: int, types: Sequence[BeadType], table: list[np.ndarray], rows: list[range]
) -> np.ndarray:
    total = np.full((n + 1, m + 1), NEG)
    total[n, m] = 0.0
    for i in range(n, -1, -1):
        for j in reversed(rows[i]):
            for t, (a, b) in enumerate(types):
                if (a or b) and i + a <= n and j + b <= m:
                    value = total[i + a, j + b] + table[t][i + a, j + b]
                    if value > total[i, j]:
                        total[i, j] = value
    return total


def _trace(
    n: int, m: int, types: Sequence[BeadType], table: list[np.ndarray], forward: np.ndarray
) -> list[tuple[int, int, int]]:
    path = []
    i, j = n, m
    while (i, j) != (0, 0):
        for t, (a, b) in enumerate(types):
            if (
                (a or b)
                and i >= a
                and j >= b
                and np.isclose(forward[i - a, j - b] + table[t][i, j], forward[i, j])
            ):
                path.append((t, i, j))
                i, j = i - a, j - b
                break
        else:
            raise AlignmentError(f"clause alignment back-trace broke at node ({i}, {j})")
    path.reverse()
    return path


def _best_rival(
    t0: int,
    i0: int,
    j0: int,
    types: Sequence[BeadType],
    table: list[np.ndarray],
    forward: np.ndarray,
    backward: np.ndarray,
    n: int,
    m: int,
) -> float:
    """Return the best total of a path whose bead covering the first unit of bead (t0, i0, j0)
    differs."""
    a0, b0 = types[t0]
    rival = NEG
    for t, (a, b) in enumerate(types):
        if a0:
            unit = i0 - a0
            if not a:
                continue
            for i in range(max(unit + 1, a), min(unit + a, n) + 1):
                ends = np.arange(b, m + 1)
                values = forward[i - a, ends - b] + table[t][i, ends] + backward[i, ends]
                if t == t0 and i == i0:
                    values = values[ends != j0]
                if len(values):
                    rival = max(rival, float(values.max()))
        else:
            unit = j0 - b0
            if not b:
                continue
            for j in range(max(unit + 1, b), min(unit + b, m) + 1):
                rows = np.arange(a, n + 1)
                values = forward[rows - a, j - b] + table[t][rows, j] + backward[rows, j]
                if t == t0 and j == j0:
                    values = values[rows != i0]
                if len(values):
                    rival = max(rival, float(values.max()))
    return rival


__all__ = ["MARGIN_CAP", "PathBead", "ScoreFn", "solve"]
