"""Version history: add / list / diff / clause, duplicate refusal, and atomic adds under SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from dpa_compare.api import load
from dpa_compare.cli.history import history_group
from dpa_compare.diff.lineage import clause_history
from dpa_compare.store import (
    DB_ENV,
    DuplicateVersionError,
    HistoryError,
    HistoryStore,
    default_db_path,
)

REPO = Path(__file__).resolve().parents[1]

V1 = (
    "# Sample\n\n## 1. Scope\n\n1.1 This Addendum covers processing.\n\n## 2. Security\n\n2.1 Keep "
    "data secure for 72 hours.\n"
)
V2 = (
    "# Sample\n\n## 1. Definitions\n\n1.1 Terms have their usual meaning.\n\n## 2. Scope\n\n"
    "2.1 This Addendum covers processing.\n\n## 3. Security\n\n3.1 Keep data secure for 48 hours.\n"
)
V3 = (
    "# Sample\n\n## 1. Definitions\n\n1.1 Terms have their usual meaning.\n\n## 2. Scope\n\n2.1 "
    "This Addendum covers processing.\n"
)


@pytest.fixture()
def files(tmp_path: Path) -> list[Path]:
    paths = []
    for n, text in enumerate((V1, V2, V3), 1):
        path = tmp_path / f"v{n}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture()
def store(tmp_path: Path, files: list[Path]):
    with HistoryStore.open(tmp_path / "h.sqlite3") as opened:
        for n, path in enumerate(files, 1):
            opened.add("sample", load(path), f"v{n}", f"202{n}-01-01")
        yield opened


def test_versions_are_listed_in_the_order_added(store):
    records = store.versions("sample")
    assert [(r.seq, r.label, r.date) for r in records] == [
        (1, "v1", "2021-01-01"),
        (2, "v2", "2022-01-01"),
        (3, "v3", "2023-01-01"),
    ]
    assert store.document("sample", "v2").clause("3.1").text == "Keep data secure for 48 hours."
    assert store.check() == []


def test_same_content_twice_is_refused(store, files):
    with pytest.raises(DuplicateVersionError, match="already stored as version 'v1'"):
        store.add("sample", load(files[0]), "v9")
    with pytest.raises(DuplicateVersionError, match="already has a version 'v2'"):
        store.add(
            "sample", load(files[0]).__class__(**{**load(files[0]).__dict__, "sha256": "x"}), "v2"
        )


def test_a_version_in_another_language_is_refused(store, tmp_path):
    # -- a translation stored among the original's versions made every diff "all deleted, all
    #    added" --
    chinese = tmp_path / "v4.zh.md"
    chinese.write_text("# 样本\n\n## 1. 范围\n\n1.1 本附录适用于数据处理。\n", encoding="utf-8")
    with pytest.raises(
        HistoryError,
        match=r"v4\.zh\.md: is in Chinese, but the versions of 'sample' are in English",
    ):
        store.add("sample", load(chinese), "v4")
    assert [r.label for r in store.versions("sample")] == ["v1", "v2", "v3"]
    assert store.add("sample-zh", load(chinese), "v4").lang == "zh"


def test_unknown_name_or_version_is_a_clear_error(store):
    with pytest.raises(HistoryError, match="no document named 'other'"):
        store.versions("other")
    with pytest.raises(HistoryError, match="has no version 'v7'"):
        store.document("sample", "v7")


def test_clause_followed_through_renumbering_and_deletion(store):
    documents = [d for _, d in store.documents("sample")]
    history = clause_history(documents, "3.1", at="v2")
    assert [(e.version, e.kind, e.label) for e in history.events] == [
        ("v1", "added", "2.1"),
        ("v2", "modified", "3.1"),
        ("v3", "deleted", ""),
    ]
    assert history.events[1].previous_label == "2.1"
    assert [-1, "72"] in [list(e) for e in history.events[1].redline]
    scope = clause_history(documents, "2.1")  # -- latest version citing 2.1: v3's Scope clause --
    assert [(e.kind, e.label) for e in scope.events] == [
        ("added", "1.1"),
        ("renumbered", "2.1"),
        ("unchanged", "2.1"),
    ]


def test_default_db_path_follows_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(DB_ENV, str(tmp_path / "x.sqlite3"))
    assert default_db_path() == tmp_path / "x.sqlite3"
    monkeypatch.delenv(DB_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_db_path() == tmp_path / "data" / "dpa-compare" / "history.sqlite3"


def test_cli_add_list_diff_clause(tmp_path, files):
    runner, db = CliRunner(), str(tmp_path / "cli.sqlite3")
    for n, path in enumerate(files[:2], 1):
        result = runner.invoke(
            history_group, ["add", "sample", str(path), "--version", f"v{n}", "--db", db]
        )
        assert result.exit_code == 0, result.output
    listed = json.loads(
        runner.invoke(history_group, ["list", "sample", "--db", db, "--format", "json"]).output
    )
    assert [v["label"] for v in listed["versions"]] == ["v1", "v2"]
    diffed = json.loads(
        runner.invoke(
            history_group, ["diff", "sample", "v1", "v2", "--db", db, "--format", "json"]
        ).output
    )
    assert diffed["summary"]["renumbered"] >= 2 and diffed["summary"]["added"] == 2
    text = runner.invoke(history_group, ["clause", "sample", "3.1", "--db", db]).output
    assert "v2: modified 2.1 → 3.1" in text and "[-72-]{+48+}" in text


_CODE = (
    "import sys; from dpa_compare.cli import cli, main; from dpa_compare.cli.history import "
    "COMMANDS; [cli.add_command(c) for c in COMMANDS]; main(sys.argv[1:])"
)


def _run_cli(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _CODE, *args], cwd=REPO, capture_output=True, text=True, check=False
    )


def _start_cli(args: list[str], env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", _CODE, *args],
        cwd=REPO,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_cli_duplicate_add_exits_2(tmp_path, files):
    db = str(tmp_path / "dup.sqlite3")
    assert (
        _run_cli(["history", "add", "s", str(files[0]), "--version", "a", "--db", db]).returncode
        == 0
    )
    result = _run_cli(["history", "add", "s", str(files[0]), "--version", "b", "--db", db])
    assert result.returncode == 2 and "already stored as version 'a'" in result.stderr
    assert "Traceback" not in result.stderr
    bad = _run_cli(["history", "list", "nothing", "--db", db])
    assert bad.returncode == 2 and "no document named 'nothing'" in bad.stderr


def test_killed_add_leaves_only_complete_versions(tmp_path, files):
    db = tmp_path / "kill.sqlite3"
    big = tmp_path / "big.md"
    body = "\n\n".join(
        f"## {s}. Section {s}\n\n"
        + "\n\n".join(f"{s}.{k} Clause {s}.{k} text number {s * k}." for k in range(1, 11))
        for s in range(1, 101)
    )
    big.write_text("# Big\n\n" + body + "\n", encoding="utf-8")
    assert (
        _run_cli(
            ["history", "add", "big", str(files[0]), "--version", "small", "--db", str(db)]
        ).returncode
        == 0
    )
    process = _start_cli(
        ["history", "add", "big", str(big), "--version", "large", "--db", str(db)],
        env={"DPA_COMPARE_TEST_SLOW_WRITE": "0.01"},
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not _write_in_progress(db):
        time.sleep(0.05)
    assert process.poll() is None, "the add finished before it could be killed"
    time.sleep(0.3)
    process.send_signal(signal.SIGKILL)
    process.wait()
    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
    with HistoryStore.open(db) as store:
        assert [v.label for v in store.versions("big")] == ["small"]
        assert store.check() == []


def _write_in_progress(db: Path) -> bool:
    """Return True while another connection holds the database's write lock (the add's
    transaction)."""
    connection = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        connection.close()


def test_reading_a_missing_history_is_an_error_and_creates_nothing(tmp_path):
    import subprocess
    import sys

    db = tmp_path / "nowhere" / "history.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "dpa_compare", "history", "list", "acme", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "no history database" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not db.parent.exists()
