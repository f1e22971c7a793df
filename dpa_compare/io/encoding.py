"""Decode the bytes of a plain-text or Markdown file, whatever encoding it was saved in.

Chinese documents still arrive in GBK/GB18030 (Windows in mainland China),
Big5 (Taiwan, Hong Kong) and UTF-16 (Notepad's "Unicode"), so decoding tries,
in order: a byte-order mark, strict UTF-8, UTF-16 without a mark (told by its
NUL bytes), GB18030, then Big5. The legacy encodings decode almost any byte
string without error, so their result is accepted only when it reads like
real text. Binary files are refused before any of that.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from dpa_compare.errors import LoadError
from dpa_compare.lang.script import is_cjk

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
"""Byte-order marks, longest first (a UTF-32 LE mark starts with the UTF-16 LE one)."""

SAMPLE_BYTES = 64 * 1024
"""How much of the file the binary and UTF-16 sniffers look at."""

MIN_READABLE = 0.97
"""Share of characters in a legacy-encoding decode that must be ordinary text."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_text(data: bytes, path: str | Path) -> str:
    """Return the text of `data`, the bytes of the file `path`, with `\\n` newlines and no BOM.

    Raises `LoadError` naming `path` when the bytes are binary or in no
    encoding this function can recognise.
    """
    text = _decode(data, path)
    text = (
        text.replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\u2028", "\n")
        .replace("\u2029", "\n\n")
    )
    return text.lstrip("\ufeff")


def _decode(data: bytes, path: str | Path) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, path)
    utf16 = _utf16_by_nuls(data[:SAMPLE_BYTES])
    if utf16:
        return _strict(data, utf16, path)
    if b"\x00" in data[:SAMPLE_BYTES] or _looks_binary(data[:SAMPLE_BYTES]):
        raise LoadError(
            path, "looks like a binary file, not text; is the file name's suffix right?"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if readable_share(text) >= MIN_READABLE:
            return text
    raise LoadError(path, "cannot decode the text: not UTF-8, UTF-16 or GB18030; save it as UTF-8")


def _strict(data: bytes, encoding: str, path: str | Path) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise LoadError(
            path,
            f"marked as {encoding.upper()} but byte {error.start} is not valid {encoding.upper()}",
        ) from None
    if "\x00" in text or len(_CONTROL.findall(text[:SAMPLE_BYTES])) > max(
        8, len(text[:SAMPLE_BYTES]) // 100
    ):
        raise LoadError(
            path, "looks like a binary file, not text; is the file name's suffix right?"
        )
    return text


def _utf16_by_nuls(sample: bytes) -> str | None:
    """Return `utf-16-le` / `utf-16-be` when `sample` has the NUL pattern of UTF-16 text, else None.

    Latin text in UTF-16 has a NUL in every other byte: at odd offsets in
    little-endian, at even offsets in big-endian. Chinese text has few NULs,
    so a UTF-16 file without a BOM and without any ASCII is not detected;
    such files are rare (Windows writes a BOM).
    """
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sum(1 for i in range(0, pairs * 2, 2) if sample[i] == 0)
    odd = sum(1 for i in range(1, pairs * 2, 2) if sample[i] == 0)
    for nuls, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls >= pairs * 0.3 and other <= pairs * 0.05:
            try:
                # -- not final: the sample may end inside a surrogate pair --
                codecs.getincrementaldecoder(encoding)().decode(sample[: pairs * 2], final=False)
            except UnicodeDecodeError:
                continue
            return encoding
    return None


def _looks_binary(sample: bytes) -> bool:
    """Return True when `sample` has many control bytes, as executables, images and zips do."""
    if not sample:
        return False
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32 and byte != 27 or byte == 127)
    return controls > max(8, len(sample) // 100)


def readable_share(text: str) -> float:
    """Return the share of characters in `text` that ordinary text is made of.

    Ordinary: ASCII printable and whitespace, CJK ideographs in the basic
    blocks (and extension A), CJK and full-width punctuation, kana, common Latin-1 letters and
    typographic punctuation. Rare extension ideographs, private-use, control
    and unassigned characters count against it, as do the odd symbols a
    wrong legacy decode produces.
    """
    if not text:
        return 1.0
    good = sum(1 for ch in text if _ordinary(ch))
    return good / len(text)


def _ordinary(ch: str) -> bool:
    code = ord(ch)
    if 0x20 <= code < 0x7F or ch in "\n\t\r\f":
        return True
    # -- rare extension ideographs (outside the basic plane) count against it --
    if code < 0x10000 and is_cjk(ch):
        return True
    if 0x2000 <= code <= 0x206F or 0x00A0 <= code <= 0x00FF or 0x2460 <= code <= 0x24FF:
        return True
    return unicodedata.category(ch) in ("Ll", "Lu") and code < 0x0250


__all__ = ["BOMS", "MIN_READABLE", "SAMPLE_BYTES", "decode_text", "readable_share"]
