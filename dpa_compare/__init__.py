"""dpa_compare: compare bilingual (English ⇄ Chinese) legal documents clause by clause.

    >>> import dpa_compare
    >>> en = dpa_compare.load("corpus/en/dpa-2024-09.md")
    >>> zh = dpa_compare.load("corpus/zh/dpa-2023-03.zh.md")
    >>> alignment = dpa_compare.align_clauses(en, zh)  # doctest: +SKIP
    >>> record = dpa_compare.compare(en, zh)  # every stage, once, lazily  # doctest: +SKIP

See `dpa_compare.api` for one call per pipeline stage.
"""

from dpa_compare.api import (
    Comparison,
    Options,
    align_clauses,
    check_translation,
    compare,
    compare_versions,
    load,
    load_glossary,
    load_notes,
    review,
    segment,
    stale_translations,
    write_review,
)
from dpa_compare.errors import DpaCompareError, LoadError
from dpa_compare.model import Alignment, Block, Clause, Document, Link

__version__ = "0.1.0"

__all__ = [
    "Alignment",
    "Block",
    "Clause",
    "Comparison",
    "DpaCompareError",
    "Document",
    "Link",
    "LoadError",
    "Options",
    "__version__",
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
