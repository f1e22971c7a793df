"""The Markdown and plain-text reader."""

from pathlib import Path

from dpa_compare.io.markdown_inline import bold_lead, join_lines, strip_inline
from dpa_compare.io.text import read


def _blocks(markdown: str, name: str = "doc.md"):
    return read(markdown.encode("utf-8"), Path(name)).blocks


def test_atx_and_setext_headings():
    blocks = _blocks(
        "# Title #\n\nIntro text\n\nSection\n-------\n\nMain\n====\n\n### 2.1 Scope ###\n"
    )
    assert [(b.text, b.heading_level) for b in blocks] == [
        ("Title", 1),
        ("Intro text", None),
        ("Section", 2),
        ("Main", 1),
        ("2.1 Scope", 3),
    ]
    assert [b.location for b in blocks] == ["line 1", "line 3", "line 5", "line 8", "line 11"]


def test_escaped_numbers_are_unescaped():
    blocks = _blocks("1\\. Definitions\n---------------\n")
    assert blocks[0].text == "1. Definitions" and blocks[0].heading_level == 2
    assert blocks[0].auto_label is None


def test_ordered_list_gives_auto_label_and_nesting():
    blocks = _blocks("1. first item\n2) second item\n   1. nested item\n\n3. third\n")
    assert [(b.auto_label, b.list_level, b.text) for b in blocks] == [
        ("1.", 0, "first item"),
        ("2)", 0, "second item"),
        ("1.", 1, "nested item"),
        ("3.", 0, "third"),
    ]


def test_bullets_have_a_level_and_no_label():
    blocks = _blocks("Intro:\n\n* one\n- two\n    + deeper\n\nAfter the list.\n")
    assert [(b.text, b.list_level, b.auto_label) for b in blocks] == [
        ("Intro:", None, None),
        ("one", 0, None),
        ("two", 0, None),
        ("deeper", 1, None),
        ("After the list.", None, None),
    ]


def test_bold_run_in_title_and_inline_markup():
    blocks = _blocks(
        "**Confidentiality.** The *Processor* shall keep `data` [secret](https://x.y) <!-- note "
        "-->  \n"
    )
    assert blocks[0].bold_lead == "Confidentiality."
    assert blocks[0].text == "Confidentiality. The Processor shall keep data secret"


def test_soft_wrapped_lines_join_without_space_between_chinese():
    blocks = _blocks("第一条 本协议适用于\n双方之间的数据处理\nand the English\ntext.\n")
    assert blocks[0].text == "第一条 本协议适用于双方之间的数据处理 and the English text."


def test_tables_give_one_block_per_cell():
    blocks = _blocks(
        "| Party | Role |\n| --- | --- |\n| ![logo](/x.png)Mistral<br>AI | Processor |\n"
    )
    cells = [(b.text, b.kind) for b in blocks]
    assert cells == [
        ("Party", "table_cell"),
        ("Role", "table_cell"),
        ("Mistral AI", "table_cell"),
        ("Processor", "table_cell"),
    ]
    assert blocks[2].location.startswith("line 3")


def test_html_comment_over_lines_keeps_line_numbers():
    blocks = _blocks("<!-- a\nmulti-line\ncomment -->\n\nText\n")
    assert [(b.text, b.location) for b in blocks] == [("Text", "line 5")]


def test_list_continuation_paragraph_nests_under_its_item():
    blocks = _blocks("1. Item one\n\n   More about item one.\n\nOutside.\n")
    assert [(b.text, b.list_level) for b in blocks] == [
        ("Item one", 0),
        ("More about item one.", 1),
        ("Outside.", None),
    ]


def test_thematic_break_and_fenced_code():
    blocks = _blocks("Before\n\n---\n\n```\ncode line\n```\n")
    assert [b.text for b in blocks] == ["Before", "code line"]


def test_title_is_the_first_level_one_heading():
    source = read("# 個人資料保護法\n\n## 第 一 章 總則\n".encode(), Path("law.md"))
    assert source.title == "個人資料保護法"


