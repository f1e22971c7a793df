"""Traditional → Simplified normalisation, used for matching only."""

from dpa_compare.lang.script import is_traditional, to_simplified
from dpa_compare.qa.glossary import GlossaryEntry


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
