"""Line-file input for sentence alignment: one sentence per line, UTF-8."""

from __future__ import annotations

from pathlib import Path

from dpa_compare.errors import LoadError
from dpa_compare.files import read_input


def read_lines(path: str | Path) -> list[str]:
    """Return the lines of a UTF-8 text file (a BOM is dropped, line ends removed).

    Raises LoadError naming the file when it is missing, not UTF-8 or binary.
    """
    path = Path(path)
    data = read_input(path, "lines")
    if b"\x00" in data:
        raise LoadError(
            path, "looks binary (NUL bytes); expected UTF-8 text, one sentence per line"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise LoadError(path, f"not UTF-8 text (bad byte at offset {error.start})") from None
    return text.splitlines()


__all__ = ["read_lines"]