def test_plain_text_paragraphs_by_blank_lines():
    source = read("第一条 定义\n本协议中的术语\n\n第二条 范围\n".encode(), Path("a.txt"))
    assert [(b.text, b.location) for b in source.blocks] == [
        ("第一条 定义本协议中的术语", "line 1"),
        ("第二条 范围", "line 4"),
    ]


def test_plain_text_without_blank_lines_has_a_paragraph_per_line():
    source = read(b"1. Definitions\n1.1 Scope\n**not markup**\n", Path("a.txt"))
    assert [b.text for b in source.blocks] == ["1. Definitions", "1.1 Scope", "**not markup**"]


def test_inline_helpers():
    assert (
        strip_inline("__Bold__ and _em_ and snake_case_name and 5 * 3")
        == "Bold and em and snake_case_name and 5 * 3"
    )
    assert strip_inline("“**SCC”¨¨: means") == "“SCC”¨¨: means"
    assert strip_inline("A &amp; B \\* C") == "A & B * C"
    assert bold_lead("_**Clause 7 – Optional**_") == "Clause 7 – Optional"
    assert bold_lead("“**Term**” means") is None
    assert join_lines(["line one  ", "line two\\"]) == "line one line two"


def test_gb18030_chinese_file_loads_end_to_end(tmp_path):
    from dpa_compare import load

    path = tmp_path / "dpa.zh.txt"
    path.write_bytes(
        "第一条 定义\n\n“个人信息”是指以电子方式记录的信息。\n\n第二条 范围\n".encode("gb18030")
    )
    document = load(path, lang="auto")
    assert document.lang == "zh"
    assert [(c.id, c.label) for c in document.clauses] == [
        ("art1", "第一条"),
        ("art1.p1", ""),
        ("art2", "第二条"),
    ]
    assert document.clause("art1.p1").term == "个人信息"


def test_binary_and_undecodable_files_are_load_errors(tmp_path):
    import pytest

    from dpa_compare import load
    from dpa_compare.errors import LoadError

    binary = tmp_path / "image.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(LoadError, match="binary"):
        load(binary)
    garbage = tmp_path / "old.txt"
    garbage.write_bytes(bytes([0x81, 0x30, 0x81]) * 3 + b"\xff\xff\xff\xfe")
    with pytest.raises(LoadError, match="save it as UTF-8"):
        load(garbage)


def test_block_quote_markers_are_removed_from_every_line():
    # -- regression: only the first line lost its `>`; wrapped lines kept it inside the text --
    blocks = _blocks("> quoted line one\n> quoted line two\n\n> > nested\n> > quote\n\nAfter.\n")
    assert [b.text for b in blocks] == ["quoted line one quoted line two", "nested quote", "After."]


def test_clauses_on_consecutive_lines_become_blocks_of_their_own(tmp_path):
    from dpa_compare.io.text import read

    text = (
        "## 1. Scope\n\n1.1 The Provider shall act on instructions.\n1.2 The Customer shall pay:\n"
        "(a) the fees; and\n(b) the taxes.\n\n第二条 定义\n2.1 “协议”是指本协议。\n（一）甲方；\n"
        "\nThe Provider relies on clause 3\n(a) above.\n"
    )
    for suffix in (".md", ".txt"):
        path = tmp_path / f"doc{suffix}"
        path.write_text(text, encoding="utf-8")
        texts = [b.text for b in read(path.read_bytes(), path).blocks]
        assert "1.1 The Provider shall act on instructions." in texts, suffix
        assert (
            "1.2 The Customer shall pay:" in texts
            and "(a) the fees; and" in texts
            and "(b) the taxes." in texts
        )
        assert "2.1 “协议”是指本协议。" in texts and "（一）甲方；" in texts
        # -- a hard-wrapped sentence going on with "(a)" is not cut --
        assert "The Provider relies on clause 3 (a) above." in texts, texts
