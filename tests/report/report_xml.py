"""XML helpers for the report tests: open a written .docx and walk its main table."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

from dpa_compare.report.docx_writer import MAIN_TABLE_CAPTION

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def parts(source: Path | bytes) -> dict[str, bytes]:
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def xml(source: Path | bytes, name: str = "word/document.xml") -> Any:
    return etree.fromstring(parts(source)[name])


def main_table(root: Any) -> Any:
    for tbl in root.iter(w("tbl")):
        caption = tbl.find(f"{w('tblPr')}/{w('tblCaption')}")
        if caption is not None and caption.get(w("val")) == MAIN_TABLE_CAPTION:
            return tbl
    raise AssertionError("no main table")


def data_rows(tbl: Any) -> list[Any]:
    return [tr for tr in tbl.findall(w("tr")) if tr.find(f"{w('trPr')}/{w('tblHeader')}") is None]


def range_text(p: Any, comment_id: str) -> str:
    """Return the text between the comment's range start and end markers in paragraph `p`."""
    inside, pieces = False, []
    for node in p.iter(w("commentRangeStart"), w("commentRangeEnd"), w("t"), w("delText")):
        if node.tag == w("commentRangeStart") and node.get(w("id")) == comment_id:
            inside = True
        elif node.tag == w("commentRangeEnd") and node.get(w("id")) == comment_id:
            inside = False
        elif inside and node.tag in (w("t"), w("delText")):
            pieces.append(node.text or "")
    return "".join(pieces)


def rezip(original: bytes, replacements: dict[str, bytes]) -> bytes:
    """Return `original` (a zip) with the parts in `replacements` replaced."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(original)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info, replacements.get(info.filename, source.read(info)))
    return out.getvalue()


def serialise(root: Any) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
