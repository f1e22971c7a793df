"""Moves, carried-over clauses, splits and merges at the edit levels real revisions show.

Each case is written twice: an English agreement and a Traditional Chinese
one, with our own sentences. A definition that moved keeps nearly all its
words (one word changed); a clause carried into another section under a new
number keeps about four words in five; a split or merge rewords a few words
where the sentences are cut or joined.
"""

from __future__ import annotations

import pytest
from diff_docs import C, H, P, doc

from dpa_compare.diff import diff

DEFINITIONS_EN = [
    "“Affiliate” means any entity that directly or indirectly controls, is controlled by, "
    "or is under common control with a party to this Agreement.",
    "“Customer Data” means all data, including Personal Data, that the Customer or its users "
    "submit to the Service or that the Supplier processes on the Customer's behalf.",
    "“Data Subject” means an identified or identifiable natural person to whom Personal Data "
    "relates, as that term is used in the Applicable Data Protection Law.",
    "“Personal Data Breach” means a breach of security leading to the accidental or unlawful "
    "destruction, loss, alteration or unauthorised disclosure of Customer Data in transit "
    "or at rest.",
    "“Sub-processor” means any third party engaged by the Supplier that processes Customer Data "
    "in order to help the Supplier provide the Service to the Customer under the Agreement.",
    "“Supervisory Authority” means an independent public authority that is established by a "
    "member state and is responsible for monitoring the application of data protection law.",
]
DEFINITIONS_ZH = [
    "「關係企業」指直接或間接控制本契約一方、受其控制或與其受同一控制之任何法人或團體。",
    "「客戶資料」指客戶或其使用者提交至本服務，或供應商代表客戶處理之一切資料，包括個人資料。",
    "「資料當事人」指個人資料所關聯之已識別或可得識別之自然人，其意義依適用之個人資料保護法令定之。",
    "「個人資料外洩」指因安全措施遭突破，致客戶資料於傳輸或儲存時遭意外或非法毀損、滅失、竄改或未經授權揭露。",
    "「複委託處理者」指供應商為協助其依本契約向客戶提供本服務而委託處理客戶資料之任何第三人。",
    "「主管機關」指依法設立、負責監督個人資料保護法令適用情形之獨立公務機關。",
]
SECTIONS_EN = [
    (
        "Security",
        [
            "The Supplier shall implement appropriate technical and organisational measures to "
            "protect Customer Data against unauthorised or unlawful processing and accidental "
            "loss.",
            "The Supplier shall ensure that its personnel who access Customer Data are bound by "
            "written obligations of confidentiality that survive the end of their engagement.",
            "The Supplier shall review its security measures at least once a year and update them "
            "where the review shows a material risk to Customer Data.",
        ],
    ),
    (
        "Audits",
        [
            "The Customer may audit the Supplier's compliance with this Agreement once in any "
            "twelve month period on not less than thirty days' written notice.",
            "The Supplier shall make available to the Customer all information reasonably "
            "necessary to demonstrate compliance with its obligations under this Agreement.",
            "Each party shall bear its own costs of an audit unless the audit reveals a material "
            "breach of this Agreement by the Supplier, in which case the Supplier shall pay.",
        ],
    ),
]
SECTIONS_ZH = [
    (
        "安全措施",
        [
            "供應商應採取適當之技術上及組織上措施，保護客戶資料免於未經授權或非法之處理及意外滅失。",
            "供應商應確保其接觸客戶資料之人員負有書面保密義務，且該義務於其離職後仍繼續有效。",
            "供應商應至少每年檢討其安全措施一次，並於檢討發現客戶資料有重大風險時更新之。",
        ],
    ),
    (
        "稽核",
        [
            "客戶得於每十二個月期間內，以不少於三十日之書面通知，稽核供應商遵循本契約之情形一次。",
            "供應商應向客戶提供證明其遵循本契約義務所合理必要之一切資訊。",
            "稽核費用由雙方各自負擔，但稽核發現供應商重大違反本契約者，由供應商負擔。",
        ],
    ),
]
LANGS = {
    "en": (DEFINITIONS_EN, SECTIONS_EN, "Definitions"),
    "zh": (DEFINITIONS_ZH, SECTIONS_ZH, "定義"),
}
REWORD_ONE = {"en": ("any third party", "any other party"), "zh": ("任何第三人", "任何他人")}


def _rows(definitions: list[str], sections: list[tuple[str, list[str]]], title: str) -> list:
    rows = [H("1", title)]
    rows += [C(f"1.{k + 1}", text) for k, text in enumerate(definitions)]
    for s, (heading, clauses) in enumerate(sections, start=2):
        rows.append(H(str(s), heading))
        rows += [C(f"{s}.{k + 1}", text) for k, text in enumerate(clauses)]
    return rows


def _change_of(result, old_label: str):
    return next(
        c for c in result.changes if c.old_label == old_label or old_label in _old_labels(result, c)
    )


