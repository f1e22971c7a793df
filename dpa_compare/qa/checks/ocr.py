"""Text read from images: lines the OCR was unsure of, to verify against the image."""

from __future__ import annotations

from collections.abc import Iterator

from dpa_compare.qa.registry import Context, Issue, Pair, check
from dpa_compare.qa.values import extract_values


@check("major")
def ocr_confidence(pair: Pair, ctx: Context) -> Iterator[Issue]:
    """Chinese read from an image with low OCR confidence: verify against the image.

    One finding per clause that holds such lines, naming the page and the
    position of each line and every number, date or amount in it, so that a
    misread figure is never taken for a translation error without saying so.
    """
    clause = pair.zh
    if clause is None or not clause.ocr_doubts:
        return
    lines = []
    figures: list[str] = []
    for doubt in clause.ocr_doubts:
        values = [v for v in extract_values(doubt.text, "zh") if not v.weak]
        figures += [v.text.strip() or v.label for v in values]
        shown = (
            f"; figures: {', '.join(v.text.strip() or v.label for v in values)}" if values else ""
        )
        lines.append(f"{doubt.location} (confidence {doubt.confidence:.2f}): “{doubt.text}”{shown}")
    what = f"{len(lines)} line{'s' if len(lines) > 1 else ''}"
    if figures:
        what += f" with figures {', '.join(dict.fromkeys(figures))}"
    yield Issue(
        f"read from an image with low OCR confidence — verify against the image: {what}",
        tuple(lines),
    )


__all__ = ["ocr_confidence"]
