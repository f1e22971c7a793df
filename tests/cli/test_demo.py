"""The demo runs the whole pipeline on the bundled corpus and writes every output it announces.

The demo's Word review is also converted by LibreOffice and its first pages
rendered to PNG, as a person would see them (skipped only without soffice
and pdftoppm, which `.ci/run` installs).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    out = tmp_path_factory.mktemp("demo") / "demo-out"
    result = subprocess.run(
        [sys.executable, "-m", "dpa_compare", "demo", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=REPO,
    )
    return out, result


def test_demo_writes_every_stage_output(demo):
    out, result = demo
    assert result.returncode == 0, result.stderr
    announced = [line.split("  — ")[0].strip() for line in result.stdout.splitlines()[1:]]
    assert len(announced) >= 10
    for path in announced:
        assert Path(path).exists(), path
    stale = json.loads((out / "stale/zh-2023-03_after_en-2024-09.json").read_text(encoding="utf-8"))
    assert {row["status"] for row in stale["rows"]} >= {
        "current",
        "stale",
        "renumbered",
        "orphaned",
        "missing",
    }
    check = json.loads((out / "check/zh-2023-03.check.json").read_text(encoding="utf-8"))
    assert check["findings"], "the draft's seeded defects must be found"
    assert (out / "review-2024-09.docx").read_bytes()[:2] == b"PK"
    assert "48" in (out / "history/clause-7.1.txt").read_text(encoding="utf-8")


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
    reason="LibreOffice (soffice) or poppler (pdftoppm) is not installed",
)
def test_demo_review_renders_to_pages(demo, tmp_path):
    out, result = demo
    assert result.returncode == 0, result.stderr
    profile = (tmp_path / "lo-profile").as_uri()
    converted = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out / "review-2024-09.docx"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    pdf = tmp_path / "review-2024-09.pdf"
    assert converted.returncode == 0 and pdf.exists(), converted.stderr
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "3", str(pdf), str(tmp_path / "page")],
        check=True,
        timeout=120,
    )
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 3
    assert all(page.stat().st_size > 10_000 for page in pages), "a rendered page is blank"


def test_demo_refuses_a_folder_that_is_not_a_corpus(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "dpa_compare",
            "demo",
            "--corpus",
            str(tmp_path),
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "corpus" in result.stderr
