"""Statutes whose two languages frame and split the text differently: chapters on one side only,
a section title read beside its articles, label lines, one paragraph for two (issue 15)."""

import pytest

import dpa_compare
from dpa_compare.align.clause import ClauseAlignOptions, align_documents, link_refs

OFF = ClauseAlignOptions(embeddings="off")

EN_ARTICLES = [
    "### Article 1\n\nThis Act governs the registration of fishing boats.",
    "### Article 2\n\nThe competent authority is the Ministry of Agriculture.",
    "### Article 3\n\nA boat owner shall register the boat within thirty days of purchase.",
    "### Article 4\n\nA registered boat shall carry its licence on board at all times.",
    "### Article 5\n\nWhoever violates Article 4 shall be fined not more than ten thousand "
    "dollars.",
    "### Article 6\n\nThis Act takes effect on the date of promulgation.",
]
ZH_ARTICLES = [
    "### 第 1 條\n\n本法規範漁船之登記。",
    "### 第 2 條\n\n本法主管機關為農業部。",
    "### 第 3 條\n\n船主應於購買後三十日內登記漁船。",
    "### 第 4 條\n\n已登記之漁船應隨時於船上攜帶執照。",
    "### 第 5 條\n\n違反第四條者，處新臺幣一萬元以下罰鍰。",
    "### 第 6 條\n\n本法自公布日施行。",
]


