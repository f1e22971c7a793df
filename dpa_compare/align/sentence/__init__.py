"""Sentence alignment: an exact bead DP (`dp`) driven by the shared scorers (`engine`).

`evaluate` scores beads against a gold key (strict and lax F1) and `lines`
reads one-sentence-per-line files.
"""

from dpa_compare.align.sentence.engine import (
    AlignOptions,
    SentenceAlignment,
    align,
    align_sentences,
)

__all__ = ["AlignOptions", "SentenceAlignment", "align", "align_sentences"]
