"""Readers: turn an input file into `Block`s, one per paragraph or table cell.

Readers are chosen by file suffix from a lazy registry (importing pdfplumber
or python-docx is slow, and a Markdown user should not pay for it). Each
reader module exposes `read(data: bytes, path: Path) -> Source`; this module
does what all of them share: the file checks, the size limit, the hash, and
the "no text at all" check. Inputs are only ever read, never written.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from dataclasses import dataclass, replace
from pathlib import Path

from dpa_compare.errors import LoadError
from dpa_compare.files import INPUT_LIMITS_MB, check_input, display_path, read_input
from dpa_compare.model import Block

MAX_INPUT_BYTES = INPUT_LIMITS_MB["document"] * 1024 * 1024
"""Default largest input document, in bytes (`DPA_COMPARE_MAX_DOCUMENT_MB` changes it)."""

READERS: dict[str, str] = {
    ".docx": "dpa_compare.io.docx",
    ".md": "dpa_compare.io.text",
    ".markdown": "dpa_compare.io.text",
    ".txt": "dpa_compare.io.text",
    ".html": "dpa_compare.io.html",
    ".htm": "dpa_compare.io.html",
    ".pdf": "dpa_compare.io.pdf",
    ".png": "dpa_compare.io.image",
    ".jpg": "dpa_compare.io.image",
    ".jpeg": "dpa_compare.io.image",
    ".webp": "dpa_compare.io.image",
    ".tif": "dpa_compare.io.image",
    ".tiff": "dpa_compare.io.image",
}
"""File suffix → module whose `read(data, path)` reads it."""


@dataclass(frozen=True)
class Source:
    """What a reader found in one file: its blocks in reading order, and its title."""

    path: str
    sha256: str
    blocks: tuple[Block, ...]
    title: str = ""


def read(path: str | Path, ocr: bool = False) -> Source:
    """Return the blocks of the file at `path`.

    Raises `LoadError` naming the file for every problem a user can fix: a
    missing file, an unsupported suffix, an empty, damaged, unsafe or
    textless document. A folder of page images, or several image paths joined
    with `os.pathsep`, is read by OCR as one document (`dpa_compare.io.image`);
    `ocr` True also reads the pictures of a saved web page (`io.html_images`).
    """
    pages = _image_pages(path)
    if pages is not None:
        from dpa_compare.io import image

        return _checked(image.read_many(pages, Path(str(path).split(os.pathsep)[0])), Path(path))
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix not in READERS:
        check_input(file)
        supported = ", ".join(sorted({s for s in READERS if s not in (".htm", ".markdown")}))
        raise LoadError(
            file, f"unsupported file type '{suffix or '(none)'}'; supported: {supported}"
        )
    data = read_input(file, "document")
    if not data:
        raise LoadError(file, "the file is empty")
    reader = importlib.import_module(READERS[suffix])
    options = {"ocr": True} if ocr and suffix in (".html", ".htm") else {}
    source: Source = reader.read(data, file, **options)
    shown = display_path(file)
    if shown != source.path:
        # -- a file name with bytes that are not UTF-8: keep it printable in every output --
        source = replace(source, path=shown)
    return _checked(source, file)


def _checked(source: Source, file: Path) -> Source:
    if not any(block.text.strip() or block.auto_label for block in source.blocks):
        raise LoadError(file, "the document contains no text")
    return source


def _image_pages(path: str | Path) -> list[Path] | None:
    """Return the page images of a folder of images or a joined list of image paths, else None."""
    from dpa_compare.io.image import images_in, split_path_list

    if Path(path).is_dir():
        return images_in(Path(path)) or None
    return split_path_list(str(path))


def sha256_of(data: bytes) -> str:
    """Return the hex SHA-256 digest of `data`."""
    return hashlib.sha256(data).hexdigest()


__all__ = ["MAX_INPUT_BYTES", "READERS", "Source", "read", "sha256_of"]
