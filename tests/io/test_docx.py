"""The .docx reader: Word automatic numbering, visible text, tables, titles, bold leads."""

from __future__ import annotations

from pathlib import Path

import pytest
from _docx_build import lvl, make_docx, p

from dpa_compare.io import read
from dpa_compare.io.docx_numformat import format_number

# -- abstractNum 0: 1. / 1.1 / (a) / (i), shared by numIds 1, 2 (restart) and 3 (continues) --
_LEGAL = (
    '<w:abstractNum w:abstractNumId="0">'
    + lvl(0, "decimal", "%1.")
    + lvl(1, "decimal", "%1.%2")
    + lvl(2, "lowerLetter", "(%3)")
    + lvl(3, "lowerRoman", "(%4)")
    + "</w:abstractNum>"
)
_ZH = (
    '<w:abstractNum w:abstractNumId="1">'
    + lvl(0, "chineseCounting", "第%1条")
    + lvl(1, "decimal", "%1.%2", extra="<w:isLgl/>")
    + lvl(2, "chineseCounting", "（%3）")
    + "</w:abstractNum>"
)
_ROMAN = (
    '<w:abstractNum w:abstractNumId="2">' + lvl(0, "upperRoman", "Article %1") + "</w:abstractNum>"
)
_BULLET = '<w:abstractNum w:abstractNumId="3">' + lvl(0, "bullet", "\uf0b7") + "</w:abstractNum>"
_HEADINGS = (
    '<w:abstractNum w:abstractNumId="4">'
    + lvl(0, "decimal", "Section %1", extra='<w:pStyle w:val="Heading1"/>')
    + lvl(1, "decimal", "%1.%2", extra='<w:pStyle w:val="Heading2"/>')
    + "</w:abstractNum>"
)
_LINKED = (
    '<w:abstractNum w:abstractNumId="5"><w:styleLink w:val="LegalList"/>'
    + lvl(0, "upperLetter", "%1)")
    + '</w:abstractNum><w:abstractNum w:abstractNumId="6"><w:numStyleLink '
    'w:val="LegalList"/></w:abstractNum>'
)
_NUMS = (
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>'
    '<w:num w:numId="6"><w:abstractNumId w:val="3"/></w:num>'
    '<w:num w:numId="7"><w:abstractNumId w:val="5"/></w:num>'
    '<w:num w:numId="8"><w:abstractNumId w:val="6"/></w:num>'
    '<w:num w:numId="9"><w:abstractNumId w:val="4"/></w:num>'
)
_STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name '
    'w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn '
    'w:val="Normal"/>'
    '<w:pPr><w:numPr><w:numId w:val="9"/></w:numPr><w:outlineLvl '
    'w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn '
    'w:val="Heading1"/>'
    '<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Outline3"><w:name w:val="My outline"/>'
    '<w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>'
    '<w:style w:type="numbering" w:styleId="LegalList"><w:name w:val="Legal List"/>'
    '<w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="character" w:styleId="Strong"><w:name '
    'w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>'
)

_NUMBERED_BODY = [
    (p("Scope", num=(1, 0)), "1."),
    (p("Terms", num=(1, 1)), "1.1"),
    (p("first item", num=(1, 2)), "(a)"),
    (p("an unnumbered paragraph between items"), None),
    (p("second item continues", num=(1, 2)), "(b)"),
    (p("roman one", num=(1, 3)), "(i)"),
    (p("roman two", num=(1, 3)), "(ii)"),
    (p("Second clause of section one", num=(1, 1)), "1.2"),
    (p("letters restart under a new parent", num=(1, 2)), "(a)"),
    (p("another numId of the same abstractNum continues", num=(3, 0)), "2."),
    (p("startOverride restarts the shared list", num=(2, 0)), "1."),
    (p("child of the restarted item", num=(2, 1)), "1.1"),
    (p("总则", num=(4, 0)), "第一条"),
    (p("legal numbering shows decimals", num=(4, 1)), "1.1"),
    (p("分则", num=(4, 0)), "第二条"),
    (p("一项", num=(4, 2)), "（一）"),
    (p("二项", num=(4, 2)), "（二）"),
    (p("Roman article", num=(5, 0)), "Article I"),
    (p("Roman article two", num=(5, 0)), "Article II"),
    (p("a bullet is not a number", num=(6, 0)), None),
    (p("Heading numbered through its style", style="Heading1"), "Section 1"),
    (p("Level taken from the lvl's pStyle", style="Heading2"), "1.1"),
    (p("numId 0 removes the style's numbering", style="Heading1", num=(0, 0)), None),
    (p("numStyleLink resolves through the style", num=(8, 0)), "A)"),
    (p("same list through the other numId", num=(7, 0)), "B)"),
]


