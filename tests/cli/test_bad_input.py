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

import pytest

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
    entities = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
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
        "dpa-compare segment: usage error: Missing argument 'FILE'. (see 'dpa-compare segment "
        "--help')"
    ]


# -- hostile and faulty input (issue #10): every class through the real command line -------------

CLAUSES_EN = (
    "# Agreement\n\n1. The processor shall act on instructions.\n\n2. The term is one year.\n"
)
CLAUSES_ZH = "# 协议\n\n1. 处理者应当按照指示行事。\n\n2. 期限为一年。\n"


def run_cli(
    args: list[str],
    named: str | Path | None,
    inputs: list[Path] = (),  # type: ignore[assignment]
    env: dict[str, str] | None = None,
    expect: int = 2,
    **options: object,
) -> subprocess.CompletedProcess[str]:
    """Run `dpa-compare ARGS`; check the exit code, one stderr line naming `named`, inputs
    unchanged."""
    import os

    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in inputs}
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "dpa_compare", *args],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=TIMEOUT,
        cwd=options.get("cwd", REPO),
        env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
        preexec_fn=options.get("preexec_fn"),  # type: ignore[arg-type]
    )
    assert time.monotonic() - started < TIMEOUT
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == expect, (result.returncode, result.stderr)
    if expect == 2:
        lines = result.stderr.splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith(f"dpa-compare: error: {named}: "), lines[0]
    for path, digest in before.items():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, f"{path} was modified"
    return result


def two_documents(tmp_path: Path) -> tuple[Path, Path]:
    en = write(tmp_path, "en.md", CLAUSES_EN.encode())
    zh = write(tmp_path, "zh.md", CLAUSES_ZH.encode())
    return en, zh


# -- outputs -----------------------------------------------------------------------------------


def test_output_that_is_an_input_is_refused_for_every_command(tmp_path):
    en, zh = two_documents(tmp_path)
    old = write(tmp_path, "old.md", CLAUSES_EN.replace("one year", "two years").encode())
    commands = [
        ["segment", str(en), "-o", str(en)],
        ["diff", str(old), str(en), "-o", str(en)],
        ["align", str(en), str(zh), "-o", str(zh)],
        ["check", str(en), str(zh), "-o", str(zh)],
        ["stale", str(old), str(en), str(zh), "-o", str(old)],
        ["report", "--en", str(en), "--zh", str(zh), f"--output={en}"],
    ]
    for args in commands:
        named = args[-1].removeprefix("--output=")
        result = run_cli(args, named, [en, zh, old])
        assert "is one of the inputs" in result.stderr


def test_output_reaching_an_input_through_a_symlink_or_hard_link_is_refused(tmp_path):
    en, zh = two_documents(tmp_path)
    soft = tmp_path / "soft.md"
    soft.symlink_to(en)
    hard = tmp_path / "hard.md"
    hard.hardlink_to(zh)
    run_cli(["segment", str(en), "-o", str(soft)], soft, [en])
    run_cli(["diff", str(en), str(zh), "-o", str(hard)], hard, [en, zh])


def test_output_symlink_is_written_through_to_its_target(tmp_path):
    en, _zh = two_documents(tmp_path)
    target = tmp_path / "target.txt"
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    run_cli(["segment", str(en), "-o", str(link)], None, [en], expect=0)
    assert link.is_symlink()
    assert "processor" in target.read_text(encoding="utf-8")


def test_stale_temporary_files_of_a_killed_run_are_removed(tmp_path):
    en, _zh = two_documents(tmp_path)
    stale = write(tmp_path, ".out.txt.dpa-4194999-0123abcd.tmp", b"half a report")
    foreign = write(tmp_path, ".out.txt.someone-else.tmp", b"not ours")
    run_cli(["segment", str(en), "-o", str(tmp_path / "out.txt")], None, [en], expect=0)
    assert not stale.exists()
    assert foreign.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == [foreign.name]


def test_empty_output_name_is_refused(tmp_path):
    en, _zh = two_documents(tmp_path)
    result = run_cli(["segment", str(en), "-o", ""], "''", [en])
    assert "empty" in result.stderr


def test_output_whose_parent_is_a_file_is_refused(tmp_path):
    en, _zh = two_documents(tmp_path)
    run_cli(["segment", str(en), "-o", str(en / "out.txt")], en / "out.txt", [en])


