"""A hand-built review report: every row kind and status, redlines, notes and findings.

The clause texts are original (written for these tests), in the register of a
data processing addendum, with full-width Chinese punctuation.
"""

from __future__ import annotations

from dpa_compare.report.model import (
    Anchor,
    Appendix,
    Cell,
    Comment,
    CountTable,
    DocumentInfo,
    FrontMatter,
    ReportModel,
    Row,
    Span,
    default_legend,
)

EN, ZH = "en", "zh"


def en(*spans: Span | str) -> Cell:
    return Cell(tuple(Span(s) if isinstance(s, str) else s for s in spans), EN)


def zh(*spans: Span | str) -> Cell:
    return Cell(tuple(Span(s) if isinstance(s, str) else s for s in spans), ZH)


def ins(text: str) -> Span:
    return Span(text, "inserted")


def dele(text: str) -> Span:
    return Span(text, "deleted")


def finding(
    text: str,
    cell: str = "chinese",
    span: int | None = None,
    severity: str = "major",
    check: str = "numbers",
) -> Comment:
    return Comment(
        text,
        Anchor(cell, span),
        author="dpa-compare QA",
        initials="QA",
        kind="finding",
        severity=severity,
        check=check,
    )  # type: ignore[arg-type]


def note(text: str, cell: str = "notes", author: str = "Li Wei", initials: str = "LW") -> Comment:
    return Comment(
        text, Anchor(cell), author=author, initials=initials, date="2024-09-02T08:30:00Z"
    )  # type: ignore[arg-type]


ROWS: tuple[Row, ...] = (
    Row("h1", "heading", "1", en("Definitions"), zh("定义"), en_id="1", zh_id="1"),
    Row(
        "1.1",
        "clause",
        "1.1",
        en('"Service Data" means the records the Customer uploads to the platform.'),
        zh("“服务数据”指客户上传至平台的记录。"),
        "current",
        en_id="1.1",
        zh_id="1.1",
    ),
    Row(
        "1.2",
        "clause",
        "1.2",
        en(
            "The Vendor shall notify the Customer ",
            dele("within seventy-two (72) hours"),
            ins("without undue delay"),
            " after becoming aware of an Incident.",
        ),
        zh("供应商应在知悉事件后", dele("七十二（72）小时内"), ins("立即"), "通知客户。"),
        "stale",
        Cell(
            (Span("English changed since translation; "), Span("re-translate", "bold")),
        ),
        (
            finding(
                "The English no longer states a number of hours; the Chinese still says 72.", span=1
            ),
        ),
        en_id="1.2",
        zh_id="1.2",
    ),
    Row("h2", "heading", "2", en("Sub-processing"), zh("分处理"), en_id="2", zh_id="2"),
    Row(
        "2.1~3.1",
        "clause",
        "2.1 → 3.1",
        en("The Vendor may engage sub-processors listed at the address in Annex 3."),
        zh("供应商可聘用附件三所列地址载明的分处理者。"),
        "renumbered",
        Cell.of("Renumbered from 2.1", "muted"),
        (note("Please confirm the Annex reference after renumbering.", cell="chinese"),),
        en_id="2.1",
        zh_id="3.1",
    ),
    Row(
        "2.2",
        "clause",
        "2.2",
        en(
            Span(
                "Each sub-processor is bound by written terms no less protective than these.",
                "moved",
            )
        ),
        zh(Span("每一分处理者均受不低于本条款保护水平的书面条款约束。", "moved")),
        "moved",
        Cell.of("Moved from 4.3"),
        en_id="2.2",
        zh_id="2.2",
    ),
    Row(
        "zh:2.3",
        "clause",
        "2.3",
        Cell(lang=EN),
        zh("客户可在三十（30）日内以书面形式提出异议；逾期未提出的，视为同意。"),
        "orphaned",
        Cell.of("No English counterpart"),
        (
            finding(
                "Chinese clause has no English source.", severity="critical", check="clause_count"
            ),
        ),
        zh_id="2.3",
    ),
    Row(
        "2.4",
        "gap",
        "2.4",
        en("The Customer may audit the Vendor once in any twelve-month period."),
        Cell(lang=ZH),
        "missing",
        Cell.of("Translation missing", "bold"),
        (note("Translator: please add.", cell="english", author="Zhang Min", initials="ZM"),),
        en_id="2.4",
    ),
    Row(
        "2.5",
        "clause",
        "2.5",
        en(
            "Audit costs are borne by the Customer, save where the audit reveals a material breach."
        ),
        zh("审计费用由客户承担，但审计发现重大违约的除外。"),
        "unaligned",
        Cell.of("Low-confidence link (0.41)", "muted"),
        en_id="2.5",
        zh_id="2.5",
    ),
    Row(
        "3.1",
        "clause",
        "3.1",
        en(
            ins(
                "The Vendor shall keep a record of all processing activities carried out on the "
                "Customer's behalf."
            )
        ),
        zh(ins("供应商应当记录其代表客户开展的全部处理活动。")),
        "new",
        Cell.of("New clause in 2024-09"),
        (
            note(
                "Checked against the glossary: 处理活动 is correct.",
                cell="chinese",
                author="Li Wei",
                initials="LW",
            ),
        ),
        en_id="3.1",
        zh_id="3.1b",
    ),
    Row(
        "3.2",
        "clause",
        "3.2",
        en(
            "Personal data shall be deleted ",
            dele("thirty"),
            ins("ninety"),
            " (",
            dele("30"),
            ins("90"),
            ") days after termination.",
        ),
        zh("个人数据应于终止后", dele("三十（30）"), ins("九十（90）"), "日内删除。"),
        "stale",
        Cell.of("Number changed: 30 → 90"),
        (
            finding(
                "Number 90 matches the English.",
                cell="chinese",
                span=2,
                severity="info",
                check="numbers",
            ),
            note("Confirm with client.", cell="notes", author="Zhang Min", initials="ZM"),
        ),
        en_id="3.2",
        zh_id="3.2",
    ),
)


