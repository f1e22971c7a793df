"""Render a `VersionDiff`: its JSON contract, and its redline text (coloured for a terminal).

diff_json(result)                 # what `dpa-compare diff --format json` prints
diff_text(result, colour=True)    # the text, with ANSI colours and strike-through / underline
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from dpa_compare.diff.summary import render_text

if TYPE_CHECKING:
    from dpa_compare.diff.changes import VersionDiff
    from dpa_compare.model import Document

_COLOURS = {-1: "red", 1: "green"}


def diff_json(result: VersionDiff) -> str:
    """Return the diff JSON contract: both sources, counts per kind, changes in reading order."""
    data = {
        "old": _source(result.old),
        "new": _source(result.new),
        "signature": result.signature,
        "summary": result.counts(),
        "changes": [change.to_dict() for change in result.changes],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def _source(document: Document) -> dict[str, object]:
    return {"path": document.source, "sha256": document.sha256, "version": document.version}


def diff_text(result: VersionDiff, colour: bool = False) -> str:
    """Return the text rendering of a comparison; `colour` adds terminal colours."""
    if not colour:
        return render_text(result)
    import click

    def style(op: int, text: str) -> str:
        if op == 0:
            return text
        # -- colour alone is lost on a monochrome terminal or to colour-blind
        #    readers: keep strike-through / underline as a second cue --
        return click.style(text, fg=_COLOURS[op], strikethrough=op == -1, underline=op == 1)

    return render_text(result, style=style, heading=lambda line: click.style(line, bold=True))


__all__ = ["diff_json", "diff_text"]
