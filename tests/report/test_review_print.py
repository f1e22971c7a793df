"""The printed review (issue 11): QA visible in the table, statuses that mean action, Traditional
Chinese, no empty rows, both citations, and `stale` and `report` counting alike.

The statute pair below is written for these tests in the pattern of a Taiwanese act and its
official English translation (chapter headings, `### Article N` / `### 第 N 條`, paragraphs).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

import dpa_compare
from dpa_compare.report.build import (
    ReportInputs,
    analyse,
    build_report,
    model_from_analysis,
    needs_action,
)
from dpa_compare.report.docx_writer import build_docx, write_docx
from dpa_compare.report.model import STATUS_LABELS
from dpa_compare.stale import stale_report
from dpa_compare.status import ACTIONABLE, is_cosmetic_edit, most_urgent
from tests.report.report_xml import data_rows, main_table, parts, w, xml

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared" / "data" / "real"

STATUTE_EN = """# Public Records Keeping Act

## Chapter I General Provisions

### Article 1

This Act governs how agencies keep and destroy public records.

### Article 2

Records shall be kept for 10 years after the file is closed.

Records may be destroyed only after review by the archive office.

### Article 2-1

The archive office shall publish a list of destroyed records every year.

## Chapter II Penalties

### Article 3

An agency that destroys records without review shall be fined.
"""

STATUTE_ZH = """# 公務檔案保存法

## 第 一 章 總則

### 第 1 條

本法規範機關保存及銷毀公務檔案之方式。

### 第 2 條

檔案應於結案後保存15年。

檔案非經檔案機關審查，不得銷毀。

### 第 2-1 條

檔案機關應每年公告已銷毀檔案之清單。

## 第 二 章 罰則

### 第 3 條

