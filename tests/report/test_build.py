"""Building the review report from the corpus: every clause once, in order; comments in their rows;
determinism."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import dpa_compare
from dpa_compare.report import write_docx
from dpa_compare.report.build import (
    ReportInputs,
    _iso,
    analyse,
    build_report,
    initials,
    model_from_analysis,
)
from dpa_compare.report.model import LINE_BREAK, STATUS_LABELS, Span, clause_line
from dpa_compare.report.review_reader import cell_text, read_review
from tests.report.report_xml import data_rows, main_table, parts, xml

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"


def corpus_inputs() -> ReportInputs:
    from dpa_compare.qa import load_glossary, load_notes

    return ReportInputs(
        en=dpa_compare.load(CORPUS / "en/dpa-2024-09.md", lang="en"),
        zh=dpa_compare.load(CORPUS / "zh/dpa-2023-03.zh.md", lang="zh"),
        previous_en=dpa_compare.load(CORPUS / "en/dpa-2023-03.md", lang="en"),
        notes=load_notes(CORPUS / "notes/notes-2020-05.yaml"),
        glossary=load_glossary(CORPUS / "glossary.yaml"),
    )


@pytest.fixture(scope="module")
def analysis():  # noqa: ANN201
    if not (CORPUS / "en/dpa-2024-09.md").exists():
        pytest.skip("corpus absent")
    return analyse(corpus_inputs())


@pytest.fixture(scope="module")
def report(analysis, tmp_path_factory):  # noqa: ANN001, ANN201
    model = model_from_analysis(analysis)
    path = tmp_path_factory.mktemp("report") / "review.docx"
    write_docx(model, path)
    return model, path


W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _column(path: Path, index: int) -> list[tuple[str, str]]:
    """Return (row №, accept-all text) for every paragraph (clause) of column `index` of the main
    table."""
    lines = []
    for tr in data_rows(main_table(xml(path))):
        cells = tr.findall(f"{W_NS}tc")
        if not cell_text(cells[index], "accept"):
            continue
        number = cell_text(cells[0], "shown")
        lines += [(number, cell_text(p, "accept")) for p in cells[index].iter(f"{W_NS}p")]
    return lines


def _lines(document) -> list[str]:  # noqa: ANN001 -- a Document
    """Return each clause as its line of a cell shows it, line breaks as "\\n"."""
    return [
        clause_line(c.label, c.heading, c.text).replace(LINE_BREAK, "\n") for c in document.clauses
    ]


def test_every_english_clause_appears_once_in_order(analysis, report) -> None:  # noqa: ANN001
    _, path = report
    shown = [line for _, line in _column(path, 1)]
    assert shown == _lines(analysis.inputs.en)


def test_heading_only_clauses_share_the_row_of_their_first_child(analysis, report) -> None:  # noqa: ANN001
    model, _ = report
    assert all(row.english.text.strip() or row.chinese.text.strip() for row in model.rows)
    definitions = model.row("1.1")
    assert definitions.english.spans[0] == Span("1. Definitions", "bold")
    assert definitions.number == "1.1" and definitions.zh_number == "1.1"


def test_every_chinese_clause_appears_once_in_document_order_but_moves(analysis, report) -> None:  # noqa: ANN001
    model, path = report
    shown = _column(path, 2)
    expected = _lines(analysis.inputs.zh)
    assert Counter(line for _, line in shown) == Counter(
        expected
    )  # -- nothing lost, duplicated or cut --
    moved = {row.number for row in model.rows if row.status == "moved"}
    assert moved, "the corpus has a moved clause"
    in_place = [line for number, line in shown if number not in moved]
    assert in_place == [t for t in expected if t in set(in_place)]


def test_deleted_english_stays_visible_as_deleted_text(report) -> None:  # noqa: ANN001
    model, _ = report
    orphaned = [row for row in model.rows if row.status == "orphaned"]
    assert orphaned and all(row.english.new_text == "" and row.english.old_text for row in orphaned)
    assert all(row.id.startswith("zh-") for row in orphaned)


def test_statuses_and_renumbering_in_the_number_cell(report) -> None:  # noqa: ANN001
    model, _ = report
    statuses = Counter(row.status for row in model.rows)
    assert statuses["stale"] and statuses["renumbered"] and statuses["missing"]
    renumbered = next(row for row in model.rows if row.status == "renumbered")
    assert " → " in renumbered.number
    new = next(row for row in model.rows if row.status == "missing" and row.english.has_changes)
    assert new.chinese.spans == () and all(s.style == "inserted" for s in new.english.spans)


def test_n_to_m_links_are_one_row(analysis, report) -> None:  # noqa: ANN001
    model, _ = report
    multi = [link for link in analysis.alignment.links if len(link.en_ids) + len(link.zh_ids) > 2]
    assert multi
    for link in multi:
        holders = {
            row.id
            for row in model.rows
            for i in link.zh_ids
            if row.chinese.new_text
            and analysis.inputs.zh.clause(i).full_text in row.chinese.new_text.split("\n")
        }
        assert len(holders) == 1


def test_comments_equal_notes_plus_findings_each_in_its_row(analysis, report) -> None:  # noqa: ANN001
    model, path = report
    unplaced = next(a for a in model.appendices if a.title == "Notes not placed")
    notes_shown = len(analysis.inputs.notes.notes) - len(unplaced.rows)
    assert model.comment_count == notes_shown + len(analysis.findings)
    written = xml(path, "word/comments.xml")
    assert (
        len(
            written.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}comment")
        )
        == model.comment_count
    )
    review = read_review(path)
    for row in model.rows:
        back = review.row(row.id)
        assert sorted((c.author, c.text, c.cell) for c in back.comments) == sorted(
            (c.author, c.display_text, c.anchor.cell) for c in row.comments
        )


def test_findings_anchor_on_chinese_and_omissions_on_english(report) -> None:  # noqa: ANN001
    model, _ = report
    findings = [c for row in model.rows for c in row.comments if c.kind == "finding"]
    assert {c.anchor.cell for c in findings if c.check == "omission"} == {"english"}
    assert {c.anchor.cell for c in findings if c.check == "numbers"} == {"chinese"}
    numbers = next(row for row in model.rows if any(c.check == "numbers" for c in row.comments))
    assert "七十二（72）小时" in numbers.chinese.text
    assert all(c.author == "dpa-compare QA" and c.initials == "QA" for c in findings)


def test_front_matter_counts_and_signature(analysis, report) -> None:  # noqa: ANN001
    model, _ = report
    counts = {table.title: dict(table.rows) for table in model.front.counts}
    assert counts["English changes"]["Added"] == analysis.stale.en_diff.counts()["added"]
    assert sum(counts["QA findings"][s] for s in ("Critical", "Major", "Minor")) == len(
        analysis.findings
    )
    # -- one status model: the counts are those of `dpa-compare stale` on the same inputs --
    assert counts["Translation status"] == {
        STATUS_LABELS[s]: n for s, n in analysis.stale.counts().items()
    }
    assert [d.sha256 for d in model.front.documents] == [
        analysis.inputs.en.sha256,
        analysis.inputs.previous_en.sha256,
        analysis.inputs.zh.sha256,
    ]
    assert "embeddings" in model.front.reproducibility and "tok:" in model.front.reproducibility
    assert [a.title for a in model.appendices] == ["Alignment gaps", "Notes not placed"]
    asked = model_from_analysis(analysis, redline_appendix=True)
    assert [a.title for a in asked.appendices][0] == "English changes"


def test_omit_resolved_drops_resolved_notes(analysis, report) -> None:  # noqa: ANN001
    model, _ = report
    lean = model_from_analysis(analysis, omit_resolved=True)
    resolved = sum(n.status == "resolved" for n in analysis.inputs.notes.notes)
    notes = lambda m: [c for r in m.rows for c in r.comments if c.kind == "note"]  # noqa: E731
    assert len(notes(lean)) < len(notes(model))
    assert not any("[resolved]" in c.text for c in notes(lean))
    assert len(notes(model)) - len(notes(lean)) <= resolved


def test_same_inputs_give_identical_bytes(report, tmp_path: Path) -> None:  # noqa: ANN001
    _, path = report
    inputs = corpus_inputs()
    again = build_report(
        inputs.en, inputs.zh, inputs.previous_en, notes=inputs.notes, glossary=inputs.glossary
    )
    write_docx(again, tmp_path / "again.docx")
    assert (tmp_path / "again.docx").read_bytes() == path.read_bytes()


def test_tracked_changes_mode_writes_revisions(analysis, tmp_path: Path) -> None:  # noqa: ANN001
    model = model_from_analysis(analysis)
    write_docx(model, tmp_path / "tracked.docx", tracked_changes=True)
    document = parts(tmp_path / "tracked.docx")["word/document.xml"]
    assert b"<w:ins " in document and b"<w:del " in document
    review = read_review(tmp_path / "tracked.docx")
    stale = next(r for r in model.rows if r.status == "stale" and r.english.has_changes)
    assert review.row(stale.id).english == stale.english.new_text


SMALL_EN = """# Terms

