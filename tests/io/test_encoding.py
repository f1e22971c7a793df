"""Decoding text files in the encodings Chinese and English documents arrive in."""

import codecs

import pytest

from dpa_compare.errors import LoadError
from dpa_compare.io.encoding import decode_text, readable_share

ZH = "第一条 定义\n本协议中，“个人信息”是指以电子或者其他方式记录的各种信息。Article 1 applies.\n"


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gb18030", "gbk"],
)
def test_decodes_each_encoding(encoding):
    assert decode_text(ZH.encode(encoding), "a.txt") == ZH


def test_gb18030_only_characters():
    text = "数据处理协议：㐀 第三条（保密）\n"
    assert decode_text(text.encode("gb18030"), "a.md") == text


def test_big5_traditional_chinese():
    text = "個人資料保護法 第一條 為規範個人資料之蒐集、處理及利用，以避免人格權受侵害。\n"
    assert decode_text(text.encode("big5"), "a.md") == text


def test_utf16_without_bom_is_found_by_its_nul_bytes():
    text = "1. Definitions\nThe Processor shall act only on instructions.\n"
    assert decode_text(text.encode("utf-16-le"), "a.txt") == text
    assert decode_text(text.encode("utf-16-be"), "a.txt") == text


def test_bom_is_removed_and_newlines_normalised():
    data = codecs.BOM_UTF8 + b"a\r\nb\rc\n"
    assert decode_text(data, "a.txt") == "a\nb\nc\n"


def test_binary_file_is_refused():
    with pytest.raises(LoadError, match="binary"):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "picture.md")
    with pytest.raises(LoadError, match="binary"):
        decode_text(bytes(range(1, 32)) * 20, "noise.txt")


def test_undecodable_text_names_the_file_and_the_fix():
    data = bytes([0x81, 0x30, 0x81]) * 3 + b"\xff\xff\xff\xfe"
    with pytest.raises(LoadError) as error:
        decode_text(data, "contract.txt")
    assert str(error.value).startswith("contract.txt: cannot decode the text")
    assert "UTF-8" in str(error.value)


def test_broken_utf16_with_bom_is_a_load_error():
    with pytest.raises(LoadError, match="UTF-16"):
        decode_text(codecs.BOM_UTF16_LE + b"\x00\xd8\x41", "a.txt")


def test_readable_share_scores_wrong_decodes_low():
    garbled = "个人信息".encode().decode("gb18030", errors="replace")
    assert readable_share("个人信息 personal data") == 1.0
    assert readable_share(garbled) < readable_share("个人信息")
