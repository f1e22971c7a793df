"""Tests for the PDF reader: reading order, running headers, hyphenation, CJK, and PDFs it must
refuse.

Every PDF is drawn in the test with reportlab, line by line, so each test
knows where every line break, header and footer sits.
"""

from __future__ import annotations

import io
import logging
import struct
import zlib
from collections.abc import Sequence
from pathlib import Path

import pytest

from dpa_compare.errors import LoadError
from dpa_compare.io import pdf
from dpa_compare.io.pdf import NO_TEXT_LAYER, join_lines

PAGE_WIDTH, PAGE_HEIGHT = 595.0, 842.0  # -- A4 in points --
LEFT, TOP, LEADING = 72.0, 90.0, 14.0


def pdf_pages(
    pages: Sequence[Sequence[str | tuple[str, float]]],
    header: str | None = None,
    footer: str | None = None,
    cjk: bool = False,
    encrypt: str | None = None,
    title: str | None = None,
) -> bytes:
    """Return a PDF with one page per item of `pages`: lines as `str` or (`str`, indent); "" is a
    blank line."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = "Helvetica"
    if cjk:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        font = "STSong-Light"
    buffer = io.BytesIO()
    document = canvas.Canvas(
        buffer, pagesize=A4, invariant=1, **({"encrypt": encrypt} if encrypt else {})
    )
    if title:
        document.setTitle(title)
    for number, lines in enumerate(pages, start=1):
        values = {"page": number, "pages": len(pages)}
        document.setFont(font, 8)
        if header:
            document.drawString(LEFT, PAGE_HEIGHT - 40, header.format(**values))
        if footer:
            document.drawCentredString(PAGE_WIDTH / 2, 30, footer.format(**values))
        document.setFont(font, 10)
        y = PAGE_HEIGHT - TOP
        for line in lines:
            text, indent = (line, 0.0) if isinstance(line, str) else line
            document.drawString(LEFT + indent, y, text)
            y -= LEADING
        document.showPage()
    document.save()
    return buffer.getvalue()


def pdf_two_columns(left: Sequence[str], right: Sequence[str], title: str) -> bytes:
    """Return a one-page PDF: a centred bold `title`, then two columns of lines."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    document = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    document.setFont("Helvetica-Bold", 14)
    document.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 70, title)
    document.setFont("Helvetica", 10)
    for x, lines in ((LEFT, left), (PAGE_WIDTH / 2 + 12, right)):
        y = PAGE_HEIGHT - TOP - 20
        for text in lines:
            document.drawString(x, y, text)
            y -= LEADING
    document.showPage()
    document.save()
    return buffer.getvalue()


def pdf_image_only(pages: int = 1) -> bytes:
    """Return a PDF whose pages hold only an image, like a scan without OCR."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    document = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for _ in range(pages):
        document.drawImage(ImageReader(io.BytesIO(tiny_png())), 50, 50, width=495, height=742)
        document.showPage()
    document.save()
    return buffer.getvalue()


def tiny_png() -> bytes:
    """Return an 8×8 grey PNG built by hand."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    raw = b"".join(b"\x00" + bytes(128 + (x * y) % 100 for x in range(8)) for y in range(8))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def read(data: bytes, name: str = "doc.pdf"):
    return pdf.read(data, Path(name))


ENGLISH_PAGES = [
    [
        "1. Definitions",
        "",
        "1.1 In this Addendum the following words have the meanings given below, and the parties "
        "agree",
        "that each word is used with that meaning throughout this Addendum and in each of its "
        "annexes.",
        "",
        '(a) "Personal Data" means any information relating to an identified or identifiable natu-',
        "ral person, as further described in Annex 1.",
        '(b) "Processing" means any operation performed on Personal Data, whether or not by '
        "automated",
        "means.",
        "",
        "2. Processing of Personal Data",
        "",
        "2.1 The Processor shall process Personal Data only on documented instructions from the "
        "Controller,",
        "including the instructions that are set out in the body of this Addendum and those in "
        "Clause",
    ],
    [
        "7.2 and in Annex 3, unless it is required to do otherwise by the law to which it is "
        "subject.",
        "",
        "2.2 The Processor shall tell the Controller at once if an instruction, in its view, "
        "breaks the law.",
    ],
    [
        "3. Confidentiality",
        "",
        "3.1 The Processor shall ensure that everyone it authorises to process Personal Data is "
        "bound by a",
        "duty of confidentiality.",
    ],
]


@pytest.fixture(scope="module")
def english():
    data = pdf_pages(
        ENGLISH_PAGES,
        header="Example Data Processing Addendum - Draft {page}",
        footer="Page {page} of {pages}",
        title="Example DPA",
    )
    return read(data)


