"""Safety checks on an Office (zip) package before any XML parser sees it.

A `.docx` is a zip archive of XML parts. Three kinds of hostile or broken
input have to be refused here, each with one clear line naming the file:

* things that are not a `.docx` at all: not a zip, a legacy `.doc` or an
  encrypted `.docx` (both are OLE/CFB containers), a truncated or damaged zip;
* zip bombs: refused from the sizes declared in the central directory before
  anything is decompressed, and the limits are enforced again while reading,
  in case the declared sizes lie;
* XML attacks (external entities, "billion laughs" entity expansion): Word
  never writes a DTD, so any part that declares one is refused outright, and
  every part is parsed with a parser that neither loads DTDs nor resolves
  entities nor touches the network.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from dpa_compare.errors import LoadError

if TYPE_CHECKING:
    from lxml import etree

MAX_TOTAL_UNCOMPRESSED = 512 * 1024 * 1024
"""Largest sum of uncompressed part sizes accepted, in bytes."""

MAX_ENTRIES = 10_000
"""Most zip entries accepted (a large real contract has a few dozen)."""

MAX_RATIO = 100
"""Largest uncompressed:compressed ratio accepted for a big entry."""

RATIO_MIN_SIZE = 5 * 1024 * 1024
"""Entries smaller than this (bytes, uncompressed) are exempt from `MAX_RATIO`;
small XML parts legitimately compress very well."""

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
"""Signature of an OLE/CFB container: a legacy .doc, or an encrypted .docx."""

_CHUNK = 1024 * 1024
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_XML_SUFFIXES = (".xml", ".rels", ".vml")


def check_package(data: bytes, path: Path) -> dict[str, bytes]:
    """Return the XML parts (name → bytes) of the Office package `data`, once checked.

    Raises `LoadError` naming `path` when `data` is not a zip, is an OLE
    container, is damaged, would decompress to an unreasonable size, or holds
    an XML part that declares a DTD. Nothing is decompressed before the
    declared sizes have been checked.
    """
    if data.startswith(OLE_MAGIC):
        raise LoadError(
            path,
            "is password-protected (encrypted) or a legacy .doc; save it as an unprotected .docx",
        )
    if not data.startswith(b"PK"):
        raise LoadError(path, "is not a Word .docx file (not a zip archive)")
    archive = _open_zip(data, path)
    infos = archive.infolist()
    _check_declared_sizes(infos, path)
    parts: dict[str, bytes] = {}
    budget = MAX_TOTAL_UNCOMPRESSED
    for info in infos:
        if info.is_dir():
            continue
        is_xml = info.filename.lower().endswith(_XML_SUFFIXES)
        blob, size = _read_entry(archive, info, path, budget, keep=is_xml)
        budget -= size
        if is_xml:
            _refuse_dtd(blob, info.filename, path)
            parts[info.filename] = blob
    return parts


def _open_zip(data: bytes, path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise LoadError(
            path, "is damaged or truncated (its zip directory is missing or broken)"
        ) from None
    except (ValueError, OSError, EOFError, NotImplementedError) as error:
        raise LoadError(path, f"is damaged or truncated ({error})") from None


def _check_declared_sizes(infos: list[zipfile.ZipInfo], path: Path) -> None:
    if len(infos) > MAX_ENTRIES:
        raise LoadError(
            path,
            f"has {len(infos):,} zip entries (limit {MAX_ENTRIES:,}); refusing a possible zip bomb",
        )
    names = [info.filename.casefold() for info in infos]
    if len(set(names)) != len(names):
        twice = sorted(
            {info.filename for info in infos if names.count(info.filename.casefold()) > 1}
        )
        raise LoadError(
            path,
            f"is damaged: the zip holds {twice[0]} more than once (readers disagree on which to "
            f"use)",
        )
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise LoadError(
                path, "is password-protected (encrypted); save it as an unprotected .docx"
            )
        total += info.file_size
        if info.file_size > RATIO_MIN_SIZE and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            ratio = info.file_size // max(info.compress_size, 1)
            raise LoadError(
                path,
                f"part {info.filename} would expand {ratio:,} times to {info.file_size:,} bytes; "
                f"refusing a possible zip bomb",
            )
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise LoadError(
            path,
            f"would decompress to {total:,} bytes (limit {MAX_TOTAL_UNCOMPRESSED:,}); refusing a "
            f"possible zip bomb",
        )


def _read_entry(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, budget: int, *, keep: bool
) -> tuple[bytes, int]:
    """Return the bytes of `info` (b"" unless `keep`) and its size, read in chunks and stopped at
    any limit."""
    # -- zipfile already stops at the declared size and checks the CRC; the
    #    running limit guards against headers that under-declare --
    limit = min(budget, max(info.file_size, 0))
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as entry:
            while chunk := entry.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise LoadError(
                        path,
                        f"part {info.filename} decompresses beyond its declared size; refusing it",
                    )
                if keep:
                    chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
        raise LoadError(path, f"is damaged or truncated (part {info.filename}: {error})") from None
    except NotImplementedError as error:
        raise LoadError(path, f"uses an unsupported zip compression ({error})") from None
    except RuntimeError as error:  # -- zipfile's "encrypted, password required" --
        raise LoadError(path, f"is password-protected (encrypted) ({error})") from None
    return b"".join(chunks), size


def _refuse_dtd(blob: bytes, name: str, path: Path) -> None:
    text = _as_utf8(blob, name, path)
    if _DOCTYPE.search(text):
        raise LoadError(
            path, f"part {name} contains a DTD, which Word documents never need; refusing it"
        )


_ENCODINGS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\x00<", "utf-16-be"),
    (b"<\x00", "utf-16-le"),
)
"""How an XML part starts (byte-order mark, or `<` in a wide encoding) → the encoding it is in."""


def _as_utf8(blob: bytes, name: str, path: Path) -> bytes:
    """Return `blob` re-encoded as UTF-8 when it is UTF-16/32 (with or without BOM), so one pattern
    finds a DTD.

    A part in any other encoding (other byte orders, EBCDIC …) is refused:
    Word writes UTF-8 or UTF-16, and a pattern search cannot vouch for the rest.
    """
    for start, encoding in _ENCODINGS:
        if blob.startswith(start):
            return blob.decode(encoding, errors="replace").encode("utf-8")
    head = blob[:4].lstrip(b" \t\r\n")
    if blob.startswith(b"\xef\xbb\xbf") or head.startswith(b"<") or not blob.strip():
        return blob
    raise LoadError(path, f"part {name} is not XML in UTF-8 or UTF-16; refusing it")


def safe_parser() -> etree.XMLParser:
    """Return an lxml parser that loads no DTD, resolves no entity and never uses the network."""
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
    )


def parse_xml(blob: bytes, name: str, path: Path) -> etree._Element:
    """Return the root element of XML part `name` (bytes `blob`) of the file at `path`.

    Raises `LoadError` when the part is not well-formed.
    """
    from lxml import etree

    try:
        return etree.fromstring(blob, parser=safe_parser())
    except etree.XMLSyntaxError as error:
        raise LoadError(
            path, f"is damaged: part {name} is not well-formed XML ({error.msg})"
        ) from None


__all__ = [
    "MAX_ENTRIES",
    "MAX_RATIO",
    "MAX_TOTAL_UNCOMPRESSED",
    "OLE_MAGIC",
    "RATIO_MIN_SIZE",
    "check_package",
    "parse_xml",
    "safe_parser",
]
