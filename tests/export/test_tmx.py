"""TMX 1.4b export, read back with an independent reader (translate-toolkit)."""

import xml.etree.ElementTree as ET

import pytest

from dpa_compare.align.clause import ClauseAlignOptions, align_documents, link_text
from dpa_compare.api import segment
from dpa_compare.export.tmx import to_tmx
from dpa_compare.model import Block

EN = [
    "1. Security",
    "1.1 The Supplier shall encrypt all personal data with AES-256.",
    "1.2 The Supplier shall notify the Customer of a breach within 48 hours & keep <records>.",
    "1.3 The Customer may audit the Supplier once a year.",
]
ZH = [
    "1. 安全",
    "1.1 供应商应使用AES-256加密全部个人数据。",
    "1.2 供应商应在48小时内将违规通知客户，并保存<记录>。",
]


def _alignment():
    en = segment(
        [Block(t, f"line {k}", heading_level=2 if k == 1 else None) for k, t in enumerate(EN, 1)],
        "en",
        source="sec.en.md",
    )
    zh = segment(
        [Block(t, f"line {k}", heading_level=2 if k == 1 else None) for k, t in enumerate(ZH, 1)],
        "zh",
        source="sec.zh.md",
    )
    return align_documents(en, zh, ClauseAlignOptions(embeddings="off"))


def test_tmx_round_trips_through_translate_toolkit():
    tmx = pytest.importorskip("translate.storage.tmx")
    alignment = _alignment()
    store = tmx.tmxfile.parsestring(to_tmx(alignment))
    expected = [
        (link_text(alignment, link, "en"), link_text(alignment, link, "zh"))
        for link in alignment.links
        if link.en_ids and link.zh_ids
    ]
    assert [(unit.source, unit.target) for unit in store.units] == expected
    assert len(expected) == 3 and "<records>" in expected[2][0]


def test_tmx_header_props_and_determinism():
    alignment = _alignment()
    data = to_tmx(alignment, tool_version="9.9")
    assert data == to_tmx(alignment, tool_version="9.9")
    root = ET.fromstring(data)
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    assert {
        k: header.get(k)
        for k in (
            "creationtool",
            "creationtoolversion",
            "srclang",
            "segtype",
            "adminlang",
            "datatype",
            "o-tmf",
        )
    } == {
        "creationtool": "dpa-compare",
        "creationtoolversion": "9.9",
        "srclang": "en",
        "segtype": "paragraph",
        "adminlang": "en",
        "datatype": "plaintext",
        "o-tmf": "dpa-compare",
    }
    assert header.get("creationdate") is None
    units = root.findall("body/tu")
    langs = [
        [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in unit.findall("tuv")]
        for unit in units
    ]
    assert langs == [["en", "zh-CN"]] * 3
    props = {p.get("type"): p.text for p in units[1].findall("prop")}
    assert props["x-en-labels"] == "1.1" and props["x-zh-labels"] == "1.1"
    assert 0.0 <= float(props["x-confidence"]) <= 1.0 and props["x-shape"] == "1-1"
    assert units[1].find("note").text.startswith("label 1.1 = 1.1")


def test_unaligned_clauses_make_no_translation_unit():
    alignment = _alignment()
    assert any(link.shape == "1-0" for link in alignment.links)
    assert len(ET.fromstring(to_tmx(alignment)).findall("body/tu")) == sum(
        1 for link in alignment.links if link.en_ids and link.zh_ids
    )
