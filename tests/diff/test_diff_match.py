"""Clause matching between two versions: renumbering, moves, cross-references, splits, merges,
tables."""

from __future__ import annotations

from diff_docs import C, H, P, T, doc, renumber

from dpa_compare.diff import diff, markup
from dpa_compare.diff.redline import new_text, old_text

BASE = [
    H("1", "Definitions"),
    C(
        "1.1",
        "Capitalised terms not defined in this Addendum have the meaning given in the Agreement.",
    ),
    C(
        "1.2",
        '"Restricted Transfer" means a transfer of Personal Data to a country without an adequacy '
        "decision.",
    ),
    H("2", "Processing of Personal Data"),
    C(
        "2.1",
        "The Processor shall process Personal Data only on documented instructions from the "
        "Controller. "
        "The Processor shall inform the Controller if an instruction infringes Applicable Data "
        "Protection Law.",
    ),
    C("2.2", "The Controller remains responsible for the lawfulness of the instructions it gives."),
    C(
        "2.3",
        "The Processor shall assist the Controller as described in Section 4.2 of this Addendum.",
    ),
    H("3", "Confidentiality"),
    C(
        "3.1",
        "The Processor shall ensure that persons authorised to process Personal Data are bound by "
        "confidentiality.",
    ),
    C("3.2", "Access to Personal Data is limited to staff who need it to perform the Services."),
    H("4", "Sub-processors"),
    C(
        "4.1",
        "The Controller grants a general authorisation to engage the Sub-processors listed below.",
    ),
    C(
        "4.2",
        "The Processor shall give at least thirty days' notice before adding or replacing a "
        "Sub-processor.",
    ),
    C("4.3", "The current Sub-processors are:"),
    T("Northwind Hosting Ltd"),
    T("Ireland"),
    T("Cloud hosting"),
    T("Blue Heron Mail Inc."),
    T("United States"),
    T("Email delivery"),
    T("Kestrel Analytics LLC"),
    T("United States"),
    T("Cloud hosting"),
    T("Osprey Support GmbH"),
    T("Germany"),
    T("Customer support"),
    T("Lark Payments Inc."),
    T("United States"),
    T("Cloud hosting"),
    H("5", "Term"),
    C(
        "5.1",
        "This Addendum remains in force for as long as the Processor processes Personal Data for "
        "the Controller.",
    ),
    C(
        "5.2",
        "On termination the Processor shall delete or return all Personal Data at the Controller's "
        "choice.",
    ),
]


def kinds(result) -> dict[str, str]:
    """Return {old label or new label: kind} for quick assertions."""
    return {
        (c.old_label or c.new_label) + ("" if c.old_id else "+"): c.kind for c in result.changes
    }


def _check_covers_every_clause(result) -> None:
    old_ids = [i for c in result.changes for i in (c.old_ids or ([c.old_id] if c.old_id else []))]
    new_ids = [i for c in result.changes for i in (c.new_ids or ([c.new_id] if c.new_id else []))]
    assert sorted(old_ids) == sorted(c.id for c in result.old.clauses)
    assert sorted(new_ids) == sorted(c.id for c in result.new.clauses)
    for change in result.changes:
        old = (
            result.old.clause(change.old_id).full_text
            if change.old_id and not change.old_ids
            else None
        )
        if old is not None:
            assert old_text(change.redline) == old
        if change.new_id and not change.new_ids:
            assert new_text(change.redline) == result.new.clause(change.new_id).full_text


def test_same_document_is_unchanged_throughout():
    result = diff(doc(BASE), doc(BASE, prefix="n"))
    _check_covers_every_clause(result)
    assert {c.kind for c in result.changes} == {"unchanged"}
    assert len(result.changes) == len(BASE)
    assert all(c.similarity == 1.0 for c in result.changes)


def test_inserting_a_section_at_the_top_renumbers_everything_after_it():
    inserted = [
        H("1", "Scope"),
        C("1.1", "This Addendum applies to all processing under the Agreement."),
    ]
    new_rows = inserted + renumber(BASE, 1)
    new_rows[2 + 6] = C(
        "3.3",
        "The Processor shall assist the Controller as described in Section 5.2 of this Addendum.",
    )
    result = diff(doc(BASE), doc(new_rows, prefix="n"))
    _check_covers_every_clause(result)
    counts = result.counts()
    assert counts["added"] == 2
    assert (
        counts["deleted"] == counts["modified"] == counts["moved"] == counts["moved_modified"] == 0
    )
    numbered = [c for c in result.changes if c.old_label]
    assert all(c.kind == "renumbered" for c in numbered)
    assert {(c.old_label, c.new_label) for c in numbered} >= {
        ("1", "2"),
        ("4.3", "5.3"),
        ("5.2", "6.2"),
    }
    xref = next(c for c in result.changes if c.old_label == "2.3")
    assert xref.new_label == "3.3" and xref.xref_only
    assert markup(xref.redline).count("[-4.2-]{+5.2+}") == 1
    assert all(c.kind == "unchanged" for c in result.changes if c.old_id and not c.old_label)


