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
from dpa_compare.errors import DpaCompareError, OutputError
from dpa_compare.files import same_file

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


def _join_page_images(argv: list[str]) -> list[str]:
    """Return `argv` with the page images of one document joined into one argument.

    A run of image paths after an option (`--zh p-1.png p-2.png`) is one
    document; so is a run of positional image paths when the command is given
    more positional arguments than it takes (`segment p-1.png p-2.png`), but
    not when each fills a slot of its own (`check en.png zh.png`).
    """
    from dpa_compare.io.image import PATH_LIST_SEPARATOR, is_image, join_image_arguments

    command, start = _command_of(argv)
    arguments = [p for p in command.params if isinstance(p, click.Argument)] if command else []
    if command is None or any(p.nargs != 1 for p in arguments):
        return join_image_arguments(argv)
    valued = {
        name
        for p in command.params
        if isinstance(p, click.Option) and not p.is_flag and not p.count
        for name in p.opts
    }
    positional, k = [], start
    while k < len(argv):
        token = argv[k]
        k += 2 if token in valued else 1
        if not token.startswith("-") or token == "-":
            positional.append(k - 1)
    if len(positional) <= len(arguments):
        return join_image_arguments(argv)
    joined: list[str] = []
    for k, token in enumerate(argv):
        previous = k - 1
        if (
            k in positional
            and previous in positional
            and is_image(token)
            and all(is_image(part) for part in joined[-1].split(PATH_LIST_SEPARATOR))
        ):
            joined[-1] += PATH_LIST_SEPARATOR + token
        else:
            joined.append(token)
    return join_image_arguments(joined)


def _command_of(argv: list[str]) -> tuple[click.Command | None, int]:
    """Return the (sub)command `argv` invokes and the index of its first own argument."""
    command: click.Command = cli
    k = 0
    while isinstance(command, click.Group) and k < len(argv):
        if argv[k].startswith("-"):
            k += 1
            continue
        found = command.get_command(click.Context(command), argv[k])
        if found is None:
            return None, k
        command, k = found, k + 1
    return (None, k) if isinstance(command, click.Group) else (command, k)


def _register_commands() -> None:
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"dpa_compare.cli.{name}")
        for command in module.COMMANDS:
            cli.add_command(command)


def main(argv: list[str] | None = None) -> None:
    """Run the command line and exit with its code; never show a traceback for bad input."""
    _register_commands()
    # -- `--zh page-*.png`: the shell gives one argument per page; they are one document --
    argv = _join_page_images(sys.argv[1:] if argv is None else argv)
    try:
        _refuse_output_naming_an_input(sys.argv[1:] if argv is None else argv)
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
    except MemoryError:
        click.echo(
            "dpa-compare: error: out of memory on this input; it is too large or too deeply nested",
            err=True,
        )
        sys.exit(EXIT_BAD_INPUT)
    except OSError as error:
        # -- an operating-system refusal (full disk, read-only file system, permission) is the
        #    environment's, not a bug: name the file and the reason --
        where = error.filename if error.filename is not None else "dpa-compare"
        click.echo(
            f"dpa-compare: error: {_one_line(str(where))}: {error.strerror or error}", err=True
        )
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


OUTPUT_OPTIONS = ("-o", "--output", "--output-dir", "--out")
"""Options that name an output file or folder, in every command."""


def _refuse_output_naming_an_input(args: list[str]) -> None:
    """Raise `OutputError` before any work when an output option names the same file as another
    argument.

    `os.path.samefile` sees through symlinks and hard links. The writer checks
    again against the inputs it actually read (`dpa_compare.files`).
    """
    outputs: list[str] = []
    others: list[str] = []
    pending = False
    for arg in args:
        if pending:
            outputs.append(arg)
            pending = False
        elif arg in OUTPUT_OPTIONS:
            pending = True
        elif arg.startswith(tuple(f"{o}=" for o in OUTPUT_OPTIONS if o.startswith("--"))):
            outputs.append(arg.split("=", 1)[1])
        elif arg.startswith("-o") and len(arg) > 2:
            outputs.append(arg[2:])
        else:
            others.append(arg.split("=", 1)[1] if arg.startswith("--") and "=" in arg else arg)
    for output in outputs:
        if output in ("", "-") or not os.path.exists(output):
            continue
        if any(same_file(output, other) for other in others if other != "-"):
            raise OutputError(
                output, "is one of the inputs; refusing to overwrite it (choose another -o)"
            )


def _one_line(text: str) -> str:
    """Return `text` on one line, with bytes that are not UTF-8 (in file names) shown as escapes."""
    printable = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return " ".join(printable.split())


__all__ = ["EXIT_BAD_INPUT", "EXIT_FINDINGS", "EXIT_INTERNAL", "EXIT_OK", "cli", "main"]
