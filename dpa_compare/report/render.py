"""Render what `dpa-compare report` prints after writing: a JSON summary or a few text lines.

report_text(model, "review.docx")   # "wrote review.docx: 42 rows, 7 comments" + counts
report_json(model, "review.docx")   # rows, actionable, comments, counts, reproducibility
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dpa_compare.report.model import ReportModel


def report_summary(model: ReportModel, output: str) -> dict[str, Any]:
    """Return the JSON summary of a written report: rows, comments and the front-matter counts."""
    return {
        "output": output,
        "rows": len(model.rows),
        "actionable": len(model.front.actions),
        "comments": model.comment_count,
        "counts": {table.title: dict(table.rows) for table in model.front.counts},
        "reproducibility": model.front.reproducibility,
    }


def report_json(model: ReportModel, output: str) -> str:
    """Return `report_summary` as indented JSON, Chinese kept as characters (the JSON contract)."""
    return json.dumps(report_summary(model, output), ensure_ascii=False, indent=2)


def report_text(model: ReportModel, output: str) -> str:
    """Return the text summary: what was written, then one line per front-matter count table."""
    lines = [f"wrote {output}: {len(model.rows)} rows, {model.comment_count} comments"]
    lines += [
        f"  {t.title}: " + ", ".join(f"{label} {n}" for label, n in t.rows if n)
        for t in model.front.counts
    ]
    return "\n".join(lines) + "\n"


__all__ = ["report_json", "report_summary", "report_text"]
