"""Language knowledge: everything that depends on English or Chinese, and nothing else does.

- `script`: which characters are Han or CJK (`HAN`, `has_han`, `is_cjk`); Traditional → Simplified.
- `numerals`: Chinese, roman and letter numerals both ways; the Chinese numeral character sets.
- `numwords`: numbers in words (English cardinals and ordinals, Chinese decimals and scales).
- `dates`: dates and times in both languages, read into comparable keys.
- `sentences`: sentence ends, splitting and counting.
- `labels`, `en`, `zh`: clause labels, defined terms, titles.
- `citations`: the one citation grammar (worded, reordered, relative, ranges) in both languages.
- `measures`, `implied`: what a number beside a word is (a version, a rank, a count), and figures
  stated in words (`twice`, 半數).
- `terms`: quoted terms, short forms and bracketed English glosses.
- `notices`: a translation's notice about itself (for reference only; the Chinese prevails).
- `quotes`: where a sentence closes a quotation (sentence alignment).
- `zh_ocr`: repairs of Chinese punctuation that OCR misreads.

Stages build their patterns from these (`f"[{HAN}]"`, `CHINESE_NUMERAL_CLASS`)
rather than writing a range or a numeral set of their own.
"""

from __future__ import annotations

import re

from dpa_compare.lang.script import HAN_CHAR
from dpa_compare.model import Language

_LATIN = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> Language:
    """Return `zh` when Han characters make up a fair share of the letters, else `en`.

    Chinese legal text carries many Latin tokens (GDPR, URLs, names), so the
    threshold is low: a text counts as Chinese when at least 20% of its
    letters are Han characters.
    """
    sample = text[:200_000]
    han = len(HAN_CHAR.findall(sample))
    latin = len(_LATIN.findall(sample))
    if han == 0:
        return "en"
    # -- one Han character carries about as much as a five-letter word --
    return "zh" if han * 5 >= (han * 5 + latin) * 0.2 else "en"


__all__ = ["detect_language"]
