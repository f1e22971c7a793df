"""What the report is built from: its inputs, the pipeline's analysis of them, and row groups.

`build.analyse` computes an `Analysis`; `build` lays it out in rows and
`build_front` writes the front matter and appendices from the same record,
so neither module reaches into the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dpa_compare.model import Alignment, Document

if TYPE_CHECKING:
    from dpa_compare.qa import Finding, Glossary, NotesFile
    from dpa_compare.stale import StaleReport, StaleRow


@dataclass(frozen=True)
class ReportInputs:
    """What a report compares: documents, previous versions, notes and glossary (None when not
    given)."""

    en: Document
    zh: Document
    previous_en: Document | None = None
    previous_zh: Document | None = None
    notes: NotesFile | None = None
    glossary: Glossary | None = None

    @property
    def source_en(self) -> Document:
        """Return the English the Chinese translates: the previous English when given."""
        return self.previous_en or self.en

    @property
    def source_zh(self) -> Document:
        """Return the Chinese whose clauses the rows are built on: the previous Chinese when
        given."""
        return self.previous_zh or self.zh


@dataclass(frozen=True)
class Analysis:
    """Everything the pipeline stages said about the inputs, before any layout."""

    inputs: ReportInputs
    alignment: Alignment
    stale: StaleReport
    findings: tuple[Finding, ...]
    suppressed: int = 0
    qa_alignment: Alignment | None = None


@dataclass
class RowGroup:
    """Stale rows that share a clause, merged: one report row."""

    members: list[StaleRow] = field(default_factory=list)
    old_en: list[str] = field(default_factory=list)
    new_en: list[str] = field(default_factory=list)
    zh: list[str] = field(default_factory=list)
    new_zh: list[str] = field(default_factory=list)

    def add(self, row: StaleRow) -> None:
        self.members.append(row)
        for target, ids in ((self.old_en, row.old_en_ids), (self.new_en, row.new_en_ids),
                            (self.zh, row.zh_ids), (self.new_zh, row.new_zh_ids)):  # fmt: skip
            target.extend(i for i in ids if i not in target)


__all__ = ["Analysis", "ReportInputs", "RowGroup"]
