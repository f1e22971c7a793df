"""The matcher's working record: two clause lists, their compared texts, the pairs found so far.

`diff.match` fills it pass by pass; `diff.build` reads the finished matching
to write the changes.
"""

from __future__ import annotations

import re

from dpa_compare.diff import regroup
from dpa_compare.diff.similarity import TokenCoder
from dpa_compare.diff.typography import typographic_key
from dpa_compare.model import Clause, Document

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Return `text` with runs of white space as one space, trimmed: the form texts are compared
    in."""
    return _SPACE.sub(" ", text).strip()


class MatchState:
    """The two clause lists, their normalised texts, and the matching found so far.

    `o2n`/`n2o` map matched old ⇄ new clause positions; `splits` and `merges`
    are the regroupings (a whole on one side, pieces on the other).
    """

    def __init__(self, old_doc: Document, new_doc: Document, coder: TokenCoder) -> None:
        self.old_doc, self.new_doc, self.coder = old_doc, new_doc, coder
        self.old, self.new = old_doc.clauses, new_doc.clauses
        self.old_text = [normalise(c.full_text) for c in self.old]
        self.new_text = [normalise(c.full_text) for c in self.new]
        self.old_parent = _parents(self.old)
        self.new_parent = _parents(self.new)
        self.old_key = [_row_key(c) for c in self.old]
        self.new_key = [_row_key(c) for c in self.new]
        self.o2n: dict[int, int] = {}
        self.n2o: dict[int, int] = {}
        self.splits: list[regroup.Regroup] = []  # -- whole: old index, pieces: new indices --
        self.merges: list[regroup.Regroup] = []  # -- whole: new index, pieces: old indices --

    def pair(self, old: int, new: int) -> None:
        self.o2n[old] = new
        self.n2o[new] = old

    def free_old(self) -> list[int]:
        taken = {p for s in self.merges for p in s.pieces} | {s.whole for s in self.splits}
        return [i for i in range(len(self.old)) if i not in self.o2n and i not in taken]

    def free_new(self) -> list[int]:
        taken = {p for s in self.splits for p in s.pieces} | {s.whole for s in self.merges}
        return [j for j in range(len(self.new)) if j not in self.n2o and j not in taken]


def _row_key(clause: Clause) -> str | None:
    """Return a table row's identity: its first cell that is not a bare number, reduced; None for
    other clauses.

    A sub-processor row is that sub-processor: a row whose key cell changed
    is another row, however alike the other cells are.
    """
    if clause.kind != "table_row":
        return None
    for cell in clause.text.split(" | "):
        key = typographic_key(cell)
        if key and not key.isdigit():
            return key
    return ""


def _parents(clauses: tuple[Clause, ...]) -> list[int | None]:
    position = {c.id: i for i, c in enumerate(clauses)}
    return [position.get(c.parent) if c.parent is not None else None for c in clauses]


__all__ = ["MatchState", "normalise"]