## 1. Definitions

1.1 "Data" means any information about a person.

1.2 "Provider" means the company that runs the service.

## 2. Duties

2.1 The Provider shall keep the Data safe for 30 days.
"""
SMALL_ZH = """# 条款

## 1. 定义

1.1 “数据”是指与个人有关的任何信息。

## 2. 义务

2.1 提供方应将数据安全保存30日。

2.2 本条为译者自行添加的说明。
"""


def test_without_previous_versions_unaligned_clauses_keep_their_rows(tmp_path: Path) -> None:
    (tmp_path / "en.md").write_text(SMALL_EN, encoding="utf-8")
    (tmp_path / "zh.md").write_text(SMALL_ZH, encoding="utf-8")
    en, zh = dpa_compare.load(tmp_path / "en.md"), dpa_compare.load(tmp_path / "zh.md")
    model = build_report(en, zh)
    by_id = {row.id: row for row in model.rows}
    assert by_id["1.2"].status == "missing" and by_id["1.2"].chinese.spans == ()
    assert by_id["zh-2.2"].status == "orphaned" and by_id["zh-2.2"].english.spans == ()
    assert by_id["1.1"].status == "current" and not by_id["1.1"].english.has_changes
    assert not any(a.title == "English changes" for a in model.appendices)
    gaps = next(a for a in model.appendices if a.title == "Alignment gaps")
    assert len(gaps.rows) == 2


def test_a_chinese_clause_dropped_while_another_takes_its_number_keeps_a_row_id_of_its_own(
    tmp_path: Path,
) -> None:
    # -- bug: the dropped 2.3 and the renumbered 2.2 → 2.3 both took row id "zh-2.3" (ValueError,
    #    exit 123) --
    added = "2.2 本条为译者自行添加的说明。"
    (tmp_path / "en.md").write_text(SMALL_EN, encoding="utf-8")
    (tmp_path / "old.md").write_text(
        SMALL_ZH.replace(added, added + "\n\n2.3 双方另行约定的保密期限为五年。"), encoding="utf-8"
    )
    (tmp_path / "zh.md").write_text(
        SMALL_ZH.replace(
            added,
            "2.2 违约方须向守约方赔偿全部损失及合理律师费用。\n\n2.3 本条为译者自行添加的说明。",
        ),
        encoding="utf-8",
    )
    en, old, zh = (dpa_compare.load(tmp_path / name) for name in ("en.md", "old.md", "zh.md"))
    model = build_report(en, zh, previous_en=en, previous_zh=old)
    by_id = {row.id: row for row in model.rows}
    assert by_id["zh-2.3"].chinese.new_text == "本条为译者自行添加的说明。"
    assert by_id["zh-old-2.3"].chinese.old_text == "双方另行约定的保密期限为五年。"
    assert by_id["zh-old-2.3"].chinese.new_text == ""


def test_initials() -> None:
    assert initials("Chen Yu") == "CY"
    assert initials("李娜") == "李娜"
    assert initials("") == "?"


def test_note_dates_become_utc_date_times() -> None:
    assert _iso("2020-04-20") == "2020-04-20T00:00:00Z"
    assert _iso("2020-04-20T10:00:00Z") == "2020-04-20T10:00:00Z"
    # -- bug: an offset was dropped, not converted (10:00+08:00 came out as 10:00Z) --
    assert _iso("2020-04-20T10:00:00+08:00") == "2020-04-20T02:00:00Z"
    assert _iso("") == _iso("last spring") == ""


def test_a_chinese_clause_with_no_english_in_either_version_is_orphaned(tmp_path):
    import dpa_compare

    english = (
        "# T\n\n## 1. Scope\n\n1.1 The Provider shall process data.\n\n1.2 The Customer shall pay "
        "fees.\n"
    )
    chinese = "# 标题\n\n## 1. 范围\n\n1.1 提供方应处理数据。\n\n1.2 客户应支付费用。\n"
    files = {
        "en.md": english,
        "en_old.md": english,
        "zh_old.md": chinese,
        "zh.md": chinese + "\n1.3 本条款在双方签署之日起生效，有效期为五年。\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    en, zh, old_en, old_zh = (
        dpa_compare.load(tmp_path / n) for n in ("en.md", "zh.md", "en_old.md", "zh_old.md")
    )
    model = build_report(en, zh, old_en, old_zh)
    row = model.rows[-1]
    assert row.chinese.text.endswith("有效期为五年。")
    # -- the shared status model: a clause added to the translation alone is drift --
    assert row.status == "drift"
    assert row.comments, "the addition is a QA finding shown as a comment"
