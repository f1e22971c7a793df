"""Words around a number that say what it is: a version, a label, a rank, a count of things.

QA compares the quantities a translation must keep; these patterns tell
it which numbers are not quantities (`v2`, `第2版`, `Class 2`, `10th grade`)
and which small Chinese numbers still count (二人, 三次).
"""

from __future__ import annotations

import re

VERSION = re.compile(
    r"(?<![A-Za-z])[vV]\.?\s?\d+(?:\.\d+)*(?![\d.])|\b(?i:version|release|edition|rev\.?)\s+\d+(?:\.\d+)*"
    r"|第\s*\d+(?:\.\d+)*\s*版|\d+(?:\.\d+)*\s*版(?!权|權|本)|版本\s*\d+(?:\.\d+)*"
)
"""A version: `v2`, `version 3.1`, `第2版`, `2版` — a name, not a quantity."""

VERSION_CAPTION = re.compile(
    r"(?i:version|version\s+(?:no\.?|number)|release|edition|revision|rev\.?)\s*[:：]?|版本|版次|版本號|版本号"
)
"""A line that only announces a version (`Version`, `Rev.:`, `版本`): the bare number on the next
line is that version (`1.0`), not a clause number. Match with `fullmatch` on the stripped line."""

NOT_ONE_AFTER = "同统統唯任每逐某其之单單专專第万萬划劃前近次隔"
"""After these, 一 is "the/each/same" as often as a count (前一日 "the day before")."""

LABEL_WORD_BEFORE = re.compile(
    r"\b(?:class|type|category|grade|level|tier|group|phase|stage|form|table|attachment|schedule"
    r"|chapter|part|no\.|number|rank)\s*[-–]?\s*$"
    # -- and the bracketed echo of a worded one: "grade nine (9)" ⇄ 第九職等 --
    r"|\b(?:class|category|grade|level|tier|rank)\s+[a-z]+(?:-[a-z]+)?\s*[(（]\s*$"
    # -- and the next of a list of them: "Grade 6 or 7", "Rank 13 to 14" --
    r"|\b(?:class|category|grade|level|tier|rank)\s+\d+\s*(?:or|to|-|–)\s*$",
    re.IGNORECASE,
)
"""A label word just before a number: the number is the label's (`Class 2` ⇄ 第二類)."""

RANK_AFTER = re.compile(
    r"(?:st|nd|rd|th)\b(?:\s*(?:to|or|and|-|–)\s*\d+(?:st|nd|rd|th)\b)?"
    r"[\s-]*(?:grade|rank|level|class|session|term|edition|place)\b",
    re.IGNORECASE,
)
"""After an ordinal digit: a rank (`7th grade`, `7th to 8th grade` ⇄ 第七職等), not a quantity."""

CLASSIFIERS = frozenset("人名位次件個个份張张家所項项")
"""Measure words after a Chinese number that make it a count of things, compared even when small."""

__all__ = [
    "CLASSIFIERS",
    "LABEL_WORD_BEFORE",
    "NOT_ONE_AFTER",
    "RANK_AFTER",
    "VERSION",
    "VERSION_CAPTION",
]
