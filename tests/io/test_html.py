"""Tests for the HTML reader: main text, list numbers, tables, encodings and unsafe input."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from dpa_compare.errors import LoadError
from dpa_compare.io import html
from dpa_compare.io._html_blocks import list_label

DATA = Path(__file__).resolve().parents[1] / "data" / "html"


def read(markup: str | bytes, name: str = "page.html"):
    data = markup.encode("utf-8") if isinstance(markup, str) else markup
    return html.read(data, Path(name))


def texts(markup: str | bytes) -> list[str]:
    return [b.text for b in read(markup).blocks]


def test_saved_page_keeps_only_main_content():
    source = html.read((DATA / "saved_page.html").read_bytes(), DATA / "saved_page.html")
    found = [b.text for b in source.blocks]
    assert source.title == "Sample Processing Terms"
    assert found[0] == "Sample Processing Terms"
    assert source.blocks[0].heading_level == 1
    joined = "\n".join(found)
    for furniture in (
        "Home",
        "Accept all",
        "Skip to content",
        "Related pages",
        "All rights reserved",
        "Subscribe",
        "trackPage",
        "display:none text",
    ):
        assert furniture not in joined
    assert "The Supplier acts as processor for the Customer." in found


def test_article_is_preferred_when_there_is_no_main():
    page = (
        "<body><div>Site banner text</div><article><p>Clause "
        "one.</p></article><p>Outside.</p></body>"
    )
    assert texts(page) == ["Clause one."]


def test_body_is_read_when_there_is_neither_main_nor_article():
    page = (
        "<body><nav>Menu</nav><div id='mainMenu'>Links</div><p>First.</p><div>Second.</div></body>"
    )
    assert texts(page) == ["First.", "Second."]


def test_class_words_do_not_match_inside_other_words():
    # -- "unavailable" contains the letters n-a-v, but is no navigation --
    page = (
        "<body><div class='unavailable-notice'>Kept.</div><div "
        "class='site-nav'>Dropped.</div></body>"
    )
    assert texts(page) == ["Kept."]


def test_headings_give_heading_levels():
    blocks = read("<main><h1>Title</h1><h3>Sub <em>heading</em></h3><p>Body.</p></main>").blocks
    assert [(b.text, b.heading_level) for b in blocks] == [
        ("Title", 1),
        ("Sub heading", 3),
        ("Body.", None),
    ]


@pytest.mark.parametrize(
    ("markup", "labels"),
    [
        ("<ol><li>a</li><li>b</li></ol>", ["1.", "2."]),
        ("<ol start='4'><li>a</li><li>b</li></ol>", ["4.", "5."]),
        ("<ol type='a'><li>a</li><li>b</li></ol>", ["a.", "b."]),
        ("<ol type='A' start='26'><li>a</li><li>b</li></ol>", ["Z.", "AA."]),
        (
            "<ol type='i'><li>a</li><li>b</li><li>c</li><li>d</li></ol>",
            ["i.", "ii.", "iii.", "iv."],
        ),
        ("<ol type='I' start='9'><li>a</li><li>b</li></ol>", ["IX.", "X."]),
        ("<ol reversed><li>a</li><li>b</li><li>c</li></ol>", ["3.", "2.", "1."]),
        ("<ol reversed start='10'><li>a</li><li>b</li></ol>", ["10.", "9."]),
        ("<ol><li>a</li><li value='7'>b</li><li>c</li></ol>", ["1.", "7.", "8."]),
        ("<ol style='list-style-type: lower-roman'><li>a</li><li>b</li></ol>", ["i.", "ii."]),
        ("<ol><li>a</li><li type='a'>b</li></ol>", ["1.", "b."]),
        ("<ul><li>a</li><li>b</li></ul>", [None, None]),
    ],
)
def test_ordered_list_numbers_are_what_a_browser_shows(markup, labels):
    assert [b.auto_label for b in read(markup).blocks] == labels


def test_list_label_formats():
    assert list_label(1, "1") == "1."
    assert list_label(28, "a") == "ab."
    assert list_label(1994, "I") == "MCMXCIV."
    assert (
        list_label(0, "i") == "0."
    )  # -- browsers fall back to decimal where roman has no numeral --


def test_nested_lists_give_list_levels_and_labels():
    page = """<main><ol>
      <li>Scope
        <ol type="a"><li>first item</li><li>second <ol type="i"><li>deep</li></ol></li></ol>
      </li>
      <li><p>Second clause.</p><p>Its second paragraph.</p></li>
      <li></li>
    </ol></main>"""
    blocks = read(page).blocks
    assert [(b.auto_label, b.list_level, b.text) for b in blocks] == [
        ("1.", 0, "Scope"),
        ("a.", 1, "first item"),
        ("b.", 1, "second"),
        ("i.", 2, "deep"),
        ("2.", 0, "Second clause."),
        (None, None, "Its second paragraph."),
        ("3.", 0, ""),
    ]


def test_div_text_outside_child_blocks_is_its_own_block():
    assert texts("<div>Before <p>inside</p> after <b>bold</b></div>") == [
        "Before",
        "inside",
        "after bold",
    ]


def test_br_is_a_newline_and_whitespace_collapses():
    assert texts("<p>  Line   one\n  continues<br>line&nbsp;two <br/><br/> three </p>") == [
        "Line one continues\nline two\nthree"
    ]


def test_line_break_between_chinese_characters_disappears():
    assert texts("<p>处理者应当\n  遵守本附录的规定 and\nEnglish</p>") == [
        "处理者应当遵守本附录的规定 and English"
    ]


def test_bold_run_in_title_is_bold_lead():
    blocks = read(
        "<p><strong>Audits.</strong> The Processor shall allow audits.</p><p><b>All bold</b></p>"
    ).blocks
    assert blocks[0].bold_lead == "Audits."
    assert blocks[0].text == "Audits. The Processor shall allow audits."
    assert blocks[1].bold_lead is None


def test_table_cells_become_table_cell_blocks():
    page = """<table><caption>Annex 2</caption>
      <thead><tr><th>Category</th><th>Retention</th></tr></thead>
      <tbody><tr><td><p>Contact data</p></td><td>2 years<br>then
      deleted</td></tr><tr><td></td><td>x</td></tr></tbody>
    </table>"""
    blocks = read(page).blocks
    assert blocks[0].text == "Annex 2" and blocks[0].kind == "paragraph"
    cells = [(b.location, b.text) for b in blocks if b.kind == "table_cell"]
    assert cells == [
        ("table 1 row 1 cell 1", "Category"),
        ("table 1 row 1 cell 2", "Retention"),
        ("table 1 row 2 cell 1", "Contact data"),
        ("table 1 row 2 cell 2", "2 years\nthen deleted"),
        ("table 1 row 3 cell 2", "x"),
    ]


def test_layout_table_is_read_as_flowing_text():
    page = (
        "<table role='presentation'><tr><td><h2>Terms</h2><p>One.</p></td><td><p>Two.</p></td></tr>"
        "</table>"
    )
    blocks = read(page).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Terms"),
        ("paragraph", "One."),
        ("paragraph", "Two."),
    ]


def test_pre_keeps_its_lines():
    assert texts("<pre>\n  a  b\n    c\n</pre>") == ["  a  b\n    c"]


def test_location_names_the_element():
    blocks = read("<body><div><p>x</p><p>y</p></div></body>").blocks
    assert blocks[1].location == "element 2 (body/div/p[2])"


def test_title_falls_back_to_first_h1():
    assert read("<body><h2>Not this</h2><h1>Agreement</h1></body>").title == "Agreement"


def test_meta_charset_is_honoured():
    page = (
        "<html><head><meta charset='gbk'></head><body><p>第一条 数据处理</p></body></html>".encode(
            "gb18030"
        )
    )
    assert texts(page) == ["第一条 数据处理"]


def test_http_equiv_content_type_is_honoured():
    page = (
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        "<p>Caf\xe9 \x93quoted\x94</p>"
    ).encode("latin-1")
    assert texts(page) == ["Café “quoted”"]


def test_utf8_wins_over_a_stale_legacy_declaration():
    page = "<meta charset='iso-8859-1'><p>Daten – Verarbeitung</p>".encode()
    assert texts(page) == ["Daten – Verarbeitung"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_bom_decides_the_encoding(encoding):
    assert texts("<p>第二条 保密</p>".encode(encoding)) == ["第二条 保密"]


def test_undeclared_gb18030_is_decoded_by_the_shared_decoder():
    page = ("<p>处理者应当采取适当的技术和组织措施，确保个人数据的安全。</p>" * 3).encode("gb18030")
    assert texts(page)[0].startswith("处理者应当采取适当的技术")


def test_binary_data_is_refused():
    with pytest.raises(LoadError, match=r"^junk\.html: .*binary"):
        html.read(b"\x00\x01\x02\x03PK\x00\xff" * 50, Path("junk.html"))


def test_billion_laughs_is_refused_without_expanding():
    entities = "".join(f'<!ENTITY l{n} "f"&l{n - 1};" * 10">' for n in range(1, 10))
    page = (
        f'<!DOCTYPE html [<!ENTITY l0 "ha">{entities}]><html><body><p>Start &l9; '
        f"end</p></body></html>"
    )
    started = time.monotonic()
    with pytest.raises(LoadError, match=r"^page\.html: declares DTD entities"):
        read(page)
    assert (
        time.monotonic() - started < 15
    )  # -- a hang guard: expanding the entities would take far longer --


def test_system_entity_is_refused_and_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET VALUE")
    page = (
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<html><body><p>Value: &xxe;</p></body></html>"
    )
    with pytest.raises(LoadError) as caught:
        read(page)
    assert "TOP SECRET" not in str(caught.value)


def test_internal_subset_without_entities_is_dropped_not_shown():
    page = (
        "<!DOCTYPE html [<!ATTLIST p id ID #IMPLIED>]><html><body><p>Text &amp; "
        "more</p></body></html>"
    )
    assert texts(page) == ["Text & more"]


def test_absurdly_deep_nesting_is_refused_cleanly():
    page = "<body>" + "<div>" * 3000 + "deep" + "</div>" * 3000 + "</body>"
    with pytest.raises(LoadError, match="nested too deeply"):
        read(page)


def test_sha256_and_path_are_recorded():
    source = read("<p>x</p>", "a.html")
    assert source.path == "a.html"
    assert len(source.sha256) == 64
