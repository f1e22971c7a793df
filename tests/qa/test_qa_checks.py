"""Each check: a true positive, and a near miss that must not be flagged."""

from __future__ import annotations

from conftest import clause, documents, pair

from dpa_compare.qa import Glossary, GlossaryEntry, Pair, run_checks


def run(name: str, pairs: list[Pair], **kw: object) -> list:
    en, zh = documents(pairs)
    return run_checks(pairs, en, zh, checks=[name], **kw)  # type: ignore[arg-type]


def test_omission_and_addition() -> None:
    pairs = [
        pair("The Processor shall act on instructions.", None),
        pair(None, "处理者应保存记录。"),
    ]
    assert [f.check for f in run("omission", pairs)] == ["omission"]
    assert [f.check for f in run("addition", pairs)] == ["addition"]
    findings = run("omission", pairs)
    assert (
        findings[0].en_id == pairs[0].en.id
        and findings[0].zh_id is None
        and findings[0].severity == "critical"
    )


def test_omission_near_miss() -> None:
    assert run("omission", [pair("Definitions", "定义")]) == []
    assert run("addition", [pair("Definitions", "定义")]) == []


def test_numbers_flags_a_changed_duration() -> None:
    (finding,) = run(
        "numbers", [pair("Notify within seventy-two (72) hours.", "应在四十八小时内通知。")]
    )
    assert finding.evidence["en_only"] == ["72 hour"] and finding.evidence["zh_only"] == ["48 hour"]
    assert "72 hour" in finding.message and "48 hour" in finding.message


def test_numbers_flags_a_lost_currency_amount() -> None:
    (finding,) = run(
        "numbers", [pair("Liability is capped at USD 1,000,000.", "责任上限为100万欧元。")]
    )
    assert finding.evidence["en_only"] == ["USD 1000000"] and finding.evidence["zh_only"] == [
        "EUR 1000000"
    ]


def test_numbers_near_misses_agree() -> None:
    pairs = [
        pair("Notify within seventy-two (72) hours.", "应在七十二小时内通知。"),
        pair("within thirty (30) days", "三十（30）日内"),
        pair("capped at US$1 million", "上限为100万美元"),
        pair("a fee of 5%", "百分之五的费用"),
        pair("for twelve (12) months", "为期十二个月"),
        pair("at least ３０ business days", "至少30个工作日"),
        pair(
            "See Section 7.2 and Annex 2 of Regulation (EU) 2016/679.",
            "见第七条第二款及欧盟第2016/679号条例附件二。",
        ),
        pair("one or more Sub-processors, in two (2) copies", "一个或多个分处理者，一式两份"),
        pair("within one (1) year", "一年内"),
    ]
    assert run("numbers", pairs) == []


def test_dates() -> None:
    (finding,) = run("dates", [pair("effective 1 January 2025", "自2025年2月1日起生效")])
    assert finding.evidence["en_only"] == ["2025-01-01"]
    assert run("dates", [pair("effective January 1, 2025", "自2025年1月1日起生效")]) == []
    assert run("dates", [pair("since May 2020", "自2020年5月起")]) == []


def test_cross_references() -> None:
    (finding,) = run("cross_references", [pair("as set out in Section 5.2", "如第5.3条所述")])
    assert finding.evidence["en_only"] == ["Section 5.2"]
    near = [
        pair("as set out in Section 5.2 and Annex 2", "如第五条第二款及附件二所述"),
        pair("under Article 28(3) of the GDPR", "根据GDPR第28条第3款"),
        pair("Clause 7(a)", "第7条(a)款"),
        pair("Section 5.2; see also Section 5.2", "第5.2节"),
    ]
    assert run("cross_references", near) == []


def test_cross_references_follow_the_label_map() -> None:
    renumbered = [pair("as set out in Section 5.2", "如第5.3条所述")]
    assert run("cross_references", renumbered, label_map={"5.2": "5.3"}) == []
    assert (
        len(
            run(
                "cross_references", [pair("see Section 5.2", "见第5.2条")], label_map={"5.2": "5.3"}
            )
        )
        == 1
    )


