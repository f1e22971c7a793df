"""The clause-start patterns the readers share, and where language knowledge may live."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dpa_compare.lang.labels import (
    CLAUSE_START,
    LOOSE_CLAUSE_START,
    generic_labels,
    lone_first_item,
    run_in_first_item,
)

PACKAGE = Path(__file__).resolve().parents[2] / "dpa_compare"


@pytest.mark.parametrize(
    "line",
    [
        "4.3 The vendor keeps logs.",
        "(b) the auditor;",
        "（二）資料保存",
        "第 12 條",
        "第五節 罰則",
        "第 二 款 特別程序",
        "第 三 目 普通程序",
        "第三条之一",
        "四、其他事項",
    ],
)
def test_strict_start_finds_numbers_in_both_scripts(line: str) -> None:
    assert CLAUSE_START.match(line)
    assert LOOSE_CLAUSE_START.match(line)


@pytest.mark.parametrize("line", ["the vendor keeps logs", "12 months after", "Article 9 applies"])
def test_strict_start_leaves_ordinary_lines(line: str) -> None:
    assert not CLAUSE_START.match(line)


@pytest.mark.parametrize("line", ["7. Audits", "b) the buyer", "Article 12", "Subsection 2 Fees"])
def test_loose_start_adds_forms_that_need_layout(line: str) -> None:
    assert LOOSE_CLAUSE_START.match(line)
    assert not CLAUSE_START.match(line)


_RANGE_OR_NUMERALS = re.compile(r"\\u4e00|\\u3400|一-|\[一二三|零〇|[一二三四五六七八九十]{5,}")


def test_script_ranges_and_numeral_sets_live_only_in_lang() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in PACKAGE.rglob("*.py")
        if "lang" not in path.relative_to(PACKAGE).parts[:1]
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _RANGE_OR_NUMERALS.search(text)
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("3.5 Sub-processors may be engaged.", "3.5"),
        ("3.5 percent of the value is charged.", None),
        ("5.3 and 5.4 apply to transfers.", None),
        ("3.5. Audits", "3.5."),
    ],
)
def test_a_number_with_decimals_is_a_label_only_before_a_capital(text, label):
    found = generic_labels(text, False)
    assert (found[0].label if found else None) == label
    assert bool(CLAUSE_START.match(text)) is (label is not None)


def test_a_run_in_first_item_starts_after_the_last_introducing_colon():
    second = generic_labels("2. Crew lists.", False)[0]
    text = "The application shall enclose: 1. A registration certificate."
    cut = run_in_first_item(text, second, lambda t: generic_labels(t, False))
    assert text[cut:].strip() == "1. A registration certificate."
    plain = "The hours are: weekdays only."
    assert run_in_first_item(plain, second, lambda t: generic_labels(t, False)) == -1


def test_a_lone_first_number_is_an_item_label_only_before_item_two():
    second, third = generic_labels("2. Fees.", False)[0], generic_labels("3. Fees.", False)[0]
    assert lone_first_item("1, Where the fee is unpaid;", second).rest == "Where the fee is unpaid;"
    assert lone_first_item("1 Where the fee is unpaid;", third) is None
    assert lone_first_item("1 percent is due.", second) is None


def test_an_introduction_ending_in_its_colon_has_no_run_in_item():
    second = generic_labels("2. Crew lists.", False)[0]
    read = lambda t: generic_labels(t, False)  # noqa: E731
    assert run_in_first_item("The application shall enclose:", second, read) == -1
    assert generic_labels("", False) == []
