"""The built-in checks; importing this package registers them all in `qa.registry.CHECKS`.

- `structure`: omission, addition, length_ratio, governing_language
- `quantities`: numbers, dates, cross_references, urls
- `terms`: glossary, term_consistency, untranslated
- `typography`: punctuation, brackets
- `ocr`: ocr_confidence (text read from images)
"""

from __future__ import annotations

from dpa_compare.qa.checks import ocr, quantities, structure, terms, typography

__all__ = ["ocr", "quantities", "structure", "terms", "typography"]
