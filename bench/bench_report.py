"""Time writing a 1,000-row review report against python-docx writing the same plain table.

The floor is python-docx's own idiom for the same 5-column table with no styling, no redlines, no
comments and no bookmarks (`add_table` / `add_row` / `cell.text`), saved to memory. The report is
written by `dpa_compare.report.build_docx` in both display and tracked-changes modes, and read back
by `dpa_compare.report.review_reader.read_review` (what `import-review` parses). Each figure is the
median of several runs (wall clock, seconds).

    python bench/bench_report.py            # 1,000 rows, 5 runs
    python bench/bench_report.py --rows 3000 --runs 3
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from collections.abc import Callable

from dpa_compare.report.model import (
    Anchor,
    Cell,
    Comment,
    FrontMatter,
    ReportModel,
    Row,
    Span,
    default_legend,
)

_STATUSES = ("current", "stale", "new", "renumbered", "moved", "missing", "orphaned", "unaligned")


def synthetic_model(rows: int) -> ReportModel:
    """Return a report of `rows` rows: every 25th a heading, every 3rd with a redline, every 7th
    with a comment."""
    built = []
    for n in range(rows):
        number = f"{n // 25 + 1}.{n % 25}"
        if n % 25 == 0:
            built.append(
                Row(
                    f"h{n}",
                    "heading",
                    str(n // 25 + 1),
                    Cell.of(f"Section {n // 25 + 1}", lang="en"),
                    Cell.of(f"第{n // 25 + 1}节", lang="zh"),
                    en_id=f"h{n}",
                )
            )
            continue
        english = (
            f"The Vendor shall retain the records described in paragraph {number} for the period "
            "agreed in writing, and shall delete them afterwards."
        )
        chinese = f"供应商应将第{number}段所述记录保存至书面约定的期限，并于期满后删除。"
        if n % 3 == 0:
            en_cell = Cell(
                (
                    Span(english[:40]),
                    Span("twelve months", "deleted"),
                    Span("six months", "inserted"),
                    Span(english[40:]),
                ),
                "en",
            )
            zh_cell = Cell(
                (
                    Span(chinese[:10]),
                    Span("十二个月", "deleted"),
                    Span("六个月", "inserted"),
                    Span(chinese[10:]),
                ),
                "zh",
            )
        else:
            en_cell, zh_cell = Cell.of(english, lang="en"), Cell.of(chinese, lang="zh")
        comments = (
            (
                Comment(
                    "Check the period against the English.",
                    Anchor("chinese"),
                    kind="finding",
                    severity="minor",
                    check="numbers",
                ),
            )
            if n % 7 == 0
            else ()
        )
        status = _STATUSES[n % len(_STATUSES)]
        built.append(
            Row(
                f"r{n}",
                "clause",
                number,
                en_cell,
                zh_cell,
                status,
                Cell.of("Low-confidence link (0.55)" if n % 11 == 0 else ""),
                comments,
                en_id=number,
                zh_id=number,
            )
        )
    return ReportModel(
        FrontMatter("Benchmark report", legend=default_legend(), reproducibility="bench"),
        tuple(built),
    )


def plain_table(model: ReportModel) -> bytes:
    """Return a .docx holding the same five columns as plain text, written the plain python-docx
    way."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=5)
    for cell, label in zip(table.rows[0].cells, model.options.column_labels, strict=True):
        cell.text = label
    for row in model.rows:
        cells = table.add_row().cells
        values = (row.number, row.english.text, row.chinese.text, row.status, row.notes.text)
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def median_seconds(action: Callable[[], object], runs: int) -> float:
    """Return the median wall-clock time of `runs` calls of `action`."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from dpa_compare.report.docx_writer import build_docx

    model = synthetic_model(args.rows)
    floor = median_seconds(lambda: plain_table(model), args.runs)
    display = median_seconds(lambda: build_docx(model), args.runs)
    tracked = median_seconds(lambda: build_docx(model, tracked_changes=True), args.runs)
    data = build_docx(model)
    size = len(data)
    read = median_seconds(lambda: _read_back(data), args.runs)
    print(f"rows: {args.rows}  comments: {model.comment_count}  runs: {args.runs} (median)")
    print(f"python-docx plain table (floor): {floor:.3f} s")
    print(
        f"report, display redlines:        {display:.3f} s  ({display / floor:.2f}x floor)  "
        f"{size / 1024:.0f} KiB"
    )
    print(f"report, tracked changes:         {tracked:.3f} s  ({tracked / floor:.2f}x floor)")
    print(f"reading the report back:         {read:.3f} s  ({read / floor:.2f}x floor)")


def _read_back(data: bytes) -> object:
    """Return the rows and comments `read_review` finds in the report `data` (via a temporary
    file)."""
    import tempfile
    from pathlib import Path

    from dpa_compare.report.review_reader import read_review

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "review.docx"
        path.write_bytes(data)
        return read_review(path)


if __name__ == "__main__":
    main()
