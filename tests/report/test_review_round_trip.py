"""Round trip of a reviewed copy (issue 11): English edits reported, resolved state and replies read
back from `commentsExtended`, edited notes updated (not duplicated), paragraph breaks kept, and a
1,000-row review that LibreOffice saved again still imports.

The documents are written for these tests, in the register of a data processing addendum.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

import dpa_compare
from dpa_compare.model import Alignment, Link
from dpa_compare.qa import load_notes
from dpa_compare.report import docx_ooxml as ox
from dpa_compare.report.build import Analysis, ReportInputs, build_report, model_from_analysis
from dpa_compare.report.build_review import import_review
from dpa_compare.report.docx_writer import COMMENTS_EXTENDED_REL, COMMENTS_EXTENDED_TYPE, write_docx
from dpa_compare.report.review_reader import read_review
from dpa_compare.stale import stale_report
from tests.report.report_xml import data_rows, main_table, parts, rezip, serialise, w

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"

EN = """# Hosting Terms

## 1. Records

1.1 The Provider shall keep the access records for 30 days.

1.2 The Customer shall pay the hosting fees every month.

## 2. Security

2.1 The Provider shall encrypt stored data and rotate its keys.
"""

ZH = """# 托管条款

## 1. 记录

1.1 提供方应将访问记录保存30日。

1.2 客户应按月支付托管费用。

## 2. 安全

2.1 提供方应对存储的数据进行加密并轮换密钥。
"""

NOTES = """source: zh.md
notes:
  - clause: "1.1"
    zh_clause: "1.1"
    author: "Chen Yu"
    date: "2024-01-10"
    text: "“访问记录”与术语表一致。"
    status: open
  - clause: "1.2"
    zh_clause: "1.2"
    author: "Li Na"
    date: "2024-01-11"
    text: "费用按月结算，已与客户确认。"
    status: resolved
