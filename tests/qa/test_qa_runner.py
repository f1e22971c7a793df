"""The runner: check registry, titles, ordering, label maps, and the crashing-check guarantee."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from conftest import documents, pair

from dpa_compare.errors import UsageError
from dpa_compare.qa import CHECKS, Issue, available_checks, check, label_map_from_pairs, run_checks
from dpa_compare.qa.registry import Pair


@pytest.fixture
def broken_check():  # noqa: ANN201
    @check("minor")
    def explodes(pair: Pair, ctx: object):  # noqa: ANN202
        """Always fails, to prove the runner survives."""
        if pair.en_text.startswith("boom"):
            raise ZeroDivisionError("division by zero in a check")
        yield from ()

    @check("minor", scope="document")
    def explodes_document(ctx: object):  # noqa: ANN202
        """Fails on the whole document."""
        raise KeyError("missing")
        yield Issue("never")

    yield
    CHECKS.pop("explodes", None)
    CHECKS.pop("explodes_document", None)


def test_every_builtin_check_has_a_title_and_severity() -> None:
    checks = available_checks()
    expected = {
        "omission",
        "addition",
        "numbers",
        "dates",
        "glossary",
        "term_consistency",
        "untranslated",
        "cross_references",
        "length_ratio",
        "punctuation",
        "brackets",
        "urls",
        "governing_language",
    }
    assert expected <= set(checks)
    for chk in checks.values():
        assert chk.title and "\n" not in chk.title
        assert chk.severity in ("critical", "major", "minor")
    assert checks["numbers"].title.startswith("Numbers")


def test_crashing_check_becomes_a_finding_and_the_run_goes_on(broken_check: None) -> None:
    pairs = [pair("boom 30 days", "四十日"), pair("fine", "好")]
    en, zh = documents(pairs)
    findings = run_checks(pairs, en, zh, checks=["explodes", "explodes_document", "numbers"])
    crashed = [f for f in findings if f.check == "explodes"]
    assert len(crashed) == 1
    assert crashed[0].en_id == pairs[0].en.id and crashed[0].zh_id == pairs[0].zh.id
    assert "ZeroDivisionError" in crashed[0].evidence["exception"]
    assert crashed[0].evidence["en_text"] == "boom 30 days"
    assert any(f.check == "explodes_document" and "KeyError" in f.message for f in findings)
    assert any(f.check == "numbers" for f in findings)


def test_findings_come_in_pair_order_then_severity() -> None:
    pairs = [pair("Orphan clause", None), pair("within 30 days,x", "40日内,须")]
    en, zh = documents(pairs)
    findings = run_checks(pairs, en, zh)
    assert [f.check for f in findings] == ["omission", "numbers", "punctuation"]


def test_finding_serialises_to_json() -> None:
    pairs = [pair("within 30 days", "40日内")]
    (finding,) = run_checks(pairs, *documents(pairs), checks=["numbers"])
    data = json.loads(json.dumps(finding.to_dict(), ensure_ascii=False))
    assert data["check"] == "numbers" and data["evidence"]["zh_only"] == ["40 day"]


def test_unknown_check_name_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown check 'nope'"):
        run_checks([], None, None, checks=["nope"])


def test_check_decorator_rejects_a_bad_severity() -> None:
    with pytest.raises(ValueError, match="severity must be one of"):
        check("fatal")


def test_label_map_from_pairs() -> None:
    pairs = [pair("a", "甲", label="5.2"), pair("b", "乙", label="5.3")]
    assert label_map_from_pairs(pairs) == {}
    shifted = [pair("a", None, label="5.2")]
    shifted[0] = type(shifted[0])(shifted[0].en, pairs[1].zh)
    assert label_map_from_pairs(shifted) == {"Section 5.2": "5.3"}


def test_a_label_map_leaves_out_items_whose_citation_reads_only_in_part() -> None:
    # -- item 1 under paragraph 4 of Article 31 on both sides, under different frames (a chapter
    #    the English lacks): `Article 31 ¶4 1` reads as `Article 31 ¶4` only, and mapping it would
    #    send every English citation of paragraph 4 to the wrong place --
    item = pair("The offender shall be fined.", "處罰金。", label="1")
    en = replace(item.en, path=("h5", "31", "p4", "1"), ref="Article 31 ¶4 1")
    zh = replace(item.zh, path=("ch4", "31", "p4", "1"), ref="第 31 條 ¶4 一、")
    assert label_map_from_pairs([Pair(en, zh)]) == {}


def test_pair_labels_default_to_clause_refs() -> None:
    p = pair("a", "甲", label="7.1")
    assert p.en_label == "Section 7.1" and p.zh_label == "7.1"
    assert Pair(None, None, "Section 9", "第九条").en_label == "Section 9"