機關未經審查銷毀檔案者，處以罰鍰。
"""


@pytest.fixture(scope="module")
def statute(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    folder = tmp_path_factory.mktemp("statute")
    (folder / "act.en.md").write_text(STATUTE_EN, encoding="utf-8")
    (folder / "act.zh.md").write_text(STATUTE_ZH, encoding="utf-8")
    en = dpa_compare.load(folder / "act.en.md", lang="en")
    zh = dpa_compare.load(folder / "act.zh.md", lang="zh")
    return en, zh, build_report(en, zh)


def _pdf_text(docx: Path, tmp_path: Path) -> str:
    profile = (tmp_path / "lo-profile").as_uri()
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx),
        ],
        capture_output=True,
        timeout=600,
        check=False,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    pdf = tmp_path / (docx.stem + ".pdf")
    assert done.returncode == 0 and pdf.exists(), done.stderr.decode(errors="replace")
    # -- content-stream order: each table cell's lines stay together (-layout interleaves
    #    columns) --
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, check=True)
    return text.stdout.decode("utf-8")


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


# -- rows: no empty ones, headings folded, both citations -----------------------------------------


def test_no_row_is_empty_and_article_headings_fold_into_their_first_paragraph(statute) -> None:  # noqa: ANN001
    _, _, model = statute
    assert all(row.english.text.strip() or row.chinese.text.strip() for row in model.rows)
    first = model.row("art1.p1")
    assert first.english.text.startswith("Chapter I General Provisions\nArticle 1\n")
    assert first.chinese.text.startswith("第 一 章 總則\n第 1 條\n")
    assert (first.number, first.zh_number) == ("Article 1 ¶1", "第 1 條 ¶1")
    assert model.row("art2-1.p1").zh_number == "第 2-1 條 ¶1"
    # -- every printed row is numbered for the actions table --
    assert [row.position for row in model.rows] == list(range(1, len(model.rows) + 1))


def test_no_empty_rows_in_the_corpus_review() -> None:
    if not (CORPUS / "en/dpa-2024-09.md").exists():
        pytest.skip("corpus absent")
    model = build_report(
        dpa_compare.load(CORPUS / "en/dpa-2024-09.md", lang="en"),
        dpa_compare.load(CORPUS / "zh/dpa-2023-03.zh.md", lang="zh"),
        previous_en=dpa_compare.load(CORPUS / "en/dpa-2023-03.md", lang="en"),
    )
    assert all(row.english.text.strip() or row.chinese.text.strip() for row in model.rows)
    assert not [
        row for row in model.rows if row.kind == "heading" and row.level > 0 and not row.status
    ]


# -- Traditional Chinese ---------------------------------------------------------------------------


def test_traditional_input_is_tagged_zh_tw_with_a_traditional_font(statute) -> None:  # noqa: ANN001
    _, _, model = statute
    assert (model.options.zh_locale, model.options.zh_font) == ("zh-TW", "PMingLiU")
    data = build_docx(model)
    langs = {el.get(w("eastAsia")) for el in xml(data).iter(w("lang")) if el.get(w("eastAsia"))}
    assert langs == {"zh-TW"}
    chinese_runs = [
        r for r in xml(data).iter(w("r")) if r.find(f"{w('rPr')}/{w('lang')}") is not None
    ]
    fonts = {r.find(f"{w('rPr')}/{w('rFonts')}").get(w("eastAsia")) for r in chinese_runs}
    assert chinese_runs and fonts <= {"PMingLiU", None}
    assert any("檔案" in "".join(r.itertext()) for r in chinese_runs)
    assert 'w:eastAsia="zh-TW"' in parts(data)["word/styles.xml"].decode()
    table = xml(data, "word/fontTable.xml")
    charset = {f.get(w("name")): f.find(w("charset")).get(w("val")) for f in table}
    assert (
        charset["PMingLiU"] == "88"
    )  # -- Big5: a missing PMingLiU falls back to a Traditional font --


def test_simplified_input_keeps_zh_cn(tmp_path: Path) -> None:
    (tmp_path / "a.en.md").write_text(
        "# T\n\n1. The Provider shall keep records.\n", encoding="utf-8"
    )
    (tmp_path / "a.zh.md").write_text("# 标题\n\n1. 提供方应当保存记录。\n", encoding="utf-8")
    model = build_report(
        dpa_compare.load(tmp_path / "a.en.md"), dpa_compare.load(tmp_path / "a.zh.md")
    )
    assert (model.options.zh_locale, model.options.zh_font) == ("zh-CN", "SimSun")


# -- QA in the table, statuses --------------------------------------------------------------------


def test_findings_are_printed_in_the_notes_cell_and_marked_in_the_status(statute) -> None:  # noqa: ANN001
    _, _, model = statute
    row = model.row("art2.p1")
    finding = next(c for c in row.comments if c.kind == "finding" and c.check == "numbers")
    assert finding.severity == "critical" and finding.date == ""
    assert f"Critical · numbers: {finding.text}" in row.notes.text
    assert row.worst_finding == "critical" and needs_action(row)
    # -- anchored on the words concerned, not the whole cell --
    anchored = row.chinese.spans[finding.anchor.span : finding.anchor.span_end + 1]
    assert "".join(s.text for s in anchored) in ("15年", "15")
    data = build_docx(model)
    tr = next(
        tr
        for tr in data_rows(main_table(xml(data)))
        if "檔案應於結案後保存15年" in "".join(tr.itertext())
    )
    status = "".join(tr.findall(w("tc"))[3].itertext())
    assert status.startswith("Current") and "Critical finding" in status


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice or pdftotext not installed")  # fmt: skip
def test_every_critical_and_major_finding_is_printed_in_the_pdf(tmp_path: Path) -> None:
    if not (CORPUS / "en/dpa-2024-09.md").exists():
        pytest.skip("corpus absent")
    from dpa_compare.qa import load_glossary

    model = build_report(
        dpa_compare.load(CORPUS / "en/dpa-2024-09.md", lang="en"),
        dpa_compare.load(CORPUS / "zh/dpa-2023-03.zh.md", lang="zh"),
        previous_en=dpa_compare.load(CORPUS / "en/dpa-2023-03.md", lang="en"),
        glossary=load_glossary(CORPUS / "glossary.yaml"),
    )
    serious = [
        (row, c) for row in model.rows for c in row.comments if c.severity in ("critical", "major")
    ]
    assert len(serious) >= 5
    write_docx(model, tmp_path / "review.docx")
    printed = _squeezed(_pdf_text(tmp_path / "review.docx", tmp_path))
    for row, comment in serious:
        line = next(
            x
            for x in row.notes.text.split("\n")
            if comment.check in x and x.startswith(comment.severity.capitalize())
        )
        assert _squeezed(line) in printed, line
    assert "Criticalfinding" in printed


def test_only_actionable_leaves_only_rows_needing_action(statute) -> None:  # noqa: ANN001
    en, zh, full = statute
    model = build_report(en, zh, only_actionable=True)
    assert model.rows and len(model.rows) < len(full.rows)
    assert all(
        row.status in ACTIONABLE or row.worst_finding in ("critical", "major") for row in model.rows
    )
    assert not [row for row in model.rows if row.status == "current" and not row.worst_finding]
    assert [item.row_id for item in model.front.actions] == [row.id for row in model.rows]
    assert [row.position for row in model.rows] == list(range(1, len(model.rows) + 1))
    # -- the counts still describe the whole document --
    assert model.front.counts == full.front.counts


def test_actions_table_refers_to_each_row_by_number_and_page(statute) -> None:  # noqa: ANN001
    _, _, model = statute
    assert model.front.actions
    body = "".join(xml(build_docx(model)).itertext())
    assert "Rows needing action" in body
    instructions = [t.text for t in xml(build_docx(model)).iter(w("instrText"))]
    from dpa_compare.report.docx_ooxml import bookmark_name

    assert any(
        f"PAGEREF {bookmark_name(model.front.actions[0].row_id)} " in i for i in instructions
    )


def test_cosmetic_english_edits_are_graded_apart() -> None:
    assert is_cosmetic_edit("see Paragraph 3 above.", "see paragraph 3 above")
    assert is_cosmetic_edit("the  Provider", "the Provider")
    assert not is_cosmetic_edit("within 30 days", "within 60 days")
    assert not is_cosmetic_edit("same", "same")
    assert most_urgent(["current", "cosmetic"]) == "cosmetic"
    assert most_urgent(["cosmetic", "stale"]) == "stale"


def test_a_case_only_english_change_is_cosmetic_not_stale(tmp_path: Path) -> None:
    old = (
        "# T\n\n## 1. Scope\n\n1.1 As set out in Paragraph 2, the Provider shall keep records.\n\n"
        "1.2 The Provider shall keep records for 30 days.\n"
    )
    new = old.replace("Paragraph 2", "paragraph 2").replace("30 days", "60 days")
    zh = (
        "# 标题\n\n## 1. 范围\n\n1.1 如第2段所述，提供方应保存记录。\n\n"
        "1.2 提供方应将记录保存30日。\n"
    )
    for name, text in (("old.md", old), ("new.md", new), ("zh.md", zh)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    old_en, new_en, zh_doc = (dpa_compare.load(tmp_path / n) for n in ("old.md", "new.md", "zh.md"))
    statuses = {r.zh_label: r.status for r in stale_report(old_en, new_en, zh_doc).rows}
    assert statuses["1.1"] == "cosmetic" and statuses["1.2"] == "stale"
    model = build_report(new_en, zh_doc, previous_en=old_en)
    assert model.row("1.1").status == "cosmetic" and STATUS_LABELS["cosmetic"] == "Cosmetic change"


# -- one status model --------------------------------------------------------------------------


def _report_counts(model) -> dict[str, int]:  # noqa: ANN001
    table = next(t for t in model.front.counts if t.title == "Translation status")
    return dict(table.rows)


def test_stale_and_report_count_alike_on_the_demo() -> None:
    if not (CORPUS / "en/dpa-2024-09.md").exists():
        pytest.skip("corpus absent")
    old, new = (
        dpa_compare.load(CORPUS / f"en/dpa-{v}.md", lang="en") for v in ("2023-03", "2024-09")
    )
    zh = dpa_compare.load(CORPUS / "zh/dpa-2023-03.zh.md", lang="zh")
    stale = stale_report(old, new, zh).counts()
    model = build_report(new, zh, previous_en=old)
    assert _report_counts(model) == {STATUS_LABELS[s]: n for s, n in stale.items()}
    assert stale["current"] == 40  # -- the demo: the review said 33 while `stale` said 40 --


def test_stale_and_report_count_alike_on_tw_pdpa() -> None:
    folder = SHARED / "tw-pdpa"
    if not (folder / "tw-pdpa.en.md").exists():
        pytest.skip("shared tw-pdpa data absent")
    en = dpa_compare.load(folder / "tw-pdpa.en.md", lang="en")
    zh = dpa_compare.load(folder / "tw-pdpa.zh.md", lang="zh")
    stale = stale_report(en, en, zh).counts()
    analysis = analyse(ReportInputs(en, zh))
    model = model_from_analysis(analysis)
    assert _report_counts(model) == {STATUS_LABELS[s]: n for s, n in stale.items()}
    assert all(row.english.text.strip() or row.chinese.text.strip() for row in model.rows)
    assert model.options.zh_locale == "zh-TW"


# -- front matter: version and date ---------------------------------------------------------------


def test_version_and_date_come_from_the_document_or_the_file_name(tmp_path: Path) -> None:
    from dpa_compare.report.build_front import UNKNOWN, document_version_date

    (tmp_path / "terms-2022-07.md").write_text("# T\n\n1. Text.\n", encoding="utf-8")
    (tmp_path / "terms.md").write_text("# T\n\n1. Text.\n", encoding="utf-8")
    assert document_version_date(dpa_compare.load(tmp_path / "terms-2022-07.md")) == (
        "2022-07 (file name)",
        "2022-07 (file name)",
    )
    assert document_version_date(dpa_compare.load(tmp_path / "terms.md")) == (UNKNOWN, UNKNOWN)


def test_comments_are_dated_when_the_review_is_written(statute, monkeypatch) -> None:  # noqa: ANN001
    from datetime import UTC, datetime

    from dpa_compare.cli.report import run_date

    _, _, model = statute
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    assert run_date().startswith(today)
    dates = {c.get(w("date")) for c in xml(build_docx(model, date=run_date()), "word/comments.xml")}
    assert {d[:10] for d in dates} == {today}  # -- QA findings carry no date of their own --
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1733500000")
    assert run_date() == "2024-12-06T15:46:40Z"


def test_a_review_of_only_actionable_rows_imports_without_warnings(statute, tmp_path: Path) -> None:  # noqa: ANN001
    from dpa_compare.report.build_review import import_review

    en, zh, full = statute
    write_docx(build_report(en, zh, only_actionable=True), tmp_path / "actions.docx")
    write_docx(full, tmp_path / "full.docx")
    actions = import_review(tmp_path / "actions.docx")
    assert actions.warnings == ()  # -- rows left out of the print keep their Chinese, silently --
    assert actions.markdown() == import_review(tmp_path / "full.docx").markdown()
