"""Traditional → Simplified normalisation, used for matching only."""

from dpa_compare.glossary.terms import GlossaryEntry
from dpa_compare.lang.script import has_cjk, has_han, is_cjk, is_han, is_traditional, to_simplified


def test_traditional_text_is_simplified_for_matching():
    assert to_simplified("個人資料之處理及利用") == "个人资料之处理及利用"
    assert to_simplified("GDPR 2016/679") == "GDPR 2016/679"


def test_traditional_script_is_detected():
    assert is_traditional("個人資料保護法第一條：為規範個人資料之蒐集、處理及利用")
    assert not is_traditional("个人数据保护：为规范个人数据的收集、处理和利用")
    assert not is_traditional("English only")


def test_a_simplified_glossary_term_is_found_in_traditional_text():
    entry = GlossaryEntry("data subject", ("当事人",), forbidden=("资料主体",))
    assert entry.rendering_in("當事人得請求刪除") == "当事人"
    assert entry.forbidden_in("資料主體得請求刪除") == ["资料主体"]


def test_han_covers_every_ideograph_block_and_nothing_else():
    # -- 㐀 ext A, 一 unified, 豈 compatibility, 𠀀 ext B; kana, punctuation, Hangul are not Han --
    assert all(is_han(ch) for ch in "㐀一鿿豈𠀀")
    assert not any(is_han(ch) for ch in "あア。，（Ａa한")
    assert has_han("GDPR 第5条") and not has_han("GDPR Art. 5")


def test_cjk_is_what_chinese_sets_without_spaces():
    # -- Han, kana, CJK punctuation and full-width forms join without a space; Hangul does not --
    assert all(is_cjk(ch) for ch in "一𠀀あア。「」，（１Ａ⺀︰")
    assert not any(is_cjk(ch) for ch in "a1.,한 ")
    assert has_cjk("page 。") and not has_cjk("plain text")
