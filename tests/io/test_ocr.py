"""Tests for reading translations that arrive as pictures: images, folders, scanned PDFs, web pages.

The page images are drawn here with Noto CJK (`ocr_pages.py`) from the
corpus translation and from a few Traditional Chinese sentences of our own,
kept small so that the whole file costs a few dozen CPU-seconds. Every OCR
test runs with the network cut off: the engine must use the models in its
wheel and never try a download. Without the `ocr` extra (or the font) the
OCR tests skip; the pure helpers and the "extra missing" errors are tested
either way.
"""

from __future__ import annotations

import re
import socket
import urllib.request
from pathlib import Path

import ocr_pages
import pytest
from rapidfuzz.distance import Levenshtein

from dpa_compare import io as readers
from dpa_compare.errors import LoadError
from dpa_compare.io import image as image_reader
from dpa_compare.io import ocr
from dpa_compare.lang.zh_ocr import is_lone_full_stop, wrapped_closing
from dpa_compare.model import Clause, OcrDoubt
from dpa_compare.segment import segment_blocks

ROOT = Path(__file__).resolve().parents[2]
CORPUS_ZH = ROOT / "corpus" / "zh" / "dpa-2023-03.zh.md"

needs_ocr = pytest.mark.skipif(
    not ocr.available() or not ocr_pages.FONT_FILE.exists(),
    reason="needs the ocr extra (pip install -e '.[ocr]') and fonts-noto-cjk",
)

