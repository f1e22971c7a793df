from __future__ import annotations

import copy
import json
import re

import docx
import pytest
from lxml import etree
from report_sample import ROWS, long_id_model, sample_model
from report_xml import W, data_rows, main_table, parts, rezip, serialise, w, xml

from dpa_compare.errors import LoadError
from dpa_compare.report.docx_writer import ID_MAP_VARIABLE, build_docx, write_docx
from dpa_compare.report.review_reader import cell_text, read_review, review_changes

NEW_COMMENT = "请核对“处理活动”的译法。"


def _row(root, row_id: str):
    return data_rows(main_table(root))[[r.id for r in ROWS].index(row_id)]


def _edit(data: bytes) -> bytes:
    """Return `data` edited the way a reviewer would: two Chinese cells changed, one comment
    added."""
    root = xml(data)
    # -- 1.1: a plain edit, typed over the text --
    t = _row(root, "1.1").findall(w("tc"))[2].find(f".//{w('t')}")
    t.text = "“服务数据”指客户上传至本平台的全部记录。"
    # -- 2.5: a tracked change, "承担" deleted and "负担" inserted --
    p = _row(root, "2.5").findall(w("tc"))[2].find(w("p"))
    run = p.find(w("r"))
    before, after = run.find(w("t")).text.split("承担")
    run.find(w("t")).text = before
    deletion = etree.SubElement(
        p, w("del"), {w("id"): "900", w("author"): "Li Wei", w("date"): "2024-09-05T00:00:00Z"}
    )
    dead = copy.deepcopy(run)
    dead.find(w("t")).tag = w("delText")
    dead.find(w("delText")).text = "承担"
    deletion.append(dead)
    insertion = etree.SubElement(
        p, w("ins"), {w("id"): "901", w("author"): "Li Wei", w("date"): "2024-09-05T00:00:00Z"}
    )
    new = copy.deepcopy(run)
    new.find(w("t")).text = "负担"
    insertion.append(new)
    tail = copy.deepcopy(run)
    tail.find(w("t")).text = after
    p.append(tail)
    # -- 3.2: a new comment on the Chinese cell --
    target = _row(root, "3.2").findall(w("tc"))[2].find(w("p"))
    first = target.find(w("r"))
    first.addprevious(etree.Element(w("commentRangeStart"), {w("id"): "77"}))
    first.addnext(etree.Element(w("commentRangeEnd"), {w("id"): "77"}))
    comments = xml(data, "word/comments.xml")
    added = etree.SubElement(
        comments,
        w("comment"),
        {
            w("id"): "77",
            w("author"): "Wang Fang",
            w("initials"): "WF",
            w("date"): "2024-09-06T09:00:00Z",
        },
    )
    etree.SubElement(
        etree.SubElement(etree.SubElement(added, w("p")), w("r")), w("t")
    ).text = NEW_COMMENT
    # -- 2.2: its id bookmark deleted --
    for mark in list(_row(root, "2.2").iter(w("bookmarkStart"), w("bookmarkEnd"))):
        mark.getparent().remove(mark)
    return rezip(
        data, {"word/document.xml": serialise(root), "word/comments.xml": serialise(comments)}
    )


@pytest.mark.parametrize("tracked", [False, True])
def test_an_untouched_report_reads_back_as_the_model(tmp_path, tracked):
    path = tmp_path / "report.docx"
    model = sample_model()
    write_docx(model, path, tracked_changes=tracked)
    review = read_review(path)
    assert review.warnings == ()
    assert [r.row_id for r in review.rows] == [r.id for r in ROWS]
    assert [r.chinese for r in review.rows] == [r.chinese.new_text for r in ROWS]
    assert [r.english for r in review.rows] == [r.english.new_text for r in ROWS]
    changes = review_changes(model, review)
    assert changes.edits == () and changes.comments == () and changes.lost == ()
    written = review.row("1.2").comments[0]
    assert (written.cell, written.author, written.initials) == ("chinese", "dpa-compare QA", "QA")
    assert written.text == ROWS[2].comments[0].display_text
    assert [c.cell for c in review.row("3.2").comments] == ["chinese", "notes"]


def test_reviewer_edits_and_comments_come_back_exactly(tmp_path):
    path = tmp_path / "reviewed.docx"
    path.write_bytes(_edit(build_docx(sample_model())))
    review = read_review(path)
    changes = review_changes(sample_model(), review)
    assert changes.edits == (
        ("1.1", "“服务数据”指客户上传至平台的记录。", "“服务数据”指客户上传至本平台的全部记录。"),
        (
            "2.5",
            "审计费用由客户承担，但审计发现重大违约的除外。",
            "审计费用由客户负担，但审计发现重大违约的除外。",
        ),
    )
    assert len(changes.comments) == 1
    row_id, comment = changes.comments[0]
    assert (row_id, comment.cell, comment.author, comment.initials) == (
        "3.2",
        "chinese",
        "Wang Fang",
        "WF",
    )
    assert (comment.date, comment.text) == ("2024-09-06T09:00:00Z", NEW_COMMENT)
    assert changes.lost == ("2.2",)
    assert len(review.warnings) == 1
    assert (
        "table row 6 (№ '2.2')" in review.warnings[0]
        and "bookmark is missing" in review.warnings[0]
    )


