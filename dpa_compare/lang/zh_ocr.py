"""Chinese text read by OCR: put back what the recogniser loses.

A recogniser trained on mixed text often returns a half-width comma, colon or
bracket where the page shows the full-width one, and drops the narrow gap
between a clause number and the Chinese text after it (`1.1“关联方”`). The
rules here repair only what sits next to Chinese characters, so English
sentences, numbers (`1,000`, `17:00`) and URLs inside a Chinese line keep
their ASCII punctuation.
"""

from __future__ import annotations

import re

from dpa_compare.lang.script import HAN

_CJK_PUNCT = "“”‘’「」『』（）《》【】、，。；：？！"

_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}

# -- a mark touching Chinese (or Chinese punctuation) on either side, never between two digits --
_MARK_NEXT_TO_HAN = re.compile(
    rf"(?<=[{HAN}{_CJK_PUNCT}])\s*([,;:?!])\s*|\s*([,;:?!])\s*(?=[{HAN}“‘「《（])"
)
_ITEM_MARKER = re.compile(r"[A-Za-z]{1,4}|\d{1,3}")
_SECTION_SIGN = re.compile(r"§(?=\d)")

# -- a full-width comma between Latin words, or a comma run into a name ("AI，Inc.", "AI,Inc.") --
_LATIN_COMMA = re.compile(r"(?<=[A-Za-z0-9.])\s*(?:，\s*(?=[A-Za-z])|,(?=[A-Z][a-z]))")

# -- a decimal clause number run into the text after it: "1.1“关联方”", "7.定义" --
_LABEL_RUN_ON = re.compile(rf"^(\d{{1,3}}(?:\.\d{{1,3}})*\.?)(?=[{HAN}“‘「《])")
_ASCII_ITEM_RUN_ON = re.compile(rf"^(\((?:[a-z]{{1,2}}|[ivx]{{1,5}}|\d{{1,2}})\))(?=[{HAN}“])")
_FULL_WIDTH_ITEM_SPACED = re.compile(r"^(（[一二三四五六七八九十]{1,3}）)[ \u3000]+")
_ANNEX_RUN_ON = re.compile(
    rf"^((?:附件|附录|附錄|附表)(?:[一二三四五六七八九十]{{1,3}}|\d{{1,2}}|[A-Z]))(?=[{HAN}])"
)
_NOT_A_LABEL_AFTER = "年月日号個个%％元倍天小时分秒周週项項条條款章节節"


def restore_fullwidth(text: str) -> str:
    """Return `text` with half-width `,;:?!` next to Chinese turned into `，；：？！`.

    Brackets become `（）` when they enclose Chinese, and a closing bracket
    takes the width of the bracket it closes; `(a)` and `(ii)` stay as printed.
    """

    def full(match: re.Match[str]) -> str:
        mark = match.group(1) or match.group(2)
        return _FULL_WIDTH[mark]

    text = _MARK_NEXT_TO_HAN.sub(full, text)
    text = _LATIN_COMMA.sub(", ", text)
    text = _SECTION_SIGN.sub("§ ", text)
    return _bracket_pairs(text)


def _bracket_pairs(text: str) -> str:
    """Return `text` with each bracket pair made full-width where Chinese typesetting uses `（）`.

    A pair is full-width when either bracket already is, when it encloses
    Chinese, or when it stands next to Chinese around more than an item
    marker: `（欧盟)`, `十(50%)` and `三十(30)日` become `（欧盟）`, `十（50%）` and
    `三十（30）日`; `(a)`, `(ii)` and `：(1)` stay as printed.
    """
    chars = list(text)
    opened: list[int] = []
    for index, char in enumerate(chars):
        if char in "(（":
            opened.append(index)
        elif char in ")）" and opened:
            start = opened.pop()
            if _full_width_pair(text, start, index):
                chars[start], chars[index] = "（", "）"
    return "".join(chars)


def _full_width_pair(text: str, start: int, end: int) -> bool:
    inside = text[start + 1 : end]
    if "（" in (text[start], text[end]) or "）" in (text[start], text[end]):
        return True
    if re.search(f"[{HAN}]", inside):
        return True
    before, after = text[start - 1 : start], text[end + 1 : end + 2]
    if inside.isdigit():
        # -- "三十(30)日" restates a number; "：(1)姓名" is an item marker --
        return bool(re.match(f"[{HAN}]", before))
    return bool(re.search(f"[{HAN}]", before + after)) and not _ITEM_MARKER.fullmatch(inside)


def restore_label_space(text: str) -> str:
    """Return a paragraph with the space after its leading clause number as typeset.

    A decimal number (`1.1`, `7.`) or an ASCII-bracketed item (`(ii)`) is
    followed by a space; a full-width bracketed item (`（一）`, whose glyph
    carries its own spacing) by none; an annex heading (`附件一 处理详情`) by
    one. A number followed by a counter or a unit (`2023年`, `30日`, `5项`)
    is a quantity, not a clause number, and is left alone.
    """
    match = _LABEL_RUN_ON.match(text)
    if match and (match.group(1).endswith(".") or text[match.end()] not in _NOT_A_LABEL_AFTER):
        return f"{match.group(1)} {text[match.end() :]}"
    match = _ASCII_ITEM_RUN_ON.match(text)
    if match:
        return f"{match.group(1)} {text[match.end() :]}"
    match = _FULL_WIDTH_ITEM_SPACED.match(text)
    if match:
        return match.group(1) + text[match.end() :]
    match = _ANNEX_RUN_ON.match(text)
    if match and not re.search("[。；：，]", text):
        return f"{match.group(1)} {text[match.end() :]}"
    return text


LONE_FULL_STOP = frozenset({"0", "o", "O", "°", "。", "."})
"""What a recogniser reads a full stop as when it stands alone on a line (`。` is a small ring)."""


CLOSING_MARKS = "。，、；：？！）」』”’》】"
"""Marks that end a phrase and so may be all that wraps onto a paragraph's last line."""


def wrapped_closing(text: str, line_before: str) -> str | None:
    """Return the closing marks a line reading `text` holds after Chinese `line_before`, or None.

    A lone full stop read as `0`/`o` becomes `。`; a line of closing marks
    only (`》）。`) is kept as read.
    """
    mark = text.strip()
    if is_lone_full_stop(mark, line_before):
        return "。"
    before = line_before.rstrip()
    if (
        mark
        and before
        and all(c in CLOSING_MARKS for c in mark)
        and re.match(rf"[{HAN}]", before[-1])
    ):
        return mark
    return None


def is_lone_full_stop(text: str, line_before: str) -> bool:
    """Return True when a line reading `text` is the `。` ending Chinese `line_before`.

    A paragraph's closing `。` wrapped onto a line of its own is read out of
    context as a zero or a letter o; after a line of Chinese that does not end
    a sentence, it can only be the full stop.
    """
    before = line_before.rstrip()
    return (
        text.strip() in LONE_FULL_STOP and bool(before) and bool(re.match(rf"[{HAN}]", before[-1]))
    )


__all__ = [
    "CLOSING_MARKS",
    "LONE_FULL_STOP",
    "is_lone_full_stop",
    "wrapped_closing",
    "restore_fullwidth",
    "restore_label_space",
]