def test_cross_reference_to_an_unrenumbered_target_is_a_modification():
    new_rows = list(BASE)
    new_rows[6] = C(
        "2.3",
        "The Processor shall assist the Controller as described in Section 4.1 of this Addendum.",
    )
    change = next(c for c in diff(doc(BASE), doc(new_rows)).changes if c.old_label == "2.3")
    assert change.kind == "modified" and not change.xref_only


def test_a_moved_clause_with_an_inner_edit_is_moved_modified():
    moved = C(
        "5.3",
        "Access to Personal Data is limited to staff who strictly need it to perform the Services.",
    )
    new_rows = [r for r in BASE if r.ref != "3.2"] + [moved]
    result = diff(doc(BASE), doc(new_rows, prefix="n"))
    _check_covers_every_clause(result)
    change = next(c for c in result.changes if c.old_label == "3.2")
    assert change.kind == "moved_modified"
    assert (change.old_label, change.new_label) == ("3.2", "5.3")
    assert "{+strictly +}" in markup(change.redline)
    assert result.counts()["moved_modified"] == 1
    assert sum(result.counts()[k] for k in ("added", "deleted", "modified", "moved")) == 0


def test_a_clause_moved_out_of_order_among_siblings_is_moved():
    rows = list(BASE)
    i, j = rows.index(C("2.1", BASE[4].text)), rows.index(C("2.2", BASE[5].text))
    rows[i], rows[j] = rows[j], rows[i]
    rows[i], rows[j] = rows[i]._replace(ref="2.1"), rows[j]._replace(ref="2.2")
    result = diff(doc(BASE), doc(rows, prefix="n"))
    # -- a swap of two equal siblings: one of them moved, the other only got the freed number --
    assert sorted(c.kind for c in result.changes if c.kind != "unchanged") == [
        "moved",
        "renumbered",
    ]
    moved = result.of_kind("moved")[0]
    assert {moved.old_label, moved.new_label} == {"2.1", "2.2"} and moved.similarity == 1.0


def test_a_clause_split_in_two_is_reported_as_a_split():
    first, second = BASE[4].text.split(". ", 1)
    rows = BASE[:4] + [C("2.1", first + "."), C("2.2", second)] + renumber(BASE[5:7], 1, start=2)
    rows = [r._replace(ref={"3": "2.3", "4": "2.4"}.get(r.ref, r.ref)) for r in rows] + BASE[7:]
    rows = [r if r.ref not in ("2.3", "2.4") else r for r in rows]
    rows[6] = C("2.3", BASE[5].text)
    rows[7] = C("2.4", BASE[6].text)
    result = diff(doc(BASE), doc(rows, prefix="n"))
    _check_covers_every_clause(result)
    split = result.of_kind("split")
    assert len(split) == 1 and split[0].old_label == "2.1" and len(split[0].new_ids) == 2
    assert result.counts()["added"] == result.counts()["deleted"] == 0
    assert {(c.old_label, c.new_label) for c in result.of_kind("renumbered")} == {
        ("2.2", "2.3"),
        ("2.3", "2.4"),
    }


def test_two_clauses_joined_into_one_are_reported_as_a_merge():
    joined = BASE[8].text + " " + BASE[9].text
    rows = BASE[:8] + [C("3.1", joined)] + BASE[10:]
    result = diff(doc(BASE), doc(rows, prefix="n"))
    _check_covers_every_clause(result)
    merged = result.of_kind("merged")
    assert len(merged) == 1 and merged[0].new_label == "3.1" and len(merged[0].old_ids) == 2
    assert result.counts()["added"] == result.counts()["deleted"] == 0