def test_the_tracked_edit_rejected_gives_the_original_text(tmp_path):
    root = xml(_edit(build_docx(sample_model())))
    cell = _row(root, "2.5").findall(w("tc"))[2]
    assert cell_text(cell, "reject") == ROWS[8].chinese.text
    assert cell_text(cell, "shown") == "审计费用由客户承担负担，但审计发现重大违约的除外。"


def test_malformed_and_duplicated_bookmarks_are_reported(tmp_path):
    data = build_docx(sample_model())
    root = xml(data)
    _row(root, "1.1").find(f".//{w('bookmarkStart')}").set(w("name"), "dpa_1_q1")
    tbl = main_table(root)
    tbl.append(copy.deepcopy(_row(root, "3.2")))
    path = tmp_path / "edited.docx"
    path.write_bytes(rezip(data, {"word/document.xml": serialise(root)}))
    review = read_review(path)
    assert len(review.warnings) == 2
    assert "'dpa_1_q1' is malformed" in review.warnings[0]
    assert "id '3.2' already read from row 11" in review.warnings[1]
    assert "1.1" not in {r.row_id for r in review.rows}


def test_a_comment_in_an_unidentified_row_is_named_in_the_warning(tmp_path):
    data = build_docx(sample_model())
    root = xml(data)
    for mark in list(_row(root, "1.2").iter(w("bookmarkStart"))):
        mark.getparent().remove(mark)
    path = tmp_path / "edited.docx"
    path.write_bytes(rezip(data, {"word/document.xml": serialise(root)}))
    (warning,) = read_review(path).warnings
    assert "№ '1.2'" in warning and "nor its 1 comment" in warning


def test_long_ids_are_resolved_through_the_stored_table(tmp_path):
    path = tmp_path / "long.docx"
    write_docx(long_id_model(), path)
    review = read_review(path)
    assert review.warnings == ()
    assert review.rows[0].row_id == long_id_model().rows[0].id
    assert review.rows[0].chinese == "文本。"


def test_cell_text_handles_moves_tabs_and_breaks():
    p = etree.fromstring(
        f'<w:p xmlns:w="{W}"><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/></w:r>'
        "<w:moveFrom><w:r><w:t>X</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>Y</w:t></w:r></w:moveTo>"
        "<w:r><w:rPr><w:strike/></w:rPr><w:t>old</w:t></w:r><w:r><w:rPr><w:u "
        "w:val='double'/></w:rPr><w:t>new</w:t></w:r></w:p>"
    )
    assert cell_text(p, "accept") == "a\tb\nYnew"
    assert cell_text(p, "reject") == "a\tb\nXold"
    assert cell_text(p, "shown") == "a\tb\nXYoldnew"
    assert cell_text(p, "accept", formatted_redlines=False) == "a\tb\nYoldnew"


def test_files_that_are_not_reports_raise_load_error(tmp_path):
    with pytest.raises(LoadError, match="missing.docx: cannot be read"):
        read_review(tmp_path / "missing.docx")
    plain = tmp_path / "plain.docx"
    docx.Document().save(plain)
    with pytest.raises(LoadError, match="plain.docx: holds no dpa-compare review table"):
        read_review(plain)
    junk = tmp_path / "junk.docx"
    junk.write_bytes(b"not a zip")
    with pytest.raises(LoadError, match="junk.docx"):
        read_review(junk)
    assert "word/document.xml" in parts(build_docx(sample_model()))


def test_document_variables_are_read_from_the_custom_xml_part_when_settings_lost_them(tmp_path):
    # -- LibreOffice drops w:docVars on save; the writer's custom XML part keeps them --
    from dpa_compare.report.docx_ooxml import bookmark_name
    from dpa_compare.report.review_reader import document_variables

    data = build_docx(long_id_model())
    settings = re.sub(
        rb"<w:docVars>.*</w:docVars>", b"", parts(data)["word/settings.xml"], flags=re.S
    )
    assert b"docVar" not in settings
    stripped = rezip(data, {"word/settings.xml": settings})
    (tmp_path / "saved.docx").write_bytes(stripped)
    variables = document_variables(parts(stripped), tmp_path / "saved.docx")
    row_id = long_id_model().rows[0].id
    assert json.loads(variables[ID_MAP_VARIABLE]) == {bookmark_name(row_id): row_id}
    assert read_review(tmp_path / "saved.docx").rows[0].row_id == row_id
