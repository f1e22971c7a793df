"""The `check`, `glossary extract` and `notes carry` commands: contracts, exit codes, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from dpa_compare.cli import cli, main
from dpa_compare.cli.check import COMMANDS as CHECK
from dpa_compare.cli.glossary import COMMANDS as GLOSSARY
from dpa_compare.cli.notes import COMMANDS as NOTES

EN = """# Terms

This Addendum (the "DPA") is made by the Provider.

## 1. Definitions

1.1 "Personal Data" means data about a person.

1.2 "Sub-processor" means a processor engaged by the Provider.

## 2. Duties

2.1 The Provider shall notify the Customer within 48 hours under this DPA.

2.2 The Provider shall keep records, see Section 2.1.
"""
ZH = """# 条款

本附录（“本附录”）由提供方订立。

## 1. 定义

1.1 “个人数据”是指与个人有关的数据。

1.2 “分处理者”是指提供方委聘的处理者。

## 2. 义务

2.1 提供方应在七十二（72）小时内依据本附录通知客户。

2.2 提供方应保存记录,见第2.1条。
"""


@pytest.fixture(autouse=True)
def _commands():  # noqa: ANN202
    registered = dict(cli.commands)
    for command in (*CHECK, *GLOSSARY, *NOTES):
        cli.add_command(command)
    yield
    # -- leave the shared command group exactly as it was found --
    cli.commands.clear()
    cli.commands.update(registered)


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(args)
    out, err = capsys.readouterr()
    return int(done.value.code or 0), out, err


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    (tmp_path / "en.md").write_text(EN, encoding="utf-8")
    (tmp_path / "zh.md").write_text(ZH, encoding="utf-8")
    return str(tmp_path / "en.md"), str(tmp_path / "zh.md")


def test_check_json_contract_and_exit_code(
    files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(["check", *files, "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 1
    numbers = [f for f in data["findings"] if f["check"] == "numbers"]
    assert len(numbers) == 1
    keys = {
        "check",
        "severity",
        "en_id",
        "zh_id",
        "en_label",
        "zh_label",
        "message",
        "evidence",
        "hash",
    }
    assert (
        keys <= set(numbers[0])
        and numbers[0]["en_label"] == "2.1"
        and numbers[0]["severity"] == "critical"
    )
    assert data["summary"]["by_severity"]["critical"] == 1 and data["summary"]["findings"] == len(
        data["findings"]
    )
    assert any(f["check"] == "punctuation" for f in data["findings"])


def test_fail_on_threshold_and_text_grouped_by_severity(
    files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(["check", *files, "--checks", "punctuation"], capsys)
    assert (
        code == 0
        and "Minor (1)" in out
        and "2.2 ⇄ 2.2  [punctuation]" in out
        and "Result: pass" in out
    )
    code, _, _ = _run(["check", *files, "--checks", "punctuation", "--fail-on", "minor"], capsys)
    assert code == 1
    code, out, _ = _run(["check", *files, "--fail-on", "none"], capsys)
    assert code == 0 and out.index("Critical (1)") < out.index("Minor (")


def test_suppressed_findings_are_not_counted_but_summarised(
    files: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = _run(["check", *files, "--format", "json", "--checks", "numbers"], capsys)
    finding = json.loads(out)["findings"][0]
    notes = tmp_path / "notes.yaml"
    notes.write_text(
        yaml.safe_dump(
            {
                "notes": [],
                "suppressions": [
                    {
                        "check": "numbers",
                        "hash": finding["hash"],
                        "clause": "2.1",
                        "reason": "agreed with client",
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    code, out, _ = _run(
        ["check", *files, "--format", "json", "--checks", "numbers", "--notes", str(notes)], capsys
    )
    data = json.loads(out)
    assert code == 0 and data["findings"] == [] and data["summary"]["suppressed"] == 1
    assert data["suppressed"][0]["reason"] == "agreed with client"
    Path(files[1]).write_text(ZH.replace("七十二（72）小时", "六十（60）小时"), encoding="utf-8")
    code, out, _ = _run(["check", *files, "--checks", "numbers", "--notes", str(notes)], capsys)
    assert code == 1 and "Suppressions whose clause text changed" in out


@pytest.mark.parametrize("bad", [
    ["check", "missing.md", "zh.md"],
    ["check", "EN", "ZH", "--glossary", "nope.yaml"],
    ["check", "EN", "ZH", "--checks", "spelling"],
    ["check", "EN", "ZH", "--previous-en", "EN"],
])  # fmt: skip
def test_bad_input_exits_2_with_one_line(
    bad: list[str], files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    args = [files[0] if a == "EN" else files[1] if a == "ZH" else a for a in bad]
    code, out, err = _run(args, capsys)
    assert code == 2 and out == "" and "Traceback" not in err and err.strip()


def test_glossary_extract_proposes_defined_terms(
    files: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "terms.yaml"
    code, _, _ = _run(["glossary", "extract", *files, "-o", str(target)], capsys)
    entries = {e["en"]: e for e in yaml.safe_load(target.read_text(encoding="utf-8"))["entries"]}
    assert code == 0
    assert entries["Personal Data"]["zh"] == ["个人数据"] and entries["Sub-processor"]["zh"] == [
        "分处理者"
    ]
    assert entries["DPA"]["zh"] == ["本附录"] and entries["Personal Data"]["defined"] is True
    from dpa_compare.qa import load_glossary

    assert len(load_glossary(target)) == len(entries)


def test_notes_carry_writes_the_new_file_and_never_touches_the_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = tmp_path / "v1.md", tmp_path / "v2.md"
    old.write_text(EN, encoding="utf-8")
    new.write_text(
        EN.replace("within 48 hours", "within 24 hours")
        .replace("## 2. Duties\n", "## 2. Duties\n\n2.1 New first duty.\n")
        .replace("2.1 The Provider shall notify", "2.2 The Provider shall notify")
        .replace(
            "2.2 The Provider shall keep records, see Section 2.1.",
            "2.3 The Provider shall keep records, see Section 2.2.",
        ),
        encoding="utf-8",
    )
    notes = tmp_path / "notes.yaml"
    source = (
        "notes:\n  - {clause: '2.1', text: hours, status: resolved}\n"
        "  - {clause: '1.1', text: term, status: resolved}\n"
    )
    notes.write_text(source, encoding="utf-8")
    out_file = tmp_path / "out" / "notes-v2.yaml"
    code, out, _ = _run(
        [
            "notes",
            "carry",
            "--old-en",
            str(old),
            "--new-en",
            str(new),
            "--notes",
            str(notes),
            "-o",
            str(out_file),
        ],
        capsys,
    )
    assert code == 0 and "2 notes carried" in out and "reopened  2.1 → 2.2" in out
    assert notes.read_text(encoding="utf-8") == source
    carried = yaml.safe_load(out_file.read_text(encoding="utf-8"))["notes"]
    assert [(n["clause"], n["status"]) for n in carried] == [("2.2", "open"), ("1.1", "resolved")]


def test_notes_carry_refuses_to_overwrite_the_notes_file_it_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "v1.md"
    old.write_text(EN, encoding="utf-8")
    notes = tmp_path / "notes.yaml"
    source = "notes:\n  - {clause: '2.1', text: hours, status: resolved}\n"
    notes.write_text(source, encoding="utf-8")
    code, out, err = _run(
        [
            "notes",
            "carry",
            "--old-en",
            str(old),
            "--new-en",
            str(old),
            "--notes",
            str(notes),
            "-o",
            str(notes),
        ],
        capsys,
    )
    assert code == 2 and "overwrite" in err and "Traceback" not in err
    assert notes.read_text(encoding="utf-8") == source


def test_two_english_files_are_a_usage_error():
    import subprocess
    import sys

    corpus = Path(__file__).resolve().parents[2] / "corpus"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "dpa_compare",
            "check",
            str(corpus / "en/dpa-2023-03.md"),
            str(corpus / "en/dpa-2024-09.md"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "dpa-2024-09.md: is in English, but the Chinese document is expected" in result.stderr
