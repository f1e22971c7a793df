"""One language numbers an article's paragraphs (`1.` with `a.` items under it) where the other
leaves them unnumbered with `一、` items between (issue 15, held-out stand-in)."""

import dpa_compare
from dpa_compare.align.clause import ClauseAlignOptions, align_documents, link_refs

EN = """### Article 4

1. Boats referred to in this Act are as follows:

a. Fishing boats: boats used to catch or carry fish for sale.

b. Pleasure boats: boats used for sport or leisure and not for hire.

c. Work boats: boats used to tow, dredge or supply other vessels.

d. Ferries: boats that carry passengers on a fixed route.

e. Research boats: boats used to survey the sea or its life.

2. A boat under construction counts as a boat of the kind it is built for.

3. The competent authority shall publish the rules for telling the kinds of boats apart.

4. Boats owned by the armed forces are not governed by this Act.
"""
ZH = """### 第 4 條

本法所稱船舶如下：

一、漁船：指用以捕撈或運送漁獲販售之船舶。

二、遊艇：指供運動或休閒而非出租之船舶。

三、工作船：指用以拖帶、疏濬或補給其他船舶之船舶。

四、渡輪：指於固定航線載運旅客之船舶。

五、研究船：指用以調查海洋或其生物之船舶。

建造中之船舶，視為其預定種類之船舶。

船舶種類之區分規則，由主管機關公告之。

軍方所有之船舶，不適用本法。
"""


def test_numbered_paragraphs_pair_with_unnumbered_ones_and_their_items_with_the_items(tmp_path):
    (tmp_path / "act.en.md").write_text(EN, encoding="utf-8")
    (tmp_path / "act.zh.md").write_text(ZH, encoding="utf-8")
    en, zh = dpa_compare.load(tmp_path / "act.en.md"), dpa_compare.load(tmp_path / "act.zh.md")
    alignment = align_documents(en, zh, ClauseAlignOptions(embeddings="off"))
    pairs = [
        (
            "+".join(link_refs(alignment, k, "en")) or "-",
            "+".join(link_refs(alignment, k, "zh")) or "-",
        )
        for k in alignment.links
    ]
    assert pairs == [
        ("Article 4", "第 4 條"),
        ("Article 4 1", "第 4 條 ¶1"),
        ("Article 4 1(a)", "第 4 條 一、"),
        ("Article 4 1(b)", "第 4 條 二、"),
        ("Article 4 1(c)", "第 4 條 三、"),
        ("Article 4 1(d)", "第 4 條 四、"),
        ("Article 4 1(e)", "第 4 條 五、"),
        ("Article 4 2", "第 4 條 ¶2"),
        ("Article 4 3", "第 4 條 ¶3"),
        ("Article 4 4", "第 4 條 ¶4"),
    ]
