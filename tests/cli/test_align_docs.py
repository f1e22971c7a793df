"""`align_files`: clause alignment of two files in text, JSON, TSV and TMX."""

import json
from pathlib import Path

import pytest

from dpa_compare.cli.align_docs import align_files
from dpa_compare.errors import UsageError

EN = (
    "# Terms\n\n## 1. Security\n\n1.1 The Supplier shall encrypt all personal data with "
    "AES-256.\n\n1.2 The Supplier shall notify the Customer of a breach within 48 hours.\n"
)
ZH = (
    "# 条款\n\n## 1. 安全\n\n1.1 供应商应使用AES-256加密全部个人数据。\n\n"
    "1.2 供应商应在48小时内将违规通知客户。\n"
)


@pytest.fixture
def files(tmp_path: Path):
    (tmp_path / "a.en.md").write_text(EN, encoding="utf-8")
    (tmp_path / "a.zh.md").write_text(ZH, encoding="utf-8")
    return tmp_path / "a.en.md", tmp_path / "a.zh.md"


def test_text_output_lists_one_link_a_line(files, capsys):
    align_files(str(files[1]), str(files[0]), "text", embeddings="off")
    out = capsys.readouterr().out.splitlines()
    assert "1.1 ⇄ 1.1  " in out[4] and out[-1] == "# 4 links, 0 flagged"


def test_json_output_has_labels_texts_and_evidence(files, tmp_path):
    target = tmp_path / "out.json"
    align_files(str(files[0]), str(files[1]), "json", str(target), embeddings="off")
    data = json.loads(target.read_text(encoding="utf-8"))
    link = data["links"][3]
    assert link["en_labels"] == ["1.2"] and link["zh_labels"] == ["1.2"]
    assert link["zh_text"] == "供应商应在48小时内将违规通知客户。" and link["flagged"] is False
    assert data["scorers"][0] == "structure" and any(
        e.startswith("anchors") for e in link["evidence"]
    )


def test_tsv_and_tmx_outputs(files, tmp_path):
    align_files(str(files[0]), str(files[1]), "tsv", str(tmp_path / "out.tsv"), embeddings="off")
    rows = (tmp_path / "out.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "en_labels\tzh_labels\tconfidence\ten_text\tzh_text" and len(rows) == 5
    align_files(str(files[0]), str(files[1]), "tmx", str(tmp_path / "out.tmx"), embeddings="off")
    assert (tmp_path / "out.tmx").read_bytes().startswith(b"<?xml")


def test_two_files_in_one_language_are_refused(files):
    with pytest.raises(UsageError, match="both in English"):
        align_files(str(files[0]), str(files[0]), "text", embeddings="off")