@pytest.fixture()
def numbered(tmp_path: Path) -> list:
    body = p("Agreement Title", style="Title") + "".join(xml for xml, _ in _NUMBERED_BODY)
    data = make_docx(
        body,
        numbering=_LEGAL + _ZH + _ROMAN + _BULLET + _HEADINGS + _LINKED + _NUMS,
        styles=_STYLES,
    )
    file = tmp_path / "numbered.docx"
    file.write_bytes(data)
    source = read(file)
    assert source.title == "Agreement Title"
    return list(source.blocks[1:])


def test_automatic_numbers_come_out_as_word_shows_them(numbered: list) -> None:
    assert [b.auto_label for b in numbered] == [label for _, label in _NUMBERED_BODY]


def test_label_is_kept_out_of_the_text(numbered: list) -> None:
    assert numbered[0].text == "Scope"
    assert numbered[12].text == "总则"


def test_list_levels_and_bullets(numbered: list) -> None:
    assert [b.list_level for b in numbered[:4]] == [0, 1, 2, None]
    bullet = numbered[19]
    assert bullet.auto_label is None and bullet.list_level == 0


def test_heading_levels_from_styles_and_outline_level(numbered: list, tmp_path: Path) -> None:
    assert [b.heading_level for b in numbered[20:23]] == [1, 2, 1]
    assert numbered[0].heading_level is None
    direct = (
        '<w:p><w:pPr><w:outlineLvl w:val="4"/></w:pPr><w:r><w:t>Direct outline</w:t></w:r></w:p>'
    )
    file = tmp_path / "outline.docx"
    file.write_bytes(make_docx(p("Outline via style", style="Outline3") + direct, styles=_STYLES))
    assert [b.heading_level for b in read(file).blocks] == [3, 5]


def test_lvl_restart_zero_keeps_counting_across_higher_levels(tmp_path: Path) -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        + lvl(0, "decimal", "%1.")
        + lvl(1, "decimal", "Note %2", extra='<w:lvlRestart w:val="0"/>')
        + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    body = p("a", num=(1, 0)) + p("b", num=(1, 1)) + p("c", num=(1, 0)) + p("d", num=(1, 1))
    file = tmp_path / "restart.docx"
    file.write_bytes(make_docx(body, numbering=numbering))
    assert [b.auto_label for b in read(file).blocks] == ["1.", "Note 1", "2.", "Note 2"]


def test_lvl_override_with_start_renumbers_a_second_instance(tmp_path: Path) -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        + lvl(0, "upperLetter", "Schedule %1")
        + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
        + lvl(0, "decimal", "Annex %1", start=3)
        + "</w:lvlOverride></w:num>"
    )
    body = p("x", num=(1, 0)) + p("y", num=(1, 0)) + p("z", num=(2, 0)) + p("w", num=(2, 0))
    file = tmp_path / "override.docx"
    file.write_bytes(make_docx(body, numbering=numbering))
    assert [b.auto_label for b in read(file).blocks] == [
        "Schedule A",
        "Schedule B",
        "Annex 3",
        "Annex 4",
    ]


