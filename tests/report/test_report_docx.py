from __future__ import annotations

import zipfile
from collections import Counter

import pytest
from lxml import etree
from report_sample import ROWS, long_id_model, sample_model
from report_xml import data_rows, main_table, parts, range_text, w, xml

from dpa_compare.report.docx_ooxml import decode_bookmark
from dpa_compare.report.docx_writer import build_docx, write_docx
from dpa_compare.report.model import CELL_NAMES, ReportModel, ReportOptions
from dpa_compare.report.review_reader import accept_all_text, cell_text, reject_all_text

COLUMN = {"english": 1, "chinese": 2}


@pytest.fixture(scope="module")
def display_docx() -> bytes:
    return build_docx(sample_model())


@pytest.fixture(scope="module")
def tracked_docx() -> bytes:
    return build_docx(
        sample_model(), tracked_changes=True, author="Reviewer Bot", date="2024-09-03T10:00:00Z"
    )


def _cells(data: bytes) -> list[list]:
    return [tr.findall(w("tc")) for tr in data_rows(main_table(xml(data)))]


@pytest.mark.parametrize("column", ["english", "chinese"])
def test_every_clause_text_appears_once_in_its_column_in_order(display_docx, column):
    shown = [cell_text(cells[COLUMN[column]], "shown") for cells in _cells(display_docx)]
    expected = [getattr(row, column).text for row in ROWS]
    assert shown == expected
    counts = Counter(shown)
    assert all(counts[text] == 1 for text in expected if text)


def test_number_and_status_cells_carry_the_model_values(display_docx):
    cells = _cells(display_docx)
    assert [cell_text(c[0], "shown") for c in cells] == [row.number for row in ROWS]
    assert cell_text(cells[4][3], "shown") == "Renumbered"
    assert cell_text(cells[4][0], "shown") == "2.1 → 3.1"


def test_each_row_has_one_bookmark_carrying_its_id(display_docx):
    for row, tr in zip(ROWS, data_rows(main_table(xml(display_docx))), strict=True):
        names = [b.get(w("name")) for b in tr.iter(w("bookmarkStart"))]
        assert len(names) == 1 and len(names[0]) <= 40
        assert decode_bookmark(names[0]) == row.id


@pytest.mark.parametrize("mode", ["display", "tracked"])
def test_word_comments_match_the_model_and_sit_in_the_right_row_and_cell(
    display_docx, tracked_docx, mode
):
    data = display_docx if mode == "display" else tracked_docx
    comments = {c.get(w("id")): c for c in xml(data, "word/comments.xml").iter(w("comment"))}
    assert len(comments) == sample_model().comment_count == 7
    for row, cells in zip(ROWS, _cells(data), strict=True):
        found = [
            (CELL_NAMES[index], marker.get(w("id")))
            for index, tc in enumerate(cells)
            for marker in tc.iter(w("commentRangeStart"))
        ]
        assert [name for name, _ in found] == [c.anchor.cell for c in row.comments]
        for comment, (name, cid) in zip(row.comments, found, strict=True):
            element = comments[cid]
            assert element.get(w("author")) == comment.author
            assert element.get(w("initials")) == comment.initials
            assert element.get(w("date")) == (
                comment.date
                or ("2024-09-03T10:00:00Z" if mode == "tracked" else "2000-01-01T00:00:00Z")
            )
            assert "".join(element.itertext()) == comment.display_text
            cell = row.cell(name)
            anchored = range_text(cells[CELL_NAMES.index(name)].find(w("p")), cid)
            expected = (
                cell.text if comment.anchor.span is None else cell.spans[comment.anchor.span].text
            )
            assert anchored == expected


def test_display_mode_draws_redlines_by_formatting_only(display_docx):
    root = xml(display_docx)
    assert not list(root.iter(w("ins"))) and not list(root.iter(w("del")))
    tc = _cells(display_docx)[2][2]
    runs = [r for r in tc.findall(f"{w('p')}/{w('r')}") if r.find(w("t")) is not None]
    deleted, inserted = runs[1].find(w("rPr")), runs[2].find(w("rPr"))
    assert (
        deleted.find(w("strike")) is not None and deleted.find(w("color")).get(w("val")) == "FF0000"
    )
    assert (
        inserted.find(w("u")).get(w("val")) == "double"
        and inserted.find(w("color")).get(w("val")) == "0000FF"
    )
    for row, cells in zip(ROWS, _cells(display_docx), strict=True):
        for name, column in COLUMN.items():
            assert cell_text(cells[column], "accept") == getattr(row, name).new_text
            assert cell_text(cells[column], "reject") == getattr(row, name).old_text


