"""A revision that only reprints numbers, or adds a line above the title, changes nothing.

The pairs are made from the bundled corpus: its `## 7. Security` sections
become `### G. Security`, and their `7.2` clauses either Markdown list
numbers (`2.`) or printed outline numbers (`G.2.`) — the same words.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dpa_compare.api import load
from dpa_compare.diff import diff

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SOURCE = CORPUS / "en" / "dpa-2024-09.md"

pytestmark = pytest.mark.skipif(not SOURCE.exists(), reason="corpus not present")

_SECTION = re.compile(r"^## (\d+)\. (.*)$")
_CLAUSE = re.compile(r"^(\d+)\.(\d+) (.*)$")


def _lettered(printed: bool) -> str:
    """Return the corpus document with lettered sections; clauses as list numbers or printed."""
    out = []
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        if section := _SECTION.match(line):
            out.append(f"### {chr(64 + int(section.group(1)))}. {section.group(2)}")
        elif clause := _CLAUSE.match(line):
            letter = chr(64 + int(clause.group(1)))
            number = f"{letter}.{clause.group(2)}." if printed else f"{clause.group(2)}."
            out.append(f"{number} {clause.group(3)}")
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def test_list_numbers_to_printed_outline_numbers_modify_nothing(tmp_path):
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(_lettered(printed=False), encoding="utf-8")
    new.write_text(_lettered(printed=True), encoding="utf-8")
    result = diff(load(old), load(new))
    counts = result.counts()
    assert counts["modified"] == counts["moved_modified"] == 0, result.changed()[:3]
    assert counts["added"] == counts["deleted"] == 0
    assert counts["moved"] == 0


def test_a_preamble_line_above_the_title_moves_and_renumbers_nothing(tmp_path):
    new = tmp_path / "new.md"
    new.write_text("Updated: February 15, 2024\n\n" + SOURCE.read_text(encoding="utf-8"), "utf-8")
    result = diff(load(SOURCE), load(new))
    counts = result.counts()
    assert (counts["moved"], counts["renumbered"], counts["modified"]) == (0, 0, 0)
    assert counts["added"] == 1


def test_an_article_inserted_between_heading_only_articles_is_one_added_article(tmp_path):
    def statute(inserted: bool) -> str:
        parts = ["# 測試條例", ""]
        articles = (
            ("1", "本條例依法律規定訂定之。"),
            ("2", "本條例所稱主管機關為縣市政府。"),
            ("3", "申請人應檢具文件向主管機關提出。"),
            ("4", "本條例自發布日施行。"),
        )
        for number, text in articles:
            parts += [f"### 第 {number} 條", "", text, ""]
            if inserted and number == "2":
                parts += ["### 第 2-1 條", "", "主管機關得委託民間團體辦理審查。", ""]
        return "\n".join(parts)

    old, new = tmp_path / "old.zh.md", tmp_path / "new.zh.md"
    old.write_text(statute(False), encoding="utf-8")
    new.write_text(statute(True), encoding="utf-8")
    result = diff(load(old), load(new))
    changed = [(c.kind, c.new_label) for c in result.changed()]
    assert changed == [("added", "第 2-1 條"), ("added", "第 2-1 條 ¶1")]


def _subprocessor_table(rows: list[str]) -> str:
    lines = ["# Sub-processor List", "", "## 1. Sub-processors", "",
             "| Name | Location | Purpose |", "| --- | --- | --- |"]  # fmt: skip
    return "\n".join(lines + rows) + "\n"


def test_a_table_row_that_takes_another_rows_place_is_deleted_and_added(tmp_path):
    kept = ["| Northwind Mail | United States | transactional email delivery |",
            "| Harbour Cloud | Ireland | hosting of the production service |"]  # fmt: skip
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(
        _subprocessor_table([*kept, "| Quillstone | United States | customer messaging |"]), "utf-8"
    )
    new.write_text(
        _subprocessor_table([*kept, "| Brightpath | United States | customer messaging |"]), "utf-8"
    )
    result = diff(load(old), load(new))
    kinds = sorted(c.kind for c in result.changed())
    assert kinds == ["added", "deleted"], [
        (c.kind, c.old_label, c.new_label) for c in result.changed()
    ]


def test_a_table_row_edited_in_place_keeps_its_identity(tmp_path):
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(
        _subprocessor_table(["| Quillstone | United States | customer messaging |"]), "utf-8"
    )
    new.write_text(_subprocessor_table(["| Quillstone | Canada | customer messaging |"]), "utf-8")
    assert [c.kind for c in diff(load(old), load(new)).changed()] == ["modified"]


def _web_page(version: str, title: str, schedule_prefix: str) -> str:
    """Return a small agreement as a web page prints it: a version caption and value, a notice,
    a title, two numbered sections and a schedule heading (with a prefix that may be invisible)."""
    return (
        "Sample Services Agreement\n=========================\n\n"
        f"Version\n\n{version}\n\nEffective on the date of signature\n\n"
        "**NOTICE:** Ask your account manager for a signed copy.\n\n"
        f"{title}\n\n"
        "This agreement sets out how the provider handles customer records.\n\n"
        "1. DEFINITIONS\n\nWords defined in the main agreement keep their meaning here.\n\n"
        "(a) “Records” means the files the customer uploads.\n\n"
        "(b) “Provider” means the company offering the service.\n\n"
        "2. OBLIGATIONS\n\nThe provider keeps the records confidential.\n\n"
        f"{schedule_prefix}**Schedule 1 – Security Measures**\n\n"
        "Access control\n\nStaff sign in with two factors.\n"
    )


def test_a_version_value_and_a_title_turned_heading_renumber_nothing(tmp_path):
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(_web_page("1.0", "**SERVICES AGREEMENT**", ""), encoding="utf-8")
    new.write_text(_web_page("2.0", "### **SERVICES AGREEMENT**", "\u200d"), encoding="utf-8")
    result = diff(load(old), load(new))
    counts = result.counts()
    assert (counts["renumbered"], counts["moved"], counts["added"], counts["deleted"]) == (
        0,
        0,
        0,
        0,
    ), result.changed()
    # -- only the version value itself changed --
    changed = [c for c in result.changes if c.kind != "unchanged"]
    assert [c.kind for c in changed] == ["modified"]
