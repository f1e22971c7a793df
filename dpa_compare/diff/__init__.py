"""Version comparison: which clauses changed between two versions, and how, word by word.

    >>> from dpa_compare.diff import diff, redline
    >>> result = diff(old_document, new_document)        # doctest: +SKIP
    >>> result.counts()["renumbered"]                    # doctest: +SKIP

`redline` diffs two texts at word level (jieba words for Chinese);
`diff` matches the clauses of two `Document`s, renumbering- and move-aware;
`dpa_compare.diff.summary` renders the result for people.
"""

from dpa_compare.diff.changes import CHANGE_KINDS, ChangeKind, ClauseChange, VersionDiff
from dpa_compare.diff.match import MatchOptions, diff
from dpa_compare.diff.redline import DELETE, EQUAL, INSERT, Edit, RedlineCheckError, markup, redline

__all__ = [
    "CHANGE_KINDS",
    "DELETE",
    "EQUAL",
    "INSERT",
    "ChangeKind",
    "ClauseChange",
    "Edit",
    "MatchOptions",
    "RedlineCheckError",
    "VersionDiff",
    "diff",
    "markup",
    "redline",
]
