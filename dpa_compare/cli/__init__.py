"""The `dpa-compare` command line: parse options, call the library, map exit codes.

Each command lives in its own module under `dpa_compare.cli` and registers
itself on `cli`. Exit codes: 0 done, 1 findings at or above `--fail-on`,
2 bad input or usage, 123 internal error (a bug: please report it).
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from dpa_compare import __version__
from dpa_compare.cli.output import CONTEXT
from dpa_compare.errors import DpaCompareError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 123

COMMAND_MODULES = (
    "segment",
    "align",
    "diff",
    "stale",
    "history",
    "check",
    "glossary",
    "notes",
    "report",
    "import_review",
    "demo",
)
"""Modules under `dpa_compare.cli` that each add one command (or group)."""


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="dpa-compare")
def cli() -> None:
    """Compare bilingual (English ⇄ Chinese) legal documents clause by clause.

    \b
    Example:
      dpa-compare demo
      dpa-compare segment corpus/en/dpa-2024-09.md
    """


def _register_commands() -> None:
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"dpa_compare.cli.{name}")
        for command in module.COMMANDS:
            cli.add_command(command)


def main(argv: list[str] | None = None) -> None:
    """Run the command line and exit with its code; never show a traceback for bad input."""
    from dpa_compare.io.image import join_image_arguments

    _register_commands()
    # -- `--zh page-*.png`: the shell gives one argument per page; they are one document --
    argv = join_image_arguments(sys.argv[1:] if argv is None else argv)
    try:
        code = cli.main(args=argv, prog_name="dpa-compare", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("dpa-compare: aborted", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except click.UsageError as error:
        where = error.ctx.command_path if error.ctx else "dpa-compare"
        click.echo(
            f"{where}: usage error: {_one_line(error.format_message())} (see '{where} --help')",
            err=True,
        )
        sys.exit(EXIT_BAD_INPUT)
    except click.ClickException as error:
        click.echo(f"dpa-compare: error: {_one_line(error.format_message())}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except DpaCompareError as error:
        click.echo(f"dpa-compare: error: {_one_line(str(error))}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except KeyboardInterrupt:
        click.echo("dpa-compare: interrupted", err=True)
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 -- the last line of defence against tracebacks
        if os.environ.get("DPA_COMPARE_DEBUG"):
            raise
        click.echo(
            f"dpa-compare: internal error: {type(error).__name__}: {_one_line(str(error))} "
            "(set DPA_COMPARE_DEBUG=1 for a traceback, and please report it)",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def _one_line(text: str) -> str:
    return " ".join(text.split())


__all__ = ["EXIT_BAD_INPUT", "EXIT_FINDINGS", "EXIT_INTERNAL", "EXIT_OK", "cli", "main"]
