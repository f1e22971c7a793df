"""The records version comparison produces: one `ClauseChange` per clause, in a `VersionDiff`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from dpa_compare.diff.redline import Edit
from dpa_compare.model import Document

__all__ = ["CHANGE_KINDS", "ChangeKind", "ClauseChange", "VersionDiff"]

ChangeKind = Literal[
    "unchanged",
    "modified",
    "added",
    "deleted",
    "moved",
    "renumbered",
    "moved_modified",
    "split",
    "merged",
]
CHANGE_KINDS: tuple[str, ...] = (
    "unchanged",
    "modified",
    "added",
    "deleted",
    "moved",
    "renumbered",
    "moved_modified",
    "split",
    "merged",
)
"""Every kind of change, in the order summaries list them.

`unchanged` same text and number; `renumbered` same text, new number (or
only cross-references that follow a renumbering: `xref_only`, or only
typography: `cosmetic`); `modified` text changed in place (a same-number
clause whose only change is a following cross-reference is `modified` with
`xref_only`: it is a text change); `moved` / `moved_modified` the clause now sits under
another parent or out of order among its siblings; `split` one old clause
became several consecutive new ones; `merged` several became one;
`added` / `deleted` no counterpart."""


@dataclass(frozen=True)
class ClauseChange:
    """What happened to one clause between two versions.

    `old_id` / `new_id` are the clause ids in each document (None for added /
    deleted); `old_label` / `new_label` their full citations (`7.2(a)`), ""
    when absent. `similarity` is the token similarity of the two texts, 0..1
    (1 unchanged, 0 added/deleted). `redline` turns the old full text
    (heading + body) into the new one. For `split`, `new_ids` lists every new
    clause and `new_id` / `new_label` are the first; for `merged`, `old_ids`
    likewise. `xref_only` marks a clause whose only text change is a
    cross-reference following the renumbering of its target; `cosmetic` one
    whose text differs only typographically; `typography` then names the
    classes (`whitespace`, `invisible`, `width`, `quotes`, `brackets`,
    `emphasis`, `hyphens`, `case`: `dpa_compare.diff.typography`). A changed
    word, number or other punctuation is never typographic. Either way a
    renumbered clause stays `renumbered`, and the redline still shows the edit.
    """

    kind: ChangeKind
    old_id: str | None
    new_id: str | None
    old_label: str
    new_label: str
    similarity: float
    redline: tuple[Edit, ...]
    old_ids: tuple[str, ...] = ()
    new_ids: tuple[str, ...] = ()
    xref_only: bool = False
    cosmetic: bool = False
    typography: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        """Return True for every kind but `unchanged`."""
        return self.kind != "unchanged"

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract of one change; `redline` as `[[op, text], …]`."""
        data: dict[str, Any] = {
            "kind": self.kind,
            "old_id": self.old_id,
            "new_id": self.new_id,
            "old_label": self.old_label,
            "new_label": self.new_label,
            "similarity": round(self.similarity, 4),
            "redline": [[op, text] for op, text in self.redline],
        }
        if self.old_ids:
            data["old_ids"] = list(self.old_ids)
        if self.new_ids:
            data["new_ids"] = list(self.new_ids)
        if self.xref_only:
            data["xref_only"] = True
        if self.cosmetic:
            data["cosmetic"] = True
            data["typography"] = list(self.typography)
        return data


@dataclass(frozen=True)
class VersionDiff:
    """The comparison of two versions of one document.

    `changes` cover every clause of both documents exactly once, in reading
    order of the new version (deleted clauses after the clause that preceded
    them). `signature` records the settings (tokenizer, diff, matcher).
    """

    old: Document
    new: Document
    changes: tuple[ClauseChange, ...]
    signature: str

    def counts(self) -> dict[str, int]:
        """Return {kind: number of changes} for every kind, zeros included, in `CHANGE_KINDS`
        order."""
        counts = dict.fromkeys(CHANGE_KINDS, 0)
        for change in self.changes:
            counts[change.kind] += 1
        return counts

    def changed(self) -> tuple[ClauseChange, ...]:
        """Return the changes that are not `unchanged`."""
        return tuple(c for c in self.changes if c.changed)

    def of_kind(self, kind: str) -> tuple[ClauseChange, ...]:
        """Return the changes of `kind`."""
        return tuple(c for c in self.changes if c.kind == kind)
