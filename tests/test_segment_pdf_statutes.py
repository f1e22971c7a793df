"""Statutes written to .docx and made PDF by LibreOffice segment to their Markdown's articles.

Reads `../shared/data/real/tw-laws/pairs/` (skipped when absent) and needs
`soffice` (skipped when missing). The .docx and PDF are made here, in a
temporary folder; nothing of the shared texts is kept.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from dpa_compare.api import load

PAIRS = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "real" / "tw-laws" / "pairs"
)
CODES = ("A0030056", "H0060042")  # -- 44 and 39 articles, with chapters --
_ARTICLE = re.compile(r"第\s*\S+\s*條|Article\s+\S+")

pytestmark = [
    pytest.mark.skipif(not PAIRS.is_dir(), reason="shared tw-laws data absent"),
    pytest.mark.skipif(
        shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed"
    ),
]


def _articles(path: Path) -> list[str]:
    return ["".join(c.label.split()) for c in load(path).clauses if _ARTICLE.fullmatch(c.label)]


def _write_docx(markdown: Path, out: Path, styled: bool) -> None:
    from docx import Document

    document = Document()
    for line in markdown.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("<!--"):
            continue
        heading = re.match(r"^(#+)\s+(.*)$", line)
        if heading and styled:
            document.add_heading(heading.group(2), level=len(heading.group(1)))
        else:
            document.add_paragraph(heading.group(2) if heading else line)
    document.save(str(out))


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("statutes")
    sources = {}
    for code in CODES:
        for lang in ("zh", "en"):
            for styled in (True, False):
                name = f"{code}.{lang}.{'styled' if styled else 'plain'}"
                _write_docx(PAIRS / f"{code}.{lang}.md", folder / f"{name}.docx", styled)
                sources[name] = PAIRS / f"{code}.{lang}.md"
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *sorted(str(p) for p in folder.glob("*.docx")),
        ],
        check=True,
        capture_output=True,
        timeout=900,
    )
    return folder, sources


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("style", ["styled", "plain"])
def test_docx_and_pdf_give_the_markdown_article_list(converted, code, lang, style):
    folder, sources = converted
    name = f"{code}.{lang}.{style}"
    expected = _articles(sources[name])
    assert len(expected) > 30
    assert _articles(folder / f"{name}.docx") == expected
    assert _articles(folder / f"{name}.pdf") == expected
