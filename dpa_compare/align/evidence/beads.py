"""Beads (the units of a sentence alignment), bead types and their prior weights.

A bead links a run of consecutive source sentences with a run of consecutive
target sentences; either run may be empty (a skip: `[i]:[]` or `[]:[k]`). A
full alignment is a list of beads that covers every sentence of both sides
exactly once, in order.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dpa_compare.errors import AlignmentError

BeadType = tuple[int, int]
"""(source sentences, target sentences) of a bead, e.g. (1, 2)."""

BEAD_TYPES: tuple[BeadType, ...] = (
    (1, 1),
    (1, 2),
    (2, 1),
    (1, 3),
    (3, 1),
    (1, 4),
    (4, 1),
    (2, 2),
    (2, 3),
    (3, 2),
    (1, 0),
    (0, 1),
)
"""Bead shapes the clause search considers: up to 1-4 / 4-1 / 2-2 / 2-3 / 3-2, plus skips."""

SENTENCE_BEAD_TYPES: tuple[BeadType, ...] = (
    *BEAD_TYPES[:-2],
    (1, 5),
    (5, 1),
    (2, 4),
    (4, 2),
    (3, 3),
    (1, 0),
    (0, 1),
)
"""Bead shapes the sentence search considers: those of `BEAD_TYPES` and 1-5 / 5-1 / 2-4 /
4-2 / 3-3 (a free translation joins or splits more sentences than a statute's clauses).
Wider shapes (1-6, 3-4, 3-5: 4 of MAC-Dev's 1,343 beads) are left to two neighbouring
beads, which the refinement pass (`align.sentence.refine`) re-splits."""

# -- bead counts of the MAC-Dev dev set (zh source, en target; 1,343 beads):
#    1-1 832, 1-2 282, 1-3 74, 2-1 67, 1-4 30, 2-2 25, 2-3 12, 1-0 6, 3-2 4,
#    1-5 4, 2-4 2, 3-3 1, plus 4 beads wider than any type searched (1-6 2, 3-4, 3-5).
#    Types never seen get half a count (add-half smoothing). --
ZH_EN_COUNTS: dict[BeadType, float] = {
    (1, 1): 832,
    (1, 2): 282,
    (2, 1): 67,
    (1, 3): 74,
    (3, 1): 0.5,
    (1, 4): 30,
    (4, 1): 0.5,
    (2, 2): 25,
    (2, 3): 12,
    (3, 2): 4,
    (1, 5): 4,
    (5, 1): 0.5,
    (2, 4): 2,
    (4, 2): 0.5,
    (3, 3): 1,
    (1, 0): 6,
    (0, 1): 0.5,
}


@dataclass(frozen=True)
class Bead:
    """One link of an alignment: source sentence ids, target sentence ids, score.

    `src` and `tgt` are zero-based, consecutive and ascending; one may be empty.
    `score` is the search score of the bead (higher is better, unbounded);
    `confidence` is a calibrated-looking value in [0, 1] for display and triage.
    """

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float = 0.0
    confidence: float = 1.0

    @property
    def kind(self) -> BeadType:
        """Return the bead type as (source count, target count)."""
        return (len(self.src), len(self.tgt))

    def format(self) -> str:
        """Return the bead in the `[i,j]:[k]` line notation (zero-based ids)."""
        return f"[{','.join(map(str, self.src))}]:[{','.join(map(str, self.tgt))}]"


def parse_bead(text: str) -> Bead:
    """Return the bead written as `[i,j]:[k]` (an optional `:score` suffix is ignored).

    Raises ValueError naming the text when it is not in that notation.
    """
    parts = text.strip().split(":")
    if len(parts) < 2 or not all(p.startswith("[") and p.endswith("]") for p in parts[:2]):
        raise ValueError(f"not a bead in [i,j]:[k] notation: {text.strip()!r}")
    try:
        src, tgt = (tuple(int(x) for x in p[1:-1].split(",") if x.strip()) for p in parts[:2])
    except ValueError:
        raise ValueError(f"bad sentence number in bead {text.strip()!r}") from None
    return Bead(src, tgt)


def log_priors(
    src_lang: str = "zh", tgt_lang: str = "en", types: Sequence[BeadType] = BEAD_TYPES
) -> dict[BeadType, float]:
    """Return the log prior probability of each bead type for this language direction.

    The counts come from zh→en data; for en→zh they are transposed, and for a
    same-language or unknown pair both directions are averaged.
    """

    def count(kind: BeadType) -> float:
        a, b = kind
        if (src_lang, tgt_lang) == ("zh", "en"):
            return ZH_EN_COUNTS.get((a, b), 0.5)
        if (src_lang, tgt_lang) == ("en", "zh"):
            return ZH_EN_COUNTS.get((b, a), 0.5)
        return (ZH_EN_COUNTS.get((a, b), 0.5) + ZH_EN_COUNTS.get((b, a), 0.5)) / 2

    total = sum(count(t) for t in types)
    return {t: math.log(count(t) / total) for t in types}


def check_cover(beads: Iterable[Bead], n_src: int, n_tgt: int) -> None:
    """Check that `beads` cover 0..n_src-1 and 0..n_tgt-1 exactly once, in order.

    Raises AlignmentError naming the first sentence id out of place.
    """
    next_src = next_tgt = 0
    for bead in beads:
        for side, ids, expected in (("source", bead.src, next_src), ("target", bead.tgt, next_tgt)):
            if ids and ids != tuple(range(expected, expected + len(ids))):
                raise AlignmentError(
                    f"alignment self-check failed: {side} bead {bead.format()} "
                    f"should start at sentence {expected}"
                )
        next_src += len(bead.src)
        next_tgt += len(bead.tgt)
    if (next_src, next_tgt) != (n_src, n_tgt):
        raise AlignmentError(
            f"alignment self-check failed: covers {next_src}/{n_src} source and "
            f"{next_tgt}/{n_tgt} target sentences"
        )


__all__ = [
    "BEAD_TYPES",
    "SENTENCE_BEAD_TYPES",
    "Bead",
    "BeadType",
    "ZH_EN_COUNTS",
    "check_cover",
    "log_priors",
    "parse_bead",
]