def test_empty_numbered_paragraph_still_counts(tmp_path: Path) -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="0">' + lvl(0, "decimal", "%1.") + "</w:abstractNum>"
    )
    numbering += '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    file = tmp_path / "empty-item.docx"
    file.write_bytes(
        make_docx(
            p("one", num=(1, 0)) + p("", num=(1, 0)) + p("three", num=(1, 0)), numbering=numbering
        )
    )
    assert [(b.auto_label, b.text) for b in read(file).blocks] == [("1.", "one"), ("3.", "three")]


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (11, "chineseCounting", "十一"),
        (20, "chineseCounting", "二十"),
        (101, "chineseCountingThousand", "一百零一"),
        (10, "chineseLegalSimplified", "壹拾"),
        (3, "ideographTraditional", "丙"),
        (2, "ideographZodiac", "丑"),
        (12, "decimalFullWidth", "１２"),
        (3, "decimalEnclosedCircle", "③"),
        (7, "decimalZero", "07"),
        (28, "lowerLetter", "bb"),
        (14, "upperRoman", "XIV"),
        (9, "lowerRoman", "ix"),
        (22, "ordinal", "22nd"),
        (3, "ordinalText", "Third"),
        (5, "none", ""),
        (4, "someFutureFormat", "4"),
    ],
)
def test_number_formats(value: int, fmt: str, expected: str) -> None:
    assert format_number(value, fmt) == expected


_TEXT_RUNS = (
    '<w:r><w:t xml:space="preserve">The </w:t></w:r>'
    '<w:ins w:id="1" w:author="a"><w:r><w:t xml:space="preserve">new </w:t></w:r></w:ins>'
    '<w:del w:id="2" w:author="a"><w:r><w:delText xml:space="preserve">old '
    "</w:delText></w:r></w:del>"
    '<w:r><w:t xml:space="preserve">rule, see </w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF clause_7 \\h '
    "</w:instrText></w:r>"
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>clause 7</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    '<w:r><w:t xml:space="preserve"> and </w:t></w:r>'
    '<w:hyperlink r:id="rId9"><w:r><w:t>the portal</w:t></w:r></w:hyperlink>'
    '<w:fldSimple w:instr=" PAGE "><w:r><w:t xml:space="preserve"> page 4</w:t></w:r></w:fldSimple>'
    '<w:sdt><w:sdtPr><w:alias w:val="secret"/></w:sdtPr><w:sdtContent><w:r><w:t '
    'xml:space="preserve"> filled</w:t></w:r>'
    "</w:sdtContent></w:sdt>"
    '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>MOVED-AWAY</w:t></w:r></w:moveFrom>'
    '<w:moveTo w:id="4" w:author="a"><w:r><w:t xml:space="preserve"> moved</w:t></w:r></w:moveTo>'
    "<w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r>"
    '<w:smartTag w:uri="u" w:element="e"><w:r><w:t xml:space="preserve"> '
    "tag</w:t></w:r></w:smartTag>"
    "<w:r><w:tab/><w:t>x</w:t><w:br/><w:t>e</w:t><w:noBreakHyphen/><w:t>mail</w:t></w:r>"
)


def test_visible_text_of_tracked_changes_fields_and_containers(tmp_path: Path) -> None:
    file = tmp_path / "text.docx"
    file.write_bytes(make_docx(p(inner=_TEXT_RUNS)))
    (block,) = read(file).blocks
    assert (
        block.text == "The new rule, see clause 7 and the portal page 4 filled moved tag\tx\ne-mail"
    )


def test_deleted_paragraph_is_not_numbered(tmp_path: Path) -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="0">' + lvl(0, "decimal", "%1.") + "</w:abstractNum>"
    )
    numbering += '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    gone = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:del '
        'w:id="1" w:author="a"/>'
        '</w:rPr></w:pPr><w:del w:id="2" '
        'w:author="a"><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>'
    )
    file = tmp_path / "deleted.docx"
    file.write_bytes(
        make_docx(p("kept", num=(1, 0)) + gone + p("next", num=(1, 0)), numbering=numbering)
    )
    assert [(b.auto_label, b.text) for b in read(file).blocks] == [("1.", "kept"), ("2.", "next")]