def sample_model() -> ReportModel:
    """Return the sample report: 11 rows, 7 comments, two appendices."""
    front = FrontMatter(
        title="Data Processing Addendum — bilingual review",
        subtitle="English 2024-09 against Chinese translation 2023-03",
        documents=(
            DocumentInfo(
                "English, current", "corpus/en/dpa-2024-09.md", "2024-09", "2024-09-01", "a" * 64
            ),
            DocumentInfo(
                "English, previous", "corpus/en/dpa-2023-03.md", "2023-03", "2023-03-01", "b" * 64
            ),
            DocumentInfo(
                "Chinese translation", "corpus/zh/dpa-2023-03.md", "2023-03", "2023-04-15", "c" * 64
            ),
        ),
        counts=(
            CountTable(
                "Changes (English)",
                (("modified", 2), ("inserted", 1), ("moved", 1), ("renumbered", 1)),
            ),
            CountTable(
                "Translation status",
                (("current", 1), ("stale", 2), ("missing", 1), ("orphaned", 1)),
            ),
            CountTable("QA findings", (("critical", 1), ("major", 1), ("info", 1))),
            CountTable("Alignment", (("low-confidence", 1), ("unaligned", 1))),
        ),
        legend=default_legend(),
        reproducibility="seg:rules-1|tok:jieba-0.42.1|align:num+len|dmp:t0,semantic|v:0.1.0",
    )
    changes = Appendix(
        "Changes between English versions",
        ("Clause", "Kind", "Redline"),
        (
            (Cell.of("1.2"), Cell.of("modified"), ROWS[2].english),
            (Cell.of("3.1"), Cell.of("inserted"), ROWS[9].english),
            (Cell.of("3.2"), Cell.of("modified"), ROWS[10].english),
        ),
        widths=(1, 1.5, 10),
    )
    gaps = Appendix(
        "Alignment gaps",
        ("Side", "Clause", "Text", "Reason"),
        (
            (Cell.of("中文"), Cell.of("2.3"), ROWS[6].chinese, Cell.of("no English counterpart")),
            (Cell.of("English"), Cell.of("2.4"), ROWS[7].english, Cell.of("no translation")),
        ),
        widths=(1, 1, 8, 3),
    )
    return ReportModel(front, ROWS, (changes, gaps))


def long_id_model() -> ReportModel:
    """Return a one-row model whose row id is too long for a bookmark name."""
    row = Row(
        "annex-2/part-b/schedule-7.3(a)(ii)~zh:附件二",
        "clause",
        "7.3(a)(ii)",
        en("Text."),
        zh("文本。"),
        "current",
    )
    return ReportModel(FrontMatter("Long ids"), (row,))
