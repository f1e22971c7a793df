"""Language knowledge: one module per language, plus script-based detection."""

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
