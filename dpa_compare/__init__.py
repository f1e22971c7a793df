"""dpa_compare: compare bilingual (English ⇄ Chinese) legal documents clause by clause.

    >>> import dpa_compare
    >>> en = dpa_compare.load("corpus/en/dpa-2024-09.md")
    >>> en.clauses[0].label
"""

from dpa_compare.api import load, segment
from dpa_compare.errors import DpaCompareError, LoadError
from dpa_compare.model import Block, Clause, Document

__version__ = "0.1.0"

__all__ = ["Block", "Clause", "DpaCompareError", "Document", "LoadError", "__version__", "load", "segment"]
