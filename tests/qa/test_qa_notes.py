"""Translator notes: YAML/CSV reading and writing, suppressions pinned to the pair text,
carry-forward."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from _corpus import corpus_file, document

from dpa_compare.api import load
from dpa_compare.errors import LoadError
from dpa_compare.notes.file import CHANGED_FLAG
from dpa_compare.qa import (
    Finding,
    Note,
    NotesFile,
    apply_suppressions,
    carry_notes,
    dump_notes,
    load_notes,
    suppress,
)
from dpa_compare.qa.text import pair_hash

NOTES_YAML = """\
source: zh/terms.zh.md
notes:
  - {clause: "1.1", zh_clause: "1.1", author: Chen Yu, date: "2024-01-02",
     text: 出售 not 销售, status: resolved}
  - {clause: "1.2", author: Li Na, date: "2024-01-03", text: keep records → 保存记录,
     status: open, reviewer: Wang}
suppressions:
  - {check: numbers, hash: HASH, clause: "1.3", reason: standard number, author: Chen Yu}
"""


def _finding(
    check: str = "numbers", en: str = "ISO 27001 applies.", zh: str = "适用ISO 27001。"
) -> Finding:
    return Finding(
        check,
        "critical",
        "1.3",
        "1.3",
        "1.3",
        "1.3",
        "numbers differ",
        (),
        text_hash=pair_hash(en, zh),
    )


def test_yaml_notes_round_trip_with_unknown_fields_kept(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text(NOTES_YAML, encoding="utf-8")
    notes = load_notes(path)
    assert [n.clause for n in notes.notes] == ["1.1", "1.2"] and notes.notes[0].status == "resolved"
    assert notes.notes[1].extra == (("reviewer", "Wang"),)
    assert notes.suppressions[0].check == "numbers" and notes.header == (
        ("source", "zh/terms.zh.md"),
    )
    again = tmp_path / "again.yaml"
    again.write_text(dump_notes(notes), encoding="utf-8")
    assert load_notes(again) == NotesFile(notes.notes, notes.suppressions, notes.header, str(again))


def test_csv_notes_with_a_suppression_row(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text(
        dump_notes(
            NotesFile(
                (Note("7.1", "数字格式", "Li Na", "2020-04-25", "resolved", flags=("a", "b")),),
                (suppress(_finding(), reason="ok"),),
            ),
            "csv",
        ),
        encoding="utf-8",
    )
    notes = load_notes(path)
    assert notes.notes[0].flags == ("a", "b") and notes.notes[0].status == "resolved"
    assert notes.suppressions[0].hash == _finding().text_hash


def test_csv_notes_saved_by_a_spreadsheet_with_a_bom_and_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    rows = (
        'clause;author;date;text;status\r\n7.1;Li Na;2020-04-25;"数字格式; 千位分隔";resolved\r\n'
    )
    path.write_bytes(b"\xef\xbb\xbf" + rows.encode("utf-8"))
    notes = load_notes(path)
    assert [(n.clause, n.author, n.text, n.status) for n in notes.notes] == [
        ("7.1", "Li Na", "数字格式; 千位分隔", "resolved")
    ]


@pytest.mark.parametrize(("text", "problem"), [
    ("notes: [{text: no clause}]", "note 1: note has no 'clause'"),
    ("notes: [{clause: '1', text: x, status: done}]",
     "status must be open or resolved, got 'done'"),
    ("suppressions: [{check: numbers}]", "suppression 1: suppression needs hash"),
    ("notes: [a, b", "invalid YAML"),
])  # fmt: skip
def test_bad_notes_files_raise_a_load_error_naming_the_file(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError, match="bad.yaml") as error:
        load_notes(path)
    assert problem in str(error.value)


def test_suppression_holds_while_the_text_is_unchanged_and_lapses_when_it_changes() -> None:
    supp = suppress(_finding(), reason="ISO number")
    kept = apply_suppressions([_finding(), _finding("dates")], [supp])
    assert (
        [f.check for f in kept.active] == ["dates"]
        and len(kept.suppressed) == 1
        and kept.expired == ()
    )
    changed = _finding(zh="适用ISO 27002。")
    back = apply_suppressions([changed], [supp])
    assert back.active == (changed,) and back.suppressed == () and back.expired == (supp,)


EN_V1 = (
    "# Terms\n\n## 1. Duties\n\n1.1 Keep records.\n\n1.2 Notify within 72 hours.\n\n"
    "1.3 Old rule.\n\n1.4 Stable rule.\n"
)
EN_V2 = (
    "# Terms\n\n## 1. Duties\n\n1.1 Brand new rule.\n\n1.2 Keep records.\n\n"
    "1.3 Notify within 48 hours.\n\n1.4 Stable rule.\n"
)


def test_carry_keeps_renumbers_reopens_and_orphans_without_losing_a_note(tmp_path: Path) -> None:
    (tmp_path / "v1.md").write_text(EN_V1, encoding="utf-8")
    (tmp_path / "v2.md").write_text(EN_V2, encoding="utf-8")
    old, new = load(tmp_path / "v1.md", "en", "v1"), load(tmp_path / "v2.md", "en", "v2")
    notes = [
        Note("1.1", "records", status="resolved"),
        Note("1.2", "hours", status="resolved"),
        Note("1.3", "old", status="resolved"),
        Note("1.4", "stable"),
        Note("9.9", "nowhere"),
    ]
    carried = carry_notes(notes, old, new)
    assert len(carried.notes.notes) == len(notes)
    by_text = {c.note.text: c for c in carried.outcomes}
    assert by_text["records"].outcome == "renumbered" and by_text["records"].note.clause == "1.2"
    assert by_text["records"].note.status == "resolved"
    hours = by_text["hours"]
    assert (
        hours.outcome == "reopened" and hours.note.status == "open" and hours.note.clause == "1.3"
    )
    assert CHANGED_FLAG in hours.note.flags
    assert by_text["old"].outcome == "orphaned" and by_text["old"].note.orphaned
    assert by_text["stable"].outcome == "kept" and by_text["nowhere"].outcome == "orphaned"
    # -- the re-opened note keeps the hash of the text it was written against --
    from dpa_compare.qa.text import text_hash

    assert hours.note.text_hash == text_hash("Notify within 72 hours.")
    assert carried.counts() == {"kept": 1, "renumbered": 1, "reopened": 1, "orphaned": 2}


VERSIONS = ["en/dpa-2020-05.md", "en/dpa-2021-01.md", "en/dpa-2023-03.md", "en/dpa-2024-09.md"]


def test_corpus_notes_carried_through_every_version_none_lost() -> None:
    path = corpus_file("notes/notes-2020-05.yaml")
    if not path.exists() or not all(corpus_file(v).exists() for v in VERSIONS):
        pytest.skip("corpus notes or versions absent")
    notes = load_notes(path)
    total = len(notes.notes)
    history = []
    for old, new in pairwise(VERSIONS):
        carried = carry_notes(notes, document(old), document(new))
        assert len(carried.notes.notes) == total == sum(carried.counts().values())
        history.append(carried)
        notes = carried.notes
    first, second, third = history
    assert first.counts()["kept"] == total  # -- v1.1 changed the date line only --
    step = {c.old_clause: c for c in second.outcomes}
    assert step["1.12"].outcome == "orphaned"  # -- Privacy Shield definition deleted --
    assert step["16.1"].outcome == "renumbered" and step["16.1"].new_clause == "17.1"
    assert step["7.1"].outcome == "reopened" and step["8.3"].new_clause == "9.1"
    assert step["12.2(a)"].new_clause == "13.2(a)" and step["12.2(a)"].outcome == "reopened"
    assert step["¶3"].outcome == "kept"
    last = {c.old_clause: c for c in third.outcomes}
    assert last["3.4"].outcome == "orphaned" and last["1.12"].outcome == "orphaned"
    assert last["17.1"].new_clause == "18.1" and last["7.1"].new_clause == "8.1"
    assert CHANGED_FLAG in last["7.1"].note.flags  # -- still flagged from v2.0 --
