"""Shared output helpers for commands: atomic writes, JSON, progress."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from dpa_compare.files import write_atomically

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
"""Click context settings every command declares itself, so `-h` works however a command is
invoked."""


def emit(text: str, output: str | Path | None) -> None:
    """Print `text` to stdout, or write it atomically to `output` when given."""
    if output is None or str(output) == "-":
        click.echo(text, nl=not text.endswith("\n"))
    else:
        write_atomically(output, text if text.endswith("\n") else text + "\n")


def to_json(data: Any) -> str:
    """Return `data` as indented JSON with Chinese kept as characters."""
    return json.dumps(data, ensure_ascii=False, indent=2)


@contextmanager
def progress(description: str, total: int | None = None) -> Iterator[Any]:
    """Yield a rich progress task advancer on stderr; silent when stderr is not a terminal."""
    if not sys.stderr.isatty() and not os.environ.get("FORCE_COLOR"):
        # -- nothing would be drawn: skip importing rich (~0.1 s of start-up) --
        yield lambda step=1, description=None: None
        return
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    from rich.console import Console

    console = Console(stderr=True)
    with Progress(
        *columns, console=console, transient=True, disable=not console.is_terminal
    ) as bar:
        task = bar.add_task(description, total=total)

        def advance(step: float = 1, description: str | None = None) -> None:
            bar.update(task, advance=step, description=description or None)

        yield advance


__all__ = ["CONTEXT", "emit", "progress", "to_json", "write_atomically"]
