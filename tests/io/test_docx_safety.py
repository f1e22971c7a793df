"""The .docx reader refuses broken and hostile files with one clear line, fast, without touching
them."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from _docx_build import document_xml, make_docx, p, set_declared_size

from dpa_compare.errors import LoadError
from dpa_compare.io import read
from dpa_compare.io.zipsafe import MAX_ENTRIES, OLE_MAGIC

HANG_GUARD = 15.0
"""Seconds after which a refusal counts as a hang (expansion or decompression would take minutes,
not this)."""


def _refuse(tmp_path: Path, data: bytes, *fragments: str, name: str = "bad.docx") -> LoadError:
    """Write `data`, read it, and return the LoadError; check message, no hang, and that the file
    is untouched."""
    file = tmp_path / name
    file.write_bytes(data)
    started = time.monotonic()
    with pytest.raises(LoadError) as caught:
        read(file)
    assert time.monotonic() - started < HANG_GUARD
    message = str(caught.value)
    assert message.startswith(str(file)) and "\n" not in message
    for fragment in fragments:
        assert fragment in message
    assert file.read_bytes() == data
    return caught.value


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in entries.items():
            archive.writestr(name, blob)
    return buffer.getvalue()


def test_not_a_zip(tmp_path: Path) -> None:
    _refuse(tmp_path, b"Just some text saved with the wrong suffix.\n", "not a zip archive")


def test_ole_container_is_encrypted_or_legacy_doc(tmp_path: Path) -> None:
    _refuse(tmp_path, OLE_MAGIC + bytes(4096), "password-protected", "legacy .doc")


def test_truncated_zip(tmp_path: Path) -> None:
    data = make_docx(p("some text " * 200))
    _refuse(tmp_path, data[: len(data) // 2], "damaged or truncated")


def test_corrupt_entry_data(tmp_path: Path) -> None:
    data = bytearray(make_docx(p("some text " * 200)))
    start = data.find(b"word/document.xml") + len("word/document.xml") + 10
    data[start : start + 40] = bytes(40)
    _refuse(tmp_path, bytes(data), "damaged")


def test_zip_without_word_document(tmp_path: Path) -> None:
    _refuse(tmp_path, _zip({"hello.txt": b"hi"}), "word/document.xml", "not a Word document")


def test_declared_total_size_refused_before_decompressing(tmp_path: Path) -> None:
    # -- 600 MB claimed at a modest 2:1 ratio: only the total is wrong; decompressing would fail --
    data = set_declared_size(
        make_docx(p("tiny")), "word/document.xml", 600 * 1024 * 1024, compressed=300 * 1024 * 1024
    )
    _refuse(tmp_path, data, "would decompress to 629,14", "limit 536,870,912", "zip bomb")


def test_declared_huge_ratio_refused_before_decompressing(tmp_path: Path) -> None:
    data = set_declared_size(make_docx(p("tiny")), "word/document.xml", 600 * 1024 * 1024)
    _refuse(tmp_path, data, "would expand", "zip bomb")


def test_high_ratio_entry_refused_before_decompressing(tmp_path: Path) -> None:
    # -- 32 MB of spaces deflates to about 32 KB: a 1000:1 ratio --
    bomb = document_xml(p("x")).replace("<w:body>", "<w:body>" + " " * (32 * 1024 * 1024))
    data = make_docx("", document=bomb)
    assert len(data) < 200_000
    _refuse(tmp_path, data, "expand", "zip bomb")


def test_under_declared_entry_is_not_trusted(tmp_path: Path) -> None:
    # -- header claims 1 KB; the stream holds 3 MB: zipfile stops at the claim and the CRC fails --
    data = make_docx(p("word " * 600_000))
    _refuse(tmp_path, set_declared_size(data, "word/document.xml", 1024), "damaged")


def test_too_many_entries(tmp_path: Path) -> None:
    entries = {f"word/media/x{i}.bin": b"" for i in range(MAX_ENTRIES + 1)}
    _refuse(tmp_path, _zip(entries), "zip entries", "zip bomb")


def test_external_entity_is_refused_and_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    doc = document_xml(p("&xxe;")).replace(
        "<w:document",
        f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>\n<w:document',
    )
    error = _refuse(tmp_path, make_docx("", document=doc), "contains a DTD")
    assert "TOP-SECRET" not in str(error)


def test_dtd_in_another_part_is_refused(tmp_path: Path) -> None:
    data = make_docx(p("text"), styles="")
    styles = b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]><w:styles xmlns:w="urn:x"/>'
    patched = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(patched, "w") as target:
        for info in source.infolist():
            target.writestr(
                info.filename, styles if info.filename == "word/styles.xml" else source.read(info)
            )
    _refuse(tmp_path, patched.getvalue(), "word/styles.xml", "DTD")


def test_utf16_dtd_is_found(tmp_path: Path) -> None:
    doc = document_xml(p("x")).replace('encoding="UTF-8"', 'encoding="UTF-16"')
    doc = doc.replace("<w:document", '<!DOCTYPE d [<!ENTITY a "b">]><w:document')
    files = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(make_docx(p("x")))) as source,
        zipfile.ZipFile(files, "w") as target,
    ):
        for info in source.infolist():
            blob = (
                doc.encode("utf-16") if info.filename == "word/document.xml" else source.read(info)
            )
            target.writestr(info.filename, blob)
    _refuse(tmp_path, files.getvalue(), "DTD")


def test_billion_laughs_neither_expands_nor_hangs(tmp_path: Path) -> None:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    doc = document_xml(p("&lol9;")).replace(
        "<w:document", "<!DOCTYPE w:document [" + "".join(entities) + "]>\n<w:document"
    )
    _refuse(tmp_path, make_docx("", document=doc), "DTD")


def test_empty_document_has_no_text(tmp_path: Path) -> None:
    _refuse(tmp_path, make_docx(p("") + p("   ")), "contains no text")


def test_not_a_word_main_part(tmp_path: Path) -> None:
    data = make_docx(p("text"))
    patched = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(patched, "w") as target:
        for info in source.infolist():
            blob = source.read(info)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(
                    b"wordprocessingml.document.main+xml", b"spreadsheetml.sheet.main+xml"
                )
            target.writestr(info.filename, blob)
    _refuse(tmp_path, patched.getvalue(), "not a Word document")


def test_malformed_xml(tmp_path: Path) -> None:
    _refuse(
        tmp_path,
        make_docx("", document=document_xml(p("x")).replace("</w:body>", "")),
        "not well-formed XML",
    )
