"""The searched part of an alignment grid: a band of columns around a path.

Shared by the sentence search (`align.sentence.dp`), which walks the band, and
the bead scorers (`align.evidence.scorers`), which fill score tables in band
coordinates; it lives here so that the scorers need not import the search.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

NEG = -np.inf
"""Score of an impossible bead."""


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
    def around(
        cls,
        path: Sequence[tuple[int, int]],
        n: int,
        m: int,
        margin: int,
        max_width: int | None = None,
    ) -> Band:
        """Return a band holding every node within `margin` columns of `path`.

        `path` is a list of grid nodes (i, j) from (0, 0) to (n, m), ascending;
        rows the path jumps over get columns interpolated between its nodes.
        `max_width` (None: no limit) caps the band width: a row whose span is
        wider keeps the columns centred on the path there, and the band stays
        connected, so the search cost is O(n · max_width) whatever the path.
        """
        rows = np.array([p[0] for p in path], dtype=np.float64)
        cols = np.array([p[1] for p in path], dtype=np.float64)
        keys, first = np.unique(rows, return_index=True)
        last = len(rows) - 1 - np.unique(rows[::-1], return_index=True)[1]
        grid = np.arange(n + 1, dtype=np.float64)
        low = np.floor(np.interp(grid, keys, cols[first])).astype(np.int64) - margin
        high = np.ceil(np.interp(grid, keys, cols[last])).astype(np.int64) + margin
        low, high = np.clip(low, 0, m), np.clip(high, 0, m)
        width = int((high - low).max() + 1)
        if max_width is not None and width > max_width:
            # -- a staircase of n rows must still reach column m: never narrower than its step --
            width = max(max_width, -(-(m + 1) // (n + 1)) + 1)
            low = np.maximum((low + high) // 2 - width // 2, 0)
        width = min(width, m + 1)
        return cls(_connected(low, n, m, width), width)

    def columns(self, i: int) -> np.ndarray:
        """Return the grid columns of row `i`."""
        return self.lo[i] + np.arange(self.width)


def _connected(low: np.ndarray, n: int, m: int, width: int) -> np.ndarray:
    """Return row starts near `low` that hold (0, 0) and (n, m) and link every row to the next.

    Rows are linked when starts never decrease and grow by less than `width`
    (a 1-0 bead can then step down, and 0-1 beads walk along the row).
    """
    step = width - 1
    upper = np.minimum(np.arange(n + 1, dtype=np.int64) * step, m + 1 - width)
    lower = np.maximum(m + 1 - width - (n - np.arange(n + 1, dtype=np.int64)) * step, 0)
    lo = np.minimum(np.maximum(np.maximum.accumulate(low), lower), upper)
    if n and (np.diff(lo) > step).any():
        for i in range(1, n + 1):
            lo[i] = min(lo[i], lo[i - 1] + step)
    return lo


__all__ = ["NEG", "Band"]
