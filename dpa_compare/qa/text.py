"""Small text helpers shared by the checks: scripts, URLs, e-mail addresses, span bookkeeping."""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata

from dpa_compare.lang.script import HAN, has_han
from dpa_compare.lang.script import HAN_CHAR as CJK_CHAR

URL = re.compile(r"(?:https?://|ftp://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+", re.IGNORECASE)
EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")

_TO_ASCII = str.maketrans(
    "０１２３４５６７８９％＄￥．",
    "0123456789%$¥.",
)
_FULLWIDTH_COLON = re.compile(r"(?<=\d)：(?=\d)")


def normalise(text: str) -> str:
    """Return `text` with full-width digits, `％`, `＄`, `￥`, `．` and `：` between digits made
    ASCII.

    The result has the same length as `text`, so spans found in it index
    the original text too.
    """
    return _FULLWIDTH_COLON.sub(":", text.translate(_TO_ASCII))


def _clean_url(url: str) -> str:
    # -- a URL at the end of a sentence drags the sentence's punctuation with it --
    url = url.rstrip(".,;:!?'")
    while url.endswith(")") and url.count("(") < url.count(")"):
        url = url[:-1]
    return url


def find_urls(text: str) -> list[tuple[str, int, int]]:
    """Return the URLs in `text` as (url, start, end), trailing punctuation left out."""
    found = []
    for match in URL.finditer(text):
        url = _clean_url(match.group())
        found.append((url, match.start(), match.start() + len(url)))
    return found


def find_emails(text: str) -> list[tuple[str, int, int]]:
    """Return the e-mail addresses in `text` as (address, start, end)."""
    found = []
    for match in EMAIL.finditer(text):
        address = match.group().rstrip(".")
        found.append((address, match.start(), match.start() + len(address)))
    return found


def url_key(url: str) -> str:
    """Return `url` in a form that ignores scheme case, host case and one trailing slash."""
    head, sep, rest = url.partition("://")
    if sep:
        host, slash, path = rest.partition("/")
        url = f"{head.lower()}://{host.lower()}{slash}{path}"
    else:
        host, slash, path = url.partition("/")
        url = f"{host.lower()}{slash}{path}"
    return url.rstrip("/")


class Spans:
    """Character spans already claimed in a text, so later patterns skip them."""

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []  # -- sorted by start --
        self._longest = 0

    def free(self, start: int, end: int) -> bool:
        """Return True when no claimed span overlaps `start`–`end`.

        Only spans starting within the longest claimed length before `start`
        can reach it, so a long text with many values stays linear.
        """
        low = bisect.bisect_left(self._spans, (start - self._longest, -1))
        high = bisect.bisect_left(self._spans, (end, -1))
        return not any(start < e and s < end for s, e in self._spans[low:high])

    def add(self, start: int, end: int) -> None:
        """Claim `start`–`end`."""
        bisect.insort(self._spans, (start, end))
        self._longest = max(self._longest, end - start)


def text_key(text: str) -> str:
    """Return `text` normalised for hashing: NFKC, whitespace runs collapsed to one space, trimmed.

    Re-wrapping a paragraph, full-width vs half-width forms and trailing
    spaces do not change the key; any change of wording does.
    """
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pair_hash(en_text: str, zh_text: str) -> str:
    """Return the sha256 hex digest of the normalised English and Chinese text of a pair."""
    payload = f"{text_key(en_text)}\x1f{text_key(zh_text)}"
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def text_hash(text: str) -> str:
    """Return the sha256 hex digest of one normalised text (what a translator note pins)."""
    return hashlib.sha256(text_key(text).encode("utf-8")).hexdigest()


__all__ = [
    "CJK_CHAR",
    "EMAIL",
    "HAN",
    "URL",
    "Spans",
    "find_emails",
    "find_urls",
    "has_han",
    "normalise",
    "pair_hash",
    "text_hash",
    "text_key",
    "url_key",
]
