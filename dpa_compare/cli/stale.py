"""`dpa-compare stale`: which translated clauses an amendment of the original left stale."""

from __future__ import annotations

import click

from dpa_compare.cli.options import format_option, output_option
from dpa_compare.cli.output import CONTEXT, emit, progress

__all__ = ["COMMANDS", "stale_command"]

_FILE = click.Path(dir_okay=False, path_type=str)


@click.command("stale", context_settings=CONTEXT)
@click.option(
    "--old-en",
    "old_en",
    required=True,
    type=_FILE,
    help="The original, version the translation was made from.",
)
@click.option(
    "--new-en", "new_en", required=True, type=_FILE, help="The original, amended version."
)
@click.option("--zh", "zh", required=True, type=_FILE, help="The translation of --old-en.")
@click.option(
    "--new-zh",
    "new_zh",
    default=None,
    type=_FILE,
    help="The translation's next version: also report drift (which side changed).",
)
@format_option()
@output_option()
def stale_command(
    old_en: str, new_en: str, zh: str, new_zh: str | None, fmt: str, output: str | None
) -> None:
    """Give every translated clause a status after the original changed from --old-en to --new-en.

    current (original unchanged), stale (original changed: its redline is
    shown), renumbered / moved (translation valid, its number must follow),
    orphaned (original deleted), missing (original clause without a
    translation). With --new-zh: amended (both sides changed), stale (only the
    original), drift (only the translation). Either language may be the
    original: pass the original's versions as --old-en/--new-en.

    \b
    Example:
      dpa-compare stale --old-en corpus/en/dpa-2023-03.md --new-en corpus/en/dpa-2024-09.md \\
          --zh corpus/zh/dpa-2023-03.zh.md
      dpa-compare stale --old-en corpus/en/dpa-2020-05.md --new-en corpus/en/dpa-2023-03.md \\
          --zh corpus/zh/dpa-2020-05.zh.md --new-zh corpus/zh/dpa-2023-03.zh.md --format json
    """
    from dpa_compare.api import compare, load
    from dpa_compare.stale_render import stale_json, stale_text

    with progress("finding stale translations", total=2) as advance:
        old_doc = load(old_en)
        new_doc = load(new_en, lang=old_doc.lang)
        zh_doc = load(zh)
        new_zh_doc = load(new_zh, lang=zh_doc.lang) if new_zh else None
        advance(1, "aligning and comparing")
        # -- the translation's versions: `zh` translates --old-en; --new-zh is its next version --
        record = compare(new_doc, new_zh_doc or zh_doc, previous_en=old_doc,
                         previous_zh=zh_doc if new_zh_doc is not None else None)  # fmt: skip
        report = record.stale
        advance(1)
    emit(stale_json(report) if fmt == "json" else stale_text(report), output)


COMMANDS = [stale_command]