"""

MULTI_LINE = "提供方应对存储的数据进行加密，\n并定期轮换密钥。"


@pytest.fixture
def review(tmp_path: Path) -> Path:
    """Return a written review of the pair, clause 2.1 of the Chinese holding a line break."""
    for name, text in (("en.md", EN), ("zh.md", ZH), ("notes.yaml", NOTES)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    en = dpa_compare.load(tmp_path / "en.md", lang="en")
    zh = dpa_compare.load(tmp_path / "zh.md", lang="zh")
    clauses = tuple(
        dataclasses.replace(c, text=MULTI_LINE) if c.id == "2.1" else c for c in zh.clauses
    )
    zh = dataclasses.replace(zh, clauses=clauses)
    model = build_report(en, zh, notes=load_notes(tmp_path / "notes.yaml"))
    path = tmp_path / "review.docx"
    write_docx(model, path)
    return path


def _row(document: etree._Element, row_id: str) -> etree._Element:
    name = ox.bookmark_name(row_id)
    return next(tr for tr in data_rows(main_table(document))
                if any(b.get(w("name")) == name for b in tr.iter(w("bookmarkStart"))))  # fmt: skip


def _comment_of(comments: etree._Element, author: str) -> etree._Element:
    return next(c for c in comments.iter(w("comment")) if c.get(w("author")) == author)


def _edit(path: Path, change) -> Path:  # noqa: ANN001 -- (document, comments, package) → extra parts
    package = parts(path)
    document = etree.fromstring(package["word/document.xml"])
    comments = etree.fromstring(package["word/comments.xml"])
    extra = change(document, comments, package) or {}
    edited = path.with_name("edited.docx")
    edited.write_bytes(
        rezip(
            path.read_bytes(),
            {
                "word/document.xml": serialise(document),
                "word/comments.xml": serialise(comments),
                **extra,
            },
        )
    )
    return edited


def test_an_unedited_review_gives_back_the_same_chinese_with_its_line_breaks(review: Path) -> None:
    result = import_review(review)
    assert result.edits == () and result.comments == () and result.warnings == ()
    assert next(c for c in result.clauses if c.id == "2.1").text == MULTI_LINE
    assert "\n并定期轮换密钥。" in result.markdown()
    assert result.note_updates == () and result.replies == ()


def test_editing_another_clause_of_the_row_keeps_the_line_break(review: Path) -> None:
    def change(document, comments, package):  # noqa: ANN001, ANN202
        paragraphs = _row(document, "2.1").findall(w("tc"))[2].findall(w("p"))
        for t in paragraphs[0].iter(w("t")):  # -- the heading line "2. 安全" --
            t.text = t.text.replace("安全", "数据安全")

    result = import_review(_edit(review, change))
    assert next(c for c in result.clauses if c.id == "2").heading == "数据安全"
    assert next(c for c in result.clauses if c.id == "2.1").text == MULTI_LINE
    assert result.warnings == ()


def test_an_edit_of_the_english_column_is_reported_not_imported(review: Path) -> None:
    def change(document, comments, package):  # noqa: ANN001, ANN202
        cell = _row(document, "1.2").findall(w("tc"))[1]
        t = next(t for t in cell.iter(w("t")) if "every month" in (t.text or ""))
        t.text = t.text.replace("every month", "every quarter")

    result = import_review(_edit(review, change))
    assert result.english_edits == ("1.2",)
    assert any("'1.2'" in warning and "English" in warning for warning in result.warnings)
    assert result.edits == ()


def test_resolved_notes_are_written_as_resolved_comments(review: Path) -> None:
    package = parts(review)
    assert "word/commentsExtended.xml" in package
    assert COMMENTS_EXTENDED_TYPE in package["[Content_Types].xml"].decode()
    assert COMMENTS_EXTENDED_REL in package["word/_rels/document.xml.rels"].decode()
    comments = {c.author: c for row in read_review(review).rows for c in row.comments}
    assert comments["Li Na"].resolved and not comments["Chen Yu"].resolved


def test_an_edited_note_is_updated_resolved_and_its_reply_kept_with_it(review: Path) -> None:
    edited_text = "“访问记录”与术语表一致；第2条同。"
    reply_text = "已核对第2条。"

    def change(document, comments, package):  # noqa: ANN001, ANN202
        note = _comment_of(comments, "Chen Yu")
        for t in note.iter(w("t")):
            t.text = ""
        next(note.iter(w("t"))).text = edited_text
        parent_para = note.findall(w("p"))[-1].get(f"{{{W14}}}paraId")
        # -- Word writes a reply as a comment of its own whose commentEx names the parent's
        #    paraId --
        reply = etree.SubElement(
            comments,
            w("comment"),
            {
                w("id"): "90",
                w("author"): "Wang Fang",
                w("initials"): "WF",
                w("date"): "2024-10-02T00:00:00Z",
            },
        )
        p = etree.SubElement(reply, w("p"), {f"{{{W14}}}paraId": "0000ABCD"})
        etree.SubElement(etree.SubElement(p, w("r")), w("t")).text = reply_text
        start = next(m for m in _row(document, "1.1").iter(w("commentRangeStart")))
        start.addnext(etree.Element(w("commentRangeStart"), {w("id"): "90"}))
        extended = etree.fromstring(package["word/commentsExtended.xml"])
        for entry in extended:
            if entry.get(f"{{{W15}}}paraId") == parent_para:
                entry.set(f"{{{W15}}}done", "1")
        etree.SubElement(extended, f"{{{W15}}}commentEx", {f"{{{W15}}}paraId": "0000ABCD",
                                                           f"{{{W15}}}paraIdParent": parent_para,
                                                           f"{{{W15}}}done": "0"})  # fmt: skip
        return {"word/commentsExtended.xml": serialise(extended)}

    result = import_review(_edit(review, change))
    assert result.comments == ()  # -- neither the edit nor the reply became a note of its own --
    notes = result.notes_data()["notes"]
    assert len(notes) == 2
    assert notes[0]["text"] == edited_text and notes[0]["status"] == "resolved"
    assert notes[0]["replies"] == [
        {"author": "Wang Fang", "date": "2024-10-02", "text": reply_text}
    ]
    assert notes[1]["status"] == "resolved"


def test_a_new_comment_marked_resolved_becomes_a_resolved_note(review: Path) -> None:
    def change(document, comments, package):  # noqa: ANN001, ANN202
        comment = etree.SubElement(
            comments,
            w("comment"),
            {
                w("id"): "91",
                w("author"): "Wang Fang",
                w("initials"): "WF",
                w("date"): "2024-10-03T00:00:00Z",
            },
        )
        p = etree.SubElement(comment, w("p"), {f"{{{W14}}}paraId": "0000BEEF"})
        etree.SubElement(etree.SubElement(p, w("r")), w("t")).text = "托管费用的币种待确认。"
        cell_p = _row(document, "1.2").findall(w("tc"))[2].find(w("p"))
        cell_p.insert(1, etree.Element(w("commentRangeStart"), {w("id"): "91"}))
        extended = etree.fromstring(package["word/commentsExtended.xml"])
        etree.SubElement(
            extended, f"{{{W15}}}commentEx", {f"{{{W15}}}paraId": "0000BEEF", f"{{{W15}}}done": "1"}
        )
        return {"word/commentsExtended.xml": serialise(extended)}

    result = import_review(_edit(review, change))
    assert [(c.row_id, c.resolved) for c in result.comments] == [("1.2", True)]
    assert result.notes_data()["notes"][-1]["status"] == "resolved"


# -- a long review through LibreOffice -------------------------------------------------------------


def _long_pair(count: int) -> tuple[str, str]:
    english = ["# Service Schedule", ""]
    chinese = ["# 服务附表", ""]
    for n in range(1, count + 1):
        english += [
            f"{n}. The Provider shall complete task {n} within {n + 2} days of the request.",
            "",
        ]
        chinese += [f"{n}. 提供方应在收到请求后{n + 2}日内完成第{n}项任务。", ""]
    return "\n".join(english), "\n".join(chinese)


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_a_1000_row_review_imports_after_libreoffice_saves_it_again(tmp_path: Path) -> None:
    english, chinese = _long_pair(1000)
    (tmp_path / "en.md").write_text(english, encoding="utf-8")
    (tmp_path / "zh.md").write_text(chinese, encoding="utf-8")
    en = dpa_compare.load(tmp_path / "en.md", lang="en")
    zh = dpa_compare.load(tmp_path / "zh.md", lang="zh")
    # -- the clauses pair one to one: a given alignment keeps the test about the round trip, not the
    #    aligner --
    links = tuple(Link((e.id,), (z.id,), 1.0) for e, z in zip(en.clauses, zh.clauses, strict=True))
    alignment = Alignment(en, zh, links, ("given",))
    stale = stale_report(en, en, zh, alignment=alignment)
    model = model_from_analysis(Analysis(ReportInputs(en, zh), alignment, stale, findings=()))
    assert len(model.rows) >= 1000
    write_docx(model, tmp_path / "review.docx")
    assert "docVar" not in parts(tmp_path / "review.docx")["word/settings.xml"].decode()
    profile = (tmp_path / "profile").as_uri()
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(tmp_path / "saved"),
            str(tmp_path / "review.docx"),
        ],
        capture_output=True,
        timeout=900,
        check=False,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    saved = tmp_path / "saved" / "review.docx"
    assert done.returncode == 0 and saved.exists(), done.stderr.decode(errors="replace")
    result = import_review(saved)
    assert result.warnings == () and result.edits == ()
    assert result.markdown() == import_review(tmp_path / "review.docx").markdown()
