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

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_PUNCT = "“”‘’「」『』（）《》【】、，。；：？！"

_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}

# -- a mark touching Chinese (or Chinese punctuation) on either side, never between two digits --
_MARK_NEXT_TO_HAN = re.compile(
    rf"(?<=[{_HAN}{_CJK_PUNCT}])\s*([,;:?!])\s*|\s*([,;:?!])\s*(?=[{_HAN}“‘「《（])"
)
_BRACKETED_HAN = re.compile(rf"\(([^()]*[{_HAN}][^()]*)\)")

# -- a full-width comma the recogniser put between two Latin words ("AI，Inc.") --
_LATIN_COMMA = re.compile(r"(?<=[A-Za-z0-9.])\s*，\s*(?=[A-Za-z])")

# -- a decimal clause number run into the text after it: "1.1“关联方”", "7.定义" --
_LABEL_RUN_ON = re.compile(rf"^(\d{{1,3}}(?:\.\d{{1,3}})*\.?)(?=[{_HAN}“‘「《])")
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
    text = _BRACKETED_HAN.sub(r"（\1）", text)
    text = _LATIN_COMMA.sub(", ", text)
    return _matched_closers(text)


def _matched_closers(text: str) -> str:
    """Return `text` with each bracket closing a full-width `（` made full-width, and vice versa."""
    chars = list(text)
    opened: list[str] = []
    for index, char in enumerate(chars):
        if char in "(（":
            opened.append(char)
        elif char in ")）" and opened:
            chars[index] = "）" if opened.pop() == "（" else ")"
    return "".join(chars)


def restore_label_space(text: str) -> str:
    """Return `text` with a space put back between a leading decimal clause number and Chinese.

    A number followed by a counter or a unit (`2023年`, `30日`, `5项`) is a
    quantity, not a clause number, and is left alone.
    """
    match = _LABEL_RUN_ON.match(text)
    if not match or text[match.end()] in _NOT_A_LABEL_AFTER:
        return text
    return f"{match.group(1)} {text[match.end() :]}"


__all__ = ["restore_fullwidth", "restore_label_space"]
