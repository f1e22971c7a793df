"""Chinese label patterns and definitions."""

import pytest

from dpa_compare.lang import zh

LABELS = [
    ("第一条 定义", "article", "第一条", (1,), "定义"),
    ("第七条受托人应当", "article", "第七条", (7,), "受托人应当"),
    ("第 1-1 條", "article", "第 1-1 條", (1, 1), ""),
    ("第十条之一 补充", "article", "第十条之一", (10, 1), "补充"),
    ("第二十一條　本法", "article", "第二十一條", (21,), "本法"),
    ("第一章 总则", "chapter", "第一章", (1,), "总则"),
    ("第 一 章 總則", "chapter", "第 一 章", (1,), "總則"),
    ("第二节 安全", "section", "第二节", (2,), "安全"),
    ("第一编 通则", "part", "第一编", (1,), "通则"),
    ("一、个人信息", "zh_item", "一、", (1,), "个人信息"),
    ("十二、其他", "zh_item", "十二、", (12,), "其他"),
    ("（一）甲方", "zh_paren", "（一）", (1,), "甲方"),
    ("(三) 乙方", "zh_paren", "(三)", (3,), "乙方"),
    ("1、范围", "num_dun", "1、", (1,), "范围"),
    ("1. 定义", "decimal", "1.", (1,), "定义"),
    ("１．定义", "decimal", "１．", (1,), "定义"),
    ("1.1 范围", "decimal", "1.1", (1, 1), "范围"),
    ("（a）数据", "alpha_paren", "（a）", (1,), "数据"),
    ("(a) 数据", "alpha_paren", "(a)", (1,), "数据"),
    ("附件一", "annex", "附件一", (1,), ""),
    ("附录A", "annex", "附录A", (1,), ""),
    ("附件 2：安全措施", "annex", "附件 2", (2,), "安全措施"),
    ("Annex 1", "annex", "Annex 1", (1,), ""),
]


@pytest.mark.parametrize(("text", "scheme", "label", "numbers", "rest"), LABELS)
def test_chinese_labels(text, scheme, label, numbers, rest):
    match = zh.match_label(text)[0]
    assert (match.scheme, match.label, match.numbers, match.rest) == (scheme, label, numbers, rest)


@pytest.mark.parametrize(
    "text",
    ["第十五條第二款及第十九條所稱", "第八條規定之事項", "附件1所列事項", "本法用詞，定義如下："],
)
def test_citations_are_not_labels(text):
    assert zh.match_label(text) == []


DEFINITIONS = [
    ("“个人信息”是指以电子方式记录的信息", "个人信息"),
    ("“处理”指收集、存储、使用", "处理"),
    ("「個人資料」指自然人之姓名", "個人資料"),
    ("個人資料：指自然人之姓名", "個人資料"),
    ("本法所稱同意，指當事人之意思表示", "同意"),
    ("受托人应当采取必要措施。", None),
]


@pytest.mark.parametrize(("text", "term"), DEFINITIONS)
def test_chinese_definitions(text, term):
    assert zh.match_definition(text) == term


def test_titles():
    assert zh.looks_like_title("总则")
    assert not zh.looks_like_title("請求刪除。")


def test_text_after_a_label_keeps_its_full_width_brackets():
    # -- `15.1（a）` is one printed outline number (15.1, item a); the text keeps its brackets --
    (match,) = [
        m for m in zh.match_label("15.1（a）标准合同条款（如适用）") if m.label == "15.1（a）"
    ][:1]
    assert (match.numbers, match.rest) == ((15, 1, 1), "标准合同条款（如适用）")


@pytest.mark.parametrize(
    ("text", "scheme", "label", "numbers"),
    [
        ("（ａ）数据", "alpha_paren", "（ａ）", (1,)),
        ("（Ｂ）数据", "ALPHA_paren", "（Ｂ）", (2,)),
        ("ｃ. 数据", "alpha_dot", "ｃ.", (3,)),
        ("附件Ａ 安全措施", "annex", "附件Ａ", (1,)),
    ],
)
def test_full_width_letters_read_as_labels(text, scheme, label, numbers):
    # -- regression: full-width letters (common in Chinese typesetting) were not labels at all --
    match = zh.match_label(text)[0]
    assert (match.scheme, match.label, match.numbers) == (scheme, label, numbers)
