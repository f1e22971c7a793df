"""Plain-text rendering of a `ReportModel`, for tests, debugging and terminal previews.

Redline spans use the wdiff-like markers that survive any terminal and are
easy to assert on::

    plain   inserted → {+text+}   deleted → [-text-]
    moved → {>text<}   moved_from → [<text>]   bold → **text**   italic → _text_   muted → (text)

One main-table row becomes one block::

    [7.2 → 8.2] clause · renumbered · id=7.2
      EN: The Processor shall {+promptly+} notify …
      ZH: 处理者应当[-及时-]{+立即+}通知……
      NOTES: Low-confidence link (0.61)
      # finding/major @chinese[1] Reviewer (RV) 2024-09-01T00:00:00Z: Number mismatch
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dpa_compare.report.model import Appendix, Cell, Comment, FrontMatter, ReportModel, Row

_MARKERS: dict[str, tuple[str, str]] = {
    "plain": ("", ""),
    "inserted": ("{+", "+}"),
    "deleted": ("[-", "-]"),
    "moved": ("{>", "<}"),
    "moved_from": ("[<", ">]"),
    "bold": ("**", "**"),
    "italic": ("_", "_"),
    "muted": ("(", ")"),
}


def render_text(model: ReportModel) -> str:
    """Return `model` as plain text: front matter, one block per row, then the appendices."""
    lines = _front(model.front)
    lines += ["", "== " + " | ".join(model.options.column_labels) + " =="]
    for row in model.rows:
        lines += _row(row)
    for appendix in model.appendices:
        lines += _appendix(appendix)
    return "\n".join(lines) + "\n"


def cell_markup(cell: Cell) -> str:
    """Return the cell's spans joined, each wrapped in its style's markers."""
    parts = []
    for span in cell.spans:
        before, after = _MARKERS[span.style]
        parts.append(f"{before}{span.text}{after}")
    return "".join(parts)


def _front(front: FrontMatter) -> list[str]:
    lines = [f"# {front.title}"]
    if front.subtitle:
        lines.append(front.subtitle)
    for doc in front.documents:
        details = ", ".join(
            x
            for x in (doc.version, doc.date, f"sha256 {doc.sha256[:12]}" if doc.sha256 else "")
            if x
        )
        lines.append(f"- {doc.role}: {doc.path}" + (f" ({details})" if details else ""))
    for table in front.counts:
        lines.append(
            f"{table.title}: " + ", ".join(f"{label} {value}" for label, value in table.rows)
        )
    if front.legend:
        lines.append("Legend: " + "; ".join(f"{e.key} = {e.label}" for e in front.legend))
    if front.reproducibility:
        lines.append(f"Reproducibility: {front.reproducibility}")
    return lines


def _row(row: Row) -> list[str]:
    head = (
        f"[{row.number}] {row.kind}"
        + (f" · {row.status}" if row.status else "")
        + f" · id={row.id}"
    )
    lines = [head]
    for label, cell in (("EN", row.english), ("ZH", row.chinese), ("NOTES", row.notes)):
        if cell.spans:
            lines.append(f"  {label}: {cell_markup(cell)}")
    lines += [f"  # {_comment(c)}" for c in row.comments]
    return lines


def _comment(comment: Comment) -> str:
    kind = comment.kind + (f"/{comment.severity}" if comment.severity else "")
    where = comment.anchor.cell + (
        "" if comment.anchor.span is None else f"[{comment.anchor.span}]"
    )
    who = f"{comment.author} ({comment.initials})" if comment.initials else comment.author
    when = f" {comment.date}" if comment.date else ""
    return f"{kind} @{where} {who}{when}: {comment.display_text}"


def _appendix(appendix: Appendix) -> list[str]:
    lines = ["", f"== {appendix.title} =="]
    if appendix.intro:
        lines.append(appendix.intro)
    lines.append(" | ".join(appendix.columns))
    lines += [" | ".join(cell_markup(cell) for cell in row) for row in appendix.rows]
    return lines


__all__ = ["cell_markup", "render_text"]
