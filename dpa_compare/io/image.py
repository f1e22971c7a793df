"""Image reader: a page image, a folder of them, or several image files, read as one document.

Pages are read in the order given; a folder's images are taken in natural
file-name order (`page-2.png` before `page-10.png`). A multi-page TIFF is
read frame by frame. The OCR itself is in `dpa_compare.io.ocr`, which needs
the `ocr` extra.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from pathlib import Path

from dpa_compare.errors import LoadError
from dpa_compare.files import read_input
from dpa_compare.io import Source, sha256_of
from dpa_compare.io.ocr import PageImage, engine_for, open_image, read_pages

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".tif", ".tiff")
"""File suffixes read as page images."""

PATH_LIST_SEPARATOR = os.pathsep
"""Separator of several image paths given as one document (`page-1.png:page-2.png`)."""


def is_image(path: str | Path) -> bool:
    """Return True when `path` names a file type read as a page image."""
    return Path(path).suffix.lower() in IMAGE_SUFFIXES


def read(data: bytes, path: Path) -> Source:
    """Return the paragraphs read by OCR from the image file `data`, read from `path`."""
    engine_for(path)
    frames = open_image(data, path)
    pages = [PageImage(frame, path.name if len(frames) == 1 else "") for frame in frames]
    blocks = read_pages(pages, path)
    return Source(path=str(path), sha256=sha256_of(data), blocks=blocks)


def read_many(paths: Sequence[Path], name: Path) -> Source:
    """Return the paragraphs read by OCR from the image files `paths`, in order, as one document.

    `name` is what errors and the document cite (the folder, or the first file).
    """

    if not paths:
        raise LoadError(name, f"holds no images ({', '.join(IMAGE_SUFFIXES)})")
    engine_for(name)
    digest = hashlib.sha256()
    pages: list[PageImage] = []
    for path in paths:
        if not is_image(path):
            raise LoadError(path, f"is not an image ({', '.join(IMAGE_SUFFIXES)})")
        data = read_input(path, "document")  # -- regular files within the document size limit --
        digest.update(sha256_of(data).encode())
        pages += [PageImage(frame, path.name) for frame in open_image(data, path)]
    return Source(path=str(name), sha256=digest.hexdigest(), blocks=read_pages(pages, name))


def images_in(folder: Path) -> list[Path]:
    """Return the image files directly inside `folder`, in natural file-name order."""
    return sorted(
        (p for p in folder.iterdir() if p.is_file() and is_image(p) and not p.name.startswith(".")),
        key=natural_key,
    )


def natural_key(path: Path) -> tuple[tuple[int, str], ...]:
    """Return a sort key that orders `page-2` before `page-10` (digits compared as numbers)."""
    parts = re.split(r"(\d+)", path.name.lower())
    return tuple((int(p), "") if p.isdigit() else (-1, p) for p in parts if p)


def join_image_arguments(argv: Sequence[str]) -> list[str]:
    """Return `argv` with each run of image paths after an option joined into one path list.

    `dpa-compare report --zh page-*.png` hands the command one argument per
    page; joined with `PATH_LIST_SEPARATOR` they reach the reader as one
    document, in the order given. Only a run that follows an option is joined:
    positional image arguments (`check en.png zh.png`) stay separate documents,
    and every other argument, empty ones included, is kept as given.
    """
    joined: list[str] = []
    k = 0
    while k < len(argv):
        arg = argv[k]
        joined.append(arg)
        k += 1
        if not arg.startswith("-"):
            continue
        run = []
        while k < len(argv) and not argv[k].startswith("-") and is_image(argv[k]):
            run.append(argv[k])
            k += 1
        if run:
            joined.append(PATH_LIST_SEPARATOR.join(run))
    return joined


def split_path_list(path: str) -> list[Path] | None:
    """Return the image paths of a joined path list, or None when `path` is a single path."""
    parts = path.split(PATH_LIST_SEPARATOR)
    if len(parts) < 2 or not all(is_image(p) for p in parts):
        return None
    return [Path(p) for p in parts]


__all__ = [
    "IMAGE_SUFFIXES",
    "PATH_LIST_SEPARATOR",
    "images_in",
    "is_image",
    "join_image_arguments",
    "natural_key",
    "read",
    "read_many",
    "split_path_list",
]
