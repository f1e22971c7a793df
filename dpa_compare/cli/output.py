"""Shared output helpers for commands: atomic writes, JSON, progress."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click


def write_atomically(path: str | Path, data: bytes | str) -> None:
    """Write `data` to `path` through a temporary file in the same folder, then rename.

    A crash or an error part-way leaves either the old file or none — never a
    half-written output.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(payload)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


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
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    from rich.console import Console

    console = Console(stderr=True)
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as bar:
        task = bar.add_task(description, total=total)

        def advance(step: float = 1, description: str | None = None) -> None:
            bar.update(task, advance=step, **({"description": description} if description else {}))

        yield advance


__all__ = ["emit", "progress", "to_json", "write_atomically"]
