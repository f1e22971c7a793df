"""The library's front door: one call per pipeline stage, on `Document`s.

    >>> import dpa_compare
    >>> en = dpa_compare.load("corpus/en/dpa-2024-09.md")
    >>> zh = dpa_compare.load("corpus/zh/dpa-2023-03.zh.md")
    >>> old_en = dpa_compare.load("corpus/en/dpa-2023-03.md")
    >>> record = dpa_compare.compare(en, zh, previous_en=old_en)    # doctest: +SKIP
    >>> record.stale.counts(), record.qa.findings                   # doctest: +SKIP
    >>> dpa_compare.align_clauses(old_en, zh).links[0].confidence          # doctest: +SKIP
    >>> dpa_compare.compare_versions(old_en, en).counts()                       # doctest: +SKIP
    >>> dpa_compare.stale_translations(old_en, en, zh).counts()                  # doctest: +SKIP
    >>> dpa_compare.check_translation(old_en, zh).findings                      # doctest: +SKIP
    >>> model = dpa_compare.review(en, zh, previous_en=old_en)      # doctest: +SKIP
    >>> dpa_compare.write_review(model, "review.docx")              # doctest: +SKIP

`compare()` returns the comparison record every command reads (alignment,
version diffs, translation status, QA — each computed once, on first use);
the calls below are shortcuts that read one part of such a record.
Stages are imported when first called, so loading a document does not pay
for the sentence encoder or python-docx.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from dpa_compare import io
from dpa_compare.errors import UsageError
from dpa_compare.lang import detect_language
from dpa_compare.model import Block, Clause, Document, Language
from dpa_compare.record import Comparison, Options, compare
from dpa_compare.segment import segment_blocks

if TYPE_CHECKING:
    from dpa_compare.align.clause import ClauseAlignOptions
    from dpa_compare.diff import VersionDiff
    from dpa_compare.glossary.terms import Glossary
    from dpa_compare.model import Alignment
    from dpa_compare.notes.file import NotesFile
    from dpa_compare.qa.review import CheckResult
    from dpa_compare.report.model import ReportModel
    from dpa_compare.stale import StaleReport


def load(
    path: str | Path,
    lang: Language | str | None = None,
    version: str | None = None,
    date: str | None = None,
    ocr: bool = False,
) -> Document:
    """Return the segmented `Document` read from `path`.

    `lang` is `en`, `zh`, or None / `auto` to detect it from the script.
    `version` and `date` label the document for version comparison. `ocr`
    True reads a web page's pictures by OCR even when its text holds clauses.
    """
    source = io.read(path, ocr=ocr)
    language = _language(lang, source.blocks)
    clauses = tuple(segment_blocks(source.blocks, language))
    return Document(
        source=source.path,
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
    from dpa_compare.lang.dates import find_dates

    for clause in clauses[:8]:
        if (
            clause.label
            or clause.kind not in ("paragraph", "heading")
            or not _DATE_LINE.match(clause.full_text)
        ):
            continue
        for found in find_dates(clause.full_text, lang):
            if found.kind == "date" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", found.keys[0]):
                return found.keys[0]
    return None


def segment(
    blocks: list[Block] | tuple[Block, ...], lang: Language, source: str = "<blocks>"
) -> Document:
    """Return a `Document` segmented from `blocks` already read, in language `lang`."""
    return Document(
        source=source, lang=lang, sha256="", clauses=tuple(segment_blocks(tuple(blocks), lang))
    )


def _language(lang: str | None, blocks: tuple[Block, ...]) -> Language:
    if lang in (None, "auto"):
        return detect_language("\n".join(b.text for b in blocks))
    if lang not in ("en", "zh"):
        raise UsageError(f"unknown language {lang!r}; use en, zh or auto")
    return lang  # type: ignore[return-value]


def align_clauses(
    en: Document,
    zh: Document,
    glossary: Glossary | None = None,
    options: ClauseAlignOptions | None = None,
) -> Alignment:
    """Return the EN⇄ZH clause alignment of `en` and `zh` (every clause in exactly one link)."""
    record = compare(en, zh, glossary=glossary, options=Options(align=options))
    return record.aligned(en, zh, either_order=False)


def compare_versions(
    old: Document, new: Document, glossary_terms: Iterable[str] = ()
) -> VersionDiff:
    """Return the clause-by-clause changes from `old` to `new` (renumbering- and move-aware, with
    redlines)."""
    from dpa_compare.diff import diff as diff_versions

    return diff_versions(old, new, glossary_terms=glossary_terms)


def stale_translations(
    old_original: Document,
    new_original: Document,
    translation: Document,
    new_translation: Document | None = None,
) -> StaleReport:
    """Return the status of each translated clause after the original moved from `old_original` to
    `new_original`."""
    if new_translation is None:
        return compare(new_original, translation, previous_en=old_original).stale
    return compare(
        new_original, new_translation, previous_en=old_original, previous_zh=translation
    ).stale


def check_translation(
    en: Document,
    zh: Document,
    glossary: Glossary | None = None,
    notes: NotesFile | None = None,
    previous: tuple[Document, Document] | None = None,
) -> CheckResult:
    """Return the QA findings of the Chinese `zh` against the English `en` (`previous`: the versions
    before)."""
    previous_en, previous_zh = previous or (None, None)
    return compare(en, zh, previous_en, previous_zh, glossary=glossary, notes=notes).qa


def review(
    en: Document,
    zh: Document,
    previous_en: Document | None = None,
    previous_zh: Document | None = None,
    notes: NotesFile | None = None,
    glossary: Glossary | None = None,
) -> ReportModel:
    """Return the side-by-side review report of `zh` against `en`, as a model ready to write."""
    from dpa_compare.report.build import build_report

    return build_report(en, zh, previous_en, previous_zh, notes, glossary)


def write_review(model: ReportModel, path: str | Path, tracked_changes: bool = False) -> None:
    """Write the review `model` to the Word file `path` (atomically, byte-identical for equal
    models)."""
    from dpa_compare.report.docx_writer import write_docx

    write_docx(model, path, tracked_changes=tracked_changes)


def load_glossary(path: str | Path) -> Glossary:
    """Return the glossary in `path` (YAML, CSV/TSV or TBX)."""
    from dpa_compare.glossary.terms import load_glossary as load

    return load(path)


def load_notes(path: str | Path) -> NotesFile:
    """Return the translator notes in `path` (YAML or CSV)."""
    from dpa_compare.notes.file import load_notes as load

    return load(path)


__all__ = [
    "Comparison",
    "Options",
    "align_clauses",
    "check_translation",
    "compare",
    "compare_versions",
    "load",
    "load_glossary",
    "load_notes",
    "review",
    "segment",
    "stale_translations",
    "write_review",
]
