"""The matcher's finer rules: same-number xref changes, typographic renumbering, grown
matches that are merges or splits, cross-references that say where a rewritten clause went,
and numbers printed in another style."""

from __future__ import annotations

from dataclasses import replace

from diff_docs import C, H, doc, renumber
from test_diff_match import BASE, _check_covers_every_clause

from dpa_compare.diff import diff, markup
from dpa_compare.diff.build import typographic_key


def _by_old(result):
    return {c.old_label: c for c in result.changes if c.old_id}


def test_same_number_clause_whose_reference_follows_renumbering_is_modified_xref_only():
    old_rows = [
        H("1", "Scope"),
        C("1.1", "This Addendum applies to all processing, see Section 3.2."),
    ]
    old_rows += renumber(BASE, 1)
    new_rows = old_rows[:2] + [
        H("2", "Notice"),
        C("2.1", "Notices are given in writing to the addresses in the Agreement."),
    ]
    new_rows += renumber(BASE, 2)
    new_rows[1] = C("1.1", "This Addendum applies to all processing, see Section 4.2.")
    result = diff(doc(old_rows), doc(new_rows, prefix="n"))
    _check_covers_every_clause(result)
    change = _by_old(result)["1.1"]
    assert (change.kind, change.new_label, change.xref_only) == ("modified", "1.1", True)


def test_renumbered_clause_with_only_a_typographic_edit_stays_renumbered():
    new_rows = [
        H("1", "Scope"),
        C("1.1", "This Addendum applies to all processing under the Agreement."),
    ]
    new_rows += renumber(BASE, 1)
    index = next(k for k, r in enumerate(new_rows) if r.heading == "Sub-processors")
    new_rows[index] = H("5", "Subprocessors")
    result = diff(doc(BASE), doc(new_rows, prefix="n"))
    heading = _by_old(result)["4"]
    assert (heading.kind, heading.new_label, heading.cosmetic) == ("renumbered", "5", True)
    assert markup(heading.redline) == "[-Sub-processors-]{+Subprocessors+}"


def test_substantive_edit_of_a_renumbered_clause_is_modified():
    new_rows = [
        H("1", "Scope"),
        C("1.1", "This Addendum applies to all processing under the Agreement."),
    ]
    new_rows += renumber(BASE, 1)
    index = next(k for k, r in enumerate(new_rows) if r.heading == "Sub-processors")
    new_rows[index] = H("5", "Subcontractors")
    result = diff(doc(BASE), doc(new_rows, prefix="n"))
    assert _by_old(result)["4"].kind == "modified" and not _by_old(result)["4"].cosmetic


def test_same_number_typographic_edit_is_still_a_modification():
    rows = list(BASE)
    rows[10] = H("4", "Sub-Processors")
    result = diff(doc(BASE), doc(rows, prefix="n"))
    assert _by_old(result)["4"].kind == "modified" and _by_old(result)["4"].cosmetic


def test_typographic_key_ignores_case_hyphens_spacing_and_emphasis_but_not_punctuation():
    assert typographic_key("**Sub-processing**  Terms") == typographic_key("Subprocessing terms")
    assert typographic_key("Sub-processing") != typographic_key("Processing")
    assert typographic_key("notify, then act") != typographic_key("notify then act")


def test_a_match_that_absorbed_its_deleted_neighbour_is_a_merge():
    rows = list(BASE)
    merged = BASE[8].text + " " + BASE[9].text.replace("Access to", "In particular, access to")
    rows[8:10] = [C("3.1", merged)]
    result = diff(doc(BASE), doc(rows, prefix="n"))
    _check_covers_every_clause(result)
    merges = result.of_kind("merged")
    assert len(merges) == 1 and [result.old.clause(i).ref for i in merges[0].old_ids] == [
        "3.1",
        "3.2",
    ]
    assert result.counts()["deleted"] == 0


SECTION = [
    H("1", "Notices"),
    C("1.1", "Objections are handled as described in Section 2.2 of this Addendum."),
    H("2", "Sub-processors"),
    C("2.1", "The Controller grants a general authorisation to engage Sub-processors."),
    C(
        "2.2",
        "The Processor shall give thirty days' notice before adding a Sub-processor, and the "
        "Controller may object.",
    ),
    C("2.3", "The Processor remains liable for the acts of its Sub-processors."),
]


def test_a_rewritten_clause_follows_the_references_that_cite_it():
    new_rows = list(SECTION)
    new_rows[1] = C("1.1", "Objections are handled as described in Section 2.3 of this Addendum.")
    new_rows[4:] = [
        C("2.2", "The current list of Sub-processors is published on the Processor's website."),
        C(
            "2.3",
            "Where the Controller objects within sixty days of a notice, the parties shall discuss "
            "it in good faith.",
        ),
        C("2.4", SECTION[5].text),
    ]
    result = diff(doc(SECTION), doc(new_rows, prefix="n"))
    _check_covers_every_clause(result)
    assert _by_old(result)["1.1"].kind == "modified" and _by_old(result)["1.1"].xref_only
    assert (_by_old(result)["2.2"].kind, _by_old(result)["2.2"].new_label) == ("modified", "2.3")
    assert [c.new_label for c in result.of_kind("added")] == ["2.2"]


def test_chinese_numbers_printed_in_another_style_are_the_same_number():
    old = doc(
        [H("第七条", "安全"), C("第七条 7.1", "提供方应采取适当的技术和组织措施保护个人数据。")],
        lang="zh",
    )
    old = replace(
        old,
        clauses=(replace(old.clauses[0], path=("7",)), replace(old.clauses[1], path=("7", "1"))),
    )
    new = doc(
        [H("7", "安全"), C("7.1", "提供方应采取适当的技术和组织措施保护个人数据。")],
        lang="zh",
        prefix="n",
    )
    result = diff(old, new)
    assert {c.kind for c in result.changes} == {"unchanged"}


def test_a_clause_carried_to_another_section_with_a_fifth_reworded_is_moved_modified():
    words = BASE[8].text.split()
    reworded = " ".join(words[:-4]) + " and other matters arising."
    rows = list(BASE)
    rows.pop(8)
    rows.insert(5, C("2.3", reworded))
    result = diff(doc(BASE), doc(rows, prefix="n"))
    change = _by_old(result)["3.1"]
    assert (change.kind, change.new_label) == ("moved_modified", "2.3")
