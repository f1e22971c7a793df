"""Build small .docx packages from raw WordprocessingML, for reader tests.

Every fixture is written here, in the test, so each one shows exactly the
XML it exercises; nothing is typed as a number that Word would generate.
"""

from __future__ import annotations

import io
import struct
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_CONTENT_TYPES = (
    _DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/numbering.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>"
)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _rels(items: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in items
    )
    return (
        _DECL
        + f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'
    )


def document_xml(body: str) -> str:
    """Return a document.xml whose body is `body`."""
    return (
        _DECL + f'<w:document xmlns:w="{W_NS}" xmlns:r="{_REL}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f"<w:body>{body}<w:sectPr/></w:body></w:document>"
    )


def make_docx(
    body: str,
    *,
    numbering: str | None = None,
    styles: str | None = None,
    title: str | None = None,
    document: str | None = None,
) -> bytes:
    """Return the bytes of a minimal .docx with `body` (w:p / w:tbl XML) and optional parts.

    `numbering` and `styles` are the inner XML of w:numbering / w:styles;
    `title` adds docProps/core.xml with that dc:title; `document` replaces the
    whole document.xml text.
    """
    package_rels = [("rId1", f"{_REL}/officeDocument", "word/document.xml")]
    doc_rels = []
    files = {"word/document.xml": document if document is not None else document_xml(body)}
    if numbering is not None:
        files["word/numbering.xml"] = (
            _DECL + f'<w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>'
        )
        doc_rels.append(("rId1", f"{_REL}/numbering", "numbering.xml"))
    if styles is not None:
        files["word/styles.xml"] = _DECL + f'<w:styles xmlns:w="{W_NS}">{styles}</w:styles>'
        doc_rels.append(("rId2", f"{_REL}/styles", "styles.xml"))
    if title is not None:
        files["docProps/core.xml"] = (
            _DECL + "<cp:coreProperties "
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title></cp:coreProperties>'
        )
        package_rels.append(
            (
                "rId2",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml",
            )
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _rels(package_rels))
        archive.writestr("word/_rels/document.xml.rels", _rels(doc_rels))
        for name, text in files.items():
            archive.writestr(name, text.encode("utf-8"))
    return buffer.getvalue()


def p(
    text: str = "",
    *,
    num: tuple[int, int] | None = None,
    style: str | None = None,
    inner: str | None = None,
) -> str:
    """Return a w:p with plain `text` (or raw run XML `inner`), optional (numId, ilvl) and style
    id."""
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    runs = (
        inner
        if inner is not None
        else (f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else "")
    )
    return f"<w:p>{ppr}{runs}</w:p>"


def lvl(ilvl: int, fmt: str, text: str, *, start: int = 1, extra: str = "") -> str:
    """Return a w:lvl definition."""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


def set_declared_size(data: bytes, name: str, size: int, *, compressed: int | None = None) -> bytes:
    """Return zip `data` with the uncompressed (and optionally compressed) size of entry `name`
    rewritten.

    Both the local header and the central directory are patched, so the
    archive still opens; only the declared sizes lie.
    """
    out = bytearray(data)
    encoded = name.encode()
    for signature, size_offset, name_offset in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = 0
        while (start := out.find(signature, start)) != -1:
            name_length = struct.unpack_from(
                "<H", out, start + (26 if signature == b"PK\x03\x04" else 28)
            )[0]
            if bytes(out[start + name_offset : start + name_offset + name_length]) == encoded:
                struct.pack_into("<I", out, start + size_offset, size)
                if compressed is not None:
                    struct.pack_into("<I", out, start + size_offset - 4, compressed)
            start += 4
    return bytes(out)