def _old_labels(result, change) -> list[str]:
    by_id = {c.id: c.ref for c in result.old.clauses}
    return [by_id[i] for i in change.old_ids]


def _no_orphans(result) -> None:
    counts = result.counts()
    assert counts["added"] == counts["deleted"] == 0, [
        (c.kind, c.old_label, c.new_label) for c in result.changes if c.changed
    ]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_definition_moved_down_the_list_with_one_word_changed_is_moved_modified(lang):
    definitions, sections, title = LANGS[lang]
    moved = definitions[4].replace(*REWORD_ONE[lang])
    assert moved != definitions[4]
    reordered = [definitions[4 - 4], moved, *definitions[1:4], definitions[5]]
    result = diff(
        doc(_rows(definitions, sections, title), lang),
        doc(_rows(reordered, sections, title), lang, "n"),
    )
    _no_orphans(result)
    change = _change_of(result, "1.5")
    assert (change.kind, change.new_label) == ("moved_modified", "1.2")
    assert change.similarity >= 0.9


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_definition_moved_into_another_section_with_one_word_changed_is_moved_modified(lang):
    definitions, sections, title = LANGS[lang]
    moved = definitions[4].replace(*REWORD_ONE[lang])
    new_sections = [sections[0], (sections[1][0], [*sections[1][1], moved])]
    new_definitions = definitions[:4] + definitions[5:]
    result = diff(
        doc(_rows(definitions, sections, title), lang),
        doc(_rows(new_definitions, new_sections, title), lang, "n"),
    )
    _no_orphans(result)
    change = _change_of(result, "1.5")
    assert (change.kind, change.new_label) == ("moved_modified", "3.4")