TRADITIONAL = """## 1. 總則

1.1 本附錄自2023年3月1日起生效，構成雙方協議的組成部分。

1.2 處理方應在收到通知後三十（30）日內，向控制方支付不超過5,000美元的費用。

## 2. 資料安全

2.1 處理方應採取適當的技術和組織措施，保護個人資料免遭未經授權的存取。

2.2 如發生安全事件，處理方應於48小時內通知控制方。
"""


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Fail any test that opens a connection or fetches a URL (a model download)."""

    attempts: list[str] = []

    def refuse(*args, **kwargs):
        attempts.append(repr(args[1:] or kwargs))
        raise AssertionError(f"a network connection was attempted: {args[1:] or kwargs}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    if ocr.available():
        import requests

        monkeypatch.setattr(requests.Session, "request", refuse)
    return attempts


def cer(reference: str, hypothesis: str) -> float:
    """Return the character error rate of `hypothesis`, whitespace ignored."""
    ref, hyp = re.sub(r"\s+", "", reference), re.sub(r"\s+", "", hypothesis)
    return Levenshtein.distance(ref, hyp) / len(ref)


def write_png(folder: Path, name: str, image) -> Path:
    path = folder / name
    path.write_bytes(ocr_pages.png_bytes(image))
    return path


def labels(blocks) -> list[str]:
    return [c.label for c in segment_blocks(tuple(blocks), "zh") if c.label]


printed_labels = ocr_pages.printed_labels


# -- pure helpers: no OCR needed --------------------------------------------------------------


def test_strips_cut_at_blank_rows_near_the_limit():
    blank = [False] * 5000
    for row in (1500, 1850, 3600):
        blank[row] = True
    assert ocr.strips(5000, blank, tallest=1900) == [0, 1850, 3600, 5000]


def test_strips_cut_at_full_height_when_no_row_is_blank():
    assert ocr.strips(4000, [False] * 4000, tallest=1900) == [0, 1900, 3800, 4000]


def test_a_short_image_is_one_strip():
    assert ocr.strips(1650, [False] * 1650) == [0, 1650]


def box(text: str, x0: float, x1: float, top: float, bottom: float, score: float = 0.99):
    return ocr._Box(text, score, x0, x1, top, bottom)


def test_boxes_on_one_printed_line_become_one_row_left_to_right():
    boxes = [
        box("处理方应", 300, 400, 102, 130),
        box("1.1", 150, 190, 100, 128),
        box("第二行", 150, 300, 150, 178),
    ]
    rows = ocr.box_rows(boxes)
    assert [ocr.row_text(row) for row in rows] == ["1.1 处理方应", "第二行"]


def test_row_text_spaces_latin_words_and_joins_chinese():
    assert ocr.row_text([box("Lumenfield", 0, 100, 0, 30), box("AI", 110, 130, 0, 30)]) == (
        "Lumenfield AI"
    )
    assert ocr.row_text([box("数据", 0, 50, 0, 30), box("处理", 55, 105, 0, 30)]) == "数据处理"


def test_natural_file_name_order():
    names = ["page-10.png", "page-2.png", "page-1.png", "Page-3.png"]
    ordered = sorted((Path(n) for n in names), key=image_reader.natural_key)
    assert [p.name for p in ordered] == ["page-1.png", "page-2.png", "Page-3.png", "page-10.png"]


def test_several_image_arguments_become_one_path_list():
    argv = ["report", "--en", "en.md", "--zh", "p-1.png", "p-2.jpg", "-o", "r.docx"]
    joined = image_reader.join_image_arguments(argv)
    sep = image_reader.PATH_LIST_SEPARATOR
    assert joined == ["report", "--en", "en.md", "--zh", f"p-1.png{sep}p-2.jpg", "-o", "r.docx"]
    assert image_reader.split_path_list(joined[4]) == [Path("p-1.png"), Path("p-2.jpg")]
    assert image_reader.split_path_list("p-1.png") is None


def test_missing_extra_is_one_clear_error(tmp_path, monkeypatch):
    from PIL import Image

    monkeypatch.setattr(ocr, "available", lambda: False)
    page = write_png(tmp_path, "page.png", Image.new("L", (200, 100), 255))
    with pytest.raises(LoadError) as caught:
        readers.read(page)
    assert str(caught.value).startswith(f"{page}: needs OCR")
    assert "pip install 'dpa-compare[ocr]'" in str(caught.value)


def test_missing_extra_exits_2_with_one_line(tmp_path, monkeypatch, capsys):
    from PIL import Image

    from dpa_compare.cli import main

    monkeypatch.setattr(ocr, "available", lambda: False)
    page = write_png(tmp_path, "page.png", Image.new("L", (200, 100), 255))
    with pytest.raises(SystemExit) as caught:
        main(["segment", str(page)])
    assert caught.value.code == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and "dpa-compare[ocr]" in error[0]


def test_damaged_image_is_refused(tmp_path):
    path = tmp_path / "page.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    if not ocr.available():
        pytest.skip("the missing extra is reported before the image is opened")
    with pytest.raises(LoadError) as caught:
        readers.read(path)
    assert "image" in str(caught.value)


def test_web_page_with_clauses_in_its_text_ignores_pictures(tmp_path):
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page_files" / "logo.png").write_bytes(b"not read")
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><article><p>1. 定义</p><img src='page_files/logo.png'>"
        "<p>1.1 “协议”是指双方之间的协议。</p><p>1.2 “服务”是指提供方的服务。</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    texts = [b.text for b in readers.read(page).blocks]
    assert texts == ["1. 定义", "1.1 “协议”是指双方之间的协议。", "1.2 “服务”是指提供方的服务。"]


def test_ocr_check_names_page_position_and_figures():
    from dpa_compare.qa.checks.ocr import ocr_confidence
    from dpa_compare.qa.registry import CHECKS, Context, Pair

    doubt = OcrDoubt("处理方应于2023年3月1日前支付5,000美元。", 0.71, "page 2 (p-2.png), 38% down")
    clause = Clause("c1", "1.2", ("1", "2"), 1, None, "clause", doubt.text, ocr_doubts=(doubt,))
    pair = Pair(en=None, zh=clause)
    [issue] = ocr_confidence(pair, Context(pairs=[pair], en_doc=None, zh_doc=None))
    assert "verify against the image" in issue.message
    assert "2023年3月1日" in issue.message and "5,000" in issue.message
    assert issue.evidence[0].startswith("page 2 (p-2.png), 38% down (confidence 0.71)")
    assert "ocr_confidence" in CHECKS
    assert not list(ocr_confidence(Pair(en=None, zh=clause.__class__("c2", "", (), 0, None,
                    "paragraph", "x")), Context(pairs=[], en_doc=None, zh_doc=None)))  # fmt: skip


# -- tables from boxes ------------------------------------------------------------------------

TABLE_COLUMNS = (150, 520, 800)
"""Left edges, in pixels, of the three columns of the drawn tables below (gutters ≥ 2 ems)."""


def text_width(text: str) -> float:
    """Return the width of `text` in 25-px type: Han characters one em, others about half."""
    return sum(25 if "\u4e00" <= char <= "\u9fff" else 13 for char in text)


def table_line(top: float, *cells: str) -> list:
    """Return the boxes of one table line: each non-empty cell at its column, 25-px text."""
    return [
        box(text, x0, x0 + text_width(text), top, top + 30)
        for x0, text in zip(TABLE_COLUMNS, cells, strict=False)
        if text
    ]


def prose_line(top: float, text: str, width: float = 975) -> list:
    return [box(text, 150, 150 + width, top, top + 30)]


def read_boxes(*pages: list) -> list:
    return list(ocr.blocks_from_boxes([(boxes, 1650, "") for boxes in pages]))


def test_lines_in_columns_become_table_rows_with_cells_in_column_order():
    page = [
        *prose_line(150, "供应商名单如下表所示，列明每家供应商的名称、服务内容和所在国家。"),
        *table_line(230, "名称", "服务", "国家"),
        *table_line(292, "Harrow Print Ltd.", "文件印刷和装订", "英国"),
        *table_line(354, "Quill & Vale LLP", "法律咨询", "美国"),
        *prose_line(430, "上述名单每季度更新一次。", width=300),
    ]
    blocks = read_boxes(page)
    assert [b.kind for b in blocks] == ["paragraph"] + ["table_cell"] * 9 + ["paragraph"]
    cells = [(b.cell, b.text, b.header) for b in blocks if b.cell]
    assert cells[:3] == [
        ((1, 1, 1), "名称", True),
        ((1, 1, 2), "服务", True),
        ((1, 1, 3), "国家", True),
    ]
    assert cells[3:6] == [
        ((1, 2, 1), "Harrow Print Ltd.", False),
        ((1, 2, 2), "文件印刷和装订", False),
        ((1, 2, 3), "英国", False),
    ]
    rows = [c for c in segment_blocks(tuple(blocks), "zh") if c.kind == "table_row"]
    assert [c.text for c in rows] == [
        "名称 | 服务 | 国家",
        "Harrow Print Ltd. | 文件印刷和装订 | 英国",
        "Quill & Vale LLP | 法律咨询 | 美国",
    ]
    assert "table 1 row 3" in blocks[7].location


def test_a_wrapped_cell_stays_in_its_row_and_a_table_runs_on_across_pages():
    first = [
        *table_line(150, "名称", "服务", "国家"),
        *table_line(212, "Harrow Print", "文件印刷", "英国"),
        *table_line(252, "Ltd.", "和装订"),  # -- the same row, its first two cells wrapped --
    ]
    second = [
        *table_line(150, "Quill & Vale LLP", "法律咨询", "美国"),
        *table_line(212, "Osprey Freight", "货运", "荷兰"),
    ]
    blocks = read_boxes(first, second)
    cells = {b.cell: b.text for b in blocks}
    assert cells[(1, 2, 1)] == "Harrow Print Ltd."
    assert cells[(1, 2, 2)] == "文件印刷和装订"
    # -- the second page continues table 1 (no new header) --
    assert cells[(1, 3, 1)] == "Quill & Vale LLP"
    assert cells[(1, 4, 3)] == "荷兰"
    assert not any(b.header for b in blocks if b.cell and b.cell[1] > 1)


def test_a_lone_table_line_at_a_page_break_belongs_to_the_table_it_continues():
    first = [
        *prose_line(150, "供应商名单如下表所示，列明每家供应商的名称、服务内容和所在国家。"),
        *table_line(1500, "名称", "服务", "国家"),  # -- the header alone at the foot --
    ]
    second = [
        *table_line(150, "Harrow Print Ltd.", "文件印刷和装订", "英国"),
        *table_line(212, "Quill & Vale LLP", "法律咨询", "美国"),
    ]
    third = [
        *table_line(150, "Osprey Freight", "货运", "荷兰"),  # -- the last row alone at the top --
        *prose_line(230, "上述名单每季度更新一次，更新后的名单应书面通知客户并说明变更理由。"),
    ]
    blocks = read_boxes(first, second, third)
    cells = {b.cell: (b.text, b.header) for b in blocks if b.cell}
    assert cells[(1, 1, 1)] == ("名称", True)
    assert cells[(1, 2, 1)] == ("Harrow Print Ltd.", False)
    assert cells[(1, 4, 3)] == ("荷兰", False)
    assert len(cells) == 12
    # -- a signature line in two parts at a page's foot, prose on the next page: no table --
    ending = [
        *prose_line(150, "双方签署如下。", width=200),
        *table_line(1500, "签署：", "", "日期："),
    ]
    assert all(b.kind == "paragraph" for b in read_boxes(ending, third[1:]))


def test_a_closing_full_stop_wrapped_alone_and_read_as_zero_is_put_back():
    page = [
        *prose_line(150, "11.4 双方应事先以书面形式商定检查的范围、时间和期限"),
        box("0", 150, 165, 190, 210),
        *prose_line(260, "11.5 第二段文字从这里开始，并以句号结束。", width=500),
    ]
    texts = [b.text for b in read_boxes(page)]
    assert texts[0] == "11.4 双方应事先以书面形式商定检查的范围、时间和期限。"
    assert len(texts) == 2
    # -- after a finished sentence or a number, a lone 0 stays what it is --
    assert not is_lone_full_stop("0", "第三条：")
    assert not is_lone_full_stop("0", "金额为 100")
    assert is_lone_full_stop("o", "期限")
    assert wrapped_closing("》）。", "《服务条例") == "》）。"
    assert wrapped_closing("》）。", "see Annex 2") is None


def test_prose_and_a_single_line_with_a_gap_are_not_tables():
    page = [
        *prose_line(150, "处理方应在收到书面请求后十日内提供记录。"),
        *table_line(200, "签署：", "", "日期："),  # -- one line in two parts is no table --
        *prose_line(260, "本条在协议终止后继续有效。"),
    ]
    assert all(b.kind == "paragraph" for b in read_boxes(page))


def test_a_box_holding_two_cells_is_cut_at_the_gutter_between_its_words():
    quad = [(150.0, 100.0), (700.0, 100.0), (700.0, 130.0), (150.0, 130.0)]
    words = [
        ("Osprey", 0.99, [[150, 100], [230, 100], [230, 130], [150, 130]]),
        ("Freight", 0.99, [[240, 100], [330, 100], [330, 130], [240, 130]]),
        ("货", 0.99, [[520, 100], [545, 100], [545, 130], [520, 130]]),
        ("运", 0.99, [[546, 100], [571, 100], [571, 130], [546, 130]]),
    ]
    parts = ocr.split_at_gaps(quad, "Osprey Freight货运", words)
    assert [text for _, text, _ in parts] == ["Osprey Freight", "货运"]
    assert parts[1][0][0][0] == 520
    assert [ink for _, _, ink in parts] == [(150, 330), (520, 571)]
    # -- a box with no wide gap, or whose word boxes do not match the text, is left whole --
    # -- its ink edges are the words' (the detector pads its box) --
    assert ocr.split_at_gaps(quad, "Osprey Freight", words[:2]) == [
        (quad, "Osprey Freight", (150, 330))
    ]
    assert ocr.split_at_gaps(quad, "其他文字", words) == [(quad, "其他文字", (150, 700))]


# -- OCR on drawn pages -----------------------------------------------------------------------


@needs_ocr
def test_engine_is_built_from_the_bundled_models_without_network(tmp_path):
    # -- built afresh here, under `no_network`: a download attempt fails the test --
    ocr._engine.cache_clear()
    paragraphs = ocr_pages.paragraphs_of("1.1 处理方应于2023年3月1日前支付5,000美元。")
    [(image, _)] = ocr_pages.render_pages(
        paragraphs, size=(1275, 200), margin=40, furniture=False, max_pages=1
    )
    [block] = read_image(tmp_path, image).blocks
    assert block.text == "1.1 处理方应于2023年3月1日前支付5,000美元。"
    assert 0.9 <= block.ocr_confidence <= 1.0


@needs_ocr
def test_the_network_guard_catches_a_model_download(tmp_path, no_network):
    # -- asking RapidOCR for models it must fetch (an empty model folder) trips the guard, so the
    # -- guard would catch our engine too if it ever named a model outside the wheel --
    from rapidocr import RapidOCR

    engine = RapidOCR(params={"Global.use_cls": False, "Global.model_root_dir": str(tmp_path)})
    with pytest.raises(Exception):  # noqa: B017, PT011 -- whichever error RapidOCR wraps it in
        engine(_tiny_page())
    assert no_network, "no download was attempted, so the guard was never tested"


def _tiny_page():
    import numpy as np

    return np.full((64, 256, 3), 255, dtype="uint8")


@needs_ocr
def test_every_model_the_engine_loads_lies_inside_the_rapidocr_wheel(tmp_path, no_network):
    import rapidocr

    paragraphs = ocr_pages.paragraphs_of("2.1 本条自签署之日起生效。")
    [(image, _)] = ocr_pages.render_pages(
        paragraphs, size=(1275, 160), margin=40, furniture=False, max_pages=1
    )
    read_image(tmp_path, image)
    engine = ocr._engine()
    wheel = Path(rapidocr.__file__).resolve().parent
    loaded = [engine.text_det, engine.text_rec]
    assert engine.text_cls is None  # -- the angle classifier is off and never loaded --
    paths = [Path(model.session.session._model_path).resolve() for model in loaded]
    assert all(path.is_relative_to(wheel) and path.is_file() for path in paths), paths
    # -- one engine and one session per model for the whole run: no reload per page --
    read_image(tmp_path, image, "again.png")
    assert ocr._engine() is engine
    assert [engine.text_det, engine.text_rec] == loaded
    options = engine.text_det.session.session.get_session_options()
    assert options.intra_op_num_threads == ocr.physical_cores()
    assert not no_network


def ruled_table_image():
    """Draw a short page: a sentence, then a ruled table whose second row wraps in two columns.

    Every text line is set at the same pitch, so only the rules tell the
    wrapped line (`Services Ltd.`) from a new row.
    """
    from PIL import Image, ImageDraw

    image = Image.new("L", (1275, 420), 255)
    draw = ImageDraw.Draw(image)
    face = ocr_pages.font(25)
    draw.text((150, 40), "下列承包商可接触客户资料：", font=face, fill=0)
    rows = [
        [("名称", "服务", "国家")],
        [("Harrow Print", "文件印刷", "英国"), ("Services Ltd.", "和装订", "")],
        [("Osprey Freight", "货运代理", "荷兰")],
    ]
    y = 110
    for row in rows:
        draw.line((140, y - 12, 1000, y - 12), fill=0, width=2)
        for line in row:
            for x0, text in zip(TABLE_COLUMNS, line, strict=True):
                draw.text((x0, y), text, font=face, fill=0)
            y += 48
    draw.line((140, y - 12, 1000, y - 12), fill=0, width=2)
    return image


@needs_ocr
def test_a_ruled_table_drawn_as_an_image_reads_as_table_rows(tmp_path):
    source = read_image(tmp_path, ruled_table_image())
    rows = [c.text for c in segment_blocks(source.blocks, "zh") if c.kind == "table_row"]
    assert rows == [
        "名称 | 服务 | 国家",
        "Harrow Print Services Ltd. | 文件印刷和装订 | 英国",
        "Osprey Freight | 货运代理 | 荷兰",
    ]
    assert source.blocks[0].text == "下列承包商可接触客户资料："


def test_rules_between_lines_cut_table_rows_where_spacing_cannot():
    lines = [
        table_line(150, "名称", "服务", "国家"),
        table_line(198, "Harrow Print", "文件印刷", "英国"),
        table_line(246, "Services Ltd.", "和装订"),
        table_line(294, "Osprey Freight", "货运代理", "荷兰"),
    ]
    rules = [box("", 140, 1000, top, top + 2) for top in (138, 186, 282, 330)]
    rules = [ocr._Box("", 1.0, r.x0, r.x1, r.top, r.bottom, rule=True) for r in rules]
    blocks = read_boxes([*rules, *(b for line in lines for b in line)])
    cells = {b.cell: b.text for b in blocks}
    assert cells[(1, 2, 1)] == "Harrow Print Services Ltd."
    assert cells[(1, 3, 3)] == "荷兰"


@pytest.fixture(scope="module")
def corpus_page():
    """The first page of the corpus translation, drawn at 150 dpi, and what it prints."""
    if not ocr_pages.FONT_FILE.exists():
        pytest.skip("needs fonts-noto-cjk")
    paragraphs = ocr_pages.paragraphs_of(CORPUS_ZH.read_text(encoding="utf-8"))
    # -- one page shows no running header (that needs two pages; bench_ocr.py reads them all) --
    [(image, shown)] = ocr_pages.render_pages(paragraphs, furniture=False, max_pages=1)
    return image, shown


@pytest.fixture(scope="module")
def traditional_halves():
    """The Traditional Chinese text as two short pictures (clauses 1.x, then 2.x), and its text."""
    if not ocr_pages.FONT_FILE.exists():
        pytest.skip("needs fonts-noto-cjk")
    paragraphs = ocr_pages.paragraphs_of(TRADITIONAL)
    halves = []
    for part in (paragraphs[:3], paragraphs[3:]):
        [(image, shown)] = ocr_pages.render_pages(
            part, "tc", size=(1275, 420), margin=60, furniture=False, max_pages=1
        )
        assert shown == part
        halves.append(image)
    return halves, paragraphs


@pytest.fixture(scope="module")
def traditional_page():
    """A short Traditional Chinese page (about a third of a Letter page)."""
    if not ocr_pages.FONT_FILE.exists():
        pytest.skip("needs fonts-noto-cjk")
    paragraphs = ocr_pages.paragraphs_of(TRADITIONAL)
    [(image, shown)] = ocr_pages.render_pages(
        paragraphs, "tc", size=(1275, 720), furniture=False, max_pages=1
    )
    assert len(shown) == len(paragraphs)
    return image, shown


def read_image(tmp_path: Path, image, name: str = "page.png"):
    return readers.read(write_png(tmp_path, name, image))


def assert_read_well(source, shown, max_cer: float) -> None:
    texts = [b.text for b in source.blocks]
    printed = [p.text for p in shown]
    assert cer("".join(printed), "".join(texts)) <= max_cer
    assert labels(source.blocks) == printed_labels(shown)
    differ = [text for text in printed if text not in texts]
    # -- ≥ 90 % identical; on a page of six paragraphs that still allows one --
    assert len(differ) <= max(1, 0.1 * len(printed)), (differ, texts)


@needs_ocr
def test_clean_corpus_page(tmp_path, corpus_page):
    image, shown = corpus_page
    source = read_image(tmp_path, image)
    assert_read_well(source, shown, 0.005)
    assert all(b.ocr_confidence is not None for b in source.blocks)
    assert source.blocks[0].location == "page 1 (page.png)"


@needs_ocr
def test_jpeg_q35_of_the_corpus_page_keeps_dates_and_amounts(tmp_path, corpus_page):
    from dpa_compare.qa.values import extract_values

    image, shown = corpus_page
    source = read_image(tmp_path, ocr_pages.jpeg(image), "page.jpg")
    assert_read_well(source, shown, 0.01)
    printed = "\n".join(p.text for p in shown)
    read = "\n".join(b.text for b in source.blocks)
    want = sorted((v.kind, v.key) for v in extract_values(printed, "zh") if not v.weak)
    got = sorted((v.kind, v.key) for v in extract_values(read, "zh") if not v.weak)
    assert want and got == want


@needs_ocr
def test_traditional_page_clean_and_skewed_with_noise(tmp_path, traditional_page):
    image, shown = traditional_page
    assert_read_well(read_image(tmp_path, image, "clean.png"), shown, 0.005)
    skewed = ocr_pages.skewed_with_noise(image)
    assert_read_well(read_image(tmp_path, skewed, "skewed.png"), shown, 0.01)


@needs_ocr
def test_long_phone_screenshot_is_cut_into_strips(tmp_path):
    paragraphs = ocr_pages.paragraphs_of(TRADITIONAL)
    [(image, shown)] = ocr_pages.phone_screenshots(paragraphs, "tc", height=1900, count=1)
    assert image.width == 1080 and image.height * 1275 / 1080 > ocr.STRIP_MAX_PX
    source = read_image(tmp_path, image, "screenshot.webp")
    assert_read_well(source, shown, 0.01)


@needs_ocr
def test_folder_and_image_list_read_in_order_as_one_document(tmp_path, traditional_halves):
    (top, bottom), shown = traditional_halves
    folder = tmp_path / "pages"
    folder.mkdir()
    write_png(folder, "page-10.png", bottom)
    write_png(folder, "page-2.png", top)
    from_folder = readers.read(folder).blocks
    assert labels(from_folder) == printed_labels(shown)
    listed = image_reader.PATH_LIST_SEPARATOR.join(
        [str(folder / "page-2.png"), str(folder / "page-10.png")]
    )
    assert [b.text for b in readers.read(listed).blocks] == [b.text for b in from_folder]


@needs_ocr
def test_saved_web_page_with_clauses_only_in_pictures(tmp_path, traditional_halves):
    (top, bottom), _ = traditional_halves
    files = tmp_path / "article_files"
    files.mkdir()
    write_png(files, "640.png", top)
    write_png(files, "641.png", bottom)
    write_png(files, "avatar.png", top.crop((0, 0, 64, 64)))
    page = tmp_path / "article.html"
    page.write_text(
        "<html><body><div id='js_content'><p>資料處理附錄（中文譯本）</p>"
        "<img data-src='https://mmbiz.example/x.png' src='article_files/640.png'>"
        "<img src='article_files/avatar.png'><img src='article_files/641.png'>"
        "<img src='https://cdn.example/remote.png'><p>譯文僅供參考。</p></div></body></html>",
        encoding="utf-8",
    )
    typed = tmp_path / "typed.md"
    typed.write_text(
        "資料處理附錄（中文譯本）\n\n" + TRADITIONAL + "\n譯文僅供參考。\n", encoding="utf-8"
    )
    from dpa_compare.api import load

    from_pictures = load(page, lang="zh")
    from_text = load(typed, lang="zh")
    assert [(c.label, c.kind) for c in from_pictures.clauses] == [
        (c.label, c.kind) for c in from_text.clauses
    ]
    texts = [c.full_text for c in from_pictures.clauses]
    assert texts[0] == "資料處理附錄（中文譯本）" and texts[-1] == "譯文僅供參考。"


@needs_ocr
def test_scanned_pdf_is_read_by_ocr(tmp_path, traditional_page):
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image, shown = traditional_page
    path = tmp_path / "scan.pdf"
    document = canvas.Canvas(str(path), pagesize=(612, 346), invariant=1)
    document.drawImage(ImageReader(image.convert("RGB")), 0, 0, width=612, height=346)
    document.showPage()
    document.save()
    source = readers.read(path)
    assert labels(source.blocks) == printed_labels(shown)
    assert cer("".join(p.text for p in shown), "".join(b.text for b in source.blocks)) <= 0.01


@needs_ocr
def test_cli_reads_several_page_images_given_one_by_one(tmp_path, traditional_halves, capsys):
    from dpa_compare.cli import main

    (top, bottom), shown = traditional_halves
    first = write_png(tmp_path, "p-1.png", top)
    second = write_png(tmp_path, "p-2.png", bottom)
    with pytest.raises(SystemExit) as caught:
        main(["segment", str(first), str(second), "--format", "json"])
    assert caught.value.code == 0
    import json

    clauses = json.loads(capsys.readouterr().out)["clauses"]
    assert [c["label"] for c in clauses if c["label"]] == printed_labels(shown)


def test_positional_images_and_empty_arguments_are_kept_as_given():
    argv = ["check", "en.png", "zh.png", "-o", "", "--format", "json"]
    assert image_reader.join_image_arguments(argv) == argv
