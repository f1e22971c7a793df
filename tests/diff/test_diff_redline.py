"""Word-level redlines: exact rebuild, word granularity, merging, markup, random edits
(hypothesis)."""

from __future__ import annotations

import json
import sys
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dpa_compare.diff.redline  # noqa: F401 -- the module, for monkeypatching
from dpa_compare.diff.redline import (
    DELETE,
    EQUAL,
    INSERT,
    Edit,
    RedlineCheckError,
    code_point,
    edits_from_json,
    markup,
    new_text,
    old_text,
    redline,
)

EN_PIECES = [
    "The Processor",
    "shall",
    "must",
    "promptly",
    "notify",
    "the Controller",
    "without undue delay",
    "within 72 hours",
    "of becoming aware of",
    "a Personal Data Breach",
    "under Article 33",
    "(a)",
    "Section 7.2",
    "EUR 1,000,000",
    "Regulation 2016/679",
    "and",
    "or",
    ",",
    ";",
    ".",
    "Sub-processor",
]
ZH_PIECES = [
    "处理者",
    "应当",
    "在",
    "知悉",
    "个人数据",
    "泄露",
    "后",
    "七十二小时",
    "内",
    "书面",
    "通知",
    "控制者",
    "分处理者",
    "根据",
    "第7.2条",
    "附件二",
    "（一）",
    "，",
    "。",
    "；",
    "“",
    "”",
    "GDPR",
    " ",
    "及",
]


def _rebuilds(old: str, new: str, lang: str) -> tuple[Edit, ...]:
    edits = redline(old, new, lang, ["个人数据", "分处理者"])
    assert old_text(edits) == old and new_text(edits) == new
    assert all(text for _, text in edits)
    assert all(a.op != b.op for a, b in pairwise(edits))
    return edits


def test_identical_texts_are_one_equal_edit():
    assert redline("same text.", "same text.") == (Edit(EQUAL, "same text."),)
    assert redline("", "") == ()


def test_empty_side_is_a_pure_insert_or_delete():
    assert redline("", "new words") == (Edit(INSERT, "new words"),)
    assert redline("old words", "") == (Edit(DELETE, "old words"),)


def test_changes_are_whole_words():
    edits = _rebuilds("notify within 72 hours", "notify within 48 hours", "en")
    assert markup(edits) == "notify within [-72-]{+48+} hours"
    edits = _rebuilds(
        "the amount of EUR 1,000,000 applies", "the amount of EUR 1,500,000 applies", "en"
    )
    assert "[-1,000,000-]{+1,500,000+}" in markup(edits)


def test_chinese_changes_are_jieba_words():
    edits = _rebuilds("处理者应当通知控制者。", "处理者应当书面告知控制者。", "zh")
    assert markup(edits).startswith("处理者应当[-")
    assert all("控制" not in text for op, text in edits if op != EQUAL)


def test_mixed_language_text():
    _rebuilds(
        "依据GDPR第28条，Processor shall notify。", "依据GDPR第29条，Processor must notify。", "zh"
    )


def test_semantic_cleanup_folds_tiny_equalities():
    # -- without the cleanup, every kept space between changed words would split the change --
    edits = _rebuilds(
        "The Processor shall notify the Controller",
        "A Sub-processor must inform each Controller",
        "en",
    )
    assert (
        markup(edits)
        == "[-The Processor shall notify the-]{+A Sub-processor must inform each+} Controller"
    )


def test_deletions_come_before_insertions():
    edits = _rebuilds("alpha beta gamma", "alpha delta gamma", "en")
    assert [e.op for e in edits] == [EQUAL, DELETE, INSERT, EQUAL]


def test_edits_serialise_as_pairs():
    edits = redline("one two", "one three")
    data = json.loads(json.dumps(edits))
    assert data == [[0, "one "], [-1, "two"], [1, "three"]]
    assert edits_from_json(data) == edits


def test_markup_shortens_long_kept_text():
    edits = (Edit(EQUAL, "x" * 100), Edit(DELETE, "a"), Edit(INSERT, "b"))
    assert markup(edits, context=5) == "xxxxx … xxxxx[-a-]{+b+}"


def test_many_distinct_tokens_beyond_the_private_use_area():
    old = " ".join(f"w{i}" for i in range(70_000))
    new = old.replace("w69999", "changed")
    edits = redline(old, new)
    assert new_text(edits) == new and markup(edits).endswith("[-w69999-]{+changed+}")
    assert code_point(6400) == chr(0xF0000)


def test_a_broken_redline_raises_an_internal_error(monkeypatch):
    redline_module = sys.modules["dpa_compare.diff.redline"]
    monkeypatch.setattr(redline_module, "_token_diff", lambda a, b: (Edit(EQUAL, "wrong"),))
    with pytest.raises(RedlineCheckError, match="old='a b'"):
        redline("a b", "a c")


# -- random edits: insert, delete, replace and move words, then check the rebuild --


def _edited(draw, pieces: list[str], joiner: str) -> tuple[str, str]:
    words = draw(st.lists(st.sampled_from(pieces), min_size=0, max_size=25))
    new = list(words)
    for _ in range(draw(st.integers(0, 6))):
        action = draw(st.sampled_from(["insert", "delete", "replace", "move"]))
        if action == "insert" or not new:
            new.insert(draw(st.integers(0, len(new))), draw(st.sampled_from(pieces)))
        elif action == "delete":
            del new[draw(st.integers(0, len(new) - 1))]
        elif action == "replace":
            new[draw(st.integers(0, len(new) - 1))] = draw(st.sampled_from(pieces))
        else:
            word = new.pop(draw(st.integers(0, len(new) - 1)))
            new.insert(draw(st.integers(0, len(new))), word)
    return joiner.join(words), joiner.join(new)


@st.composite
def english_pair(draw):
    return _edited(draw, EN_PIECES, draw(st.sampled_from([" ", "  ", "\n"])))


@st.composite
def chinese_pair(draw):
    return _edited(draw, ZH_PIECES, draw(st.sampled_from(["", "", " "])))


@settings(max_examples=150, deadline=None)
@given(english_pair())
def test_random_english_edits_rebuild_both_texts(pair):
    _rebuilds(*pair, "en")


@settings(max_examples=150, deadline=None)
@given(chinese_pair())
def test_random_chinese_edits_rebuild_both_texts(pair):
    _rebuilds(*pair, "zh")
