"""Review reports: a neutral `ReportModel`, its Word writer, and the reader of reviewed copies.

    from dpa_compare.report import ReportModel, write_docx, read_review

    write_docx(model, "dpa_review.docx", tracked_changes=True)
    review = read_review("dpa_review_edited.docx")

python-docx is imported only when a .docx is written or read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dpa_compare.report.model import (
    Anchor,
    Appendix,
    Cell,
    Comment,
    CountTable,
    DocumentInfo,
    FrontMatter,
    LegendEntry,
    ReportModel,
    ReportOptions,
    Row,
    Span,
    default_legend,
)

if TYPE_CHECKING:
    from dpa_compare.report.docx_writer import build_docx, write_docx
    from dpa_compare.report.review_reader import ReviewImport, read_review

_LAZY = {
    "build_docx": "dpa_compare.report.docx_writer",
    "write_docx": "dpa_compare.report.docx_writer",
    "read_review": "dpa_compare.report.review_reader",
    "ReviewImport": "dpa_compare.report.review_reader",
}


def __getattr__(name: str) -> Any:
    # -- the writer and reader pull in python-docx / lxml; import them on first use --
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'dpa_compare.report' has no attribute {name!r}")


__all__ = [
    "Anchor",
    "Appendix",
    "Cell",
    "Comment",
    "CountTable",
    "DocumentInfo",
    "FrontMatter",
    "LegendEntry",
    "ReportModel",
    "ReportOptions",
    "ReviewImport",
    "Row",
    "Span",
    "build_docx",
    "default_legend",
    "read_review",
    "write_docx",
]