def test_output_over_the_file_size_limit_is_refused_and_leaves_no_temporary_file(tmp_path):
    import resource

    en, _zh = two_documents(tmp_path)
    out = tmp_path / "big.json"

    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (512, 512))

    result = run_cli(
        ["segment", str(en), "--format", "json", "-o", str(out)],
        out,
        [en],
        preexec_fn=limit_file_size,
    )
    assert "too large" in result.stderr.lower()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_output_with_a_250_byte_name_is_written(tmp_path):
    en, _zh = two_documents(tmp_path)
    out = tmp_path / ("o" * 246 + ".txt")
    run_cli(["segment", str(en), "-o", str(out)], None, [en], expect=0)
    assert out.is_file()


def test_input_names_that_are_not_utf8(tmp_path):
    import os

    en, zh = two_documents(tmp_path)
    odd = os.fsdecode(bytes(tmp_path) + b"/\xff\xfeclauses.md")
    Path(odd).write_bytes(CLAUSES_EN.encode())
    run_cli(["diff", odd, str(en), "--format", "json", "-o", str(tmp_path / "d.json")], None,
            expect=0)  # fmt: skip
    assert "\\xff" in (tmp_path / "d.json").read_text(encoding="utf-8")
    run_cli(["history", "add", "--db", str(tmp_path / "h.db"), "acme", odd, "--version", "1"],
            None, expect=0)  # fmt: skip
    run_cli(["report", "--en", odd, "--zh", str(zh), "-o", str(tmp_path / "r.docx")], None,
            expect=0)  # fmt: skip


# -- inputs ------------------------------------------------------------------------------------


def test_fifo_and_device_inputs_are_refused_before_reading(tmp_path):
    import os

    en, zh = two_documents(tmp_path)
    fifo = tmp_path / "notes.yaml"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.docx"
    zero.symlink_to("/dev/zero")
    for args, named in (
        (["segment", str(zero)], zero),
        (["import-review", str(zero)], zero),
        (["import-review", str(fifo)], fifo),
        (["check", str(en), str(zh), "--notes", str(fifo)], fifo),
        (["check", str(en), str(zh), "--glossary", str(fifo)], fifo),
    ):
        result = run_cli(args, named, [en, zh])
        assert "not a regular file" in result.stderr


def test_size_limit_names_its_variable_and_the_variable_raises_it(tmp_path):
    en, _zh = two_documents(tmp_path)
    small = {"DPA_COMPARE_MAX_DOCUMENT_MB": "0.00001"}
    result = run_cli(["segment", str(en)], en, [en], env=small)
    assert "DPA_COMPARE_MAX_DOCUMENT_MB" in result.stderr
    run_cli(["segment", str(en)], None, [en], env={"DPA_COMPARE_MAX_DOCUMENT_MB": "1"}, expect=0)


def test_yaml_alias_bomb_is_refused_as_notes_and_glossary(tmp_path):
    en, zh = two_documents(tmp_path)
    rows = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    rows += [
        f"{chr(98 + k)}: &{chr(98 + k)} [{', '.join(['*' + chr(97 + k)] * 9)}]" for k in range(8)
    ]
    bomb = write(tmp_path, "bomb.yaml", "\n".join(rows).encode())
    for option in ("--notes", "--glossary"):
        result = run_cli(["check", str(en), str(zh), option, str(bomb)], bomb, [en, zh, bomb])
        assert "aliases" in result.stderr


# -- malformed Word documents --------------------------------------------------------------------


def test_docx_with_the_wrong_root_element(tmp_path):
    xml = f'<w:foo xmlns:w="{W}"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:foo>'
    path = write(
        tmp_path, "root.docx", replace_part(docx_bytes("x"), "word/document.xml", xml.encode())
    )
    assert "<foo>" in problem(run_segment(path), path)


def test_docx_without_a_body(tmp_path):
    xml = f'<w:document xmlns:w="{W}"></w:document>'
    path = write(
        tmp_path, "nobody.docx", replace_part(docx_bytes("x"), "word/document.xml", xml.encode())
    )
    assert "no <w:body>" in problem(run_segment(path), path)


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_docx_with_a_duplicate_document_entry(tmp_path):
    data = docx_bytes("1. First")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr(
            "word/document.xml", document_xml("<w:p><w:r><w:t>2. Other</w:t></w:r></w:p>")
        )
    path = write(tmp_path, "twice.docx", out.getvalue())
    assert "more than once" in problem(run_segment(path), path)


