"""Clause alignment of two documents: structure first, an exact bounded DP inside.

`structure` finds the anchors numbering gives (parts … items), `features`
and `bead_evidence` score candidate beads, `plan` and `dp` search each
anchored block, `confidence` turns margins into link confidences, and
`aligner` ties them together:

    >>> from dpa_compare.align.clause import align_documents
    >>> alignment = align_documents(en_document, zh_document)   # doctest: +SKIP
"""

from dpa_compare.align.clause.aligner import (
    ClauseAlignOptions,
    align_documents,
    link_refs,
    link_text,
)

__all__ = ["ClauseAlignOptions", "align_documents", "link_refs", "link_text"]
