"""The numbered .docx writer: real Word numbering that the reader gives back exactly."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from dpa_compare.export.numbered_docx import (
    SCHEMES,
    LevelSpec,
    write_numbered_docx,
)
from dpa_compare.export.numbered_docx import (
    NumberedParagraph as P,
)
from dpa_compare.io import read

_OUTLINE = [
    P("Sample Agreement", style="Title"),
    P("Scope", level=0, style="Heading 1"),
    P("General clause.", level=1),
    P("Another clause.", level=1),
    P("First item;", level=2),
    P("Second item;", level=2),
    P("An unnumbered paragraph."),
    P("Third item continues;", level=2),
    P("Sub-item.", level=3),
    P("Sub-item again.", level=3),
    P("Duties", level=0, style="Heading 1"),
    P("Clause with a run-in title.", level=1, bold_lead="Security."),
    P("Item restarts under the new clause.", level=2),
]
_EXPECTED = {
    "legal-en": [
        None,
        "1.",
        "1.1",
        "1.2",
        "(a)",
        "(b)",
        None,
        "(c)",
        "(i)",
        "(ii)",
        "2.",
        "2.1",
        "(a)",
    ],
    "zh-article": [
        None,
        "第一条",
        "1.1",
        "1.2",
        "（一）",
        "（二）",
        None,
        "（三）",
        "(a)",
        "(b)",
        "第二条",
        "2.1",
        "（一）",
    ],
    "zh-decimal": [
        None,
        "1.",
        "1.1",
        "1.2",
        "（一）",
        "（二）",
        None,
        "（三）",
        "(a)",
        "(b)",
        "2.",
        "2.1",
        "（一）",
    ],
}


@pytest.mark.parametrize("scheme", sorted(_EXPECTED))
def test_round_trip_labels_and_text(scheme: str, tmp_path: Path) -> None:
    file = tmp_path / f"{scheme}.docx"
    lang = "zh" if scheme.startswith("zh") else "en"
    write_numbered_docx(file, _OUTLINE, scheme=scheme, lang=lang, title="Sample")
    source = read(file)
    assert source.title == "Sample"
    assert [b.auto_label for b in source.blocks] == _EXPECTED[scheme]
    expected_text = [
        (p.bold_lead + ("" if lang == "zh" else " ") if p.bold_lead else "") + p.text
        for p in _OUTLINE
    ]
    assert [b.text for b in source.blocks] == expected_text
    assert [b.list_level for b in source.blocks] == [p.level for p in _OUTLINE]
    assert source.blocks[11].bold_lead == "Security."
    assert source.blocks[1].heading_level == 1


def test_numbers_are_automatic_not_typed(tmp_path: Path) -> None:
    file = tmp_path / "auto.docx"
    write_numbered_docx(file, _OUTLINE, scheme="zh-article", lang="zh")
    with zipfile.ZipFile(file) as archive:
        document = archive.read("word/document.xml").decode()
        numbering = archive.read("word/numbering.xml").decode()
    assert "第一条" not in document and "（一）" not in document
    assert "<w:numPr>" in document
    assert 'w:val="第%1条"' in numbering and 'w:val="chineseCounting"' in numbering
    assert "<w:isLgl/>" in numbering  # -- 1.1 under 第一条 --


def test_chinese_defaults_set_east_asian_font_and_language(tmp_path: Path) -> None:
    file = tmp_path / "zh.docx"
    write_numbered_docx(file, [P("正文。", level=0)], scheme="zh-decimal", lang="zh")
    with zipfile.ZipFile(file) as archive:
        styles = archive.read("word/styles.xml").decode()
    defaults = styles[styles.index("<w:docDefaults") : styles.index("</w:docDefaults>")]
    assert 'w:eastAsia="SimSun"' in defaults and 'w:eastAsia="zh-CN"' in defaults
    assert "eastAsiaTheme" not in styles


def test_output_is_deterministic_and_written_atomically(tmp_path: Path) -> None:
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    write_numbered_docx(first, _OUTLINE, title="Same")
    write_numbered_docx(second, _OUTLINE, title="Same")
    assert first.read_bytes() == second.read_bytes()
    assert sorted(f.name for f in tmp_path.iterdir()) == ["a.docx", "b.docx"]


def test_tables_are_placed_after_the_given_paragraph(tmp_path: Path) -> None:
    file = tmp_path / "tables.docx"
    paragraphs = [P("Intro", level=0), P("After table", level=0)]
    write_numbered_docx(
        file, paragraphs, tables=[(0, [["Party", "Role"], ["A", "Controller"]]), (-1, [["top"]])]
    )
    blocks = read(file).blocks
    assert [(b.text, b.location) for b in blocks] == [
        ("top", "table 1 row 1 cell 1"),
        ("Intro", "paragraph 1"),
        ("Party", "table 2 row 1 cell 1"),
        ("Role", "table 2 row 1 cell 2"),
        ("A", "table 2 row 2 cell 1"),
        ("Controller", "table 2 row 2 cell 2"),
        ("After table", "paragraph 2"),
    ]
    assert [b.auto_label for b in blocks if b.kind == "paragraph"] == ["1.", "2."]


def test_custom_levels(tmp_path: Path) -> None:
    file = tmp_path / "custom.docx"
    levels = (LevelSpec("upperRoman", "Part %1", start=3), LevelSpec("upperLetter", "%2."))
    write_numbered_docx(file, [P("x", level=0), P("y", level=1), P("z", level=0)], scheme=levels)
    assert [b.auto_label for b in read(file).blocks] == ["Part III", "A.", "Part IV"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"scheme": "nope"}, "unknown numbering scheme"),
        ({"lang": "fr"}, "lang must be"),
        ({"tables": [(5, [["x"]])]}, "index_after_paragraph"),
    ],
)
def test_bad_arguments(kwargs: dict, message: str, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=message):
        write_numbered_docx(tmp_path / "x.docx", [P("a", level=0)], **kwargs)
    assert not list(tmp_path.iterdir())


def test_level_beyond_scheme_and_unknown_style(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="level must be in 0..3"):
        write_numbered_docx(tmp_path / "x.docx", [P("a", level=4)])
    with pytest.raises(ValueError, match="unknown paragraph style"):
        write_numbered_docx(tmp_path / "x.docx", [P("a", style="No Such Style")])


def test_schemes_cover_the_documented_patterns() -> None:
    assert [s.lvl_text for s in SCHEMES["legal-en"]] == ["%1.", "%1.%2", "(%3)", "(%4)"]
    assert [s.num_fmt for s in SCHEMES["zh-article"]] == [
        "chineseCounting",
        "decimal",
        "chineseCounting",
        "lowerLetter",
    ]
