"""Render a `StaleReport` for a terminal (its JSON contract is `StaleReport.to_dict`).

print(stale_text(report))     # counts, then one line per row that needs work, with redlines
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dpa_compare.stale import StaleReport


def stale_json(report: StaleReport) -> str:
    """Return the report's JSON contract, indented, Chinese kept as characters."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)


def stale_text(report: StaleReport) -> str:
    """Return the report for a terminal: counts, then each row that needs work, with redlines."""
    from dpa_compare.diff.summary import short_redline

    counts = ", ".join(f"{n} {status}" for status, n in report.counts().items() if n)
    lines = [
        f"original: {report.en_diff.old.source} → {report.en_diff.new.source}",
        counts or "no clauses",
    ]
    for row in report.rows:
        if row.status == "current":
            continue
        where = f"{row.zh_label or '—'} ⇄ {row.en_label or '—'}"
        note = " (cross-reference follows renumbering)" if row.xref_only else ""
        lines.append(f"{row.status:<10} {where}{note}")
        if row.en_redline and row.status not in ("missing",):
            lines.append(f"    original:    {short_redline(row.en_redline, context=40)}")
        if row.zh_redline:
            lines.append(f"    translation: {short_redline(row.zh_redline, context=40)}")
    return "\n".join(lines) + "\n"


__all__ = ["stale_json", "stale_text"]