def test_urls() -> None:
    (finding,) = run("urls", [pair("See https://example.com/dpa.", "见https://example.cn/dpa。")])
    assert finding.evidence["en_only"] == ["https://example.com/dpa"]
    assert (
        run(
            "urls",
            [
                pair(
                    "Write to privacy@example.com or HTTPS://Example.com/dpa/.",
                    "请致函privacy@example.com或https://example.com/dpa。",
                )
            ],
        )
        == []
    )


GLOSSARY = Glossary((
    GlossaryEntry("personal data", ("个人数据",), ("个人资料",)),
    GlossaryEntry("Sub-processor", ("分处理者", "次级处理者")),
))  # fmt: skip


def test_glossary_missing_and_forbidden() -> None:
    findings = run(
        "glossary",
        [pair("Personal Data shall be protected.", "个人资料应受保护。")],
        glossary=GLOSSARY,
    )
    assert {f.evidence["term"] for f in findings} == {"personal data"}
    assert any("forbidden" in f.message for f in findings) and any(
        "should be rendered" in f.message for f in findings
    )


def test_glossary_near_miss() -> None:
    pairs = [
        pair("The Sub-processors process personal data.", "分处理者处理个人数据。"),
        pair("Data", "数据"),
    ]
    assert run("glossary", pairs, glossary=GLOSSARY) == []
    assert run("glossary", pairs) == []


def test_term_consistency_definitions_two_ways() -> None:
    pairs = [
        Pair(clause("“Controller” means the entity.", "en", kind="definition", term="Controller"),
             clause("“控制者”指该实体。", "zh", kind="definition", term="控制者")),
        Pair(clause("“Controller” means the party.", "en", kind="definition", term="Controller"),
             clause("“控制人”指该方。", "zh", kind="definition", term="控制人")),
    ]  # fmt: skip
    findings = run("term_consistency", pairs)
    assert any("控制者 and 控制人" in f.message for f in findings)


def test_term_consistency_usage_and_glossary_variants() -> None:
    pairs = [
        Pair(clause("“Controller” means the entity.", "en", kind="definition", term="Controller"),
             clause("“控制者”指该实体。", "zh", kind="definition", term="控制者")),
        pair("The Controller instructs.", "控制者发出指示。"),
        pair("The Controller's rights.", "控制人的权利。"),
        pair("Each Sub-processor signs.", "每一分处理者签署。"),
        pair("Each Sub-processor is listed.", "每一次级处理者列于附件。"),
    ]  # fmt: skip
    findings = run("term_consistency", pairs, glossary=GLOSSARY)
    messages = [f.message for f in findings]
    assert len(findings) == 2
    assert any("'Controller'" in m and "not used" in m for m in messages)
    assert any("Sub-processor" in m and "more than one way" in m for m in messages)
    assert findings[0].zh_id == pairs[2].zh.id or findings[1].zh_id == pairs[2].zh.id


def test_statute_lower_case_defined_term_left_implied_is_not_flagged() -> None:
    pairs = [
        Pair(
            clause(
                '"personal data" refers to any information on a natural person.',
                "en",
                kind="definition",
                term="personal data",
            ),
            clause("個人資料：指自然人之資料。", "zh", kind="definition", term="個人資料"),
        ),
        pair("the right to request a copy of his/her personal data;", "請求製給複製本。"),
    ]
    assert run("term_consistency", pairs) == []


def test_glossary_renderings_for_different_expressions_are_not_inconsistent() -> None:
    party = GlossaryEntry("party", ("一方", "双方", "各方"), variants=("parties",))
    pairs = [
        pair("Each party shall comply.", "各方应遵守。"),
        pair("The parties agree.", "双方同意。"),
        pair("A party may terminate.", "一方可以终止。"),
        pair("The parties sign.", "双方签署。"),
    ]
    assert run("term_consistency", pairs, glossary=Glossary((party,))) == []
    pairs.append(pair("Each party signs.", "双方签署。"))
    findings = run("term_consistency", pairs, glossary=Glossary((party,)))
    assert len(findings) == 1 and "'each party'" in findings[0].message


