"""The library's front door: the calls the CLI wraps, one per pipeline stage."""

from __future__ import annotations

import re
from pathlib import Path

from dpa_compare import io
from dpa_compare.errors import UsageError
from dpa_compare.lang import detect_language
from dpa_compare.model import Block, Clause, Document, Language
from dpa_compare.segment import segment_blocks


def load(
    path: str | Path,
    lang: Language | str | None = None,
    version: str | None = None,
    date: str | None = None,
) -> Document:
    """Return the segmented `Document` read from `path`.

    `lang` is `en`, `zh`, or None / `auto` to detect it from the script.
    `version` and `date` label the document for version comparison.
    """
    source = io.read(path)
    language = _language(lang, source.blocks)
    clauses = tuple(segment_blocks(source.blocks, language))
    return Document(
        source=str(path),
        lang=language,
        sha256=source.sha256,
        clauses=clauses,
        version=version,
        date=date or stated_date(clauses, language),
        title=source.title,
    )


_DATE_LINE = re.compile(
    r"^\s*(effective\s+(date|as\s+of)|last\s+(updated|revised|modified)|dated|version\s+date|date)\b"
    r"|^\s*(生效日期|更新日期|修订日期|修訂日期|最后更新|最後更新|日期)",
    re.IGNORECASE,
)


def stated_date(clauses: tuple[Clause, ...], lang: Language) -> str | None:
    """Return the ISO date a document states for itself (`Effective date: 1 May 2020`), or None.

    Only an unnumbered paragraph near the top that starts like a date line
    counts, so dates inside clauses are never taken for the version date.
    """
    from dpa_compare.qa.dates import find_dates

    for clause in clauses[:8]:
        if clause.label or clause.kind not in ("paragraph", "heading") or not _DATE_LINE.match(clause.full_text):
            continue
        for found in find_dates(clause.full_text, lang):
            if found.kind == "date" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", found.keys[0]):
                return found.keys[0]
    return None


def segment(blocks: list[Block] | tuple[Block, ...], lang: Language, source: str = "<blocks>") -> Document:
    """Return a `Document` segmented from `blocks` already read, in language `lang`."""
    return Document(source=source, lang=lang, sha256="", clauses=tuple(segment_blocks(tuple(blocks), lang)))


def _language(lang: str | None, blocks: tuple[Block, ...]) -> Language:
    if lang in (None, "auto"):
        return detect_language("\n".join(b.text for b in blocks))
    if lang not in ("en", "zh"):
        raise UsageError(f"unknown language {lang!r}; use en, zh or auto")
    return lang  # type: ignore[return-value]


__all__ = ["load", "segment"]
