"""Options several commands share, declared once so their names, types and help agree.

Each function returns a click decorator; a command passes its own help where the meaning differs
(for example what `--format text` prints), and takes the common wording otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

__all__ = ["format_option", "lang_option", "ocr_option", "output_option"]

F = TypeVar("F", bound=Callable[..., Any])

TO_STDOUT_HELP = "Write here instead of stdout."
"""The help of an optional `-o/--output` that replaces standard output."""

OCR_HELP = (
    "Read the pictures of a saved web page by OCR even when its text holds clauses "
    "(images, folders of images and scanned PDFs are always read by OCR; needs the ocr extra)."
)


def format_option(help: str | None = None) -> Callable[[F], F]:
    """`--format text|json` into the parameter `fmt`, text by default."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help=help,
    )


def output_option(help: str = TO_STDOUT_HELP, *, required: bool = False) -> Callable[[F], F]:
    """`-o/--output FILE`: a file path (never a folder); written atomically by the command."""
    return click.option(
        "-o",
        "--output",
        required=required,
        default=None,
        type=click.Path(dir_okay=False, path_type=str),
        help=help,
    )


def lang_option(help: str) -> Callable[[F], F]:
    """`--lang en|zh|auto`, auto by default (detected from the script)."""
    return click.option(
        "--lang",
        type=click.Choice(["en", "zh", "auto"]),
        default="auto",
        show_default=True,
        help=help,
    )


def ocr_option() -> Callable[[F], F]:
    """`--ocr`: read a saved web page's pictures even when its text already holds clauses."""
    return click.option("--ocr", is_flag=True, help=OCR_HELP)
