"""The translation-status model shared by `dpa-compare stale` and `dpa-compare report`.

One status per translated clause says what a translator must do with it:

- `current` — the original did not change (or changed only typographically);
- `cosmetic` — the original changed only in case, punctuation or whitespace
  (`Paragraph` → `paragraph`): the translation probably needs no edit, but a look;
- `stale` — the original's wording changed: the translation must follow;
- `renumbered` / `moved` — the translation is valid, its number must follow;
- `orphaned` — its original was deleted (or it never had one);
- `missing` — an original clause with no translation;
- `amended` / `drift` — with a second translation version: both sides
  changed / only the translation changed.

Both commands count the same rows (one per translated clause, `StaleRow`)
with `count_statuses`, so their counts agree; the report's table merges
rows that share a clause and shows the most urgent status of a merged row
(`most_urgent`). QA severity is a separate mark and never changes a status.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

TRANSLATION_STATUSES = (
    "current",
    "cosmetic",
    "stale",
    "renumbered",
    "moved",
    "orphaned",
    "missing",
    "amended",
    "drift",
)
"""Every translation status, in the order summaries list them."""

STATUS_LABELS = {
    "current": "Current",
    "cosmetic": "Cosmetic change",
    "stale": "Stale",
    "renumbered": "Renumbered",
    "moved": "Moved",
    "orphaned": "Orphaned",
    "missing": "Missing",
    "amended": "Amended",
    "drift": "Drift",
}
"""The label a person reads for each status."""

STATUS_MEANINGS = {
    "current": "translation matches the current original",
    "cosmetic": "original changed only in case, punctuation or spacing",
    "stale": "original's wording changed since the translation was made",
    "renumbered": "clause number changed; the translation's number must follow",
    "moved": "clause moved; the translation's place and number must follow",
    "orphaned": "translated clause whose original was deleted",
    "missing": "original clause with no translation",
    "amended": "original and translation both changed",
    "drift": "translation changed with no change of the original",
}
"""One line per status, for legends and help texts."""

_URGENCY = ("missing", "orphaned", "stale", "amended", "drift", "moved", "renumbered", "cosmetic")
"""Statuses from most to least urgent (`current` is below all of them)."""

ACTIONABLE = frozenset(TRANSLATION_STATUSES) - {"current"}
"""Statuses that ask the translator to do or check something."""


def most_urgent(statuses: Iterable[str]) -> str:
    """Return the most urgent of `statuses` (`current` when none is actionable or none given)."""
    found = set(statuses)
    return next((s for s in _URGENCY if s in found), "current")


def count_statuses(statuses: Iterable[str]) -> dict[str, int]:
    """Return {status: count} over `statuses`, every status present, in the usual order."""
    counts = dict.fromkeys(TRANSLATION_STATUSES, 0)
    for status in statuses:
        counts[status] = counts.get(status, 0) + 1
    return counts


def is_cosmetic_edit(old: str, new: str) -> bool:
    """Return True when `old` and `new` differ, but only in letter case, punctuation or whitespace.

    Such an edit (`Paragraph 3` → `paragraph 3`, a comma added, a double space)
    rarely changes what a translation must say, unlike any change of a word,
    number or symbol.
    """
    return old != new and _skeleton(old) == _skeleton(new)


def _skeleton(text: str) -> str:
    """Return `text` case-folded with every punctuation and separator character removed."""
    normal = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in normal if unicodedata.category(ch)[0] not in "PZC")


__all__ = [
    "ACTIONABLE",
    "STATUS_LABELS",
    "STATUS_MEANINGS",
    "TRANSLATION_STATUSES",
    "count_statuses",
    "is_cosmetic_edit",
    "most_urgent",
]