def test_docx_with_an_external_styles_relationship(tmp_path):
    data = docx_bytes("1. First")
    rels = zipfile.ZipFile(io.BytesIO(data)).read("word/_rels/document.xml.rels")
    external = rels.replace(
        b'Target="styles.xml"', b'Target="http://example.invalid/s.xml" TargetMode="External"'
    )
    assert external != rels
    path = write(tmp_path, "ext.docx", replace_part(data, "word/_rels/document.xml.rels", external))
    assert "outside the file" in problem(run_segment(path), path)


def test_dtd_in_wide_encodings_with_and_without_bom_is_refused(tmp_path):
    doctype = '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
    body = (
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body>'
        "</w:document>"
    )
    for encoding, declared in (
        ("utf-32-be", "UTF-32"), ("utf-32-le", "UTF-32"), ("utf-32", "UTF-32"),
        ("utf-16-be", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-16", "UTF-16"),
    ):  # fmt: skip
        xml = f'<?xml version="1.0" encoding="{declared}"?>{doctype}{body}'.encode(encoding)
        path = write(
            tmp_path, f"{encoding}.docx", replace_part(docx_bytes("x"), "word/document.xml", xml)
        )
        assert "DTD" in problem(run_segment(path), path), encoding


def test_huge_level_text_is_bounded(tmp_path):
    data = docx_bytes("x")
    numbering = (
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
        f'<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="{"%1." * 100_000}"/>'
        '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId '
        'w:val="0"/></w:num></w:numbering>'
    )
    paragraph = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>'
        "Clause text.</w:t></w:r></w:p>"
    )
    data = replace_part(data, "word/document.xml", document_xml(paragraph * 2000))
    data = replace_part(data, "word/numbering.xml", numbering.encode())
    rels = zipfile.ZipFile(io.BytesIO(data)).read("word/_rels/document.xml.rels")
    if b"numbering.xml" not in rels:
        rel = (
            b'<Relationship Id="rIdNum" Target="numbering.xml" '
            b'Type="http://schemas.openxmlformats.org'
            b'/officeDocument/2006/relationships/numbering"/>'
        )
        data = replace_part(
            data,
            "word/_rels/document.xml.rels",
            rels.replace(b"</Relationships>", rel + b"</Relationships>"),
        )
    path = write(tmp_path, "levels.docx", data)
    result = run_cli(["segment", str(path)], None, [path], expect=0)
    assert len(result.stdout) < 2_000_000


def test_import_review_of_wrong_shape_review_data(tmp_path):
    import json
    import re

    en, zh = two_documents(tmp_path)
    report = tmp_path / "review.docx"
    run_cli(["report", "--en", str(en), "--zh", str(zh), "-o", str(report)], None, expect=0)
    from dpa_compare.report.build_front import REVIEW_VARIABLE

    wrong = json.dumps({"format": 1, "zh": {"source": "zh.md"}, "clauses": "oops", "rows": []})
    with zipfile.ZipFile(report) as package:
        parts = {item.filename: package.read(item) for item in package.infolist()}
    from dpa_compare.report.build_front import REVIEW_FORMAT

    wrong = wrong.replace('"format": 1', f'"format": {json.dumps(REVIEW_FORMAT)}')
    escaped = wrong.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").encode()
    changed = 0
    for name, blob in parts.items():
        if name.endswith(".xml") and REVIEW_VARIABLE.encode() in blob:
            pattern = re.escape(REVIEW_VARIABLE.encode()) + rb'("\s+w:val="|"[^>]*?>)[^"<]*'
            blob, count = re.subn(
                pattern, lambda m: REVIEW_VARIABLE.encode() + m.group(1) + escaped, blob
            )
            parts[name] = blob
            changed += count
    assert changed, "the review data was not found in the report"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, blob in parts.items():
            target.writestr(name, blob)
    damaged = write(tmp_path, "reviewed.docx", out.getvalue())
    result = run_cli(
        ["import-review", str(damaged), "-o", str(tmp_path / "out")], damaged, [damaged]
    )
    assert "wrong shape" in result.stderr or "damaged" in result.stderr


# -- PDFs --------------------------------------------------------------------------------------