def test_deleting_one_table_row_deletes_exactly_its_cells():
    cells = [r.text for r in BASE if r.kind == "table_cell"]
    assert cells.count("United States") == 3
    rows = [r for r in BASE if r.text not in ("Blue Heron Mail Inc.", "Email delivery")]
    row_start = next(i for i, r in enumerate(rows) if r.text == "Kestrel Analytics LLC") - 1
    assert rows[row_start].text == "United States"  # -- the deleted row's country cell --
    del rows[row_start]
    result = diff(doc(BASE), doc(rows, prefix="n"))
    _check_covers_every_clause(result)
    deleted = result.of_kind("deleted")
    old = result.old
    assert [old.clause(c.old_id).text for c in deleted] == [
        "Blue Heron Mail Inc.",
        "United States",
        "Email delivery",
    ]
    assert (
        deleted[1].old_id
        == old.clauses[[c.text for c in old.clauses].index("Blue Heron Mail Inc.") + 1].id
    )
    assert all(c.kind == "unchanged" for c in result.changes if c.kind != "deleted")


def test_a_retitled_heading_is_modified():
    rows = [H("3", "Confidentiality of Processing") if r.ref == "3" else r for r in BASE]
    result = diff(doc(BASE), doc(rows, prefix="n"))
    change = next(c for c in result.changes if c.old_label == "3")
    assert (
        change.kind == "modified" and markup(change.redline) == "Confidentiality{+ of Processing+}"
    )


def test_an_edited_clause_in_place_is_modified_with_its_edit():
    rows = list(BASE)
    rows[12] = C(
        "4.2",
        "The Processor shall give at least fourteen days' notice before adding or replacing a "
        "Sub-processor.",
    )
    result = diff(doc(BASE), doc(rows, prefix="n"))
    change = next(c for c in result.changes if c.old_label == "4.2")
    assert change.kind == "modified" and 0.8 < change.similarity < 1
    assert "[-thirty-]{+fourteen+}" in markup(change.redline)
    assert result.counts()["modified"] == 1 and result.counts()["unchanged"] == len(BASE) - 1


def test_unnumbered_paragraph_added_and_deleted():
    rows = BASE[:2] + [P("For clarity, headings do not affect interpretation.")] + BASE[2:]
    result = diff(doc(BASE), doc(rows, prefix="n"))
    assert [c.kind for c in result.changes if c.changed] == ["added"]
    back = diff(doc(rows), doc(BASE, prefix="n"))
    assert [c.kind for c in back.changes if c.changed] == ["deleted"]
    assert back.changes[2].kind == "deleted"  # -- read where it stood --


ZH_BASE = [
    H("1", "定义"),
    C("1.1", "本附录中未定义的术语具有主协议赋予的含义。"),
    H("2", "个人数据的处理"),
    C("2.1", "处理者仅应根据控制者的书面指示处理个人数据。"),
    C("2.2", "处理者应当按照第3.2条的规定协助控制者。"),
    H("3", "分处理者"),
    C("3.1", "控制者一般授权处理者委任下列分处理者。"),
    C("3.2", "处理者在增加或更换分处理者前应至少提前三十日通知控制者。"),
]


def test_chinese_renumbering_with_cross_reference():
    new_rows = [H("1", "范围"), C("1.1", "本附录适用于主协议项下的全部处理活动。")] + renumber(
        ZH_BASE, 1
    )
    new_rows[6] = C("3.2", "处理者应当按照第4.2条的规定协助控制者。")
    result = diff(
        doc(ZH_BASE, lang="zh"),
        doc(new_rows, lang="zh", prefix="n"),
        glossary_terms=["个人数据", "分处理者"],
    )
    _check_covers_every_clause(result)
    assert result.counts()["added"] == 2
    assert all(c.kind == "renumbered" for c in result.changes if c.old_id)
    xref = next(c for c in result.changes if c.old_label == "2.2")
    assert xref.xref_only and "[-3.2-]{+4.2+}" in markup(xref.redline)


def test_chinese_edit_redline_keeps_glossary_terms_whole():
    rows = list(ZH_BASE)
    rows[7] = C("3.2", "处理者在增加或更换分处理者前应至少提前十五日书面通知控制者。")
    result = diff(
        doc(ZH_BASE, lang="zh"), doc(rows, lang="zh", prefix="n"), glossary_terms=["分处理者"]
    )
    change = next(c for c in result.changes if c.old_label == "3.2")
    assert change.kind == "modified"
    assert "分处理者" in [text for op, text in change.redline if op == 0][0]
    assert "三十" in markup(change.redline).split("[-")[1]
