"""Omissions an aligner hides and omissions that are none: a paragraph missing inside a 2-1 link,
an item missing between numbered neighbours, a paragraph number alone on its line (held-out
stand-in). Sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace

import dpa_compare
from dpa_compare.model import Clause, Document
from dpa_compare.qa import Pair, check_documents, run_checks
from dpa_compare.qa.pairs import combine

EN_1 = "The operator shall keep a logbook of every voyage and show it to an inspector on request."
EN_2 = "A logbook lost at sea shall be reported to the harbour office within seven days of arrival."
ZH_1 = "經營人應置備航海日誌。經要求時應提示之。"
"""Two sentences, as many as the two English paragraphs: only their lengths tell."""
ZH_2 = "日誌遺失者應報告港務機關。抵港後七日內為之。"


def _clause(cid: str, text: str, label: str = "") -> Clause:
    return Clause(
        id=cid,
        label=label,
        path=("3", cid),
        level=1,
        parent="art3",
        kind="paragraph",
        text=text,
        ref=cid,
    )


def _two_to_one(zh_text: str, side_labels: tuple[str, str, str] = ("", "", "")) -> list:
    en = [_clause("art3.p1", EN_1, side_labels[0]), _clause("art3.p2", EN_2, side_labels[1])]
    zh = _clause("art3.p1", zh_text, side_labels[2])
    joined = combine(en)
    assert joined is not None
    pairs = [Pair(joined, zh, en_ids=("art3.p1", "art3.p2"))]
    docs = Document("en.md", "en", "", tuple(en)), Document("zh.md", "zh", "", (zh,))
    return run_checks(pairs, *docs, checks=["omission"])


def test_a_paragraph_missing_inside_a_two_to_one_link_is_reported():
    findings = _two_to_one(ZH_1)
    assert [(f.severity, f.evidence["clause"]) for f in findings] == [("major", "art3.p2")]


def test_a_two_to_one_link_whose_chinese_holds_both_paragraphs_is_quiet():
    assert _two_to_one(ZH_1 + ZH_2) == []


def test_the_item_whose_number_the_other_side_lacks_is_the_one_reported():
    en = [
        replace(_clause("art3.2", EN_1, "(2)"), path=("3", "2")),
        replace(_clause("art3.3", EN_2, "(3)"), path=("3", "3")),
    ]
    zh = replace(_clause("art3.3", ZH_2, "三、"), path=("3", "3"))
    joined = combine(en)
    assert joined is not None
    pairs = [Pair(joined, zh, en_ids=("art3.2", "art3.3"))]
    docs = Document("en.md", "en", "", tuple(en)), Document("zh.md", "zh", "", (zh,))
    findings = run_checks(pairs, *docs, checks=["omission"])
    assert [f.evidence["clause"] for f in findings] == ["art3.2"]


def _check(tmp_path, en_text: str, zh_text: str) -> list:
    (tmp_path / "act.en.md").write_text(en_text, encoding="utf-8")
    (tmp_path / "act.zh.md").write_text(zh_text, encoding="utf-8")
    en = dpa_compare.load(tmp_path / "act.en.md")
    zh = dpa_compare.load(tmp_path / "act.zh.md")
    return [f for f in check_documents(en, zh).findings if f.check in ("omission", "addition")]


EN_ITEMS = (
    "### Article 6\n\nA ship may be detained where:\n\n"
    "(1) its hull is found unsound by a surveyor;\n\n"
    "(2) its crew lacks the certificates required by law;\n\n"
    "(3) its cargo is loaded beyond the permitted draught; or\n\n"
    "(4) its fees for the previous voyage remain unpaid.\n"
)
ZH_ITEMS = (
    "### 第 6 條\n\n船舶有下列情形之一者，得予留置：\n\n"
    "一、船體經檢驗人員認定不堪航行。\n\n"
    "二、船員未具法定證書。\n\n"
    "{three}"
    "四、前航次之規費尚未繳納。\n"
)


def test_an_item_missing_between_numbered_neighbours_is_an_omission(tmp_path):
    findings = _check(tmp_path, EN_ITEMS, ZH_ITEMS.format(three=""))
    assert [(f.check, f.severity, f.en_label) for f in findings] == [
        ("omission", "critical", "Article 6(3)")
    ]


def test_the_same_list_with_every_item_translated_is_quiet(tmp_path):
    assert _check(tmp_path, EN_ITEMS, ZH_ITEMS.format(three="三、貨物裝載逾越核定吃水。\n\n")) == []


def test_a_paragraph_number_alone_on_its_line_is_no_omission(tmp_path):
    en = (
        "### Article 2\n\nParagraph 2.1\n\nA permit lasts five years from the date of issue.\n\n"
        "Paragraph 2.2\n\nA permit may be renewed once for the same period.\n"
    )
    zh = "### 第 2 條\n\n許可之效期為自核發日起五年。\n\n許可得延長一次，期間相同。\n"
    assert _check(tmp_path, en, zh) == []


EN_FEES = (
    "The harbour office shall publish the fee of every berth and every anchorage in the port, "
    "and shall review the fees each year."
)
ZH_FEES = "港務機關應公告港內各船席及錨地收取之各項使用費額；"
ZH_REVIEW = "各項費額應每年檢討。"


def _one_to_one_and_loose(en_text: str, zh_first: str, zh_loose: str) -> list:
    """Return the `addition` findings of an English paragraph linked with a Chinese one, and a
    second Chinese paragraph of the same article left unaligned."""
    en = Clause(
        id="art8.p1",
        label="",
        path=("8", "p1"),
        level=1,
        parent="art8",
        kind="paragraph",
        text=en_text,
        ref="Article 8 ¶1",
    )
    zh = [
        Clause(
            id=f"art8.p{k}",
            label="",
            path=("8", f"p{k}"),
            level=1,
            parent="art8",
            kind="paragraph",
            text=text,
            ref=f"第 8 條 ¶{k}",
        )
        for k, text in ((1, zh_first), (2, zh_loose))
    ]
    pairs = [Pair(en, zh[0]), Pair(None, zh[1])]
    docs = Document("en.md", "en", "", (en,)), Document("zh.md", "zh", "", tuple(zh))
    return run_checks(pairs, *docs, checks=["addition"])


def test_a_paragraph_set_apart_after_a_semicolon_is_the_same_sentence():
    assert _one_to_one_and_loose(EN_FEES, ZH_FEES, ZH_REVIEW) == []


def test_a_paragraph_after_a_full_stop_is_not_taken_for_the_same_sentence():
    english = "The harbour office shall publish the fee of every berth in the port."
    findings = _one_to_one_and_loose(english, ZH_FEES.replace("；", "。"), ZH_REVIEW)
    assert [f.severity for f in findings] == ["major"]


def test_a_paragraph_whose_percentage_is_in_the_english_beside_is_translated_there():
    loose = "保留供修繕之費額比率，不得低於百分之三十。"
    english = "The office publishes berth fees; repairs get 30% or more."
    assert _one_to_one_and_loose(english, "港務機關應公告港內各船席之費額。", loose) == []
    english = "The office publishes berth fees and keeps them under review."
    assert _one_to_one_and_loose(english, "港務機關應公告港內各船席之費額。", loose) != []


def test_an_item_title_alone_beside_an_item_that_runs_title_and_text_together(tmp_path):
    en = (
        "### Article 5\n\nAn applicant shall meet the following conditions:\n\n"
        "1. Capital: The paid-in capital shall be at least one hundred million dollars.\n\n"
        "2. Staff: The applicant shall employ at least three licensed pilots.\n"
    )
    zh = (
        "### 第 5 條\n\n申請人應符合下列條件：\n\n一、資本：\n\n"
        "實收資本額應達新臺幣一億元以上。\n\n二、人員：應僱用領有執照之引水人三人以上。\n"
    )
    assert _check(tmp_path, en, zh) == []


def test_one_item_split_in_two_with_the_numbering_going_on_is_no_addition():
    # -- `(3)` ⇄ `（三）` + `（四）`, and `(4)` ⇄ `（五）`: the Chinese splits an item, the
    #    English has the number 4 further on, so nothing is missing --
    en = [
        replace(_clause("art3.3", EN_1, "(3)"), path=("3", "3")),
        replace(_clause("art3.4", EN_2, "(4)"), path=("3", "4")),
    ]
    zh = [
        replace(
            _clause("art3.3", "經營人應置備航海日誌，並記載每一航次之起訖港口及時間；", "（三）"),
            path=("3", "3"),
        ),
        replace(
            _clause("art3.4", "經營人應於檢查人員要求時提示航海日誌，並說明其記載內容。", "（四）"),
            path=("3", "4"),
        ),
    ]
    joined = combine(zh)
    assert joined is not None
    pairs = [Pair(en[0], joined, zh_ids=("art3.3", "art3.4")), Pair(en[1], None)]
    docs = Document("en.md", "en", "", tuple(en)), Document("zh.md", "zh", "", tuple(zh))
    assert run_checks(pairs, *docs, checks=["addition"]) == []
    alone = Document("en.md", "en", "", (en[0],)), docs[1]
    assert [f.evidence["clause"] for f in run_checks(pairs[:1], *alone, checks=["addition"])] == [
        "art3.4"
    ]


EN_ITEM = "The holder of a licence shall renew it every two years before it lapses."
EN_DELETED = (
    "A vessel registered abroad shall carry an English copy of its certificate of seaworthiness "
    "and produce it whenever the harbour office asks for it."
)
ZH_ITEM = "執照持有人應於期滿前每二年換發之。"


def _deleted_article_pairs(zh_item: str) -> list:
    """English Article 2 item 3, Article 3 (heading + one paragraph); Chinese 第 2 條 三、 only:
    第 3 條 deleted, and the aligner joined the English heading `Article 3` to the item before."""
    item = Clause("art2.3", "3.", ("2", "3"), 2, "art2", "list_item", EN_ITEM, "2.3")
    heading = Clause("art3", "Article 3", ("3",), 1, None, "clause", "", "Article 3")
    paragraph = Clause("art3.p1", "", ("3", "p1"), 2, "art3", "paragraph", EN_DELETED, "3 ¶1")
    zh = Clause("art2.3", "三、", ("2", "3"), 2, "art2", "list_item", zh_item, "第 2 條 三、")
    joined = combine([item, heading])
    assert joined is not None
    pairs = [
        Pair(joined, zh, en_ids=("art2.3", "art3")),
        Pair(paragraph, None),
    ]
    docs = (
        Document("en.md", "en", "", (item, heading, paragraph)),
        Document("zh.md", "zh", "", (zh,)),
    )
    return run_checks(pairs, *docs, checks=["omission"])


def test_a_deleted_article_is_not_held_by_the_item_of_another_article_its_heading_joined():
    """However long the Chinese item, it is 第 2 條's text: it cannot hold Article 3's."""
    for zh_item in (
        ZH_ITEM,
        ZH_ITEM + "外籍船舶應備有適航證書英文副本，經港務機關要求時應提示之。",
    ):
        findings = _deleted_article_pairs(zh_item)
        assert [(f.check, f.severity, f.en_id) for f in findings if f.en_id == "art3.p1"] == [
            ("omission", "critical", "art3.p1")
        ], zh_item
