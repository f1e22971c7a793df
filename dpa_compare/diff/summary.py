"""Render a version comparison for people: counts per kind, a change table, redline blocks.

Plain text uses `[-deleted-]` and `{+inserted+}` markup (wdiff's notation),
which survives e-mail, logs and terminals without colour; a caller that can
colour (the CLI on a terminal) passes a `style` function instead.

    >>> print(summary_line(result))                  # doctest: +SKIP
    12 unchanged, 3 renumbered, 1 modified, 1 added
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from dpa_compare.diff.changes import CHANGE_KINDS, ClauseChange, VersionDiff
from dpa_compare.diff.redline import DELETE, INSERT, Edit, show_invisible

__all__ = [
    "ChangeRow",
    "Style",
    "block_title",
    "change_table",
    "plain",
    "render_text",
    "short_redline",
    "summary_line",
]

_SPACES = re.compile(r"\s+")

Style = Callable[[int, str], str]
"""Formats one edit's text for display: `style(op, text)`."""

TABLE_CONTEXT = 30
"""Characters of kept text shown on each side of a change in the change table."""

BLOCK_CONTEXT = 120
"""Characters of kept text shown on each side of a change in a redline block."""

KIND_TITLES = {
    "unchanged": "unchanged",
    "modified": "modified",
    "added": "added",
    "deleted": "deleted",
    "moved": "moved",
    "renumbered": "renumbered",
    "moved_modified": "moved and modified",
    "split": "split",
    "merged": "merged",
}


@dataclass(frozen=True)
class ChangeRow:
    """One line of the change table: `old_label` → `new_label`, `kind`, a short `redline` in
    markup."""

    old_label: str
    new_label: str
    kind: str
    similarity: float
    redline: str


def plain(op: int, text: str) -> str:
    """Return `text` in plain markup: `[-…-]` deleted, `{+…+}` inserted, kept text as is."""
    if op == DELETE:
        return f"[-{text}-]"
    if op == INSERT:
        return f"{{+{text}+}}"
    return text


def summary_line(result: VersionDiff) -> str:
    """Return the non-zero counts per kind on one line, in `CHANGE_KINDS` order."""
    counts = result.counts()
    parts = [f"{counts[kind]} {KIND_TITLES[kind]}" for kind in CHANGE_KINDS if counts[kind]]
    return ", ".join(parts) if parts else "no clauses"


def short_redline(
    edits: tuple[Edit, ...], context: int = TABLE_CONTEXT, style: Style = plain
) -> str:
    """Return the edits on one line: changes in full, kept text cut to `context` characters each
    side."""
    parts = []
    last = len(edits) - 1
    for index, (op, text) in enumerate(edits):
        text = _SPACES.sub(" ", text) if op == 0 else show_invisible(text).replace("\n", " ⏎ ")
        if op == 0:
            text = _cut(text, context, keep_head=index > 0, keep_tail=index < last)
        parts.append(style(op, text))
    return "".join(parts)


def _cut(text: str, context: int, keep_head: bool, keep_tail: bool) -> str:
    if len(text) <= 2 * context + 3:
        return text
    head = text[:context] if keep_head else ""
    tail = text[-context:] if keep_tail else ""
    return f"{head}…{tail}"


def change_table(result: VersionDiff, include_unchanged: bool = False) -> list[ChangeRow]:
    """Return one row per change (changed clauses only unless `include_unchanged`)."""
    return [
        ChangeRow(c.old_label, c.new_label, c.kind, c.similarity, short_redline(c.redline))
        for c in result.changes
        if include_unchanged or c.changed
    ]


def render_text(
    result: VersionDiff, style: Style = plain, heading: Callable[[str], str] = str
) -> str:
    """Return the whole comparison for a terminal: header, counts, then one block per changed
    clause.

    `style` formats edits (default: plain markup); `heading` formats each
    block's first line (the CLI makes it bold on a terminal).
    """
    lines = [
        f"old: {result.old.source}{_version(result.old.version)}",
        f"new: {result.new.source}{_version(result.new.version)}",
        f"{summary_line(result)}",
        f"signature: {result.signature}",
    ]
    for change in result.changed():
        lines.append("")
        lines.append(heading(block_title(change)))
        lines.append(short_redline(change.redline, context=BLOCK_CONTEXT, style=style))
    return "\n".join(lines) + "\n"


def block_title(change: ClauseChange) -> str:
    """Return a change's first line: kind, `old → new` citations, similarity, notes."""
    old = change.old_label or ("(unnumbered)" if change.old_id else "—")
    new = change.new_label or ("(unnumbered)" if change.new_id else "—")
    where = old if old == new else f"{old} → {new}"
    notes = []
    if change.kind not in ("added", "deleted", "unchanged"):
        notes.append(f"similarity {change.similarity:.2f}")
    if change.xref_only:
        notes.append("cross-reference follows renumbering")
    if change.cosmetic:
        kinds = ", ".join(change.typography)
        notes.append(f"typographic change only: {kinds}" if kinds else "typographic change only")
    if change.new_ids:
        notes.append(f"into {len(change.new_ids)} clauses")
    if change.old_ids:
        notes.append(f"from {len(change.old_ids)} clauses")
    suffix = f"  ({'; '.join(notes)})" if notes else ""
    return f"{KIND_TITLES[change.kind]}: {where}{suffix}"


def _version(version: str | None) -> str:
    return f" (version {version})" if version else ""