def test_english_clauses_come_out_as_paragraphs(english):
    assert [b.text for b in english.blocks] == [
        "1. Definitions",
        "1.1 In this Addendum the following words have the meanings given below, and the parties "
        "agree "
        "that each word is used with that meaning throughout this Addendum and in each of its "
        "annexes.",
        '(a) "Personal Data" means any information relating to an identified or identifiable '
        "natural person, "
        "as further described in Annex 1.",
        '(b) "Processing" means any operation performed on Personal Data, whether or not by '
        "automated means.",
        "2. Processing of Personal Data",
        "2.1 The Processor shall process Personal Data only on documented instructions from the "
        "Controller, "
        "including the instructions that are set out in the body of this Addendum and those in "
        "Clause "
        "7.2 and in Annex 3, unless it is required to do otherwise by the law to which it is "
        "subject.",
        "2.2 The Processor shall tell the Controller at once if an instruction, in its view, "
        "breaks the law.",
        "3. Confidentiality",
        "3.1 The Processor shall ensure that everyone it authorises to process Personal Data is "
        "bound by a "
        "duty of confidentiality.",
    ]


def test_running_header_and_page_numbers_are_removed(english):
    joined = " ".join(b.text for b in english.blocks)
    assert "Draft" not in joined
    assert "Page" not in joined


def test_locations_and_title(english):
    assert [b.location for b in english.blocks] == ["page 1"] * 6 + ["page 2", "page 3", "page 3"]
    assert english.title == "Example DPA"


@pytest.mark.parametrize(
    "footer",
    [
        "{page}",
        "- {page} -",
        "Page {page}",
        "{page} / {pages}",
        "第 {page} 页",
        "第{page}页 共{pages}页",
    ],
)
def test_page_number_styles_are_removed(footer):
    pages = [
        [f"Clause {n} text that is long enough to be an ordinary body line of the agreement."]
        for n in range(1, 4)
    ]
    source = read(pdf_pages(pages, footer=footer, cjk="页" in footer))
    assert [b.text for b in source.blocks] == [p[0] for p in pages]


@pytest.mark.parametrize("footer", ["第 {page} 頁", "第貳頁 共參頁", "第二页，共三页"])
def test_a_chinese_page_number_is_removed_from_a_single_page(footer):
    # -- one page: no repetition to learn from, the page-number pattern alone must see it --
    lines = ["Clause 1 text that is long enough to be an ordinary body line of the agreement."]
    source = read(pdf_pages([lines], footer=footer, cjk=True))
    assert [b.text for b in source.blocks] == lines


def test_lone_number_in_the_body_is_kept():
    lines = [
        "The fee for each additional audit that the Controller asks for in a calendar year, in "
        "euro, is:",
        "",
        "250",
        "",
        "The Processor may change the fee once a year by giving notice of ninety days to the other "
        "party.",
    ]
    source = read(pdf_pages([lines, lines]))
    assert [b.text for b in source.blocks] == [lines[0], "250", lines[4]] * 2


def test_chinese_text_is_extracted_and_joined_without_spaces():
    pages = [
        [
            "第一条 定义",
            "",
            "本附录中，“个人数据”指与已识别或者可识别的自然人有关的各种信息，包括姓名、证件号码、",
            "位置数据以及网络标识符。",
            "",
            "第二条 数据处理",
            "处理者仅应根据控制者的书面指示处理个人数据。",
        ],
        ["第三条 保密", "处理者应确保其授权处理个人数据的人员承担保密义务。"],
    ]
    source = read(pdf_pages(pages, footer="第 {page} 页", cjk=True))
    assert [(b.location, b.text) for b in source.blocks] == [
        ("page 1", "第一条 定义"),
        (
            "page 1",
            "本附录中，“个人数据”指与已识别或者可识别的自然人有关的各种信息，包括姓名、证件号码、位置数据以及网络标识符。",
        ),
        ("page 1", "第二条 数据处理"),
        ("page 1", "处理者仅应根据控制者的书面指示处理个人数据。"),
        ("page 2", "第三条 保密"),
        ("page 2", "处理者应确保其授权处理个人数据的人员承担保密义务。"),
    ]


def test_first_line_indent_starts_a_paragraph():
    long = (
        "The Processor shall keep records of all processing activities carried out for the "
        "Controller"
    )
    lines = [
        (long, 20.0),
        "under this Addendum, in writing, including in electronic form, and shall make",
        "them available.",
        (
            "A second paragraph starts here with an indent of its own and runs on to a second line",
            20.0,
        ),
        "of text.",
    ]
    source = read(pdf_pages([lines]))
    assert len(source.blocks) == 2
    assert source.blocks[1].text.startswith("A second paragraph")


