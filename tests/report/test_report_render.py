"""LibreOffice renders the report: conversion succeeds, the header row repeats, Chinese gets a CJK
font.

Skipped only when `soffice` is not on PATH.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from report_sample import dele, en, ins, sample_model, zh

from dpa_compare.report.docx_writer import write_docx
from dpa_compare.report.model import ReportModel, Row

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def _long_model(count: int = 70) -> ReportModel:
    """Return the sample report with `count` extra clause rows, enough for several pages."""
    extra = tuple(
        Row(
            f"9.{n}",
            "clause",
            f"9.{n}",
            en(
                f"Clause {n}: the Vendor shall retain the logs described in paragraph {n} for ",
                dele("six"),
                ins("twelve"),
                " months.",
            ),
            zh(f"第{n}项：供应商应将第{n}段所述日志保存", dele("六"), ins("十二"), "个月。"),
            "stale",
            en_id=f"9.{n}",
            zh_id=f"9.{n}",
        )
        for n in range(1, count + 1)
    )
    model = sample_model()
    return ReportModel(model.front, model.rows + extra, model.appendices)


def _convert(source: Path, tmp_path: Path) -> Path:
    profile = (tmp_path / "lo-profile").as_uri()
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    pdf = tmp_path / (source.stem + ".pdf")
    assert result.returncode == 0, result.stderr
    assert pdf.exists() and pdf.read_bytes()[:5] == b"%PDF-", result.stdout + result.stderr
    return pdf


@pytest.mark.parametrize("tracked", [False, True])
def test_libreoffice_converts_the_report_to_pdf(tmp_path, tracked):
    import pdfplumber

    source = tmp_path / f"report-{'tracked' if tracked else 'display'}.docx"
    model = _long_model()
    write_docx(model, source, tracked_changes=tracked)
    pdf = _convert(source, tmp_path)
    with pdfplumber.open(pdf) as document:
        pages = [page.extract_text() or "" for page in document.pages]
        cjk_fonts = {
            c["fontname"] for page in document.pages for c in page.chars if c["text"] == "供"
        }
    main_pages = [i for i, text in enumerate(pages) if "9.3" in text or "Clause-by-clause" in text]
    assert len(main_pages) >= 2
    # -- the header row repeats at the top of every page of the main table --
    assert all("Notes & QA" in pages[i] for i in range(main_pages[0], main_pages[-1] + 1))
    assert "Appendix A" in "".join(pages) and "供应商可聘用附件三所列地址载明的分处理者" in "".join(
        pages
    ).replace("\n", "")
    assert cjk_fonts and all("CJK" in name or "Sim" in name or "Song" in name for name in cjk_fonts)


def test_a_copy_saved_by_libreoffice_reads_back_unchanged(tmp_path):
    from dpa_compare.report.review_reader import read_review, review_changes

    source = tmp_path / "report.docx"
    model = sample_model()
    write_docx(model, source, tracked_changes=True)
    out = tmp_path / "saved"
    profile = (tmp_path / "lo-profile").as_uri()
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0 and (out / "report.docx").exists(), result.stderr
    review = read_review(out / "report.docx")
    assert review.warnings == ()
    changes = review_changes(model, review)
    assert (changes.edits, changes.comments, changes.lost) == ((), (), ())
    assert sum(len(r.comments) for r in review.rows) == model.comment_count
