"""The demo runs the whole pipeline on the bundled corpus and writes every output it announces."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_demo_writes_every_stage_output(tmp_path):
    out = tmp_path / "demo-out"
    result = subprocess.run([sys.executable, "-m", "dpa_compare", "demo", "--out", str(out)],
                            capture_output=True, text=True, timeout=600, cwd=REPO)
    assert result.returncode == 0, result.stderr
    announced = [line.split("  — ")[0].strip() for line in result.stdout.splitlines()[1:]]
    assert len(announced) >= 10
    for path in announced:
        assert Path(path).exists(), path
    stale = json.loads((out / "stale/zh-2023-03_after_en-2024-09.json").read_text(encoding="utf-8"))
    assert {row["status"] for row in stale["rows"]} >= {"current", "stale", "renumbered", "orphaned", "missing"}
    check = json.loads((out / "check/zh-2023-03.check.json").read_text(encoding="utf-8"))
    assert check["findings"], "the draft's seeded defects must be found"
    assert (out / "review-2024-09.docx").read_bytes()[:2] == b"PK"
    assert "48" in (out / "history/clause-7.1.txt").read_text(encoding="utf-8")


def test_demo_refuses_a_folder_that_is_not_a_corpus(tmp_path):
    result = subprocess.run([sys.executable, "-m", "dpa_compare", "demo", "--corpus", str(tmp_path),
                             "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "corpus" in result.stderr