def test_tables_in_document_order_with_nested_tables(tmp_path: Path) -> None:
    def cell(*paras: str) -> str:
        return "<w:tc>" + "".join(paras) + "</w:tc>"

    nested = "<w:tbl><w:tr>" + cell(p("N1")) + "</w:tr></w:tbl>"
    table = (
        "<w:tbl><w:tr>" + cell(p("A1")) + cell(p("B1"), nested, p("B1 after")) + "</w:tr>"
        "<w:tr>" + cell(p("A2"), p("A2 second")) + cell(p("")) + "</w:tr></w:tbl>"
    )
    file = tmp_path / "table.docx"
    file.write_bytes(make_docx(p("before") + table + p("after")))
    blocks = read(file).blocks
    assert [(b.text, b.location, b.kind) for b in blocks] == [
        ("before", "paragraph 1", "paragraph"),
        ("A1", "table 1 row 1 cell 1", "table_cell"),
        ("B1", "table 1 row 1 cell 2", "table_cell"),
        ("N1", "table 2 row 1 cell 1", "table_cell"),
        ("B1 after", "table 1 row 1 cell 2", "table_cell"),
        ("A2", "table 1 row 2 cell 1", "table_cell"),
        ("A2 second", "table 1 row 2 cell 1", "table_cell"),
        ("after", "paragraph 2", "paragraph"),
    ]


def test_bold_lead(tmp_path: Path) -> None:
    lead = (
        "<w:r><w:rPr><w:b/></w:rPr><w:t>Confidentiality.</w:t></w:r>"
        '<w:r><w:t xml:space="preserve"> The Processor keeps secrets.</w:t></w:r>'
    )
    styled = (
        '<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>Audit</w:t></w:r>'
        '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> rights: </w:t></w:r><w:r><w:t>on '
        "request.</w:t></w:r>"
    )
    all_bold = "<w:r><w:rPr><w:b/></w:rPr><w:t>Everything bold</w:t></w:r>"
    off = (
        '<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>plain</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t> '
        "then bold</w:t></w:r>"
    )
    file = tmp_path / "bold.docx"
    file.write_bytes(
        make_docx(
            p(inner=lead) + p(inner=styled) + p(inner=all_bold) + p(inner=off), styles=_STYLES
        )
    )
    blocks = read(file).blocks
    assert [b.bold_lead for b in blocks] == ["Confidentiality.", "Audit rights:", None, None]
    assert blocks[0].text == "Confidentiality. The Processor keeps secrets."


def test_heading_style_bold_does_not_make_a_bold_lead(tmp_path: Path) -> None:
    file = tmp_path / "heading.docx"
    file.write_bytes(
        make_docx(p("Definitions", style="Heading1"), styles=_STYLES, numbering=_HEADINGS + _NUMS)
    )
    (block,) = read(file).blocks
    assert block.bold_lead is None and block.heading_level == 1


def test_core_properties_title_wins(tmp_path: Path) -> None:
    file = tmp_path / "titled.docx"
    file.write_bytes(
        make_docx(p("Shown Title", style="Title") + p("body"), styles=_STYLES, title="Core Title")
    )
    source = read(file)
    assert source.title == "Core Title"
    assert source.blocks[0].heading_level == 0  # -- the document title --


def test_source_records_hash_and_path(tmp_path: Path) -> None:
    import hashlib

    data = make_docx(p("text"))
    file = tmp_path / "hash.docx"
    file.write_bytes(data)
    source = read(file)
    assert source.sha256 == hashlib.sha256(data).hexdigest()
    assert source.path == str(file)


def test_a_numbered_list_inside_a_table_cell_keeps_its_numbers(tmp_path: Path) -> None:
    # -- regression: the reader gave each cell paragraph its auto_label, but the loaded row dropped
    # it --
    import dpa_compare

    cell = (
        "<w:tc>"
        + p("Hosting", num=(1, 0))
        + p("Backups", num=(1, 0))
        + p("offsite", num=(1, 2))
        + "</w:tc>"
    )
    body = p("Annex 2") + "<w:tbl><w:tr><w:tc>" + p("Acme") + "</w:tc>" + cell + "</w:tr></w:tbl>"
    numbering = _LEGAL + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    file = tmp_path / "cells.docx"
    file.write_bytes(make_docx(body, numbering=numbering))
    rows = [c.text for c in dpa_compare.load(file, lang="en").clauses if c.kind == "table_row"]
    assert rows == ["Acme | 1. Hosting 2. Backups (a) offsite"]