def test_term_consistency_near_miss() -> None:
    pairs = [
        Pair(clause("“Controller” means the entity.", "en", kind="definition", term="Controller"),
             clause("“控制者”指该实体。", "zh", kind="definition", term="控制者")),
        pair("The Controller instructs; the controller of the data.", "控制者发出指示。"),
        pair("Each Sub-processor signs.", "每一分处理者签署。"),
    ]  # fmt: skip
    assert run("term_consistency", pairs, glossary=GLOSSARY) == []


def test_untranslated() -> None:
    (finding,) = run(
        "untranslated",
        [pair("The processor shall notify.", "处理者 shall notify the controller 该事项。")],
    )
    assert finding.evidence == ("shall notify the controller",)
    near = [
        pair("under the GDPR, CCPA and CPRA", "根据GDPR、CCPA和CPRA"),
        pair("Acme Cloud Services Inc. (the “Processor”)", "Acme Cloud Services Inc.（“处理者”）"),
        pair(
            "see https://example.com/terms-of-service-and-privacy",
            "见https://example.com/terms-of-service-and-privacy",
        ),
        pair("ISO 27001 and SOC 2 Type II reports", "ISO 27001和SOC 2 Type II报告"),
        pair("the Standard Contractual Clauses", "标准合同条款（Standard Contractual Clauses）"),
    ]
    assert run("untranslated", near) == []


def test_untranslated_passes_a_bracketed_gloss_but_not_a_bracketed_sentence() -> None:
    glossed = [
        pair(
            "risks shall be hedged back to back with the head office",
            "相關風險應以背對背方式（back to back）轉予總行避險。",
        ),
        pair(
            "a cleaning service against distributed denial-of-service attacks",
            "建立分散式阻斷服務攻擊（distributed denial-of-service attack，DDoS）之清洗機制。",
        ),
    ]
    assert run("untranslated", glossed) == []
    sentence = pair(
        "The applicant shall file the form within ten days.",
        "申請人應於十日內提出申請書（the applicant shall file the form within ten days）。",
    )
    (finding,) = run("untranslated", [sentence])
    assert "the applicant shall file the form" in finding.evidence[0]


def test_untranslated_allows_glossary_terms() -> None:
    glossary = Glossary(
        (
            GlossaryEntry(
                "data protection impact assessment", ("data protection impact assessment",)
            ),
        )
    )
    near = [pair("a data protection impact assessment", "一项data protection impact assessment")]
    # -- kept on purpose: marked for `check_documents` to list as suppressed, never active --
    (kept,) = run("untranslated", near, glossary=glossary)
    assert kept.severity == "minor" and kept.evidence["suppressed_by"] == "glossary"


def test_length_ratio_learns_the_document() -> None:
    body = (
        "The Processor shall process Personal Data only on documented instructions from the "
        "Controller."
    )
    zh = "处理者仅应根据控制者的书面指示处理个人数据。"
    pairs = [pair(body, zh) for _ in range(10)] + [pair(body, "处理者。")]
    findings = run("length_ratio", pairs)
    assert [f.zh_id for f in findings] == [pairs[-1].zh.id]
    assert "short" in findings[0].message
    assert run("length_ratio", pairs[:-1]) == []
    assert run("length_ratio", [pair("Short.", "短。")]) == []


def test_punctuation() -> None:
    (finding,) = run("punctuation", [pair("x", "处理者应通知控制者,并协助(包括提供信息)。")])
    assert "," in finding.message and "(" in finding.message
    near = [
        pair(
            "x",
            "金额为1,000美元，时间为17:00，见https://example.com/a,b；GDPR (EU) 适用；第7条(a)款。",
        )
    ]
    assert run("punctuation", near) == []


def test_brackets() -> None:
    (finding,) = run("brackets", [pair("x", "“个人数据”指（包括《条例》所述的信息。")])
    assert "（ not closed" in finding.message
    near = [
        pair(
            "x",
            "“个人数据”（“Personal Data”）指《条例》【附件】所述的「信息」与『数据』；"
            "Customer’s 数据；1）第一项；2）第二项",
        )
    ]
    assert run("brackets", near) == []


