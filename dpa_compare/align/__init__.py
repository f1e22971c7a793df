"""Sentence alignment: an exact bead DP with pluggable scorers (length, anchors, lexicon, embeddings).

    >>> from dpa_compare.align import align_sentences
    >>> beads = align_sentences(zh_sentences, en_sentences, "zh", "en")
    >>> beads[0].format(), beads[0].confidence
    ('[0,1]:[0]', 0.93)

`align` returns the same beads plus the list of scorers used.
"""

from dpa_compare.align.beads import BEAD_TYPES, Bead, check_cover, parse_bead
from dpa_compare.align.engine import AlignOptions, SentenceAlignment, align, align_sentences
from dpa_compare.align.scorers import Weights

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