def _load(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return dpa_compare.load(path)


def _align(tmp_path, en_text, zh_text):
    en = _load(tmp_path, "act.en.md", en_text)
    zh = _load(tmp_path, "act.zh.md", zh_text)
    alignment = align_documents(en, zh, OFF)
    alignment.check_cover()
    return alignment


def _pairs(alignment):
    return [
        (
            "+".join(link_refs(alignment, link, "en")) or "-",
            "+".join(link_refs(alignment, link, "zh")) or "-",
        )
        for link in alignment.links
    ]


def _article_pairs(alignment):
    """Return (English article, Chinese article) numbers of the links between article headings."""
    out = []
    for en_ref, zh_ref in _pairs(alignment):
        if en_ref.startswith("Article ") and "¶" not in en_ref and "+" not in en_ref:
            out.append((en_ref.split()[1], zh_ref.replace("第 ", "").replace(" 條", "")))
    return out


def test_chinese_chapters_the_english_lacks_leave_the_articles_paired_by_number(tmp_path):
    en = "# Fishing Boat Act\n\n" + "\n\n".join(EN_ARTICLES) + "\n"
    zh = (
        "# 漁船法\n\n## 第 一 章 總則\n\n"
        + "\n\n".join(ZH_ARTICLES[:2])
        + "\n\n## 第 二 章 登記\n\n"
        + "\n\n".join(ZH_ARTICLES[2:])
        + "\n"
    )
    alignment = _align(tmp_path, en, zh)
    assert _article_pairs(alignment) == [(str(n), str(n)) for n in range(1, 7)]
    unaligned = [p for p in _pairs(alignment) if "-" in p]
    # -- only the two chapter titles have no counterpart --
    assert len(unaligned) == 2 and all(en == "-" for en, _ in unaligned)


def test_a_section_title_read_beside_its_articles_pairs_with_the_chinese_section(tmp_path):
    en = (
        "# Fishing Boat Act\n\n## Chapter 1 General Provisions\n\n## Section 1 Scope\n\n"
        + "\n\n".join(EN_ARTICLES[:3])
        + "\n\n## Section 2 Licences\n\n"
        + "\n\n".join(EN_ARTICLES[3:])
        + "\n"
    )
    zh = (
        "# 漁船法\n\n## 第 一 章 總則\n\n## 第 一 節 範圍\n\n"
        + "\n\n".join(ZH_ARTICLES[:3])
        + "\n\n## 第 二 節 執照\n\n"
        + "\n\n".join(ZH_ARTICLES[3:])
        + "\n"
    )
    alignment = _align(tmp_path, en, zh)
    assert _article_pairs(alignment) == [(str(n), str(n)) for n in range(1, 7)]
    assert not [p for p in _pairs(alignment) if "-" in p]


@pytest.mark.parametrize("label", ["Paragraph {n}", "{n}. Fees:"])
def test_a_label_line_before_its_text_joins_the_link_of_that_text(tmp_path, label):
    items_en = [
        "Registration fees for new boats.",
        "Inspection fees for registered boats.",
        "Licence fees for renewed licences.",
    ]
    en = "### Article 7\n\nThe following fees shall be collected:\n\n" + "\n\n".join(
        f"{label.format(n=n)}\n\n{text}" for n, text in enumerate(items_en, 1)
    )
    zh = (
        "### 第 7 條\n\n應收取下列費用：\n\n"
        "一、新船之登記費。\n\n二、已登記船舶之檢查費。\n\n三、換發執照之執照費。\n"
    )
    alignment = _align(tmp_path, en + "\n", zh)
    links = [link for link in alignment.links if link.en_ids and link.zh_ids]
    assert not [link for link in alignment.links if not link.en_ids or not link.zh_ids]
    assert [(len(link.en_ids), len(link.zh_ids)) for link in links][-3:] == [(2, 1)] * 3


def test_one_english_paragraph_for_two_chinese_is_one_link(tmp_path):
    en = (
        "### Article 8\n\nA boat owner who sells the boat shall report the sale within ten days. "
        "The buyer shall register the boat again within thirty days of the sale.\n"
    )
    zh = (
        "### 第 8 條\n\n船主出售漁船者，應於十日內申報出售。\n\n"
        "買受人應於出售後三十日內重新登記漁船。\n"
    )
    alignment = _align(tmp_path, en, zh)
    assert [(len(link.en_ids), len(link.zh_ids)) for link in alignment.links] == [(1, 1), (1, 2)]


def test_the_text_under_an_item_title_joins_the_title_even_where_its_words_differ(tmp_path):
    # -- the English text of item 2 repeats item 1's (a slip of the translator): the title still
    #    pairs it with item 二, and its text belongs with its title, not out on its own --
    en = (
        "### Article 9\n\nThe port bureau has the following offices:\n\n"
        "1. Harbour Office:\n\nIn charge of berth allocation, pilotage and harbour traffic.\n\n"
        "2. Accounting Office:\n\nIn charge of berth allocation, pilotage and harbour traffic "
        "records.\n"
    )
    zh = (
        "### 第 9 條\n\n港務局設下列單位：\n\n"
        "一、港務室：掌理船席調度、引水及港區交通事項。\n\n"
        "二、會計室：掌理歲計、會計及統計事項。\n"
    )
    alignment = _align(tmp_path, en, zh)
    assert not [link for link in alignment.links if not link.en_ids or not link.zh_ids]
    assert _pairs(alignment)[-2:] == [
        ("Article 9 1+Article 9 1 ¶1", "第 9 條 一、"),
        ("Article 9 2+Article 9 2 ¶1", "第 9 條 二、"),
    ]


def test_a_sentence_the_layout_broke_in_two_paragraphs_is_one_link(tmp_path):
    en = (
        "### Article 10\n\nA boat owner shall report the loss of a licence to the authority.\n\n"
        "The replacement of a licence reported lost under the preceding paragraph shall be\n\n"
        "applied for within thirty days of the report.\n"
    )
    zh = (
        "### 第 10 條\n\n船主遺失執照者，應向主管機關申報。\n\n"
        "依前項申報遺失之執照，應於申報後三十日內申請補發。\n"
    )
    alignment = _align(tmp_path, en, zh)
    # -- the segmenter joins the two halves again (`join_broken_sentences`): one clause each --
    assert [(len(link.en_ids), len(link.zh_ids)) for link in alignment.links] == [
        (1, 1),
        (1, 1),
        (1, 1),
    ]
