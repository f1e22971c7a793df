"""The library's front door: the calls the CLI wraps, one per pipeline stage."""

from __future__ import annotations

from pathlib import Path

from dpa_compare import io
from dpa_compare.errors import UsageError
from dpa_compare.lang import detect_language
from dpa_compare.model import Block, Document, Language
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
    clauses = segment_blocks(source.blocks, language)
    return Document(
        source=str(path),
        lang=language,
        sha256=source.sha256,
        clauses=tuple(clauses),
        version=version,
        date=date,
        title=source.title,
    )


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
