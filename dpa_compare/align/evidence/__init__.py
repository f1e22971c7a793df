"""Evidence shared by the sentence and the clause aligner.

Bead types and priors (`beads`), the searched band of the grid (`band`),
number and date anchors (`anchors`), the CC-CEDICT lexicon (`lexicon`),
sentence embeddings (`embeddings`), the on-disk cache (`cache`) and the bead
scorers that combine them (`scorers`). Nothing here imports the aligners, so
both `align.sentence` and `align.clause` build on it without a cycle.
"""
