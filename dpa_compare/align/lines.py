"""Line-file input for sentence alignment: one sentence per line, UTF-8."""

from __future__ import annotations

from pathlib import Path

from dpa_compare.errors import LoadError


def read_lines(path: str | Path) -> list[str]:
    """Return the lines of a UTF-8 text file (a BOM is dropped, line ends removed).

    Raises LoadError naming the file when it is missing, not UTF-8 or binary.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise LoadError(path, "no such file") from None
    except IsADirectoryError:
        raise LoadError(
            path, "is a folder, expected a text file with one sentence per line"
        ) from None
    except OSError as error:
        raise LoadError(path, f"cannot read: {error.strerror or error}") from None
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