def test_two_columns_are_read_column_by_column():
    left = [f"Left column line {i} with several words" for i in range(20)]
    right = [f"Right column line {i} with other words" for i in range(20)]
    source = read(pdf_two_columns(left, right, "A Title Centred Across Both Columns"))
    assert source.blocks[0].text == "A Title Centred Across Both Columns"
    assert source.blocks[0].heading_level == 1
    body = " ".join(b.text for b in source.blocks[1:])
    assert body == " ".join(left + right)


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("the pro-", "cessing of data", "the processing of data"),
        ("a data sub-", "Processor", "a data sub- Processor"),
        ("pages 3-", "4 apply", "pages 3- 4 apply"),
        ("个人数据的", "处理", "个人数据的处理"),
        ("under the", "GDPR", "under the GDPR"),
    ],
)
def test_join_lines(left, right, joined):
    assert join_lines(left, right) == joined


def test_blank_pdf_says_it_has_no_text_layer():
    with pytest.raises(LoadError) as caught:
        read(pdf_pages([[], []]), "scan.pdf")
    assert str(caught.value) == f"scan.pdf: {NO_TEXT_LAYER}"


def test_image_only_pdf_is_read_by_ocr_or_names_the_extra():
    # -- the page images hold no text: OCR (tests/io/test_ocr.py) finds none, or is missing --
    from dpa_compare.io.ocr import MISSING_EXTRA, available

    with pytest.raises(LoadError) as caught:
        read(pdf_image_only(1), "scan.pdf")
    expected = "OCR found no text" if available() else MISSING_EXTRA
    assert expected in str(caught.value)


def test_password_protected_pdf_is_refused():
    data = pdf_pages([["Secret terms."]], encrypt="open-sesame")
    with pytest.raises(LoadError, match=r"^locked\.pdf: is password-protected"):
        read(data, "locked.pdf")


@pytest.mark.parametrize(
    "data",
    [
        pdf_pages([["Some clause text."]])[:600],
        b"%PDF-1.7\n" + bytes(range(256)) * 40,
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R "
        b">>\n%%EOF",
    ],
    ids=["truncated", "garbage", "no-pages-object"],
)
def test_damaged_pdf_is_a_clear_load_error(data):
    with pytest.raises(LoadError, match=r"^bad\.pdf: (is damaged|has no text layer)"):
        read(data, "bad.pdf")


def test_not_a_pdf_at_all():
    with pytest.raises(LoadError, match=r"^x\.pdf: is not a PDF file"):
        read(b"PK\x03\x04 this is a zip", "x.pdf")


def test_pdfminer_log_records_do_not_escape(caplog):
    data = pdf_pages([["Some clause text."]])[:600]
    with caplog.at_level(logging.DEBUG), pytest.raises(LoadError):
        read(data, "bad.pdf")
    assert not [r for r in caplog.records if r.name.startswith("pdfminer")]
    assert logging.getLogger("pdfminer").level == logging.NOTSET


def _line(text: str, top: float, x1: float, size: float = 10.0, bold: bool = False):
    return pdf.Line(1, 0, text, 72.0, x1, top, top + size, size, bold)


def _texts(lines) -> list[str]:
    page = pdf.PageLines(1, 612.0, 792.0, tuple(lines))
    return [block.text for block in pdf.paragraphs([page])]


def test_an_article_label_after_a_full_line_starts_its_own_block():
    lines = [
        _line("Chapter 4 Supervision and Reporting Duties of Operators", 100, 540),
        _line("Article 12", 112, 130),
        _line("The operator files a report every year with the authority.", 124, 520),
    ]
    assert _texts(lines)[:2] == [
        "Chapter 4 Supervision and Reporting Duties of Operators",
        "Article 12",
    ]


def test_a_traditional_chinese_article_after_a_full_line_is_not_glued():
    lines = [
        _line("申請書應載明申請人姓名、住所、申請事項及機關之收文時間。", 100, 540),
        _line("第 10 條", 112, 130),
        _line("主管機關應於受理後三十日內作成決定。", 124, 400),
    ]
    assert _texts(lines)[1] == "第 10 條"


def test_a_wrapped_line_that_starts_with_a_citation_goes_on():
    lines = [
        _line("The processor acts only on documented instructions as required under", 100, 540),
        _line("Article 28 of the Regulation and keeps a record of each instruction.", 112, 500),
    ]
    assert len(_texts(lines)) == 1


def test_a_sentence_ending_in_an_article_number_goes_on():
    lines = [
        _line("3. Failure to keep the records required by Paragraph 2 of Section 4 of", 100, 540),
        _line("Article 21.", 112, 130),
    ]
    assert len(_texts(lines)) == 1
