"""Documents built from block specs, shared by the segmentation test modules."""

from dpa_compare.api import segment
from dpa_compare.model import Block, Document


def block_document(*specs, lang="en") -> Document:
    """Build a document from (text, options) specs; a bare string is a body paragraph."""
    blocks = []
    for number, spec in enumerate(specs, 1):
        text, options = (spec, {}) if isinstance(spec, str) else spec
        blocks.append(Block(text=text, location=f"line {number}", **options))
    return segment(blocks, lang)