def test_governing_language() -> None:
    missing = [
        pair(
            "This Addendum is made in English and Chinese; the English version shall prevail.",
            "本附录以中英文订立。",
        )
    ]
    (finding,) = run("governing_language", missing)
    assert finding.en_id == missing[0].en.id and "no Chinese clause" in finding.message
    conflict = [
        pair(
            "In case of conflict, the English version shall prevail.", "如有冲突，以中文版本为准。"
        )
    ]
    (finding,) = run("governing_language", conflict)
    assert finding.severity == "critical"
    agree = [
        pair(
            "If the Chinese version and the English version conflict, the English version "
            "prevails.",
            "中英文版本如有不一致，以英文版本为准。",
        )
    ]
    assert run("governing_language", agree) == []
    assert (
        run(
            "governing_language",
            [pair("This DPA shall prevail over the Agreement.", "本附录优先于协议适用。")],
        )
        == []
    )


def test_cross_reference_lists_and_relative_paragraphs() -> None:
    near = [
        pair("under paragraphs 1, 2 and 4 of Article 7", "依第七條第一項、第二項及第四項"),
        pair("as in subparagraph 2, paragraph 1 of Article 15", "依第十五條第二款"),
        pair("the preceding paragraph 2 applies", "前述第二項適用"),
    ]
    assert run("cross_references", near) == []
    (finding,) = run(
        "cross_references",
        [pair("under paragraphs 1 and 2 of Article 7", "依第七條第一項及第三項")],
    )
    assert "7.2" in finding.message


def _sentence_gap_severity(zh: str) -> list[str]:
    usual = [
        pair(
            f"The supplier shall keep the records of delivery number {n} for the audit.",
            f"供應商應保存第{n}號交貨之紀錄以供稽核。",
        )
        for n in range(1, 8)
    ]
    split = pair(
        "The buyer shall inspect the goods on arrival at the port. "
        "The buyer shall report any damage to the carrier in writing.",
        zh,
    )
    return [f.severity for f in run("omission", [*usual, split]) if f.en_id == split.en.id]  # type: ignore[union-attr]


def test_a_sentence_split_with_a_terse_chinese_is_minor_a_lost_half_is_major() -> None:
    # -- two English sentences, one Chinese: somewhat short is a translator's split (minor);
    # -- half the usual length or less is a sentence gone (major) --
    assert _sentence_gap_severity("買方應於貨物到港時檢驗，損壞應通知。") == ["minor"]
    assert _sentence_gap_severity("買方應於到港時驗貨。") == ["major"]


def test_english_sentences_the_chinese_joins_with_semicolons_are_no_minor_gap() -> None:
    # -- as many `；` clauses as English sentences, only somewhat terse: nothing is missing --
    assert _sentence_gap_severity("買方應於貨物到港時檢驗；損壞應通知。") == []
    # -- half the usual length or less is still a sentence gone, however it is punctuated --
    assert _sentence_gap_severity("買方驗貨；通知。") == ["major"]


def test_length_ratio_does_not_count_citations_and_dates() -> None:
    body = "The harbour master shall inspect every vessel before it leaves the port."
    zh = "港務長應於船舶離港前檢查之。"
    pairs = [pair(body, zh) for _ in range(10)]
    # -- a clause made of citations and a date: as long in Chinese as in English --
    cited = pair(
        "Those violating Articles 12, 15, 27 or 31 amended on March 4, 2011 shall be fined.",
        "違反中華民國一百年三月四日修正之第十二條、第十五條、第二十七條或第三十一條者，處罰鍰。",
    )
    assert run("length_ratio", [*pairs, cited]) == []
    # -- prose is still counted --
    long = pair(
        body, zh + "並應將檢查結果登載於航行日誌，每月彙報主管機關備查，不得遲延或虛偽記載。"
    )
    assert [f.zh_id for f in run("length_ratio", [*pairs, long])] == [long.zh.id]