def test_tracked_changes_accept_all_gives_new_and_reject_all_old(tracked_docx):
    for row, cells in zip(ROWS, _cells(tracked_docx), strict=True):
        for name, column in COLUMN.items():
            cell = getattr(row, name)
            assert accept_all_text(cells[column]) == cell.new_text, (row.id, name)
            assert reject_all_text(cells[column]) == cell.old_text, (row.id, name)


def test_tracked_revisions_are_flat_attributed_and_uniquely_numbered(tracked_docx):
    root = etree.fromstring(parts(tracked_docx)["word/document.xml"])  # -- well-formed --
    revisions = list(root.iter(w("ins"), w("del")))
    assert len(revisions) == sum(
        1
        for row in ROWS
        for cell in (row.english, row.chinese)
        for s in cell.spans
        if s.style != "plain"
    )
    for revision in revisions:
        assert revision.get(w("author")) == "Reviewer Bot"
        assert revision.get(w("date")) == "2024-09-03T10:00:00Z"
        assert not [a for a in revision.iterancestors() if a.tag in (w("ins"), w("del"))]
        assert revision.find(f".//{w('commentRangeStart')}") is None
        assert revision.find(f".//{w('commentReference')}") is None
        if revision.tag == w("del"):
            assert (
                revision.find(f".//{w('t')}") is None
                and revision.find(f".//{w('delText')}") is not None
            )
    ids = [e.get(w("id")) for e in root.iter(w("ins"), w("del"), w("bookmarkStart"))]
    comment_ids = [
        c.get(w("id")) for c in xml(tracked_docx, "word/comments.xml").iter(w("comment"))
    ]
    assert len(set(ids)) == len(ids)
    assert not set(ids) & set(comment_ids)


def test_same_model_gives_identical_bytes(tmp_path):
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    write_docx(sample_model(), first, tracked_changes=True)
    write_docx(ReportModel.from_json(sample_model().to_json()), second, tracked_changes=True)
    assert first.read_bytes() == second.read_bytes()
    assert build_docx(sample_model()) == build_docx(sample_model())
    with zipfile.ZipFile(first) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    core = xml(first.read_bytes(), "docProps/core.xml")
    assert "2000-01-01T00:00:00Z" in etree.tostring(core).decode()


def test_write_is_atomic_and_replaces_an_existing_file(tmp_path):
    target = tmp_path / "out" / "review.docx"
    target.parent.mkdir()
    target.write_bytes(b"old")
    write_docx(sample_model(), target)
    assert target.read_bytes()[:2] == b"PK"
    assert [p.name for p in target.parent.iterdir()] == ["review.docx"]


def test_page_is_landscape_and_the_table_fits_between_the_margins(display_docx):
    root = xml(display_docx)
    size = root.find(f".//{w('sectPr')}/{w('pgSz')}")
    margins = root.find(f".//{w('sectPr')}/{w('pgMar')}")
    width, height = int(size.get(w("w"))), int(size.get(w("h")))
    assert (width, height) == (16838, 11906) and size.get(w("orient")) == "landscape"
    body = width - int(margins.get(w("left"))) - int(margins.get(w("right")))
    for tbl in root.iter(w("tbl")):
        grid = sum(int(c.get(w("w"))) for c in tbl.iter(w("gridCol")))
        assert grid <= body
        assert tbl.find(f"{w('tblPr')}/{w('tblLayout')}").get(w("type")) == "fixed"
    assert sum(int(c.get(w("w"))) for c in main_table(root).iter(w("gridCol"))) == body


