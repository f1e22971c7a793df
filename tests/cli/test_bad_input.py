"""Bad input through the real command line: one clear line on stderr, exit code 2, input untouched.

Each test builds its input in `tmp_path`, runs `python -m dpa_compare segment
FILE` in a subprocess with a timeout, and checks: exit code 2, exactly one
line on stderr that names the file, no traceback, no hang, and the input's
bytes unchanged.
"""

from __future__ import annotations

import hashlib
import io
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

TIMEOUT = 20.0
"""Seconds a run may take before the test calls it a hang (a normal run takes one or two)."""

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REPO = Path(__file__).resolve().parents[2]


def run_segment(path: Path) -> subprocess.CompletedProcess[str]:
    """Run `dpa-compare segment path` and check the contract every bad input shares."""
    before = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "dpa_compare", "segment", str(path)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        cwd=REPO,
    )
    elapsed = time.monotonic() - started
    lines = result.stderr.splitlines()
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"dpa-compare: error: {path}: "), lines[0]
    assert result.stdout == ""
    assert elapsed < TIMEOUT
    after = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    assert after == before, "the input file was modified"
    return result


def problem(result: subprocess.CompletedProcess[str], path: Path) -> str:
    """Return the message after `dpa-compare: error: <path>: `."""
    return result.stderr.strip().split(f"{path}: ", 1)[1]


# -- building inputs -----------------------------------------------------------------------------


def docx_bytes(*paragraphs: str) -> bytes:
    """Return a valid .docx made by python-docx, holding `paragraphs`."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def replace_part(data: bytes, name: str, content: bytes | None) -> bytes:
    """Return the zip `data` with part `name` replaced by `content` (None: removed)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            if item.filename != name:
                target.writestr(item, source.read(item))
        if content is not None:
            target.writestr(name, content)
    return out.getvalue()


def document_xml(body: str, doctype: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
        f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    ).encode()


def billion_laughs_dtd(root: str) -> str:
    entities = "".join(f'<!ENTITY l{n} "{"&l%d;" % (n - 1) * 10}">' for n in range(1, 10))
    return f'<!DOCTYPE {root} [<!ENTITY l0 "lol">{entities}]>'


def scanned_pdf() -> bytes:
    """Return a one-page PDF holding only an image: no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    raw = b"".join(b"\x00" + bytes(range(100, 116)) for _ in range(16))
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
    buffer = io.BytesIO()
    document = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    document.drawImage(ImageReader(io.BytesIO(png)), 40, 40, width=515, height=760)
    document.showPage()
    document.save()
    return buffer.getvalue()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- one test per bad input ------------------------------------------------------------------------


def test_missing_file(tmp_path):
    path = tmp_path / "nowhere.docx"
    assert "no such file" in problem(run_segment(path), path)


def test_unsupported_extension(tmp_path):
    path = write(tmp_path, "contract.rtf", b"{\\rtf1 Clause 1.}")
    assert "unsupported file type '.rtf'" in problem(run_segment(path), path)


def test_docx_that_is_not_a_zip(tmp_path):
    path = write(tmp_path, "plain.docx", b"1. This is plain text saved with a .docx name.\n")
    assert "zip" in problem(run_segment(path), path)


def test_truncated_docx(tmp_path):
    data = docx_bytes("1. Scope", "1.1 The Processor shall process data.")
    path = write(tmp_path, "cut.docx", data[: len(data) // 2])
    assert "damaged" in problem(run_segment(path), path)


def test_zip_without_document_xml(tmp_path):
    data = replace_part(docx_bytes("1. Scope"), "word/document.xml", None)
    path = write(tmp_path, "hollow.docx", data)
    assert "document.xml" in problem(run_segment(path), path)


def test_password_protected_docx(tmp_path):
    # -- Word saves an encrypted .docx inside an OLE compound file, whatever its name says --
    header = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 16 + struct.pack("<HH", 0x3E, 0x03)
    path = write(tmp_path, "locked.docx", header + b"\x00" * 4000)
    assert "password" in problem(run_segment(path), path).lower()


def test_empty_file(tmp_path):
    path = write(tmp_path, "empty.docx", b"")
    assert "empty" in problem(run_segment(path), path)


def test_docx_with_no_text(tmp_path):
    path = write(tmp_path, "blank.docx", docx_bytes())
    assert "no text" in problem(run_segment(path), path)


def test_binary_bytes_in_a_txt(tmp_path):
    path = write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    assert "binary" in problem(run_segment(path), path)


def test_scanned_pdf(tmp_path):
    path = write(tmp_path, "scan.pdf", scanned_pdf())
    from dpa_compare.io.ocr import MISSING_EXTRA, available

    expected = "OCR found no text" if available() else MISSING_EXTRA
    assert expected in problem(run_segment(path), path)


def test_undecodable_text(tmp_path):
    path = write(tmp_path, "mixed.txt", b"1. Scope of the terms \x80\xff\x81\xfe\x80\xff " * 20)
    assert "decode" in problem(run_segment(path), path)


def test_docx_with_external_entity(tmp_path):
    secret = write(tmp_path, "secret.txt", b"TOP SECRET VALUE")
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    body = "<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>"
    path = write(
        tmp_path,
        "xxe.docx",
        replace_part(docx_bytes("x"), "word/document.xml", document_xml(body, doctype)),
    )
    result = run_segment(path)
    assert "TOP SECRET" not in result.stderr + result.stdout
    assert "refus" in problem(result, path)


def test_docx_billion_laughs(tmp_path):
    body = "<w:p><w:r><w:t>&l9;</w:t></w:r></w:p>"
    data = replace_part(
        docx_bytes("x"), "word/document.xml", document_xml(body, billion_laughs_dtd("w:document"))
    )
    path = write(tmp_path, "laughs.docx", data)
    assert "refus" in problem(run_segment(path), path)


def test_html_billion_laughs(tmp_path):
    page = f"{billion_laughs_dtd('html')}<html><body><p>1. Scope &l9;</p></body></html>"
    path = write(tmp_path, "laughs.html", page.encode())
    assert "refus" in problem(run_segment(path), path)


def test_zip_bomb_docx(tmp_path):
    # -- 64 MB of one repeated paragraph compresses to well under 1 MB --
    paragraph = "<w:p><w:r><w:t>1. Clause text.</w:t></w:r></w:p>"
    body = paragraph * (64 * 1024 * 1024 // len(paragraph))
    data = replace_part(docx_bytes("x"), "word/document.xml", document_xml(body))
    assert len(data) < 1024 * 1024
    path = write(tmp_path, "bomb.docx", data)
    assert "zip bomb" in problem(run_segment(path), path)


def test_directory_instead_of_file(tmp_path):
    path = tmp_path / "folder.docx"
    path.mkdir()
    assert "directory" in problem(run_segment(path), path)


def test_usage_errors_are_one_line_with_exit_2():
    result = subprocess.run(
        [sys.executable, "-m", "dpa_compare", "segment"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        cwd=REPO,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "dpa-compare segment: usage error: Missing argument 'FILE'. (see 'dpa-compare segment --help')"
    ]
