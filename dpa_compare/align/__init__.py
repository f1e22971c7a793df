"""EN⇄ZH alignment: sentences (`align.sentence`) and clauses (`align.clause`).

Both aligners search beads with an exact DP and score them with the shared
evidence in `align.evidence` (length, number anchors, lexicon, embeddings).
The sentence aligner's names are re-exported here:

    >>> from dpa_compare.align import align_sentences
    >>> beads = align_sentences(zh_sentences, en_sentences, "zh", "en")
    >>> beads[0].format(), beads[0].confidence
    ('[0,1]:[0]', 0.93)

`align` returns the same beads plus the list of scorers used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from dpa_compare.align.evidence.beads import BEAD_TYPES, Bead, check_cover, parse_bead

if TYPE_CHECKING:
    from dpa_compare.align.evidence.scorers import Weights
    from dpa_compare.align.sentence.engine import (
        AlignOptions,
        SentenceAlignment,
        align,
        align_sentences,
    )

_LAZY = {
    "AlignOptions": "dpa_compare.align.sentence.engine",
    "SentenceAlignment": "dpa_compare.align.sentence.engine",
    "align": "dpa_compare.align.sentence.engine",
    "align_sentences": "dpa_compare.align.sentence.engine",
    "Weights": "dpa_compare.align.evidence.scorers",
}
"""Names imported on first use, so that clause alignment does not load the sentence engine."""


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "BEAD_TYPES",
    "AlignOptions",
    "Bead",
    "SentenceAlignment",
    "Weights",
    "align",
    "align_sentences",
    "check_cover",
    "parse_bead",
]