def raw_pdf(objects: list[bytes]) -> bytes:
    """Return a PDF of `objects` (numbered from 1, object 1 the catalog) with a correct xref
    table."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )


def pdf_stream(data: bytes, compress: bool = False) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        return (
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
        )
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


PDF_TEXT = b"BT /F1 12 Tf 72 700 Td (1. The processor shall act.) Tj ET"
PDF_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
PDF_PAGE = (
    b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Contents 4 0 R /Resources << /Font << /F1 5 0 R >>"
    b" >> >>"
)


def test_pdf_with_a_mediabox_reference_loop_ends(tmp_path):
    data = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            PDF_PAGE % b"6 0 R",
            pdf_stream(PDF_TEXT),
            PDF_FONT,
            b"6 0 R",
        ]
    )
    path = write(tmp_path, "loop.pdf", data)
    result = run_cli(
        ["segment", str(path)], path, [path], env={"DPA_COMPARE_PDF_PAGE_SECONDS": "2"}
    )
    assert "DPA_COMPARE_PDF_PAGE_SECONDS" in result.stderr


def test_pdf_with_a_gigabyte_content_stream_is_refused(tmp_path):
    big = zlib.compressobj(9)
    data = (
        big.compress(PDF_TEXT)
        + b"".join(big.compress(b" " * 2**20) for _ in range(1024))
        + big.flush()
    )
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    pdf = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            PDF_PAGE % b"[0 0 612 792]",
            stream,
            PDF_FONT,
        ]
    )
    path = write(tmp_path, "inflate.pdf", pdf)
    result = run_cli(["segment", str(path)], path, [path])
    assert "DPA_COMPARE_MAX_PDF_STREAM_MB" in result.stderr


def test_pdf_with_too_many_pages_is_refused(tmp_path):
    count = 3000
    kids = b" ".join(b"%d 0 R" % (4 + k) for k in range(count))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>"
    pdf = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
            pdf_stream(PDF_TEXT),
        ]
        + [page] * count
    )
    path = write(tmp_path, "pages.pdf", pdf)
    result = run_cli(["segment", str(path)], path, [path])
    assert "DPA_COMPARE_MAX_PDF_PAGES" in result.stderr


# -- small inputs that used to hang --------------------------------------------------------------


def test_markdown_line_of_backticks(tmp_path):
    path = write(tmp_path, "ticks.md", b"# T\n\n1. Clause " + b"`" * 8000 + b"\n")
    run_cli(["segment", str(path)], None, [path], expect=0)


def test_html_with_many_unclosed_paragraphs(tmp_path):
    page = (
        "<html><body>"
        + "".join(f"<p>Text of paragraph {k}" for k in range(20_000))
        + "</body></html>"
    )
    path = write(tmp_path, "open.html", page.encode())
    run_cli(["segment", str(path)], None, [path], expect=0)


def test_check_on_one_200_kb_clause_is_bounded(tmp_path):
    import resource

    words = (
        "the processor shall notify the controller within 72 hours under Article 33 at EUR 10,000"
    ).split()
    long_en = " ".join(words[k % len(words)] for k in range(33_000)) + "."
    long_zh = "处理者应在知悉个人数据泄露后七十二小时内通知控制者。" * 8000
    en = write(tmp_path, "en.md", f"# A\n\n1. Short clause.\n\n2. {long_en}\n".encode())
    zh = write(tmp_path, "zh.md", f"# 协\n\n1. 短条款。\n\n2. {long_zh}\n".encode())
    run_cli(["check", str(en), str(zh), "--fail-on", "none"], None, [en, zh], expect=0)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert peak_kb < 1.5 * 1024 * 1024, peak_kb


# -- the history store -------------------------------------------------------------------------


def test_history_readers_never_write_and_never_wait_behind_a_writer(tmp_path):
    import os

    en, _zh = two_documents(tmp_path)
    many = write(
        tmp_path,
        "many.md",
        ("# T\n\n" + "".join(f"{k}. Clause {k} text.\n\n" for k in range(1, 80))).encode(),
    )
    db = tmp_path / "h.db"
    run_cli(["history", "add", "--db", str(db), "acme", str(en), "--version", "1"], None, expect=0)
    before = db.read_bytes()
    run_cli(["history", "list", "--db", str(db), "acme"], None, expect=0)
    # -- SQLite may leave its empty -wal/-shm sidecars beside a WAL database; the database is
    #    untouched --
    assert db.read_bytes() == before
    assert not (tmp_path / "h.db-wal").exists() or (tmp_path / "h.db-wal").stat().st_size == 0
    slow = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dpa_compare",
            "history",
            "add",
            "--db",
            str(db),
            "acme",
            str(many),
            "--version",
            "2",
        ],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO), "DPA_COMPARE_TEST_SLOW_WRITE": "0.1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(3)
        started = time.monotonic()
        listed = run_cli(["history", "list", "--db", str(db), "acme"], None, expect=0)
        assert time.monotonic() - started < 5
        assert "en.md" in listed.stdout
    finally:
        slow.wait(timeout=60)
    assert slow.returncode == 0
