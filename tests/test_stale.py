"""Stale-translation report: statuses, drift between two languages, either language as the
original."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent / "diff"))
from diff_docs import C, H, doc  # noqa: E402

from dpa_compare.api import load  # noqa: E402
from dpa_compare.cli.stale import stale_command  # noqa: E402
from dpa_compare.errors import UsageError  # noqa: E402
from dpa_compare.model import Alignment, Document, Link  # noqa: E402
from dpa_compare.stale import stale_report  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
KEYS = CORPUS / "keys"
_SECTION_PREFIX = re.compile(r"^第[零〇一二两三四五六七八九十百]+条\s+(?=\S)")


def _label(document: Document, clause_id: str) -> str:
    clause = document.clause(clause_id)
    return _SECTION_PREFIX.sub("", " ".join((clause.ref or clause.label).split()))


def _key_alignment(key: Path, en: Document, zh: Document) -> Alignment:
    """Return the hand-checked alignment in `key` as an `Alignment` of `en` and `zh`."""
    en_ids = {_label(en, c.id): c.id for c in en.clauses}
    zh_ids = {_label(zh, c.id): c.id for c in zh.clauses}
    links = tuple(
        Link(tuple(en_ids[x] for x in link["en"]), tuple(zh_ids[x] for x in link["zh"]), 1.0)
        for link in yaml.safe_load(key.read_text(encoding="utf-8"))["links"]
    )
    return Alignment(en, zh, links)


def _labels(document: Document, ids: tuple[str, ...]):
    labels = [_label(document, i) for i in ids]
    return None if not labels else labels[0] if len(labels) == 1 else labels


def _need(*paths: Path) -> None:
    missing = [p.name for p in paths if not p.exists()]
    if missing:
        pytest.skip(f"corpus files not present yet: {missing}")


def test_stale_report_matches_the_corpus_key_exactly():
    key = KEYS / "stale-2023-03_2024-09.yaml"
    _need(key, KEYS / "align-2023-03.yaml")
    data = yaml.safe_load(key.read_text(encoding="utf-8"))
    old_en, new_en, zh = (load(CORPUS / data[k]) for k in ("en_old", "en_new", "zh"))
    report = stale_report(
        old_en, new_en, zh, alignment=_key_alignment(KEYS / "align-2023-03.yaml", old_en, zh)
    )
    got = [
        (
            r.status,
            _labels(zh, r.zh_ids),
            _labels(old_en, r.old_en_ids),
            _labels(new_en, r.new_en_ids),
            r.xref_only,
        )
        for r in report.rows
    ]
    want = [
        (e["status"], e["zh"], e["old_en"], e["new_en"], bool(e.get("xref_only")))
        for e in data["rows"]
    ]
    assert got == want
    stale = next(r for r in report.rows if r.status == "stale" and _labels(zh, r.zh_ids) == "5.3")
    assert [-1, "15"] in [list(e) for e in stale.en_redline] and stale.en_label == "6.3"


def test_drift_between_two_versions_in_each_language_matches_the_key():
    key = KEYS / "drift-2020-05_2023-03.yaml"
    _need(key, KEYS / "align-2020-05.yaml", KEYS / "align-2023-03.yaml")
    data = yaml.safe_load(key.read_text(encoding="utf-8"))
    eo, en, zo, zn = (load(CORPUS / data[k]) for k in ("en_old", "en_new", "zh_old", "zh_new"))
    report = stale_report(
        eo,
        en,
        zo,
        zn,
        alignment=_key_alignment(KEYS / "align-2020-05.yaml", eo, zo),
        new_alignment=_key_alignment(KEYS / "align-2023-03.yaml", en, zn),
    )
    got = [
        (
            _labels(eo, r.old_en_ids),
            _labels(en, r.new_en_ids),
            _labels(zo, r.zh_ids),
            _labels(zn, r.new_zh_ids),
            r.en_changed,
            r.zh_changed,
        )
        for r in report.rows
    ]
    want = [
        (e["en_old"], e["en_new"], e["zh_old"], e["zh_new"], e["en_changed"], e["zh_changed"])
        for e in data["rows"]
    ]
    assert got == want
    # -- amended exactly where both changed; one-language changes reported as such --
    assert {r.status for r in report.rows if r.en_changed and r.zh_changed} == {"amended"}
    one_sided = {(r.status, _labels(zo, r.zh_ids) or _labels(en, r.new_en_ids)) for r in report.rows
                 if r.en_changed != r.zh_changed}  # fmt: skip
    assert ("drift", "5.5") in one_sided and ("stale", "10.1") in one_sided
    assert report.summary()["changed"]["zh_only"] == 1


def test_a_chinese_original_with_an_english_translation_works_the_same_way():
    _need(KEYS / "align-2020-05.yaml", CORPUS / "zh/dpa-2023-03.zh.md")
    old_zh, new_zh = load(CORPUS / "zh/dpa-2020-05.zh.md"), load(CORPUS / "zh/dpa-2023-03.zh.md")
    english = load(CORPUS / "en/dpa-2020-05.md")
    # -- the alignment is given the usual way round (en ⇄ zh): the report turns it itself --
    alignment = _key_alignment(KEYS / "align-2020-05.yaml", english, old_zh)
    report = stale_report(old_zh, new_zh, english, alignment=alignment)
    by_translation = {_labels(english, r.zh_ids): r for r in report.rows if r.zh_ids}
    assert len(by_translation) == len(english.clauses)
    assert by_translation["7.1"].status == "stale" and by_translation["7.1"].en_label == "7.1"
    assert by_translation["1.12"].status == "orphaned"
    assert by_translation["3.2(a)"].status == "current"
    assert (
        by_translation["6.3(b)"].status == "renumbered"
        and by_translation["6.3(b)"].en_label == "6.3（三）"
    )
    assert any(r.status == "missing" and r.en_label == "6.3（二）" for r in report.rows)


ORIGINAL = [H("1", "Scope"), C("1.1", "This Addendum applies to all processing of Personal Data."),
            C("1.2", "The Processor shall notify the Controller within seventy-two hours."),
            C("1.3", "The Processor shall keep records of processing activities.")]  # fmt: skip
TRANSLATION = [
    H("1", "范围"),
    C("1.1", "本附录适用于个人数据的所有处理。"),
    C("1.2", "处理者应在七十二小时内通知控制者。"),
    C("1.3", "处理者应保存处理活动记录。"),
]


def _one_to_one(en: Document, zh: Document) -> Alignment:
    return Alignment(
        en,
        zh,
        tuple(Link((a.id,), (b.id,), 1.0) for a, b in zip(en.clauses, zh.clauses, strict=False)),
    )


def test_statuses_on_a_hand_built_alignment():
    old_en, zh = doc(ORIGINAL), doc(TRANSLATION, lang="zh", prefix="z")
    new_en = doc(
        [
            ORIGINAL[0],
            C("1.1", "New definitions apply."),
            C("1.2", ORIGINAL[1].text),
            C("1.3", "The Processor shall notify the Controller within forty-eight hours."),
        ],
        prefix="n",
    )
    report = stale_report(old_en, new_en, zh, alignment=_one_to_one(old_en, zh))
    statuses = {r.zh_label: (r.status, r.en_label) for r in report.rows}
    assert statuses["1"] == ("current", "1")
    assert statuses["1.1"] == ("renumbered", "1.2")
    assert statuses["1.2"] == ("stale", "1.3")
    assert statuses["1.3"] == ("orphaned", "1.3")
    assert [r.status for r in report.rows if not r.zh_ids] == ["missing"]
    row = next(r for r in report.rows if r.status == "stale").to_dict()
    assert set(row) >= {
        "status",
        "en_changed",
        "zh_changed",
        "old_en_id",
        "new_en_id",
        "zh_id",
        "new_zh_id",
        "en_label",
        "zh_label",
        "en_redline",
        "zh_redline",
    }
    assert row["zh_changed"] is None and [-1, "seventy-two"] in row["en_redline"]


def test_a_translation_in_the_original_language_is_a_usage_error():
    # -- an English file given as the translation used to be aligned as if it were Chinese --
    old_en, new_en = doc(ORIGINAL), doc(ORIGINAL, prefix="n")
    with pytest.raises(
        UsageError, match="is in English, but the Chinese side of an alignment was expected"
    ):
        stale_report(old_en, new_en, doc(ORIGINAL, prefix="e", source="english-too.md"))


def test_cli_json_and_bad_input(tmp_path):
    _need(KEYS / "align-2023-03.yaml")
    pytest.importorskip("dpa_compare.align.clause.aligner")
    runner = CliRunner()
    args = [
        "--old-en",
        str(CORPUS / "en/dpa-2023-03.md"),
        "--new-en",
        str(CORPUS / "en/dpa-2024-09.md"),
        "--zh",
        str(CORPUS / "zh/dpa-2023-03.zh.md"),
        "--format",
        "json",
    ]
    result = runner.invoke(stale_command, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["summary"]["rows"] == len(data["rows"]) and data["summary"]["status"]["stale"] > 0
    missing = runner.invoke(
        stale_command, ["--old-en", str(tmp_path / "none.md"), "--new-en", "x", "--zh", "y"]
    )
    assert missing.exit_code != 0


_ZH_ARTICLES = {
    "1": ["本條例依相關法律規定訂定之。"],
    "2": ["本條例所稱主管機關為縣市政府。", "前項機關得委託民間團體辦理。"],
    "3": ["申請人應檢具文件向主管機關提出。"],
    "4": ["本條例自發布日施行。"],
}
_EN_ARTICLES = {
    "1": ["These Regulations are made under the relevant Acts."],
    "2": [
        "The competent authority is the county or city government.",
        "That authority may entrust a civic body to act for it.",
    ],  # fmt: skip
    "3": ["An applicant shall file the documents with the competent authority."],
    "4": ["These Regulations take effect on the date of promulgation."],
}


def _statute(tmp_path, name: str, articles: dict, lang: str):
    lines = ["# 測試條例" if lang == "zh" else "# Test Regulations", ""]
    for number, paragraphs in articles.items():
        lines += [f"### 第 {number} 條" if lang == "zh" else f"### Article {number}", ""]
        for paragraph in paragraphs:
            lines += [paragraph, ""]
    path = tmp_path / f"{name}.{lang}.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return load(path)


def test_statutes_numbered_alike_link_by_article_number_and_flag_exactly_the_amended_article(
    tmp_path,
):
    new_zh = dict(_ZH_ARTICLES, **{"3": ["申請人應檢具文件及規費向主管機關提出。"]})
    new_en = dict(_EN_ARTICLES, **{"1": ["These Regulations are made under the Acts concerned."]})
    report = stale_report(
        _statute(tmp_path, "old", _ZH_ARTICLES, "zh"),
        _statute(tmp_path, "new", new_zh, "zh"),
        _statute(tmp_path, "old", _EN_ARTICLES, "en"),
        _statute(tmp_path, "new", new_en, "en"),
    )
    changed_original = {r.zh_label for r in report.rows if r.en_changed}
    polished = {r.zh_label for r in report.rows if r.zh_changed and not r.en_changed}
    assert changed_original == {"Article 3 ¶1"}
    assert polished == {"Article 1 ¶1"}
    assert report.counts()["orphaned"] == report.counts()["missing"] == 0