def test_letter_option_sets_letter_landscape():
    model = sample_model()
    letter = ReportModel(model.front, model.rows, model.appendices, ReportOptions(page="Letter"))
    size = xml(build_docx(letter)).find(f".//{w('pgSz')}")
    assert (size.get(w("w")), size.get(w("h"))) == ("15840", "12240")


def test_header_repeats_long_rows_may_split_and_headings_are_shaded(display_docx):
    tbl = main_table(xml(display_docx))
    header = tbl.findall(w("tr"))[0]
    assert header.find(f"{w('trPr')}/{w('tblHeader')}") is not None
    for row, tr in zip(ROWS, data_rows(tbl), strict=True):
        # -- a clause row may break across pages (no half-empty pages); a slim heading row may
        #    not --
        split = tr.find(f"{w('trPr')}/{w('cantSplit')}") is None
        assert split == (row.kind != "heading")
        fills = [tc.find(f"{w('tcPr')}/{w('shd')}") for tc in tr.findall(w("tc"))]
        if row.kind == "heading":
            assert all(f is not None and f.get(w("fill")) == "D6DCE4" for f in fills)
        else:
            assert fills[3] is not None  # -- the status colour --
    status_fills = {
        row.status: tr.findall(w("tc"))[3].find(f"{w('tcPr')}/{w('shd')}").get(w("fill"))
        for row, tr in zip(ROWS, data_rows(tbl), strict=True)
        if row.status
    }
    assert len(set(status_fills.values())) == len(status_fills)


def test_chinese_runs_use_a_chinese_font_and_language(display_docx):
    root = xml(display_docx)
    for tc in (cells[2] for cells in _cells(display_docx)):
        for r in (r for r in tc.iter(w("r")) if r.find(w("t")) is not None):
            fonts, lang = r.find(f"{w('rPr')}/{w('rFonts')}"), r.find(f"{w('rPr')}/{w('lang')}")
            assert fonts.get(w("eastAsia")) == "SimSun" and fonts.get(w("hint")) == "eastAsia"
            assert lang.get(w("eastAsia")) == "zh-CN"
    styles = parts(display_docx)["word/styles.xml"].decode()
    assert "eastAsiaTheme" not in styles and 'w:eastAsia="zh-CN"' in styles
    settings = xml(display_docx, "word/settings.xml")
    assert settings.find(w("themeFontLang")).get(w("eastAsia")) == "zh-CN"
    fonts = xml(display_docx, "word/fontTable.xml")
    charsets = {f.get(w("name")): f.find(w("charset")).get(w("val")) for f in fonts}
    assert charsets["SimSun"] == "86" and "80" not in charsets.values()
    assert root.find(f".//{w('t')}") is not None


def test_front_matter_and_appendices_are_written(display_docx):
    text = "".join(xml(display_docx).itertext())
    for expected in (
        "Data Processing Addendum — bilingual review",
        "Documents compared",
        "a" * 64,
        "Translation status",
        "moved-from text",
        "seg:rules-1|tok:jieba-0.42.1",
        "Appendix A — Changes between English versions",
        "Appendix B — Alignment gaps",
    ):
        assert expected in text
    footer = "".join(xml(display_docx, "word/footer1.xml").itertext())
    # -- the settings signature is printed once, in the front matter; the footer stays short --
    assert "seg:rules-1" not in footer and "Page" in footer and " of " in footer


def test_long_row_ids_are_kept_in_the_custom_xml_part_not_a_document_variable():
    data = build_docx(long_id_model())
    package = parts(data)
    # -- Word limits a document variable to about 65k characters: the review data never goes
    #    there --
    assert "docVar" not in package["word/settings.xml"].decode()
    custom = [v.decode() for k, v in package.items() if k.startswith("customXml/")]
    assert any("dpa_compare_row_ids" in c and "附件二" in c for c in custom)


def test_bad_comment_date_is_refused_naming_the_row():
    from report_sample import en

    from dpa_compare.report.model import Anchor, Comment, FrontMatter, Row

    row = Row(
        "x", "clause", "1", en("a"), comments=(Comment("c", Anchor("english"), date="yesterday"),)
    )
    with pytest.raises(ValueError, match="row 'x' comment date"):
        build_docx(ReportModel(FrontMatter("t"), (row,)))