CARRIED = {
    "en": (
        "The Supplier shall review its security measures at least once a year and update them "
        "where the review shows a material risk to Customer Data.",
        "The Supplier shall review and test its security measures at least twice a year and "
        "promptly update them where any such review shows a significant risk to Customer Data.",
    ),
    "zh": (
        "供應商應至少每年檢討其安全措施一次，並於檢討發現客戶資料有重大風險時更新之。",
        "供應商應至少每半年檢討並測試其安全措施一次，並於任何檢討發現客戶資料有重大風險時立即更新該等措施。",
    ),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_clause_carried_into_another_section_about_four_fifths_alike_is_moved_modified(lang):
    definitions, sections, title = LANGS[lang]
    old_text, new_text = CARRIED[lang]
    security, audits = sections
    assert old_text == security[1][2]
    new_sections = [
        (security[0], security[1][:2]),
        (audits[0], [audits[1][0], new_text, *audits[1][1:]]),
    ]
    result = diff(
        doc(_rows(definitions, sections, title), lang),
        doc(_rows(definitions, new_sections, title), lang, "n"),
    )
    _no_orphans(result)
    change = _change_of(result, "2.3")
    assert (change.kind, change.new_label) == ("moved_modified", "3.2")
    assert 0.7 <= change.similarity < 0.9


SPLIT = {
    "en": (
        "The Customer may audit the Supplier's compliance with this Agreement once in any twelve "
        "month period on not less than thirty days' written notice.",
        [
            "The Customer may audit the Supplier's compliance with this Agreement once in any "
            "twelve month period.",
            "The Customer shall give the Supplier not less than thirty days' written notice of "
            "each audit.",
        ],
    ),
    "zh": (
        "客戶得於每十二個月期間內，以不少於三十日之書面通知，稽核供應商遵循本契約之情形一次。",
        [
            "客戶得於每十二個月期間內稽核供應商遵循本契約之情形一次。",
            "客戶稽核前，應於不少於三十日前以書面通知供應商。",
        ],
    ),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_one_clause_cut_into_two_with_a_few_words_reworded_is_a_split(lang):
    definitions, sections, title = LANGS[lang]
    whole, pieces = SPLIT[lang]
    audits = sections[1]
    assert audits[1][0] == whole
    new_sections = [sections[0], (audits[0], [*pieces, *audits[1][1:]])]
    result = diff(
        doc(_rows(definitions, sections, title), lang),
        doc(_rows(definitions, new_sections, title), lang, "n"),
    )
    _no_orphans(result)
    splits = result.of_kind("split")
    assert [(c.old_label, len(c.new_ids)) for c in splits] == [("3.1", 2)]
    assert not splits[0].cosmetic


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_two_clauses_joined_into_one_with_a_few_words_reworded_is_a_merge(lang):
    definitions, sections, title = LANGS[lang]
    whole, pieces = SPLIT[lang]
    audits = sections[1]
    old_sections = [sections[0], (audits[0], [*pieces, *audits[1][1:]])]
    new_sections = [sections[0], (audits[0], [whole, *audits[1][1:]])]
    result = diff(
        doc(_rows(definitions, old_sections, title), lang),
        doc(_rows(definitions, new_sections, title), lang, "n"),
    )
    _no_orphans(result)
    merges = result.of_kind("merged")
    assert [(c.new_label, len(c.old_ids)) for c in merges] == [("3.1", 2)]
    assert not merges[0].cosmetic


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_edited_clause_now_printed_twice_pairs_with_one_copy(lang):
    # -- a later version repeats a schedule per product: the old clause, edited the same
    #    way in both copies, pairs with the first copy and the second copy is added; two
    #    copies of one text are no ambiguity about which words the clause became --
    definitions, sections, title = LANGS[lang]
    old_text, new_text = CARRIED[lang]
    security, audits = sections
    new_sections = [(security[0], security[1][:2]), audits, ("A", [new_text]), ("B", [new_text])]
    result = diff(
        doc(_rows(definitions, sections, title), lang),
        doc(_rows(definitions, new_sections, title), lang, "n"),
    )
    change = _change_of(result, "2.3")
    assert (change.kind, change.new_label) == ("moved_modified", "4.1")
    assert [c.new_label for c in result.of_kind("added")] == ["4", "5", "5.1"]


def test_a_short_neighbour_with_its_own_old_counterpart_is_not_taken_as_half_of_a_split():
    # -- the short lines are too short to pair by likeness, and a new line above them
    #    keeps them from pairing by position --
    old_rows = [
        H("1", "Parties"),
        P("Data Controller the Customer"),
        P("Data Processor Northwind Ltd"),
        P("Northwind Ltd privacy contact privacy@northwind.example"),
    ]
    new_rows = [
        H("1", "Parties"),
        P("Representative none appointed"),
        P("Controller the Customer"),
        P("Processor Northwind Ltd"),
        P("Processor privacy contact privacy@northwind.example"),
    ]
    result = diff(doc(old_rows), doc(new_rows, prefix="n"))
    assert not result.of_kind("split"), [
        (c.kind, c.old_label, c.new_label) for c in result.changes if c.changed
    ]


def test_sections_re_nested_in_their_reading_order_are_not_moved():
    # -- one version reads a stray line as a parent of the sections that follow it (here a
    #    part heading that the other version does not have): each section keeps its number,
    #    its children and its place in the reading order, so nothing moved, and
    #    nothing was renumbered --
    definitions, sections, title = LANGS["en"]
    plain = _rows(definitions, sections, title)
    nested = [H("X", "Schedule"), *[r._replace(ref="X." + r.ref) for r in plain]]
    result = diff(doc(nested), doc(plain, prefix="n"))
    assert not result.of_kind("moved") and not result.of_kind("moved_modified"), [
        (c.kind, c.old_label, c.new_label) for c in result.changes if "moved" in c.kind
    ]
    assert [c.old_label for c in result.of_kind("deleted")] == ["X"]
    # -- every printed number (the last part of each citation) is the same: no renumbering --
    assert {c.kind for c in result.changes if c.old_label != "X"} == {"unchanged"}


def test_a_lone_clause_keeping_its_number_under_a_new_heading_beside_its_old_one_moved():
    definitions, sections, title = LANGS["en"]
    security, audits = sections
    extra = ["The Supplier shall name a security officer.", "The officer reports yearly.",
             "The report is shared with the Customer on request."]  # fmt: skip
    old_rows = _rows(definitions, [(security[0], [*security[1], audits[1][0]]), audits], title)
    new_rows = _rows(definitions, [security, ("Governance", [*extra, audits[1][0]]), audits], title)
    new_rows = [r for k, r in enumerate(new_rows) if r.text != audits[1][0] or r.ref == "3.4"]
    result = diff(doc(old_rows), doc(new_rows, prefix="n"))
    change = _change_of(result, "2.4")
    assert (change.kind, change.new_label) == ("moved", "3.4")


REWRAPPED = {
    "en": (
        "Where the Supplier engages a new Sub-processor, it shall give the Customer at least "
        "thirty days' notice and a copy of the terms",
        "that bind the Sub-processor to the same obligations as this Agreement.",
    ),
    "zh": (
        "供應商委任新複委託處理者時，應至少於三十日前通知客戶，並提供",
        "約束該複委託處理者負擔與本契約相同義務之條款。",
    ),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("direction", ["merged", "split"])
def test_a_paragraph_broken_mid_sentence_and_joined_again_is_a_cosmetic_regroup(lang, direction):
    """Old official texts break a paragraph at a line end in mid-sentence; the next version
    joins it. The words are the same: a reader sees only a paragraph break moved."""
    first, second = REWRAPPED[lang]
    joiner = " " if lang == "en" else ""
    broken = [C("1", "Sub-processors" if lang == "en" else "複委託處理"), P(first), P(second)]
    joined = [
        C("1", "Sub-processors" if lang == "en" else "複委託處理"),
        P(first + joiner + second),
    ]
    old, new = (broken, joined) if direction == "merged" else (joined, broken)
    result = diff(doc(old, lang), doc(new, lang, "n"))
    regroups = result.of_kind(direction)
    assert len(regroups) == 1
    assert regroups[0].cosmetic
    assert "whitespace" in regroups[0].typography
